"""Downloads kept between builds by what they read (h24k), as pages are (:mod:`.page_keys`).

The per-unit calendars are the many downloads: a province's 1,500 of them were remade on every
build although a status file changes only its own unit's (and its shared duties' holders').
Each is now looked up by its key (:meth:`.page_keys.Keys.calendar`: the base, the unit's
obligations and occurrences as evaluated, the steps its deadlines count from) in the same memo
as the pages' sources (the plugin's ``page_cache`` folder, or memory while serving), and made
only when the key is new.

The calendars may be made in a forked process (:mod:`.split`). There the memo's files are read
and written as in the parent; what the parent must learn is which keys were used (so that the
memo keeps them) and, for a memo held only in memory, the calendars made (the child's memory
is gone with it). The job returns that as its result: key -> the calendar made, or "" for one
taken from the memo or written to its folder; :func:`remember` puts it into the parent's memo.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from duban.evaluation.evaluate import ItemState
from duban.model.model import Obligation
from duban.outputs import urls
from duban.site import calendars, page_keys
from duban.site.context import Context


@dataclass(frozen=True)
class UnitCalendar:
    holder_id: str
    uri: str
    own: list[Obligation]
    seen: list[ItemState]
    key: str | None


def unit_calendars(
    ctx: Context, keys: page_keys.Keys | None, groups: bool, open_only: bool
) -> list[UnitCalendar]:
    """Every unit's (and group's) calendar to make, with its key (None without ``keys``).
    Keys are made here, in the parent, before any fork: each occurrence is digested once."""
    found = []
    by_holder = ctx.index.by_holder  # h24s: a unit's list, the index's (kept while serving)
    for holder_id, own, seen in calendars.holder_parts(
        ctx.model, ctx.evaluation, groups, by_holder
    ):
        uri = urls.unit_ics(holder_id)
        key = keys.calendar(uri, own, seen, open_only) if keys is not None else None
        found.append(UnitCalendar(holder_id, uri, own, seen, key))
    return found


def made_calendars(
    ctx: Context,
    units: list[UnitCalendar],
    open_only: bool,
    memo: page_keys.Memo | None,
    made: dict[str, str],
) -> Iterator[tuple[str, str]]:
    """(path, calendar) of each unit: from ``memo`` when its key is kept, else made (and then
    noted in ``made``, by key: see the module's docstring)."""
    for unit in units:
        if memo is not None and unit.key is not None and memo.has(unit.key):
            kept = memo.get(unit.key, counted=False)
            if kept is not None and set(kept) <= {unit.uri}:
                made[unit.key] = ""
                if kept:
                    yield unit.uri, kept[unit.uri]
                continue
        text = calendars.unit_calendar(
            ctx.model, ctx.evaluation, unit.holder_id, unit.own, unit.seen, open_only
        )
        if memo is not None and unit.key is not None:
            calendar = {unit.uri: text} if text is not None else {}
            if memo.on_disk:
                memo.put(unit.key, calendar, counted=False)
                made[unit.key] = ""
            else:
                made[unit.key] = text if text is not None else "\0"
        if text is not None:
            yield unit.uri, text


def remember(units: list[UnitCalendar], made: dict[str, str], memo: page_keys.Memo | None) -> None:
    """In the parent, after the job ran anywhere: the memo keeps the keys it used and holds
    the calendars made in a child when it lives in memory only."""
    if memo is None:
        return
    for unit in units:
        if unit.key is None or unit.key not in made:
            continue
        text = made[unit.key]
        if text == "":
            memo.hold(unit.key)
        else:
            memo.put(unit.key, {} if text == "\0" else {unit.uri: text}, counted=False)
