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


def _own_units(span: str) -> bool:
    """Units named on the point's own line, or in a bracket on a line below it: a 责任单位:X
    label line after the last point is the group's (h18s), not the point's."""
    if _names_units(span.split("\n")[0]):
        return True
    clause = find_clause(span)
    return clause is not None and any(clause.roles.values()) and clause.as_written[:1] in "(（"


def assigned_points(text: str, roots: list[Node]) -> bool:
    """Whether the top items are tasks whose bracketed points each carry their own units."""
    if not roots:
        return False
    for node in roots:
        points = node.children
        if node.style != "ar" or len(points) < 2:
            return False
        if _names_units(text[node.content : points[0].start]):
            return False
        for point in points:
            if point.style not in ("par", "cir") or point.children or point.inline:
                return False  # (1) or ①
            if not _own_units(text[point.content : point.end].strip()):
                return False
    return True
