"""Roll-ups of cascading plans: how the obligations that implement an upper task are doing.

A lower plan's task (a city's 分工方案 carrying out a province's task) says which upper task it
implements (``implements:``). Each of its obligations (task × holder) is then counted under the
upper task in exactly one roll-up bucket. The buckets and the rule that picks one live here, in
one place: the roll-ups made from this repository's own evaluation, the ones read from another
duban site's open-data export and the counts ``duban check --format json`` prints all call
:func:`obligation_bucket`, so the levels cannot disagree on what "done" means.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from duban.evaluation.evaluate import State

DONE = "done"
DONE_LATE = "done_late"
OVERDUE = "overdue"
NOT_REPORTED = "not_reported"
ONGOING = "ongoing"
OPEN = "open"

BUCKETS = (DONE, DONE_LATE, OVERDUE, NOT_REPORTED, ONGOING, OPEN)
"""In the order pages show them. ``overdue``: something is late and the holder has reported on
it; ``not_reported``: something is late and nothing was ever recorded for it (逾期未报送: kept
apart, as no report is not the same as late work); ``open``: nothing late, something still to
come (未到期 / 推进中); ``ongoing``: only 长期坚持 duties; ``done`` / ``done_late``: everything
due so far done, on time (or early) / at least once late."""

_LATE = (State.OVERDUE, State.MISSED)
_OPEN = (State.NOT_DUE, State.DUE_SOON, State.WAITING)


def obligation_bucket(occurrences: Iterable[tuple[State, bool]]) -> str | None:
    """The roll-up bucket of one obligation from its occurrences' (state, reported) as of a date.

    None when nothing applies to the holder (every occurrence not applicable): such an
    obligation is not counted at all. A missed count duty is late whether or not it was
    reported (the count says so), so it is ``overdue``, never ``not_reported``.
    """
    states: list[tuple[State, bool]] = [
        (state, reported) for state, reported in occurrences if state is not State.NOT_APPLICABLE
    ]
    if not states:
        return None
    if any(state is State.OVERDUE and not reported for state, reported in states):
        return NOT_REPORTED
    if any(state in _LATE for state, _ in states):
        return OVERDUE
    if any(state in _OPEN for state, _ in states):
        return OPEN
    if all(state is State.ONGOING for state, _ in states):
        return ONGOING
    if any(state is State.DONE_LATE for state, _ in states):
        return DONE_LATE
    if all(state.is_done for state, _ in states):
        return DONE
    return ONGOING  # done occurrences beside a 长期坚持 one: the duty goes on


def bucket_counts(buckets: Iterable[str | None]) -> dict[str, int]:
    """Counts per bucket, every bucket present (zeros included), uncounted (None) left out."""
    found = Counter(bucket for bucket in buckets if bucket is not None)
    return {bucket: found.get(bucket, 0) for bucket in BUCKETS}


@dataclass(frozen=True)
class Implementer:
    """One obligation of a task that implements an upper task, as the upper level sees it.

    Made from this repository's evaluation, or read from another duban site's open-data export
    (then every text in it is untrusted: escape it, and links are https only).
    """

    target: str
    """The upper task it counts under, ``<plan>/<task>`` or ``<plan>/<task>/<item>``, in the
    repository that rolls it up."""
    source_id: str
    """The repository it comes from: "" for this one, else the source's id from the config."""
    source_name: str
    plan_id: str
    plan_title: str
    task_id: str
    """The implementing task (or ``<task>/<item>``), in its own plan."""
    task_label: str
    """How the lower plan numbers it, e.g. 二（一）."""
    task_title: str
    holder_id: str
    holder_name: str
    bucket: str | None
    """One of :data:`BUCKETS`, None when nothing applies to the holder."""
    as_of: dt.date
    """The date its state was evaluated at (another source: the date of its export)."""
    url: str | None = None
    """The implementing task's page: relative in this site, https for another source."""
    as_written: str | None = None
    """How the lower document cites the upper task, e.g. 落实《省方案》第三（二）项."""
    via: tuple[str, ...] = ()
    """The intermediate tasks between it and the target (``<source>:<plan>/<task>``), empty
    when it implements the target directly: a county's task seen by the province via a city's.
    Ordered from the target downwards (D -> C -> B -> A: D's row under A has ``(B, C)``); each
    is the task or sub-item that declares the link; one of the repository that rolls the row
    up is written without a source, ``<plan>/<task>[/<item>]``, as ``implements`` writes it."""
