"""Property-based tests of the date arithmetic and of the two state machines (occurrence state,
escalation stage): invariants that must hold for every date, not just the ones we thought of."""

from __future__ import annotations

import calendar
import datetime as dt
import itertools

from hypothesis import given
from hypothesis import strategies as st

from duban.evaluation.escalation import escalation
from duban.evaluation.evaluate import State, occurrence_state
from duban.model import deadlines
from duban.model.plan import Occurrence
from duban.model.status import StatusEntry
from duban.model.supervision import Action, Ladder, Stage

dates = st.dates(min_value=dt.date(1999, 1, 1), max_value=dt.date(2060, 12, 31))
everies = st.sampled_from(deadlines.EVERY)
ONE_DAY = dt.timedelta(days=1)


# -- calendar arithmetic ---------------------------------------------------------------------
@given(st.integers(1900, 2200), st.integers(1, 12))
def test_month_end_is_the_last_day_of_its_month(year, month):
    end = deadlines.month_end(year, month)
    assert (end.year, end.month) == (year, month)
    assert (end + ONE_DAY).day == 1
    if month == 2:
        assert end.day == (29 if calendar.isleap(year) else 28)


@given(dates, st.integers(-400, 400))
def test_add_months_lands_in_the_right_month_and_clamps_to_its_end(day, months):
    moved = deadlines.add_months(day, months)
    assert moved.year * 12 + moved.month == day.year * 12 + day.month + months
    assert moved.day == min(day.day, deadlines.month_end(moved.year, moved.month).day)


@given(dates, st.integers(0, 1100), everies)
def test_periods_tile_the_span_without_gaps_or_overlaps(first, length, every):
    last = first + dt.timedelta(days=length)
    spans = list(deadlines.periods(every, first, last))
    assert spans[0][0] <= first <= spans[0][1]
    assert spans[-1][0] <= last <= spans[-1][1]
    for (_, end), (start, _) in itertools.pairwise(spans):
        assert start == end + ONE_DAY
    for start, end in spans:
        assert start.day == 1 and (end + ONE_DAY).day == 1  # whole calendar periods
        assert deadlines.period_every(deadlines.period_key(every, start)) == every


@given(dates, st.integers(0, 1100), everies)
def test_recurring_occurrences_fall_inside_the_span_one_per_period(first, length, every):
    last = first + dt.timedelta(days=length)
    occurrences = deadlines.recurring(every, first, last)
    keys = [o.key for o in occurrences]
    assert len(keys) == len(set(keys))
    assert occurrences[-1].due == last  # the last period is cut at the span's end
    for occurrence in occurrences:
        assert first <= occurrence.starts <= occurrence.due <= last
    assert [o.due for o in occurrences] == sorted(o.due for o in occurrences)


# -- occurrence state ------------------------------------------------------------------------
def _occurrence(due: dt.date) -> Occurrence:
    return Occurrence("", due, due - dt.timedelta(days=100))


def _done(day: dt.date) -> StatusEntry:
    return StatusEntry("u", "t", "d", "", "done", done=day)


@given(dates, dates, st.integers(0, 60))
def test_open_occurrence_state_follows_the_calendar(due, as_of, window):
    state, late, left, _ = occurrence_state(_occurrence(due), None, as_of, window)
    if as_of > due:
        assert (state, late, left) == (State.OVERDUE, (as_of - due).days, None)
    elif (due - as_of).days <= window:
        assert (state, late, left) == (State.DUE_SOON, None, (due - as_of).days)
    else:
        assert (state, late, left) == (State.NOT_DUE, None, (due - as_of).days)


@given(dates, dates, dates)
def test_a_done_date_counts_only_once_it_is_known(due, done, as_of):
    state, late, _, _ = occurrence_state(_occurrence(due), _done(done), as_of)
    if done > as_of:  # reported for a date after as_of: not known yet
        assert state.is_open
    elif done <= due:
        assert (state, late) == (State.DONE_ON_TIME, None)
    else:
        assert (state, late) == (State.DONE_LATE, (done - due).days)


@given(dates, st.lists(dates, min_size=2, max_size=6), st.one_of(st.none(), dates))
def test_state_never_goes_back_as_time_passes(due, days, done):
    order = [State.NOT_DUE, State.DUE_SOON, State.OVERDUE]
    entry = _done(done) if done else None
    previous = None
    for as_of in sorted(days):
        state, *_ = occurrence_state(_occurrence(due), entry, as_of)
        if previous is not None:
            if previous.is_done:
                assert state == previous  # once done, always done
            elif state.is_open:
                assert order.index(state) >= order.index(previous)
        previous = state


@given(dates, dates, dates)
def test_not_bound_before_joining(due, joined, as_of):
    state, *_ = occurrence_state(_occurrence(due), None, as_of, active=(joined, None))
    assert (state is State.NOT_APPLICABLE) == (due < joined)


# -- escalation ------------------------------------------------------------------------------
LADDER = Ladder(
    "l",
    "逾期督办",
    (
        Stage("overdue", "逾期", "催办"),
        Stage("reminded", "已催办", "回复", action="reminder", respond_within_days=15),
        Stage("lapsed", "催办后仍逾期", "通报", lapses="reminded"),
        Stage("notified", "已通报", None, action="notice"),
    ),
)
RANK = {s.id: i for i, s in enumerate(LADDER.stages)}


def _action(kind: str, day: dt.date, respond_by: dt.date | None = None) -> Action:
    return Action(kind, day, "office", "t", "u", "d", "", respond_by)


actions = st.lists(
    st.builds(
        _action,
        st.sampled_from(["reminder", "notice"]),
        dates,
        st.one_of(st.none(), dates),
    ),
    max_size=4,
)


@given(dates, actions, dates)
def test_escalation_exists_exactly_when_overdue(due, recorded, as_of):
    found = escalation(LADDER, due, recorded, as_of)
    assert (found is not None) == (as_of > due)
    if found is not None:
        assert found.since is not None and found.since <= as_of
        assert all(a.date <= as_of for a in found.actions)


@given(dates, actions, dates)
def test_records_after_as_of_change_nothing(due, recorded, as_of):
    known = [a for a in recorded if a.date <= as_of]
    assert escalation(LADDER, due, recorded, as_of) == escalation(LADDER, due, known, as_of)


@given(dates, actions, st.lists(dates, min_size=2, max_size=5))
def test_a_notice_stands_until_a_newer_action_and_stages_follow_dates(due, recorded, days):
    previous = None
    for as_of in sorted(days):
        found = escalation(LADDER, due, recorded, as_of)
        if found is None:
            continue
        if previous is not None:
            assert found.since >= previous.since
            if previous.stage == "notified" and found.stage != "notified":
                # only a reminder sent after the notice (or its lapse) moves the case on
                assert any(a.action == "reminder" and a.date > previous.since for a in recorded)
        previous = found


@given(dates, st.integers(1, 60), st.integers(0, 60), st.integers(0, 60))
def test_a_reminder_lapses_the_day_after_its_deadline(due, after_due, respond_in, waited):
    reminded_on = due + dt.timedelta(days=after_due)
    reminder = _action("reminder", reminded_on, reminded_on + dt.timedelta(days=respond_in))
    as_of = reminder.respond_by + dt.timedelta(days=waited)
    found = escalation(LADDER, due, [reminder], as_of)
    assert found is not None
    if waited == 0:
        assert (found.stage, found.since, found.respond_by) == (
            "reminded",
            reminded_on,
            reminder.respond_by,
        )
    else:
        assert (found.stage, found.since) == ("lapsed", reminder.respond_by + ONE_DAY)
        assert found.next_step == "通报"
