"""``duban check --include-linked`` and ``duban bulletin --include-linked`` on the cascade
fixture (the city's tasks implement the province's), and the roll-up counts of
``check --format json`` that a parent repository compares with."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
from pathlib import Path

import pytest

from duban.cli.main import main
from duban.evaluation.cascade import linked_report, local_implementers
from duban.evaluation.check_report import check_report
from duban.evaluation.evaluate import evaluate
from duban.evaluation.rollup import BUCKETS
from duban.load.project import load_project
from duban.outputs.check_formats import render_json_whole, render_text
from duban.outputs.check_json import json_chunks, render_json
from duban.outputs.check_markdown import render_markdown

DATA = Path(__file__).parents[1] / "fixtures" / "cascade" / "data"
AS_OF = "2024-09-30"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    code = main([*argv, "--data", str(DATA)])
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out


@pytest.fixture(scope="module")
def loaded():
    project = load_project(DATA)
    assert project.model is not None
    model = project.model
    evaluation = evaluate(model, dt.date.fromisoformat(AS_OF))
    return model, evaluation


def test_text_lists_what_is_late_below_each_upper_task(capsys):
    code, out = run(capsys, "check", "--as-of", AS_OF, "--include-linked")
    assert code == 0
    section = out[out.index("下级落实情况") :].splitlines()
    assert (
        section[1] == "《省方案》（1）健全制度（prov/1）：下级 3 项：已完成 1、逾期完成 1、逾期 1"
    )
    assert section[2] == "  逾期 · 《市分工方案》（1）制定执法制度 · 丙区司法局"
    assert section[3].startswith("《省方案》（2）加强培训（prov/2）：下级 4 项：")
    assert section[4] == "  逾期未报送 · 《市分工方案》（2）组织轮训 · 甲区司法局"
    assert "乙区司法局" not in out[out.index("下级落实情况") :]  # done and open rows are not listed
    assert out.splitlines()[-1].startswith("逾期 2 项")  # the count line stays last


def test_without_the_flag_text_and_markdown_are_as_before(capsys, loaded):
    model, evaluation = loaded
    _, out = run(capsys, "check", "--as-of", AS_OF)
    assert "下级落实情况" not in out
    assert out == render_text(check_report(model, evaluation))
    _, md = run(capsys, "check", "--as-of", AS_OF, "--format", "markdown")
    assert "下级落实情况" not in md


def test_json_carries_each_tasks_buckets_and_each_roll_up(capsys):
    _, out = run(capsys, "check", "--as-of", AS_OF, "--format", "json")
    data = json.loads(out)
    assert "linked_late" not in data
    assert data["linked"]["prov/1"] == data["tasks"]["city/1"]
    assert data["linked"]["prov/2"] == {
        **dict.fromkeys(BUCKETS, 0),
        "done": 1,
        "not_reported": 1,
        "ongoing": 1,
        "open": 1,
    }
    assert list(data["linked"]) == ["prov/1", "prov/2", "prov/2/1"]
    assert set(data["tasks"]) >= {"city/1", "city/2", "city/3", "city/3/1", "prov/1", "prov/2"}
    _, late = run(capsys, "check", "--as-of", AS_OF, "--format", "json", "--include-linked")
    rows = json.loads(late)["linked_late"]
    assert [(r["plan_id"], r["task_id"], r["holder_id"], r["bucket"]) for r in rows["prov/2"]] == [
        ("city", "2", "qu-a", "not_reported")
    ]
    assert rows["prov/2"][0]["target"] == "prov/2/1"


def test_the_json_with_links_is_still_streamed_and_the_same_document(loaded):
    model, evaluation = loaded
    report = check_report(model, evaluation)
    for late in (False, True):
        linked = linked_report(model, evaluation, include_late=late)
        assert render_json(report, None, linked) == render_json_whole(report, None, linked)
        assert len(list(json_chunks(report, None, linked))) == len(report.units) + 4


def test_one_plan_still_sees_the_rows_of_the_plans_below(capsys):
    _, out = run(capsys, "check", "--as-of", AS_OF, "--format", "json", "--plan", "prov")
    data = json.loads(out)
    assert list(data["linked"]) == ["prov/1", "prov/2", "prov/2/1"]
    assert all(key.startswith("prov/") for key in data["tasks"])
    assert data["linked"]["prov/1"]["overdue"] == 1
    _, out = run(capsys, "check", "--as-of", AS_OF, "--format", "json", "--plan", "city")
    assert json.loads(out)["linked"] == {}


def test_rows_from_another_repository_are_escaped_and_linked_only_over_https(loaded):
    model, evaluation = loaded
    rows = local_implementers(model, evaluation)
    hostile = dataclasses.replace(
        rows["prov/1"][2],
        source_id="evil",
        source_name="<img src=x>",
        task_title="[click](javascript:alert(1)) *bold* @someone",
        url="javascript:alert(1)",
        as_of=dt.date(2024, 8, 1),
    )
    safe = dataclasses.replace(hostile, holder_id="x", url="https://child.example/t.html")
    linked = linked_report(
        model, evaluation, {"prov/1": [*rows["prov/1"], hostile, safe]}, include_late=True
    )
    md = render_markdown(check_report(model, evaluation), linked=linked)
    assert not re.search(r"(?<!\\)\]\(javascript", md)  # no link to javascript: at all
    assert "\\[click\\]" in md and "`@someone`" in md and "\\<img src=x\\>" in md
    assert "](https://child.example/t.html)" in md
    assert "数据截至 2024-08-01" in md
    text = render_text(check_report(model, evaluation), linked)
    assert "来源：<img src=x> · 数据截至 2024-08-01" in text


def test_the_bulletin_has_a_section_on_the_levels_below(capsys, tmp_path):
    target = tmp_path / "b.md"
    code, _ = run(capsys, "bulletin", "--as-of", AS_OF, "--include-linked", "-o", str(target))
    assert code == 0
    text = target.read_text(encoding="utf-8")
    section = text[text.index("下级落实情况") : text.index("排名和考评通报")]
    assert "（一）《省方案》（1）健全制度" in section
    assert "落实该任务的下级事项共3项，其中已完成1项，逾期完成1项，逾期1项。" in section
    assert "丙区司法局：《市分工方案》（1）制定执法制度，逾期。" in section
    assert "甲区司法局：《市分工方案》（2）组织轮训，逾期未报送。" in section
    plain = tmp_path / "plain.md"
    run(capsys, "bulletin", "--as-of", AS_OF, "-o", str(plain))
    assert "下级落实情况" not in plain.read_text(encoding="utf-8")


def test_nothing_late_below_is_said_in_one_line(capsys):
    _, out = run(capsys, "check", "--as-of", "2024-02-15", "--include-linked")
    assert "下级落实情况 linked：落实上级任务的下级事项中没有逾期或逾期未报送的事项" in out
    _, md = run(
        capsys, "check", "--as-of", "2024-02-15", "--include-linked", "--format", "markdown"
    )
    assert "没有逾期或逾期未报送的事项" in md
