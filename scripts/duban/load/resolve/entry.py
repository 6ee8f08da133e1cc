"""One status entry as the model holds it, from its schema-checked data.

What it keeps is what every later stage reads, made small: a province's 400,000 updates and
170,000 entries are most of a model's memory. Dates are one object per day, figures that are
absent one shared empty dict, and with ``texts`` False (``Model.texts``) nothing the holder
wrote is kept at all.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import Any

from duban.load.resolve.context import parse_date, source_of
from duban.load.strict_yaml import Document, KeyPath
from duban.model.plan import Due, Task
from duban.model.status import (
    NO_FIGURES,
    DeliverableStatus,
    Evidence,
    Instance,
    StatusEntry,
    Update,
)


def status_entry(
    doc: Document,
    keys: KeyPath,
    holder: str,
    task: Task,
    due: Due,
    period: str,
    entry: dict[str, Any],
    texts: bool = True,
) -> StatusEntry:
    """The entry as the model holds it; ``texts`` False: without what the holder wrote
    (``Model.texts``): the strings the parser made for it are then freed with the file's data,
    50 MB at 1,500 units of three years' reports."""
    words = entry if texts else _NO_WORDS
    return StatusEntry(
        holder_id=holder,
        task_id=task.id,
        due_id=due.id,
        period=period,
        state=entry["state"],
        started=parse_date(entry.get("started")),
        done=parse_date(entry.get("done")),
        progress=entry.get("progress"),
        reason=entry.get("reason"),
        summary=words.get("summary"),
        figures=_figures(entry),
        deliverables=tuple(
            DeliverableStatus(d["id"], parse_date(d.get("done")), d.get("url"))
            for d in entry.get("deliverables", [])
        ),
        evidence=tuple(
            Evidence(e["title"], e.get("url"), parse_date(e.get("date")))
            if texts
            else _bare_evidence(parse_date(e.get("date")))
            for e in entry.get("evidence", [])
        ),
        updates=tuple(
            sorted(
                (
                    Update(_day(u["date"]), u["text"] if texts else "", u.get("by"), _figures(u))
                    for u in entry.get("updates", [])
                ),
                key=lambda u: u.date,
            )
        ),
        instances=tuple(
            sorted(
                (
                    Instance(_day(i["date"]), i.get("amount"), i.get("note"))
                    for i in entry.get("instances", [])
                ),
                key=lambda i: i.date,
            )
        ),
        source=source_of(doc, keys),
        problems=words.get("problems"),
        next_steps=words.get("next_steps"),
    )


_NO_WORDS: dict[str, Any] = {}
"""Where an entry's words are read from when the model leaves them out."""


@lru_cache(maxsize=8192)
def _bare_evidence(day: dt.date | None) -> Evidence:
    """Evidence without its title and link (``Model.texts``), one object per date."""
    return Evidence("", None, day)


def _day(text: str) -> dt.date:
    """A required, schema-checked date (one shared object per day: ``parse_date``)."""
    day = parse_date(text)
    assert day is not None
    return day


def _figures(value: dict[str, Any]) -> dict[str, float]:
    """The figures of an entry or update: most have none, and they then share ``NO_FIGURES``
    (a province's 400,000 updates would otherwise hold as many empty dicts, 25 MB)."""
    figures = value.get("figures")
    return dict(figures) if figures else NO_FIGURES
