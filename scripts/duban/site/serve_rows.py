"""`mkdocs serve`'s summary rows made from the last build's groupings (h24v).

The progress pages' deadline rows (every occurrence by task, deadline and period) and group
rows (by holder), and the group pages' buckets (by group), were grouped by a Python pass over
every occurrence of the plan on every edit. While serving, an index made from the last build's
(:func:`duban.site.serve_index.updated`) knows the places of the evaluation that hold another
occurrence than before (:func:`carry` keeps them on the index): when each of those holds an
occurrence with the same grouping key as the one it replaces, every grouping has the same keys
in the same order, its lists without a changed occurrence are the last build's *very list
objects*, and the others are the last lists with the new occurrences in their places (one pass
in C each). Anything else (no last index, another key at a changed place, another mapping of
the holders to groups): one pass over every occurrence, as before.

A tally of a list (or of several lists, a group row's) is kept while the lists are the same
objects. Every row equals the one the pass over every occurrence makes
(``tests/site/test_site_serve_rows.py``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Hashable, Sequence
from itertools import compress, count
from operator import attrgetter, is_not
from typing import Any, cast

from duban.evaluation.evaluate import Evaluation, ItemState, State, silent_states
from duban.model.model import Model
from duban.site import groups, views
from duban.site.groups import UNGROUPED, Bucket, GroupSummary
from duban.site.index import Index
from duban.site.lights import Tally, combine, holder_lights

_PRIOR = "_dbn_prior"
"""On an index made from the last one: (the last index's groupings, the changed places'
(last occurrence, new occurrence) pairs)."""
_GROUPINGS = "_dbn_groupings"
"""On an index: its groupings by name ((the token, the lists by key)) and its kept tallies
(name ``tallies``: key -> (the lists, their tally))."""
_TALLIES = "tallies"
_CHANGES = "changes of "

Lists = dict[Hashable, list[ItemState]]
_holder_id = attrgetter("holder_id")
_task_id = attrgetter("task_id")
_state = attrgetter("state")


def carry(before: Index, index: Index) -> None:
    """Keep on ``index`` (made from ``before`` by :func:`~.serve_index.updated`: the same
    count of occurrences, each changed place the same task and holders) what its groupings
    are made from: ``before``'s groupings and the places that hold other occurrences."""
    if before.evaluation is None or index.evaluation is None:
        return
    old, new = before.evaluation.items, index.evaluation.items
    if len(old) != len(new):
        return
    places = compress(count(), map(is_not, old, new))
    pairs = [(old[p], new[p]) for p in places]
    index.__dict__[_PRIOR] = (before.__dict__.setdefault(_GROUPINGS, {}), pairs)
    last = before.__dict__.get("tally")
    if isinstance(last, Tally):  # Index.tally's place (a cached property; Index is frozen)
        index.__dict__["tally"] = changed_tally(last, pairs)


def changed_tally(last: Tally, pairs: list[tuple[ItemState, ItemState]]) -> Tally:
    """``Tally.of`` the occurrences ``last`` counted with each pair's first occurrence
    replaced by its second: the same counts (a state's count may come in another order of
    the states, which no page shows), made from the changed occurrences alone."""
    if not pairs:
        return last
    olds, news = [p[0] for p in pairs], [p[1] for p in pairs]
    counts = Counter(last.counts)
    counts.subtract(map(_state, olds))
    counts.update(map(_state, news))
    silent = Counter(last.unreported_by)
    silent.subtract(silent_states(olds))
    silent.update(silent_states(news))
    return Tally.counted(+counts, +silent)  # the counts come to nothing dropped, as Tally.of's


def _groupings(index: Index) -> dict[str, Any]:
    found: dict[str, Any] = index.__dict__.setdefault(_GROUPINGS, {})
    return found


def grouped(
    index: Index, name: str, key: Callable[[ItemState], Hashable], token: object = None
) -> Lists:
    """The occurrences of ``index``'s evaluation by ``key`` (each list in the evaluation's
    order, the keys in the order first seen), made once per index: from the last index's
    grouping of the same ``name`` and ``token`` when it can be (see the module), else by a
    pass over every occurrence. ``token``: what else ``key`` depends on (compared by ``==``)."""
    assert index.evaluation is not None
    groupings = _groupings(index)
    found = groupings.get(name)
    if found is not None and (found[0] is token or found[0] == token):
        lists: Lists = found[1]
        return lists
    made = _from_prior(index, name, key, token)
    if made is None:
        made = by_every_occurrence(index.evaluation.items, key)
    groupings[name] = (token, made)
    return made


def by_every_occurrence(items: Sequence[ItemState], key: Callable[[ItemState], Hashable]) -> Lists:
    """``items`` by ``key``: the pass :func:`grouped` saves while serving."""
    found: Lists = {}
    for item in items:
        found.setdefault(key(item), []).append(item)
    return found


def _from_prior(
    index: Index, name: str, key: Callable[[ItemState], Hashable], token: object
) -> Lists | None:
    prior = index.__dict__.get(_PRIOR)
    if prior is None:
        return None
    last = prior[0].get(name)
    if last is None or not (last[0] is token or last[0] == token):
        return None
    swap: dict[int, ItemState] = {}
    keys: dict[Hashable, list[tuple[ItemState, ItemState]]] = {}
    for was, now in prior[1]:
        place = key(was)
        if key(now) != place:
            return None
        swap[id(was)] = now
        keys.setdefault(place, []).append((was, now))
    lists: Lists = last[1]
    found = dict(lists)
    for place in keys:
        items = lists[place]
        found[place] = list(map(swap.get, map(id, items), items))  # swap.get(id, else itself)
    # each changed list: the last one and its changed occurrences (:func:`tally`)
    _groupings(index)[_CHANGES + name] = {k: (lists[k], pairs) for k, pairs in keys.items()}
    return found


def changes(index: Index, name: str) -> dict[Hashable, tuple[list[ItemState], list[Any]]]:
    """Of each list of ``index``'s grouping ``name`` made from the last build's with changed
    occurrences: (the last list, its (last occurrence, new occurrence) pairs)."""
    found: dict[Hashable, tuple[list[ItemState], list[Any]]]
    found = _groupings(index).get(_CHANGES + name, {})
    return found


def tally(
    index: Index,
    name: Hashable,
    lists: Sequence[list[ItemState]],
    change: tuple[list[ItemState], list[Any]] | None = None,
) -> Tally:
    """``Tally.of`` every occurrence of ``lists`` (in order), kept under ``name`` from the
    last index's while every list is the same object; ``change`` (one list: the last list and
    its changed occurrences, :func:`changes`): made from the last list's tally and those."""
    tallies: dict[Hashable, tuple[tuple[list[ItemState], ...], Tally]]
    tallies = _groupings(index).setdefault(_TALLIES, {})
    kept = tallies.get(name)
    if kept is None:
        prior = index.__dict__.get(_PRIOR)
        kept = prior[0].get(_TALLIES, {}).get(name) if prior is not None else None
    if kept is not None and _same(kept[0], lists):
        found = kept[1]
    elif kept is not None and change is not None and _same(kept[0], [change[0]]):
        found = changed_tally(kept[1], change[1])
    elif len(lists) == 1:
        found = Tally.of(lists[0])
    else:
        found = Tally.of([i for items in lists for i in items])
    tallies[name] = (tuple(lists), found)
    return found


def _same(kept: tuple[list[ItemState], ...], lists: Sequence[list[ItemState]]) -> bool:
    return len(kept) == len(lists) and not any(map(is_not, kept, lists))


def _index_of(index: Index, evaluation: Evaluation) -> bool:
    return index.evaluation is evaluation


# -- the rows ----------------------------------------------------------------------------------
def _deadline_key(item: ItemState) -> tuple[str, str, str]:
    return (item.task_id, item.due_id, item.key)


def deadline_rows(model: Model, evaluation: Evaluation, index: Index) -> list[views.DeadlineRow]:
    """:func:`~duban.site.views.deadline_rows` (``index``: the evaluation's)."""
    if not _index_of(index, evaluation):
        return views.deadline_rows(model, evaluation)
    result = []
    lists, changed = grouped(index, "deadlines", _deadline_key), changes(index, "deadlines")
    for place, items in lists.items():
        task_id, due_id, key = cast(tuple[str, str, str], place)
        task = model.tasks[task_id]
        due = task.due_item(due_id)
        assert due is not None
        found = tally(index, ("deadline", place), [items], changed.get(place))
        result.append(views.DeadlineRow(task, due, items[0].due, key, found))
    return sorted(result, key=lambda r: (r.date, r.task.order, r.due.id, r.key))


def group_rows(model: Model, evaluation: Evaluation, index: Index) -> list[views.GroupRow]:
    """:func:`~duban.site.views.group_rows` (``index``: the evaluation's)."""
    if not _index_of(index, evaluation):
        return views.group_rows(model, evaluation)
    by_holder = grouped(index, "holder", _holder_id)
    result = []
    for group in model.groups.values():
        ids = {m.unit_id for m in group.members} | {group.id}
        lists = [by_holder[h] for h in ids if h in by_holder]
        if any(lists):
            found = tally(index, ("group", group.id), lists)
            result.append(views.GroupRow(group, len(group.members), found))
    return result


def buckets(
    model: Model, evaluation: Evaluation, index: Index, home: dict[str, str]
) -> list[Bucket]:
    """:func:`~duban.site.groups.buckets` of every occurrence of ``evaluation`` (``model``:
    the whole repository's, ``home``: each member's group, ``index``: the evaluation's)."""
    if not _index_of(index, evaluation):
        return groups.buckets(model, evaluation.items, home)

    def home_of(item: ItemState) -> str:
        return home.get(item.holder_id, UNGROUPED)

    found, changed = grouped(index, "buckets", home_of, home), changes(index, "buckets")
    return [
        Bucket(
            slug,
            model.groups.get(slug),
            tuple(items),
            tally(index, ("bucket", slug), [items], changed.get(slug)),
        )
        for slug in [*model.groups, UNGROUPED]
        if (items := found.get(slug)) is not None
    ]


def task_summary(
    model: Model, evaluation: Evaluation, index: Index, task_id: str, home: dict[str, str]
) -> GroupSummary:
    """:func:`~duban.site.groups.group_summary` of a task's (or sub-item's) occurrences
    (``index.by_task``; h24ad: its buckets and tallies from the last build's while serving,
    a report changing one bucket of each task)."""
    if not _index_of(index, evaluation):
        return groups.group_summary(model, index.by_task.get(task_id, []), home)

    def place(item: ItemState) -> tuple[str, str]:
        return (item.task_id, home.get(item.holder_id, UNGROUPED))

    lists, changed = grouped(index, "task buckets", place, home), changes(index, "task buckets")
    found = []
    for slug in [*model.groups, UNGROUPED]:
        items = lists.get((task_id, slug))
        if items is not None:
            change = changed.get((task_id, slug))
            counted = tally(index, ("task bucket", task_id, slug), [items], change)
            found.append(Bucket(slug, model.groups.get(slug), tuple(items), counted))
    by_task = grouped(index, "task", _task_id)
    own = by_task.get(task_id, [])
    whole = tally(index, ("task", task_id), [own], changes(index, "task").get(task_id))
    return GroupSummary(tuple(found), whole)


def task_rows(model: Model, index: Index) -> list[views.TaskRow]:
    """:func:`~duban.site.views.task_rows`. While serving, a task whose list (the index's by
    top task) is the last build's keeps its holders' lights and tally, and one whose list is
    the last one with changed occurrences in their places has them made from the last ones:
    the lights of the changed occurrences' holders found again (a pass in C over the list for
    each), the tally from the changed occurrences (:func:`changed_tally`)."""
    prior = index.__dict__.get(_PRIOR)
    last: dict[str, Any] = prior[0].get("task_rows", {}) if prior is not None else {}
    by_top: dict[str, list[tuple[ItemState, ItemState]]] = {}
    if last and prior is not None:
        tasks = model.tasks
        for was, now in prior[1]:
            task = tasks.get(now.task_id)
            by_top.setdefault(task.top_id if task is not None else now.task_id, []).append(
                (was, now)
            )
    made: dict[str, tuple[list[ItemState], dict[str, State], Tally]] = {}
    result = []
    for task in model.tasks_in_order():
        items = index.by_top.get(task.id, [])
        kept = last.get(task.id)
        pairs = by_top.get(task.id)
        if kept is not None and kept[0] is items:
            lights, tally = kept[1], kept[2]
        elif kept is not None and pairs and len(kept[0]) == len(items):
            lights = dict(kept[1])
            for holder_id in {i.holder_id for pair in pairs for i in pair}:
                mine = compress(items, map(holder_id.__eq__, map(_holder_id, items)))
                light = combine(map(_state, mine))
                if light is None:  # none left: not among holder_lights' (a row only counts)
                    lights.pop(holder_id, None)
                else:
                    lights[holder_id] = light
            tally = changed_tally(kept[2], pairs)
        else:
            lights, tally = holder_lights(items), Tally.of(items)
        made[task.id] = (items, lights, tally)
        result.append(views.row_of(task, lights, tally))
    _groupings(index)["task_rows"] = made
    return result
