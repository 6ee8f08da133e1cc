"""The deadline engine on small fixtures: the defined edge cases, indicators, and each escalation
rule of the seed (tasks 十四, 十七, 十八) as the supervision case folder states it."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from duban.evaluation.evaluate import State, evaluate
from duban.load.project import load_project
from duban.model.model import Model
from duban.model.refs import OccurrenceRef
from duban.model.status import StatusEntry, Update
from duban.model.supervision import Ranking, Records, Score
from helpers import BASE, CASES, ROOT, lay_out_case

D = dt.date
SUPERVISION = CASES / "valid" / "supervision"


@pytest.fixture(scope="module")
def model(tmp_path_factory: pytest.TempPathFactory) -> Model:
    project = lay_out_case(SUPERVISION, tmp_path_factory.mktemp("supervision") / "project")
    loaded = load_project(project / "data")
    assert loaded.problems == []
    assert loaded.model is not None
    return loaded.model


@pytest.fixture(scope="module")
def base() -> Model:
    loaded = load_project(BASE / "data")
    assert loaded.model is not None
    return loaded.model


def _key(task: str) -> str:
    """Tests name the one plan's tasks by their ids; the model keys them by plan too."""
    return task if "/" in task else f"test-plan/{task}"


def _item(model: Model, as_of: D, task: str, holder: str, due: str = "main", key: str = ""):
    task = _key(task)
    found = [
        i
        for i in evaluate(model, as_of).items
        if (i.task_id, i.holder_id, i.due_id, i.key) == (task, holder, due, key)
    ]
    assert len(found) == 1, found
    return found[0]


def _with_status(model: Model, entry: StatusEntry) -> Model:
    entry = dataclasses.replace(entry, task_id=_key(entry.task_id))
    status = dict(model.status)
    status[OccurrenceRef(entry.task_id, entry.holder_id, entry.due_id, entry.period)] = entry
    return dataclasses.replace(model, status=status)


# -- edge cases ------------------------------------------------------------------------------
def test_done_on_the_due_date_is_on_time(base):
    done = _with_status(base, StatusEntry("beta", "01", "main", "", "done", done=D(2010, 6, 30)))
    item = _item(done, D(2011, 1, 1), "01", "beta")
    assert (item.state, item.days_late) == (State.DONE_ON_TIME, None)
    late = _with_status(base, StatusEntry("beta", "01", "main", "", "done", done=D(2010, 7, 1)))
    item = _item(late, D(2011, 1, 1), "01", "beta")
    assert (item.state, item.days_late) == (State.DONE_LATE, 1)


def test_due_today_is_due_soon_with_no_days_left_and_overdue_tomorrow(base):
    today = _item(base, D(2010, 6, 30), "01", "beta")
    assert (today.state, today.days_left, today.days_late) == (State.DUE_SOON, 0, None)
    tomorrow = _item(base, D(2010, 7, 1), "01", "beta")
    assert (tomorrow.state, tomorrow.days_late) == (State.OVERDUE, 1)


def test_the_due_soon_window_includes_its_last_day(base):
    assert _item(base, D(2010, 5, 31), "01", "beta").state is State.DUE_SOON  # 30 days
    assert _item(base, D(2010, 5, 30), "01", "beta").state is State.NOT_DUE  # 31 days


def test_status_dated_after_as_of_is_not_known_yet(model):
    # shifan-b reports the rectification done on 2011-03-20
    before = _item(model, D(2011, 3, 15), "05", "shifan-b", "rectification", "2010")
    assert (before.state, before.days_left) == (State.DUE_SOON, 16)
    after = _item(model, D(2011, 3, 20), "05", "shifan-b", "rectification", "2010")
    assert after.state is State.DONE_ON_TIME


def test_month_ends_and_leap_years(model):
    keys = {
        i.key: i.due
        for i in evaluate(model, D(2011, 1, 1)).items
        if i.task_id == _key("06") and i.due_id == "monthly"
    }
    assert keys == {"2012-01": D(2012, 1, 31), "2012-02": D(2012, 2, 29), "2012-03": D(2012, 3, 31)}
    quarters = [i.due for i in evaluate(model, D(2011, 1, 1)).items if i.due_id == "quarterly"]
    assert quarters == [D(2011, 3, 31), D(2011, 6, 30), D(2011, 9, 30), D(2011, 12, 31)]
    feb = _item(model, D(2012, 3, 1), "06", "alpha", "monthly", "2012-02")
    assert (feb.state, feb.days_late) == (State.OVERDUE, 1)


def test_a_unit_that_joined_its_group_late_answers_only_for_later_deadlines(model):
    # gamma joined the district group on 2011-01-01
    early = _item(model, D(2011, 6, 1), "01", "gamma")
    assert (early.state, early.reason) == (State.NOT_APPLICABLE, "joined 2011-01-01")
    assert _item(model, D(2011, 6, 1), "02", "gamma", "training", "2010").state is (
        State.NOT_APPLICABLE
    )
    assert _item(model, D(2012, 1, 1), "02", "gamma", "training", "2011").state is State.OVERDUE


def test_follow_up_occurrences_exist_only_once_a_supervisor_set_them(model):
    def keys(as_of: D) -> list[tuple[str, str, D]]:
        return [
            (i.holder_id, i.key, i.due)
            for i in evaluate(model, as_of).items
            if i.due_id == "rectification"
        ]

    assert keys(D(2010, 12, 14)) == []
    assert keys(D(2010, 12, 15)) == [
        ("shifan-b", "2010", D(2011, 3, 31)),
        ("shifan-c", "2010", D(2011, 2, 28)),
    ]
    assert keys(D(2012, 1, 1)) == [
        ("shifan-a", "2011", D(2011, 6, 30)),  # set by 法规处 under follow_ups
        ("shifan-b", "2010", D(2011, 3, 31)),
        ("shifan-c", "2010", D(2011, 2, 28)),
        ("shifan-c", "2011", D(2012, 2, 29)),  # the 2011 grade's rectify_by
    ]


# -- indicators ------------------------------------------------------------------------------
def _indicators(model: Model, as_of: D, task: str) -> list[tuple]:
    return [
        (
            r.target.date,
            r.status,
            None if r.actual is None else round(r.actual, 2),
            r.numerator,
            r.denominator,
        )
        for r in evaluate(model, as_of).indicators
        if r.task_id == _key(task)
    ]


def test_share_of_units_done_counts_units_bound_on_each_target_date(model):
    # alpha done 2010-12-01, beta done 2011-02-01, gamma (joined 2011) never
    assert _indicators(model, D(2011, 3, 15), "03") == [
        (D(2010, 12, 31), "met", 50.0, 1.0, 2.0),  # gamma not yet a member on 2010-12-31
        (D(2011, 12, 31), "pending", 66.67, 2.0, 3.0),  # so far
    ]
    assert _indicators(model, D(2012, 1, 1), "03")[1] == (D(2011, 12, 31), "met", 66.67, 2.0, 3.0)
    # beta's report (2011-02-01) came after the first target date: it never counts for it
    assert _indicators(model, D(2011, 1, 15), "03")[0] == (D(2010, 12, 31), "met", 50.0, 1.0, 2.0)
    assert _indicators(model, D(2010, 12, 15), "03")[0][1:] == ("pending", 50.0, 1.0, 2.0)


def test_coverage_is_the_ratio_of_summed_figures(model):
    # alpha 40 of 100 officers, beta 30 of 50: 70 / 150
    assert _indicators(model, D(2013, 1, 1), "02") == [
        (D(2011, 12, 31), "missed", 46.67, 70.0, 150.0),
        (D(2012, 12, 31), "missed", 46.67, 70.0, 150.0),
    ]


def test_each_target_reads_the_figures_reported_by_its_date(model):
    # alpha reports its figures with dated updates: 10 of 100 in 2011, all 100 in 2012;
    # beta's figures carry no date (30 of 50) and count for every target
    key = next(
        k for k, e in model.status.items() if k.holder_id == "alpha" and k.due_id == "rotation"
    )
    updates = (
        Update(D(2011, 10, 1), "第一批", figures={"trained_officers": 10, "total_officers": 100}),
        Update(
            D(2012, 10, 1), "全部轮训", figures={"trained_officers": 100, "total_officers": 100}
        ),
    )
    entry = dataclasses.replace(model.status[key], figures={}, updates=updates)
    dated = dataclasses.replace(model, status={**model.status, key: entry})
    assert _indicators(dated, D(2013, 1, 1), "02") == [
        (D(2011, 12, 31), "missed", 26.67, 40.0, 150.0),
        (D(2012, 12, 31), "missed", 86.67, 130.0, 150.0),
    ]
    # before the second report, the 2012 target shows the figures known so far
    assert _indicators(dated, D(2012, 6, 1), "02")[1][:3] == (D(2012, 12, 31), "pending", 26.67)


def test_indicator_without_reports_has_no_data(model):
    status = {k: v for k, v in model.status.items() if v.due_id != "rotation"}
    silent = dataclasses.replace(model, status=status)
    assert _indicators(silent, D(2013, 1, 1), "02") == [
        (D(2011, 12, 31), "no-data", None, None, None),
        (D(2012, 12, 31), "no-data", None, None, None),
    ]
    assert _indicators(silent, D(2011, 6, 1), "02")[0][:3] == (D(2011, 12, 31), "pending", None)


def test_nobody_reported_is_missing_data_not_a_measured_zero(base):
    # no holder has any entry for task 03: 无数据, never 未达成 0%
    assert [r[1:3] for r in _indicators(base, D(2013, 1, 1), "03")] == [
        ("no-data", None),
        ("no-data", None),
    ]


def test_reported_but_not_done_is_a_measured_zero(base):
    entry = StatusEntry("alpha", _key("03"), "main", "", "in-progress")
    model = dataclasses.replace(
        base, status={**base.status, OccurrenceRef(_key("03"), "alpha", "main", ""): entry}
    )
    assert [r[1:3] for r in _indicators(model, D(2013, 1, 1), "03")] == [
        ("missed", 0.0),
        ("missed", 0.0),
    ]


# -- escalation (task 十四) ------------------------------------------------------------------
def _stage(model: Model, as_of: D, task: str, holder: str, due: str = "main", key: str = ""):
    found = evaluate(model, as_of).escalations.get((_key(task), holder, due, key))
    return None if found is None else (found.stage, found.since, found.respond_by)


def test_overdue_then_reminded_then_lapsed_then_notified(model):
    # beta, task 01 (due 2010-06-30): reminder 2010-07-10 respond by 2010-07-31, notice 08-15
    assert _stage(model, D(2010, 6, 30), "01", "beta") is None  # due today: not overdue yet
    assert _stage(model, D(2010, 7, 1), "01", "beta") == ("overdue", D(2010, 7, 1), None)
    assert _stage(model, D(2010, 7, 10), "01", "beta") == (
        "reminded",
        D(2010, 7, 10),
        D(2010, 7, 31),
    )
    assert _stage(model, D(2010, 7, 31), "01", "beta")[0] == "reminded"
    assert _stage(model, D(2010, 8, 1), "01", "beta") == ("reminder-lapsed", D(2010, 8, 1), None)
    assert _stage(model, D(2010, 8, 15), "01", "beta") == ("notified", D(2010, 8, 15), None)


def test_stage_names_and_next_steps_come_from_the_rules_file(model):
    escalation = evaluate(model, D(2010, 8, 1)).escalations[(_key("01"), "beta", "main", "")]
    assert (escalation.stage_name, escalation.next_step) == ("催办后仍未完成", "通报批评")


def test_a_reminder_without_respond_by_uses_the_rules_default(model):
    # 市直各单位 reminded on 2011-03-01; the rule gives 15 days
    assert _stage(model, D(2011, 3, 16), "01", "shizhi") == (
        "reminded",
        D(2011, 3, 1),
        D(2011, 3, 16),
    )
    assert _stage(model, D(2011, 3, 17), "01", "shizhi")[0] == "reminder-lapsed"


def test_done_obligations_are_not_escalated(model):
    done = _with_status(model, StatusEntry("beta", "01", "main", "", "done", done=D(2010, 9, 1)))
    assert _stage(done, D(2011, 1, 1), "01", "beta") is None


def test_without_rules_nothing_is_escalated(model):
    bare = dataclasses.replace(model, rules=dataclasses.replace(model.rules, ladders=()))
    assert evaluate(bare, D(2011, 1, 1)).escalations == {}


# -- rankings (task 十七) --------------------------------------------------------------------
def _flags(model: Model, as_of: D) -> list[tuple]:
    return [(f.rule_id, f.kind, f.holder_id, f.since) for f in evaluate(model, as_of).flags]


def test_last_in_two_consecutive_rankings_is_flagged(model):
    assert _flags(model, D(2011, 1, 9)) == []  # only the first ranking is known
    assert ("xinfang", "last-in-a-row", "beta", D(2011, 1, 10)) in _flags(model, D(2011, 1, 10))


def _ranked(model: Model, *rankings: tuple[str, dict[str, float]]) -> Model:
    made = tuple(
        Ranking(
            "xinfang", period, D(2011, 1, 1), "bangongshi", tuple(Score(*s) for s in scores.items())
        )
        for period, scores in rankings
    )
    records = dataclasses.replace(model.records, rankings=made, gradings=())
    return dataclasses.replace(model, records=records)


def test_a_ranking_not_last_breaks_the_streak_and_ties_share_last_place(model):
    broken = _ranked(
        model,
        ("2010-H1", {"alpha": 1, "beta": 2}),
        ("2010-H2", {"alpha": 2, "beta": 1}),
        ("2011-H1", {"alpha": 1, "beta": 2}),
    )
    assert _flags(broken, D(2012, 1, 1)) == []
    tied = _ranked(
        model,
        ("2010-H1", {"alpha": 1, "beta": 1, "gamma": 5}),
        ("2010-H2", {"alpha": 3, "beta": 3, "gamma": 5}),
    )
    assert [f[2] for f in _flags(tied, D(2012, 1, 1))] == ["alpha", "beta"]
    everyone_tied = _ranked(
        model, ("2010-H1", {"alpha": 1, "beta": 1}), ("2010-H2", {"alpha": 1, "beta": 1})
    )
    assert _flags(everyone_tied, D(2012, 1, 1)) == []


def test_lower_is_better_rankings_flag_the_highest_value(model):
    rules = model.rules
    lower = dataclasses.replace(rules.rankings[0], better="lower")
    flipped = dataclasses.replace(model, rules=dataclasses.replace(rules, rankings=(lower,)))
    flipped = dataclasses.replace(
        flipped, records=dataclasses.replace(flipped.records, gradings=())
    )
    assert [f[2] for f in _flags(flipped, D(2012, 1, 1))] == ["alpha"]  # 90 then 85


def test_the_count_is_data_not_code(model):
    rules = model.rules
    three = dataclasses.replace(rules.rankings[0], consecutive=3)
    strict = dataclasses.replace(model, rules=dataclasses.replace(rules, rankings=(three,)))
    assert [f for f in _flags(strict, D(2012, 1, 1)) if f[0] == "xinfang"] == []


# -- gradings (task 十八) --------------------------------------------------------------------
def test_still_failing_after_rectification_is_flagged_for_removal(model):
    assert ("shifan", "still-failing", "shifan-b", D(2011, 4, 10)) not in _flags(
        model, D(2011, 4, 9)
    )
    assert ("shifan", "still-failing", "shifan-b", D(2011, 4, 10)) in _flags(model, D(2011, 4, 10))


def test_failing_three_years_running_proposes_a_leadership_change(model):
    assert [f for f in _flags(model, D(2012, 12, 9)) if f[1] == "failing-years"] == []
    assert ("shifan", "failing-years", "shifan-c", D(2012, 12, 10)) in _flags(
        model, D(2012, 12, 10)
    )


def test_a_missing_year_breaks_a_run_of_failing_years(model):
    gradings = tuple(g for g in model.records.gradings if g.year != 2011)
    gap = dataclasses.replace(model, records=dataclasses.replace(model.records, gradings=gradings))
    assert [f for f in _flags(gap, D(2013, 1, 1)) if f[1] == "failing-years"] == []


def test_a_rectification_deadline_escalates_like_any_other(model):
    # shifan-c failed in 2010 with a deadline of 2011-02-28 and reported nothing
    assert _stage(model, D(2011, 3, 1), "05", "shifan-c", "rectification", "2010") == (
        "overdue",
        D(2011, 3, 1),
        None,
    )


def test_no_records_no_flags(model):
    empty = dataclasses.replace(model, records=Records())
    evaluation = evaluate(empty, D(2013, 1, 1))
    assert evaluation.flags == ()
    assert not [i for i in evaluation.items if i.due_id == "rectification"]


def test_shipped_plan_has_no_status_so_everything_due_is_overdue(tmp_path):
    loaded = load_project(ROOT / "data")
    assert loaded.model is not None, loaded.problems
    evaluation = evaluate(loaded.model, D(2013, 1, 1))
    states = {i.state for i in evaluation.items}
    # missed: a count per period (至少每年一次) whose year ended with nothing recorded
    assert states <= {State.OVERDUE, State.MISSED, State.DUE_SOON, State.NOT_APPLICABLE}
    assert evaluation.flags == ()
