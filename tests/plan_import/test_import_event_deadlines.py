"""The importer reads deadlines counted from the plan's own dates (kind: after) and days around
a date (kind: window); events the data cannot date are left for the reviewer."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml

from duban.load.project import load_project
from duban.plan_import import run_import
from duban.plan_import.deadlines import parse_deadline


@pytest.mark.parametrize(
    ("phrase", "after"),
    [
        ("自本方案印发之日起30日内", {"event": "published", "days": 30}),
        ("本方案印发后3个月内", {"event": "published", "months": 3}),
        ("印发后三个月内", {"event": "published", "months": 3}),
        ("自印发之日起10个工作日内", {"event": "published", "days": 10, "working_days": True}),
        ("成文之日起十五个工作日内", {"event": "signed", "days": 15, "working_days": True}),
    ],
)
def test_a_deadline_counted_from_the_plan_is_after_an_event(phrase, after):
    parsed = parse_deadline(phrase, default_year=2023)
    assert parsed.due == [{"kind": "after", "after": after, "as_written": phrase}]
    assert parsed.unread == []
    if after["event"] == "published":  # the clerk is told the date is still to be written
        assert any("published" in a for a in parsed.assumptions)


def test_an_event_the_data_cannot_date_is_left_to_the_reviewer():
    parsed = parse_deadline("收到通知后15个工作日内", default_year=2023)
    assert parsed.due == [] and parsed.unread == ["收到通知后15个工作日内"]


def test_days_around_a_date_are_a_window():
    parsed = parse_deadline("12月4日前后", default_year=2024)
    assert parsed.due == [
        {
            "kind": "window",
            "around": {"date": dt.date(2024, 12, 4), "days": 3},
            "as_written": "12月4日前后",
        }
    ]
    assert "“12月4日前后”未写年份，按2024年理解" in parsed.assumptions
    written = parse_deadline("2025年12月4日前后", default_year=2024).due
    assert written[0]["around"]["date"] == dt.date(2025, 12, 4)
    # a yearly date stays yearly; a plain date stays a date
    assert parse_deadline("每年12月4日前后", default_year=2024).due[0]["kind"] == "recurring"
    assert parse_deadline("2024年12月4日前", default_year=2024).due[0]["kind"] == "date"


def test_imported_event_deadlines_load_and_wait_for_the_date_of_publication(tmp_path):
    source = tmp_path / "plan.txt"
    source.write_text(
        "某县2024年工作方案\n一、任务\n"
        "（一）制定细则（牵头单位：县司法局；完成时限：自本方案印发之日起30日内）。\n"
        "（二）开展宣传（牵头单位：县司法局；完成时限：12月4日前后）。\n"
        "（三）首次培训（牵头单位：县司法局；完成时限：成文之日起10个工作日内）。\n",
        encoding="utf-8",
    )
    run_import(source, tmp_path / "data", None, "p", None)
    project = load_project(tmp_path / "data")
    assert project.ok, [str(p) for p in project.problems]
    tasks = tmp_path / "data" / "plans" / "p" / "tasks"
    due = {
        name: yaml.safe_load((tasks / f"{name}.yaml").read_text("utf-8"))["due"]
        for name in ("1-1", "1-2", "1-3")
    }
    assert due["1-1"][0]["kind"] == "after" and due["1-1"][0]["after"]["event"] == "published"
    assert due["1-2"][0]["kind"] == "window"
    assert due["1-3"][0]["after"] == {"event": "signed", "days": 10, "working_days": True}
    model = project.model
    assert model is not None
    rules = model.tasks["p/1-1"].due[0]
    assert rules.kind == "after" and rules.occurrences == ()  # no published date: waiting
