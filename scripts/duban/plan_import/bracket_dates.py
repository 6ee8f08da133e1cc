"""A measure that ends with its date in brackets (branch h18y; 安顺 2017, an 整改措施清单):
``2.……确保普定县城饮用水安全(2017年9月30日)。`` — the bracket holds nothing but the date by
which the measure is done, as 整改 lists and 计划 columns write it for each step. Such an item's
deadline is read from its text (as an item's prose deadline is) even when it is a sub-item whose
numbering differs from its parent's and it has no clause of its own."""

from __future__ import annotations

import re

from duban.plan_import.chinese import simplified

BRACKET_DATE = re.compile(
    r"[（(]\s*(?:(?:19|20)\d{2}\s*年\s*)?(?:\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?(?:底|末|中旬|上旬|下旬)?"
    r"|底|年底|年末)?\s*(?:前|以前|之前)?\s*(?:完成)?\s*[)）]\s*[。；;.]?\s*$"
)


def bracket_date(own: str) -> bool:
    """Whether ``own`` (an item's own text) ends with a bracket holding only a date."""
    match = BRACKET_DATE.search(simplified(own.strip()))
    return match is not None and re.search(r"\d|年底|年末", match.group()) is not None


ANYWHERE = re.compile(BRACKET_DATE.pattern.replace(r"[)）]\s*[。；;.]?\s*$", r"[)）]"))


def bracket_phrase(own: str) -> str | None:
    """The date of the one bracket in ``own`` that holds nothing but a date (without its
    brackets), or None (none, or several)."""
    folded = simplified(own)
    found = [m for m in ANYWHERE.finditer(folded) if re.search(r"\d|年底|年末", m.group())]
    if len(found) != 1:
        return None
    match = found[0]
    return own[match.start() + 1 : match.end() - 1].strip()
