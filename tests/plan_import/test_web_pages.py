"""Plans copied from government websites (issue 18, part 4): the site's chrome is left out of
the title, the issuer and the text; the title is never a 文号 alone; the issuer is not glued to
the 文号; the period is the plan's, not a cited document's."""

from __future__ import annotations

import re

import pytest

from duban.plan_import import import_text
from duban.plan_import.units import ImportOrg

TASK = "一、工作任务\n（一）公开权力清单（牵头单位：市编办；完成时限：6月底前）。\n"


@pytest.mark.parametrize(
    ("document", "title", "number", "issuer"),
    [
        (
            "京政办发〔2016〕26号\n北京市2016年政务公开工作要点\n" + TASK,
            "北京市2016年政务公开工作要点",
            "京政办发〔2016〕26号",
            None,
        ),
        (  # one line of a scraped page: the 文号 written against the issuer
            "京政办发〔2016〕26号北京市人民政府办公厅关于印发北京市2016年政务公开工作要点的通知 "
            "各区人民政府: 现将要点印发给你们。 北京市人民政府办公厅 2016年5月28日 "
            "北京市2016年政务公开工作要点 " + TASK.replace("\n", " "),
            "北京市2016年政务公开工作要点",
            "京政办发〔2016〕26号",
            "北京市人民政府办公厅",
        ),
        (
            "北京市人民政府办公厅京政办发〔2016〕26号\n"
            "北京市人民政府办公厅关于印发北京市2016年政务公开工作要点的通知\n各区人民政府：\n"
            "现将要点印发给你们。\n北京市人民政府办公厅\n2016年5月28日\n"
            "北京市2016年政务公开工作要点\n" + TASK,
            "北京市2016年政务公开工作要点",
            "京政办发〔2016〕26号",
            "北京市人民政府办公厅",
        ),
        (
            "当前位置：首页 > 政府信息公开 > 法定主动公开内容 > 计划规划\n"
            "索引号：000014349/2023-00021 主题分类：综合政务 发布机构：某市人民政府办公室\n"
            "发布日期：2023-03-20 有效性：有效\n【字体：大 中 小】 【打印】 【关闭】\n"
            "分享到：微信 微博\n"
            "某市2023年数字政府建设工作方案\n"
            "为贯彻《某省数字政府建设规划（2021—2025年）》，制定本方案。\n"
            + TASK
            + "扫一扫在手机打开当前页\n",
            "某市2023年数字政府建设工作方案",
            None,
            None,
        ),
    ],
)
def test_the_head_of_a_web_page(document, title, number, issuer):
    result = import_text(document, ImportOrg(), "p", 1999)
    plan = result.plan
    assert plan["title"] == title
    assert plan.get("document_number") == number
    assert plan["issuer"] == (issuer or "发文单位（待定）")
    year = int(re.search(r"\d{4}", title).group(0))  # type: ignore[union-attr]
    assert plan["period"]["start"].year == plan["period"]["end"].year == year
    for chrome in ("首页", "索引号", "字体", "打印", "分享", "扫一扫"):
        assert chrome not in str(plan) and chrome not in str(result.tasks)
    assert result.accounting is not None and result.accounting.leftovers == []


def test_a_notice_that_is_the_plan_with_named_leaders():
    """滁州市人民政府关于2020年市政府重点工作及责任分解的通知, as a page shows it."""
    page = (
        "【市政府重点工作及责任分解】滁州市人民政府关于2020年市政府重点工作及责任分解的通知\n"
        "    发布时间:2020-02-03 17:29\n    【字体:打印\n"
        "    各县、市、区人民政府,市政府各部门、各直属机构:\n"
        "    一、确保完成全年主要预期目标\n    1. 地区生产总值增长8%以上。\n"
        "    牵头负责领导:金力。\n    牵头责任单位:市发展改革委。\n"
        "    协同责任单位:市经信局、滁州经开区管委会等,各县、市、区政府。\n"
    )
    result = import_text(page, ImportOrg(), "p")
    assert result.plan["title"] == "滁州市人民政府关于2020年市政府重点工作及责任分解的通知"
    assert result.plan["issuer"] == "滁州市人民政府"
    assert result.tasks[0]["roles"] == {
        "lead": ["市发展改革委"],
        "cooperate": ["市经信局", "滁州经开区管委会", "各县、市、区政府"],
    }
    assert [(f.what, f.text) for f in result.leaders] == [("金力", "牵头负责领导:金力")]
    names = [u["name"] for u in result.org.new_units]
    assert "金力" not in names and not any("字体" in n for n in names)
    assert result.accounting is not None and result.accounting.leftovers == []
