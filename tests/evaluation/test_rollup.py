"""The roll-up bucket of one obligation: the rule every level of a cascade shares."""

from __future__ import annotations

import pytest

from duban.evaluation.evaluate import State
from duban.evaluation.rollup import BUCKETS, bucket_counts, obligation_bucket

S = State


@pytest.mark.parametrize(
    ("occurrences", "bucket"),
    [
        ([(S.DONE_ON_TIME, True)], "done"),
        ([(S.DONE_EARLY, True), (S.DONE_ON_TIME, True)], "done"),
        ([(S.DONE_ON_TIME, True), (S.DONE_LATE, True)], "done_late"),
        ([(S.DONE_ON_TIME, True), (S.OVERDUE, True)], "overdue"),
        ([(S.OVERDUE, True), (S.OVERDUE, False)], "not_reported"),
        ([(S.MISSED, False)], "overdue"),
        ([(S.DONE_LATE, True), (S.NOT_DUE, False)], "open"),
        ([(S.DUE_SOON, False)], "open"),
        ([(S.WAITING, False)], "open"),
        ([(S.ONGOING, False)], "ongoing"),
        ([(S.ONGOING, False), (S.DONE_ON_TIME, True)], "ongoing"),
        ([(S.NOT_APPLICABLE, False), (S.DONE_ON_TIME, True)], "done"),
        ([(S.NOT_APPLICABLE, True)], None),
        ([], None),
    ],
)
def test_one_bucket_per_obligation(
    occurrences: list[tuple[State, bool]], bucket: str | None
) -> None:
    assert obligation_bucket(occurrences) == bucket


def test_counts_name_every_bucket_and_leave_out_the_uncounted() -> None:
    counts = bucket_counts(["done", "overdue", None, "done"])
    assert list(counts) == list(BUCKETS)
    assert counts["done"] == 2 and counts["overdue"] == 1
    assert sum(counts.values()) == 3
