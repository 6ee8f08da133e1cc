"""A period key in words, as an official document writes it: 2024 -> 2024年, 2024-H1 ->
2024年上半年, 2024-Q1 -> 2024年第一季度, 2023-08 -> 2023年8月. The keys are the ones data and
status files use (``model.deadlines.period_key``); i18n imports nothing of duban's, so the few
forms are matched here again."""

from __future__ import annotations

import re

_KEY = re.compile(
    r"(?P<year>[0-9]{4})(?:-H(?P<half>[12])|-Q(?P<quarter>[1-4])|-(?P<month>[0-9]{2}))?"
)
_QUARTERS = "一二三四"


def period_words(key: str) -> str:
    """``key`` in Chinese words; anything that is not a period key comes back unchanged."""
    match = _KEY.fullmatch(key)
    if not match:
        return key
    year = f"{match['year']}年"
    if match["half"]:
        return year + ("上半年" if match["half"] == "1" else "下半年")
    if match["quarter"]:
        return f"{year}第{_QUARTERS[int(match['quarter']) - 1]}季度"
    if match["month"]:
        month = int(match["month"])
        return f"{year}{month}月" if 1 <= month <= 12 else key
    return year
