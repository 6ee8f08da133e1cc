"""Tables flattened to text, second round (issue 18, branch w-import-round2): cells separated by
blank lines, header words of 名称 and progress-report tables, a group row without 一、, a table
excerpt whose rows start at 24. Each form quoted from a tuned file of the corpus."""

from __future__ import annotations

from pathlib import Path

from duban.plan_import import import_file
from duban.plan_import.units import ImportOrg


def _tasks(tmp_path: Path, text: str) -> dict[str, dict]:
    source = tmp_path / "plan.txt"
    source.write_text(text, encoding="utf-8")
    return {t["id"]: t for t in import_file(source, ImportOrg(), "p").tasks}


def test_cells_one_a_line_with_blank_lines_between_them(tmp_path: Path) -> None:
    # 嘉兴市2023年政府工作报告重点工作责任分解 (嘉政办发〔2023〕7号), as the web page copies it
    tasks = _tasks(
        tmp_path,
        "2023年政府工作报告重点工作责任分解\n\n序号\n\n主 要 工 作 任 务\n\n责任单位\n\n"
        "1\n\n地区生产总值增长6%左右。\n\n市发展改革委\n\n"
        "2\n\n一般公共预算收入增长5%。\n\n市财政局\n",
    )
    assert sorted(tasks) == ["01", "02"]
    assert tasks["02"]["roles"] == {"responsible": ["市财政局"]}
    assert tasks["01"]["text"].startswith("地区生产总值增长6%左右。")


def test_a_name_column_and_a_group_row_without_a_numeral(tmp_path: Path) -> None:
    # 苏州市2011年政府工作报告重点工作分解 (苏府〔2011〕57号)
    tasks = _tasks(
        tmp_path,
        "苏州市2011年重点工作分解\n序号\n\n名称\n\n工作任务\n\n主要责任单位\n\n"
        "经济社会发展主要预期目标分解(15项)\n\n1\n\n地区生产总值\n\n地区生产总值增长12%\n\n"
        "市发改委、统计局\n\n2\n\n财政收入\n\n地方财政一般预算收入增长12%以上\n\n"
        "市财政局、国税局、地税局\n",
    )
    assert sorted(tasks) == ["01", "02"]
    assert tasks["02"]["roles"] == {"responsible": ["市财政局", "国税局", "地税局"]}
    assert "地区生产总值增长12%" in tasks["01"]["text"]
    assert "预期目标分解" not in tasks["01"]["text"]  # the group row is no task's text
