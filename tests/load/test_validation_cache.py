"""``duban validate --cache``: a clean, unchanged status file is not checked again, and a
cached run says exactly what an uncached run says, whatever changed since the cache was made."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from duban.cli.main import main
from duban.load.cache import CACHE_FILE
from duban.load.project import load_project
from duban.load.schemas import default_schema_dir
from helpers import BASE, CASES, lay_out_case

INVALID = sorted(p for p in (CASES / "invalid").iterdir() if p.is_dir())


def outcome(data: Path, cache: Path | None = None) -> tuple[list[str], list[str], bool]:
    project = load_project(data, cache=cache)
    return [str(p) for p in project.problems], [str(w) for w in project.warnings], project.ok


def warm(data: Path, cache: Path) -> None:
    project = load_project(data, cache=cache)
    assert project.ok, project.problems
    assert (cache / CACHE_FILE).is_file()


@pytest.mark.parametrize("case", INVALID, ids=lambda p: p.name)
def test_a_cached_run_reports_what_an_uncached_run_reports(case, tmp_path, monkeypatch):
    """The cache is warmed on the valid base; then the invalid case is laid over it (some
    change only a status file, others the context the cache depends on)."""
    cache = tmp_path / "cache"
    warm(BASE / "data", cache)
    before = (cache / CACHE_FILE).read_bytes()
    monkeypatch.chdir(lay_out_case(case, tmp_path / "project"))
    expected = outcome(Path("data"))
    assert expected[0], "an invalid case has problems"
    assert outcome(Path("data"), cache) == expected
    assert (cache / CACHE_FILE).read_bytes() == before, "a run with problems leaves the cache"


@pytest.fixture
def warmed(tmp_path, monkeypatch) -> tuple[Path, Path]:
    project = tmp_path / "project"
    shutil.copytree(BASE, project)
    monkeypatch.chdir(project)
    cache = tmp_path / "cache"
    warm(Path("data"), cache)
    return Path("data"), cache


def test_unchanged_status_files_are_skipped_and_counted(warmed):
    data, cache = warmed
    full = load_project(data)
    cached = load_project(data, cache=cache)
    assert cached.ok
    statuses = len(list((data / "status").glob("*.yaml")))
    assert cached.cached_files == statuses
    assert cached.cached_entries == len(full.model.status)
    assert len(cached.documents) + cached.cached_files == len(full.documents)


def test_a_changed_status_file_is_checked_again_and_the_others_are_not(warmed):
    data, cache = warmed
    changed = data / "status" / "alpha.yaml"
    changed.write_text(changed.read_text(encoding="utf-8") + "\n# 注释\n", encoding="utf-8")
    cached = load_project(data, cache=cache)
    assert cached.ok
    assert [d.file for d in cached.documents if d.file.startswith("status/")] == [
        "status/alpha.yaml"
    ]


def test_a_change_to_the_context_checks_every_status_file(warmed):
    data, cache = warmed
    org = data / "org.yaml"
    org.write_text(org.read_text(encoding="utf-8") + "\n# 注释\n", encoding="utf-8")
    assert load_project(data, cache=cache).cached_files == 0


def test_a_change_to_the_schemas_checks_every_status_file(warmed, tmp_path):
    data, cache = warmed
    schemas = tmp_path / "schemas"
    shutil.copytree(default_schema_dir(), schemas)
    # the same schemas elsewhere are the same context: the digest is of content, not place
    assert load_project(data, schemas, cache=cache).cached_files > 0
    status = schemas / "status.schema.json"
    status.write_text(status.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert load_project(data, schemas, cache=cache).cached_files == 0


@pytest.mark.parametrize(
    "content", ["", "not json", "[]", '{"format": 1, "context": "x", "files": {"a": 1}}']
)
def test_a_broken_or_foreign_cache_is_ignored(warmed, content):
    data, cache = warmed
    (cache / CACHE_FILE).write_text(content, encoding="utf-8")
    project = load_project(data, cache=cache)
    assert project.ok and project.cached_files == 0
    # and the run replaced it with a good one
    assert json.loads((cache / CACHE_FILE).read_text(encoding="utf-8"))["files"]


def test_a_cache_entry_with_the_wrong_digest_is_not_trusted(warmed):
    data, cache = warmed
    stored = json.loads((cache / CACHE_FILE).read_text(encoding="utf-8"))
    stored["files"]["status/alpha.yaml"][0] = "0" * 32
    (cache / CACHE_FILE).write_text(json.dumps(stored), encoding="utf-8")
    assert load_project(data, cache=cache).cached_files == len(stored["files"]) - 1


def test_a_file_with_a_warning_is_never_vouched_for(warmed):
    data, cache = warmed
    alpha = data / "status" / "alpha.yaml"
    text = alpha.read_text(encoding="utf-8")
    alpha.write_text(text.replace("已轮训 40 人", "已轮训 40 人，联系电话 13912345678"), "utf-8")
    first = load_project(data, cache=cache)
    assert first.ok and first.warnings
    second = load_project(data, cache=cache)
    assert [str(w) for w in second.warnings] == [str(w) for w in first.warnings]


def test_the_command_line_prints_the_same_summary_with_a_cache(warmed, capsys):
    data, cache = warmed
    assert main(["validate", "--data", str(data)]) == 0
    uncached = capsys.readouterr().out
    assert main(["validate", "--data", str(data), "--cache", str(cache)]) == 0
    assert capsys.readouterr().out == uncached


RECORDS = """unit: fagui-chu
follow_ups:
  - task: "04"
    due: rectification
    unit: alpha
    period: "2011"
    date: 2011-05-01
    deadline: 2011-06-30
"""
BETA_FOLLOW_UP = """  - task: "04"
    due: rectification
    unit: beta
    period: "2010"
    date: 2010-11-01
    deadline: 2010-12-31
"""


def test_a_change_to_the_records_checks_the_status_files_that_answer_them(tmp_path, monkeypatch):
    """A status entry of a follow-up duty is valid only while the records set its deadline:
    the records are part of the context, so deleting the deadline is seen in a cached run."""
    case = CASES / "invalid" / "follow-up-without-deadline"
    monkeypatch.chdir(lay_out_case(case, tmp_path / "project"))
    records = Path("data/records/fagui-chu.yaml")
    records.write_text(RECORDS + BETA_FOLLOW_UP, encoding="utf-8")
    cache = tmp_path / "cache"
    warm(Path("data"), cache)
    records.write_text(RECORDS, encoding="utf-8")
    expected = outcome(Path("data"))
    assert any("status/beta.yaml" in p for p in expected[0]), expected
    assert outcome(Path("data"), cache) == expected


def test_a_cache_inside_the_data_folder_still_works(warmed):
    data, _ = warmed
    inside = data / ".duban-cache"
    assert load_project(data, cache=inside).ok
    assert load_project(data, cache=inside).cached_files > 0


def test_a_cache_that_cannot_be_written_does_not_fail_validation(warmed, capsys):
    data, _ = warmed
    blocker = Path("not-a-folder")
    blocker.write_text("a file where the cache folder would be", encoding="utf-8")
    assert main(["validate", "--data", str(data), "--cache", str(blocker)]) == 0
    captured = capsys.readouterr()
    assert captured.out.startswith("ok: ")
    assert "could not be written" in captured.err and "not-a-folder" in captured.err
