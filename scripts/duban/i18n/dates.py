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


_PERIOD = re.compile(r"([0-9]{4})(?:-(?:H([12])|Q([1-4])|(0[1-9]|1[0-2])))?")
_QUARTERS = "一二三四"


def period_words(key: str) -> str:
    """A period's key as a reader says it: 2010 → 2010年, 2010-H1 → 2010年上半年, 2024-Q1 →
    2024年第一季度, 2023-08 → 2023年8月. Any other key (a follow-up's) is given back as it is."""
    match = _PERIOD.fullmatch(key)
    if not match:
        return key
    year, half, quarter, month = match.groups()
    if half:
        return f"{year}年{'上' if half == '1' else '下'}半年"
    if quarter:
        return f"{year}年第{_QUARTERS[int(quarter) - 1]}季度"
    if month:
        return f"{year}年{int(month)}月"
    return f"{year}年"
