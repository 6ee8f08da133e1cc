"""Occurrences summarised by group (a province's cities and counties: ``groups`` in org.yaml).

A list of every unit's occurrences grows with the province: a task all 1,500 units hold once a
month was a 15 MB page. Above :data:`SUMMARY_ROWS` rows naming more than
:data:`SUMMARY_HOLDERS` holders, task pages and the 督办清单 show one
row per group instead (counts per state that add up to the list's total), and the rows
themselves move to one page per group per plan (:func:`duban.outputs.urls.group_page`), whose
size depends on the group's size, not the province's. Below the threshold, or when no group has
members, the pages list every row as they always did.

Each occurrence is counted in exactly one bucket, so the counts add up: the smallest group that
lists its holder as a member (the first in org.yaml's order among groups as small), else the
bucket of units in no group (:data:`UNGROUPED`). A shared duty counts under its first holder,
as the lists show it once.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from operator import attrgetter

from duban.evaluation.evaluate import ItemState, State
from duban.model.model import Model
from duban.model.org import Group, Holder
from duban.site.lights import Tally

SUMMARY_ROWS = 300
"""A list longer than this is summarised by group (when the data has groups with members).
300 rows of the status table are about 450 KB of HTML: well under the 1 MB a page may weigh
on a phone, and above every list of the shipped plan (its longest task table has 68 rows)."""

SUMMARY_HOLDERS = 50
"""...and only when its rows name more holders than this (the shipped plan has 22 units)."""

_holder_id = attrgetter("holder_id")

UNGROUPED = "_ungrouped"
"""The bucket of holders in no group; ids cannot start with ``_``, so no group is called so."""


@dataclass(frozen=True)
class Bucket:
    """The occurrences of one group's members (or of the holders in no group)."""

    slug: str
    """The group's id, or :data:`UNGROUPED`: the name of its detail page."""
    group: Group | None
    items: tuple[ItemState, ...]
    tally: Tally

    @cached_property
    def holders(self) -> list[str]:
        """Its holders that have occurrences, in the order they first appear (found once: a
        row's key and the row read it, h24ad)."""
        return list(dict.fromkeys(map(_holder_id, self.items)))

    @property
    def light(self) -> State | None:
        """The light of its occurrences (h24ad: from its tally, the same states)."""
        return self.tally.light

    @property
    def longest_days_late(self) -> int:
        return max((i.days_late or 0 for i in self.items if i.state is State.OVERDUE), default=0)


@dataclass(frozen=True)
class GroupSummary:
    """A list by group: the buckets, and the whole list's counts (the table's last row)."""

    buckets: tuple[Bucket, ...]
    tally: Tally

    @cached_property
    def states(self) -> list[State]:
        """The states that occur, in display order: one column each (found once: each row's
        key reads them, h24ad)."""
        return [s for s, _ in self.tally.segments()]

    @property
    def holders(self) -> int:
        return sum(len(b.holders) for b in self.buckets)


def group_summary(model: Model, items: Iterable[ItemState], home: dict[str, str]) -> GroupSummary:
    items = list(items)
    return GroupSummary(tuple(buckets(model, items, home)), Tally.of(items))


def has_groups(model: Model) -> bool:
    """Whether the data has groups with members to summarise by."""
    return any(g.members for g in model.groups.values())


def should_summarise(model: Model, items: list[ItemState], threshold: int = SUMMARY_ROWS) -> bool:
    """A list is summarised when it is long *because of many holders*: more than ``threshold``
    rows held by more than :data:`SUMMARY_HOLDERS` holders (a few units with many rows gain
    nothing from a table of one or two groups), and the data has groups to summarise by."""
    if len(items) <= threshold or not has_groups(model):
        return False
    return len({i.holder_id for i in items}) > SUMMARY_HOLDERS


def home_groups(model: Model) -> dict[str, str]:
    """Each member's bucket: the smallest group that lists it, the first in org.yaml among
    groups as small. Most specific wins: a province's org.yaml may also list 各县（市、区）司法局
    with every county in it, and a bucket of every county would be the long list again."""
    home: dict[str, str] = {}
    ordered = sorted(model.groups.values(), key=lambda g: len(g.members))  # stable: org order
    for group in ordered:
        for member in group.members:
            home.setdefault(member.unit_id, group.id)
    return home


def buckets(model: Model, items: Iterable[ItemState], home: dict[str, str]) -> list[Bucket]:
    """Non-empty buckets in org.yaml's order of groups, the ungrouped last."""
    found: dict[str, list[ItemState]] = {}
    for item in items:
        found.setdefault(home.get(item.holder_id, UNGROUPED), []).append(item)
    order = [*model.groups, UNGROUPED]
    return [
        Bucket(slug, model.groups.get(slug), tuple(found[slug]), Tally.of(found[slug]))
        for slug in order
        if slug in found
    ]


def holders_by_group(
    model: Model, holders: Iterable[Holder], home: dict[str, str]
) -> list[tuple[str, Group | None, list[Holder]]]:
    """Holders (for the units index) in the same buckets as their occurrences."""
    found: dict[str, list[Holder]] = {}
    for holder in holders:
        found.setdefault(home.get(holder.id, UNGROUPED), []).append(holder)
    return [
        (slug, model.groups.get(slug), found[slug])
        for slug in [*model.groups, UNGROUPED]
        if slug in found
    ]
