"""``duban export xlsx`` / ``csv``: the 任务落实台账. Read back with openpyxl; every count equals
``duban check --format json`` for the same data and date; text is never a formula; the same
data gives the same bytes."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import time
from collections import Counter
from pathlib import Path

import openpyxl
import pytest

from duban.cli.main import main
from helpers import DATA_SETS, office_cases

STATE_WORDS = {
    "not-due": "未到期",
    "due-soon": "临期",
    "overdue": "逾期未完成",
    "done-on-time": "按期完成",
    "done-late": "逾期完成",
    "missed": "未达到要求",
    "ongoing": "长期坚持",
    "not-applicable": "不适用",
    "waiting": "待触发（起算事件未发生）",
    "done-early": "提前完成（早于规定时段）",
}


def check_json(capsys, data: Path, as_of: str) -> dict:
    assert main(["check", "--data", str(data), "--as-of", as_of, "--format", "json"]) == 0
    return json.loads(capsys.readouterr().out)


def ledger(tmp_path: Path, data: Path, as_of: str, name: str = "ledger.xlsx"):
    out = tmp_path / name
    assert main(["export", "xlsx", "--data", str(data), "--as-of", as_of, "-o", str(out)]) == 0
    return openpyxl.load_workbook(out), out


def rows(sheet) -> list[dict]:
    """A sheet's rows by the header's words (row 1 is the sheet's title, row 2 the header)."""
    values = list(sheet.iter_rows(values_only=True))
    header = values[1]
    return [dict(zip(header, row, strict=True)) for row in values[2:]]


@pytest.mark.parametrize(("name", "as_of"), office_cases())
def test_counts_equal_the_check_report(name, as_of, tmp_path, capsys):
    data = DATA_SETS[name]
    report = check_json(capsys, data, as_of)
    book, _ = ledger(tmp_path, data, as_of)
    *plan_sheets, overdue_sheet, units_sheet = book.worksheets
    assert (overdue_sheet.title, units_sheet.title) == ("逾期未完成", "单位汇总")
    every = [r for s in plan_sheets for r in rows(s)]
    states = Counter(r["状态"].removesuffix("（未报送）") for r in every)
    summary, counts = report["summary"], report["counts"]
    assert {k: states.get(w, 0) for k, w in STATE_WORDS.items()} == summary["states"]
    not_reported = sum(1 for r in every if r["状态"].endswith("（未报送）"))
    assert not_reported == summary["not_reported"]
    late = rows(overdue_sheet)
    assert len(late) == counts["overdue"]
    assert (
        sum(1 for r in late if r["状态"].endswith("（未报送）")) == counts["overdue_not_reported"]
    )
    expected = [
        (i["days_late"], i["escalation"]["stage_name"] if i["escalation"] else None)
        for u in report["units"]
        for i in u["items"]
        if i["state"] == "overdue"
    ]
    assert [(r["逾期天数"], r["督办阶段"]) for r in late] == expected
    units = {r["单位"]: r for r in rows(units_sheet)}
    for unit in report["units"]:
        row = units[unit["name"]]
        assert (row["逾期未完成"], row["其中未报送"], row["临期"]) == (
            unit["overdue"],
            unit["overdue_not_reported"],
            unit["due_soon"],
        )
        assert row["最长逾期天数"] == unit["longest_days_late"]
    assert sum(r["逾期未完成"] for r in units.values()) == counts["overdue"]
    assert sum(r["临期"] for r in units.values()) == counts["due_soon"]


def test_sheet_layout(tmp_path):
    book, _ = ledger(tmp_path, DATA_SETS["county"], "2023-09-30")
    sheet = book.worksheets[0]
    header = [c.value for c in sheet[2]]
    assert header == [
        "序号",
        "任务",
        "牵头单位",
        "牵头领导",  # the county example's task 八（五） names a leader
        "责任单位",
        "配合单位",
        "完成时限",
        "工作进展",
        "存在问题",
        "下步计划",
        "状态",
        "最后更新",
    ]
    assert sheet.freeze_panes == "A3"
    assert sheet.auto_filter.ref.startswith("A2:L")
    assert sheet.column_dimensions["B"].width > 25
    assert isinstance(sheet["G3"].value, dt.datetime) and sheet["G3"].number_format == "yyyy-mm-dd"
    # the shipped plan names no cooperating units and no leaders: no empty columns for them
    shipped, _ = ledger(tmp_path, DATA_SETS["shipped"], "2011-03-15", "s.xlsx")
    assert "配合单位" not in [c.value for c in shipped.worksheets[0][2]]
    assert "牵头领导" not in [c.value for c in shipped.worksheets[0][2]]


def test_problems_and_next_steps_reach_the_ledger(tmp_path):
    import shutil

    data = tmp_path / "data"
    shutil.copytree(DATA_SETS["demo"], data)
    status = data / "status" / "baqiao.yaml"
    text = status.read_text(encoding="utf-8")
    marker = "  state: "
    first = text.index(marker)
    text = (
        text[:first]
        + "  problems: '=HYPERLINK(\"http://x\") 经费不足'\n"
        + "  next_steps: '+1 下月完成'\n"
        + text[first:]
    )
    status.write_text(text, encoding="utf-8")
    book, out = ledger(tmp_path, data, "2011-03-15")
    found = [r for s in book.worksheets[:-2] for r in rows(s) if r["存在问题"]]
    assert [(r["存在问题"], r["下步计划"]) for r in found] == [
        ('=HYPERLINK("http://x") 经费不足', "+1 下月完成")
    ]
    raw = __import__("zipfile").ZipFile(out)
    assert not any("<f>" in raw.read(n).decode() for n in raw.namelist() if "worksheets" in n)
    csv_out = tmp_path / "l.csv"
    assert (
        main(["export", "csv", "--data", str(data), "--as-of", "2011-03-15", "-o", str(csv_out)])
        == 0
    )
    table = list(csv.DictReader(io.StringIO(csv_out.read_text(encoding="utf-8-sig"))))
    assert [(r["存在问题"], r["下步计划"]) for r in table if r["存在问题"]] == [
        ('\'=HYPERLINK("http://x") 经费不足', "'+1 下月完成")
    ]


def test_csv_has_the_same_rows_as_the_plan_sheets(tmp_path):
    book, _ = ledger(tmp_path, DATA_SETS["office"], "2023-09-30")
    out = tmp_path / "l.csv"
    assert (
        main(
            [
                "export",
                "csv",
                "--data",
                str(DATA_SETS["office"]),
                "--as-of",
                "2023-09-30",
                "-o",
                str(out),
            ]
        )
        == 0
    )
    table = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    sheet_rows = [r for s in book.worksheets[:-2] for r in rows(s)]
    assert len(table) == len(sheet_rows) > 0
    for line, row in zip(table, sheet_rows, strict=True):
        assert line["任务"] == row["任务"] and line["状态"] == row["状态"]
        assert line["完成时限"] == row["完成时限"].date().isoformat()


def test_same_data_same_bytes(tmp_path):
    _, first = ledger(tmp_path, DATA_SETS["demo"], "2011-03-15", "a.xlsx")
    time.sleep(1.1)
    _, second = ledger(tmp_path, DATA_SETS["demo"], "2011-03-15", "b.xlsx")
    assert first.read_bytes() == second.read_bytes()


def test_with_unit_the_workbook_is_the_units_own_not_the_ledger(tmp_path):
    import openpyxl

    ledger, unit = tmp_path / "ledger.xlsx", tmp_path / "u.xlsx"
    assert main(["export", "xlsx", "--as-of", "2011-03-15", "-o", str(ledger)]) == 0
    assert main(["export", "xlsx", "--unit", "baqiao", "-o", str(unit)]) == 0
    ledger_sheets = openpyxl.load_workbook(ledger).sheetnames
    unit_sheets = openpyxl.load_workbook(unit).sheetnames
    assert unit_sheets != ledger_sheets and "填写说明" in unit_sheets
