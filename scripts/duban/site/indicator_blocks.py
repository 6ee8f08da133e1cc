"""An indicator's chart and table: each target of a deadline against the value reached."""

from __future__ import annotations

from typing import Any

from duban.evaluation.indicators import measure
from duban.model.plan import Target, Task
from duban.site import chart_rows, charts
from duban.site.context import Context


def indicator_blocks(ctx: Context, task: Task) -> list[dict[str, Any]]:
    """One chart per deadline of ``task`` that has an indicator: target against actual.

    Actual values come from the evaluation's indicator results; a deadline without results (a
    sub-item's: results cover tasks) has its targets drawn alone, every actual value saying
    "no data", never a made-up figure.
    """
    results = ctx.evaluation.indicators
    blocks = []
    for due, indicator, targets in task.measured:
        mine = [
            r
            for r in results
            if r.task_id == task.id and r.due_id == due.id and r.indicator.id == indicator.id
        ]
        points: list[dict[str, Any]] = []
        if mine:
            for r in mine:
                target = r.target
                points.append(
                    {
                        "date": target.date,
                        "target": _target_value(target),
                        "target_is_max": target.min is None,
                        "actual": r.actual,
                        "numerator": r.numerator,
                        "denominator": r.denominator,
                        "status": r.status,
                        "as_written": target.as_written,
                    }
                )
        else:
            for target in targets:
                points.append(
                    {
                        "date": target.date,
                        "target": _target_value(target),
                        "target_is_max": target.min is None,
                        "actual": None,
                        "numerator": None,
                        "denominator": None,
                        "status": "no-data",
                        "as_written": target.as_written,
                    }
                )
        points = [p for p in points if p["date"] is not None]
        points.sort(key=lambda p: p["date"])
        _current_once(points)
        chart = charts.indicator_chart(points, indicator.unit) if points else None
        current = None
        if not points:
            # no targets in the data (e.g. 轮训一遍 by 2012): the value so far
            day = min(ctx.evaluation.as_of, due.date or ctx.evaluation.as_of)
            actual, top, bottom = measure(
                ctx.model, task, due, day, ctx.evaluation.as_of, indicator
            )
            current = {"actual": actual, "numerator": top, "denominator": bottom}
        blocks.append(
            {
                "task": task,
                "due": due,
                "indicator": indicator,
                "points": points,
                "chart": chart,
                "rows": chart_rows.indicator_rows(points, indicator.unit) if points else None,
                "current": current or {"actual": None, "numerator": None, "denominator": None},
            }
        )
    return blocks


def _current_once(points: list[dict[str, Any]]) -> None:
    """Targets not yet due all carry the value so far: draw it under the next one only."""
    pending = [p for p in points if p["status"] == "pending"]
    for point in pending[1:]:
        point.update(actual=None, numerator=None, denominator=None)


def _target_value(target: Target) -> float | None:
    return target.min if target.min is not None else target.max
