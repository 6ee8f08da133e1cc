"""Roll-ups of cascading plans: how the obligations that implement an upper task are doing.

A lower plan's task (a city's 分工方案 carrying out a province's task) says which upper task it
implements (``implements:``). Each of its obligations (task × holder) is then counted under the
upper task in exactly one roll-up bucket. The buckets and the rule that picks one live here, in
one place: the roll-ups made from this repository's own evaluation, the ones read from another
duban site's open-data export and the counts ``duban check --format json`` prints all call
:func:`obligation_bucket`, so the levels cannot disagree on what "done" means.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from duban.evaluation.evaluate import State
from duban.model.links import Implementer

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


__all__ = ["BUCKETS", "Implementer", "bucket_counts", "obligation_bucket"]
