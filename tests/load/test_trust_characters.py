"""Look-alike names: every invisible (Default_Ignorable_Code_Point) character and every
noncharacter is refused in keys and values, with one message that says to remove it; the plan
importer drops the same set (``load/characters.py`` is the one rule)."""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest

from duban.i18n.messages import translate
from duban.load.characters import (
    DEFAULT_IGNORABLE,
    NONCHARACTERS,
    REFUSED_IN_KEYS,
    REFUSED_IN_VALUES,
)
from duban.load.project import load_project
from duban.load.strict_yaml import load_bytes
from duban.plan_import import sanitize
from helpers import BASE


def load_text(text: str):
    return load_bytes(text.encode("utf-8"), Path("x.yaml"), "x.yaml")


def _points(ranges) -> list[int]:
    """The first, a middle and the last code point of each range."""
    return sorted({p for first, last in ranges for p in (first, (first + last) // 2, last)})


INVISIBLE = _points(DEFAULT_IGNORABLE)
NONCHARACTER = _points(NONCHARACTERS)
HANGUL_FILLERS = [0x115F, 0x1160, 0x3164, 0xFFA0]
SAMPLES = [0x00AD, 0x034F, 0xFE0F, 0x2061, 0x180E, 0xE0041, *HANGUL_FILLERS]


def test_the_ranges_are_unicodes_default_ignorable_code_points():
    """The brief's list, written out (Python's unicodedata has no such property)."""
    assert DEFAULT_IGNORABLE == (
        (0x00AD, 0x00AD),
        (0x034F, 0x034F),
        (0x061C, 0x061C),
        (0x115F, 0x1160),
        (0x17B4, 0x17B5),
        (0x180B, 0x180F),
        (0x200B, 0x200F),
        (0x202A, 0x202E),
        (0x2060, 0x206F),
        (0x3164, 0x3164),
        (0xFE00, 0xFE0F),
        (0xFEFF, 0xFEFF),
        (0xFFA0, 0xFFA0),
        (0xFFF0, 0xFFF8),
        (0x1BCA0, 0x1BCA3),
        (0x1D173, 0x1D17A),
        (0xE0000, 0xE0FFF),
    )
    assert len(NONCHARACTERS) == 18
    assert sum(last - first + 1 for first, last in NONCHARACTERS) == 66
    assert all(any(a <= p <= b for a, b in DEFAULT_IGNORABLE) for p in SAMPLES)


@pytest.mark.skipif(shutil.which("perl") is None, reason="perl knows the property")
def test_the_ranges_equal_perls_default_ignorable_code_point():
    script = (
        "my ($s, $p) = (-1, -2); for my $c (0 .. 0x10FFFF) { next if $c >= 0xD800 && $c <= 0xDFFF;"
        " if (chr($c) =~ /\\p{Default_Ignorable_Code_Point}/) { if ($c != $p + 1) {"
        ' printf("%X %X\\n", $s, $p) if $s >= 0; $s = $c } $p = $c } }'
        ' printf("%X %X\\n", $s, $p);'
    )
    out = subprocess.run(["perl", "-e", script], capture_output=True, text=True, check=True)
    ranges = tuple(tuple(int(x, 16) for x in line.split()) for line in out.stdout.splitlines())
    assert ranges == DEFAULT_IGNORABLE


@pytest.mark.parametrize("code", INVISIBLE + NONCHARACTER, ids=lambda c: f"U+{c:04X}")
def test_refused_in_a_value_escaped_or_raw(code):
    char = chr(code)
    assert REFUSED_IN_VALUES.search(char) and REFUSED_IN_KEYS.search(char)
    for text in (f'name: "法规\\U{code:08X}处"\n', f"name: 法规{char}处\n"):
        document, problems = load_text(text)
        assert document is None
        [problem] = problems
        assert problem.message == f"contains U+{code:04X} ({_name(code)}): remove it"
        zh = translate(problem.message, "zh")
        assert zh.endswith("请删去") and ("不可见字符" in zh or "非字符" in zh)


def _name(code: int) -> str:
    if (code & 0xFFFE) == 0xFFFE or 0xFDD0 <= code <= 0xFDEF:
        return "noncharacter"
    return unicodedata.name(chr(code), "unassigned").lower()


@pytest.mark.parametrize("code", INVISIBLE + NONCHARACTER, ids=lambda c: f"U+{c:04X}")
def test_refused_in_a_key(code):
    document, problems = load_text(f'"法规\\U{code:08X}处": 1\n')
    assert document is None
    assert [p.message for p in problems] == [f"contains U+{code:04X} ({_name(code)}): remove it"]


@pytest.mark.parametrize("code", INVISIBLE + NONCHARACTER, ids=lambda c: f"U+{c:04X}")
def test_the_importer_drops_what_the_loader_refuses(code):
    assert sanitize(f"法规{chr(code)}处") == ("法规处", 1)


@pytest.mark.parametrize("code", [0xAD, 0x34F, 0xFE0F, 0x3164, 0xE0041, 0xFFFF])
def test_a_supervisor_that_looks_like_another_unit_is_refused(tmp_path, code):
    """法规͏处 renders as 法规处 but would be another name."""
    root = tmp_path / "p"
    shutil.copytree(BASE, root)
    task = root / "data" / "plans" / "test-plan" / "tasks" / "01.yaml"
    text = task.read_text(encoding="utf-8")
    task.write_text(text.replace("supervise: [法规处]", f"supervise: [法规{chr(code)}处]"), "utf-8")
    project = load_project(root / "data")
    assert not project.ok
    messages = [p.message for p in project.problems]
    assert f"contains U+{code:04X} ({_name(code)}): remove it" in messages


@pytest.mark.parametrize("text", ["中文 text", "表情 ☺", "𠀀", "\ufffd", "\u00a0"])
def test_ordinary_text_is_kept(text):
    document, problems = load_text(f'name: "{text}"\n')
    assert problems == [] and document is not None
