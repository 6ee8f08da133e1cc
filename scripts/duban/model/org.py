"""The organisation as org.yaml defines it: units, groups, kinds, bodies and plan leadership.

See :mod:`duban.model.model` for what the model as a whole promises.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from duban.model.refs import NO_SOURCE, Source


@dataclass(frozen=True)
class Unit:
    id: str
    name: str
    kind: str
    short_name: str | None = None
    aliases: tuple[str, ...] = ()
    parent: str | None = None
    joined: dt.date | None = None
    left: dt.date | None = None
    maintainers: tuple[str, ...] = ()
    note: str | None = None
    source: Source = NO_SOURCE

    @property
    def is_group(self) -> bool:
        return False

    @property
    def display_name(self) -> str:
        return self.short_name or self.name


@dataclass(frozen=True)
class Membership:
    unit_id: str
    joined: dt.date | None = None
    left: dt.date | None = None


@dataclass(frozen=True)
class Group:
    id: str
    name: str
    aliases: tuple[str, ...] = ()
    members: tuple[Membership, ...] = ()
    expected_count: int | None = None
    maintainers: tuple[str, ...] = ()
    note: str | None = None
    source: Source = NO_SOURCE
    kind: str = "group"
    short_name: str | None = None
    joined: dt.date | None = None
    left: dt.date | None = None

    @property
    def is_group(self) -> bool:
        return True

    @property
    def display_name(self) -> str:
        return self.name


Holder = Unit | Group


def display_name(holder: Holder | None, ref_id: str) -> str:
    """A holder's name as pages and reports print it; its id when no such holder is known."""
    return holder.display_name if holder is not None else ref_id


@dataclass(frozen=True)
class Kind:
    """A kind of unit and its display names, as org.yaml defines them."""

    id: str
    name: str
    name_en: str | None = None


@dataclass(frozen=True)
class Body:
    """An actor that is not a unit (县政府, 常务会议): ``carried_by`` carries its duties."""

    id: str
    name: str
    carried_by: str
    aliases: tuple[str, ...] = ()
    note: str | None = None
    source: Source = NO_SOURCE

    @property
    def display_name(self) -> str:
        return self.name


@dataclass(frozen=True)
class Person:
    name: str
    title: str | None = None
    unit_id: str | None = None


@dataclass(frozen=True)
class Position:
    role: str
    people: tuple[Person, ...]


@dataclass(frozen=True)
class Office:
    name: str
    positions: tuple[Position, ...] = ()
    duties: str | None = None
    staffing: str | None = None
    located_at: str | None = None


@dataclass(frozen=True)
class Leadership:
    name: str
    positions: tuple[Position, ...]
    members_text: str | None = None
    office: Office | None = None
