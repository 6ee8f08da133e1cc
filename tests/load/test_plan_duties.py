"""Plan-wide duties (``duties``), rules for every task of a kind (``task_rules``) and recurring
reports that cover periods before the plan: expanded in load/resolve like a task's deadlines."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from duban.evaluation.evaluate import evaluate
from duban.evaluation.indicators import indicator_results
from duban.load.project import load_project

ROOT = Path(__file__).resolve().parents[2]
SCHEMAS = ROOT / "schemas"
PLAN = "qingshan-gzbg-2024"
LEADS = {
    "caizhengju", "fagaiju", "jiaoyu-ju", "nongye-ju", "renshe-ju", "shangwu-ju",
    "shenpiju", "shuili-ju", "sifaju", "tongjiju", "weijian-ju", "wenlv-ju",
}  # fmt: skip
"""The units that held a copy of the progress duty in the office example's task files."""


def _office(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    shutil.copytree(ROOT / "examples" / "office" / "data", data)
    return data


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _plan_yaml(data: Path) -> Path:
    return data / "plans" / PLAN / "plan.yaml"


def _messages(data: Path) -> list[str]:
    project = load_project(data, SCHEMAS)
    return [f"{Path(p.path).name}: {p.field}: {p.message}" for p in project.problems]


def test_one_duty_per_lead_however_many_tasks_it_leads() -> None:
    project = load_project(ROOT / "examples" / "office" / "data", SCHEMAS)
    assert project.ok, project.problems[:3]
    model = project.model
    task = model.tasks[f"{PLAN}/plan"]
    assert task.is_plan_wide and task.citation == ""
    (due,) = task.due
    assert due.id == "progress" and set(due.holder_ids) == LEADS
    assert [(o.key, o.due.isoformat()) for o in due.occurrences] == [
        ("2024-Q1", "2024-03-20"),
        ("2024-Q2", "2024-06-20"),
        ("2024-Q3", "2024-09-20"),
        ("2024-Q4", "2024-12-20"),
    ]
    held = [o.holder_id for o in model.obligations if o.task_id == task.id]
    # 县发改局 leads 一（一） and 二（三）: one report a quarter, not two
    assert sorted(held) == sorted(LEADS)
    # the office that receives the reports leads 四（二） but is left out (holders.except)
    assert "ducha-shi" not in held
    # no task keeps a copy
    assert not any(
        d.id == "progress" for t in model.tasks.values() if t.id != task.id for d in t.due
    )


def test_duty_of_named_units_and_of_listed_sections(tmp_path: Path) -> None:
    data = _office(tmp_path)
    _edit(
        _plan_yaml(data),
        "    each: lead\n    except:\n"
        "    - 县政府督查室   # 接收报送的单位不向自己报送（四（二））\n",
        "    each: lead\n    sections: [1, 2, 3]\n",
    )
    _edit(
        _plan_yaml(data),
        "period:\n",
        "- id: summary\n  holders:\n    units: [县司法局, 各乡镇]\n  due:\n    kind: date\n"
        '    date: "2024-12-20"\n'
        "period:\n",
    )
    project = load_project(data, SCHEMAS)
    assert project.ok, project.problems[:3]
    task = project.model.tasks[f"{PLAN}/plan"]
    progress, summary = task.due
    # 四（三） (县财政局) is in section 4; 四（二） (县政府督查室) too, so no except is needed
    assert set(progress.holder_ids) == LEADS - {"caizhengju"}
    assert "sifaju" in summary.holder_ids and len(summary.holder_ids) > 2
    # 县司法局 holds both: one obligation of the plan's task with two deadlines
    (mine,) = [
        o for o in project.model.obligations if o.task_id == task.id and o.holder_id == "sifaju"
    ]
    assert mine.due_ids == ("progress", "summary")


def test_duty_scope_and_keys_are_checked(tmp_path: Path) -> None:
    data = _office(tmp_path)
    _edit(
        _plan_yaml(data),
        "    each: lead\n",
        "    each: lead\n    tasks: [9-9]\n    sections: [7]\n",
    )
    _edit(_plan_yaml(data), "    kind: recurring\n", "    kind: recurring\n    id: other\n")
    found = _messages(data)
    assert "plan.yaml: duties[0].holders.tasks[0]: there is no task '9-9'" in found
    assert (
        "plan.yaml: duties[0].holders.sections[0]: there is no section 7 (sections: 1, 2, 3, 4)"
        in found
    )
    assert (
        "plan.yaml: duties[0].due.id: is not used here: the duty's own id and holders say it"
        in found
    )
    assert (
        "plan.yaml: duties[0].holders: names no unit: no task in its scope has such a role" in found
    )


def test_status_names_the_duty_as_task_plan(tmp_path: Path) -> None:
    data = _office(tmp_path)
    status = data / "status" / "caizhengju.yaml"
    status.write_text(
        status.read_text(encoding="utf-8")
        + f"- plan: {PLAN}\n  task: plan\n  period: 2025-Q1\n  state: done\n  done: 2024-03-19\n",
        encoding="utf-8",
    )
    found = _messages(data)
    assert any("'2025-Q1' is not a period of this duty" in m for m in found), found


def test_rule_adds_a_deadline_to_every_task_of_its_kind(tmp_path: Path) -> None:
    data = _office(tmp_path)
    _edit(
        _plan_yaml(data),
        "period:\n",
        "task_rules:\n- id: year-end-check\n  having: [ongoing]\n"
        "  as_written: 凡标注“长期坚持”的任务，每年年底前对照检查落实情况\n"
        "  due:\n    kind: recurring\n    every: year\n    label: 年底前对照检查落实情况\n"
        "period:\n",
    )
    project = load_project(data, SCHEMAS)
    assert project.ok, project.problems[:3]
    model = project.model
    ongoing = [
        t for t in model.tasks.values() if t.plan_id == PLAN and any(d.is_ongoing for d in t.due)
    ]
    assert ongoing
    for task in ongoing:
        check = task.due_item("year-end-check")
        assert check is not None, task.id
        assert set(check.holder_ids) == {h for d in task.due if d.is_ongoing for h in d.holder_ids}
        assert [o.key for o in check.occurrences] == ["2024"]
        assert check.as_written == "凡标注“长期坚持”的任务，每年年底前对照检查落实情况"
    others = [t for t in model.tasks.values() if t.plan_id == PLAN and t not in ongoing]
    assert all(t.due_item("year-end-check") is None for t in others)
    # a clerk reports on it like any deadline of the task
    sifaju = [
        o for o in model.obligations if o.task_id == f"{PLAN}/2-2" and o.holder_id == "sifaju"
    ]
    assert sifaju and "year-end-check" in sifaju[0].due_ids


def test_rule_id_that_clashes_with_a_task_deadline(tmp_path: Path) -> None:
    data = _office(tmp_path)
    _edit(
        _plan_yaml(data),
        "period:\n",
        "task_rules:\n- id: main\n  having: [ongoing]\n"
        "  due:\n    kind: recurring\n    every: year\n"
        "- id: main\n  having: [date]\n  due: {kind: recurring, every: year}\nperiod:\n",
    )
    found = _messages(data)
    assert "plan.yaml: task_rules[1].id: two rules have the id 'main': rename one" in found
    assert (
        "2-2.yaml: due: deadline id 'main' is also the id of a rule in plan.yaml: rename one"
        in found
    )


def _yearly_report(data: Path, extra: str) -> None:
    _edit(
        _plan_yaml(data),
        "period:\n",
        "- id: annual\n  holders:\n    units: [县司法局]\n  due:\n    kind: recurring\n"
        f'    every: year\n    from: "2023-01-01"\n{extra}'
        "period:\n",
    )


def test_report_on_a_period_before_the_plan(tmp_path: Path) -> None:
    # 每年3月底前公布上一年度…, in a plan that starts in 2024: the 2023 report is due 2024-03-31
    data = _office(tmp_path)
    _yearly_report(data, "    due_in: next-period\n    month: 3\n")
    project = load_project(data, SCHEMAS)
    assert project.ok, project.problems[:3]
    due = project.model.tasks[f"{PLAN}/plan"].due_item("annual")
    assert due is not None
    assert [(o.key, o.due.isoformat()) for o in due.occurrences] == [
        ("2023", "2024-03-31"),
        ("2024", "2025-03-31"),
    ]
    states = {
        i.key: (i.state.value, i.days_late)
        for i in evaluate(project.model, dt.date(2024, 4, 10), 30).items
        if i.due_id == "annual"
    }
    assert states == {"2023": ("overdue", 10), "2024": ("not-due", None)}


def test_a_report_due_before_the_plan_is_refused_with_a_hint_that_works(tmp_path: Path) -> None:
    data = _office(tmp_path)
    _yearly_report(data, "")
    found = _messages(data)
    assert found == [
        "plan.yaml: duties[1].due.from: 2023-01-01 is before the plan period "
        "2024-01-01..2024-12-31 and the report on 2023 would fall due on 2023-12-31, before the "
        "plan starts: start from a period whose report falls due inside the plan "
        "(due_in: next-period reports on the period before)"
    ]
    assert "after_period" not in found[0]  # recurring deadlines have no after_period


def test_until_after_the_plan_suggests_nothing_the_schema_refuses(tmp_path: Path) -> None:
    data = _office(tmp_path)
    _edit(_plan_yaml(data), "    day: 20\n", '    day: 20\n    until: "2025-06-30"\n')
    found = _messages(data)
    assert found == [
        "plan.yaml: duties[0].due.until: 2025-06-30 is outside the plan period "
        "2024-01-01..2024-12-31"
    ]


RATE = """- id: rate
  holders:
    units: [县司法局]
  due:
    kind: recurring
    every: half-year
    label: 行政复议办复率
    indicator: {id: banfu, name: 办复率, measure: ratio-of-figures, numerator: replied,
      denominator: received}
    hold: {min: 100, as_written: 办复率100%}
"""


def test_a_rate_held_every_period_is_checked_against_each_periods_figures(tmp_path: Path) -> None:
    data = _office(tmp_path)
    _edit(_plan_yaml(data), "period:\n", RATE + "period:\n")
    status = data / "status" / "sifaju.yaml"
    status.write_text(
        status.read_text(encoding="utf-8")
        + "".join(
            f"- plan: {PLAN}\n  task: plan\n  due: rate\n  period: {key}\n  state: done\n"
            f'  done: "{done}"\n  figures: {{replied: {replied}, received: 10}}\n'
            for key, done, replied in (("2024-H1", "2024-06-30", 10), ("2024-H2", "2024-12-31", 9))
        ),
        encoding="utf-8",
    )
    project = load_project(data, SCHEMAS)
    assert project.ok, project.problems[:3]
    due = project.model.tasks[f"{PLAN}/plan"].due_item("rate")
    assert due is not None
    assert [(t.date.isoformat(), t.min) for t in due.targets] == [
        ("2024-06-30", 100),
        ("2024-12-31", 100),
    ]
    results = [
        r for r in indicator_results(project.model, dt.date(2025, 1, 31)) if r.due_id == "rate"
    ]
    assert [(r.actual, r.status) for r in results] == [(100.0, "met"), (90.0, "missed")]


def test_an_ongoing_duty_holds_its_target_every_year(tmp_path: Path) -> None:
    data = _office(tmp_path)
    ongoing = RATE.replace("kind: recurring\n    every: half-year\n", "kind: ongoing\n")
    _edit(
        _plan_yaml(data),
        "period:\n",
        ongoing.replace("as_written: 办复率100%", "every: quarter") + "period:\n",
    )
    project = load_project(data, SCHEMAS)
    assert project.ok, project.problems[:3]
    due = project.model.tasks[f"{PLAN}/plan"].due_item("rate")
    assert due is not None
    assert [t.date.isoformat() for t in due.targets] == [
        "2024-03-31", "2024-06-30", "2024-09-30", "2024-12-31"
    ]  # fmt: skip


def test_a_held_target_needs_an_indicator(tmp_path: Path) -> None:
    data = _office(tmp_path)
    _edit(_plan_yaml(data), "    day: 20\n", "    day: 20\n    hold: {min: 100}\n")
    found = _messages(data)
    assert len(found) == 1 and "indicator" in found[0], found


def test_several_amounts_under_one_deadline_are_one_deadline_each(tmp_path: Path) -> None:
    # 公共法律知识培训不少于40学时、专业法律知识培训不少于60学时: two recurring deadlines of the
    # task, each with its own amount; each period of each is met or missed on its own
    data = tmp_path / "data"
    shutil.copytree(ROOT / "examples" / "county" / "data", data)
    task = data / "plans" / "qingshan-fzzf-2023" / "tasks" / "5-3.yaml"
    _edit(
        task,
        "- id: main\n  kind: recurring\n  every: year\n  amount: 40\n",
        "- id: public\n  kind: recurring\n  every: year\n  amount: 40\n  amount_unit: 学时\n"
        "  label: 公共法律知识培训\n- id: main\n  kind: recurring\n  every: year\n  amount: 60\n",
    )
    for other in (data / "status").glob("*.yaml"):  # their entries name the deadline now
        text = other.read_text(encoding="utf-8")
        other.write_text(text.replace('- task: "5-3"\n', '- task: "5-3"\n  due: main\n'), "utf-8")
    status = data / "status" / "gonganju.yaml"
    status.write_text(
        status.read_text(encoding="utf-8")
        + '- task: "5-3"\n  due: public\n  period: "2023"\n  state: done\n  done: "2023-06-01"\n'
        '  instances:\n  - date: "2023-06-01"\n    amount: 40\n',
        encoding="utf-8",
    )
    project = load_project(data, SCHEMAS)
    assert project.ok, project.problems[:3]
    states = {
        i.due_id: i.state.value
        for i in evaluate(project.model, dt.date(2024, 1, 15), 30).items
        if i.task_id == "qingshan-fzzf-2023/5-3" and "gonganju" in i.holders and i.key == "2023"
    }
    # 40 学时 of public law reached by June; 16 + 24 = 40 of the 60 required: missed
    assert states == {"public": "done-on-time", "main": "missed"}


def test_entries_that_name_no_deadline_keep_meaning_the_tasks_own_after_a_rule(
    tmp_path: Path,
) -> None:
    data = _office(tmp_path)
    # 县司法局's entry on 二（二） (长期坚持) names no deadline; the rule adds a second one
    _edit(data / "status" / "sifaju.yaml", 'task: "2-2"\n  due: main\n', 'task: "2-2"\n')
    _edit(
        _plan_yaml(data),
        "period:\n",
        "task_rules:\n- id: year-end-check\n  having: [ongoing]\n"
        "  due:\n    kind: recurring\n    every: year\nperiod:\n",
    )
    project = load_project(data, SCHEMAS)
    assert project.ok, project.problems[:3]
    entries = [
        e
        for e in project.model.status.values()
        if e.holder_id == "sifaju" and e.task_id == f"{PLAN}/2-2"
    ]
    assert entries and {e.due_id for e in entries} == {"main"}


def test_a_rule_on_a_shared_duty_is_shared_too(tmp_path: Path) -> None:
    # 二（二） of the county plan: two leads share one quarterly report (shared: any)
    data = tmp_path / "data"
    shutil.copytree(ROOT / "examples" / "county" / "data", data)
    _edit(
        data / "plans" / "qingshan-fzzf-2023" / "plan.yaml",
        "task_rules:\n",  # the county plan has a rule on ongoing duties: add one after it
        "task_rules:\n- id: yearly-check\n  having: [recurring]\n  tasks: [2-2]\n"
        "  due: {kind: recurring, every: year}\n",
    )
    project = load_project(data, SCHEMAS)
    assert project.ok, project.problems[:3]
    check = project.model.tasks["qingshan-fzzf-2023/2-2"].due_item("yearly-check")
    assert check is not None and check.shared == "any" and len(check.holder_ids) == 2
    one = [
        o
        for o in project.model.obligations
        if o.task_id == "qingshan-fzzf-2023/2-2" and "yearly-check" in o.due_ids
    ]
    assert len(one) == 1 and set(one[0].holder_ids) == set(check.holder_ids)


def test_a_milestone_after_the_plan_is_not_told_to_write_after_period(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(ROOT / "examples" / "county" / "data", data)
    task = next(
        p
        for p in (data / "plans" / "qingshan-fzzf-2023" / "tasks").glob("*.yaml")
        if "kind: milestones" in p.read_text(encoding="utf-8")
    )
    text = task.read_text(encoding="utf-8")
    last = text.rindex('date: "2025-')
    task.write_text(text[:last] + 'date: "2026-' + text[last + 12 :], encoding="utf-8")
    found = [m for m in _messages(data) if "outside the plan period" in m]
    assert len(found) == 1 and "after_period" not in found[0], found
