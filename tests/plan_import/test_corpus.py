"""The corpus of real published plans (tests/fixtures/import/corpus/) is well-formed, the scoring
script counts what it says it counts, and the score of the current importer is printed (no bar
yet: the lead sets it)."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import corpus_score
import pytest
import yaml

from helpers import ROOT

BLIND = ROOT / "tests" / "fixtures" / "import" / "blind"
KINDS = {"date", "period", "year", "ongoing", "recurring", "milestones", "follow-up"}


def test_the_corpus_has_thirty_files_each_with_an_oracle_and_a_source() -> None:
    files = corpus_score.corpus_files()
    text = corpus_score.sources_text()
    cited, held = corpus_score.cited_files(text), corpus_score.held_out_files(text)
    names = {p.name for p in files}
    assert len(files) >= 30
    assert {p.suffix for p in files} >= {".txt", ".html", ".docx", ".pdf", ".xlsx"}
    assert sorted(names - cited) == []  # every file cites its page in SOURCES.md
    assert sorted(cited - names) == []  # and SOURCES.md cites no file that is not there
    # the former held-out seven are tuned against since 2026-12-06 (branch h18a); the new
    # held-out list comes with the fresh files (branch h18b)
    assert held <= names
    for path in files:
        assert corpus_score.oracle_path(path).is_file(), path.name
        # only the three derived containers are not UTF-8 text
        if path.suffix in (".txt", ".html"):
            path.read_text(encoding="utf-8")


@pytest.mark.parametrize("path", corpus_score.corpus_files(), ids=lambda p: p.name)
def test_each_oracle_is_in_the_compared_format(path: Path) -> None:
    oracle = yaml.safe_load(corpus_score.oracle_path(path).read_text(encoding="utf-8"))
    year = oracle["plan"]["year"]
    assert year is None or 1990 <= year <= 2030
    ids = [str(task["id"]) for task in oracle["tasks"]]
    assert ids and len(ids) == len(set(ids))
    for task in oracle["tasks"]:
        assert set(task) <= {"id", "section", "number", "roles", "due", "items", "leaders"}
        assert set(task.get("roles") or {}) <= set(corpus_score.ROLE_ORDER)
        assert task.get("roles") or task.get("items"), task["id"]
        for item in task.get("due") or []:
            assert item["kind"] in KINDS
            if "date" in item:
                assert isinstance(item["date"], dt.date)


def _blind_as_corpus(tmp_path: Path, suffix: str) -> Path:
    """The blind city-health text (which the importer reads right) with its oracle in the
    corpus format."""
    tmp_path.mkdir(parents=True, exist_ok=True)
    source = tmp_path / f"city-health{suffix}"
    shutil.copy(BLIND / "city-health.txt", source)
    tasks = yaml.safe_load((BLIND / "city-health.expected.yaml").read_text(encoding="utf-8"))
    tasks[0]["leaders"] = ["张三"]
    oracle = {"plan": {"year": 2024}, "tasks": tasks}
    corpus_score.oracle_path(source).write_text(yaml.safe_dump(oracle, allow_unicode=True))
    return source


def test_the_score_counts_what_agrees_and_a_refused_file_as_all_missing(tmp_path: Path) -> None:
    read = corpus_score.score_file(_blind_as_corpus(tmp_path / "a", ".txt"), tmp_path, False)
    assert read.refused is None
    assert (read.expected, read.found, read.shape) == (3, 3, 3)
    assert read.roles == (7, 7) and read.deadlines == (6, 6) and read.year == (1, 1)
    assert read.leaders == (0, 1)  # the importer names no leaders (yet)

    empty = _blind_as_corpus(tmp_path / "b", ".txt")
    empty.write_text("某市全民健康促进行动实施方案\n没有编号的条目。\n", encoding="utf-8")
    refused = corpus_score.score_file(empty, tmp_path / "b", True)
    assert (
        "no numbered items" in (refused.refused or "") and not refused.crashed and refused.held_out
    )
    assert (refused.expected, refused.found, refused.shape) == (3, 0, 0)
    assert refused.roles == (0, 7) and refused.deadlines == (0, 6)
    assert refused.leaders == (0, 1) and refused.year == (0, 1)

    lines = corpus_score.report([read, refused])
    assert lines[-3].split()[:3] == ["TOTAL", "tuned", "(1"]
    # a held-out file is in its total only: no row names it or shows its score
    assert len(lines) == 1 + 1 + 3  # the head, the tuned file, three totals
    assert "refused 1 (crashed 0)" in lines[-2]
    assert "7/14 (50%)" in lines[-1] and "6/12 (50%)" in lines[-1] and "3/6" in lines[-1]


def test_an_oracle_without_chapters_agrees_with_the_one_section_the_import_needs() -> None:
    hand = {"01": {"id": "01", "number": 1}, "02": {"id": "02", "number": 2}}
    got = {"01": {"id": "01", "section": 1}, "02": {"id": "02", "section": 1}}
    one = {"sections": [{"number": 1, "title": ""}]}
    assert corpus_score._one_section_as_read(hand, got, one)["02"]["section"] == 1
    two = {"sections": [{"number": 1}, {"number": 2}]}  # a chapter the document does not have
    assert "section" not in corpus_score._one_section_as_read(hand, got, two)["02"]
    split = {"01": {"id": "01", "section": 1}, "02": {"id": "02", "section": 2}}
    assert "section" not in corpus_score._one_section_as_read(hand, split, one)["01"]
    chaptered = {"01": {"id": "01", "section": 2}, "02": {"id": "02"}}  # the oracle says
    assert corpus_score._one_section_as_read(chaptered, got, one) is chaptered


def test_the_corpus_score_is_printed(capsys: pytest.CaptureFixture[str]) -> None:
    with capsys.disabled():
        print()
        scores = corpus_score.main([])
    held = corpus_score.held_out_files(corpus_score.sources_text())
    tuned = [p.name for p in corpus_score.corpus_files() if p.name not in held]
    assert [s.name for s in scores] == tuned  # a held-out total only when asked for
    assert not any(s.held_out for s in scores)
    for s in scores:
        assert 0 <= s.shape <= s.found <= s.expected
        assert s.roles[0] <= s.roles[1] and s.deadlines[0] <= s.deadlines[1]
        assert not s.crashed, (s.name, s.refused)
