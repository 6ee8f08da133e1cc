"""A plan-wide duty (plan.yaml ``duties``) reaches every output as any task's deadline does,
counted once per holder: check (text, JSON, Markdown), ICS, the 台账, the bulletin and the unit's
workbook, whose rows import back; and the small wording fixes of the same branch."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import shutil

import openpyxl
import pytest

from duban.cli.main import main
from duban.load.project import load_project
from duban.site import Settings, render_site
from helpers import ROOT

OFFICE = ROOT / "examples" / "office" / "data"
PLAN = "qingshan-gzbg-2024"
AS_OF = "2024-10-01"
DUTY = "向县政府督查室报送工作进展"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    assert main(list(argv)) == 0
    return capsys.readouterr().out


def test_check_lists_the_duty_once_per_holder_and_period(capsys):
    report = json.loads(
        run(
            capsys,
            "check",
            "--data",
            str(OFFICE),
            "--plan",
            PLAN,
            "--as-of",
            AS_OF,
            "--format",
            "json",
        )
    )
    items = [
        (unit["id"], item["period"], item["file"], item["line"])
        for unit in report["units"]
        for item in unit["items"]
        if item["task"] == "plan" and item["due"] == "progress"
    ]
    fagaiju = [i for i in items if i[0] == "fagaiju"]
    assert [i[1] for i in fagaiju] == ["2024-Q3"]  # leads two tasks, one report overdue
    assert len(items) == len(set(items))
    # the problem points at the duty in plan.yaml
    assert {i[2] for i in items} == {f"plans/{PLAN}/plan.yaml"}
    markdown = run(
        capsys, "check", "--data", str(OFFICE), "--plan", PLAN, "--as-of", AS_OF,
        "--format", "markdown",
    )  # fmt: skip
    fagaiju = markdown.split("### 青山县发展和改革局", 1)[1].split("###", 1)[0]
    assert fagaiju.count(f"{DUTY} 2024年第三季度") == 1  # leads two tasks, reports once


def test_markdown_names_the_plan_and_the_deadline_like_the_text_format(capsys):
    text = run(capsys, "check", "--data", str(OFFICE), "--as-of", AS_OF)
    markdown = run(capsys, "check", "--data", str(OFFICE), "--as-of", AS_OF, "--format", "markdown")
    line = "《2024年政府工作报告分工》四（二）强化督查问效 通报上一季度落实情况 2024年第三季度"
    assert line in text
    assert line in markdown


def test_calendar_ledger_and_bulletin_carry_the_duty(capsys, tmp_path):
    ics = run(capsys, "--data", str(OFFICE), "export", "ics", "--plan", PLAN, "--unit", "fagaiju")
    assert ics.count(f"SUMMARY:【督办】县发改局：{DUTY}") == 4  # one a quarter, not two
    bulletin = tmp_path / "b.md"
    run(capsys, "--data", str(OFFICE), "bulletin", "--plan", PLAN, "--as-of", AS_OF, "-o",
        str(bulletin))  # fmt: skip
    assert DUTY in bulletin.read_text(encoding="utf-8")
    ledger = tmp_path / "t.xlsx"
    run(capsys, "--data", str(OFFICE), "export", "xlsx", "--plan", PLAN, "--as-of", AS_OF,
        "-o", str(ledger))  # fmt: skip
    cells = [
        str(c) for row in openpyxl.load_workbook(ledger).active.iter_rows(values_only=True)
        for c in row if c
    ]  # fmt: skip
    assert any(DUTY in c for c in cells)


def test_the_units_workbook_row_imports_back(capsys, tmp_path):
    data = tmp_path / "data"
    shutil.copytree(OFFICE, data)
    book = tmp_path / "cz.xlsx"
    run(capsys, "--data", str(data), "export", "xlsx", "--plan", PLAN, "--unit", "caizhengju",
        "--as-of", AS_OF, "-o", str(book))  # fmt: skip
    workbook = openpyxl.load_workbook(book)
    sheet = workbook.worksheets[0]
    header = [c.value for c in sheet[1]]
    rows = [r for r in sheet.iter_rows(min_row=2) if r[header.index("任务")].value == "plan"]
    assert [r[header.index("期次")].value for r in rows] == [
        "2024-Q1",
        "2024-Q2",
        "2024-Q3",
        "2024-Q4",
    ]
    rows[1][header.index("状态")].value = "已完成"
    rows[1][header.index("完成日期")].value = "2024-06-18"
    workbook.save(book)
    run(capsys, "--data", str(data), "import", str(book))
    status = (data / "status" / "caizhengju.yaml").read_text(encoding="utf-8")
    assert "task: plan" in status and '"2024-Q2"' in status
    assert load_project(data, ROOT / "schemas").ok


def test_signing_date_is_shown_once_when_written_as_the_site_writes_it():
    model = load_project(OFFICE, ROOT / "schemas").model
    plan = model.plans[PLAN]
    settings = Settings(as_of=dt.date(2024, 10, 1))
    page = f"plans/{PLAN}/index.md"
    for written, shown in (("2024年2月20日", False), ("二〇二四年二月二十日", True)):
        plans = {**model.plans, PLAN: dataclasses.replace(plan, signed_as_written=written)}
        facts = render_site(dataclasses.replace(model, plans=plans), settings).pages[page]
        signed = facts.split('<time datetime="2024-02-20">', 1)[1].split("</dd>", 1)[0]
        assert signed.startswith("2024年2月20日</time>")
        assert (f"（{written}）" in signed) is shown


def test_the_issue_form_reports_on_the_duty(capsys, tmp_path):
    data = tmp_path / "data"
    shutil.copytree(OFFICE, data)
    body = tmp_path / "body.md"
    answers = {
        "单位标识": "caizhengju",
        "方案": PLAN,
        "任务": "plan",
        "子项": "_No response_",
        "时限标识": "progress",
        "期次": "2024-Q3",
        "状态": "已完成",
        "完成日期": "2024-09-18",
    }
    body.write_text("".join(f"### {k}\n\n{v}\n\n" for k, v in answers.items()), encoding="utf-8")
    run(capsys, "--data", str(data), "record", "--issue-form", str(body))
    project = load_project(data, ROOT / "schemas")
    assert project.ok
    entries = [
        e
        for e in project.model.status.values()
        if e.holder_id == "caizhengju" and e.task_id == f"{PLAN}/plan" and e.period == "2024-Q3"
    ]
    assert [(e.due_id, e.state, str(e.done)) for e in entries] == [
        ("progress", "done", "2024-09-18")
    ]


def test_the_progress_page_gives_the_duty_a_row_of_its_own():
    model = load_project(OFFICE, ROOT / "schemas").model
    pages = render_site(model, Settings(as_of=dt.date(2024, 10, 1))).pages
    progress = pages[f"plans/{PLAN}/progress.md"]
    row = progress.split(f'<th scope="row">{DUTY}</th>', 1)[1].split("</tr>", 1)[0]
    assert f"</span> {DUTY}</a>" in row  # the short link names the duty (it has no number)
    assert ">48<" in row  # 12 leads x 4 quarters, counted once per lead
    table = pages[f"plans/{PLAN}/index.md"]
    assert f">{DUTY}</a>" in table or f"</span> {DUTY}</a>" in table
