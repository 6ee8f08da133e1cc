"""A period as people say it: 2010年, 2010年上半年, 2010年第三季度, 2010年8月 (the data's keys are
2010, 2010-H1, 2010-Q3, 2010-08). A key of another form (a follow-up's own name) is said as it is.
"""

from __future__ import annotations

import calendar
import re

from duban.i18n.languages import DEFAULT_LANGUAGE

_KEY = re.compile(r"([0-9]{4})(?:-(?:H([12])|Q([1-4])|([0-9]{2})))?")
_QUARTERS = "一二三四"


def period_words(key: str, language: str = DEFAULT_LANGUAGE) -> str:
    """``2010-Q3`` → 2010年第三季度 (``en``: Q3 2010); an unknown form comes back unchanged."""
    match = _KEY.fullmatch(key)
    if not match or (match[4] and not 1 <= int(match[4]) <= 12):
        return key
    year, half, quarter, month = match.groups()
    if language == "en":
        if half:
            return f"H{half} {year}"
        if quarter:
            return f"Q{quarter} {year}"
        if month:
            return f"{calendar.month_name[int(month)]} {year}"
        return year
    if half:
        return f"{year}年{'上' if half == '1' else '下'}半年"
    if quarter:
        return f"{year}年第{_QUARTERS[int(quarter) - 1]}季度"
    if month:
        return f"{year}年{int(month)}月"
    return f"{year}年"
