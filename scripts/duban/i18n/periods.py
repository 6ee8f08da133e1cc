"""A period's key in words, as a clerk writes it: 2010年, 2010年上半年, 2024年第一季度, 2023年8月.

Keys are the data's names of periods (``model/deadlines.period_key``: 2010, 2010-H1, 2024-Q1,
2023-08). Any other key (a follow-up deadline's, say) is returned as it is."""

from __future__ import annotations

import re

_KEY = re.compile(r"([0-9]{4})(?:-(?:H([12])|Q([1-4])|(0[1-9]|1[0-2])))?")
_HALVES = {"1": "上半年", "2": "下半年"}
_QUARTERS = {"1": "第一季度", "2": "第二季度", "3": "第三季度", "4": "第四季度"}


def period_words(key: str) -> str:
    """``2010-H1`` → ``2010年上半年``; ``2024-Q1`` → ``2024年第一季度``; ``2023-08`` →
    ``2023年8月``; ``2010`` → ``2010年``; anything else unchanged."""
    match = _KEY.fullmatch(key)
    if not match:
        return key
    year, half, quarter, month = match.groups()
    if half:
        return f"{year}年{_HALVES[half]}"
    if quarter:
        return f"{year}年{_QUARTERS[quarter]}"
    if month:
        return f"{year}年{int(month)}月"
    return f"{year}年"
