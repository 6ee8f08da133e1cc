"""A date as people write it: 2010年5月28日, 2010/05/28, 2010.5.28, 2010-5-28, 2010 5 28, and the
"2010-05-28 00:00:00" a spreadsheet cell turns into text. The data itself takes only YYYY-MM-DD;
this reads what a clerk typed, so that the message can say which date was meant, or the
workbook's import can take it."""

from __future__ import annotations

import datetime as dt
import re

_SEPARATOR = r"\s*[年/.\-－． ]\s*"
_WRITTEN_DATE = re.compile(
    rf"\s*(\d{{4}}){_SEPARATOR}(\d{{1,2}})\s*[月/.\-－． ]\s*(\d{{1,2}})\s*日?"
    r"(?:\s+0{1,2}:00(?::00)?)?\s*"
)


_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def iso_date(text: str) -> dt.date | None:
    """The one form a date takes in data, options and settings: YYYY-MM-DD, a day that exists
    (``date.fromisoformat`` alone would take 20100630 or 2010-W26-3 too)."""
    if not _ISO_DATE.fullmatch(text):
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


def written_date(text: str) -> dt.date | None:
    """The date ``text`` writes, or None when it writes none (or a day that does not exist)."""
    match = _WRITTEN_DATE.fullmatch(text)
    if not match:
        return None
    year, month, day = (int(part) for part in match.groups())
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None
