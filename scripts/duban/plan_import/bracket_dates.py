"""A measure that ends with its date in brackets (branch h18y; 安顺 2017, an 整改措施清单):
``2.……确保普定县城饮用水安全(2017年9月30日)。`` — the bracket holds nothing but the date by
which the measure is done, as 整改 lists and 计划 columns write it for each step. Such an item's
deadline is read from its text (as an item's prose deadline is) even when it is a sub-item whose
numbering differs from its parent's and it has no clause of its own."""

from __future__ import annotations

import re

from duban.plan_import.chinese import simplified
from duban.plan_import.clauses import Clause, parse_clause

BRACKET_DATE = re.compile(
    r"[（(]\s*(?:(?:19|20)\d{2}\s*年\s*)?(?:\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?(?:底|末|中旬|上旬|下旬)?"
    r"|底|年底|年末)?\s*(?:前|以前|之前)?\s*(?:完成)?\s*[)）]\s*[。；;.]?\s*$"
)


def bracket_date(own: str) -> bool:
    """Whether ``own`` (an item's own text) ends with a bracket holding only a date."""
    match = BRACKET_DATE.search(simplified(own.strip()))
    return match is not None and re.search(r"\d|年底|年末", match.group()) is not None


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
