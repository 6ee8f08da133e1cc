"""Round 23 (branch h18ai, issue 18): the general forms behind the differences of the sixteenth
batch, opened on this branch. Each with a few lines of the real text (file named) and a variant
written here that the same code must also read (other units, other numbers, other order)."""

from __future__ import annotations

from pathlib import Path

from duban.plan_import.row_cells import role_parts
from helpers import import_whole, tasks_by_id

# --- a table row whose merged cells the page left out: its cells under their columns ----------

# guangdong-province-2021-weijian-zwgk-taizhang-pipe-huiban.txt (第十六批 oracle: 02 疾控处
# responsible, ongoing; 03 宣传处 lead, 办公室 cooperate, 2021-08-31; 04 规划信息处(爱卫办)).
GUANGDONG = (
    "2021 年政务公开工作重点任务台账 |\n"
    "序号 | 工作任务 | 细化分工 | 责任处室 | 完成时限 | 备注 |\n"
    "1 | 做好常态化疫情防控信息发布 | "
    "重点围绕散发疫情、隔离管控、流调溯源、精准防控等发布权威信息 | "
    "应急处、监督处、医政医管处、疾控处、基层处等按职责分工落实 | 长期推进 |\n"
    "|\n"
    "2 | 扎实做好疫苗接种信息公开和舆论引导工作 | 疾控处 | 长期推进 |\n"
    "|\n"
    "3 | 提高新冠肺炎疫情信息发布规范化水平,强化政府内部信息整合 | "
    "宣传处会办公室 | 2021年8月前 |\n"
    "|\n"
    "4 | 做好爱国卫生运动、健康中国行动、健康广东行动的信息发布工作 | "
    "规划信息处(爱卫办) | 长期推进 |\n"
    "|\n"
)


def test_a_short_row_puts_its_unit_and_time_under_their_columns(tmp_path: Path) -> None:
    tasks = tasks_by_id(import_whole(tmp_path, GUANGDONG, 2021))
    assert tasks["02"]["roles"] == {"responsible": ["疾控处"]}
    assert [d["kind"] for d in tasks["02"]["due"]] == ["ongoing"]
    assert tasks["03"]["roles"] == {"lead": ["宣传处"], "cooperate": ["办公室"]}
    assert [str(d["date"]) for d in tasks["03"]["due"]] == ["2021-08-31"]
    assert tasks["04"]["roles"] == {"responsible": ["规划信息处(爱卫办)"]}
    assert tasks["01"]["roles"]["responsible"][0] == "应急处"  # a full row stays as it was


def test_a_made_up_short_row_with_other_columns(tmp_path: Path) -> None:
    """Made up: a unit column before the time, a 备注 last, rows of four and three cells."""
    text = (
        "序号 | 重点工作 | 具体措施 | 牵头部门 | 完成时间 | 备注 |\n"
        "1 | 推进一网通办 | 梳理事项清单 | 县数据局 | 2023年6月底前 | |\n"
        "2 | 完善便民服务网点布局 | 县民政局 | 2023年12月底前 |\n"
        "3 | 开展营商环境评价 | 县发改局 | 持续推进 |\n"
    )
    tasks = tasks_by_id(import_whole(tmp_path, text, 2023))
    assert tasks["02"]["roles"] == {"lead": ["县民政局"]}
    assert [str(d["date"]) for d in tasks["02"]["due"]] == ["2023-12-31"]
    assert tasks["03"]["roles"] == {"lead": ["县发改局"]}
    assert [d["kind"] for d in tasks["03"]["due"]] == ["ongoing"]


def test_x_with_y_in_a_cell_of_units_leads_and_cooperates() -> None:
    assert role_parts("responsible", "宣传处会办公室") == ["牵头单位：宣传处", "配合单位：办公室"]
    assert role_parts("responsible", "市发改委会同市财政局、市统计局") == [
        "牵头单位：市发改委",
        "配合单位：市财政局、市统计局",
    ]
    assert role_parts("responsible", "規劃處會辦財務處") == ["牵头单位：規劃處", "配合单位：財務處"]
    # a name that ends in 会 is no verb: 管委会, 总工会 stay names of the column
    assert role_parts("responsible", "集聚区管委会,市科技局") == ["责任单位：集聚区管委会,市科技局"]
    assert role_parts("responsible", "市总工会、团市委") == ["责任单位：市总工会、团市委"]
    assert role_parts("lead", "宣传处会办公室") == ["牵头单位：宣传处会办公室"]


# --- a page's metadata table with letter-spaced labels: chrome, its 名称 the title -------------

# guangdong-province-2021-weijian-zwgk-taizhang-pipe-huiban.txt (the title was 「索 引 号:」).
GUANGDONG_HEAD = (
    "索 引 号:\n"
    "发布机构: 广东省卫生健康委员会\n"
    "名 称: 广东省卫生健康委2021年政务公开工作重点任务台账\n"
    "分 类: 其他;通知;卫生、体育\n"
    "发文日期: 2021年03月16日\n"
    "文 号:\n"
)


def test_letter_spaced_page_labels_are_chrome_and_the_name_is_the_title(tmp_path: Path) -> None:
    result = import_whole(tmp_path, GUANGDONG_HEAD + GUANGDONG, None)
    assert result.plan["title"] == "广东省卫生健康委2021年政务公开工作重点任务台账"
    assert result.plan["sections"][0]["title"] == result.plan["title"]  # no 索 引 号 heading
    assert result.plan["period"]["start"].year == 2021  # the 发文日期 set aside still dates it


def test_a_made_up_head_with_ideographic_spaces(tmp_path: Path) -> None:
    """Made up: other labels, ideographic spaces, a 文号 with a number kept in the text."""
    head = (
        "索\u3000引\u3000号: 11330100/2022-00031\n"
        "主题分类: 民政\n"
        "标　题: 某县民政局2022年重点工作任务台账\n"
        "分\u3000类: 工作计划\n"
        "文 号:\n"
    )
    table = (
        "序号 | 工作任务 | 责任科室 | 完成时限 |\n"
        "1 | 完善养老服务体系 | 养老服务科 | 2022年12月底前 |\n"
        "2 | 推进社会救助改革 | 社会救助科 | 2022年10月底前 |\n"
    )
    result = import_whole(tmp_path, head + table, None)
    assert result.plan["title"] == "某县民政局2022年重点工作任务台账"
    assert [t["roles"] for t in result.tasks] == [
        {"responsible": ["养老服务科"]},
        {"responsible": ["社会救助科"]},
    ]
