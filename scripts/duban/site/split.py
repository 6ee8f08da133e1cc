"""Rendering a site's pages and downloads on every core: forked processes take shares.

MkDocs renders pages on one core; while duban's plugin renders a province's thousands of pages
and hundreds of MB of downloads, the machine's other cores idle. So the work is a list of
:class:`Job`\\ s, each tagged with what it needs first, whether it may run elsewhere, and what it
is expected to cost, and :func:`run` spreads the ones that may run elsewhere over the parent and
``processes - 1`` forked children, longest first onto the least loaded (:func:`shares`). Each
child sends back, through a pipe, what it made: the downloads' sizes (and the downloads
themselves when the site keeps them in memory) and its pages. Every process computes from the
same model in the same way, so the pages and downloads are the same byte for byte as when one
process does everything, and the pages come in the jobs' order
(``tests/site/test_render_split.py`` compares them at one to four processes).

What pages wait for: a job that needs ``FIRST`` runs after every ``NOTHING_FIRST`` job of every
process (calendars: a unit page links its own), one that needs ``EVERYTHING`` after every job of
every child (pages showing download sizes); such jobs run in the parent only.

Jobs may also be started before the rest exist (:func:`start`, h24ai): a CI build forks the
台账's child as soon as what it reads is made, so the parent's own work before the jobs (the page
jobs and their keys, the templates) runs beside it; :func:`run_each` then waits for that child
as for its own.

A fork is used only where it is safe and pays: on Linux, with two CPUs or more, from a process
running one thread (``mkdocs serve`` runs a server thread, and a forked copy of a lock held by
another thread never opens), and for a site with enough to do. If a child fails or dies, the
parent does that child's share itself: the result, or the error, is the one a single process
would give.
"""

from __future__ import annotations

import contextlib
import enum
import heapq
import os
import pickle
import signal
import sys
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, BinaryIO, Protocol, TypeVar

__all__ = [
    "Job",
    "Needs",
    "Started",
    "can_fork",
    "processes_for",
    "run",
    "run_each",
    "shares",
    "start",
    "usable_cpus",
]


class Needs(enum.IntEnum):
    """What a job needs done before it runs. Jobs run in this order in each process."""

    NOTHING_FIRST = 0
    """Downloads other pages look for first (calendars: a unit page links its own)."""
    NOTHING = 1
    FIRST = 2
    """Pages that read what the NOTHING_FIRST jobs made."""
    EVERYTHING = 3
    """Pages that read every download's size."""


@dataclass(frozen=True)
class Job:
    run: Callable[[], dict[str, str]]
    """Makes pages (returned, path -> Markdown) and downloads (put into the site)."""
    needs: Needs = Needs.NOTHING
    far: bool = False
    """May run in another process (never a job that needs another job's downloads)."""
    cost: float = 1.0
    """What the job is expected to take, in any unit the jobs of one run share."""


class Sink(Protocol):
    """Where jobs put downloads: :class:`duban.site.Site`."""

    sizes: dict[str, int]
    files: dict[str, Any]


def usable_cpus() -> int:
    """The CPUs this process may run on (its affinity, else the machine's count)."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def can_fork() -> bool:
    """Another process is possible and safe here, and there is a CPU for it."""
    if not sys.platform.startswith("linux") or not hasattr(os, "fork"):
        return False
    if threading.active_count() > 1:
        return False
    return usable_cpus() >= 2


def processes_for(wanted: int | None) -> int:
    """How many processes render: ``wanted`` (``None``: every usable CPU), or one where a fork
    is unsafe or useless (:func:`can_fork`)."""
    if wanted is not None and wanted <= 1:
        return 1
    if not can_fork():
        return 1
    return usable_cpus() if wanted is None else wanted


def shares(jobs: list[Job], processes: int) -> list[list[int]]:
    """Which jobs each process runs (the parent's first): the jobs that must stay go to the
    parent, then the others, costliest first, each to the process with the least expected
    work (ties to the parent, then the lowest child). Deterministic for the same jobs."""
    result: list[list[int]] = [[] for _ in range(max(processes, 1))]
    result[0] = [n for n, job in enumerate(jobs) if not job.far]
    load = [(sum(jobs[n].cost for n in result[0]), 0)] + [(0.0, p) for p in range(1, processes)]
    heapq.heapify(load)
    far = sorted((n for n, job in enumerate(jobs) if job.far), key=lambda n: (-jobs[n].cost, n))
    for n in far:
        work, p = heapq.heappop(load)
        result[p].append(n)
        heapq.heappush(load, (work + jobs[n].cost, p))
    return [sorted(share) for share in result]


class Started:
    """Jobs begun before the others were made (:func:`start`): in a forked child, or, where
    none was forked, left for :func:`run_each` to run. ``results`` holds each one's pages by its
    place in ``jobs`` once :func:`run_each` has returned."""

    def __init__(self, jobs: list[Job], child: _Child | None, results: dict) -> None:
        self.jobs, self.child, self.results = jobs, child, results

    def pages(self) -> list[dict[str, str]]:
        """Each started job's pages, in the jobs' order (after :func:`run_each`)."""
        return [self.results[n] for n in range(len(self.jobs))]

    def close(self) -> None:
        """The child stopped and reaped if :func:`run_each` did not wait for it (the caller
        failed before): call it in a ``finally``. Harmless after :func:`run_each`."""
        if self.child is not None:
            self.child.close()


def start(jobs: list[Job], site: Sink, processes: int) -> Started:
    """``jobs`` (far, needing nothing) begun now in one forked child, which counts as one of
    ``processes`` (:func:`processes_for`); with one process they are left for :func:`run_each`,
    which runs them here. The caller hands the result to :func:`run_each` and closes it."""
    for job in jobs:
        if not job.far or job.needs != Needs.NOTHING:
            raise ValueError("only a far job that needs nothing can start first")
    results: dict[int, dict[str, str]] = {}
    child = None
    if processes > 1 and jobs:
        child = _fork(jobs, list(range(len(jobs))), site, results)
    return Started(jobs, child, results)


def run(jobs: list[Job], site: Sink, processes: int = 1) -> dict[str, str]:
    """Every job's pages, in the jobs' order, with every download put into ``site``.
    ``processes``: how many share the work (the caller decides: :func:`processes_for`)."""
    return {uri: page for made in run_each(jobs, site, processes) for uri, page in made.items()}


def run_each(
    jobs: list[Job], site: Sink, processes: int = 1, started: Started | None = None
) -> list[dict[str, str]]:
    """:func:`run`, each job's pages apart (the page keys keep them by job). ``started``
    (:func:`start`): jobs begun before, waited for here (their pages in ``started.results``);
    their child is one of the ``processes``."""
    if started is not None and started.child is None:  # nothing forked: run them here
        made = _each([*jobs, *started.jobs], site, processes, [])
        started.results.update(enumerate(made[len(jobs) :]))
        return made[: len(jobs)]
    running = [started.child] if started is not None and started.child is not None else []
    return _each(jobs, site, processes, running)


def _each(
    jobs: list[Job], site: Sink, processes: int, running: list[_Child]
) -> list[dict[str, str]]:
    """:func:`run_each`, with ``running`` children already forked (one of the processes each)."""
    for job in jobs:
        if job.far and job.needs > Needs.NOTHING:
            raise ValueError("a far job cannot wait for another job's downloads")
    results: dict[int, dict[str, str]] = {}
    processes = max(processes - len(running), 1)
    split = shares(jobs, processes) if processes > 1 else [list(range(len(jobs)))]
    if (len(split) > 1 and any(split[1:])) or running:
        _run_split(jobs, site, results, split, running)
    else:
        _run_in_order(jobs, range(len(jobs)), results)
    return [results[n] for n in range(len(jobs))]


def _by_needs(jobs: list[Job], numbers: Iterable[int]) -> list[int]:
    return sorted(numbers, key=lambda n: (jobs[n].needs, n))


def _run_in_order(jobs: list[Job], numbers: Iterable[int], results: dict) -> None:
    for n in _by_needs(jobs, numbers):
        if n not in results:
            results[n] = jobs[n].run()


def _run_split(
    jobs: list[Job], site: Sink, results: dict, split: list[list[int]], running: list[_Child]
) -> None:
    children: list[_Child] = list(running)
    try:
        for share in split[1:]:
            if share:
                children.append(_fork(jobs, share, site, results))
        for n in _by_needs(jobs, split[0]):
            if n in results:  # a failed child's share, done already
                continue
            if jobs[n].needs >= Needs.FIRST:
                for child in children:
                    child.wait("first")
            if jobs[n].needs >= Needs.EVERYTHING:
                for child in children:
                    child.wait("rest")
            results[n] = jobs[n].run()
        for child in children:
            child.wait("rest")
    finally:
        for child in children:
            child.close()


def _fork(jobs: list[Job], share: list[int], site: Sink, results: dict) -> _Child:
    sys.stdout.flush()
    sys.stderr.flush()
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns into the caller's code
        os.close(read_fd)
        _child(jobs, share, site, write_fd)
    os.close(write_fd)
    child = _Child(pid, os.fdopen(read_fd, "rb"), site, results)
    # if the child fails, the parent does the child's share itself: the same result, or the
    # same error, as one process
    child.fallback = lambda: _run_in_order(jobs, share, results)
    return child


def _child(jobs: list[Job], share: list[int], site: Sink, write_fd: int) -> None:
    status = 1
    try:
        with os.fdopen(write_fd, "wb") as pipe:
            results: dict[int, dict[str, str]] = {}
            sent = 0
            first_sent = False
            for n in _by_needs(jobs, share):
                if jobs[n].needs > Needs.NOTHING_FIRST and not first_sent:
                    sent = _send(pipe, "first", site, sent, {})
                    first_sent = True
                results[n] = jobs[n].run()
            if not first_sent:
                sent = _send(pipe, "first", site, sent, {})
            _send(pipe, "rest", site, sent, results)
        status = 0
    except BaseException:  # the parent sees the pipe close, and does the work itself
        pass
    finally:
        os._exit(status)


def _send(pipe: BinaryIO, what: str, site: Sink, sent: int, results: dict) -> int:
    """The downloads made since the last message (``sent`` of them), and ``results``."""
    sizes = list(site.sizes.items())[sent:]
    files = {uri: site.files[uri] for uri, _ in sizes if uri in site.files}
    pickle.dump((what, sizes, files, results), pipe, protocol=pickle.HIGHEST_PROTOCOL)
    pipe.flush()
    return sent + len(sizes)


class _Child:
    """The parent's end of a child's pipe: its messages, "first" then "rest"."""

    def __init__(self, pid: int, pipe: BinaryIO, site: Sink, results: dict):
        self.pid, self.pipe, self.site, self.results = pid, pipe, site, results
        self.received: list[str] = []
        self.fallback: Callable[[], None] = lambda: None
        self.failed = False
        self.closed = False

    def wait(self, what: str) -> None:
        """Until the child's message ``what`` (and those before it) is in."""
        for message in ("first", "rest"):
            if self.failed:
                return
            if message not in self.received:
                self._receive(message)
            if message == what:
                return

    def _receive(self, what: str) -> None:
        try:
            got, sizes, files, pages = pickle.load(self.pipe)
            if got != what:
                raise pickle.UnpicklingError(f"{got} instead of {what}")
        except (EOFError, pickle.UnpicklingError, OSError):
            self.failed = True
            self.fallback()
            return
        for uri, size in sizes:
            self.site.sizes[uri] = size
            if uri in files:
                self.site.files[uri] = files[uri]
        self.results.update(pages)
        self.received.append(what)

    def close(self) -> None:
        if self.closed:  # a started child: closed by run_each, then by its caller
            return
        self.closed = True
        self.pipe.close()
        if "rest" not in self.received:  # the parent failed, or the child: stop it
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.pid, signal.SIGKILL)
        os.waitpid(self.pid, 0)


_T = TypeVar("_T")


def sort_by_path(made: dict[str, _T]) -> None:
    """``made`` in path order, in place (others hold the same dict: the pages'
    ``ctx.downloads`` is ``site.sizes``): the same whichever process made which first."""
    ordered = sorted(made.items())
    made.clear()
    made.update(ordered)
