"""A period as people write it: the key of a recurring deadline's period (2024-Q1, 2023-08,
2010, 2010-H1, as ``model.deadlines.period_key`` names them) in words (2024年第一季度, 2023年8月,
2010年, 2010年上半年). A key that names no period is given back as it is."""

from __future__ import annotations

import re

_KEY = re.compile(r"([0-9]{4})(?:-(?:H([12])|Q([1-4])|(0[1-9]|1[0-2])))?")
_QUARTERS = "一二三四"


def period_words(key: str) -> str:
    """2024-Q1 → 2024年第一季度, 2023-08 → 2023年8月, 2010 → 2010年, 2010-H1 → 2010年上半年."""
    match = _KEY.fullmatch(key)
    if match is None:
        return key
    year, half, quarter, month = match.groups()
    if half:
        return f"{year}年{'上' if half == '1' else '下'}半年"
    if quarter:
        return f"{year}年第{_QUARTERS[int(quarter) - 1]}季度"
    if month:
        return f"{year}年{int(month)}月"
    return f"{year}年"
