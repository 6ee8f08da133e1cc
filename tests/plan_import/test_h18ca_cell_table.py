"""Round h18ca (issue 18): a task table copied one cell a paragraph (渝中 2020, SOURCES.md
第二十九批) read as its form, on made-up text (other units, subjects, numbers, column orders).

The form: the header one word a paragraph, a column's name split over two (完成 / 时限,
牵头 / 单位), a column divided into periods whose sub-columns (一季度 … 四季度, 上半年 /
下半年) are written as a second header row, after the header's other words or right after
their column; each row's empty cells kept as empty paragraphs (more blank lines than between
two cells); 责任单位 beside 配合单位; a year alone in the 完成时限 cell; the page dated after
every deadline of the plan.
"""

from __future__ import annotations

from pathlib import Path

from test_h18bp_batch26 import _import, _roles  # a text file imported, a role's units

from helpers import tasks_by_id

EMPTY = ""
"""An empty cell: a paragraph of its own with nothing in it."""


def _page(*paragraphs: str) -> str:
    """The cells and lines of a page copied one a paragraph (a blank line between two)."""
    return "\n\n".join(paragraphs) + "\n"


def _task_table(title: str, *rows: tuple[str, ...]) -> str:
    """A page's task table one cell a paragraph: 序号, 工作任务, 责任单位, 配合单位, 完成时限."""
    header = ("序号", "工作任务", "责任单位", "配合单位", "完成时限")
    return _page(title, *header, *(cell for row in rows for cell in row))


QUARTERS = ("一季度", "二季度", "三季度", "四季度")
HEADER = ("序号", "试点任务", "具体举措", "工作进度目标", "责任单位", "配合单位", "完成", "时限")


def _sponge(page_date: str, year: str) -> str:
    """A made-up 海绵城市 table in 渝中 2020's form, its quarters after the header's words."""
    return _page(
        "某市“海绵城市”建设试点任务分解",
        f"日期: {page_date}",
        "某市“海绵城市”建设试点任务分解",
        *HEADER,
        *QUARTERS,
        "一、完善排水设施",
        "1",
        "改造雨污管网",
        "新建雨水管道10公里,同步改造老旧小区排水管网。",
        *[EMPTY] * 4,
        "市水务局",
        "市住房城乡建设局、市财政局",
        year,
        "2",
        "建设调蓄池3座,提升片区排涝能力。",
        *[EMPTY] * 4,
        "市水务局",
        "市生态环境局",
        year,
        "3",
        "整治积水点",
        "完成15处易涝点改造。",
        *[EMPTY] * 4,
        "市城市管理局",
        EMPTY,
        year,
        "4",
        "制定海绵城市建设项目管控办法。",
        *[EMPTY] * 4,
        "市自然资源局",
        "市水务局、市住房城乡建设局",
        year,
    )


def _numbered(result) -> dict[int, dict]:  # type: ignore[no-untyped-def]
    return {task["number"]: task for task in tasks_by_id(result).values()}


def test_a_cell_per_paragraph_table_with_quarter_sub_columns_reads_every_row(
    tmp_path: Path,
) -> None:
    """The quarters at the header's end are 工作进度目标's second row, no columns; the empty
    quarter cells are nothing; 责任单位 is responsible beside 配合单位 (not the lead); the
    year alone in the 完成时限 cell is that year."""
    result = _import(tmp_path, _sponge("2023-05-10", "2022"))
    tasks = _numbered(result)
    assert sorted(tasks) == [1, 2, 3, 4]  # the last row too, not the plan's closing
    assert _roles(tasks[1], "responsible") == ["市水务局"]
    assert _roles(tasks[1], "cooperate") == ["市住房城乡建设局", "市财政局"]
    assert _roles(tasks[1], "lead") == []
    assert _roles(tasks[4], "responsible") == ["市自然资源局"]
    assert _roles(tasks[4], "cooperate") == ["市水务局", "市住房城乡建设局"]
    for task in tasks.values():
        assert task["due"] == [{"kind": "period", "period": "2022", "as_written": "2022"}]


def test_an_empty_paragraph_in_a_row_is_an_empty_cell_not_the_cell_above(tmp_path: Path) -> None:
    """Row 2's 配合单位 is an empty paragraph: the row has none. A table with no mark of its
    empty cells shares the cell above (SOURCES.md 第二十二批: a merged cell written once); this
    one marks them (第二十九批: an empty cell adds nothing)."""
    text = _task_table(
        "某区垃圾分类工作任务分解",
        ("1", "推进垃圾分类示范小区建设。", "区城市管理局", "区住房城乡建设局", "2022年底前"),
        ("2", "开展垃圾分类进校园活动。", "区教育局", EMPTY, "2022年底前"),
        ("3", "建立餐厨垃圾收运台账。", "区市场监管局", "区城市管理局、区商务局", "2022年底前"),
    )
    tasks = _numbered(_import(tmp_path, text))
    assert _roles(tasks[2], "responsible") == ["区教育局"]
    assert _roles(tasks[2], "cooperate") == []
    assert _roles(tasks[3], "cooperate") == ["区城市管理局", "区商务局"]


def test_a_page_dated_after_every_deadline_is_not_the_plans_year(tmp_path: Path) -> None:
    """A topic column's page of 2023 holding a plan whose deadlines all fall in 2022: the plan
    was not issued after its work was due; its year is its deadlines'."""
    result = _import(tmp_path, _sponge("2023-05-10", "2022"))
    assert result.plan["period"]["start"].year == 2022


def test_a_page_dated_before_the_deadlines_keeps_its_year(tmp_path: Path) -> None:
    """Guard: a page of 2021 whose plan's work is due in 2022 gives the plan its year (h18a)."""
    result = _import(tmp_path, _sponge("2021-03-02", "2022"))
    assert result.plan["period"]["start"].year == 2021
    due = _numbered(result)[2]["due"]
    assert [(d["kind"], d["period"]) for d in due] == [("period", "2022")]


def test_half_year_sub_columns_right_after_their_column_and_a_split_lead_header(
    tmp_path: Path,
) -> None:
    """Another order: 上半年 / 下半年 right after 进度安排, 牵头 / 单位 split over two
    paragraphs, the 协同单位 column after it; no page date, so the year is the deadlines'."""
    text = _page(
        "某县农村人居环境整治任务清单",
        "序号",
        "重点任务",
        "进度安排",
        "上半年",
        "下半年",
        "牵头",
        "单位",
        "协同单位",
        "完成时限",
        "1",
        "推进农村厕所改造,新建户厕800座。",
        EMPTY,
        EMPTY,
        "县农业农村局",
        "县卫生健康局、各乡镇人民政府",
        "2021",
        "2",
        "开展村庄清洁行动,清理沟渠塘坝。",
        EMPTY,
        EMPTY,
        "县住房城乡建设局",
        "各乡镇人民政府",
        "2021",
        "3",
        "建立农村生活垃圾收运体系。",
        EMPTY,
        EMPTY,
        "县城市管理局",
        "县财政局",
        "2021",
    )
    result = _import(tmp_path, text)
    tasks = _numbered(result)
    assert sorted(tasks) == [1, 2, 3]
    assert _roles(tasks[1], "lead") == ["县农业农村局"]
    assert _roles(tasks[1], "cooperate") == ["县卫生健康局", "各乡镇人民政府"]
    assert _roles(tasks[3], "lead") == ["县城市管理局"]
    assert _roles(tasks[3], "cooperate") == ["县财政局"]
    assert tasks[2]["due"] == [{"kind": "period", "period": "2021", "as_written": "2021"}]
    assert result.plan["period"]["start"].year == 2021


def test_a_table_marking_no_empty_cells_still_shares_the_merged_cell(tmp_path: Path) -> None:
    """Guard (SOURCES.md 第二十二批): cells on lines of their own with no blank line between
    them, a row lacking its unit cell shares the one above (a merged cell written once)."""
    text = "\n".join(
        [
            "某镇重点工作任务分解",
            "序号",
            "工作任务",
            "责任单位",
            "完成时限",
            "1",
            "完成集镇道路改造。",
            "镇建设办",
            "2021年6月底前",
            "2",
            "完成集镇路灯更换。",
            "2021年9月底前",
            "3",
            "完成农贸市场提升。",
            "镇经济发展办",
            "2021年12月底前",
        ]
    )
    tasks = _numbered(_import(tmp_path, text + "\n"))
    assert _roles(tasks[2], "responsible") == ["镇建设办"]


def test_a_cell_wrapped_before_its_comma_stays_one_cell(tmp_path: Path) -> None:
    """A long cell broken where a page or PDF wrapped it, the second line starting with its
    comma (…非法行为 / ,关停非法堆放场所。): the same cell, not a unit's name (场所, 站 end
    as a unit's name does)."""
    text = _task_table(
        "某区扬尘治理任务分解",
        ("1", "开展砂石料运输专项整治,查处运输过程中的撒漏等非法行为", ",关停非法堆放场所。"),
        ("区交通运输局", "区公安分局、区生态环境局", "2022年底前"),
        ("2", "建立工地扬尘在线监测平台。", "区住房城乡建设局", "区生态环境局", "2022年底前"),
    )
    tasks = _numbered(_import(tmp_path, text))
    assert _roles(tasks[1], "responsible") == ["区交通运输局"]
    assert "关停非法堆放场所" in tasks[1]["text"]
