"""The same plan in the pages offices save (issue 18, branch h18bc): does the importer read a
plan's text the same whether it comes as the text a clerk copied or as the web page it was
copied from?

Every opened text file of the corpus (tests/fixtures/import/corpus/*.txt; the held-out files of
SOURCES.md are never read, as in corpus_variants.py) is written again as an HTML page in each of
the shapes real government sites save, its text unchanged: every line of the file one paragraph
(or one ``<br>``-separated line), escaped with ``html.escape``; only the page around it changes.
The shapes, each a function below:

- ``govcn``: the State Council site's page, laid out in nested tables (``<table width="930">`` …
  ``<td id="UCAP-CONTENT">``), its index table above (索 引 号, 主题分类, 发文机关, 成文日期,
  标　　题, 发文字号, 发布日期 in ``<td><b>…：</b></td><td>…</td>`` cells), each paragraph a
  ``<p style="text-indent: 2em">``, headings in ``<span style="font-weight: bold">``, and
  扫一扫在手机打开当前页 below;
- ``trs``: a TRS/CMS editor's page: a breadcrumb (当前位置：首页 > 政务公开 > 通知公告), the title,
  发布时间 and 字号：大 中 小, a ``<div class="TRS_Editor">`` of ``<p>`` indented with ``　　`` or
  ``&nbsp;`` runs (and the editor's ``<style>`` inside it), 打印本页 关闭窗口 at the foot;
  ``trs-gb2312``: the same page saved by a site in GB2312 (``charset=gb2312``, GB18030 bytes,
  CR LF line ends);
- ``br-div``: the text in one ``<div>``, lines separated by ``<br>`` (no ``<p>``; a blank line a
  second ``<br>``); ``br-nbsp``: the same with ``<br/>`` and each line indented by ``&nbsp;`` runs;
- ``wechat``: a WeChat (公众号) article: ``<section>``s of ``<span>``s that split a line into runs
  (a number and its text in separate spans, ``<span>（一）</span><span>加强领导。</span>``, a long
  line cut again at its first comma), ``<strong>`` headings, the account's name and date above
  and 阅读原文 below;
- ``word``: Word's HTML pasted into a site's editor (``<p class=MsoNormal>`` of spans cut where
  the text turns between Chinese and Latin letters or digits, ``<o:p></o:p>``, Word's XML);
- ``table-rows``: the lines in a one-column ``<table>``, a cell a paragraph; ``table-cell``: all
  of them in a single ``<td>``, separated by ``<br>``.

The dates a page shows (成文日期, 发布日期, 发布时间) are in the oracle's plan year (January), or
left empty when the oracle names no year: a page says when the plan was issued, and a made-up
year would change the fact the oracle states. The title cell holds the file's first line when it
reads as a title (:data:`TITLE`), else it is left out.

Each page is imported in-process and scored against the file's oracle with corpus_score.py's
functions, as corpus_variants.py scores its rewrites, and the table it prints is theirs: shape ×
(files, tasks found, roles, leaders and deadlines right: page/text), the files each shape breaks
(fewer tasks found or fields right than the text file itself, or refused). ``--only SHAPE``
(repeatable), ``--file WORD`` (files whose name contains WORD, repeatable), ``-v`` (each broken
page's new differences), ``--write DIR`` (the pages written into DIR, to look at).
"""

from __future__ import annotations

import html
import re
import sys
from collections.abc import Callable
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus_score import CORPUS, FileScore, oracle_path
from corpus_variants import Row, _values, chosen, run_rewrites, table

TITLE = re.compile(
    r"(?![（(]?[一二三四五六七八九十0-9０-９]+[、.．)）])[^\s|│┃，。：:]{6,60}"
    r"(?:方案|计划|意见|要点|通知|分解|清单|安排|任务|措施|办法|进展情况|登记表|表)"
)
"""A document's title, as a page shows it above the text: a line of 8 to 60 characters ending
with what the document is, not numbered, no bar or box line. A page never shows a table's top
border ┌──┐ or a header cell (重点工作任务) as its title: taken for one by a first version of this
tool, they stood above the page's 来源 line and cut the table the text file holds."""


class Page:
    """What a page is made of: the file's lines, its title when it has one, the plan's year."""

    def __init__(self, text: str, year: int | None) -> None:
        self.lines = [line.rstrip() for line in text.split("\n")]
        while self.lines and not self.lines[-1]:
            self.lines.pop()
        titles = (line.strip() for line in self.lines[:12] if TITLE.fullmatch(line.strip()))
        self.title = next(titles, "")
        self.year = year

    def date(self, day: int) -> str:
        return f"{self.year}年01月{day:02d}日" if self.year else ""

    def iso(self, day: int) -> str:
        return f"{self.year}-01-{day:02d}" if self.year else ""

    def paragraphs(self) -> list[str]:
        """The file's non-empty lines, each escaped (a paragraph a line)."""
        return [html.escape(line) for line in self.lines if line.strip()]


HEAD = (
    '<!DOCTYPE html>\n<html>\n<head>\n<meta http-equiv="Content-Type" '
    'content="text/html; charset=utf-8">\n<title>{title}</title>\n'
    '<link rel="stylesheet" href="/css/common.css">\n'
    "<style>.bd1 td {{ font-size: 12px; }} p {{ line-height: 2; }}</style>\n"
    '<script type="text/javascript">var _hmt = _hmt || []; function doZoom(size) {{}}</script>\n'
    "</head>\n"
)
CHAPTER_HEADING = re.compile(r"^\s*[一二三四五六七八九十]+[、.．]\S{1,28}$")
LEAD_SENTENCE = re.compile(r"^(\s*[（(][一二三四五六七八九十]+[)）][^。；\n]{1,18}。)(.+)$")
MARK = re.compile(
    r"^(\s*(?:[（(][一二三四五六七八九十0-9]+[)）]|[一二三四五六七八九十]+、|[0-9]+[.．、]))(.+)$"
)


def _head(title: str) -> str:
    return HEAD.format(title=html.escape(title or "通知公告"))


GOVCN_HEAD = (
    '<div class="header"><a href="/">首页</a> | <a>简</a> | <a>繁</a> | <a>EN</a> | '
    "<a>登录</a> | <a>邮箱</a> | <a>无障碍</a></div>\n"
)
GOVCN_FOOT = (
    '<div class="footer"><p>主办单位：国务院办公厅　运行维护单位：中国政府网运行中心</p>\n'
    "<p>版权所有：中国政府网　中文域名：中国政府网.政务</p>\n"
    "<p>网站标识码bm01000001　京ICP备05070218号　京公网安备11010202000001号</p></div>\n"
)
TRS_FOOT = (
    '<div class="footer"><p>主办：市人民政府办公室　承办：市大数据发展管理局</p>\n'
    "<p>网站标识码：3301000001　ICP备案号：浙ICP备05006290号-1　联系电话：0571-85252114</p>"
    "</div>\n"
)
"""A site's header and foot (the site's owner, 主办单位：… is no task's lead)."""


def govcn(page: Page) -> str:
    """The State Council site's page (gov.cn): nested layout tables, the index table, a
    ``<p style="text-indent: 2em">`` a paragraph, bold headings in styled spans."""
    bold = '<span style="font-weight: bold">{}</span>'
    body = []
    for line in page.paragraphs():
        if CHAPTER_HEADING.match(html.unescape(line)):
            line = bold.format(line)
        elif lead := LEAD_SENTENCE.match(line):  # （一）加强组织领导。 bold before its paragraph
            line = bold.format(lead.group(1)) + lead.group(2)
        body.append(f'<p style="text-indent: 2em; font-family: 宋体; font-size: 12pt;">{line}</p>')
    cell = '<td width="90"><b>{}：</b></td><td width="250">{}</td>'
    title = html.escape(page.title)
    index = [
        "<tr>"
        + cell.format("索 引 号", f"000014349/{page.year or 2020}-00042")
        + cell.format("主题分类", "综合政务\\其他")
        + "</tr>",
        "<tr>" + cell.format("发文机关", "") + cell.format("成文日期", page.date(15)) + "</tr>",
        f'<tr><td><b>标　　题：</b></td><td colspan="3">{title}</td></tr>' if title else "",
        "<tr>" + cell.format("发文字号", "") + cell.format("发布日期", page.date(18)) + "</tr>",
    ]
    return (
        _head(page.title + "_国务院文件_中国政府网")
        + "<body>\n"
        + GOVCN_HEAD
        + '<table width="930" border="0" align="center" cellpadding="0" cellspacing="0">'
        + "<tr><td>\n"
        + '<table width="100%" border="0" cellpadding="0" cellspacing="1" class="bd1">\n'
        + "\n".join(row for row in index if row)
        + "\n</table>\n"
        + '<table width="100%" border="0" cellspacing="0" cellpadding="0"><tr>'
        + '<td class="b12c" id="UCAP-CONTENT">\n'
        + "\n".join(body)
        + "\n</td></tr></table>\n"
        + '<div class="share"><img src="/images/code.png" alt="">扫一扫在手机打开当前页</div>\n'
        + "</td></tr></table>\n"
        + GOVCN_FOOT
        + "</body>\n</html>\n"
    )


def trs(page: Page) -> str:
    """A TRS/CMS editor's page: breadcrumb, title, 发布时间 and 字号 line, the TRS_Editor div of
    indented paragraphs, 打印本页 关闭窗口 at the foot."""
    indents = ("　　", "&nbsp;&nbsp;&nbsp;&nbsp;")
    body = [
        f'<p style="text-align: justify;">{indents[i % 2]}{line}</p>'
        for i, line in enumerate(page.paragraphs())
    ]
    when = f"发布时间：{page.iso(18)} 09:30&nbsp;&nbsp;" if page.year else ""
    return (
        _head(page.title)
        + "<body>\n"
        + '<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a>'
        + ' &gt; <a href="/zwgk/tzgg/">通知公告</a></div>\n'
        + '<div class="article">\n'
        + (f'<h1 class="title">{html.escape(page.title)}</h1>\n' if page.title else "")
        + f'<div class="info">{when}来源：办公室&nbsp;&nbsp;浏览次数：1024&nbsp;&nbsp;'
        + '字号：<a href="javascript:doZoom(16)">大</a> <a href="javascript:doZoom(14)">中</a> '
        + '<a href="javascript:doZoom(12)">小</a></div>\n'
        + '<div class="TRS_Editor"><style type="text/css">.TRS_Editor P{margin-top:0px;'
        + "margin-bottom:12px;line-height:1.5;font-size:12pt;}</style>\n"
        + "\n".join(body)
        + "\n</div>\n"
        + '<div class="foot">【<a href="javascript:window.print()">打印本页</a>】 '
        + '【<a href="javascript:window.close()">关闭窗口</a>】</div>\n'
        + "</div>\n"
        + TRS_FOOT
        + "</body>\n</html>\n"
    )


def trs_gb2312(page: Page) -> str:
    """The TRS page as a site in GB2312 saves it: its ``<meta>`` says so, its lines end with CR LF
    (the bytes are GB18030, :data:`ENCODINGS`)."""
    return trs(page).replace("charset=utf-8", "charset=gb2312").replace("\n", "\r\n")


def _br_lines(page: Page, indent: str) -> list[str]:
    """The file's lines as ``<br>``-separated text (a blank line, a second break)."""
    return [indent + html.escape(line) if line.strip() else "" for line in page.lines]


def _br_page(page: Page, div: str, indent: str, br: str) -> str:
    """The text in one ``<div>``, each line after ``indent`` and closed by ``br``, no ``<p>``."""
    lines = br.join(_br_lines(page, indent))
    return f"{_head(page.title)}<body>\n{div}\n{lines}\n</div>\n</body>\n</html>\n"


def br_div(page: Page) -> str:
    """The text in one ``<div>``, lines separated by ``<br>`` (a blank line, a second break)."""
    return _br_page(page, '<div id="zoom" class="content">', "", "<br>\n")


def br_nbsp(page: Page) -> str:
    """The text in one ``<div>``, each line indented by ``&nbsp;`` runs and closed by ``<br/>``."""
    return _br_page(page, '<div class="wzy_content">', "&nbsp;" * 6, "<br/>\n")


def _runs(line: str) -> str:
    """A line as WeChat's editor writes it: its number in a span of its own, the rest cut at the
    first comma into two spans (each run of text a span)."""
    span = '<span style="font-size: 16px; letter-spacing: 1px;">{}</span>'
    parts = []
    if mark := MARK.match(line):
        parts.append(mark.group(1))
        line = mark.group(2)
    head, comma, tail = line.partition("，")
    parts.extend([head + comma, tail] if comma and tail else [line])
    return "".join(span.format(part) for part in parts)


BOLD_LEAD = re.compile(
    r"^(\s*(?:[（(][一二三四五六七八九十0-9]+[)）]|[0-9]+[.．、])[^。；，\n]{2,24})(。.+)$"
)
"""An item's short title before its first stop, which an article sets in bold (the stop not)."""


def wechat(page: Page) -> str:
    """A WeChat (公众号) article: ``<section>``s of ``<span>`` runs, ``<strong>`` headings and
    item titles (``<strong>1.坚定不移支持企业发展</strong>。认真…``), ``<p><br></p>`` between."""
    body = []
    for i, line in enumerate(page.paragraphs()):
        if CHAPTER_HEADING.match(html.unescape(line)):
            runs = f"<strong>{_runs(line)}</strong>"
        elif lead := BOLD_LEAD.match(line):
            runs = f"<strong>{_runs(lead.group(1))}</strong>{_runs(lead.group(2))}"
        else:
            runs = _runs(line)
        if i % 3 == 2:
            body.append("<section><p><br></p></section>")
        if i % 2:
            body.append(f'<section style="margin: 0 8px; line-height: 1.75em;">{runs}</section>')
        else:
            body.append(f'<section><p style="text-align: justify;">{runs}</p></section>')
    return (
        _head(page.title)
        + '<body>\n<div class="rich_media_area_primary">\n'
        + (f'<h1 class="rich_media_title" id="activity-name">{html.escape(page.title)}</h1>\n')
        + '<div id="meta_content"><span class="rich_media_meta_nickname">'
        + '<a href="javascript:void(0);" id="js_name">政务发布</a></span> '
        + f'<em id="publish_time">{page.iso(18)}</em></div>\n'
        + '<div class="rich_media_content" id="js_content">\n'
        + "\n".join(body)
        + "\n</div>\n"
        + '<div class="rich_media_tool"><a id="js_view_source" href="##">阅读原文</a></div>\n'
        + "</div>\n</body>\n</html>\n"
    )


def _word_runs(line: str) -> str:
    """A line as Word writes it when pasted into a page editor: its text cut into spans where it
    turns from Chinese to Latin letters and digits (``<span lang=EN-US>2024</span>``)."""
    chinese = '<span style="font-family:仿宋_GB2312;mso-hansi-font-family:宋体">{}</span>'
    latin = '<span lang=EN-US style="font-family:仿宋_GB2312">{}</span>'
    parts = re.findall(r"[0-9A-Za-z.%\-]+|[^0-9A-Za-z.%\-]+", html.unescape(line))
    return "".join(
        (latin if re.match(r"[0-9A-Za-z.%\-]", part) else chinese).format(html.escape(part))
        for part in parts
    )


def word(page: Page) -> str:
    """Word's HTML pasted into a site's editor: ``<p class=MsoNormal>`` paragraphs of spans cut
    at each turn between Chinese and Latin (``<span lang=EN-US>``), ``<o:p></o:p>`` at their
    ends, ``<p class=MsoNormal><span lang=EN-US>&nbsp;</span></p>`` for a blank line, and
    Word's conditional comments and XML in the head."""
    body = []
    for line in page.lines:
        if line.strip():
            body.append(
                '<p class=MsoNormal style="text-indent:32.0pt;mso-char-indent-count:2.0">'
                f"{_word_runs(html.escape(line.strip()))}<span lang=EN-US><o:p></o:p></span></p>"
            )
        else:
            body.append("<p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p>")
    return (
        _head(page.title)
        + "<body>\n<!--[if gte mso 9]><xml><w:WordDocument><w:View>Normal</w:View>"
        + "</w:WordDocument></xml><![endif]-->\n"
        + '<div class="Section1" style="layout-grid:15.6pt">\n'
        + "\n".join(body)
        + "\n</div>\n</body>\n</html>\n"
    )


def table_rows(page: Page) -> str:
    """The lines in a one-column ``<table>``, a cell a paragraph."""
    rows = [f"<tr><td>{line}</td></tr>" for line in page.paragraphs()]
    return (
        _head(page.title)
        + '<body>\n<table width="100%" border="0" cellspacing="0" cellpadding="0">\n'
        + "\n".join(rows)
        + "\n</table>\n</body>\n</html>\n"
    )


def table_cell(page: Page) -> str:
    """All the lines in a single ``<td>``, separated by ``<br>``."""
    return (
        _head(page.title)
        + '<body>\n<table width="760" align="center"><tr><td class="nr">\n'
        + "<br>\n".join(_br_lines(page, ""))
        + "\n</td></tr></table>\n</body>\n</html>\n"
    )


SHAPES: dict[str, Callable[[Page], str]] = {
    "govcn": govcn,
    "trs": trs,
    "trs-gb2312": trs_gb2312,
    "br-div": br_div,
    "br-nbsp": br_nbsp,
    "wechat": wechat,
    "word": word,
    "table-rows": table_rows,
    "table-cell": table_cell,
}


ENCODINGS = {"trs-gb2312": "gb18030"}
"""The shapes saved in another encoding than UTF-8 (GB18030 holds every character of GB2312)."""


def page_of(shape: str, source: Path) -> bytes:
    """``source``'s text as a page of ``shape``, saved (deterministic)."""
    oracle = yaml.safe_load(oracle_path(source).read_text(encoding="utf-8"))
    year = (oracle.get("plan") or {}).get("year")
    page = SHAPES[shape](Page(source.read_text(encoding="utf-8"), year))
    return page.encode(ENCODINGS.get(shape, "utf-8"))


def run(shapes: list[str], files: list[Path]) -> tuple[list[Row], dict[str, FileScore]]:
    return run_rewrites(shapes, files, page_of, ".html")


def main(argv: list[str] | None = None) -> list[Row]:
    args = sys.argv[1:] if argv is None else argv
    shapes, files = chosen(args, SHAPES, "shape")
    if write := _values(args, "--write"):
        folder = Path(write[0])
        folder.mkdir(parents=True, exist_ok=True)
        for shape in shapes:
            for source in files:
                target = folder / f"{source.stem}--{shape}.html"
                target.write_bytes(page_of(shape, source))
    rows, base = run(shapes, files)
    print("\n".join(table(rows, base, verbose="-v" in args, what="shape")))
    return rows


if __name__ == "__main__":
    assert CORPUS.is_dir()
    main()
