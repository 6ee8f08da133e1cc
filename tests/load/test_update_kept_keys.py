"""h24u: `mkdocs serve`'s update puts the unchanged status files' entries back under the keys
the full load gave them, without making a key for each again (load/update.py ``_File.keyed``),
and the model it gives is still a full load's."""

from __future__ import annotations

import pickle
import shutil
from pathlib import Path

import pytest

from duban.load.project import load_project
from duban.load.update import LiveLoad
from duban.model.refs import OccurrenceRef

COUNTY = Path(__file__).resolve().parents[2] / "examples" / "county" / "data"


@pytest.fixture
def county(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    shutil.copytree(COUNTY, data)
    return data


def _counting(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    made = [0]
    new = OccurrenceRef.__new__

    def counted(cls, *args, **kwargs):  # type: ignore[no-untyped-def]
        made[0] += 1
        return new(cls, *args, **kwargs)

    monkeypatch.setattr(OccurrenceRef, "__new__", counted)
    return made


def test_an_update_keys_only_the_changed_files_entries(
    county: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    live = LiveLoad()
    first = live.load(county, changed=None)
    assert first.model is not None
    name = "status/fagaiju.yaml"
    own = sum(1 for e in first.model.status.values() if e.source.file == name)
    others = len(first.model.status) - own
    assert own and others > own
    path = county / name
    path.write_text(path.read_text("utf-8") + "\n", "utf-8")
    made = _counting(monkeypatch)
    for _ in range(2):  # the second update keeps the first one's parts
        made[0] = 0
        updated = live.load(county, changed=[name])
        assert live.updated
        # main made a key for every kept entry of every other file again: `others` or more
        assert made[0] <= 2 * own < others
    monkeypatch.undo()
    fresh = load_project(county)
    assert updated.model is not None and fresh.model is not None
    assert list(updated.model.status) == list(fresh.model.status)
    assert pickle.dumps(updated.model) == pickle.dumps(fresh.model)


def test_a_changed_file_answering_a_kept_entrys_occurrence_is_still_reported(
    county: Path,
) -> None:
    live = LiveLoad()
    first = live.load(county, changed=None)
    assert first.model is not None
    # a copy of one unit's file under another name: every entry answers an occurrence already
    # answered by the kept file, so the update cannot tell and a full load reports it
    source = county / "status" / "fagaiju.yaml"
    shutil.copy(source, county / "status" / "zz-copy.yaml")
    updated = live.load(county, changed=["status/zz-copy.yaml"])
    fresh = load_project(county)
    assert updated.problems == fresh.problems and updated.problems
    assert (updated.model is None) == (fresh.model is None)
