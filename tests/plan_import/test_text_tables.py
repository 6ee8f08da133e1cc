"""任务分工表 flattened to plain text (issue 18, part 2): one cell a line, ``|`` rows, runs of
spaces, tabs; the header recognised by its words in any column order."""

from __future__ import annotations

import pytest

from duban.plan_import import import_file
from duban.plan_import.units import ImportOrg

HEAD = "某市2024年重点工作任务分工方案\n一、主要预期目标\n"

ONE_CELL_A_LINE = HEAD + (
    "序号\n工作任务\n牵头单位\n完成时限\n"
    "1\n地区生产总值增长6%左右。\n市发展改革委\n全年\n"
    "2\n一般公共预算收入增长5%。\n市财政局\n2024年12月底前\n"
)
BARS = HEAD + (
    "| 序号 | 重点任务 | 完成时限 | 牵头单位 |\n"
    "| 1 | 地区生产总值增长6%左右。 | 全年 | 市发展改革委 |\n"
    "| 2 | 一般公共预算收入增长5%。 | 2024年12月底前 | 市财政局 |\n"
)
SPACES = HEAD + (
    "序号    工作任务                      牵头单位        完成时限\n"
    "1       地区生产总值增长6%左右。      市发展改革委    全年\n"
    "2       一般公共预算收入增长5%。      市财政局        2024年12月底前\n"
)
TABS = HEAD + (
    "牵头单位\t序号\t工作任务\t完成时限\n"
    "市发展改革委\t1\t地区生产总值增长6%左右。\t全年\n"
    "市财政局\t2\t一般公共预算收入增长5%。\t2024年12月底前\n"
)


@pytest.mark.parametrize("text", [ONE_CELL_A_LINE, BARS, SPACES, TABS])
def test_a_flattened_table_becomes_tasks(tmp_path, text):
    source = tmp_path / "plan.txt"
    source.write_text(text, encoding="utf-8")
    result = import_file(source, ImportOrg(), "p")
    tasks = {t["id"]: t for t in result.tasks}
    # the table's 序号 number the rows under the chapter above it: 01, 02 in section 1 (SOURCES.md:
    # 有章标题行的表格, 嘉兴 2022; this made-up test expected 1-1 before h18af)
    assert list(tasks) == ["01", "02"], result.tasks
    assert [task["section"] for task in tasks.values()] == [1, 1]
    assert tasks["01"]["roles"] == {"lead": ["市发展改革委"]}
    assert tasks["01"]["text"].startswith("地区生产总值增长6%左右。")
    assert tasks["02"]["roles"] == {"lead": ["市财政局"]}
    assert tasks["02"]["due"][0]["date"].isoformat() == "2024-12-31"
    assert "任务分工表的 2 行" in result.reading
    assert result.accounting is not None and result.accounting.leftovers == []


def test_seven_columns_one_cell_a_line_with_a_row_on_one_line(tmp_path):
    text = HEAD + (
        "序号\n重点任务\n牵头领导\n牵头责任单位\n协同责任单位\n完成时限\n备注\n"
        "1\n地区生产总值增长6%左右。\n金力\n市发展改革委\n市统计局、各县、市、区政府\n全年\n季度调度\n"
        "2  一般公共预算收入增长5%。  姚志  市财政局  市税务局  2024年12月底前  无\n"
    )
    source = tmp_path / "plan.txt"
    source.write_text(text, encoding="utf-8")
    result = import_file(source, ImportOrg(), "p")
    tasks = {t["id"]: t for t in result.tasks}
    assert tasks["01"]["roles"] == {
        "lead": ["市发展改革委"],
        "cooperate": ["市统计局", "各县、市、区政府"],
    }
    assert tasks["02"]["roles"] == {"lead": ["市财政局"], "cooperate": ["市税务局"]}
    assert [f.what for f in result.leaders] == ["金力", "姚志"]
    assert "季度调度" in tasks["01"]["text"]
    assert result.accounting is not None and result.accounting.leftovers == []


def test_headers_with_spaces_bars_after_cells_and_single_spaces(tmp_path):
    one_cell = HEAD + (
        "序号 |\n重点工作 |\n责任领导 |\n牵头 单位 |\n完成时限 |\n"
        "1 |\n地区生产总值增长6%左右。 |\n叶林 |\n市发展改革委 |\n全年 |\n"
    )
    spaces = HEAD + (
        "序号 类别 主要任务 细化措施 牵头单位 参与单位\n"
        "1 经济 地区生产总值增长6%左右。 强化调度 市发展改革委 市统计局\n"
    )
    for number, text in enumerate([one_cell, spaces]):
        source = tmp_path / f"plan-{number}.txt"
        source.write_text(text, encoding="utf-8")
        result = import_file(source, ImportOrg(), "p")
        assert result.tasks[0]["roles"]["lead"] == ["市发展改革委"], result.tasks
        assert "地区生产总值增长6%左右。" in result.tasks[0]["text"]
