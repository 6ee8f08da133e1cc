"""Round h18ak (issue 18): the kinds of text behind the seventeenth batch, read generally.

The seventeenth batch stays held out: nothing here is taken from its files. Each kind is written
from SOURCES.md's reading decisions (第十七批（h18aj）新定的几条) in made-up variants — other
units, numbers, punctuation, simplified and traditional characters — that vary more than a real
text would; the same code must read every variant of a kind.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from duban.plan_import.notice_deadlines import notice_deadline
from duban.plan_import.split_header import joined_header
from helpers import import_whole, tasks_by_id


def _dates(task: dict) -> list[str]:
    return [str(d.get("date") or d.get("period") or d.get("year")) for d in task.get("due", [])]


def _leaders(task: dict) -> list[str]:
    return [leader["name"] for leader in task.get("leaders", [])]


# --- 1. a later page of a paged repost: no title, the tail of the last page's item, (六) ------

PAGE_SIMPLIFIED = (
    "[接上页]\n"
    "工作任务:加快推进老旧小区改造,年内完成改造任务。\n"
    "责任人:王明副市长\n"
    "协调人:市政府副秘书长李强\n"
    "责任单位:市住建局\n"
    "(六)推进城乡供水一体化\n"
    "工作任务:完成农村供水管网改造200公里,6月底前完成主体工程。\n"
    "责任人:张华副市长\n"
    "协调人:市长助理赵刚\n"
    "责任单位:市水务局\n"
    "(七)加强食品安全监管\n"
    "工作任务:开展食品安全专项整治,12月底前完成。\n"
    "责任人:张华副市长\n"
    "协调人:市政府副秘书长孙丽\n"
    "责任单位:市市场监管局、市农业农村局\n"
)
PAGE_TRADITIONAL = (
    "責任人:劉偉副縣長\n"
    "協調人:縣政府辦公室副主任陳明\n"
    "責任單位:縣交通運輸局\n"
    "5.實施農村公路提質改造工程,10月底前完成。\n"
    "責任人:劉偉副縣長\n"
    "責任單位:縣交通運輸局、縣財政局\n"
    "6.推進城區停車場建設,新增停車泊位500個。\n"
    "責任人:周強副縣長\n"
    "協調人:縣長助理黃海\n"
    "責任單位:縣住建局\n"
)
PAGE_FRAGMENT = (
    "工作任务:健全完善农村集体产权制度,9月底前完成清产核资。\n"
    "责任单位:区农业农村局\n"
    "(八)提升公共文化服务水平\n"
    "工作任务:新建城市书房10个,11月底前投入使用。\n"
    "责任人:刘洋副区长\n"
    "协调人:区政府办公室主任郑伟\n"
    "责任单位:区文旅局\n"
    "(九)抓好安全生产\n"
    "工作任务:深入开展安全生产大检查。\n"
    "责任单位:区应急管理局\n"
)
PAGE_UNITS_ONLY = (
    "责任单位:县发改局\n"
    "7、推进重点项目建设,2020年11月底前完工。\n"
    "责任人:吴刚副县长\n"
    "责任单位:县发改局、县住建局\n"
    "8、抓好项目储备,建立项目库。\n"
    "责任单位:县发改局\n"
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            PAGE_SIMPLIFIED,
            {
                "06": (["市水务局"], ["张华"]),
                "07": (["市市场监管局", "市农业农村局"], ["张华"]),
            },
        ),
        (
            PAGE_TRADITIONAL,
            {"05": (["縣交通運輸局", "縣財政局"], ["劉偉"]), "06": (["縣住建局"], ["周強"])},
        ),
        (PAGE_FRAGMENT, {"08": (["区文旅局"], ["刘洋"]), "09": (["区应急管理局"], [])}),
        (PAGE_UNITS_ONLY, {"07": (["县发改局", "县住建局"], ["吴刚"]), "08": (["县发改局"], [])}),
    ],
)
def test_a_later_page_starts_at_its_visible_numbers(
    tmp_path: Path, text: str, expected: dict
) -> None:
    result = import_whole(tmp_path, text)
    tasks = tasks_by_id(result)
    assert sorted(tasks) == sorted(expected)  # the previous page's tail is no task
    for task_id, (responsible, leaders) in expected.items():
        assert tasks[task_id]["roles"] == {"responsible": responsible}
        assert _leaders(tasks[task_id]) == leaders  # 协调人 never a leader
    assert result.plan["title"] == "（无标题）"  # no fragment made the title


# the page's items hold their parts under 工作任务: (⒈ over ⑴ ⑵, (3) (4) numbered on), then the
# record's 责任人 / 协调人 / 责任单位 lines: the labels are the item's, not its last part's
PAGE_PARTS = (
    "(六)推进农村污水治理\n工作任务:\n⒈完善污水收集管网\n⑴新建管网50公里,5月中旬前完成。\n"
    "⑵改造提升泵站3座。\n⒉提升处理能力\n(3)扩建污水处理厂一座。\n(4)建立运维长效机制。\n"
    "责任人:李强副市长\n协调人:市政府副秘书长王五\n责任单位:市水务局\n"
    "(七)推进垃圾分类\n工作任务:\n⒊建设分类设施\n(5)新建分类投放点300个。\n"
    "责任人:李强副市长\n责任单位:市城管局\n"
)
PAGE_FULL_WIDTH = (
    "（接上页）\n责任单位：市民政局\n（十）健全养老服务体系\n"
    "工作任务：新建社区养老服务站20个，2019年底前完成。\n责任人：副市长 陈红\n"
    "责任单位：市民政局、市卫健委\n（十一）完善社会救助\n工作任务：落实低保提标。\n"
    "责任人：市委常委、副市长 杨帆\n协调人：市政府副秘书长\n责任单位：市民政局、市财政局\n"
)


def test_a_later_pages_items_hold_their_parts_and_the_records_labels(tmp_path: Path) -> None:
    tasks = tasks_by_id(import_whole(tmp_path, PAGE_PARTS, 2019))
    assert sorted(tasks) == ["06", "07"]
    assert tasks["06"]["roles"] == {"responsible": ["市水务局"]}
    assert tasks["07"]["roles"] == {"responsible": ["市城管局"]}
    assert _leaders(tasks["06"]) == ["李强"] and _leaders(tasks["07"]) == ["李强"]
    parts = {
        k: [(i["id"], [j["id"] for j in i.get("items", [])]) for i in t["items"]]
        for k, t in tasks.items()
    }
    assert parts == {"06": [("1", ["1", "2"]), ("2", ["3", "4"])], "07": [("3", ["5"])]}
    assert _dates(tasks["06"]["items"][0]["items"][0]) == ["2019-05-20"]  # 5月中旬前: the 20th


def test_a_later_page_in_full_width_with_two_digit_numerals(tmp_path: Path) -> None:
    tasks = tasks_by_id(import_whole(tmp_path, PAGE_FULL_WIDTH))
    assert sorted(tasks) == ["10", "11"]
    assert tasks["10"]["roles"] == {"responsible": ["市民政局", "市卫健委"]}
    assert _dates(tasks["10"]) == ["2019"]  # the year of the text itself (not the clock)
    assert _leaders(tasks["10"]) == ["陈红"] and _leaders(tasks["11"]) == ["杨帆"]


def test_a_later_pages_arabic_items_stand_above_their_bracketed_parts(tmp_path: Path) -> None:
    text = (
        "责任单位:县发改局\n5.推进项目建设\n(1)新开工项目20个。\n(2)竣工项目10个。\n"
        "责任单位:县发改局\n6.优化营商环境\n(1)压缩审批时限。\n(2)推行告知承诺制。\n"
        "责任单位:县政务服务中心\n"
    )
    tasks = tasks_by_id(import_whole(tmp_path, text, 2020))
    assert {k: (t["roles"], [i["id"] for i in t["items"]]) for k, t in tasks.items()} == {
        "05": ({"responsible": ["县发改局"]}, ["1", "2"]),
        "06": ({"responsible": ["县政务服务中心"]}, ["1", "2"]),
    }


def test_a_paged_reprints_navigation_is_chrome(tmp_path: Path) -> None:
    text = (
        "第2页 共3页 上一页 1 2 3 下一页\n[接上页]\n责任单位:市教育局\n(五)推进城乡义务教育一体化\n"
        "工作任务:新建改扩建学校10所。\n责任人:陈明副市长\n责任单位:市教育局、市住建局\n"
        "(六)加强教师队伍建设\n工作任务:招聘教师300名,8月底前完成。\n"
        "责任单位:市教育局、市人社局\n[转下页]\n"
    )
    result = import_whole(tmp_path, text)
    tasks = tasks_by_id(result)
    assert result.plan["title"] == "（无标题）"
    assert tasks["06"]["roles"] == {"responsible": ["市教育局", "市人社局"]}  # no 转下页
    assert "[转下页]" in result.chrome and "[接上页]" in result.chrome


def test_a_later_page_that_opens_mid_sentence_has_no_title(tmp_path: Path) -> None:
    text = (
        "划,确保年底前全面完成。(责任单位:县水利局)\n(六)加强河道管理\n"
        "工作任务:开展河道清四乱专项行动,6月底前完成。\n责任单位:县水利局\n"
        "(七)推进水土保持\n工作任务:治理水土流失面积10平方公里。\n责任单位:县水利局、县林业局\n"
    )
    result = import_whole(tmp_path, text, 2020)
    assert result.plan["title"] == "（无标题）"
    assert sorted(tasks_by_id(result)) == ["06", "07"]
    assert "划,确保年底前全面完成" in result.plan["preamble"]  # accounted for, not a task


@pytest.mark.parametrize(
    ("first", "title", "issuer"),
    [
        ("附件：某县2019年农村公路建设实施方案", "附件：某县2019年农村公路建设实施方案", None),
        ("标题：某县2019年农村公路建设实施方案", "某县2019年农村公路建设实施方案", None),
        (
            "为做好2019年农村公路建设工作,现制定如下方案。",
            "为做好2019年农村公路建设工作,现制定如下方案。",
            None,
        ),
        (
            "某县人民政府关于做好2019年农村公路建设工作的通知",
            "某县人民政府关于做好2019年农村公路建设工作的通知",
            "某县人民政府",
        ),
    ],
)
def test_a_first_page_keeps_its_title_line(
    tmp_path: Path, first: str, title: str, issuer: str | None
) -> None:
    """A first line that labels its title (附件：, 标题：), a sentence, a notice with its issuer:
    none is a later page's top; each gives the title (and the year) as before this round."""
    text = f"{first}\n一、主要任务\n1.新建农村公路50公里,6月底前完成。(责任单位:县交通局)\n"
    result = import_whole(tmp_path, text)
    assert result.plan["title"] == title
    assert [_dates(task) for task in result.tasks] == [["2019-06-30"]]
    if issuer:
        assert result.plan["issuer"] == issuer


def test_a_later_page_without_a_year_asks_for_one_and_takes_it(tmp_path: Path) -> None:
    result = import_whole(tmp_path, PAGE_SIMPLIFIED)
    assert result.year_missing  # the review asks for --year; the clock is never asked
    assert tasks_by_id(result)["06"]["due"][0]["id"] == "undated"
    given = tasks_by_id(import_whole(tmp_path, PAGE_SIMPLIFIED, 2021))
    assert _dates(given["06"]) == ["2021-06-30"]
    assert _dates(given["07"]) == ["2021-12-31"]


# --- 2. a whole document run together on one line (forum archivers) --------------------------

RUN_TOGETHER = [
    (
        "某某县2021年农村人居环境整治工作要点 为深入推"
        "进农村人居环境整治,现将2021年工作要点印发如下。"
        "1.开展村庄清洁行动,年底前完成全县所有行政村清洁整治(责任单位:县农业农村局、各乡镇)"
        "2.推进农村户用厕所改造,6月底前完成改厕3000户(责任单位;县农业农村局、县卫健局)"
        "3.加强农村生活垃圾治理,建立健全收运处置体系(责任单位:县城管局)"
        "4.推进农村生活污水治理(责任单位;县生态环境局、县住建局)\n",
        {
            "01": ["县农业农村局", "各乡镇"],
            "02": ["县农业农村局", "县卫健局"],
            "03": ["县城管局"],
            "04": ["县生态环境局", "县住建局"],
        },
        "某某县2021年农村人居环境整治工作要点",
    ),
    (
        "市2019年優化營商環境工作要點 各區縣人民政府,市政府各部門:現將有關事項通知如下。"
        "1、深化商事制度改革,3月底前實現企業開辦3個工作"
        "日內辦結。(責任單位;市市場監管局、市行政審批局)"
        "2、壓縮工程建設項目審批時間。(責任單位:市住建局)"
        "3、優化納稅服務,全面推行網上辦稅。(責任單位;市稅務局)\n",
        {
            "01": ["市市場監管局", "市行政審批局"],
            "02": ["市住建局"],
            "03": ["市稅務局"],
        },
        "市2019年優化營商環境工作要點",
    ),
    (
        "xx镇2022年森林防火工作要点 为做好森林防火工作,结合我镇实际,制定本要点。"
        "1.落实防火责任制,3月底前签订责任书(责任单位:镇"
        "林业站、各村)2.加强火源管控(责任单位;镇派出所)"
        "3.开展防火宣传(责任单位:镇宣传办)4.做好扑火物资储备(责任单位:镇应急办;完成时限:2月底前) "
        "各村要高度重视,认真落实。\n",
        {"01": ["镇林业站", "各村"], "02": ["镇派出所"], "03": ["镇宣传办"], "04": ["镇应急办"]},
        "xx镇2022年森林防火工作要点",
    ),
    (
        "2018年全市文明城市创建工作要点(1)深化志愿服务,年底前注册志愿者达到常住人口13%"
        "(责任单位:市文明办、团市委)(2)整治农贸市场环境卫生(责任单位;市商务局、各区政府)"
        "(3)规范公益广告设置(责任单位:市城管局)(4)开展文明交通行动(责任单位:市公安局交警支队)\n",
        {
            "01": ["市文明办", "团市委"],
            "02": ["市商务局", "各区政府"],
            "03": ["市城管局"],
            "04": ["市公安局交警支队"],
        },
        "2018年全市文明城市创建工作要点",
    ),
]


RUN_TOGETHER.append(
    (  # full-width numbers, labels after a comma (one with its semicolon), no brackets
        "某區2023年營商環境提升行動要點 １．推行企業開辦一日辦結，責任單位：區市場監管局；"
        "２．壓減工程審批時限，責任單位：區住建局、區自然資源局；３．優化水電氣報裝服務，"
        "責任單位：區發改局；４．加強涉企收費監管，責任單位；區財政局。\n",
        {
            "01": ["區市場監管局"],
            "02": ["區住建局", "區自然資源局"],
            "03": ["區發改局"],
            "04": ["區財政局"],
        },
        "某區2023年營商環境提升行動要點",
    )
)


@pytest.mark.parametrize(("text", "expected", "title"), RUN_TOGETHER)
def test_a_document_on_one_line_reads_its_title_and_items(
    tmp_path: Path, text: str, expected: dict, title: str
) -> None:
    result = import_whole(tmp_path, text)
    tasks = tasks_by_id(result)
    assert {k: t["roles"].get("responsible") for k, t in tasks.items()} == expected
    assert result.plan["title"] == title
    assert not tasks["01"]["text"].startswith(title)  # the title is no part of the first item
    assert not any(t["title"].endswith(("，", ",")) for t in tasks.values())


def test_a_forum_archivers_furniture_is_chrome(tmp_path: Path) -> None:
    text = (
        "查看完整版本: [-- 关于印发某县2012年农村工作要点的通知 --]\n"
        "某县论坛 -> 政务公开 -> 关于印发某县2012年农村工作要点的通知 [打印本页] "
        "登录 -> 注册 -> 回复主题\n"
        "作者: 某某 2012-03-05 10:20\n"
        "某县2012年农村工作要点 1.抓好粮食生产,确保粮食总产稳定在30万吨以上(责任单位:县农业局)"
        "2.推进农田水利建设,年底前新增有效灌溉面积1万亩(责任单位;县水务局、各乡镇)"
        "3.加快农村公路建设(责任单位:县交通局)\n"
        "[ 此帖被某某在2012-03-05 10:25重新编辑 ]\n"
        "Powered by Discuz! Archiver 7.2 © 2001-2009 Comsenz Inc.\n"
    )
    result = import_whole(tmp_path, text)  # every character accounted for
    assert result.plan["title"] == "某县2012年农村工作要点"
    assert len(result.chrome) == 5
    assert tasks_by_id(result)["02"]["roles"] == {"responsible": ["县水务局", "各乡镇"]}


def test_the_closing_words_after_the_last_bracket_are_not_the_last_item(tmp_path: Path) -> None:
    tasks = tasks_by_id(import_whole(tmp_path, RUN_TOGETHER[2][0]))
    assert "各村要高度重视" not in tasks["04"]["text"]
    assert _dates(tasks["04"]) == ["2022-02-28"]


# --- 3. a chapter heading naming the one unit responsible for its items -----------------------

CHAPTER_UNITS = [
    (
        "2018年度城市建设管理目标责任分解\n一、市规划局责任目标\n1.完成城市总体规划修编。\n"
        "2.编制控制性详细规划,10月底前完成。\n二、市建设局工作任务\n1.新开工保障性住房2000套。\n"
        "三、市城管局目标任务\n1.开展市容环境综合整治。\n2.新建公厕20座。\n",
        {
            "1-1": "市规划局",
            "1-2": "市规划局",
            "2-1": "市建设局",
            "3-1": "市城管局",
            "3-2": "市城管局",
        },
    ),
    (
        "區政府2022年重點工作責任分解\n一、區發展改革局承擔的工作\n(一)推進重大項目建設。\n"
        "(二)抓好節能減排,6月底前完成年度目標的一半。\n"
        "二、區教育局承擔的工作\n(一)新建中小學5所。\n",
        {"1-1": "區發展改革局", "1-2": "區發展改革局", "2-1": "區教育局"},
    ),
    (
        "二〇二一年度部门目标任务分解\n一、市交通运输局目标任务\n(一)完成国省道大中修80公里。\n"
        "(二)新改建农村公路300公里,11月底前完工。\n二、"
        "市水利局工作目标\n(一)完成病险水库除险加固5座。\n",
        {"1-1": "市交通运输局", "1-2": "市交通运输局", "2-1": "市水利局"},
    ),
]


CHAPTER_UNITS.append(
    (  # 年度 / 全年 before the words, a count in brackets, a colon after the heading
        "2020年度目标责任书分解\n一、市规划局年度责任目标(共2项)\n1.完成国土空间总体规划编制。\n"
        "2.推进城市设计试点。\n二、市住建局全年重点工作任务：\n1.新建保障房500套。\n",
        {"1-1": "市规划局", "1-2": "市规划局", "2-1": "市住建局"},
    )
)


@pytest.mark.parametrize(("text", "expected"), CHAPTER_UNITS)
def test_a_chapter_heading_names_the_unit_of_every_item(
    tmp_path: Path, text: str, expected: dict
) -> None:
    tasks = tasks_by_id(import_whole(tmp_path, text))
    assert {k: t["roles"] for k, t in tasks.items()} == {
        k: {"responsible": [unit]} for k, unit in expected.items()
    }


def test_a_year_in_numerals_in_the_title_is_the_plan_year(tmp_path: Path) -> None:
    result = import_whole(tmp_path, CHAPTER_UNITS[2][0])
    assert not result.year_missing
    assert _dates(tasks_by_id(result)["1-2"]) == ["2021-11-30"]


# --- 4. a notice's one deadline for every item of its attachment ------------------------------

NOTICES = [
    (
        "关于对2019年第一季度城乡环境卫生检查发现问题进行整改的通知\n各区县人民政府,市级有关部门:\n"
        "近期检查发现了一些问题。请各事涉部门高度重视,对"
        "照问题清单逐项整改,于5月20日前将问题整改完成,"
        "并将整改情况报送市政府督查室。\n市人民政府办公室\n2019年5月8日\n附件:\n存在问题:\n"
        "1.人民路部分路段占道经营严重。(责任单位:市城管局)\n"
        "2.城东农贸市场周边垃圾清运不及时。(责任单位:市城管局、城东区政府)\n"
        "3.滨河公园公共厕所设施损坏。(责任单位:市园林局)\n",
        "2019-05-20",
        "关于对2019年第一季度城乡环境卫生检查发现问题进行整改的通知",
    ),
    (
        "關於限期整改食品安全檢查問題的通知\n各鄉鎮人民政府,縣直有關部門:\n"
        "根據縣食安辦2021年專項檢查情況,現將發現的問題通報如下。請各責任單位於6月中旬前完成整改,"
        "整改情況報縣食安辦。\n附件:存在問題清單\n1、"
        "部分學校食堂未落實晨檢制度(責任單位:縣教體局)\n"
        "2、農貿市場快檢室未正常運行(責任單位:縣市場監管局)\n",
        "2021-06-20",
        "附件:存在問題清單",  # the attachment's title names the plan (the notice is its text)
    ),
    (
        "关于督查发现问题整改的通知\n各街道办事处、区直各部"
        "门:\n2022年区政府督查组对重点工作进行了督查。"
        "现将问题清单印发给你们,请于8月下旬前整改到位,逐项销号。\n问题清单\n一、城市管理方面\n"
        "1.背街小巷路灯损坏未修复(责任单位:区城管局)\n2.部分小区违建未拆除(责任单位:区住建局)\n"
        "二、安全生产方面\n3.部分企业消防通道堵塞(责任单位:区应急管理局)\n",
        "2022-08-31",
        "问题清单",  # the line above the items names the list, as before (the year's source kept)
    ),
]


@pytest.mark.parametrize(("text", "date", "title"), NOTICES)
def test_the_notices_deadline_is_each_attached_items(
    tmp_path: Path, text: str, date: str, title: str
) -> None:
    result = import_whole(tmp_path, text)
    assert result.tasks and all(_dates(task) == [date] for task in result.tasks)
    assert result.plan["title"] == title  # the notice's own line when no title line follows
    assert "整改" in (result.plan.get("notice_text") or result.plan.get("preamble") or "")
    assert not any(t["roles"].get("responsible") == ["市政府督查室"] for t in result.tasks)


def test_a_notice_on_one_line_sets_its_attachments_time(tmp_path: Path) -> None:
    text = (
        "关于进一步做好安全隐患整改的通知 各镇(街道),区有关部门:现将安全检查发现的隐患通报如下,"
        "请务必在6月底前整改到位,整改情况报区安委办。附件:隐患清单 1.某化工厂储罐区防火堤破损"
        "(责任单位:区应急管理局);2.某商场消防通道堵塞(责任单位;区消防救援大队);"
        "3.某工地塔吊未检测(责任单位:区住建局)\n"
    )
    result = import_whole(tmp_path, text, 2019)
    assert result.plan["title"] == "关于进一步做好安全隐患整改的通知"
    assert {t["id"]: (t["roles"]["responsible"], _dates(t)) for t in result.tasks} == {
        "01": (["区应急管理局"], ["2019-06-30"]),
        "02": (["区消防救援大队"], ["2019-06-30"]),
        "03": (["区住建局"], ["2019-06-30"]),
    }


def test_a_notices_time_limit_for_the_fixing_written_before_the_date(tmp_path: Path) -> None:
    text = (
        "关于整改环保督察反馈问题的通知\n各有关单位:\n环保督察反馈问题清单已印发。"
        "各责任单位整改期限为2020年6月30日前,逾期未完成的将予以通报。\n附件:问题清单\n"
        "1.部分企业废气超标排放(责任单位:市生态环境局)\n2.部分河段存在黑臭水体(责任单位:市水务局)\n"
    )
    result = import_whole(tmp_path, text)
    assert [_dates(t) for t in result.tasks] == [["2020-06-30"], ["2020-06-30"]]


def test_an_items_own_time_wins_over_the_notices(tmp_path: Path) -> None:
    text = NOTICES[0][0].replace(
        "损坏。(责任单位:市园林局)", "损坏。(责任单位:市园林局;完成时限:6月30日前)"
    )
    tasks = tasks_by_id(import_whole(tmp_path, text))
    assert _dates(tasks["03"]) == ["2019-06-30"]
    assert _dates(tasks["01"]) == ["2019-05-20"]


def test_only_a_time_for_the_fixing_is_the_items_deadline() -> None:
    assert notice_deadline("请于5月20日前将整改情况报送市政府督查室。") is None  # a report's
    assert notice_deadline("请各单位于6月底前报送年度工作总结。") is None  # no 整改 at all
    assert notice_deadline("各部门要于9月上旬前完成整改。") == "9月上旬前"
    assert notice_deadline(None, "請於2020年7月10日以前整改完畢並銷號。") == "2020年7月10日以前"


# --- 5. who does the work, said in the sentence ------------------------------------------------

SENTENCES = [
    (
        "某县2020年高标准农田建设实施方案\n一、主要任务\n"
        "(一)完成高标准农田建设2万亩,10月底前完成主体工程。此项工作由县农业局具体负责。\n"
        "(二)县财政局要按时足额拨付项目资金,确保资金安全。\n"
        "(三)各乡镇要做好土地流转协调工作,每月5日前将进展情况报送县农业局。\n",
        {"1-1": ["县农业局"], "1-2": ["县财政局"], "1-3": ["各乡镇"]},
    ),
    (
        "縣2021年畜禽養殖污染治理工作方案\n一、工作任務\n"
        "1.開展規模養殖場排查,由縣畜牧獸醫局具體負責,6月底前完成。\n"
        "2.縣生態環境局要加強執法監管,依法查處違法排污行為。\n"
        "3.各基地鄉鎮要建立養殖台賬,每季度末報送縣畜牧獸醫局。\n"
        "4.由縣財政局負責落實治理補助資金。\n",
        {
            "1-1": ["縣畜牧獸醫局"],
            "1-2": ["縣生態環境局"],
            "1-3": ["各基地鄉鎮"],
            "1-4": ["縣財政局"],
        },
    ),
    (
        "区2022年背街小巷整治方案\n一、整治任务\n"
        "1、区市场监管局、区城管局要联合开展占道经营整治。\n"
        "2、各街道办事处于每月底前将整治情况报区整治办汇总。\n"
        "3、镇财政所应当保障整治经费。\n"
        "4、各地要高度重视,加强领导。\n",
        {"1-1": ["区市场监管局", "区城管局"], "1-2": ["各街道办事处"], "1-3": ["镇财政所"]},
    ),
]


@pytest.mark.parametrize(("text", "expected"), SENTENCES)
def test_the_unit_the_sentence_names_as_its_subject_is_responsible(
    tmp_path: Path, text: str, expected: dict
) -> None:
    tasks = tasks_by_id(import_whole(tmp_path, text))
    assert {k: t["roles"] for k, t in tasks.items()} == {
        k: {"responsible": units} for k, units in expected.items()
    }  # the office a report goes to (县农业局, 区整治办) is not; 各地 is nobody in particular


def test_by_x_leading_then_y_cooperating_after_the_verbs_own_words(tmp_path: Path) -> None:
    text = (
        "一、整治任务\n1、实施路面修复工程。该项工作由区"
        "住建局牵头组织实施,区城管局配合,9月底前完工。\n"
        "2、整治占道经营。(责任单位:区城管局)\n"
    )
    tasks = tasks_by_id(import_whole(tmp_path, text, 2022))
    assert tasks["1-1"]["roles"] == {"lead": ["区住建局"], "cooperate": ["区城管局"]}


# --- a label line after items ending with ；: the units of each item of the run -----------------

SEMICOLON_RUNS = [
    (
        "2012年城区环境综合整治工作方案\n一、整治内容\n1.清理主次干道两侧违章广告牌;\n"
        "2.整治沿街店铺占道经营;\n3.规范机动车停放秩序;\n责任单位:市城管局\n4.清理河道垃圾;\n"
        "5.整治排污口;\n责任单位:市水务局、市环保局\n6.加强绿化带管护。\n责任单位:市园林局\n",
        {
            "1-1": ["市城管局"],
            "1-2": ["市城管局"],
            "1-3": ["市城管局"],
            "1-4": ["市水务局", "市环保局"],
            "1-5": ["市水务局", "市环保局"],
            "1-6": ["市园林局"],
        },
    ),
    (
        "2012年城區環境綜合整治工作方案\n一、整治內容\n（一）清理主次幹道兩側違章廣告牌；\n"
        "（二）整治沿街店鋪佔道經營；\n責任單位：市城管局\n（三）清理河道垃圾；\n（四）整治排污口；\n"
        "責任單位：市水務局\n",
        {"1-1": ["市城管局"], "1-2": ["市城管局"], "1-3": ["市水務局"], "1-4": ["市水務局"]},
    ),
]


@pytest.mark.parametrize(("text", "expected"), SEMICOLON_RUNS)
def test_a_label_line_after_a_run_of_items_ending_with_semicolons(
    tmp_path: Path, text: str, expected: dict
) -> None:
    tasks = tasks_by_id(import_whole(tmp_path, text))
    assert {k: t["roles"] for k, t in tasks.items()} == {
        k: {"responsible": units} for k, units in expected.items()
    }


# --- 6. 责任人 / 协调人 lines, 工作职责: X牵头 in one line

PEOPLE = (
    "市政府2021年重点工作责任分工\n一、经济发展\n1.确保地区生产总值增长7%。\n"
    "工作职责:市发改委牵头,各有关部门配合,责任人:李明\n"
    "2.加快推进重大项目建设,全年完成投资300亿元。\n责任人:王刚副市长\n协调人:市政府副秘书长陈东\n"
    "责任单位:市发改委、市住建局\n"
    "3.推进工业园区扩区调位。\n責任人:縣委常委、常務副縣長馬駿\n協調人:縣政府辦公室主任\n"
    "責任單位:縣工信局\n"
    "4.做好项目用地保障。\n责任单位:市自然资源局\n责任人:局长张三\n"
)


def test_a_responsible_person_with_a_leaders_post_is_the_leader(tmp_path: Path) -> None:
    tasks = tasks_by_id(import_whole(tmp_path, PEOPLE))
    assert tasks["1-1"]["roles"] == {"lead": ["市发改委"], "cooperate": ["各有关部门"]}
    assert _leaders(tasks["1-1"]) == []  # 李明, no post: the clerk doing the work
    assert tasks["1-2"]["roles"] == {"responsible": ["市发改委", "市住建局"]}
    assert _leaders(tasks["1-2"]) == ["王刚"]  # not the 协调人 陈东
    assert tasks["1-3"]["roles"] == {"responsible": ["縣工信局"]}
    assert _leaders(tasks["1-3"]) == ["馬駿"]
    assert _leaders(tasks["1-4"]) == []  # a bureau's 局长 is no leader of the plan


def test_a_line_of_duties_names_the_units_and_the_leader(tmp_path: Path) -> None:
    text = (
        "一、重点任务\n1.推进乡村振兴示范村建设。\n"
        "工作职责:由县农业农村局牵头,县财政局、各乡镇配合,责任人:刘明副县长\n"
        "2.完善农村养老服务。\n工作职责：县民政局负责，责任人：张丽副县长\n"
        "3.抓好冬春农田水利建设。\n工作职责:县水利局牵头,县农业农村局配合。\n"
    )
    tasks = tasks_by_id(import_whole(tmp_path, text, 2020))
    assert {k: (t["roles"], _leaders(t)) for k, t in tasks.items()} == {
        "1-1": ({"lead": ["县农业农村局"], "cooperate": ["县财政局", "各乡镇"]}, ["刘明"]),
        "1-2": ({"responsible": ["县民政局"]}, ["张丽"]),
        "1-3": ({"lead": ["县水利局"], "cooperate": ["县农业农村局"]}, []),
    }


# --- 7. ⒈ items with ⑴ (2) under them; 4.2011年… ------------------------------------------------

NESTED = [
    (
        "市2011年城市管理工作要点\n一、工作任务\n⒈加强市"
        "容秩序管理\n⑴开展占道经营专项整治,3月中旬完成。\n"
        "⑵规范户外广告设置。\n(3)整治流动摊点。\n责任单位:市城管局\n⒉推进环卫设施建设\n"
        "(4)新建垃圾中转站5座。\n(5)改造公厕20座,6月上旬前完成。\n责任单位:市城管局、市住建局\n"
        "3.加强城市绿化,新增绿地50公顷。\n责任单位:市园林局\n4.2011年底前完成数字城管平台建设。\n"
        "责任单位:市城管局\n",
        {"1-1": ["1", "2", "3"], "1-2": ["4", "5"], "1-3": [], "1-4": []},
        {("1-1", "1"): "2011-03-20", ("1-2", "5"): "2011-06-10"},
    ),
    (
        "2020年社區工作重點\n一、重點工作\n⒈推進老舊小區改造\n⑴完成30個小區改造,11月下旬前完工。\n"
        "⑵同步實施管網改造。\n(責任單位:區住建局)\n⒉加強物業管理\n⑶推行物業服務標準化。\n"
        "(4)開展物業服務星級評定。\n(責任單位:區住建局、各街道)\n"
        "3.2020年建成智慧社區10個。(責任單位:區民政局)\n",
        {"1-1": ["1", "2"], "1-2": ["3", "4"], "1-3": []},
        {("1-1", "1"): "2020-11-30"},
    ),
]


@pytest.mark.parametrize(("text", "items", "dates"), NESTED)
def test_digit_stop_items_hold_their_bracketed_sub_items(
    tmp_path: Path, text: str, items: dict, dates: dict
) -> None:
    tasks = tasks_by_id(import_whole(tmp_path, text))
    assert {k: [i["id"] for i in t.get("items", [])] for k, t in tasks.items()} == items
    assert not any(t["title"].startswith(("⒈", "⒉")) for t in tasks.values())
    for (task_id, item_id), date in dates.items():
        item = next(i for i in tasks[task_id]["items"] if i["id"] == item_id)
        assert _dates(item) == [date]


def test_a_full_width_number_before_a_full_width_year(tmp_path: Path) -> None:
    text = (
        "一、重点工作\n1.加强执法监管。(责任人:王刚副市长;协调人:李四;责任单位:市市场监管局)\n"
        "2.推进信用体系建设。(责任人:王刚(副市长);责任单位:市发改委)\n"
        "３．２０２０年底前完成信用平台升级。(责任单位:市发改委)\n"
    )
    tasks = tasks_by_id(import_whole(tmp_path, text, 2020))
    assert sorted(tasks) == ["1-1", "1-2", "1-3"]
    assert _dates(tasks["1-3"]) == ["2020"]  # ASCII digits in the data
    assert _leaders(tasks["1-1"]) == ["王刚"] and _leaders(tasks["1-2"]) == ["王刚"]


def test_a_number_before_a_year_is_the_items_number(tmp_path: Path) -> None:
    tasks = tasks_by_id(import_whole(tmp_path, NESTED[0][0]))
    assert tasks["1-4"]["number"] == 4
    assert _dates(tasks["1-4"]) == ["2011"]


# --- 8. 责任单位或牵头单位 beside 协助单位; a header wrapped onto two lines

TABLES = [
    (
        "2022年全县安全生产重点工作任务分解表\n序号 | 重点工"
        "作 | 责任单位或牵头单位 | 协助单位 | 完成时限 |\n"
        "1 | 开展危化品专项整治 | 县应急管理局 | 县公安局、县交通运输局 | 2022年6月底前 |\n"
        "2 | 推进燃气安全排查 | 县住建局 | 县市场监管局 | 2022年9月底前 |\n",
        {
            "01": {"lead": ["县应急管理局"], "cooperate": ["县公安局", "县交通运输局"]},
            "02": {"lead": ["县住建局"], "cooperate": ["县市场监管局"]},
        },
        {"01": "2022-06-30", "02": "2022-09-30"},
    ),
    (
        "市2020年城市更新工作任务表\n序号 | 工作任务 | 责任单位或 "
        "| 协助 | 完成 |\n| | 牵头单位 | 单位 | 时间 |\n"
        "1 | 完成棚户区改造1200户 | 市住建局 | 市财政局 | 2020年11月 |\n"
        "2 | 改造老旧管网50公里 | 市水务局 | 市住建局、市城管局 | 2020年10月 |\n",
        {
            "01": {"lead": ["市住建局"], "cooperate": ["市财政局"]},
            "02": {"lead": ["市水务局"], "cooperate": ["市住建局", "市城管局"]},
        },
        {"01": "2020-11-30", "02": "2020-10-31"},
    ),
    (
        "2019年區政務服務改革任務清單\n序號 | 改革任務 "
        "| 責任單位或牽頭單位 | 協助單位 | 完成時限 |\n"
        "1 | 推行一窗受理 | 區政務服務中心 | 區行政審批局 | 2019年6月 |\n",
        {"01": {"lead": ["區政務服務中心"], "cooperate": ["區行政審批局"]}},
        {"01": "2019-06-30"},
    ),
]


@pytest.mark.parametrize(("text", "roles", "dates"), TABLES)
def test_a_helping_units_column_cooperates(
    tmp_path: Path, text: str, roles: dict, dates: dict
) -> None:
    tasks = tasks_by_id(import_whole(tmp_path, text))
    assert {k: t["roles"] for k, t in tasks.items()} == roles
    assert {k: _dates(t)[0] for k, t in tasks.items()} == dates


def test_a_wrapped_header_is_joined_only_under_a_header() -> None:
    joined = joined_header(
        "序号 | 工作任务 | 责任单位或 | 协助 | 完成 |\n| | 牵头单位 | 单位 | 时间 |\n"
    )
    assert joined is not None
    assert (
        joined[0].split("\n")[0] == "序号 | 工作任务 | 责任单位或牵头单位 | 协助单位 | 完成时间 |"
    )
    # a row of the table under it is no second header row (a number, a digit, no empty cell)
    rows = "序号 | 工作任务 | 牵头单位 |\n1 | 推进 | 县住建局 |\n"
    assert joined_header(rows) is None
    assert joined_header("| | 市住建局 | 2020年 |\n| | 市财政局 | |\n") is None
