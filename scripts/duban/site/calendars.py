"""The site's calendars (iCalendar files of :mod:`duban.outputs.ics`): which plans, units and
groups get one, and what each holds."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace
from typing import TypeVar

from duban.evaluation.evaluate import Evaluation
from duban.model.model import Model
from duban.model.org import Group
from duban.outputs import urls
from duban.outputs.ics import calendar_ics
from duban.site import names

_T = TypeVar("_T")


def calendars(
    model: Model,
    evaluation: Evaluation,
    whole: set[str] | None = None,
    groups: bool = True,
    open_only: bool = False,
) -> Iterator[tuple[str, str]]:
    """iCalendar files (the deadline engine's ``duban.outputs.ics``): each plan's in ``whole``
    (default all), all plans together when every plan is in it, and one per unit or group
    with deadlines (a group with members stands for its members).

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
    reminder)."""
    whole = set(model.plans) if whole is None else whole
    for plan_id in model.plans:
        if plan_id in whole:
            view = model.for_plan(plan_id)
            yield urls.plan_ics(plan_id), calendar_ics(view, evaluation.for_plan(plan_id))
    if len(model.plans) > 1 and whole >= set(model.plans):
        yield urls.ALL_ICS, calendar_ics(model, evaluation)
    # each holder's calendar reads only its own obligations and occurrences: handing every
    # calendar the whole model made the build quadratic in units (each scanned everything)
    obligations: dict[str, list] = {}
    for obligation in model.obligations:
        for holder_id in obligation.holders:
            obligations.setdefault(holder_id, []).append(obligation)
    items: dict[str, list] = {}
    for item in evaluation.items:
        for holder_id in item.holders:
            items.setdefault(holder_id, []).append(item)
    everyone = set(obligations)
    position = {id(v): n for n, v in enumerate([*model.obligations, *evaluation.items])}
    for holder in names.page_holders(model):
        mine = _members(model, holder.id)
        if isinstance(holder, Group) and holder.members and (not groups or mine >= everyone):
            continue  # a group of every holder: its calendar would be all.ics again
        own = _in_order((o for h in mine for o in obligations.get(h, ())), position)
        if not own:
            continue
        seen = _in_order((i for h in mine for i in items.get(h, ())), position)
        text = calendar_ics(
            replace(model, obligations=tuple(own)),
            replace(evaluation, items=tuple(seen)),
            unit_id=holder.id,
            open_only=open_only,
            brief_alarms=open_only,
        )
        # a unit whose every event is closed keeps its (empty) calendar: subscriptions to it
        # must not break while nothing is due
        if "BEGIN:VEVENT" in text or open_only:
            yield urls.unit_ics(holder.id), text


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
