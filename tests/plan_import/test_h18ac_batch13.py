"""The thirteenth batch opened (branch h18ac, issue 18): the forms its nine files use that the
importer missed, each with a line or two of the real text (file named) and a variant written
here that the same code must also read (another numbering, other labels)."""

from __future__ import annotations

import re

from duban.plan_import.group_cell_rows import group_cell_rows
from helpers import import_whole, tasks_by_id

# guangdong-jiangmen-undated-tuchu-zwgk-pipe-numbered-groups.txt (the first six rows)
JIANGMEN = (
    "工作任务 | 具体要求 | 责任部门 |\n"
    "一、做好财政信息公开。 | 1.积极推进本中心预算、决算及相关报表公开。 | 财务科 |\n"
    "二、做好政府网站专栏信息公开。 | 2.及时更新网站频道的各类型概况信息。 | 办公室 |\n"
    "3.及时反馈网民对调查征集信息的意见。 | 各科室 | |\n"
    "4.及时更新微信公众号信息。 | 办公室牵头,各科室配合 | |\n"
    "三、持续加强重大政策发布解读。 | 5.聚焦我中心工作,切实加强重大政策实施的发布解读。"
    " | 各科室 |\n"
)


def test_merged_numbered_group_cells_are_chapters(tmp_path) -> None:
    """江门 (土地储备中心): a merged 一、 group cell on its group's first row only, the rows
    below it moved left; the 1.–5. running on across the groups keep two-digit ids."""
    tasks = tasks_by_id(import_whole(tmp_path, JIANGMEN))
    assert list(tasks) == ["01", "02", "03", "04", "05"]
    assert [tasks[i]["section"] for i in tasks] == [1, 2, 2, 2, 3]
    assert tasks["01"]["roles"] == {"responsible": ["财务科"]}
    assert tasks["03"]["roles"] == {"responsible": ["各科室"]}
    assert tasks["04"]["roles"] == {"lead": ["办公室"], "cooperate": ["各科室"]}


def test_a_row_with_only_its_item_shares_the_unit_cell_above(tmp_path) -> None:
    """江门 (文化广电旅游体育局): ``2.…… |`` with no unit cell: its cell was merged with the
    row above's (guangdong-jiangmen-undated-wenguang-zwgk-pipe-merged-unit-rows.txt)."""
    text = (
        "工作任务 | 具体要求 | 责任部门 |\n"
        "一、做好各类规划主动公开。 | 1.主动公开“十四五”规划纲要、各项规划、政策解读等相关信息。"
        " | 办公室牵头,其他股室及属下单位配合 |\n"
        "2.做好“十一五”规划至“十三五”规划等各项规划的归集整理和主动公开工作。 |\n"
        "二、做好市场规则标准和监管执法信息公开。 | "
        "3.及时公开建设高标准市场体系行动方案的落实举措。"
        " | 广电旅游和公共服务股(行政审批服务股) |\n"
        "4.加强行政执法信息公开。 | 市场执法股 |\n"
    )
    tasks = tasks_by_id(import_whole(tmp_path, text))
    assert list(tasks) == ["01", "02", "03", "04"]
    assert tasks["02"]["roles"] == tasks["01"]["roles"]
    assert tasks["01"]["roles"]["lead"] == ["办公室"]
    assert tasks["04"]["roles"] == {"responsible": ["市场执法股"]}


def test_group_cells_variant_brackets_lead_and_deadline_columns(tmp_path) -> None:
    """Made up: （一） group cells, 1、 items, a 牵头单位 and a 完成时限 column."""
    text = (
        "重点任务 | 工作内容 | 牵头单位 | 完成时限 |\n"
        "（一）优化政务服务。 | 1、推进一网通办，实现群众办事少跑腿。 | 县政务服务中心"
        " | 2023年6月底前 |\n"
        "2、压减审批时限，提高审批效率。 | 县发展改革局 | 2023年9月底前 | |\n"
        "（二）强化监管执法。 | 3、开展双随机抽查，规范执法行为。 | 县市场监管局 | 2023年底前 |\n"
        "4、公开执法结果。 |\n"
    )
    tasks = tasks_by_id(import_whole(tmp_path, text, 2023))
    assert [tasks[i]["section"] for i in tasks] == [1, 1, 2, 2]
    assert [tasks[i]["roles"] for i in tasks] == [
        {"lead": ["县政务服务中心"]},
        {"lead": ["县发展改革局"]},
        {"lead": ["县市场监管局"]},
        {"lead": ["县市场监管局"]},
    ]
    assert tasks["02"]["due"][0]["as_written"] == "2023年9月底前"


def test_group_cells_need_numbers_running_on() -> None:
    """Items whose numbers start again in each group are not this form (the rows are not
    told apart by a number running on)."""
    text = JIANGMEN.replace("2.及时更新", "1.及时更新").replace("3.及时反馈", "2.及时反馈")
    assert group_cell_rows(text) is None


# national-guobanhan-2014-trad-huitong-index-header.txt
GUOBAN = (
    "國務院辦公廳關於落實有關政策措施分工的通知\n\n  一、工作分工\n"
    "  (一)關於“確保穀物基本自給、口糧絕對安全”的問題,由發展改革委會同中央農辦、農業部、財政部、"
    "糧食局等部門研究提出落實意見。\n"
    "  (二)關於“嚴守耕地保護紅線,劃定永久基本農田”的問題,由國土資源部會同農業部等部門負責落實。\n"
)


def test_units_that_work_out_how_to_carry_it_out(tmp_path) -> None:
    """國辦函〔2014〕31號: 由X會同A、B等部門研究提出落實意見 names the units of the task (was no
    assignment, the task lost)."""
    tasks = tasks_by_id(import_whole(tmp_path, GUOBAN, 2014))
    assert list(tasks) == ["1-1", "1-2"]
    # h18ak: the names as the page writes them (traditional), not folded (clauses.py: names
    # keep the plan's characters; the folded names came from the 由… reading's matching copy)
    assert tasks["1-1"]["roles"]["lead"] == ["發展改革委"]
    assert tasks["1-1"]["roles"]["cooperate"] == ["中央農辦", "農業部", "財政部", "糧食局"]
    assert tasks["1-2"]["roles"]["cooperate"] == ["農業部"]


def test_units_that_work_out_measures_variant(tmp_path) -> None:
    """Made up: 1. numbering, simplified characters, 研究提出具体实施办法."""
    text = (
        "某省2023年政策措施分工方案\n\n一、工作分工\n"
        "1.关于完善粮食收储制度的问题，由省发展改革委会同省财政厅研究提出具体实施办法。\n"
        "2.关于耕地保护的问题，由省自然资源厅负责落实。\n"
    )
    tasks = tasks_by_id(import_whole(tmp_path, text, 2023))
    assert tasks["1-1"]["roles"]["lead"] == ["省发展改革委"]
    assert tasks["1-1"]["roles"]["cooperate"] == ["省财政厅"]
    assert tasks["1-2"]["roles"]["responsible"] == ["省自然资源厅"]


def test_the_assessed_year_of_a_rectification_plan_is_not_its_year(tmp_path) -> None:
    """射箭乡 (sichuan-zhaohua-shejian-2018-…): 《2017年度脱贫攻坚成效考核反馈问题整改实施方案》,
    published 2018-09-05: the plan is 2018's (the page's date), 2017 is the year assessed."""
    text = (
        "2017年度脱贫攻坚成效考核反馈问题整改实施方案\n\n"
        "发布机构: 广元市昭化区射箭乡人民政府 发布时间: 2018-09-05\n\n"
        "一、整改内容\n"
        "1.将脱贫人口指标集中安排给当年计划退出村。(牵头单位:乡扶贫办;责任单位:各村支部)\n"
        "2.开展贫困户动态管理。(牵头单位:乡扶贫办;责任单位:各村支部)\n"
    )
    result = import_whole(tmp_path, text)
    assert result.plan["period"]["start"].year == 2018


def test_the_audited_year_variant(tmp_path) -> None:
    """Made up: 关于2021年审计发现问题的整改方案, signed 2022: 2022; a plan named for its own year
    (2022年整改工作方案) keeps it."""
    body = (
        "\n\n一、整改任务\n1.规范专项资金管理。（责任单位：县财政局）\n"
        "2.完善项目档案。（责任单位：县发展改革局）\n\n某县人民政府办公室\n{signed}\n"
    )
    audited = "关于2021年审计发现问题的整改方案" + body.format(signed="2022年3月1日")
    assert import_whole(tmp_path, audited).plan["period"]["start"].year == 2022
    own = "某县2022年整改工作方案" + body.format(signed="")
    assert import_whole(tmp_path, own).plan["period"]["start"].year == 2022


def test_unnumbered_group_cells_are_no_chapters(tmp_path) -> None:
    """Made up from 江门's table: group cells without 一、 are no chapters (第十一批 rule); their
    words stay after their first item, the rows moved left are still items."""
    text = re.sub(r"^[一二三]、", "", JIANGMEN, flags=re.M)
    tasks = tasks_by_id(import_whole(tmp_path, text))
    assert list(tasks) == ["01", "02", "03", "04", "05"]
    assert "（做好财政信息公开。）" in tasks["01"]["text"]
    assert tasks["03"]["roles"] == {"responsible": ["各科室"]}


def test_group_cells_between_tabs_with_wide_digits(tmp_path) -> None:
    """Made up from 江门's table: the cells between tabs (a sheet pasted), the items numbered
    １． in full-width digits; the row with only its item has no tab at all."""
    text = (
        "工作任务\t具体要求\t责任科室\n"
        "一、做好财政信息公开。\t１．推进预算、决算公开。\t财务科\n"
        "二、做好网站信息公开。\t２．更新网站概况信息。\t办公室\n"
        "３．反馈网民意见。\n"
        "４．更新微信公众号信息。\t各科室\n"
    )
    tasks = tasks_by_id(import_whole(tmp_path, text))
    assert list(tasks) == ["01", "02", "03", "04"]
    assert [tasks[i]["section"] for i in tasks] == [1, 2, 2, 2]
    assert tasks["03"]["roles"] == {"responsible": ["办公室"]}
    assert tasks["04"]["roles"] == {"responsible": ["各科室"]}
