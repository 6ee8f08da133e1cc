"""Synthetic progress that is in no file of the repository: random status for the shipped plan
and the county example, at several dates. The bulletin's and the ledger's figures must equal
``duban check --format json`` every time; problems and next steps reach the ledger."""

from __future__ import annotations

import datetime as dt
import json
import random
import re
import shutil
from collections import Counter
from pathlib import Path

import openpyxl
import pytest
from docx import Document

from duban.cli.main import main
from duban.load.project import load_project
from helpers import ROOT, swept

SOURCES = {"shipped": ROOT / "data", "county": ROOT / "examples" / "county" / "data"}
STATES = ("not-started", "in-progress", "done", "done", "not-applicable")


def _q(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def random_status(data: Path, seed: int) -> int:
    """Write random status files into ``data``; returns the number of entries written."""
    model = load_project(data).model
    assert model is not None
    rng = random.Random(seed)
    files: dict[str, list[str]] = {}
    for obligation in model.obligations:
        if rng.random() < 0.3:
            continue  # this unit reported nothing for this task: 未报送
        task = model.tasks[obligation.task_id]
        top = model.tasks[task.top_id]
        plan = model.plans[task.plan_id]
        for due_id in obligation.due_ids:
            due = task.due_item(due_id)
            if due is None or due.kind == "follow-up":
                continue
            for occurrence in due.occurrences:
                if rng.random() < 0.25:
                    continue
                state = rng.choice(STATES)
                lines = [f"- task: {_q(top.local_id)}"]
                if len(model.plans) > 1:
                    lines.append(f"  plan: {_q(plan.id)}")
                if task.id != top.id:
                    lines.append(f"  item: {_q(task.local_id.split('/', 1)[1])}")
                if len(task.due) > 1:
                    lines.append(f"  due: {_q(due_id)}")
                if occurrence.key:
                    lines.append(f"  period: {_q(occurrence.key)}")
                lines.append(f"  state: {state}")
                if state == "done":
                    day = occurrence.due + dt.timedelta(days=rng.randint(-120, 90))
                    day = min(max(day, plan.period_start), plan.period_end)
                    lines.append(f"  done: {_q(day.isoformat())}")
                if state == "not-applicable":
                    lines.append("  reason: 机构调整，不再承担")
                if state == "in-progress":
                    lines.append(f"  progress: {rng.randint(0, 100)}")
                    lines.append("  summary: 正在推进")
                    if rng.random() < 0.5:
                        lines.append("  problems: '=SUM(A1) 人手不足'")
                        lines.append("  next_steps: 下月完成")
                files.setdefault(obligation.holder_id, []).extend(lines)
    status = data / "status"
    for old in status.glob("*.yaml"):
        old.unlink()
    for holder, lines in files.items():
        text = f"unit: {holder}\nobligations:\n" + "\n".join(lines) + "\n"
        (status / f"{holder}.yaml").write_text(text, encoding="utf-8")
    return sum(1 for lines in files.values() for line in lines if line.startswith("- task"))


SYNTHETIC = [("shipped", 1), ("shipped", 2), ("county", 3)]
DATES = ["2010-09-30", "2011-12-31", "2023-06-30", "2024-03-31"]
# each random folder at one or two dates in the default run, each date once; the rest in the
# sweep (helpers.swept)
CASES = swept(
    [(folder, date) for folder in SYNTHETIC for date in DATES],
    [(SYNTHETIC[i % len(SYNTHETIC)], date) for i, date in enumerate(DATES)],
)


@pytest.fixture(scope="module")
def synthetic(request, tmp_path_factory) -> Path:
    name, seed = request.param
    data = tmp_path_factory.mktemp(f"{name}-{seed}") / "data"
    shutil.copytree(SOURCES[name], data)
    assert random_status(data, seed) > 20
    project = load_project(data)
    assert project.ok, [str(p) for p in project.problems[:5]]
    return data


@pytest.mark.parametrize(("synthetic", "as_of"), CASES, indirect=["synthetic"])
def test_bulletin_and_ledger_equal_the_check_report(synthetic, as_of, tmp_path, capsys):
    data = str(synthetic)
    assert main(["check", "--data", data, "--as-of", as_of, "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    summary, counts = report["summary"], report["counts"]

    docx = tmp_path / "b.docx"
    assert main(["bulletin", "--data", data, "--as-of", as_of, "-o", str(docx)]) == 0
    text = "\n".join(p.text for p in Document(str(docx)).paragraphs)
    overview = re.search(
        r"纳入督办的任务事项共(\d+)项.*?逾期未完成(\d+)项，其中已报送进展(\d+)项、未报送(\d+)项",
        text,
    )
    assert overview is not None
    assert [int(g) for g in overview.groups()] == [
        summary["total"],
        counts["overdue"],
        counts["overdue_reported"],
        counts["overdue_not_reported"],
    ]
    assert f"已报送事项{summary['reported']}项，尚未报送{summary['not_reported']}项" in text
    if summary["units_on_time"]:
        assert f"以下{len(summary['units_on_time'])}个单位按期完成" in text

    xlsx = tmp_path / "l.xlsx"
    assert main(["export", "xlsx", "--data", data, "--as-of", as_of, "-o", str(xlsx)]) == 0
    book = openpyxl.load_workbook(xlsx)
    *plans, late, units = book.worksheets
    states = Counter()
    for sheet in plans:  # row 1: the sheet's title; row 2: the header
        header = [c.value for c in sheet[2]]
        column = header.index("状态")
        for row in sheet.iter_rows(min_row=3, values_only=True):
            states[row[column]] += 1
    assert sum(n for s, n in states.items() if s.endswith("（未报送）")) == summary["not_reported"]
    assert sum(n for s, n in states.items() if s.startswith("逾期未完成")) == counts["overdue"]
    assert late.max_row - 2 == counts["overdue"]
    header = [c.value for c in units[2]]
    overdue_column = header.index("逾期未完成")
    assert (
        sum(r[overdue_column] for r in units.iter_rows(min_row=3, values_only=True))
        == counts["overdue"]
    )


@pytest.mark.parametrize(
    "synthetic", swept([(f,) for f in SYNTHETIC], [(SYNTHETIC[0],)]), indirect=True
)
def test_problems_reach_the_ledger_as_text(synthetic, tmp_path):
    xlsx = tmp_path / "l.xlsx"
    assert (
        main(["export", "xlsx", "--data", str(synthetic), "--as-of", "2024-03-31", "-o", str(xlsx)])
        == 0
    )
    sheet = openpyxl.load_workbook(xlsx).worksheets[0]
    header = [c.value for c in sheet[2]]
    problems = [r[header.index("存在问题")] for r in sheet.iter_rows(min_row=3, values_only=True)]
    found = [p for p in problems if p]
    assert found and set(found) == {"=SUM(A1) 人手不足"}
