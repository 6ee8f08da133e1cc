"""What a download job used of a CI build's memo, so that the job may run in a forked process
(h24ah): the 台账 (:mod:`.kept_ledger`) and the open data (:mod:`.kept_open_data`,
:mod:`.kept_open_data_chunks`, :mod:`.kept_states`).

Why they stayed in the parent with a memo: a memo records in memory which entries this build
used (got or put), and after a good build lets go of every other one (``SourceMemo.finish``:
the sweep). A child's record is lost with it, so the 台账's kept rows, written or read there,
would be swept, and the next build would make every row again. What the child reads and
writes is in the memo's folder itself (a CI build's memo lives on disk and one build only:
nothing is kept in its memory), so the record is all the parent lacks.

So the job sees the memo through :class:`Uses`, which notes each key found, put or held, and
returns those keys as its result (key -> ""); :func:`hold` has the parent's memo keep them, as
if the job had run there (it did when no child took it, or when a child failed: ``split``'s
rule). The entries these jobs use are not counted (``counted=False``): no count is lost.

``mkdocs serve`` keeps its memo in memory across builds: there a child's entries themselves
would be lost, so its open data stays in the parent (it runs downloads in a thread anyway,
where no fork is made).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from duban.site import page_keys


class Uses:
    """``memo`` as a job sees it, every key the job found, put or held noted in ``used``."""

    def __init__(self, memo: page_keys.Memo) -> None:
        self._memo = memo
        self.used: dict[str, str] = {}

    def __getattr__(self, name: str) -> Any:  # the rest as the memo has it (its keys, digests)
        return getattr(self._memo, name)

    def has(self, key: str) -> bool:
        return self._memo.has(key)

    def get(self, key: str, counted: bool = True) -> dict[str, str] | None:
        found = self._memo.get(key, counted)
        if found is not None:
            self.used[key] = ""
        return found

    def put(self, key: str, pages: dict[str, str], counted: bool = True) -> None:
        self._memo.put(key, pages, counted)
        self.used[key] = ""

    def hold(self, key: str) -> None:
        self._memo.hold(key)
        self.used[key] = ""


Made = Callable[[page_keys.Memo | None], Iterable[tuple[str, str | bytes]]]
"""A job's downloads, made with the memo it is given."""


def noting(
    memo: page_keys.Memo | None,
    put: Callable[[Iterable[tuple[str, str | bytes]]], object],
    made: Made,
) -> Callable[[], dict[str, str]]:
    """A job that puts what ``made`` makes, given ``memo`` seen through :class:`Uses`, and
    returns the keys it used (see :func:`hold`)."""

    def run() -> dict[str, str]:
        if memo is None:
            put(made(None))
            return {}
        uses = Uses(memo)
        put(made(uses))  # a Memo: what it does not note, it hands on (__getattr__)
        return uses.used

    return run


def hold(results: Iterable[dict[str, str]], memo: page_keys.Memo | None) -> None:
    """In the parent, after the jobs ran anywhere: ``memo`` keeps the keys they used."""
    if memo is None:
        return
    for used in results:
        for key in used:
            memo.hold(key)
