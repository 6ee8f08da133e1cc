"""A second process renders a share of the site (duban.site.split): the same site, byte for
byte and in the same order, as one process; the parent does the child's share if it fails."""

from __future__ import annotations

import datetime as dt
import os
import threading

import pytest

from duban.load.project import load_project
from duban.outputs import urls
from duban.site import Settings, groups, render_site, split
from sitekit import DEMO, HOSTILE, ROOT

pytestmark = pytest.mark.skipif(not split.can_fork(), reason="needs Linux and two CPUs")

AS_OF = dt.date(2010, 12, 15)


class FakeSite:
    def __init__(self):
        self.sizes: dict[str, int] = {}
        self.files: dict[str, bytes] = {}

    def put(self, uri: str, data: bytes) -> None:
        self.sizes[uri] = len(data)
        self.files[uri] = data


def no_children_left() -> bool:
    try:
        os.waitpid(-1, os.WNOHANG)
    except ChildProcessError:
        return True
    return False


def pages_from(pid_page: str):
    return lambda: {pid_page: str(os.getpid())}


# -- the scheduler ------------------------------------------------------------------------------
def test_far_jobs_run_in_another_process_and_pages_keep_the_jobs_order():
    site = FakeSite()
    jobs = [
        split.Job(pages_from("a")),
        split.Job(pages_from("b"), far=True),
        split.Job(pages_from("c")),
        split.Job(pages_from("d"), far=True),
    ]
    got = split.run(jobs, site, two_processes=True)
    assert list(got) == ["a", "b", "c", "d"]
    me = str(os.getpid())
    assert got["a"] == got["c"] == me
    assert got["b"] == got["d"] != me
    assert no_children_left()


def test_with_one_process_everything_runs_here():
    got = split.run([split.Job(pages_from("a"), far=True)], FakeSite(), two_processes=False)
    assert got == {"a": str(os.getpid())}


def test_pages_wait_for_the_downloads_they_read():
    site = FakeSite()
    calendar = split.Job(
        lambda: site.put("u.ics", b"12345") or {}, needs=split.Needs.NOTHING_FIRST, far=True
    )
    ledger = split.Job(lambda: site.put("ledger.xlsx", b"1234567") or {}, far=True)
    unit = split.Job(lambda: {"unit": repr(dict(site.sizes))}, needs=split.Needs.FIRST)
    listing = split.Job(lambda: {"downloads": repr(site.sizes)}, needs=split.Needs.EVERYTHING)
    got = split.run([unit, listing, calendar, ledger], site, two_processes=True)
    assert "'u.ics': 5" in got["unit"]
    assert got["downloads"] == repr({"u.ics": 5, "ledger.xlsx": 7})
    assert list(site.sizes) == ["u.ics", "ledger.xlsx"]  # as one process would order them
    assert site.files == {"u.ics": b"12345", "ledger.xlsx": b"1234567"}  # sent back


def test_a_far_job_cannot_wait_for_downloads():
    job = split.Job(lambda: {}, needs=split.Needs.FIRST, far=True)
    with pytest.raises(ValueError):
        split.run([job], FakeSite(), two_processes=True)


@pytest.mark.parametrize("how", ["raises", "dies"])
def test_when_the_child_fails_the_parent_does_its_share(how):
    parent = os.getpid()

    def fragile() -> dict[str, str]:
        if os.getpid() != parent:
            if how == "dies":
                os._exit(3)
            raise RuntimeError("only in the child")
        site.put("made.csv", b"x")
        return {"far": "made here"}

    site = FakeSite()
    jobs = [
        split.Job(fragile, far=True),
        split.Job(lambda: {"near": repr(site.sizes)}, needs=split.Needs.EVERYTHING),
    ]
    got = split.run(jobs, site, two_processes=True)
    assert got == {"far": "made here", "near": repr({"made.csv": 1})}
    assert no_children_left()


def test_an_error_in_both_processes_is_raised_and_the_child_reaped():
    def broken() -> dict[str, str]:
        raise KeyError("bad data")

    with pytest.raises(KeyError, match="bad data"):
        split.run([split.Job(broken, far=True), split.Job(lambda: {})], FakeSite(), True)
    with pytest.raises(KeyError, match="bad data"):
        split.run([split.Job(lambda: {}, far=True), split.Job(broken)], FakeSite(), True)
    assert no_children_left()


def test_no_fork_while_another_thread_runs():
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert not split.can_fork()
    finally:
        stop.set()
        thread.join()
    assert split.can_fork()


# -- the site -----------------------------------------------------------------------------------
def site_in(model, settings, two_processes):
    site = render_site(model, settings, two_processes=two_processes)
    return list(site.pages.items()), list(site.sizes.items()), site.files


@pytest.mark.parametrize(
    "data", [ROOT / "data", DEMO / "data", HOSTILE / "data"], ids=["shipped", "demo", "hostile"]
)
def test_the_site_is_the_same_from_two_processes(data):
    model = load_project(data).model
    settings = Settings(as_of=AS_OF)
    assert site_in(model, settings, True) == site_in(model, settings, False)


@pytest.mark.parametrize("province", [True, False])
def test_group_and_history_pages_are_the_same_from_two_processes(monkeypatch, province):
    """Lowered thresholds: the demo has group pages (a province, whose history is in the open
    data since h24e) or history pages (below the threshold), the second process's pages."""
    monkeypatch.setattr(groups, "SUMMARY_HOLDERS", 5)
    model = load_project(DEMO / "data").model
    rows = 5 if province else groups.SUMMARY_ROWS
    settings = Settings(as_of=AS_OF, summary_rows=rows, history_per_item=1)
    two = site_in(model, settings, True)
    assert any("/groups/" in uri for uri, _ in two[0]) == province
    assert any(uri.endswith("/history.md") for uri, _ in two[0]) != province
    assert urls.LEDGER_XLSX in two[2]
    assert two == site_in(model, settings, False)


def test_downloads_the_child_makes_reach_the_sink(tmp_path):
    """As the plugin builds: each download is written out by the sink, here from the child."""
    model = load_project(DEMO / "data").model
    settings = Settings(as_of=AS_OF)

    def sink(uri: str, data: bytes) -> None:
        path = tmp_path / uri
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)

    two = render_site(model, settings, sink=sink, two_processes=True)
    one = render_site(model, settings, two_processes=False)
    assert two.files == {}
    assert two.sizes == one.sizes
    files = [p for p in tmp_path.rglob("*") if p.is_file()]
    written = {p.relative_to(tmp_path).as_posix(): p.read_bytes() for p in files}
    expected = {uri: c.encode() if isinstance(c, str) else c for uri, c in one.files.items()}
    assert written == expected
    assert two.pages == one.pages


@pytest.mark.parametrize(("threshold", "expected"), [(0, True), (10**9, False)])
def test_two_processes_by_default_from_a_size_on(monkeypatch, threshold, expected):
    import duban.site as render

    chosen = []
    real_run = split.run

    def spy(jobs, site, two_processes):
        chosen.append(two_processes)
        return real_run(jobs, site, two_processes)

    monkeypatch.setattr(render, "PARALLEL_MIN_ITEMS", threshold)
    monkeypatch.setattr(split, "run", spy)
    render_site(load_project(DEMO / "data").model, Settings(as_of=AS_OF))
    assert chosen == [expected]
