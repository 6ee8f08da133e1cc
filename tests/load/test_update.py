"""`mkdocs serve`'s update of the last model by the status files that changed (load/update.py,
h24m): after every edit of a sequence, the updated project equals a full load of the same
files (the model pickled byte for byte, the same problems and warnings)."""

from __future__ import annotations

import pickle
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from duban.load.cache import file_digest
from duban.load.project import Project, load_project
from duban.load.update import LiveLoad

COUNTY = Path(__file__).resolve().parents[2] / "examples" / "county" / "data"


def _same(updated: Project, fresh: Project) -> None:
    assert updated.problems == fresh.problems
    assert updated.warnings == fresh.warnings
    assert (updated.model is None) == (fresh.model is None)
    if fresh.model is not None:
        assert pickle.dumps(updated.model) == pickle.dumps(fresh.model)


def _status_digests(data: Path) -> dict[str, str]:
    return {
        f"status/{p.name}": file_digest(p.read_bytes())
        for p in sorted((data / "status").glob("*.yaml"))
    }


def _edit(old: str, new: str, count: int = 1) -> Callable[[str], str]:
    def edit(text: str) -> str:
        assert old in text, old
        return text.replace(old, new, count)

    return edit


def _append(extra: str) -> Callable[[str], str]:
    return lambda text: text.rstrip("\n") + "\n" + extra


NEW_UPDATE = """  - date: "2024-05-10"
    text: 平台部署完成80%（新进展）。
    by: 县司法局法治督察股
"""
NO_TASK = """- task: "99-9"
  state: done
  done: "2023-01-01"
"""
SHARED = """- task: "2-2"
  period: 2024-Q1
  state: done
  done: "2024-03-18"
"""
SECOND_Q3 = """- task: "2-2"
  period: 2023-Q3
  state: in-progress
"""

# (file, edit: None removes the file, "restore" puts back the original), one step each
STEPS: list[tuple[str, Callable[[str], str] | str | None]] = [
    ("fagaiju", _edit("联合报送第二季度", "联合报送第二季度（改）")),  # a changed text
    ("fagaiju", _edit('state: done\n  done: "2023-12-22"', "state: in-progress")),  # a state
    ("sifaju", _edit("    by: 县司法局法治督察股\n", "    by: 县司法局法治督察股\n" + NEW_UPDATE)),
    ("tongjiju", None),  # a removed file: the shared duty's other holder
    ("tongjiju", "restore"),  # a new file
    ("sifaju", _append("obligations: [\n")),  # not YAML any more
    ("sifaju", "restore"),
    ("fagaiju", _append(NO_TASK)),  # an entry naming no task: no model
    ("tongjiju", _edit("obligations: []\n", "obligations:\n" + SHARED)),  # another file meanwhile
    ("fagaiju", "restore"),
    ("fagaiju", _append(SECOND_Q3)),  # the same occurrence twice
    ("fagaiju", "restore"),
    ("fagaiju", _edit("state: done", "state: bogus")),  # one entry fails its schema
    ("fagaiju", "restore"),
    ("xinjian", "copy fagaiju"),  # a file holding another unit's entries
    ("xinjian", None),
    ("sifaju", _edit("summary: 印发", "summary: 联系人电话13812345678，印发")),  # personal data
    ("sifaju", "restore"),
    ("sifaju", _edit('done: "2023-09-2', 'done: "2023-09-1')),  # the step others count from
    ("tongjiju", "restore"),
]


@pytest.fixture
def county(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    shutil.copytree(COUNTY, data)
    return data


def test_each_edit_of_status_files_gives_what_a_full_load_gives(county: Path) -> None:
    live = LiveLoad()
    first = live.load(county, changed=None, digests=_status_digests(county))
    assert first.ok and not live.updated
    originals = {p.stem: p.read_text("utf-8") for p in (county / "status").glob("*.yaml")}
    updates = warned = 0
    kinds: set[str] = set()
    for name, edit in STEPS:
        path = county / "status" / f"{name}.yaml"
        if edit is None:
            path.unlink()
        elif edit == "restore":
            path.write_text(originals[name], "utf-8")
        elif isinstance(edit, str):  # "copy <unit>"
            path.write_text(originals[edit.split()[1]], "utf-8")
        else:
            path.write_text(edit(path.read_text("utf-8")), "utf-8")
        updated = live.load(county, changed=[f"status/{name}.yaml"])
        updates += live.updated
        fresh = load_project(county)
        _same(updated, fresh)
        assert live.status_digests == _status_digests(county)  # of the bytes the model holds
        kinds.update(p.message.split(" ")[0] for p in fresh.problems)
        warned += bool(fresh.warnings)
    assert updates == len(STEPS)  # every step was an update, none a full load
    # the sequence met problems of each kind and personal data
    assert warned and len(kinds) >= 4, kinds


def test_the_edits_are_seen_and_a_problem_names_its_file(county: Path) -> None:
    live = LiveLoad()
    live.load(county, changed=None)
    path = county / "status" / "fagaiju.yaml"
    path.write_text(path.read_text("utf-8") + NO_TASK, "utf-8")
    broken = live.load(county, changed=["status/fagaiju.yaml"])
    assert live.updated and broken.model is None
    assert [p.path.endswith("fagaiju.yaml") for p in broken.problems] == [True]
    assert "99-9" in broken.problems[0].message
    path.write_text(re.sub(r'- task: "99-9"[\s\S]*$', "", path.read_text("utf-8")), "utf-8")
    fixed = live.load(county, changed=["status/fagaiju.yaml"])
    assert live.updated and fixed.ok and fixed.model is not None
    summaries = [e.summary for e in fixed.model.status.values() if e.holder_id == "fagaiju"]
    assert any(s and "联合报送" in s for s in summaries)


@pytest.mark.parametrize(
    "changed",
    [["records/yifa-ban.yaml"], ["org.yaml"], ["status/fagaiju.yaml", "org.yaml"], None],
)
def test_anything_but_status_files_loads_everything_again(county: Path, changed) -> None:
    live = LiveLoad()
    live.load(county, changed=None)
    project = live.load(county, changed=changed)
    assert not live.updated and project.ok


def test_a_changed_schema_loads_everything_again(county: Path, tmp_path: Path) -> None:
    schemas = tmp_path / "schemas"
    shutil.copytree(COUNTY.parents[2] / "schemas", schemas)
    live = LiveLoad()
    live.load(county, schemas, changed=None)
    live.load(county, schemas, changed=["status/fagaiju.yaml"])
    assert live.updated
    status = schemas / "status.schema.json"
    status.write_text(status.read_text("utf-8") + "\n", "utf-8")
    live.load(county, schemas, changed=["status/fagaiju.yaml"])
    assert not live.updated
