"""Forked processes render shares of the site (duban.site.split): the same site, byte for byte
and in the same order, from one to four processes; the parent does a child's share if it
fails."""

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
    got = split.run(jobs, site, processes=2)
    assert list(got) == ["a", "b", "c", "d"]
    me = str(os.getpid())
    assert got["a"] == got["c"] == me
    assert got["b"] == got["d"] != me
    assert no_children_left()


def test_with_one_process_everything_runs_here():
    got = split.run([split.Job(pages_from("a"), far=True)], FakeSite(), processes=1)
    assert got == {"a": str(os.getpid())}


@pytest.mark.parametrize("processes", [2, 3, 4])
def test_pages_wait_for_the_downloads_they_read(processes):
    site = FakeSite()
    calendar = split.Job(
        lambda: site.put("u.ics", b"12345") or {}, needs=split.Needs.NOTHING_FIRST, far=True
    )
    ledger = split.Job(lambda: site.put("ledger.xlsx", b"1234567") or {}, far=True)
    unit = split.Job(lambda: {"unit": repr(dict(site.sizes))}, needs=split.Needs.FIRST)
    listing = split.Job(lambda: {"downloads": repr(site.sizes)}, needs=split.Needs.EVERYTHING)
    got = split.run([unit, listing, calendar, ledger], site, processes=processes)
    assert "'u.ics': 5" in got["unit"]
    assert got["downloads"] == repr({"u.ics": 5, "ledger.xlsx": 7})
    assert list(site.sizes) == ["u.ics", "ledger.xlsx"]  # as one process would order them
    assert site.files == {"u.ics": b"12345", "ledger.xlsx": b"1234567"}  # sent back


def test_a_far_job_cannot_wait_for_downloads():
    job = split.Job(lambda: {}, needs=split.Needs.FIRST, far=True)
    with pytest.raises(ValueError):
        split.run([job], FakeSite(), processes=2)


@pytest.mark.parametrize("processes", [2, 4])
@pytest.mark.parametrize("how", ["raises", "dies"])
def test_when_the_child_fails_the_parent_does_its_share(how, processes):
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
    got = split.run(jobs, site, processes=processes)
    assert got == {"far": "made here", "near": repr({"made.csv": 1})}
    assert no_children_left()


def test_an_error_in_both_processes_is_raised_and_the_child_reaped():
    def broken() -> dict[str, str]:
        raise KeyError("bad data")

    with pytest.raises(KeyError, match="bad data"):
        split.run([split.Job(broken, far=True), split.Job(lambda: {})], FakeSite(), 2)
    with pytest.raises(KeyError, match="bad data"):
        split.run([split.Job(lambda: {}, far=True), split.Job(broken)], FakeSite(), 2)
    assert no_children_left()


def test_no_fork_while_another_thread_runs():
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert not split.can_fork()
        assert split.processes_for(4) == split.processes_for(None) == 1
    finally:
        stop.set()
        thread.join()
    assert split.can_fork()


# -- jobs started before the others (h24ai) -----------------------------------------------------
def made_in(path, content: bytes, site: FakeSite):
    """A job that puts ``path`` into ``site`` and returns its pid as its page."""

    def made() -> dict[str, str]:
        site.put(path, content)
        return {path: str(os.getpid())}

    return made


def wait_for(path) -> bool:
    for _ in range(500):
        if path.exists():
            return True
        threading.Event().wait(0.01)
    return False


@pytest.mark.parametrize("processes", [2, 3])
def test_a_started_job_runs_in_a_child_before_the_others_exist(tmp_path, processes):
    site = FakeSite()
    mark = tmp_path / "begun"

    def ledger() -> dict[str, str]:
        mark.write_text(str(os.getpid()))
        return made_in("ledger.xlsx", b"1234567", site)()

    started = split.start([split.Job(ledger, far=True)], site, processes)
    try:
        # the job runs while this process has not yet made the others
        assert wait_for(mark) and mark.read_text() != str(os.getpid())
        jobs = [
            split.Job(made_in("u.ics", b"12", site), needs=split.Needs.NOTHING_FIRST, far=True),
            split.Job(made_in("feed.xml", b"123", site), far=True),
            split.Job(lambda: {"sizes": repr(dict(site.sizes))}, needs=split.Needs.EVERYTHING),
        ]
        got = split.run_each(jobs, site, processes, started)
    finally:
        started.close()
    me = str(os.getpid())
    assert started.pages() == [{"ledger.xlsx": mark.read_text()}]
    # the started child is one of the processes: with two, the parent makes the rest; with
    # three, the parent and one more child
    pids = {got[0]["u.ics"], got[1]["feed.xml"]}
    assert me in pids and len(pids) == processes - 1
    assert mark.read_text() not in pids
    # the page that reads every size waited for the started child's download too
    assert "'ledger.xlsx': 7" in got[2]["sizes"] and "'feed.xml': 3" in got[2]["sizes"]
    assert site.files["ledger.xlsx"] == b"1234567"
    assert no_children_left()


def test_with_one_process_a_started_job_runs_here_with_the_others():
    site = FakeSite()
    started = split.start([split.Job(made_in("ledger.xlsx", b"1", site), far=True)], site, 1)
    assert site.sizes == {}  # not run yet: nothing forked
    last = split.Job(lambda: {"sizes": repr(site.sizes)}, needs=split.Needs.EVERYTHING)
    got = split.run_each([last], site, 1, started)
    started.close()
    assert started.pages() == [{"ledger.xlsx": str(os.getpid())}]
    assert got == [{"sizes": repr({"ledger.xlsx": 1})}]


@pytest.mark.parametrize("how", ["raises", "dies"])
def test_when_a_started_child_fails_the_parent_does_its_job(how):
    parent = os.getpid()
    site = FakeSite()

    def fragile() -> dict[str, str]:
        if os.getpid() != parent:
            if how == "dies":
                os._exit(3)
            raise RuntimeError("only in the child")
        return made_in("ledger.xlsx", b"12", site)()

    started = split.start([split.Job(fragile, far=True)], site, 2)
    last = split.Job(lambda: {"sizes": repr(site.sizes)}, needs=split.Needs.EVERYTHING)
    got = split.run_each([last], site, 2, started)
    started.close()
    assert started.pages() == [{"ledger.xlsx": str(parent)}]
    assert got == [{"sizes": repr({"ledger.xlsx": 2})}]
    assert no_children_left()


def test_a_started_child_is_stopped_when_the_caller_fails_before_the_rest(tmp_path):
    forever = split.Job(lambda: threading.Event().wait(60) and {}, far=True)
    started = split.start([forever], FakeSite(), 2)
    with pytest.raises(KeyError):
        try:
            raise KeyError("the page jobs failed")
        finally:
            started.close()
    assert no_children_left()  # killed and reaped, not left for a minute


def test_only_a_far_job_that_needs_nothing_starts_first():
    for job in (split.Job(lambda: {}), costly(1, needs=split.Needs.NOTHING_FIRST)):
        with pytest.raises(ValueError):
            split.start([job], FakeSite(), 2)
    assert no_children_left()


# -- shares and settings ------------------------------------------------------------------------
def costly(cost: float, far: bool = True, needs=split.Needs.NOTHING) -> split.Job:
    return split.Job(lambda: {}, needs=needs, far=far, cost=cost)


def test_shares_put_the_costliest_jobs_on_the_least_loaded_process():
    jobs = [
        costly(5, far=False),  # the parent's own
        costly(8),
        costly(4),
        costly(4),
        costly(3),
        costly(1),
        costly(2, needs=split.Needs.NOTHING_FIRST),
    ]
    assert split.shares(jobs, 1) == [[0, 1, 2, 3, 4, 5, 6]]
    # the parent starts at 5; 8 -> child 1, 4 and 4 -> child 2, 3 -> the parent (8), then all
    # at 8: 2 -> the parent (ties go to the parent), 1 -> child 1; 10, 9 and 8 in the end
    assert split.shares(jobs, 3) == [[0, 4, 6], [1, 5], [2, 3]]
    shares = split.shares(jobs, 2)
    assert shares[0][0] == 0 and sorted(n for s in shares for n in s) == list(range(7))
    work = [sum(jobs[n].cost for n in share) for share in shares]
    assert max(work) - min(work) <= 1  # 14 and 13
    # more processes than jobs: the spare ones get nothing, and are never forked
    assert split.shares(jobs[:2], 4) == [[0], [1], [], []]


def test_jobs_that_wait_for_downloads_stay_in_the_parent():
    jobs = [costly(1), costly(100, far=False, needs=split.Needs.FIRST), costly(1)]
    assert split.shares(jobs, 4)[0] == [1]


def test_every_cpu_by_default(monkeypatch):
    monkeypatch.setattr(split, "can_fork", lambda: True)
    monkeypatch.setattr(split, "usable_cpus", lambda: 6)
    assert split.processes_for(None) == 6
    assert split.processes_for(3) == 3
    assert split.processes_for(1) == split.processes_for(0) == 1
    monkeypatch.setattr(split, "can_fork", lambda: False)  # a thread, one CPU, not Linux
    assert split.processes_for(None) == split.processes_for(3) == 1


def test_usable_cpus_follow_the_affinity():
    assert split.usable_cpus() == len(os.sched_getaffinity(0))


@pytest.mark.parametrize("processes", [2, 3, 4])
def test_jobs_spread_over_as_many_processes_as_asked(processes):
    jobs = [split.Job(pages_from(str(n)), far=True, cost=1) for n in range(8)]
    got = split.run(jobs, FakeSite(), processes=processes)
    assert list(got) == [str(n) for n in range(8)]
    assert len(set(got.values())) == processes
    assert no_children_left()


# -- the site -----------------------------------------------------------------------------------
def site_in(model, settings, processes):
    site = render_site(model, settings, processes=processes)
    return list(site.pages.items()), list(site.sizes.items()), site.files


@pytest.mark.parametrize(
    "data", [ROOT / "data", DEMO / "data", HOSTILE / "data"], ids=["shipped", "demo", "hostile"]
)
def test_the_site_is_the_same_from_one_to_four_processes(data):
    model = load_project(data).model
    settings = Settings(as_of=AS_OF)
    one = site_in(model, settings, 1)
    for processes in (2, 3, 4):
        assert site_in(model, settings, processes) == one, processes


@pytest.mark.parametrize("province", [True, False])
def test_group_and_history_pages_are_the_same_from_one_to_four_processes(monkeypatch, province):
    """Lowered thresholds: the demo has group pages (a province, whose history is in the open
    data since h24e) or history pages (below the threshold), the children's pages."""
    monkeypatch.setattr(groups, "SUMMARY_HOLDERS", 5)
    model = load_project(DEMO / "data").model
    rows = 5 if province else groups.SUMMARY_ROWS
    settings = Settings(as_of=AS_OF, summary_rows=rows, history_per_item=1)
    one = site_in(model, settings, 1)
    assert any("/groups/" in uri for uri, _ in one[0]) == province
    assert any(uri.endswith("/history.md") for uri, _ in one[0]) != province
    assert urls.LEDGER_XLSX in one[2]
    for processes in (2, 3, 4):
        assert site_in(model, settings, processes) == one, processes


@pytest.mark.parametrize("processes", [2, 4])
def test_downloads_the_children_make_reach_the_sink(tmp_path, processes):
    """As the plugin builds: each download is written out by the sink, here from the children."""
    model = load_project(DEMO / "data").model
    settings = Settings(as_of=AS_OF)

    def sink(uri: str, data: bytes) -> None:
        path = tmp_path / uri
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)

    many = render_site(model, settings, sink=sink, processes=processes)
    one = render_site(model, settings, processes=1)
    assert many.files == {}
    assert many.sizes == one.sizes
    files = [p for p in tmp_path.rglob("*") if p.is_file()]
    written = {p.relative_to(tmp_path).as_posix(): p.read_bytes() for p in files}
    expected = {uri: c.encode() if isinstance(c, str) else c for uri, c in one.files.items()}
    assert written == expected
    assert many.pages == one.pages


@pytest.mark.parametrize(
    ("threshold", "asked", "expected"),
    [(0, None, len(os.sched_getaffinity(0))), (10**9, None, 1), (10**9, 3, 3), (0, 1, 1)],
)
def test_every_cpu_by_default_from_a_size_on(monkeypatch, threshold, asked, expected):
    import duban.site as render

    chosen = []
    real_run = split.run_each

    def spy(jobs, site, processes, started=None):
        chosen.append(processes)
        return real_run(jobs, site, processes, started)

    monkeypatch.setattr(render, "PARALLEL_MIN_ITEMS", threshold)
    monkeypatch.setattr(split, "run_each", spy)  # h24g: render_site keeps each job's pages
    render_site(load_project(DEMO / "data").model, Settings(as_of=AS_OF), processes=asked)
    assert chosen == [expected]
