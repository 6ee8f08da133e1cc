"""Whether some words assign work: the test a heading's or an item's own text passes when it
names who does it (place_groups, post_groups, problem_items ask it of many texts)."""

from __future__ import annotations

from duban.plan_import.clauses import find_clause


def names_units(text: str) -> bool:
    """Whether ``text`` holds an assignment clause that names some unit (not only a deadline or
    a leader)."""
    clause = find_clause(text)
    return clause is not None and any(clause.roles.values())
