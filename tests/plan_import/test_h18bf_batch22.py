"""Round h18bf (issue 18): the twenty-second batch opened and its forms read generally.

The batch (tests/fixtures/import/corpus/, SOURCES.md 第二十二批) is a county bureau's target table
flattened one cell a line with merged cells (略阳 2019), a city bureau's division table one cell
a paragraph with unnumbered group cells and one unit cell for several paragraphs (中山 2021), and
a provincial department's extract of the province's task list with sparse numbers and a lone
sub-item (江苏 2007). Each form is tested here on made-up text (other units, subjects, numbers),
so that the form is read, not the file's strings.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from duban.plan_import import import_file
from duban.plan_import.cell_rows import cell_type, column_kind
from duban.plan_import.clauses import find_clause
from duban.plan_import.column_names import header_word
from duban.plan_import.role_cells import role_cell
from duban.plan_import.unit_names import name_pieces
from duban.plan_import.units import ImportOrg
from helpers import tasks_by_id


def _import(tmp_path: Path, text: str) -> dict[str, dict]:
    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    return tasks_by_id(import_file(path, ImportOrg(), "p", None))


def _roles(task: dict, role: str = "responsible") -> list[str]:
    return list(task.get("roles", {}).get(role, []))


def _dates(task: dict) -> list[dt.date]:
    return [due["date"] for due in task.get("due", []) if due.get("kind") == "date"]


def _leaders(task: dict) -> list[str]:
    return [leader["name"] for leader in task.get("leaders", [])]


# --- 1. one cell a line, merged cells written once (略阳 2019) ---

MERGED_CELLS = """2021年度县水务工作目标任务分解表
序号
指标
工作任务
完成时限
责任领导
责任股室
(单位)
备注
1
农村供水
新建集中供水工程3处,改造老旧管网20公里。
11月底前
韩立新
水利股
水管站
2
全年开展农村饮用水水质检测不少于12次。
农水股
水保站
3
完成千人以上水源地保护范围划定。
4
河湖管理
开展河道清障专项行动2次以上。
河道所
5
防汛抗旱
修订县级防汛抗旱应急预案。
6月底前
林 涛
防汛办
6
完成防汛物资储备和抢险队伍培训。
"""


def test_made_up_merged_cells_run_until_their_column_shows_one(tmp_path: Path) -> None:
    tasks = _import(tmp_path, MERGED_CELLS)
    assert sorted(tasks) == ["01", "02", "03", "04", "05", "06"]
    assert _roles(tasks["01"]) == ["水利股", "水管站"]
    assert _roles(tasks["02"]) == ["农水股", "水保站"]
    assert _roles(tasks["03"]) == ["农水股", "水保站"]  # the unit cell of rows 2–3
    assert _roles(tasks["04"]) == ["河道所"]
    assert _roles(tasks["06"]) == ["防汛办"]
    for key in ("01", "02", "03", "04"):  # 11月底前 and 韩立新 span rows 1–4
        assert _dates(tasks[key]) == [dt.date(2021, 11, 30)], key
        assert _leaders(tasks[key]) == ["韩立新"], key
    for key in ("05", "06"):
        assert _dates(tasks[key]) == [dt.date(2021, 6, 30)], key
        assert _leaders(tasks[key]) == ["林涛"], key


def test_the_review_names_the_rows_sharing_a_merged_cell(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_text(MERGED_CELLS, encoding="utf-8")
    reading = import_file(path, ImportOrg(), "p", None).reading
    # rows 2–4 share row 1's deadline and leader (2 has its own units), 6 row 5's; 5 is whole
    assert (
        "4 行缺少的责任单位、完成时限或领导格按合并单元格与相邻一行共用（第 2、3、4、6 行）"
        in reading
        or "4 rows lacking a unit, deadline or leader cell share the merged cell of the row "
        "beside them (rows 2, 3, 4, 6)"
        in reading
    )


def test_a_work_sentence_counting_its_year_round_is_no_deadline() -> None:
    assert cell_type("全年开展农村饮用水水质检测不少于12次。") == "text"
    assert cell_type("全年组织送戏下乡演出不少于80场。") == "text"
    assert cell_type("全年") == "date"  # a deadline cell still
    assert cell_type("12月底前") == "date"
    assert cell_type("6月底前完成主体工程。") == "date"


def test_a_short_cell_is_a_person_by_a_surname_or_a_space() -> None:
    assert cell_type("广电") == "text"  # a group's name, merged over its rows
    assert cell_type("水利") == "text"
    assert cell_type("韩立") == "person" and cell_type("林 涛") == "person"
    assert cell_type("韩立新") == "person"
    assert cell_type("民研会") == "unit"  # a 研究会, abbreviated


def test_the_column_words_with_a_bracketed_note() -> None:
    assert column_kind("责任股室(单位)") == "responsible"
    assert column_kind("落实科室（部门）") == "responsible"
    assert header_word("落实科室(部门)") == "落实科室"
    assert header_word("责任股室（单位）") == "责任股室"
    assert header_word("(单位)") == "(单位)"  # a note alone stays what it is


def test_a_group_of_the_body_own_subordinates() -> None:
    assert name_pieces("各股室、局属事业单位") == ["各股室、局属事业单位"]
    assert name_pieces("各科室、直属单位") == ["各科室、直属单位"]
    assert name_pieces("各科室、县档案馆") == ["各科室", "县档案馆"]  # a named body after it


# --- 2. one cell a paragraph, group cells, one unit cell for several paragraphs (中山 2021) ---

PARAGRAPH_CELLS = """某市统计局2022年政务公开工作要点分工方案

工作任务

具体要求

落实科室(部门)

做好统计数据发布

1.按时发布全市主要统计指标数据和统计公报。

综合科、各专业科室按职责分工落实

2.做好统计数据解读,回应社会关切。

办公室

做好统计执法信息公开

3.公开统计执法检查计划和检查结果。

4.定期公布统计严重失信企业名单。

5.及时公开统计违法案件查处情况。

法规科、执法支队按职责分工落实
"""


def test_made_up_paragraph_cells_share_the_unit_cell_after_them(tmp_path: Path) -> None:
    tasks = _import(tmp_path, PARAGRAPH_CELLS)
    assert sorted(tasks) == ["01", "02", "03", "04", "05"]
    assert _roles(tasks["01"]) == ["综合科", "各专业科室"]
    assert _roles(tasks["02"]) == ["办公室"]
    for key in ("03", "04", "05"):
        assert _roles(tasks[key]) == ["法规科", "执法支队"], key


def test_paragraph_cells_numbered_with_wide_digits_or_a_small_stop(tmp_path: Path) -> None:
    for one, dot in (("１", "．"), ("1", "﹒")):
        wide = str.maketrans("12345", "１２３４５") if one == "１" else str.maketrans("", "")
        text = PARAGRAPH_CELLS
        for n in "12345":
            text = text.replace(f"\n{n}.", f"\n{n.translate(wide)}{dot}")
        tasks = _import(tmp_path, text)
        assert sorted(tasks) == ["01", "02", "03", "04", "05"], (one, dot)
        assert _roles(tasks["04"]) == ["法规科", "执法支队"], (one, dot)


def test_a_unit_cell_carried_out_by_division_of_duties() -> None:
    cell = "法规科、执法支队按职责分工落实"
    assert role_cell(cell) and cell_type(cell) == "unit"  # the row's units, not its text
    clause = find_clause(f"（{cell}）")
    assert clause is not None
    assert clause.roles == {"responsible": ["法规科", "执法支队"]}


# --- 3. a department's extract: sparse numbers under chapters, a lone sub-item (江苏 2007) ---

EXTRACT = """某省卫生厅文件
各处室、直属单位:
现将省政府2023年工作任务中涉及我厅的任务分解如下,请抓好落实。
2023年2月10日
对省政府2023年工作任务中涉及我厅任务的分解方案
一、目标分解
3.人均预期寿命提高0.2岁。 (规划处、疾控处)
6.婴儿死亡率控制在4‰以下。 (妇幼处)
二、任务分解
(三)提升基层服务能力。
21.实施基层医疗卫生服务提升工程。省安排补助资金8亿元。
(4)村卫生室标准化建设。新建标准化村卫生室300个。(基层处)
24.推进紧密型县域医共体建设,覆盖60个县。 (体改处、基层处)
"""


def test_made_up_extract_keeps_its_sparse_numbers_and_lone_part(tmp_path: Path) -> None:
    tasks = _import(tmp_path, EXTRACT)
    assert sorted(tasks) == ["03", "06", "21", "24"]
    assert [tasks[key]["section"] for key in ("03", "06", "21", "24")] == [1, 1, 2, 2]
    assert _roles(tasks["03"]) == ["规划处", "疾控处"]
    assert _roles(tasks["06"]) == ["妇幼处"]  # not swallowed by 3
    assert [item["id"] for item in tasks["21"]["items"]] == ["4"]
    assert _roles(tasks["21"]["items"][0]) == ["基层处"]
    assert _roles(tasks["24"]) == ["体改处", "基层处"]
