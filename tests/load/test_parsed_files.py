"""Status files parsed before are not parsed nor checked again (duban/load/parsed.py, h24k): a
site build with a page cache loads through the validation cache, and the model it gets is the
one a load without it gives."""

from __future__ import annotations

import pickle
import shutil
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from duban.load import project as project_module
from duban.load.parsed import SUFFIX, ParsedFiles
from duban.load.project import load_project
from sitekit import demo_data, model_bytes


class Parses(Counter[str]):
    """Which files were parsed from YAML."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        super().__init__()
        loads = project_module.load_bytes, project_module.load_document

        def counted_bytes(raw: bytes, path: Path, display: str) -> Any:
            self[f"{path.parent.name}/{path.name}"] += 1
            return loads[0](raw, path, display)

        def counted_document(path: Path, display: str | None = None) -> Any:
            self[f"{path.parent.name}/{path.name}"] += 1
            return loads[1](path, display)

        monkeypatch.setattr(project_module, "load_bytes", counted_bytes)
        monkeypatch.setattr(project_module, "load_document", counted_document)


@pytest.mark.parametrize("on_disk", [True, False])
def test_unchanged_status_files_are_not_parsed_again_and_the_model_is_the_same(
    tmp_path, monkeypatch, on_disk
):
    data = demo_data(tmp_path)
    statuses = sorted(f"status/{p.name}" for p in (data / "status").glob("*.yaml"))
    parsed = ParsedFiles(tmp_path / "cache" if on_disk else None)
    plain = load_project(data)
    fresh = model_bytes(plain)
    # files with a warning (personal data) are never vouched for: checked on every load
    noisy = {f"status/{Path(w.path).name}" for w in plain.warnings} & set(statuses)
    assert len(noisy) < len(statuses) / 4
    assert model_bytes(load_project(data, parsed=parsed)) == fresh  # cold: all parsed, kept
    assert parsed.parsed == len(statuses) and parsed.reused == 0
    parses = Parses(monkeypatch)
    if on_disk:
        parsed = ParsedFiles(tmp_path / "cache")  # the next build's: from the folder
    assert model_bytes(load_project(data, parsed=parsed)) == fresh  # to the object
    assert set(parses) & set(statuses) == noisy  # no clean status file parsed
    assert parsed.reused == len(statuses) - len(noisy) and parsed.parsed == len(noisy)
    # one file changed: that one parsed again, the model the one of a load without the cache
    status = data / "status" / "baqiao.yaml"
    status.write_text(status.read_text("utf-8").replace("text: ", "text: 改动后：", 1), "utf-8")
    parses.clear()
    after = load_project(data, parsed=parsed)
    assert {n for n in parses if n in statuses} == {"status/baqiao.yaml", *noisy}
    assert model_bytes(after) == model_bytes(load_project(data))
    assert b"\xe6\x94\xb9\xe5\x8a\xa8\xe5\x90\x8e" in model_bytes(after)  # 改动后
    if on_disk:  # the older parse of the changed file was let go
        assert len(list((tmp_path / "cache" / "load").glob(f"*/*{SUFFIX}"))) == len(statuses)
    assert "status/baqiao.yaml" not in noisy


def test_a_file_with_a_problem_is_still_reported(tmp_path):
    data = demo_data(tmp_path)
    parsed = ParsedFiles(tmp_path / "cache")
    assert load_project(data, parsed=parsed).ok
    status = data / "status" / "baqiao.yaml"
    status.write_text(
        status.read_text("utf-8").replace("state: ", "state: 不存在的状态", 1), "utf-8"
    )
    broken = load_project(data, parsed=ParsedFiles(tmp_path / "cache"))
    assert not broken.ok and any(p.path.endswith("baqiao.yaml") for p in broken.problems)


def test_a_forged_or_broken_parse_is_not_used(tmp_path, monkeypatch):
    """A pickle naming a class (which could run code) or cut short is refused: parsed."""
    data = demo_data(tmp_path)
    cache = tmp_path / "cache"
    fresh = model_bytes(load_project(data, parsed=ParsedFiles(cache)))
    kept = sorted((cache / "load").glob(f"*/*{SUFFIX}"))
    assert len(kept) > 3

    class Evil:
        def __reduce__(self) -> Any:
            return (shutil.rmtree, (str(data),))

    key = kept[0].name[: -len(SUFFIX)]
    kept[0].write_bytes(pickle.dumps((key, Evil(), {}, {}, None, None)))
    kept[1].write_bytes(kept[1].read_bytes()[:-20])
    parses = Parses(monkeypatch)
    assert model_bytes(load_project(data, parsed=ParsedFiles(cache))) == fresh
    assert data.is_dir() and sum(parses[n] for n in parses if n.endswith(".yaml")) >= 2


def test_a_file_with_a_warning_is_checked_again_on_every_load(tmp_path):
    """Personal data is a warning, not a problem: the file is loaded, never vouched for, and so
    warned about on every build, however often it was parsed before."""
    data = demo_data(tmp_path)
    status = data / "status" / "baqiao.yaml"
    status.write_text(status.read_text("utf-8").replace("text: ", "text: 手机 13912345678 ", 1))
    for _ in range(3):
        project = load_project(data, parsed=ParsedFiles(tmp_path / "cache"))
        assert project.ok and any(w.path.endswith("baqiao.yaml") for w in project.warnings)
