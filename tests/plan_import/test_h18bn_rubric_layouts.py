"""Round h18bn (issue 18): the assessment rubrics of 石城 2018 in every container.

tests/plan_import/corpus_layouts.py writes each opened table again as ``|`` rows, tabs, runs of
spaces and one cell a line. A rubric's first rows (the total, ``总分 | 100``, with its 序号
empty, and the chapters, ``一、``) were lost on the way: a bar or tab that closes an empty
first cell was read as the table's frame (every row after it numbered one too high), a 序号
cell holding 总分 made a task, and ``一、`` alone on its line ended a one-cell-a-line table.
Each form is tested on made-up text (another county, subject and units).
"""

from __future__ import annotations

from pathlib import Path

from duban.plan_import import import_file
from duban.plan_import.header_cells import cells, edge_bars
from duban.plan_import.units import ImportOrg
from helpers import tasks_by_id

TITLE = "某县2021年度林长制工作乡镇考核细则"
ROWS = [
    ["序号", "考核项目", "各项分值", "考核指标", "负责考核部门"],
    ["", "总分", "100", "", ""],
    ["一、", "健全体系，压实林长责任", "40", "", ""],
    ["1", "完善林长组织体系", "6", "进一步健全乡、村两级林长体系。", "县林业局"],
    ["2", "修订考核办法", "4", "2021年9月底前修订乡镇林长制考核办法。", "县应急局"],
    ["二、", "强化保护，推进专项整治", "40", "", ""],
    ["3", "开展打击毁林专项行动", "10", "建立毁林案件台账。", "县森林公安局"],
]
ASSESSED = {"01": ["县林业局"], "02": ["县应急局"], "03": ["县森林公安局"]}


def _import(tmp_path: Path, lines: list[str]) -> dict[str, dict]:
    path = tmp_path / "plan.txt"
    path.write_text("\n".join([TITLE, *lines]), encoding="utf-8")
    return tasks_by_id(import_file(path, ImportOrg(), "p", None))


def _assessed(tasks: dict[str, dict]) -> dict[str, list[str]]:
    return {key: list(task.get("roles", {}).get("assess", [])) for key, task in tasks.items()}


def test_a_bar_table_without_frame_keeps_its_empty_first_cell(tmp_path: Path) -> None:
    """`` | 总分 | 100 |  | `` under ``序号 | 考核项目 | …``: the bar first closes the empty
    序号, so 总分 is no row 1 and the rows keep their own numbers (on main: 02, 03, 04)."""
    tasks = _import(tmp_path, [" | ".join(row) for row in ROWS])
    assert _assessed(tasks) == ASSESSED
    assert [tasks[key]["section"] for key in sorted(tasks)] == [1, 1, 2]


def test_a_tab_table_keeps_its_empty_cells(tmp_path: Path) -> None:
    """``\\t总分\\t100\\t\\t``: each tab closes a cell, the first one the empty 序号."""
    tasks = _import(tmp_path, ["\t".join(row) for row in ROWS])
    assert _assessed(tasks) == ASSESSED


def test_a_space_table_total_row_is_no_task(tmp_path: Path) -> None:
    """``总分    100``: runs of spaces leave the empty 序号 out, so 总分 stands under 序号; a
    序号 that is no number on a row without units is no task (on main: task 1, ``100``)."""
    tasks = _import(tmp_path, ["    ".join(cell for cell in row if cell) for row in ROWS])
    assert _assessed(tasks) == ASSESSED


def test_one_cell_a_line_chapter_row_starts_a_row(tmp_path: Path) -> None:
    """``一、`` alone on its line under a 序号 column is a chapter's row, its title and score on
    the lines below (on main it ended the table: one task of the whole text)."""
    tasks = _import(tmp_path, [cell for row in ROWS for cell in row if cell])
    assert _assessed(tasks) == ASSESSED
    assert [tasks[key]["section"] for key in sorted(tasks)] == [1, 1, 2]


def test_edge_bars_decide_the_frame() -> None:
    """A header with bars at its edges frames its rows; without them, a row's edge bars close
    empty cells (and a | row's cells otherwise read as before)."""
    assert edge_bars("| 序号 | 任务 | 牵头单位 |")
    assert not edge_bars("序号 | 任务 | 牵头单位")
    assert cells(" | 总分 | 100 |  | ") == ["总分", "100", ""]
    assert cells(" | 总分 | 100 |  | ", framed=False) == ["", "总分", "100", "", ""]
    assert cells("\t总分\t100\t\t", framed=False) == ["", "总分", "100", "", ""]
    assert cells("\t总分\t100\t\t") == ["总分", "100"]
