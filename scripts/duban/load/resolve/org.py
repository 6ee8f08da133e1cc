"""org.yaml: kinds of unit, units, groups and bodies; who a name stands for.

A reference in a plan may name a unit, a group (expanded to its members, each with the window
in which it belongs) or a body such as 县政府常务会议 (whose duties the unit it names under
``carried_by`` carries).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from duban.load.resolve.context import Names, Report, parse_date, source_of
from duban.load.strict_yaml import Document, KeyPath
from duban.model.org import Body, Group, Kind, Membership, Unit


def lookalike(name: str, first: str, where: str) -> str:
    """Two names that only look different (full-width brackets, compatibility forms)."""
    return (
        f"{name!r} reads the same as {first!r} ({where}) after Unicode normalisation (NFKC): "
        f"write it the same way, or choose another name"
    )


Window = tuple[dt.date | None, dt.date | None]
"""When a holder is bound: (from, until); None means open-ended."""

ENTRY_KINDS = ("units", "groups", "bodies")


class Org:
    """The organisation of one data folder, and the expansion of references to holders."""

    def __init__(self, report: Report, document: Document):
        self.report = report
        self.document = document
        self.names = Names()
        self.kinds: dict[str, Kind] = {}
        self.units: dict[str, Unit] = {}
        self.groups: dict[str, Group] = {}
        self.bodies: dict[str, Body] = {}
        self.expanded: dict[str, dict[str, Window]] = {}
        self._build()

    # -- reading org.yaml -----------------------------------------------------------------------
    def _build(self) -> None:
        data = self.document.data
        self._kinds(data.get("kinds", []))
        self._claim_ids(data)
        self._claim_names(data)
        for index, item in enumerate(data.get("units", [])):
            self._unit(("units", index), item)
        for index, item in enumerate(data.get("groups", [])):
            self._group(("groups", index), item)
        for index, item in enumerate(data.get("bodies", [])):
            self._body(("bodies", index), item)
        for group_id in self.groups:
            self.expand(group_id, ())

    def _kinds(self, items: list[dict[str, Any]]) -> None:
        for index, item in enumerate(items):
            if item["id"] in self.kinds:
                self.report(self.document, ("kinds", index, "id"), "kind id is used twice")
            self.kinds[item["id"]] = Kind(item["id"], item["name"], item.get("name_en"))

    def _claim_ids(self, data: dict[str, Any]) -> None:
        # ids first, so that a name or alias equal to another entry's id is caught either way
        for kind in ENTRY_KINDS:
            for index, item in enumerate(data.get(kind, [])):
                if self.names.find(item["id"]) is not None:
                    self.report(
                        self.document, (kind, index, "id"), f"id {item['id']!r} is used twice"
                    )
                    continue
                self.names.claim(item["id"], item["id"])

    def _claim_names(self, data: dict[str, Any]) -> None:
        for kind in ENTRY_KINDS:
            for index, item in enumerate(data.get(kind, [])):
                names: list[tuple[KeyPath, str]] = [(("name",), item["name"])]
                if item.get("short_name"):
                    names.append((("short_name",), item["short_name"]))
                names += [(("aliases", i), a) for i, a in enumerate(item.get("aliases", []))]
                for where, phrase in names:
                    keys = (kind, index, *where)
                    line = self.document.position(keys)[0]
                    owner = self.names.claim(phrase, item["id"], line)
                    if owner is None:
                        continue
                    first, first_line = self.names.first_written(phrase)
                    if first != phrase:
                        message = lookalike(phrase, first, f"line {first_line}, {owner}")
                    else:
                        message = (
                            f"{phrase!r} already names {owner!r}: names and "
                            "aliases must each point to one unit, group or body"
                        )
                    self.report(self.document, keys, message)

    def _unit(self, keys: KeyPath, item: dict[str, Any]) -> None:
        if self.kinds and item["kind"] not in self.kinds:
            known = ", ".join(self.kinds)
            self.report(
                self.document,
                (*keys, "kind"),
                f"{item['kind']!r} is not a kind of org.yaml ({known})",
            )
        self.units[item["id"]] = Unit(
            id=item["id"],
            name=item["name"],
            kind=item["kind"],
            short_name=item.get("short_name"),
            aliases=tuple(item.get("aliases", [])),
            parent=self.resolve(self.document, (*keys, "parent"), item.get("parent")),
            joined=parse_date(item.get("joined")),
            left=parse_date(item.get("left")),
            maintainers=tuple(item.get("maintainers", [])),
            note=item.get("note"),
            source=source_of(self.document, keys),
        )
        self._check_window(keys, item)

    def _group(self, keys: KeyPath, item: dict[str, Any]) -> None:
        members = []
        for m_index, member in enumerate(item.get("members", [])):
            m_keys = (*keys, "members", m_index)
            entry = member if isinstance(member, dict) else {"unit": member}
            ref_keys = (*m_keys, "unit") if isinstance(member, dict) else m_keys
            member_id = self.resolve(self.document, ref_keys, entry["unit"])
            if member_id is None:
                continue
            if member_id == item["id"]:
                self.report(self.document, ref_keys, "a group cannot be its own member")
                continue
            if member_id in self.body_ids():
                self.report(self.document, ref_keys, f"{member_id!r} is a body, not a unit")
                continue
            self._check_window(m_keys, entry)
            members.append(
                Membership(
                    member_id, parse_date(entry.get("joined")), parse_date(entry.get("left"))
                )
            )
        expected = item.get("expected_count")
        if expected and members and len(members) != expected:
            self.report(
                self.document,
                (*keys, "members"),
                f"lists {len(members)} members but expected_count is {expected}",
            )
        self.groups[item["id"]] = Group(
            id=item["id"],
            name=item["name"],
            aliases=tuple(item.get("aliases", [])),
            members=tuple(members),
            expected_count=expected,
            maintainers=tuple(item.get("maintainers", [])),
            note=item.get("note"),
            source=source_of(self.document, keys),
        )

    def _body(self, keys: KeyPath, item: dict[str, Any]) -> None:
        carrier = self.resolve(self.document, (*keys, "carried_by"), item["carried_by"])
        if carrier is not None and carrier not in self.units:
            self.report(
                self.document,
                (*keys, "carried_by"),
                f"{item['carried_by']!r} is not a unit: a body's duties are carried by one unit",
            )
            carrier = None
        self.bodies[item["id"]] = Body(
            id=item["id"],
            name=item["name"],
            carried_by=carrier or "",
            aliases=tuple(item.get("aliases", [])),
            note=item.get("note"),
            source=source_of(self.document, keys),
        )

    def body_ids(self) -> set[str]:
        return {item["id"] for item in self.document.data.get("bodies", [])}

    def _check_window(self, keys: KeyPath, item: dict[str, Any]) -> None:
        joined, left = parse_date(item.get("joined")), parse_date(item.get("left"))
        if joined and left and left < joined:
            self.report(self.document, (*keys, "left"), "is before joined")

    # -- references -----------------------------------------------------------------------------
    def resolve(self, document: Document, keys: KeyPath, ref: str | None) -> str | None:
        """The id a phrase names, or a problem at ``keys`` when it names nothing."""
        if ref is None:
            return None
        found = self.names.find(ref)
        if found is None:
            self.report(document, keys, f"{ref!r} is not a unit, group or body in org.yaml")
        return found

    def expand(self, ref_id: str, trail: tuple[str, ...]) -> dict[str, Window]:
        """Holders a reference stands for, each with the window in which it is bound."""
        if ref_id in self.expanded:
            return self.expanded[ref_id]
        if ref_id in self.units:
            unit = self.units[ref_id]
            return {ref_id: (unit.joined, unit.left)}
        if ref_id in self.bodies:
            carrier = self.bodies[ref_id].carried_by
            return self.expand(carrier, trail) if carrier else {}
        group = self.groups.get(ref_id)
        if group is None:
            return {}
        if ref_id in trail:
            index = list(self.groups).index(ref_id)
            cycle = " -> ".join((*trail[trail.index(ref_id) :], ref_id))
            self.report(
                self.document, ("groups", index, "members"), f"groups contain each other: {cycle}"
            )
            return {}
        result: dict[str, Window]
        if not group.members:
            result = {ref_id: (None, None)}
        else:
            result = {}
            for member in group.members:
                for holder, (start, end) in self.expand(member.unit_id, (*trail, ref_id)).items():
                    window = (later(start, member.joined), earlier(end, member.left))
                    result[holder] = union(result.get(holder), window)
        self.expanded[ref_id] = result
        return result

    def holders_of(self, refs: Iterable[str]) -> dict[str, Window]:
        """The holders that references stand for, each with the window in which it is bound."""
        result: dict[str, Window] = {}
        for ref in refs:
            for holder, window in self.expand(ref, ()).items():
                result[holder] = union(result.get(holder), window)
        return result


def later(a: dt.date | None, b: dt.date | None) -> dt.date | None:
    return max(a, b) if a and b else a or b


def earlier(a: dt.date | None, b: dt.date | None) -> dt.date | None:
    return min(a, b) if a and b else a or b


def union(a: Window | None, b: Window) -> Window:
    if a is None:
        return b
    start = None if a[0] is None or b[0] is None else min(a[0], b[0])
    end = None if a[1] is None or b[1] is None else max(a[1], b[1])
    return start, end
