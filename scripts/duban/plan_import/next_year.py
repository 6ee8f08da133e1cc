"""Dates a plan writes relative to the year it was signed in (branch h18p): a plan signed in
December for the coming year writes ``明年7月份建成`` and ``明年年底满园运营`` (下陆 2023, signed
2022-12-27): 明年 is the year after the signing date's, so 2023-07-31 and the year 2023. Read only
when the plan names its signing date (never the clock)."""

from __future__ import annotations

import re

NEXT_YEAR = re.compile(
    r"明年\s*(?:(?P<month>1[0-2]|0?[1-9])月(?:份)?(?:底|末)?|(?P<end>年底|年末))"
)


def next_year_phrases(folded: str, next_year: int) -> tuple[str, str] | None:
    """(the phrases as written, the same dated in ``next_year``) for every 明年N月 / 明年年底 of
    the text (in simplified characters), in order; None when there is none."""
    found = list(NEXT_YEAR.finditer(folded))
    if not found:
        return None
    written = "，".join(dict.fromkeys(m.group(0) for m in found))
    dated = [
        f"{next_year}年{int(m.group('month'))}月底" if m.group("month") else f"{next_year}年底"
        for m in found
    ]
    return written, "，".join(dict.fromkeys(dated))
