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
