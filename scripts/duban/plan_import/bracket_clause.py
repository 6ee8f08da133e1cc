"""A measure's date in brackets read as its clause (branch h18y; see
:mod:`duban.plan_import.bracket_dates`)."""

from __future__ import annotations

from duban.plan_import.bracket_dates import BRACKET_DATE, bracket_date
from duban.plan_import.chinese import simplified
from duban.plan_import.clauses import Clause, parse_clause


def bracket_clause(own: str) -> Clause | None:
    """The date bracket ending ``own`` read as a clause holding only a deadline, or None."""
    if not bracket_date(own):
        return None
    stripped = own.rstrip()
    match = BRACKET_DATE.search(simplified(stripped))
    assert match is not None
    start = match.start()
    close = max(stripped.rfind(")"), stripped.rfind("）"))
    inner = stripped[start + 1 : close].strip()
    return parse_clause(stripped[start : close + 1], start, close + 1, "时限：" + inner)
