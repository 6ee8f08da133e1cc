"""What holders reported, as dated entries: the feed, 最新进展 and the unit pages' history."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from duban.model.model import Model


@dataclass(frozen=True)
class ReportEntry:
    """One dated report by a holder: an update, or the completion of an occurrence."""

    date: dt.date
    holder_id: str
    task_id: str
    due_id: str
    key: str
    text: str | None
    by: str | None
    kind: str  # "update" or "done"
    index: int = 0


def report_entries(model: Model, as_of: dt.date) -> list[ReportEntry]:
    """Everything holders reported up to ``as_of``, newest first (the feed and 最新进展)."""
    result = []
    for entry in model.status.values():
        for index, update in enumerate(entry.updates):
            if update.date <= as_of:
                result.append(
                    ReportEntry(
                        update.date,
                        entry.holder_id,
                        entry.task_id,
                        entry.due_id,
                        entry.period,
                        update.text,
                        update.by,
                        "update",
                        index,
                    )
                )
        done = entry.done_on
        if done is not None and done <= as_of:
            result.append(
                ReportEntry(
                    done,
                    entry.holder_id,
                    entry.task_id,
                    entry.due_id,
                    entry.period,
                    entry.summary,
                    None,
                    "done",
                )
            )
    return sorted(
        result,
        key=lambda r: (r.date, r.kind == "done", r.holder_id, r.task_id, r.key, r.index),
        reverse=True,
    )
