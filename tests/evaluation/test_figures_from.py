"""An indicator whose figures come with another deadline's reports (``figures_from``): each
target date reads the period that holds it, and a wrong reference is one line naming the field."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from duban.evaluation.indicators import indicator_results
from duban.load.project import load_project
from helpers import ROOT

COUNTY = ROOT / "examples" / "county" / "data"
TASK = Path("plans/qingshan-fzzf-2023/tasks/7-2.yaml")


def _results(data: Path, as_of: str):
    project = load_project(data)
    assert project.ok, project.problems
    assert project.model is not None
    found = indicator_results(project.model, dt.date.fromisoformat(as_of))
    return {r.target.date.isoformat(): r for r in found if r.task_id.endswith("7-2")}


def test_each_target_reads_the_report_of_its_own_year():
    results = _results(COUNTY, "2025-01-31")
    first, second = results["2023-12-31"], results["2024-12-31"]
    assert (first.numerator, first.denominator, first.status) == (48, 83, "missed")
    assert (second.numerator, second.denominator, second.status) == (60, 74, "met")


def test_a_report_made_after_the_as_of_date_is_not_counted_yet(tmp_path):
    # as of 2024-11-01 no 乡镇 has sent its 2024 report (they came 2024-11-2x): no data so far
    results = _results(COUNTY, "2024-11-01")
    assert results["2024-12-31"].status == "pending"
    assert results["2024-12-31"].actual is None


def test_figures_from_must_name_a_recurring_deadline_of_the_task(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(COUNTY, data)
    path = data / TASK
    path.write_text(
        path.read_text("utf-8").replace("figures_from: report", "figures_from: target"), "utf-8"
    )
    project = load_project(data)
    messages = [f"{p.field}: {p.message}" for p in project.problems]
    assert any(
        "indicator.figures_from" in m and "'target' is not a recurring deadline" in m
        for m in messages
    ), messages


def test_several_amounts_under_one_deadline_are_one_report_and_two_checks():
    project = load_project(COUNTY)
    assert project.model is not None
    task = next(t for t in project.model.tasks_in_order() if t.id.endswith("/8-8"))
    (due,) = task.due
    assert [a.indicator.id for a in due.amounts] == ["public-hours", "professional-hours"]
    # one obligation a holder (one report a year), two indicators measured on it
    obligations = [o for o in project.model.obligations if o.task_id == task.id]
    assert len(obligations) == 1
    results = indicator_results(project.model, dt.date(2025, 1, 31))
    mine = {(r.indicator.id, r.target.date.year): r.status for r in results if r.task_id == task.id}
    assert mine == {
        ("public-hours", 2023): "met",
        ("professional-hours", 2023): "missed",
        ("public-hours", 2024): "met",
        ("professional-hours", 2024): "met",
        ("public-hours", 2025): "pending",
        ("professional-hours", 2025): "pending",
    }


def test_an_amount_needs_its_figure_and_its_own_indicator_id(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(COUNTY, data)
    path = data / "plans/qingshan-fzzf-2023/tasks/8-8.yaml"
    text = path.read_text("utf-8")
    text = text.replace("id: professional-hours", "id: public-hours")
    text = text.replace(
        "measure: sum-of-figures,\n      figure: public-hours}", "measure: sum-of-figures}"
    )
    path.write_text(text, "utf-8")
    messages = [f"{p.field}: {p.message}" for p in load_project(data).problems]
    assert any("amounts[1].indicator.id: is used twice" in m for m in messages), messages
    assert any("amounts[0].indicator.figure: is required" in m for m in messages), messages
