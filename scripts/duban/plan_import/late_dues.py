"""Deadlines after the plan's period (h18m): a 2023 plan's task due 2024年3月底前 or 2025年.

The text sets them so; the data model keeps such a date with ``after_period: true`` (the
validator's own hint). Before, they were dropped (时限落在实施期限之外，未生成), and a year alone
(2025年, read since h18m) would have made the import fail validation. A date before the period
begins is still dropped and said in the review: it is more often a cited date than a deadline.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Any

from duban.model.deadlines import month_end

Period = Mapping[str, Any]


def within(dues: list[dict], period: Period | None) -> tuple[list[dict], list[dict], list[dict]]:
    """(the dues kept, those dropped as ending before the period, those kept after it)."""
    if period is None:
        return list(dues), [], []
    kept: list[dict] = []
    dropped: list[dict] = []
    late: list[dict] = []
    for due in dues:
        _first, last = _span(due)
        targets = [t["date"] for t in due.get("targets", [])]
        if any(not period["start"] <= day <= period["end"] for day in targets):
            dropped.append(due)  # milestones: every target inside, as before
        elif last is not None and last < period["start"]:
            dropped.append(due)
        elif last is not None and last > period["end"] and due["kind"] in ("date", "period"):
            due["after_period"] = True
            kept.append(due)
            late.append(due)
        else:
            kept.append(due)
    return kept, dropped, late


def _span(due: dict) -> tuple[dt.date | None, dt.date | None]:
    """The first and last day a dated or period deadline stands for (None, None otherwise)."""
    if isinstance(due.get("date"), dt.date):
        return due["date"], due["date"]
    match = re.fullmatch(r"(\d{4})(?:-([HQ])([1-4]))?", str(due.get("period", "")))
    if due.get("kind") != "period" or match is None:
        return None, None
    year = int(match.group(1))
    if match.group(2) is None:
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    months = 6 if match.group(2) == "H" else 3
    end_month = int(match.group(3)) * months
    return dt.date(year, end_month - months + 1, 1), month_end(year, end_month)
