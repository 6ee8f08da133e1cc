"""The same plan in the pages offices save (issue 18, thirty-fourth round, branch h18bc): each test
imports a small made-up page in one of the shapes tests/plan_import/corpus_pages.py writes (a CMS
page whose table is written one cell a paragraph, a TRS editor's indented paragraphs, a WeChat
article's runs of spans, a one-column layout table …) and checks that the plan is read as the same
text saved as a plain file is. Every page is made up for the test. A last test runs a small fixed
part of the tool itself, so that a page shape cannot regress silently."""

from __future__ import annotations

from pathlib import Path

import pytest

from duban.plan_import import import_file
from duban.plan_import.units import ImportOrg

pytestmark = pytest.mark.usefixtures("chinese")


def _page(folder: Path, html: str, year: int | None = None) -> dict[str, dict]:
    """The tasks of ``html`` imported as a saved page, every character accounted for."""
    source = folder / "plan.html"
    source.write_text(html, encoding="utf-8")
    result = import_file(source, ImportOrg(), "p", year)
    assert result.accounting is not None and result.accounting.leftovers == []
    return {task["id"]: task for task in result.tasks}


def _html(body: str, title: str = "某县2024年重点工作任务分解") -> str:
    return (
        f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title}</title>'
        f"<script>var a = 1;</script></head><body>\n{body}\n</body></html>"
    )


# --- a table written one cell a paragraph, as a CMS page or a document site shows it -------------

CELL_PARAGRAPHS = _html(
    '<div class="TRS_Editor">\n<p>某县2024年重点工作任务分解表</p>\n'
    "<p>序号</p><p>工作任务</p><p>牵头单位</p><p>完成时限</p>\n"
    "<p>1</p><p>新建城区停车场3处。</p><p>县住建局</p><p>2024年6月底前</p>\n"
    "<p>2</p><p>完成农村公路提档升级50公里。</p><p>县交通运输局</p><p>2024年12月底前</p>\n"
    "<p>3</p><p>新增城镇就业岗位2000个。</p><p>县人社局</p><p>2024年12月底前</p>\n</div>"
)


def test_a_table_written_one_cell_a_paragraph(tmp_path: Path) -> None:
    tasks = _page(tmp_path, CELL_PARAGRAPHS, 2024)
    assert sorted(tasks) == ["01", "02", "03"]
    assert tasks["01"]["roles"] == {"lead": ["县住建局"]}
    assert tasks["02"]["roles"] == {"lead": ["县交通运输局"]}
    assert str(tasks["01"]["due"][0]["date"]) == "2024-06-30"


# --- an editor's indent before each paragraph (　　 or &nbsp; runs) -----------------------------

INDENTED = _html(
    '<div class="position">当前位置：<a href="/">首页</a> &gt; 政务公开 &gt; 通知公告</div>\n'
    '<div class="TRS_Editor">\n'
    "<p>　　某市2020年交通重点工作任务分解</p>\n"
    "<p>　　28.加快农村公路提档升级，完成农村公路三年集中攻坚行动。</p>\n"
    "<p>&nbsp;&nbsp;&nbsp;&nbsp;牵头单位：市交通运输局</p>\n"
    "<p>　　实施单位：各县区政府</p>\n"
    "<p>&nbsp;&nbsp;&nbsp;&nbsp;34.开工建设机场航站楼改扩建工程，增开国内航线。</p>\n"
    "<p>　　牵头单位：市发改委</p>\n"
    "<p>&nbsp;&nbsp;&nbsp;&nbsp;实施单位：市机场集团</p>\n"
    "<p>　　35.推动高铁二通道开工建设，积极推进城际铁路前期工作。</p>\n"
    "<p>&nbsp;&nbsp;&nbsp;&nbsp;牵头单位：市交通运输局</p>\n"
    "<p>　　实施单位：市铁路发展中心</p>\n"
    "</div>\n"
    '<div class="foot">【<a href="javascript:window.print()">打印本页</a>】 '
    '【<a href="javascript:window.close()">关闭窗口</a>】</div>'
)


def test_an_editors_indent_before_each_paragraph(tmp_path: Path) -> None:
    tasks = _page(tmp_path, INDENTED, 2020)
    assert sorted(tasks) == ["28", "34", "35"]
    assert tasks["34"]["roles"] == {"lead": ["市发改委"], "responsible": ["市机场集团"]}


# --- a line that opens with its number, its (1) (2) run on inside it -----------------------------

# Made up: a page's paragraph has no indent, so its text opens with 1. at the line's start.
OPENS_WITH_ITS_NUMBER = (
    "某市关于优化营商环境的实施意见\n"
    "一、持续减少审批事项\n"
    "1.深化商事制度改革。(1)全面落实“多证合一”改革。按照能整合的尽量整合、能简化的尽量简化的"
    "原则，全面实行“多证合一、一照一码”，已被整合的证照一律不再发放(市市场监管局牵头负责)。"
    "(2)完善企业登记全程电子化。推行网上申请、网上受理、网上审核、网上发照和网上公示的登记方式"
    "(市市场监管局牵头负责)。\n"
)


def test_a_line_that_opens_with_its_number_keeps_its_sub_items(tmp_path: Path) -> None:
    for text in (OPENS_WITH_ITS_NUMBER, OPENS_WITH_ITS_NUMBER.replace("\n1.", "\n  1.")):
        tasks = _page(tmp_path, _html("".join(f"<p>{line}</p>" for line in text.split("\n"))))
        assert sorted(tasks) == ["1-1"]
        assert [item["roles"] for item in tasks["1-1"]["items"][:2]] == [
            {"lead": ["市市场监管局"]},
            {"lead": ["市市场监管局"]},
        ]


# --- a WeChat article: a number and its text in spans of their own, 阅读原文 below -------------

_SPAN = '<span style="font-size: 16px;">{}</span>'
WECHAT = _html(
    '<h1 class="rich_media_title">某市2020年重点工作责任分解</h1>\n'
    '<div id="js_content">\n'
    + "".join(
        f"<section><p>{''.join(_SPAN.format(run) for run in runs)}</p></section>\n"
        for runs in (
            ("一、", "王市长主抓重点工作"),
            ("1.", "坚定不移支持企业发展。", "全力支持企业复产达产，健康发展。"),
            ("责任单位：市经信局、市财政局、市税务局（列第一位者为工作牵头单位，下同）",),
        )
    )
    + '</div>\n<div class="rich_media_tool"><a id="js_view_source">阅读原文</a></div>'
)


def test_a_wechat_articles_foot_is_not_a_units_name(tmp_path: Path) -> None:
    tasks = _page(tmp_path, WECHAT, 2020)
    assert tasks["1-1"]["roles"] == {"lead": ["市经信局"], "responsible": ["市财政局", "市税务局"]}


# Made up: an article sets an item's title in bold, its stop outside the bold run.
BOLD_TITLE = _html(
    "<section><p><strong>一、持续减少审批事项</strong></p></section>\n"
    "<section><p><strong><span>1.</span><span>深化商事制度改革</span></strong><span>。(1)全面落实"
    "“多证合一”改革，已被整合的证照一律不再发放(市市场监管局牵头负责)。</span><span>(2)完善企业"
    "登记全程电子化，推行网上申请、网上受理(市行政审批局牵头负责)。</span></p></section>\n"
    "<section><p><strong>2.优化纳税服务</strong>。推行税费综合申报(市税务局牵头负责)。</p></section>"
)


def test_an_items_bold_title_before_its_stop_stays_in_its_paragraph(tmp_path: Path) -> None:
    tasks = _page(tmp_path, BOLD_TITLE, 2024)
    assert sorted(tasks) == ["1-1", "1-2"]
    assert tasks["1-1"]["text"].startswith("深化商事制度改革。(1)")
    assert [item["roles"] for item in tasks["1-1"]["items"]] == [
        {"lead": ["市市场监管局"]},
        {"lead": ["市行政审批局"]},
    ]
    assert tasks["1-2"]["roles"] == {"lead": ["市税务局"]}


# --- a one-column table, a paragraph a row ------------------------------------------------------

ONE_COLUMN = _html(
    '<table width="100%">\n'
    + "".join(
        f"<tr><td>{line}</td></tr>\n"
        for line in (
            "某区2023年重点工作任务分解",
            "一、稳住经济大盘",
            "1.地区生产总值增长6%左右。",
            "牵头单位：区发改局",
            "责任单位：区统计局、区财政局",
            "2.一般公共预算收入增长5%。",
            "牵头单位：区财政局",
            "责任单位：区税务局",
        )
    )
    + "</table>"
)


def test_a_one_column_table_a_paragraph_a_row(tmp_path: Path) -> None:
    tasks = _page(tmp_path, ONE_COLUMN, 2023)
    assert tasks["1-1"]["roles"] == {"lead": ["区发改局"], "responsible": ["区统计局", "区财政局"]}
    assert tasks["1-2"]["roles"] == {"lead": ["区财政局"], "responsible": ["区税务局"]}


# --- a site's footer: who runs the site, its registration -------------------------------------

FOOTER = _html(
    '<div class="TRS_Editor">\n<p>某市2024年创文问题整改清单</p>\n'
    "<p>1. 市科技馆</p><p>(1)院内电动车未按指定区域停放;</p><p>(2)灭火器过期未更换。</p>\n"
    "<p>问题整改责任单位:市科技馆 整改时限:3天</p>\n"
    "<p>2. 市第二人民医院</p><p>(1)院内禁烟标识数量不达标;</p><p>(2)宣传牌内容不规范。</p>\n"
    "<p>问题整改责任单位:市卫生健康委员会 整改时限:5天</p>\n</div>\n"
    '<div class="footer"><p>主办单位：市人民政府办公室　承办单位：市大数据发展管理局</p>\n'
    "<p>网站标识码：3301000001　ICP备案号：浙ICP备05006290号-1　联系电话：0571-85252114</p></div>"
)
# Made up: a plan that closes with 主办单位 / 承办单位 labels of its own, no site's mark near.
LABELS_AT_THE_END = _html(
    "<p>某县2024年文化活动安排</p>\n<p>1.举办全县农民丰收节。</p>\n"
    "<p>主办单位：县农业农村局</p>\n<p>承办单位：县文化馆</p>"
)


def test_a_sites_footer_is_not_the_last_tasks_roles(tmp_path: Path) -> None:
    tasks = _page(tmp_path, FOOTER, 2024)
    assert sorted(tasks) == ["01", "02"]
    assert [task["roles"] for task in tasks.values()] == [
        {"responsible": ["市科技馆"]},
        {"responsible": ["市卫生健康委员会"]},
    ]


def test_a_plans_own_labels_at_its_end_stay_the_tasks(tmp_path: Path) -> None:
    tasks = _page(tmp_path, LABELS_AT_THE_END, 2024)
    assert tasks["01"]["roles"] == {"lead": ["县农业农村局"], "responsible": ["县文化馆"]}


# --- the tool itself: four files in every shape (footnote, cell table, label lines, run-on) ----

PINNED = (
    "zhejiang-huzhou-2020-footnote",
    "zhejiang-liandu-2023-cells-zeren-before-qiantou-column",
    "liaoning-lishan-2023-lead-lines",
    "anhui-chizhou-2017-inline-items",
)


def test_four_files_in_every_page_shape_read_as_their_text() -> None:
    from corpus_pages import SHAPES, run
    from corpus_variants import text_files

    files = [p for p in text_files() if p.stem in PINNED]
    assert len(files) == len(PINNED)
    rows, _ = run(list(SHAPES), files)
    assert [(row.name, row.changed) for row in rows] == [(shape, len(PINNED)) for shape in SHAPES]
    assert [name for row in rows for name, _, _ in row.broken] == []
