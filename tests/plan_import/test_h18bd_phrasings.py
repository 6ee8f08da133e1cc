"""The roles as offices phrase them (issue 18, thirty-fifth round, branch h18bd): each test a
made-up plan in one of the phrasings tests/plan_import/role_phrasings.py writes (the cell of the
matrix that broke on main, reduced), and a last test that runs a fixed part of the matrix itself,
so that no phrasing it reads can regress silently. Every text is made up; the forms are the
corpus's (role_phrasing_forms.py cites where each occurs)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from role_phrasings import broken, cell, matrix, run

from duban.plan_import.clauses import find_clause
from helpers import import_whole, swept

pytestmark = pytest.mark.usefixtures("chinese")

HEAD = "2023年优化营商环境重点任务分工方案\n\n为进一步优化营商环境，现将重点任务分工如下。\n\n"
FOOT = "\n\n各责任单位要高度重视，确保各项任务按期完成。\n\n市人民政府办公室\n2023年3月15日\n"


def _tasks(result) -> dict[str, dict]:  # type: ignore[no-untyped-def]
    return {task["id"]: task for task in result.tasks}


# --- label lines under the last item, then a blank line and the closing ----------------------

LABEL_LINES = (
    HEAD + "1.深化“一网通办”改革。\n牵头单位：市政务服务中心\n配合单位：市财政局\n"
    "2.开展涉企收费专项清理。\n牵头单位：市市场监管局\n配合单位：市税务局" + FOOT
)


def test_the_closing_after_a_blank_line_is_no_unit_of_the_last_label(tmp_path: Path) -> None:
    result = import_whole(tmp_path, LABEL_LINES)
    last = _tasks(result)["02"]
    assert last["roles"] == {"lead": ["市市场监管局"], "cooperate": ["市税务局"]}
    assert all(due.get("id") == "unwritten" for due in last["due"])  # not the 落款's date
    assert "高度重视" not in last["text"] and "高度重视" in result.plan["closing"]


@pytest.mark.parametrize("traditional", [False, True])
def test_a_label_after_a_blank_line_is_still_the_last_items(
    tmp_path: Path, traditional: bool
) -> None:
    """沈阳 2026 writes a blank line between an item's label lines: the next label is the item's
    (配合單位 in traditional characters too)."""
    text = LABEL_LINES.replace("牵头单位：市市场监管局\n", "牵头单位：市市场监管局\n\n")
    if traditional:
        text = text.replace("配合单位", "配合單位")
    last = _tasks(import_whole(tmp_path, text))["02"]
    assert last["roles"] == {"lead": ["市市场监管局"], "cooperate": ["市税务局"]}


def test_a_deadline_label_after_a_blank_line_is_still_the_last_items(tmp_path: Path) -> None:
    """厦门 2019 (every line a paragraph), saved with the page's 【打印本页】 below it."""
    text = (
        HEAD + "（一）深化“一网通办”改革。\n\n责任单位：市政务服务中心\n\n时限要求：持续推进\n\n"
        "（二）开展涉企收费专项清理。\n\n责任单位：市市场监管局\n\n时限要求：持续推进\n\n"
        "【打印本页】 【关闭窗口】\n"
    )
    last = _tasks(import_whole(tmp_path, text, 2023))["02"]
    assert last["roles"] == {"responsible": ["市市场监管局"]}
    assert last["due"][0]["kind"] == "ongoing" and "id" not in last["due"][0]


# --- 由X会同A、B负责: X leads, A and B cooperate (SOURCES.md, the thirteenth batch) -------------


@pytest.mark.parametrize(
    "text",
    [
        "开展涉企收费专项清理（由市发展改革委会同市财政局、市税务局负责）。",
        "开展涉企收费专项清理。（由市发展改革委会同市财政局、市税务局负责，2023年6月底前完成）",
        "开展涉企收费专项清理。由市发展改革委会同市财政局、市税务局负责，长期坚持。",
    ],
)
def test_by_x_together_with_a_in_a_bracket_or_a_closing_sentence(text: str) -> None:
    clause = find_clause(text)
    assert clause is not None
    assert clause.roles == {"lead": ["市发展改革委"], "cooperate": ["市财政局", "市税务局"]}


def test_together_with_keeps_the_plans_characters() -> None:
    clause = find_clause("開展涉企收費專項清理（由市發展改革委會同市財政局、市稅務局等部門負責）。")
    assert clause is not None
    assert clause.roles == {"lead": ["市發展改革委"], "cooperate": ["市財政局", "市稅務局"]}


def test_together_with_ten_units(tmp_path: Path) -> None:
    units = "、".join(f"市第{n}局" for n in "一二三四五六七八九十")
    text = HEAD + f"1.开展涉企收费专项清理（由市发展改革委会同{units}负责）。" + FOOT
    task = _tasks(import_whole(tmp_path, text))["01"]
    assert task["roles"]["lead"] == ["市发展改革委"]
    assert len(task["roles"]["cooperate"]) == 10 and "responsible" not in task["roles"]


def test_a_traditional_conjunction_joins_two_units() -> None:
    """與 is 与 (吉林 2014 writes its labels in traditional characters)."""
    clause = find_clause(
        "開展涉企收費專項清理（牽頭單位：市發展改革委；協同單位：市財政局與市稅務局）。"
    )
    assert clause is not None
    assert clause.roles == {"lead": ["市發展改革委"], "cooperate": ["市財政局", "市稅務局"]}


# --- A、B分别牵头。/ A指导，B负责落实。 closing an item --------------------------------------


def test_each_leads_in_a_closing_sentence(tmp_path: Path) -> None:
    text = (
        HEAD
        + "（一）深化“一网通办”改革（2023年12月底前）。市交通委（市道运局）、市财政局分别牵头。\n"
        "（二）开展涉企收费专项清理（2023年12月底前）。市市场监管局及市税务局分别牵头。" + FOOT
    )
    tasks = _tasks(import_whole(tmp_path, text))
    assert [t["roles"] for t in tasks.values()] == [
        {"lead": ["市交通委（市道运局）", "市财政局"]},
        {"lead": ["市市场监管局", "市税务局"]},
    ]
    assert all(t["due"][0]["date"] == dt.date(2023, 12, 31) for t in tasks.values())


def test_guidance_in_a_closing_sentence(tmp_path: Path) -> None:
    text = (
        HEAD + "1.深化“一网通办”改革。市发展改革委指导，市政务服务中心负责落实。\n"
        "2.开展涉企收费专项清理。市金融办指导，市市场监管局负责落实。" + FOOT
    )
    tasks = _tasks(import_whole(tmp_path, text))
    assert tasks["01"]["roles"] == {
        "supervise": ["市发展改革委"],
        "responsible": ["市政务服务中心"],
    }
    assert tasks["02"]["roles"] == {"supervise": ["市金融办"], "responsible": ["市市场监管局"]}


# --- a fixed part of the matrix ---------------------------------------------------------------


@pytest.mark.parametrize("part", swept(list(range(8)), [0]))
def test_a_fixed_part_of_the_phrasing_matrix_reads_right(part: int) -> None:
    """Every eighth cell of role_phrasings.py's matrix (about 170 plans, every placement,
    phrasing, list of units, separator, order, deadline and numbering among them); the other
    seven eighths in the sweep (CI's ``pytest --sweeps -m sweep``), so CI reads the whole matrix."""
    chosen = [values for number, values in enumerate(matrix()) if number % 8 == part]
    assert {v["placement"] for v in chosen} >= {"label-lines", "sentence", "chapter-lead"}
    cells = run([], cells=[cell(v) for v in chosen])
    assert [c.name for c in cells if broken(c)] == []
