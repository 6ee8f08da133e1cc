"""Inspection points grouped under the place that answers for them (branch h18y; 鹰潭 2023, a
city's 创文 督查通报 reprinted by a 范文 site): a subheading that is only the name of a district,
county or town (``(一)余江区``, ``(二)月湖区``, ``(一)鹿城镇(14个)``, the count being the number
of problems found there) over numbered points most of which name no unit of their own
(``1.鹰南高速连接线(整改时限:10月27日)`` / ``存在问题:(1)…;(2)…``).

A 督查通报 lists the problems found, place by place, for the place to put right (属地管理): the
points are the tasks and the place is responsible for each (as a 责任分解 grouped under a unit's
name makes that unit responsible, :func:`duban.plan_import.subheadings.heading_clause`). A point
with a clause of its own keeps it; a heading naming anything else than a place is no such group.
"""

from __future__ import annotations

import re

from duban.plan_import.assigning import names_units
from duban.plan_import.chinese import simplified
from duban.plan_import.clauses import Clause, parse_clause
from duban.plan_import.segment import Node, field_text
from duban.plan_import.unit_names import SITE

PLACE = re.compile(
    rf"^(?P<name>(?![全各本该我])(?![\u4e00-\u9fff]*{SITE}"
    r"(?:[（(]|[：:]?$))[\u4e00-\u9fff]{2,10}?"
    r"(?:新区|城区|区|县|市|镇|乡|街道|街道办事处|旗|苏木|管委会|开发区|园区))"
    r"(?:[（(]\s*(?:共|计)?\s*[0-9]{1,3}\s*[个項项处處条條]?(?:问题|問題|点位|點位)?\s*[)）])?[：:]?$"
)
"""A place's name alone, maybe with the count of what was found there: 鹿城镇(14个); a
community, a housing estate or a scenic area (儋州村社区) is a place where problems were found,
not the government that answers for them."""


def place_name(title: str) -> str | None:
    """The place a subheading names when it is nothing but a place's name, else None."""
    match = PLACE.match(simplified(title.strip()))
    return title.strip()[: match.end("name")] if match else None


def place_heading(text: str, node: Node) -> bool:
    """A subheading that is only a place's name over numbered points, fewer than half of which
    name a unit of their own (a point's name before a colon may read as one: 信义花园:…)."""
    if not node.children or any(c.style in ("sec", "pcn") for c in node.children):
        return False  # over headings of its own ((一)社区居委会 …): no list of points
    own = field_text(text[node.content : node.children[0].start])
    if "\n" in own or place_name(own) is None:
        return False
    named = sum(names_units(text[c.content : c.end]) for c in node.children)
    return 2 * named < len(node.children)


def place_clause(text: str, node: Node) -> Clause | None:
    """The clause a place's subheading makes for the points below it: the place is responsible
    (None when ``node`` is no such subheading)."""
    if not place_heading(text, node):
        return None
    own = field_text(text[node.content : node.children[0].start])
    name = place_name(own) or ""
    return parse_clause(own, 0, len(own), name + "负责")
