"""What a holder reported: a status entry per occurrence, its updates, instances and evidence."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

from duban.model.refs import NO_SOURCE, Source

NO_FIGURES: dict[str, float] = {}
"""The figures of an entry or update that reports none, shared by all of them (the loader's
choice: a province's 400,000 updates would otherwise hold as many empty dicts). Never changed:
the model is read-only."""


@dataclass(frozen=True, slots=True)
class Evidence:
    title: str
    url: str | None = None
    date: dt.date | None = None


@dataclass(frozen=True, slots=True)
class Update:
    date: dt.date
    text: str
    by: str | None = None
    figures: dict[str, float] = field(default_factory=dict)
    """Figures as of this date (a target is checked against those reported by its date)."""


@dataclass(frozen=True, slots=True)
class DeliverableStatus:
    id: str
    done: dt.date | None = None
    url: str | None = None


@dataclass(frozen=True, slots=True)
class Instance:
    """One time a count duty was carried out (每年至少2次: each of the two)."""

    date: dt.date
    amount: float | None = None
    note: str | None = None


@dataclass(frozen=True, slots=True)
class StatusEntry:
    """What a holder reports for one occurrence of one deadline of one task."""

    holder_id: str
    task_id: str
    due_id: str
    period: str
    state: str
    started: dt.date | None = None
    done: dt.date | None = None
    progress: int | None = None
    reason: str | None = None
    summary: str | None = None
    figures: dict[str, float] = field(default_factory=dict)
    deliverables: tuple[DeliverableStatus, ...] = ()
    evidence: tuple[Evidence, ...] = ()
    updates: tuple[Update, ...] = ()
    source: Source = NO_SOURCE
    instances: tuple[Instance, ...] = ()

    @property
    def done_on(self) -> dt.date | None:
        """The day the holder says the duty was done: its ``done`` date when its state is done
        (a date left on an entry of another state counts for nothing)."""
        return self.done if self.state == "done" else None

    def known_on(self, as_of: dt.date) -> StatusEntry | None:
        """The entry as it stood on ``as_of`` (None: nothing of it was known then).

        What it records with a later date (a completion, a start, updates, instances, evidence,
        deliverables) was not known on ``as_of`` and is left out. A completion dated later
        leaves the duty in progress, and the entry's undated words (summary, progress, figures,
        problems, next steps, undated evidence) go with it: they were written with that
        report. If nothing dated on or before ``as_of`` remains, the holder had reported
        nothing by then. The evaluation hands only this view on, so no page or document as of
        a date shows, or counts, a report made after it."""
        done_later = self.done is not None and self.done > as_of
        started_later = self.started is not None and self.started > as_of
        if not (
            done_later
            or started_later
            or any(u.date > as_of for u in self.updates)
            or any(i.date > as_of for i in self.instances)
            or any(e.date is not None and e.date > as_of for e in self.evidence)
            or any(d.done is not None and d.done > as_of for d in self.deliverables)
        ):
            return self
        updates = tuple(u for u in self.updates if u.date <= as_of)
        instances = tuple(i for i in self.instances if i.date <= as_of)
        started = None if started_later else self.started
        if not done_later:
            return replace(
                self,
                started=started,
                updates=updates,
                instances=instances,
                evidence=tuple(e for e in self.evidence if e.date is None or e.date <= as_of),
                deliverables=tuple(
                    d if d.done is None or d.done <= as_of else DeliverableStatus(d.id)
                    for d in self.deliverables
                ),
            )
        evidence = tuple(e for e in self.evidence if e.date is not None and e.date <= as_of)
        if not (started or updates or instances or evidence):
            return None
        return replace(
            self,
            state="in-progress" if self.state == "done" else self.state,
            done=None,
            started=started,
            progress=None,
            summary=None,
            figures={},
            problems=None,
            next_steps=None,
            updates=updates,
            instances=instances,
            evidence=evidence,
            deliverables=tuple(
                d if d.done is not None and d.done <= as_of else DeliverableStatus(d.id)
                for d in self.deliverables
            ),
        )

    def last_reported(self, as_of: dt.date) -> dt.date | None:
        """The latest date the holder reported anything for this occurrence, known on ``as_of``:
        a start, a completion, a dated update, an instance of a count duty or dated evidence.
        The one rule for the site's 最近填报 and the 台账's 最后更新."""
        dates = [d for d in (self.started, self.done) if d is not None]
        dates += [u.date for u in self.updates]
        dates += [i.date for i in self.instances]
        dates += [e.date for e in self.evidence if e.date is not None]
        return max((d for d in dates if d <= as_of), default=None)

    def figures_on(self, day: dt.date) -> dict[str, float]:
        """The figures as of ``day``: those of the latest dated update on or before it, else
        the entry's own (undated) figures."""
        dated = [u for u in self.updates if u.figures and u.date <= day]
        return dict(dated[-1].figures) if dated else dict(self.figures)

    problems: str | None = None
    next_steps: str | None = None


# -- plausible reported dates -------------------------------------------------------------------
# A unit reports work done for a plan: not long before the plan was signed (work may have begun
# while it was drafted: one year), and not after the day it reports (a week's margin for a wrong
# clock). 1900-01-01 (a spreadsheet's day zero) or 9999-12-31 is a slip, never a report, and an
# early one would count as 按期完成. The workbook, ``duban record`` and the issue form check both
# bounds; the validator checks the first (it reads no clock).
REPORT_LEAD_YEARS = 1
"""How long before the plan's signing a reported date may lie."""
REPORT_SKEW_DAYS = 7
"""How far after the day of the report (the import's as-of date) a reported date may lie."""


def earliest_report(signed: dt.date) -> dt.date:
    """The earliest plausible reported date of a plan signed on ``signed``: a year before
    (29 February: the 28th)."""
    year = signed.year - REPORT_LEAD_YEARS
    if year < dt.MINYEAR:
        return dt.date.min
    return signed.replace(year=year, day=min(signed.day, 28 if signed.month == 2 else 31))


def latest_report(as_of: dt.date) -> dt.date:
    """The latest plausible reported date on ``as_of``: a week later (a wrong clock)."""
    if as_of > dt.date.max - dt.timedelta(days=REPORT_SKEW_DAYS):
        return dt.date.max
    return as_of + dt.timedelta(days=REPORT_SKEW_DAYS)
