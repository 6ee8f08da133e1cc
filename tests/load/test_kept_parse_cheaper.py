"""h24t: a status file taken as parsed before costs less to load: its shared strings come back
interned without walking its data (duban/load/shared_strings.py), and its entries' rules, which
found nothing in this very context, are not run again (``Document.vouched``). The model is the
one a load without the cache gives, to the object."""

from __future__ import annotations

import io
import pickle
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from duban.load import shared_strings
from duban.load.parsed import SUFFIX, ParsedFiles, _Values
from duban.load.project import load_project
from duban.load.resolve import status as status_module
from sitekit import demo_data, model_bytes


class RulesRun(Counter[str]):
    """The status files whose entries the entry rules were run on."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        super().__init__()

        def counted(rule: Any) -> Any:
            def run(context: Any) -> Any:
                self[context.doc.path.name] += 1
                return rule(context)

            return run

        rules = tuple(counted(r) for r in status_module.ENTRY_RULES)
        monkeypatch.setattr(status_module, "ENTRY_RULES", rules)
        period_problem = status_module.period_problem

        def period_checked(task: Any, due: Any, period: str) -> Any:
            self["periods checked"] += 1
            return period_problem(task, due, period)

        monkeypatch.setattr(status_module, "period_problem", period_checked)


def test_the_rules_of_an_unchanged_file_are_not_run_again(tmp_path, monkeypatch):
    """Main ran every entry rule on every entry of every file on every build."""
    data = demo_data(tmp_path)
    cache = tmp_path / "cache"
    fresh = model_bytes(load_project(data))
    rules = RulesRun(monkeypatch)
    assert model_bytes(load_project(data, parsed=ParsedFiles(cache))) == fresh
    periods = rules.pop("periods checked", 0)
    everyone = set(rules)
    assert len(everyone) > 3 and periods > 10  # cold: every file's entries checked
    rules.clear()
    plain = load_project(data, parsed=ParsedFiles(cache))
    assert model_bytes(plain) == fresh
    noisy = {Path(w.path).name for w in plain.warnings}  # never vouched: checked every time
    assert rules.pop("periods checked", 0) < periods / 2
    assert set(rules) == noisy & everyone and len(noisy) < len(everyone) / 4
    # a changed file is checked again: its rules run, and a broken rule is reported
    status = data / "status" / "baqiao.yaml"
    text = status.read_text("utf-8")
    rules.clear()
    status.write_text(text.replace("text: ", "text: 改动后：", 1), "utf-8")
    after = load_project(data, parsed=ParsedFiles(cache))
    assert "baqiao.yaml" in rules and model_bytes(after) == model_bytes(load_project(data))
    assert "state: done" in text
    broken = text.replace("state: done", "state: in-progress", 1)
    assert broken != text
    status.write_text(broken, "utf-8")  # a done date with a state that is not done
    project = load_project(data, parsed=ParsedFiles(cache))
    plainly = load_project(data)
    assert not project.ok and project.problems == plainly.problems
    assert any("set state to done" in p.message for p in project.problems)


def test_a_kept_parse_is_read_back_interned(tmp_path):
    """Every dict key and short string of a kept parse is the interned string, as a parse's."""
    data = demo_data(tmp_path)
    cache = tmp_path / "cache"
    assert load_project(data, parsed=ParsedFiles(cache)).ok
    kept = sorted((cache / "load").glob(f"*/*{SUFFIX}"))
    assert kept
    # the largest kept parse: a file's name is its key's digest, so kept[0] could be a unit's
    # file with no obligations of its own and hardly a string to check
    largest = max(kept, key=lambda path: path.stat().st_size)
    stored = shared_strings.loads(largest.read_bytes(), _Values)
    strings = []

    def walk(value: Any) -> None:
        if isinstance(value, dict):
            strings.extend(k for k in value if isinstance(k, str))
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)
        elif isinstance(value, str) and len(value) <= 16:
            strings.append(value)

    walk(stored[1])
    assert len(strings) > 20
    copies = [s for s in strings if s is not sys.intern(s)]
    assert not copies


@pytest.mark.parametrize(
    "forged",
    [
        "a class in the list",
        "a number in the list",
        "an id out of range",
        "an id that is not a number",
        "two values",
    ],
)
def test_a_forged_kept_parse_is_parsed_again(tmp_path, forged):
    data = demo_data(tmp_path)
    cache = tmp_path / "cache"
    fresh = model_bytes(load_project(data, parsed=ParsedFiles(cache)))
    path = sorted((cache / "load").glob(f"*/*{SUFFIX}"))[0]
    raw = path.read_bytes()
    head = pickle.dumps(["unit"], protocol=pickle.HIGHEST_PROTOCOL)

    class Persistent(pickle.Pickler):
        def __init__(self, out: Any, pid: Any) -> None:
            super().__init__(out, protocol=pickle.HIGHEST_PROTOCOL)
            self.pid = pid

        def persistent_id(self, obj: Any) -> Any:
            return self.pid if obj == "unit" else None

    def with_id(pid: Any) -> bytes:
        out = io.BytesIO()
        Persistent(out, pid).dump({"unit": 1})
        return head + out.getvalue()

    if forged == "a class in the list":
        path.write_bytes(pickle.dumps([Path("x")]) + raw)
    elif forged == "a number in the list":
        path.write_bytes(pickle.dumps([1]) + pickle.dumps({}))
    elif forged == "an id out of range":
        path.write_bytes(with_id(5))
    elif forged == "an id that is not a number":
        path.write_bytes(with_id("unit"))
    else:
        path.write_bytes(raw + pickle.dumps(1))
    with pytest.raises((pickle.UnpicklingError, IndexError, TypeError)):
        shared_strings.loads(path.read_bytes(), _Values)
    parsed = ParsedFiles(cache)
    assert model_bytes(load_project(data, parsed=parsed)) == fresh
    assert parsed.parsed >= 1
