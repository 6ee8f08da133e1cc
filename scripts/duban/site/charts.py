"""Geometry for the inline SVG charts: plain numbers, laid out here and drawn by templates.

Charts are made at build time (no script, no third-party host) and always come with a text
equivalent: a ``<title>``/``<desc>`` for screen readers and a data table printed beside them.
Marks differ by shape as well as colour, so a chart reads in grey print and for colour-blind
readers.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from duban.evaluation.evaluate import State

# One shape per light, so the state never depends on colour alone.
SHAPES = {
    State.DONE_ON_TIME: "circle",
    State.DONE_LATE: "square",
    State.NOT_DUE: "ring",
    State.DUE_SOON: "triangle",
    State.OVERDUE: "diamond",
    State.MISSED: "cross",
    State.ONGOING: "bar",
    State.NOT_APPLICABLE: "dash",
    State.WAITING: "hourglass",
    State.DONE_EARLY: "half-circle",
}


# -- bars ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Segment:
    state: State
    count: int
    x: float
    width: float


def stacked(segments: list[tuple[State, int]], width: float = 100.0) -> list[Segment]:
    """Segments of a 100-wide bar, in the given order (a tally's ``segments()``)."""
    total = sum(count for _, count in segments)
    result = []
    x = 0.0
    for state, count in segments:
        w = width * count / total if total else 0.0
        result.append(Segment(state, count, round(x, 3), round(w, 3)))
        x += w
    return result


# -- indicator: target against actual ---------------------------------------------------------
@dataclass(frozen=True)
class IndicatorBar:
    date: dt.date
    target: float | None
    target_is_max: bool
    actual: float | None
    status: str
    x: float
    target_y: float
    target_h: float
    actual_y: float
    actual_h: float


@dataclass(frozen=True)
class IndicatorChart:
    width: int
    height: int
    top: int
    bottom: int
    left: int
    bar_width: float
    scale_max: float
    ticks: tuple[tuple[float, float], ...]  # (value, y)
    bars: tuple[IndicatorBar, ...]


def indicator_chart(points: list[dict], unit: str = "percent") -> IndicatorChart:
    """Bars of target and actual per milestone date. ``points``: dicts with ``date``,
    ``target``, ``target_is_max``, ``actual`` (None when no data) and ``status``."""
    width, height, top, bottom, left = 640, 240, 24, 200, 48
    values = [p["target"] for p in points if p["target"] is not None]
    values += [p["actual"] for p in points if p["actual"] is not None]
    scale_max = 100.0 if unit == "percent" else _nice_ceiling(max(values, default=1.0))
    plot = bottom - top

    def y(value: float) -> float:
        return round(bottom - plot * min(max(value, 0.0), scale_max) / scale_max, 2)

    slot = (width - left - 16) / max(len(points), 1)
    bar_width = min(44.0, slot / 3)
    bars = []
    for index, point in enumerate(points):
        x = left + slot * index + slot / 2 - bar_width - 2
        target, actual = point["target"], point["actual"]
        target_y = y(target) if target is not None else bottom
        actual_y = y(actual) if actual is not None else bottom
        bars.append(
            IndicatorBar(
                date=point["date"],
                target=target,
                target_is_max=point["target_is_max"],
                actual=actual,
                status=point["status"],
                x=round(x, 2),
                target_y=target_y,
                target_h=round(bottom - target_y, 2),
                actual_y=actual_y,
                actual_h=round(bottom - actual_y, 2),
            )
        )
    ticks = tuple((v, y(v)) for v in (scale_max * k / 4 for k in range(5)))
    return IndicatorChart(
        width, height, top, bottom, left, bar_width, scale_max, ticks, tuple(bars)
    )


def _nice_ceiling(value: float) -> float:
    """The next round number at or above ``value`` (1, 2, 5 x 10^n)."""
    if value <= 0:
        return 1.0
    magnitude = 10 ** (len(str(int(value))) - 1)
    for step in (1, 2, 5, 10):
        if value <= step * magnitude:
            return float(step * magnitude)
    return float(10 * magnitude)


# -- timeline of every deadline ----------------------------------------------------------------
@dataclass(frozen=True)
class Mark:
    x: float
    y: float
    date: dt.date
    state: State
    shape: str
    count: int
    label: str


@dataclass(frozen=True)
class TimelineRow:
    y: float
    label: str
    title: str
    href: str
    marks: tuple[Mark, ...]


@dataclass(frozen=True)
class Timeline:
    width: int
    height: int
    left: int
    right: int
    top: int
    start: dt.date
    end: dt.date
    years: tuple[tuple[int, float], ...]  # (year, x of 1 January)
    halves: tuple[float, ...]  # x of 1 July
    rows: tuple[TimelineRow, ...]
    as_of_x: float | None
    as_of_after: bool


def timeline(
    rows: list[dict], start: dt.date, end: dt.date, as_of: dt.date, row_height: int = 30
) -> Timeline:
    """Rows (one per task) of marks on a date axis from ``start`` to ``end``.

    ``rows``: dicts with ``label``, ``title``, ``href`` and ``marks`` (dicts with ``date``,
    ``state``, ``count`` and ``label``).
    """
    width, left, right, top = 960, 120, 940, 36
    last = max([end, *(m["date"] for r in rows for m in r["marks"])])
    first = min([start, *(m["date"] for r in rows for m in r["marks"])])
    span = max((last - first).days, 1)

    def x(day: dt.date) -> float:
        return round(left + (right - left) * (day - first).days / span, 2)

    out_rows = []
    for index, row in enumerate(rows):
        y = top + row_height * index + row_height / 2
        marks = tuple(
            Mark(x(m["date"]), y, m["date"], m["state"], SHAPES[m["state"]], m["count"], m["label"])
            for m in row["marks"]
        )
        out_rows.append(TimelineRow(y, row["label"], row["title"], row["href"], marks))
    years = tuple(
        (year, x(dt.date(year, 1, 1)))
        for year in range(first.year, last.year + 1)
        if first <= dt.date(year, 1, 1) <= last
    )
    halves = tuple(
        x(dt.date(year, 7, 1))
        for year in range(first.year, last.year + 1)
        if first <= dt.date(year, 7, 1) <= last
    )
    inside = first <= as_of <= last
    height = top + row_height * len(rows) + 28
    return Timeline(
        width,
        height,
        left,
        right,
        top,
        first,
        last,
        years,
        halves,
        tuple(out_rows),
        x(as_of) if inside else None,
        as_of > last,
    )
