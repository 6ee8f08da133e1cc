"""plans/<id>/plan.yaml: the plan's facts, sections and leadership."""

from __future__ import annotations

from typing import Any

from duban.load.resolve.context import Report, parse_date, source_of
from duban.load.resolve.org import Org
from duban.load.strict_yaml import Document, KeyPath
from duban.model.org import Leadership, Office, Person, Position
from duban.model.plan import Plan, Provision, Section, SourceDocument


def build_plan(report: Report, org: Org, doc: Document, folder: str) -> Plan | None:
    data = doc.data
    if data["id"] != folder:
        report(doc, ("id",), f"must equal the name of its folder {folder!r}")
        return None
    start, end = parse_date(data["period"]["start"]), parse_date(data["period"]["end"])
    assert start and end
    if end < start:
        report(doc, ("period", "end"), "is before period.start")
    published, signed = parse_date(data.get("published")), parse_date(data["signed"])
    if published is not None and signed is not None and published < signed:
        report(doc, ("published",), f"is earlier than the date signed {signed.isoformat()}")
    issuer = org.resolve(doc, ("issuer",), data["issuer"])
    sections = _sections(report, doc, data["sections"])
    leadership = _leadership(org, doc, data["leadership"]) if "leadership" in data else None
    if issuer is None:
        return None
    return Plan(
        id=data["id"],
        title=data["title"],
        issuer=issuer,
        signed=parse_date(data["signed"]) or start,
        period_start=start,
        period_end=end,
        sections=sections,
        notice_title=data.get("notice_title"),
        document_number=data.get("document_number"),
        addressees=data.get("addressees"),
        signed_as_written=data.get("signed_as_written"),
        notice_text=data.get("notice_text"),
        preamble=data.get("preamble"),
        closing=data.get("closing"),
        period_as_written=data["period"].get("as_written"),
        sources=tuple(SourceDocument(**s) for s in data.get("sources", [])),
        source_url=data.get("source_url"),
        goals=tuple(data.get("goals", [])),
        leadership=leadership,
        source=source_of(doc),
        short_name=data.get("short_name"),
        description=data.get("description"),
        kind=data.get("kind"),
        task_numbering=data.get("task_numbering", "plan"),
        published=published,
    )


def _sections(report: Report, doc: Document, items: list[dict[str, Any]]) -> tuple[Section, ...]:
    numbers: set[int] = set()
    sections = []
    for index, item in enumerate(items):
        if item["number"] in numbers:
            report(doc, ("sections", index, "number"), "section number is used twice")
        numbers.add(item["number"])
        provisions = tuple(
            Provision(p["number"], p["title"], p["text"], p.get("numeral"))
            for p in item.get("provisions", [])
        )
        sections.append(Section(item["number"], item["title"], item.get("numeral"), provisions))
    return tuple(sections)


def _leadership(org: Org, doc: Document, lead: dict[str, Any]) -> Leadership:
    office = None
    if "office" in lead:
        o = lead["office"]
        office = Office(
            name=o["name"],
            positions=_positions(org, doc, ("leadership", "office"), o.get("positions", [])),
            duties=o.get("duties"),
            staffing=o.get("staffing"),
            located_at=org.resolve(
                doc, ("leadership", "office", "located_at"), o.get("located_at")
            ),
        )
    return Leadership(
        name=lead["name"],
        positions=_positions(org, doc, ("leadership",), lead["positions"]),
        members_text=lead.get("members_text"),
        office=office,
    )


def _positions(
    org: Org, doc: Document, keys: KeyPath, items: list[dict[str, Any]]
) -> tuple[Position, ...]:
    result = []
    for index, item in enumerate(items):
        people = []
        for p_index, person in enumerate(item["people"]):
            where = (*keys, "positions", index, "people", p_index, "unit")
            unit = org.resolve(doc, where, person.get("unit"))
            people.append(Person(person["name"], person.get("title"), unit))
        result.append(Position(item["role"], tuple(people)))
    return tuple(result)
