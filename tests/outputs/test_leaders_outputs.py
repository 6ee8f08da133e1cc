"""Leaders named beside the units (w-leaders) in the office's outputs: ``duban check`` (the
escalation step addressed to the task's leaders), the 通报, the 台账 and CODEOWNERS; leaders are
never units there."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import openpyxl
import pytest

from duban.cli.main import main
from duban.evaluation.check_report import check_report
from duban.evaluation.evaluate import evaluate
from duban.load.project import load_project
from duban.outputs.bulletin import bulletin
from duban.outputs.codeowners import codeowners
from duban.outputs.ledger import ledger
from duban.outputs.ledger_files import ledger_csv, ledger_xlsx
from helpers import CASES, lay_out_case

AS_OF = "2011-03-15"
NAMES = ("王健", "李娜", "赵强")


@pytest.fixture
def leaders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    project = lay_out_case(CASES / "valid" / "leaders", tmp_path / "project")
    monkeypatch.chdir(project)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    return project


def _outputs(project: Path):  # type: ignore[no-untyped-def]
    loaded = load_project(project / "data")
    assert loaded.ok and loaded.model is not None
    model = loaded.model
    evaluation = evaluate(model, dt.date.fromisoformat(AS_OF))
    return model, evaluation, check_report(model, evaluation)


def test_check_addresses_the_step_to_the_tasks_leaders_and_lists_no_leader_as_unit(leaders, capsys):
    assert main(["check", "--as-of", AS_OF]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    # per-unit headings: units only (a heading is a line without indentation naming an id)
    headings = [line for line in lines if line.endswith(")") and not line.startswith(" ")]
    assert headings == ["市局法规处 (fagui-chu)", "乙县司法局 (beta)", "市直各单位 (shizhi)"]
    task_one = [line for line in lines if "（1）建立制度" in line]
    assert task_one and all(
        line.endswith("下一步：提请分管领导督办（副市长王健）") for line in task_one
    )
    task_two = [line for line in lines if "（2）开展培训" in line]
    assert all("提请分管领导督办（副市长王健、市政府秘书长李娜）" in line for line in task_two)


def test_check_json_names_the_addressees(leaders, capsys):
    assert main(["check", "--as-of", AS_OF, "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    text = json.dumps(data, ensure_ascii=False)
    items = [i for u in data["units"] for i in u["items"]] if "units" in data else data["items"]
    escalations = [i["escalation"] for i in items if i.get("escalation")]
    assert escalations
    assert {tuple(e["addressees"]) for e in escalations} == {
        ("副市长王健",),
        ("副市长王健", "市政府秘书长李娜"),
    }
    # the leaders appear only as addressees, never as a unit of the report
    assert text.count('"王健"') == 0


def test_a_stage_not_addressed_to_leaders_is_unchanged(leaders, capsys):
    rules = leaders / "data/plans/test-plan/rules.yaml"
    rules.write_text(rules.read_text("utf-8").replace("        to: leader\n", ""), "utf-8")
    assert main(["check", "--as-of", AS_OF]) == 0
    out = capsys.readouterr().out
    assert "下一步：提请分管领导督办\n" in out and "王健" not in out


def test_bulletin_names_the_leaders_with_their_overdue_tasks(leaders):
    model, _, report = _outputs(leaders)
    doc = bulletin(model, report)
    texts = [b.text for b in doc.blocks]
    start = texts.index("三、逾期未完成情况")
    end = texts.index("四、排名和考评通报")
    section = texts[start:end]
    assert "方案明确的领导所涉任务的逾期情况如下：" in section
    assert (
        "王健（副市长）：（1）建立制度、（2）开展培训，逾期未完成5项（其中未报送5项），涉及3个单位。"
        in section
    )
    assert (
        "李娜（市政府秘书长）：（2）开展培训，逾期未完成3项（其中未报送3项），涉及2个单位。"
        in section
    )
    # 赵强 leads a sub-item with nothing overdue: not named; no leader is a unit heading
    assert not [t for t in texts if "赵强" in t]
    unit_headings = [b.text for b in doc.blocks if b.kind == "h2"]
    assert not [h for h in unit_headings if any(n in h for n in NAMES)]
    # the figures of the units are the report's, as without leaders
    assert (
        texts[start + 1]
        == "共3个单位有逾期未完成事项5项，按督办阶段和逾期事项数排列如下，逐项明细见附件。"
    )


def test_ledger_has_a_leader_column_and_no_leader_among_units(leaders, tmp_path):
    model, evaluation, report = _outputs(leaders)
    book = ledger(model, evaluation, report)
    titles = [c.title for c in book.plans[0].columns]
    assert titles[2:5] == ["牵头单位", "牵头领导", "责任单位"]
    column = titles.index("牵头领导")
    by_task = {row[1]: row[column] for row in book.plans[0].rows}
    assert by_task["（1）建立制度"] == "王健（副市长）"
    assert {v for k, v in by_task.items() if k.startswith("（2）")} == {
        "王健（副市长）、李娜（市政府秘书长）"
    }
    assert by_task["（3）达标"] == ""
    overdue_titles = [c.title for c in book.overdue_columns]
    assert "牵头领导" in overdue_titles
    assert all(row[overdue_titles.index("牵头领导")] for row in book.overdue)
    assert not [row for row in book.units if row[0] in NAMES]
    # the workbook and the CSV carry the same column
    sheet = openpyxl.load_workbook(io.BytesIO(ledger_xlsx(book))).worksheets[0]
    header = [c.value for c in next(r for r in sheet.iter_rows() if r[0].value == "序号")]
    assert "牵头领导" in header
    rows = list(csv.reader(io.StringIO(ledger_csv(book).lstrip("\ufeff"))))
    assert rows[0][3:5] == ["牵头单位", "牵头领导"]


def test_ledger_without_leaders_has_no_leader_column(tmp_path):
    project = lay_out_case(CASES / "valid" / "base", tmp_path / "p")
    model, evaluation, report = _outputs(project)
    book = ledger(model, evaluation, report)
    assert "牵头领导" not in [c.title for c in book.plans[0].columns]
    assert "牵头领导" not in ledger_csv(book).splitlines()[0]


def test_codeowners_know_no_leader(leaders):
    model, _, _ = _outputs(leaders)
    text = codeowners(model, "data", ["@office"])
    assert not any(n in text for n in NAMES)
