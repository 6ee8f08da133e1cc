"""The strict loader: what it reads, what it refuses, and where it says the problem is."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from duban.load import strict_yaml as loader
from duban.load.strict_yaml import load_bytes, load_document


def load_text(text: str):
    return load_bytes(text.encode("utf-8"), Path("x.yaml"), "x.yaml")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("v: 12", 12),
        ("v: -3", -3),
        ("v: 2.5", 2.5),
        ("v: true", True),
        ("v: False", False),
        ("v: ~", None),
        ("v:", None),
        ("v: null", None),
        ("v: 08", "08"),  # an id, never octal
        ("v: 010", "010"),
        ("v: 2010-06-30", "2010-06-30"),  # dates stay text for the schema to check
        ("v: 2010-02-30", "2010-02-30"),  # no ValueError from the loader
        ("v: 12:30", "12:30"),  # not sexagesimal 750
        ("v: 1_000", "1_000"),
        ("v: 0x1F", "0x1F"),
        ("v: '12'", "12"),
        ('v: "true"', "true"),
        ("v: 'no'", "no"),
        ("v: !!str 12", "12"),
        ("v: 全年", "全年"),
    ],
)
def test_scalars_follow_yaml_1_2_core_and_keep_the_rest_as_text(text, value):
    document, problems = load_text(text)
    assert problems == []
    assert document.data == {"v": value}
    assert type(document.data["v"]) is type(value)


@pytest.mark.parametrize("word", ["yes", "No", "ON", "off", "y", "N"])
def test_yaml_1_1_booleans_are_refused(word):
    document, problems = load_text(f"v: {word}\n")
    assert document is None
    assert [(p.line, p.col, p.field) for p in problems] == [(1, 4, "v")]
    assert "ambiguous" in problems[0].message


def test_positions_are_one_based_and_kept_for_keys_and_values():
    document, _ = load_text("a:\n  - x: 1\n    y: [2, 3]\n中文: 值\n")
    assert document.position(("a", 0, "y", 1)) == (3, 12)
    assert document.position(("a", 0, "x"), of_key=True) == (2, 5)
    assert document.position(("中文",)) == (4, 5)
    # an unknown path falls back to its nearest known parent
    assert document.position(("a", 0, "missing")) == (2, 5)


def test_a_deliberately_broken_file_reports_every_problem_at_its_line():
    text = (
        "unit: alpha\n"  # 1
        "unit: beta\n"  # 2 duplicate key
        "obligations:\n"  # 3
        "  - &entry\n"  # 4 anchor
        "    task: 08\n"  # 5
        "    state: on\n"  # 6 YAML 1.1 boolean
        "  - *entry\n"  # 7 alias
        "  - <<: {task: 1}\n"  # 8 merge key
        "    done: !!timestamp 2010-06-30\n"  # 9 tag
        "    progress: .nan\n"  # 10 not finite
    )
    document, problems = load_text(text)
    assert document is None
    assert [(p.line, p.message) for p in problems] == [
        (2, "duplicate key 'unit' (first given on line 1)"),
        (4, "anchors (&name) are not allowed: write the value out in full"),
        (
            6,
            "'on' is ambiguous (a boolean in old YAML, text in YAML 1.2): "
            "write true or false, or put it in quotes",
        ),
        (7, "aliases (*name) are not allowed: write the value out in full"),
        (8, "merge keys (<<) are not allowed"),
        (9, "tags such as 'tag:yaml.org,2002:timestamp' are not allowed"),
        (10, "'.nan' is not a finite number"),
    ]


def test_billion_laughs_is_refused_quickly_without_expanding():
    lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 9)]
    started = time.perf_counter()
    document, problems = load_text("\n".join(lines) + "\n")
    assert document is None
    assert time.perf_counter() - started < 2
    assert all("anchors" in p.message or "aliases" in p.message for p in problems)


def test_deep_nesting_is_refused_without_recursion_error():
    document, problems = load_text("v: " + "[" * 5000 + "]" * 5000)
    assert document is None
    assert [p.message for p in problems] == [f"nested deeper than {loader.MAX_DEPTH} levels"]


def test_too_many_values_are_refused(monkeypatch):
    monkeypatch.setattr(loader, "MAX_NODES", 50)
    document, problems = load_text("v: [" + ", ".join(["1"] * 100) + "]")
    assert document is None
    assert problems[0].message == "more than 50 values in one file"


def test_a_file_larger_than_the_limit_is_refused_before_parsing(tmp_path, monkeypatch):
    monkeypatch.setattr(loader, "MAX_BYTES", 100)
    path = tmp_path / "big.yaml"
    path.write_text("v: " + "x" * 200)
    document, problems = load_document(path, "big.yaml")
    assert document is None
    assert [str(p) for p in problems] == ["big.yaml:1:1: is larger than the limit of 100 bytes"]


def test_an_unreadable_file_is_one_problem(tmp_path, monkeypatch):
    path = tmp_path / "locked.yaml"
    path.write_text("v: 1")

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "open", refuse)  # load/files.read_regular opens with os.open
    document, problems = load_document(path, "locked.yaml")
    assert document is None
    assert [str(p) for p in problems] == ["locked.yaml:1:1: cannot be read: Permission denied"]


def test_a_missing_file_is_one_problem(tmp_path):
    document, problems = load_document(tmp_path / "gone.yaml", "gone.yaml")
    assert document is None
    assert [str(p) for p in problems] == [
        "gone.yaml:1:1: cannot be read: No such file or directory"
    ]


def test_invalid_utf8_points_at_the_bad_byte():
    document, problems = load_bytes(b"a: 1\nb: caf\xe9\n", Path("x"), "x.yaml")
    assert document is None
    assert [str(p) for p in problems] == ["x.yaml:2:7: is not valid UTF-8 text"]


def test_a_utf8_bom_is_accepted():
    document, problems = load_bytes("\ufeffa: 值\n".encode(), Path("x"), "x.yaml")
    assert problems == []
    assert document.data == {"a": "值"}


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=400))
def test_arbitrary_bytes_never_raise(raw):
    document, problems = load_bytes(raw, Path("x"), "x.yaml")
    assert (document is None) == bool(problems)
    for problem in problems:
        assert problem.line >= 1 and problem.col >= 1


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab:-[]{}&*!|>'\"#\n ,?%@`~<1")), max_size=200))
def test_arbitrary_yaml_like_text_never_raises(text):
    document, problems = load_text(text)
    assert (document is None) == bool(problems)


# -- numbers and characters no plan needs (issue "Trust") ---------------------------------------
@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("v: 1e400", "'1e400' is not a finite number"),
        ("v: -1e400", "'-1e400' is not a finite number"),
        ("v: 1e16", "'1e16' is too large: numbers must lie between -10^15 and 10^15"),
        ("v: 1234567890123456", "'1234567890123456' " + loader.TOO_LARGE),
        ("v: " + "9" * 4000, "'" + "9" * 37 + "...' " + loader.TOO_LARGE),
    ],
)
def test_numbers_that_are_not_finite_or_not_sensible_are_refused(text, message):
    document, problems = load_text(text)
    assert document is None
    assert [str(p) for p in problems] == [f"x.yaml:1:4: v: {message}"]


@pytest.mark.parametrize("text", ["v: 123456789012345", "v: -1e15", "v: 0.000001", "v: 1e-400"])
def test_large_but_sensible_numbers_load(text):
    _, problems = load_text(text)
    assert problems == []


@pytest.mark.parametrize(
    ("char", "name"),
    [
        ("\x00", "null"),
        ("\x07", "bell"),
        ("\x1b", "escape"),
        ("\t", "tab"),
        ("\r", "carriage return"),
        ("\x85", "next line"),
        ("\x9b", "control character"),
        ("\u202e", "right-to-left override"),
        ("\u2066", "left-to-right isolate"),
        ("\u200f", "right-to-left mark"),
        ("\u061c", "arabic letter mark"),
        ("\u200b", "zero width space"),
        ("\u200d", "zero width joiner"),
        ("\u2060", "word joiner"),
        ("\ufeff", "zero width no-break space"),
    ],
)
def test_control_bidi_and_zero_width_characters_are_refused_in_values_and_keys(char, name):
    escaped = f"\\u{ord(char):04x}"
    message = f"contains U+{ord(char):04X} ({name}): remove it"
    _, problems = load_text(f'v: "a{escaped}b"\n')
    assert [str(p) for p in problems] == [f"x.yaml:1:4: v: {message}"]
    _, problems = load_text(f'k:\n  "a{escaped}b": 1\n')
    assert [str(p) for p in problems] == [f"x.yaml:2:3: k: {message}"]


def test_line_breaks_are_kept_in_text_but_refused_in_keys():
    document, problems = load_text('v: |\n  one\n  two\nw: "a\\nb"\n')
    assert problems == [] and document.data == {"v": "one\ntwo\n", "w": "a\nb"}
    _, problems = load_text('"a\\nb": 1\n')
    assert [str(p) for p in problems] == ["x.yaml:1:1: contains U+000A (line break): remove it"]


def test_a_raw_control_character_is_named_at_its_own_position():
    _, problems = load_text("a: 已轮训\x1b[31m 40\n")
    assert [str(p) for p in problems] == ["x.yaml:1:7: contains U+001B (escape): remove it"]


def test_a_byte_order_mark_at_the_start_of_a_file_is_allowed():
    document, problems = load_bytes("\ufeffv: 1\n".encode(), Path("x.yaml"), "x.yaml")
    assert problems == [] and document.data == {"v": 1}


def test_a_list_of_200000_items_is_one_problem_and_quick():
    raw = ("v: [" + ",".join(["1"] * 200_000) + "]\n").encode()  # 400 KB
    start = time.perf_counter()
    document, problems = load_bytes(raw, Path("x.yaml"), "x.yaml")
    assert time.perf_counter() - start < 2
    assert document is None
    assert [str(p) for p in problems] == [
        "x.yaml:1:10005: v: has more than 5,000 items: split the data or remove items"
    ]


def test_a_mapping_of_too_many_fields_is_one_problem():
    raw = ("v: {" + ",".join(f"k{i}: 1" for i in range(6000)) + "}\n").encode()
    _, problems = load_bytes(raw, Path("x.yaml"), "x.yaml")
    assert [p.message for p in problems] == [
        "has more than 5,000 fields: split the data or remove fields"
    ]
