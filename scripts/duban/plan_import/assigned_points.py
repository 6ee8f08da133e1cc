"""An item whose points carry the units (h18bx, SOURCES.md 第三十批): an excerpt of a law site's
page that starts at an arabic item ``2、深化地名管理`` (or ``2.成员单位职责:``) whose own lines
name no unit, over ``(1)…(责任单位:A、B)`` ``(2)…`` or ``(1)市气象局:负责……`` lines that each
name their own. By the ranks offices number with (一、 （一） 1. （1）), a ``1.`` item is a task
and its ``(1)`` lines its sub-items, as the twelfth and twenty-ninth batches read an item with no
units over points that carry them. Read as a chapter, the item's goal would be a heading and
each point a task of its own.

Only when every top item is an arabic item with two or more bracketed points under it, none of
which has points of its own, every point names its units on its own line (a 责任单位:X line after
the last point is the group's, h18s) and no top item names any: a plan whose 1. items carry
their own clause (or whose points are sections' tasks under 一、) is read as before.
"""

from __future__ import annotations

from duban.plan_import.clauses import find_clause
from duban.plan_import.segment_nodes import Node
from duban.plan_import.subject_units import subject_clause


def _names_units(part: str) -> bool:
    clause = find_clause(part) or subject_clause(part)
    return clause is not None and any(clause.roles.values())


def _units_lines(span: str) -> tuple[bool, bool]:
    """(units named on the point's own line or in a bracket below it, units named at all): a
    label line below is the point's only when every point has one (the caller counts)."""
    if _names_units(span.split("\n")[0]):
        return True, True
    clause = find_clause(span)
    named = clause is not None and any(clause.roles.values())
    return named and clause is not None and clause.as_written[:1] in "(（", named


def assigned_points(text: str, roots: list[Node]) -> bool:
    """Whether the top items are tasks whose bracketed points each carry their own units."""
    if not roots:
        return False
    below = 0  # points whose units stand on a label line below them
    counted = 0
    for node in roots:
        points = node.children
        counted += len(points)
        if node.style != "ar" or len(points) < 2:
            return False
        if _names_units(text[node.content : points[0].start]):
            return False
        for point in points:
            if point.style not in ("par", "cir") or point.children or point.inline:
                return False  # (1) or ①
            own, named = _units_lines(text[point.content : point.end].strip())
            if not named:
                return False
            below += not own
    return below in (0, counted)  # one layout for all, or the last label line is the group's
