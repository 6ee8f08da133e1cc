"""The indicator chart laid out for a phone: one row per milestone, bars running sideways.

The column chart (``charts.indicator_chart``) puts the milestones side by side, 640 units wide;
shrunk to a phone's 358 px its words fall under 7 px, and kept at size it scrolls, hiding the
last target. Here the milestones stack instead: each row has its date and result on a line,
then the target's bar and the actual value's bar, so any number of milestones fits the width
and the words keep their size (12 units in a 340-unit box drawn about 358 px wide).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from duban.site.charts import _nice_ceiling

WIDTH = 340
ROW_HEIGHT = 64
VALUE_ROOM = 56  # the value's words at the end of the longest bar


@dataclass(frozen=True)
class RowBar:
    date: dt.date
    target: float | None
    target_is_max: bool
    actual: float | None
    status: str
    y: float  # the row's first line (its date and result)
    target_w: float
    actual_w: float


@dataclass(frozen=True)
class RowChart:
    width: int
    height: int
    plot: int  # the widest bar
    bar_height: int
    scale_max: float
    rows: tuple[RowBar, ...]


def indicator_rows(points: list[dict], unit: str = "percent") -> RowChart:
    """Rows of target and actual per milestone date; ``points`` as ``charts.indicator_chart``
    takes them (``date``, ``target``, ``target_is_max``, ``actual``, ``status``)."""
    values = [p["target"] for p in points if p["target"] is not None]
    values += [p["actual"] for p in points if p["actual"] is not None]
    scale_max = 100.0 if unit == "percent" else _nice_ceiling(max(values, default=1.0))
    plot = WIDTH - VALUE_ROOM

    def w(value: float | None) -> float:
        if value is None:
            return 0.0
        return round(plot * min(max(value, 0.0), scale_max) / scale_max, 2)

    rows = tuple(
        RowBar(
            date=p["date"],
            target=p["target"],
            target_is_max=p["target_is_max"],
            actual=p["actual"],
            status=p["status"],
            y=index * ROW_HEIGHT + 14,
            target_w=w(p["target"]),
            actual_w=w(p["actual"]),
        )
        for index, p in enumerate(points)
    )
    return RowChart(WIDTH, len(rows) * ROW_HEIGHT + 4, plot, 14, scale_max, rows)
