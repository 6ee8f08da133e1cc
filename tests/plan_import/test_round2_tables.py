"""Tables flattened to text, second round (issue 18, branch w-import-round2): cells separated by
blank lines, header words of 名称 and progress-report tables, a group row without 一、, a table
excerpt whose rows start at 24. Each form quoted from a tuned file of the corpus."""

from __future__ import annotations

from pathlib import Path

from duban.plan_import import import_file
from duban.plan_import.pdf_layout import table_text, visual_lines
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


def _chars(rows: list[tuple[float, list[tuple[float, str]]]]) -> list:
    """Characters 10 wide and 9 high at (left, middle) positions, as pdfium gives their boxes."""
    out = []
    for middle, segments in rows:
        for left, text in segments:
            for i, char in enumerate(text):
                x = left + 10 * i
                out.append((char, (x, middle - 4.5, x + 10, middle + 4.5)))
    return out


def test_a_pdf_tables_first_row_standing_lower_than_a_wrapped_line_is_still_a_row() -> None:
    # 霍山县开发区2025年重点工作及责任清单, .docx converted by LibreOffice: 24.8 points between
    # the header's line and the first row's, 12 between a cell's wrapped lines
    header = [
        (90, "序号"),
        (177, "重点工作"),
        (264, "责任领导"),
        (350, "责任单位"),
        (436, "完成时限"),
    ]
    lines, height = visual_lines(
        _chars(
            [
                (714.1, [(91, "2025年开发区重点工作及责任清单")]),
                (689.4, header),
                (
                    664.6,
                    [
                        (91, "1"),
                        (177, "坚持服务跟着"),
                        (264, "叶林"),
                        (350, "招商工作部、"),
                        (436, "全年"),
                    ],
                ),
                (652.5, [(177, "项目走优化"), (350, "安商工作部")]),
                (
                    628.0,
                    [
                        (91, "2"),
                        (177, "全力推进开发"),
                        (264, "马振明"),
                        (350, "改革办"),
                        (436, "全年"),
                    ],
                ),
            ]
        )
    )
    table = table_text(lines, height)
    assert table is not None
    assert table[2] == "| 1 | 坚持服务跟着项目走优化 | 叶林 | 招商工作部、安商工作部 | 全年 |"
    assert table[3].startswith("| 2 | 全力推进开发 | 马振明 | 改革办 |")


def test_a_progress_report_table_from_row_24_with_a_cell_left_out(tmp_path: Path) -> None:
    # 南通市崇川区2023年区政府重点民生实事项目推进情况(1-11月): | after each cell, one a line;
    # the rows leave the 全年目标任务 cell out, the cells after it move one column left
    header = ["序号", "主要任务", "全年目标任务", "分管 领导", "牵头 单位", "责任主体与协同单位"]
    header += ["1-10月推进情况", "1-11月推进情况", "是否达序", "说明"]
    rows = [
        ["24", "优化提升50条背街后巷交通组织。", "徐国江", "城管局", "市政局、相关街道"],
        ["25", "新增达标小区210个。", "徐国江", "城管局", "市政局、环卫处、各街道"],
    ]
    progress = ["已进场施工,完成30%。", "已进场施工,完成60%。", "是", "|"]
    lines = [f"{cell} |" for cell in header]
    for row in rows:
        lines += [f"{cell} |" for cell in [*row, *progress[:3]]] + [progress[3]]
    text = "2023年区政府重点民生实事项目推进情况(1-11月)\n" + "\n".join(lines) + "\n"
    tasks = _tasks(tmp_path, text)
    assert sorted(tasks) == ["24", "25"]
    assert tasks["24"]["roles"] == {"lead": ["城管局"], "responsible": ["市政局", "相关街道"]}
    assert [leader["name"] for leader in tasks["25"]["leaders"]] == ["徐国江"]


def test_the_column_words_of_the_corpus_conventions(tmp_path: Path) -> None:
    # SOURCES.md's conventions: “评分部门”记为 assess，“责任科室”（负责科室）记为 responsible;
    # a 计划完成时间 column is the deadline
    tasks = _tasks(
        tmp_path,
        "某县农业农村局2023年工作要点\n序号\n工作任务\n负责科室\n评分部门\n计划完成时间\n"
        "1\n开展农技培训。\n科教股\n县委组织部\n2023年6月底前\n"
        "2\n建立台账。\n办公室\n县委组织部\n2023年12月\n",
    )
    assert tasks["01"]["roles"] == {"responsible": ["科教股"], "assess": ["县委组织部"]}
    assert tasks["01"]["due"][0]["date"].isoformat() == "2023-06-30"
