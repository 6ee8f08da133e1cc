"""The grammar of real plans (issue 18): role labels, 分别牵头, a deadline inside the role
bracket, the 列第一位为牵头单位 rule, group phrases, open lists, named leaders, traditional
characters. Each form is quoted from, or written after, a published plan."""

from __future__ import annotations

import pytest

from duban.plan_import import import_text
from duban.plan_import.clauses import find_clause
from duban.plan_import.units import ImportOrg


@pytest.mark.parametrize(
    ("text", "roles", "deadline"),
    [
        (  # 滁州市2020年市政府重点工作及责任分解
            "1. 地区生产总值增长8%以上。\n牵头负责领导：金力。\n牵头责任单位：市发展改革委。\n"
            "协同责任单位：市经信局、市商务局、滁州经开区管委会等，各县、市、区政府。",
            {
                "lead": ["市发展改革委"],
                "cooperate": ["市经信局", "市商务局", "滁州经开区管委会", "各县、市、区政府"],
            },
            None,
        ),
        (  # 咸阳市2022年深化“放管服”改革工作要点（繁体转载）
            "動態調整行政許可事項清單。(市政府辦公室、市行政審批制度改革工作領導小組辦公室牽頭,"
            "市級各有關部門及各縣市區政府按職責分工負責)",
            {
                "lead": ["市政府辦公室", "市行政審批制度改革工作領導小組辦公室"],
                "responsible": ["市級各有關部門", "各縣市區政府"],
            },
            None,
        ),
        (
            "落实减税降费政策。部门分工：省财政厅牵头，省税务局、省发展改革委配合。",
            {"lead": ["省财政厅"], "cooperate": ["省税务局", "省发展改革委"]},
            None,
        ),
        (  # the same without brackets, as the task's last sentence
            "加强要素保障。市自然资源局牵头，市财政局、各区县人民政府按职责分工负责。",
            {"lead": ["市自然资源局"], "responsible": ["市财政局", "各区县人民政府"]},
            None,
        ),
        (
            "实施职业技能提升行动。（市人力社保局、市农业农村局分别牵头）",
            {"lead": ["市人力社保局", "市农业农村局"]},
            None,
        ),
        (
            "建成投用园区污水处理厂。（责任单位：市生态环境局、高新区管委会，6月底完成）",
            {"responsible": ["市生态环境局", "高新区管委会"]},
            "6月底完成",
        ),
        (
            "推进新能源项目建设。（省发展改革委牵头，能源局等省有关部门按职责分工负责）",
            {"lead": ["省发展改革委"], "responsible": ["能源局"]},
            None,
        ),
        (
            "加快5G基站建设。（协同责任单位：市通信办，各县、市、区政府）",
            {"cooperate": ["市通信办", "各县、市、区政府"]},
            None,
        ),
    ],
)
def test_role_forms_of_real_plans(text, roles, deadline):
    clause = find_clause(text)
    assert clause is not None
    assert clause.roles == roles
    assert clause.deadline == deadline
    assert not clause.unread


@pytest.mark.parametrize(
    ("names", "split"),
    [
        ("各县、市、区政府", ["各县、市、区政府"]),
        ("各区、各部门", ["各区", "各部门"]),
        ("市委、市政府", ["市委", "市政府"]),
        ("各县（市、区）人民政府、市直各部门", ["各县（市、区）人民政府", "市直各部门"]),
    ],
)
def test_group_phrases_stay_whole_and_lists_still_split(names, split):
    from duban.plan_import.clauses import split_names

    assert split_names(names) == split


def test_open_lists_and_each_lead_say_so():
    clause = find_clause("（省发展改革委牵头，能源局等省有关部门按职责分工负责）")
    assert clause is not None and clause.open_list == ["能源局等省有关部门"]
    each = find_clause("（市人力社保局、市农业农村局分别牵头）")
    assert each is not None and each.each_leads and not find_clause("（甲局牵头）").each_leads


def test_named_leaders_are_people_with_posts_not_units():
    clause = find_clause("（牵头领导：王 健（副市长）；牵头单位：市发展改革委；完成时限：6月底前）")
    assert clause is not None
    assert clause.leaders == [
        {"name": "王健", "post": "副市长", "text": "牵头领导：王 健（副市长）"}
    ]
    assert clause.roles == {"lead": ["市发展改革委"]}
    assert clause.deadline == "6月底前"


PLAN = """某市2024年重点工作任务分工方案
（除标注“分别牵头”外，列第一位为牵头或汇总单位，下同）
一、稳定经济增长
（一）扩大有效投资。（市发展改革委、市财政局、市自然资源局按职责分工负责）
（二）促进就业创业。（市人力社保局、市农业农村局分别牵头）
（三）优化营商环境。（分管市领导：李 明（副市长）；市政务服务局，6月底完成）
"""


def test_the_first_listed_leads_when_the_plan_says_so_and_leaders_stay_people():
    result = import_text(PLAN, ImportOrg(), "p")
    tasks = {t["id"]: t for t in result.tasks}
    assert tasks["1-1"]["roles"] == {
        "lead": ["市发展改革委"],
        "responsible": ["市财政局", "市自然资源局"],
    }
    assert tasks["1-2"]["roles"] == {"lead": ["市人力社保局", "市农业农村局"]}
    # a unit alone is first of nothing: it stays responsible (SOURCES.md, sixth batch's rule;
    # h18ae: 天津 (市卫生计生委负责), unlabelled too)
    assert tasks["1-3"]["roles"] == {"responsible": ["市政务服务局"]}
    assert tasks["1-3"]["due"][0]["date"].isoformat() == "2024-06-30"
    names = [u["name"] for u in result.org.new_units + result.org.new_groups]
    assert not any("分别" in n or "列第一位" in n or "完成" in n or "李" in n for n in names), names
    assert [(f.what, f.text) for f in result.leaders] == [("李明", "分管市领导：李 明（副市长）")]
    assert any("列第一位" in f.what for f in result.assumptions)


def _labels(text: str) -> list[tuple[int, str]]:
    from duban.plan_import.segment import segment, walk

    return [(n.depth, n.label) for n in walk(segment(text, 0, len(text)))]


def test_every_numbering_style_of_real_plans():
    text = "第一条 总则\n第二条 任务\n1﹒甲\n2﹒乙\n⑴丙\n⑵丁\n3、戊\n4．己\n（1）庚\n①辛"
    assert _labels(text) == [
        (0, "第一条"),
        (0, "第二条"),
        (1, "1﹒"),
        (1, "2﹒"),
        (2, "⑴"),
        (2, "⑵"),
        (1, "3、"),
        (1, "4．"),
        (2, "（1）"),
        (3, "①"),
    ]


def test_items_numbered_inside_one_paragraph_are_sub_items():
    text = (
        "某县2024年法治政府建设工作方案\n一、工作任务\n"
        "（一）健全制度：1.建立行政执法案卷评查制度；2.每半年开展一次执法检查；"
        "3.年底前完成执法人员培训，专业法律知识培训不少于60学时。（牵头单位：县司法局）\n"
        "（二）公开信息。每年3月底前向社会公布上一年度法治政府建设情况。（牵头单位：县政府办）\n"
    )
    result = import_text(text, ImportOrg(), "p")
    tasks = {t["id"]: t for t in result.tasks}
    items = tasks["1-1"]["items"]
    assert [i["label"] for i in items] == ["1.", "2.", "3."]
    assert items[1]["text"] == "每半年开展一次执法检查；"
    assert tasks["1-1"]["roles"] == {"lead": ["县司法局"]}  # the clause is the paragraph's
    yearly = tasks["1-2"]["due"]
    assert [(d["kind"], d["every"], d.get("month"), d.get("due_in")) for d in yearly] == [
        ("recurring", "year", 3, "next-period")
    ], yearly


@pytest.mark.parametrize("joint", ["\n", ""])
def test_the_closing_paragraph_is_not_appended_to_the_last_task(joint):
    text = (
        "某县2024年工作方案\n一、工作任务\n"
        "（一）开展培训。（牵头单位：县司法局；完成时限：年底前）\n"
        "（二）建立台账，每季度更新一次（牵头单位：县司法局；完成时限：6月底前）。"
        + joint
        + "各乡镇、各部门要高度重视，确保各项任务落到实处。\n"
    )
    result = import_text(text, ImportOrg(), "p")
    assert result.tasks[-1]["text"].endswith("（牵头单位：县司法局；完成时限：6月底前）。")
    assert result.plan["closing"] == "各乡镇、各部门要高度重视，确保各项任务落到实处。"


def test_the_last_tasks_clause_on_lines_of_its_own_is_the_tasks_not_the_closing():
    """立山区政府2023年重点工作任务分解和责任分工方案 (a page that writes its notice's title
    twice) and 运城市…“十三五”规划责任分解 (a clause after the sub-items, the date twice)."""
    lishan = (
        "立山区人民政府关于印发 《立山区政府2023年重点工作任务分解 和责任分工方案》的通知\n\n"
        "鞍立政发〔2023〕2号立山区人民政府关于印发立山区政府2023年重点工作任务分解和责任分工方案的通知\n"
        "立山区人民政府\n\n2023年3月28日\n\n(此件公开发布)\n\n"
        "立山区政府2023年重点工作任务分解和责任分工方案\n\n"
        "一、经济社会发展的主要预期目标\n\n1.努力实现地区生产总值增长6.2%左右。\n\n"
        "牵头单位:区发改局\n\n责任单位:立山经济开发区,全区经济运行各专班\n\n"
        "2.固定资产投资增长15%左右。\n\n牵头单位:区发改局\n\n"
        "责任单位:立山经济开发区,各街道、区直各部门\n"
    )
    result = import_text(lishan, ImportOrg(), "p")
    assert [t["roles"] for t in result.tasks][-1] == {
        "lead": ["区发改局"],
        "responsible": ["立山经济开发区", "各街道", "区直各部门"],
    }
    assert "closing" not in result.plan
    assert result.plan["document_number"] == "鞍立政发〔2023〕2号"
    assert result.accounting is not None and result.accounting.leftovers == []
    yuncheng = (
        "运城市人民政府办公厅关于印发运城市突发事件应急体系建设“十三五”规划责任分解的通知\n"
        "运城市人民政府办公厅\n2017年4月13日\n2017年4月13日\n"
        "运城市突发事件应急体系建设“十三五”规划责任分解\n(一)“一案三制”建设\n"
        "1.完善应急预案体系\n(1)加强应急预案管理。\n(2)推进应急预案“精编化”。\n"
        "(责任单位:市直各有关单位、各县(市、区)人民政府、各开发区管委会)\n"
        "2.健全应急管理体制和运行机制\n(1)深入推进市、县、乡三级政府应急管理办事机构建设。\n"
        "(责任单位:市应急办)\n"
    )
    result = import_text(yuncheng, ImportOrg(), "p")
    assert [t["roles"] for t in result.tasks] == [
        {"responsible": ["市直各有关单位", "各县(市、区)人民政府", "各开发区管委会"]},
        {"responsible": ["市应急办"]},
    ]
    assert result.accounting is not None and result.accounting.leftovers == []
