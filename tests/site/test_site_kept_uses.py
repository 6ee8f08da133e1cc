"""A CI build's 台账 and open data made in a forked process (h24ah, ``site/kept_uses.py``): the
entries they read from and put into the page cache's memo there are kept by the parent's memo
as if it had made them, so the memo after the build is a one-process build's (the folder's
files, the keys used), and the next build reuses the 台账's kept rows."""

from __future__ import annotations

import datetime as dt
import os
import threading
from pathlib import Path
from typing import Any

import pytest

from duban.outputs import ledger as ledger_module
from duban.plugin.source_memo import SourceMemo
from duban.site import kept_uses, split
from sitekit import DEMO_AS_OF, ci_province_site, demo_data, edit_update

AS_OF = dt.date.fromisoformat(DEMO_AS_OF)


@pytest.fixture(autouse=True)
def forks() -> None:
    """A build at two processes forks here (not from a process with another thread running,
    ``split.can_fork``): else these tests could not fail."""
    if split.processes_for(2) < 2:
        threads = [t.name for t in threading.enumerate()]
        pytest.skip(f"no fork here (CPUs: {split.usable_cpus()}, threads: {threads})")


class Where:
    """The process each memo-noting job (the 台账's, the open data's) ran in, by its pid; a
    child's memory is lost with it, so each is written to a file."""

    def __init__(self, folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        self.log = folder / "pids"
        noting = kept_uses.noting

        def noted(*args: Any) -> Any:
            run = noting(*args)

            def where() -> dict[str, str]:
                with self.log.open("a") as log:
                    log.write(f"{args[-1].__name__} {os.getpid()}\n")
                return run()

            return where

        monkeypatch.setattr(kept_uses, "noting", noted)

    def pids(self) -> dict[str, int]:
        found = dict(line.split() for line in self.log.read_text().splitlines())
        self.log.unlink()
        return {job: int(pid) for job, pid in found.items()}


def _folder(cache: Path) -> dict[str, bytes]:
    return {
        path.relative_to(cache).as_posix(): path.read_bytes()
        for path in sorted(cache.rglob("*"))
        if path.is_file()
    }


def _build(data: Path, cache: Path, processes: int) -> tuple[Any, SourceMemo]:
    memo = SourceMemo(cache, keep=False)
    return ci_province_site(data, memo, AS_OF, processes=processes), memo


def _same_memo_at_one_and_two(data: Path, tmp_path: Path, where: Where, *in_child: str) -> None:
    """``in_child``: the jobs a child made (by the jobs' expected costs: with most pages
    reused, the parent takes the open data)."""
    one, memo_one = _build(data, tmp_path / "one", 1)
    assert set(where.pids().values()) == {os.getpid()}
    two, memo_two = _build(data, tmp_path / "two", 2)
    pids = where.pids()
    assert {job for job, pid in pids.items() if pid != os.getpid()} == set(in_child)
    assert two.files == one.files and two.pages == one.pages
    assert memo_two.used == memo_one.used
    assert _folder(tmp_path / "two") == _folder(tmp_path / "one")


@pytest.mark.parametrize("shape", ["province", "city"])
def test_the_memo_is_a_one_process_builds_when_a_child_made_the_ledger_and_open_data(
    shape, request, tmp_path, monkeypatch
):
    # a province: the 台账's rows and the open data's chunks kept; a city: the open data's
    # status entries and states kept (and the 台账 made whole, with its CSV)
    if shape == "province":
        data = request.getfixturevalue("province_data")
    else:
        data = demo_data(tmp_path / "city")
    where = Where(tmp_path, monkeypatch)
    both = ("ledger_files", "open_data_files")
    _same_memo_at_one_and_two(data, tmp_path, where, *both)  # an empty memo filled
    _same_memo_at_one_and_two(data, tmp_path, where, "ledger_files")  # every entry reused
    edit_update(data, "baqiao", "改动：")
    _same_memo_at_one_and_two(data, tmp_path, where, "ledger_files")  # some made again


def test_the_next_build_reuses_the_ledger_rows_a_child_kept(province_data, tmp_path, monkeypatch):
    where = Where(tmp_path, monkeypatch)
    first, _ = _build(province_data, tmp_path / "cache", 2)
    assert where.pids()["ledger_files"] != os.getpid()
    made: list[str] = []
    row = ledger_module.item_row

    def counted(model: Any, item: Any, *args: Any, **kwargs: Any) -> Any:
        made.append(item.holder_id)
        return row(model, item, *args, **kwargs)

    monkeypatch.setattr(ledger_module, "item_row", counted)
    _build(province_data, tmp_path / "cold", 1)
    every = len(made)
    made.clear()
    again, _ = _build(province_data, tmp_path / "cache", 1)
    assert again.files == first.files
    assert made == []  # every row kept (not swept after the first build)
    edit_update(province_data, "baqiao", "改动：")
    _build(province_data, tmp_path / "cache", 1)
    assert "baqiao" in made and 0 < len(made) < every / 3


def test_an_incremental_builds_ledger_is_forked_before_the_page_jobs(
    province_data, tmp_path, monkeypatch
):
    # h24ai: with the 台账's rows kept under this build's base, its child starts before the
    # parent makes the page jobs (and their keys), so the two overlap; a cold build leaves the
    # 台账 to the shares. At one to three processes: the same site and the same memo folder.
    import duban.site as render

    events: list[object] = []
    start, jobs_of = split.start, render.page_jobs

    def starting(jobs: Any, site: Any, processes: int) -> Any:
        events.append(len(jobs))
        return start(jobs, site, processes)

    def paging(*args: Any, **kwargs: Any) -> Any:
        events.append("pages")
        return jobs_of(*args, **kwargs)

    monkeypatch.setattr(split, "start", starting)
    monkeypatch.setattr(render, "page_jobs", paging)
    where = Where(tmp_path, monkeypatch)
    for processes in (1, 2, 3):
        _build(province_data, tmp_path / str(processes), processes)  # cold: nothing first
        assert events == [0, "pages"]
        events.clear()
    where.pids()
    edit_update(province_data, "baqiao", "改动：")
    built = {}
    for processes in (1, 2, 3):
        built[processes] = _build(province_data, tmp_path / str(processes), processes)
        assert events == [0 if processes == 1 else 1, "pages"]
        events.clear()
        made_by = where.pids()["ledger_files"]
        assert (made_by == os.getpid()) == (processes == 1)
    one, memo_one = built[1]
    for processes in (2, 3):
        site, memo = built[processes]
        assert site.files == one.files and site.pages == one.pages
        assert memo.used == memo_one.used
        assert _folder(tmp_path / str(processes)) == _folder(tmp_path / "1")
