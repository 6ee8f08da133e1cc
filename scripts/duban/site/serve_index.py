"""`mkdocs serve`'s indexes made from the last build's (h24s): after one edited status file,
only the lists of what the changed occurrences belong to are made again.

Serve's evaluation (:mod:`duban.evaluation.update`) keeps every obligation none of whose
holders' entries changed as the same occurrence objects, in the same places of
``Evaluation.items``. So the occurrences that changed are the places where the two evaluations
hold different objects (one pass in C: ``map(operator.is_not, ...)``). When every one of those
places holds an occurrence of the same task and holders as before, each grouping of
:class:`~duban.site.index.Index` (by holder, by task, by top task) has the same keys in the same
order and each list the same places: the lists none of whose occurrences changed are the last
build's *same list objects*, and the others are the last build's lists with the changed
occurrences put in their places. Anything else (a different count of occurrences, a changed
place holding another task or other holders, another date or other tasks): :meth:`Index.of`.

Because an unchanged list is the same object, what is made of it can be kept by identity: each
holder's tally and light here (:attr:`Index.holder_tallies`, :attr:`Index.holder_lights`), the
occurrences' digests in :mod:`.page_keys`. The result equals :meth:`Index.of`'s
(``tests/site/test_site_serve_index.py``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from itertools import compress, count
from operator import is_not
from typing import Protocol, TypeVar

from duban.evaluation.evaluate import Evaluation, ItemState
from duban.evaluation.reporters import counts_as_report
from duban.model.model import Model
from duban.site import holder_records, newest_kept, serve_rows
from duban.site.index import Index
from duban.site.kept_group_pages import KeptGroupPages
from duban.site.kept_pieces import KeptPieces
from duban.site.lights import Tally, light_of

_V = TypeVar("_V")
ListDigests = dict[int, tuple[list[ItemState], list[tuple[ItemState, object, str]], list[str]]]

MOST_CHANGED = 0.25
"""When more than this share of the occurrences changed, :meth:`Index.of` is as quick."""


class KeptIndexes:
    """The last serve build's index of each scope ("" the whole model, else a plan's id), for
    the next build's (kept by the plugin's memo, :class:`duban.site.page_keys.Memo`)."""

    def __init__(self) -> None:
        self.last: dict[str, Index] = {}
        self.updated = 0
        """Indexes the last calls updated rather than made (for the tests)."""
        self.tallied = 0
        """Holders' tallies made by the last calls (the others kept; for the tests)."""
        self.lists: ListDigests = {}
        """The last build's lists of occurrences digested (:mod:`.page_keys`), by the list's
        id: the list (kept alive, so its id is its own), each occurrence's (itself, its
        escalation, its digest) and the digests."""
        self.escalations: object = None
        """The escalations of the evaluation those digests were made with."""
        self.made: dict[int, str] | None = None
        """h24v: the last build's digests by the occurrence's id (:mod:`.serve_digests`)."""
        self.group_pages = KeptGroupPages()
        """h24aa: the group pages rendered with tokens for their ranks."""
        self.pieces = KeptPieces()
        """h24ad: the rows of the big tables kept as pieces of their pages."""

    def index(self, scope: str, model: Model, evaluation: Evaluation) -> Index:
        """``Index.of(model, evaluation)``, from the last one of ``scope`` when it can be."""
        before = self.last.get(scope)
        index = updated(before, model, evaluation) if before is not None else None
        if index is None:
            index = Index.of(model, evaluation)
        else:
            self.updated += 1
            assert before is not None
            self.tallied += _kept_tallies(before, index)
            _kept_reporters(before, index)
            serve_rows.carry(before, index)  # h24v: the summaries' groupings from before's
        last = before.__dict__.get(newest_kept.SERVING) if before is not None else None
        index.__dict__[newest_kept.SERVING] = newest_kept.Carried(last)  # h24aa
        if before is not None:  # h24aa: the ranking's scores by tally object
            index.__dict__[holder_records.SCORES] = before.__dict__.get(holder_records.SCORES, {})
        self.last[scope] = index
        return index

    def start(self) -> None:
        """A new build: the counts start again."""
        self.updated = self.tallied = 0
        self.group_pages.start()


class _Serving(Protocol):
    """The plugin's memo (:class:`duban.site.page_keys.Memo`), as far as it is read here."""

    indexes: KeptIndexes
    keep: bool


def serving(
    memo: _Serving | None, model: Model, evaluation: Evaluation
) -> tuple[KeptIndexes | None, Index]:
    """(the memo's indexes, started for a new build, while serving: a memo that lives from
    one build to the next, else None; ``Index.of(model, evaluation)``, from the last build's
    while serving)."""
    if memo is None or not memo.keep:
        return None, Index.of(model, evaluation)
    memo.indexes.start()
    return memo.indexes, memo.indexes.index("", model, evaluation)


def kept_lists(
    indexes: KeptIndexes | None, evaluation: Evaluation
) -> tuple[ListDigests, ListDigests]:
    """(the last build's lists' digests to read, this build's to fill) for
    :class:`~duban.site.page_keys.Keys`: only while serving (``indexes``), and only when the
    evaluation's escalations equal the last one's (an occurrence's digest is of it and its
    escalation)."""
    if indexes is None:
        return {}, {}
    before = indexes.lists if indexes.escalations == evaluation.escalations else {}
    indexes.lists, indexes.escalations = {}, evaluation.escalations
    return before, indexes.lists


def updated(before: Index, model: Model, evaluation: Evaluation) -> Index | None:
    """:meth:`Index.of` ``(model, evaluation)`` made from ``before`` (see the module), or None
    when it cannot be."""
    last = before.evaluation
    if (
        last is None
        or before.as_of != evaluation.as_of
        or not _same_tasks(before.model, model)
        or len(last.items) != len(evaluation.items)
    ):
        return None
    old, new = last.items, evaluation.items
    changed = list(compress(count(), map(is_not, old, new)))
    if len(changed) > MOST_CHANGED * len(new):
        return None
    swap: dict[int, ItemState] = {}
    holders: set[str] = set()
    tasks: set[str] = set()
    for place in changed:
        was, now = old[place], new[place]
        if was.task_id != now.task_id or was.holders != now.holders:
            return None
        swap[id(was)] = now
        holders.update(now.holders)
        tasks.add(now.task_id)
    tops = {_top(model, t) for t in tasks}
    return Index(
        _swapped(before.by_holder, holders, swap),
        _swapped(before.by_task, tasks, swap),
        _swapped(before.by_top, tops, swap),
        model,
        evaluation.as_of,
        evaluation,
    )


def _same_tasks(before: Model, model: Model) -> bool:
    """The same task objects under the same keys (a plan's view is a new dict each build)."""
    a, b = before.tasks, model.tasks
    return a is b or (
        len(a) == len(b)
        and all(k == j and t is u for (k, t), (j, u) in zip(a.items(), b.items(), strict=True))
    )


def _top(model: Model, task_id: str) -> str:
    task = model.tasks.get(task_id)
    return task.top_id if task is not None else task_id


def _swapped(
    lists: dict[str, list[ItemState]], keys: Iterable[str], swap: dict[int, ItemState]
) -> dict[str, list[ItemState]]:
    """``lists`` (the same list objects) but those of ``keys``, whose occurrences in ``swap``
    (by the last object's id) are replaced by the new ones."""
    found = dict(lists)
    for key in keys:
        items = lists[key]
        found[key] = list(map(swap.get, map(id, items), items))  # swap.get(id, else itself)
    return found


def _kept_tallies(before: Index, index: Index) -> int:
    """Each holder's tally and light kept from ``before`` where its list is the same object
    (:attr:`Index.holder_tallies`, :attr:`Index.holder_lights`, cached properties put in
    place here); returns how many were made again. Nothing when ``before`` had none."""
    made = 0
    tallies = before.__dict__.get("holder_tallies")
    if tallies is not None:
        found, made = _kept_by_list(before.by_holder, index.by_holder, tallies, Tally.of)
        index.__dict__["holder_tallies"] = found  # a cached_property's place (Index is frozen)
    lights = before.__dict__.get("holder_lights")
    if lights is not None:
        index.__dict__["holder_lights"] = _kept_by_list(
            before.by_holder, index.by_holder, lights, light_of
        )[0]
    return made


def _kept_reporters(before: Index, index: Index) -> None:
    """:attr:`Index.reporters` from ``before``'s (same tasks and date, :func:`updated`) when
    both models hold the same status keys in the same order: only the holders of the entries
    that are other objects are looked at again (each of their entries)."""
    kept = before.__dict__.get("reporters")
    old, new = before.model.status, index.model.status
    if kept is None or len(old) != len(new) or list(old) != list(new):
        return
    other = list(map(is_not, old.values(), new.values()))  # the entries that are other objects
    affected = {e.holder_id for e in compress(old.values(), other)}
    affected |= {e.holder_id for e in compress(new.values(), other)}
    tasks, as_of = index.model.tasks, index.as_of
    found = set(kept) - affected
    found |= {
        e.holder_id
        for e in new.values()
        if e.holder_id in affected and counts_as_report(e, tasks, as_of)
    }
    index.__dict__["reporters"] = found


def _kept_by_list(
    before: dict[str, list[ItemState]],
    now: dict[str, list[ItemState]],
    kept: dict[str, _V],
    make: Callable[[list[ItemState]], _V],
) -> tuple[dict[str, _V], int]:
    found: dict[str, _V] = {}
    made = 0
    for key, items in now.items():
        if before.get(key) is items and key in kept:
            found[key] = kept[key]
        else:
            found[key] = make(items)
            made += 1
    return found, made
