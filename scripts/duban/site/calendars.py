"""The site's calendars (iCalendar files of :mod:`duban.outputs.ics`): which plans, units and
groups get one, and what each holds (made by :mod:`.kept_downloads`, kept by their keys).

Each plan's calendar (``plan_calendars``), all plans together when there are several, and one
per unit or group with deadlines (``holder_parts``; a group with members stands for its
members).

A plan summarised by group (a province) has no calendar of its own: every unit's every
occurrence in one file is tens of MB no calendar program opens, and its units'
calendars hold the same events.

With ``groups`` false (a province, again) a group with members has no calendar either: it
would repeat its members' events, each unit's alarms once per unit, and the groups' calendars
were half the calendars' bytes (h24b); each member's calendar is there, and the group's
page lists its occurrences.

With ``open_only`` (a province, again; h24e) a unit's calendar holds what is still to come:
its open occurrences and future ones, not what is done or past and closed (about 40 MB at
1,500 units); the page, the 台账 and the open data keep the record. Its alarms say "30
天后到期" without repeating the event's title (calendar programs show it with the
reminder), and one of them, a week before (``PROVINCE_ALARM_DAYS``). And it holds the next
six months (``HORIZON_DAYS``) from the build's day, not the overdue ones nor every year of
the plan to come (h24i)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import replace
from typing import TypeVar

from duban.evaluation.evaluate import Evaluation, ItemState
from duban.model.model import Model, Obligation
from duban.model.org import Group
from duban.outputs import urls
from duban.outputs.ics import ALARM_DAYS, calendar_ics
from duban.site import names

_T = TypeVar("_T")

HORIZON_DAYS = 183
"""A province's unit calendar (``open_only``) holds the open occurrences due from the build's
day to this many days after it, the next six months (h24i): the rebuilt site adds the later
ones as their day comes within the window, and the open data has all of them. The overdue
ones, due before the build, are not in it: a calendar shows them on days already past, where
no reminder rings; the unit's page lists them first (已逾期), as do its group's page and the
督办清单 (at 1,500 units of the heavy profile they were a third of the calendars' bytes)."""
PROVINCE_ALARM_DAYS = (7,)
"""A province's unit calendar reminds once, a week before (h24i): the three reminders (30, 7
and 1 days) were a quarter of its bytes, and a month's notice of a monthly duty rings as the
month before falls due. Calendar programs add the reminders a reader sets for himself."""


def plan_calendars(
    model: Model, evaluation: Evaluation, whole: set[str] | None = None
) -> Iterator[tuple[str, str]]:
    """Each plan's calendar in ``whole`` (default all), and all plans' together when every
    plan is in it."""
    whole = set(model.plans) if whole is None else whole
    for plan_id in model.plans:
        if plan_id in whole:
            view = model.for_plan(plan_id)
            yield urls.plan_ics(plan_id), calendar_ics(view, evaluation.for_plan(plan_id))
    if len(model.plans) > 1 and whole >= set(model.plans):
        yield urls.ALL_ICS, calendar_ics(model, evaluation)


def holder_parts(
    model: Model,
    evaluation: Evaluation,
    groups: bool,
    by_holder: Mapping[str, list[ItemState]],
) -> Iterator[tuple[str, list[Obligation], list[ItemState]]]:
    """Each unit (or group) with a calendar: its id, and what its calendar reads: its own
    obligations and occurrences (h24k: a calendar's key is made of them, :mod:`.page_keys`).
    ``by_holder`` (h24s): the evaluation's occurrences by holder (``Index.by_holder``); a
    unit's are that very list (serving, an unchanged unit's is the last build's)."""
    # each holder's calendar reads only its own obligations and occurrences: handing every
    # calendar the whole model made the build quadratic in units (each scanned everything)
    obligations: dict[str, list[Obligation]] = {}
    for obligation in model.obligations:
        for holder_id in obligation.holders:
            obligations.setdefault(holder_id, []).append(obligation)
    items = by_holder
    everyone = set(obligations)
    positions: dict[int, int] = {}
    for holder in names.page_holders(model):
        mine = _members(model, holder.id)
        if isinstance(holder, Group) and holder.members and (not groups or mine >= everyone):
            continue  # a group of every holder: its calendar would be all.ics again
        if len(mine) == 1:  # one holder's lists are in the model's order, each object once
            (alone,) = mine
            own = list(obligations.get(alone, ()))
            if own:
                yield holder.id, own, items.get(alone, [])
            continue
        if not positions:
            positions = {id(v): n for n, v in enumerate([*model.obligations, *evaluation.items])}
        own = _in_order((o for h in mine for o in obligations.get(h, ())), positions)
        if not own:
            continue
        seen = _in_order((i for h in mine for i in items.get(h, ())), positions)
        yield holder.id, own, seen


def unit_calendar(
    model: Model,
    evaluation: Evaluation,
    holder_id: str,
    own: list[Obligation],
    seen: list[ItemState],
    open_only: bool,
) -> str | None:
    """One unit's (or group's) calendar from :func:`holder_parts`, or None when it has none."""
    text = calendar_ics(
        replace(model, obligations=tuple(own)),
        replace(evaluation, items=tuple(seen)),
        unit_id=holder_id,
        open_only=open_only,
        brief_alarms=open_only,
        until=evaluation.as_of + dt.timedelta(days=HORIZON_DAYS) if open_only else None,
        since=evaluation.as_of if open_only else None,
        alarm_days=PROVINCE_ALARM_DAYS if open_only else ALARM_DAYS,
    )
    # a unit whose every event is closed keeps its (empty) calendar: subscriptions to it
    # must not break while nothing is due
    return text if "BEGIN:VEVENT" in text or open_only else None


def _in_order(values: Iterable[_T], position: dict[int, int]) -> list[_T]:
    """Each object once (a shared duty is listed under every holder), in the model's order.
    By identity: obligations and occurrences hold mappings, so they do not hash."""
    found = {id(v): v for v in values}
    return sorted(found.values(), key=lambda v: position[id(v)])


def _members(model: Model, holder_id: str) -> set[str]:
    """The holders a calendar stands for: a group with members stands for its members."""
    group = model.groups.get(holder_id)
    if group is None or not group.members:
        return {holder_id}
    found: set[str] = set()
    for member in group.members:
        found |= _members(model, member.unit_id)
    return found
