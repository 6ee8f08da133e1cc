"""``duban check --format json`` is written unit by unit (outputs/check_json.py): the text must
be byte for byte the document the standard library dumps whole (check_formats.report_data)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import json
from contextlib import redirect_stdout

import pytest

from duban.cli.main import main
from duban.evaluation.cascade import linked_report
from duban.evaluation.check_report import CheckReport, check_report
from duban.evaluation.evaluate import evaluate
from duban.load.project import load_project
from duban.outputs.check_formats import CHECK_FORMATS, CheckOptions, render_json_whole
from duban.outputs.check_json import json_chunks, render_json
from helpers import DATA_SETS, OFFICE_DATES

REPORTS: dict[tuple[str, str], CheckReport] = {}


def report_for(name: str, as_of: str) -> CheckReport:
    if (name, as_of) not in REPORTS:
        project = load_project(DATA_SETS[name])
        assert project.model is not None
        model = project.model
        REPORTS[name, as_of] = check_report(model, evaluate(model, dt.date.fromisoformat(as_of)))
    return REPORTS[name, as_of]


@pytest.mark.parametrize("fail_on", [None, "overdue", "due-soon"])
@pytest.mark.parametrize("as_of", OFFICE_DATES)
@pytest.mark.parametrize("name", sorted(DATA_SETS))
def test_the_streamed_json_is_the_whole_document(name: str, as_of: str, fail_on: str | None):
    report = report_for(name, as_of)
    streamed = render_json(report, fail_on)
    assert streamed == render_json_whole(report, fail_on)
    assert CHECK_FORMATS["json"](report, CheckOptions(fail_on=fail_on)) == streamed
    assert len(list(json_chunks(report, fail_on))) == len(report.units) + (4 if report.units else 3)


def test_the_comparison_covers_every_shape_of_an_item():
    """The data sets hold what the templates must get right: with and without escalation,
    supervisors, addressees, days late and left, several holders, units without items
    (a deadline to respond by and the leaders addressed: the next test)."""
    reports = [report_for(name, as_of) for name in DATA_SETS for as_of in OFFICE_DATES]
    items = [i for report in reports for i in report.items]
    assert any(i.escalation is None for i in items)
    assert any(i.escalation is not None for i in items)
    assert any(i.escalation is not None and i.escalation.next_step is None for i in items)
    assert any(not i.supervisors for i in items)
    assert any(len(i.supervisors) > 1 for i in items)
    assert any(len(i.item.holders) > 1 for i in items)
    assert any(report.flags for report in reports)
    assert any(i.item.days_left is not None for i in items)
    assert any(i.item.days_late is not None for i in items)
    assert any(not report.units for report in reports)


def test_text_from_data_is_escaped_as_the_standard_library_does():
    report = report_for("demo", "2011-03-15")
    odd = '引号" 反斜杠\\ 换行\n 制表\t \x01 \u2028 \ud83d\ude00 </script>'
    units = tuple(
        (
            dataclasses.replace(holder, name=odd),
            tuple(
                dataclasses.replace(ci, task=dataclasses.replace(ci.task, title=odd, label=odd))
                for ci in items
            ),
        )
        for holder, items in report.units
    )
    changed = dataclasses.replace(report, units=units)
    assert report.units, "the demo has overdue items on this date"
    streamed = render_json(changed)
    assert streamed == render_json_whole(changed)
    assert json.loads(streamed)["units"][0]["items"][0]["task_title"] == odd


def test_the_command_writes_the_same_document():
    out = io.StringIO()
    data = DATA_SETS["county"]
    with redirect_stdout(out):
        main(["check", "--format", "json", "--data", str(data), "--as-of", "2024-06-30"])
    report = report_for("county", "2024-06-30")
    project = load_project(data)
    assert project.model is not None
    linked = linked_report(project.model, evaluate(project.model, dt.date(2024, 6, 30)))
    assert out.getvalue() == render_json_whole(report, "never", linked)


def test_an_escalation_with_a_deadline_and_leaders_to_address():
    report = report_for("demo", "2011-03-15")
    staged = [ci for ci in report.items if ci.escalation is not None]
    assert staged, "the demo has escalated items on this date"

    def escalated(ci, n):
        assert ci.escalation is not None
        esc = dataclasses.replace(
            ci.escalation,
            respond_by=dt.date(2011, 4, n % 28 + 1),
            since=None if n % 2 else ci.escalation.since,
            addressees=("副市长王健", '"引号"')[: n % 3],
        )
        return dataclasses.replace(ci, escalation=esc, supervisors=ci.supervisors[: n % 2])

    units = tuple(
        (holder, tuple(escalated(ci, n) if ci.escalation else ci for n, ci in enumerate(items)))
        for holder, items in report.units
    )
    changed = dataclasses.replace(report, units=units)
    streamed = render_json(changed, "overdue")
    assert streamed == render_json_whole(changed, "overdue")
    assert '"respond_by": "2011-04-' in streamed
    assert '"副市长王健",' in streamed
