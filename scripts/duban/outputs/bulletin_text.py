"""The 督办通报 as Markdown (for a pull request or an issue) and as HTML (to print from a
browser, in the layout and fonts of GB/T 9704-2012). The .docx is :mod:`.bulletin_docx`."""

from __future__ import annotations

from markupsafe import escape

from duban.outputs.bulletin import (
    FANGSONG,
    HEITI,
    KAITI,
    XIAOBIAOSONG,
    Bulletin,
    masthead_points,
)
from duban.outputs.check_markdown import md


# -- Markdown ------------------------------------------------------------------------------------
def bulletin_markdown(doc: Bulletin) -> str:
    lines = []
    if doc.masthead is not None:
        lines += [f"**{md(doc.masthead)}**", ""]
    if doc.number:
        lines += [md(doc.number), ""]
    if doc.masthead is not None:
        lines += ["---", ""]
    lines += [f"# {md(doc.title)}", "", f"{md(doc.addressees)}：", ""]
    for block in doc.blocks:
        if block.kind == "h1":
            lines += [f"## {md(block.text)}", ""]
        elif block.kind == "h2":
            lines += [f"### {md(block.text)}", ""]
        else:
            lines += [md(block.text), ""]
    if doc.attachment:
        lines += [f"附件：{doc.attachment_title}", ""]
    lines += [md(doc.issuer), "", md(doc.date_text)]
    if doc.attachment:
        lines += ["", "---", "", "附件", "", f"## {doc.attachment_title}", ""]
        header, *rows = doc.attachment
        lines.append("| " + " | ".join(header) + " |")
        lines.append("|" + " --- |" * len(header))
        lines += ["| " + " | ".join(md(c) for c in row) + " |" for row in rows]
    if doc.imprint:
        lines += ["", "---", ""]
        if doc.cc:
            lines += [f"抄送：{md(doc.cc)}。", ""]
        lines += [f"{md(doc.issuer)}　　{md(doc.printed_text)}", "", "---"]
    return "\n".join(lines) + "\n"


# -- HTML ----------------------------------------------------------------------------------------
FANGSONG_CSS = f'"{FANGSONG}", "仿宋", FangSong, STFangsong, "Noto Serif CJK SC", serif'
XIAOBIAOSONG_CSS = (
    f'"{XIAOBIAOSONG}", "方正小标宋_GBK", "华文中宋", STZhongsong, "Noto Serif CJK SC", serif'
)
HEITI_CSS = f'"{HEITI}", SimHei, STHeiti, "Noto Sans CJK SC", sans-serif'
KAITI_CSS = f'"{KAITI}", "楷体", KaiTi, STKaiti, "Noto Serif CJK SC", serif'

_HTML_STYLE = f"""
@page {{ size: A4; margin: 37mm 26mm 35mm 28mm; }}
body {{ font-family: {FANGSONG_CSS}; font-size: 16pt; line-height: 28.9pt; max-width: 156mm;
  margin: 2em auto; color: #000; }}
h1 {{ font-family: {XIAOBIAOSONG_CSS}; font-size: 22pt; font-weight: normal; text-align: center;
  line-height: 1.4; margin: 0 0 28.9pt; }}
.number {{ text-align: center; margin: 0 0 28.9pt; }}
.masthead {{ font-family: {XIAOBIAOSONG_CSS}; color: #f00; text-align: center; text-indent: 0;
  white-space: nowrap; line-height: 1.4; margin: 0 0 57.8pt; }}
.red-line {{ border: 0; border-top: 1.5pt solid #f00; margin: 0 0 57.8pt; }}
.imprint {{ margin-top: 2em; border-top: 1pt solid #000; border-bottom: 1pt solid #000;
  font-size: 14pt; line-height: 1.6; }}
.imprint p {{ text-indent: 0; padding: 0 1em; }}
.imprint .cc {{ border-bottom: 0.75pt solid #000; }}
.imprint .printed {{ display: flex; justify-content: space-between; }}
h2 {{ font-family: {HEITI_CSS}; font-size: 16pt; font-weight: normal; text-indent: 2em; margin: 0; }}
h3 {{ font-family: {KAITI_CSS}; font-size: 16pt; font-weight: normal; text-indent: 2em; margin: 0; }}
p {{ margin: 0; text-indent: 2em; }}
p.addressees {{ text-indent: 0; }}
p.issuer, p.date {{ text-align: right; text-indent: 0; padding-right: 4em; }}
p.issuer {{ margin-top: 57.8pt; }}
section.attachment {{ break-before: page; margin-top: 2em; }}
table {{ border-collapse: collapse; width: 100%; font-size: 12pt; line-height: 1.4; }}
th, td {{ border: 1px solid #000; padding: 2pt 4pt; vertical-align: top; }}
th {{ font-family: {HEITI_CSS}; font-weight: normal; }}
"""


def bulletin_html(doc: Bulletin) -> str:
    tags = {"h1": "h2", "h2": "h3", "p": "p"}
    body = []
    if doc.masthead is not None:
        # the .docx's size, on one line; on a narrow screen, 85 % of its width
        size = masthead_points(doc.masthead)
        share = 85 / max(1, len(doc.masthead))
        style = f"font-size: min({size}pt, {share:.2f}vw)"
        body.append(f'<p class="masthead" style="{style}">{escape(doc.masthead)}</p>')
    if doc.number:
        body.append(f'<p class="number">{escape(doc.number)}</p>')
    if doc.masthead is not None:
        body.append('<hr class="red-line">')
    body += [
        f"<h1>{escape(doc.title)}</h1>",
        f'<p class="addressees">{escape(doc.addressees)}：</p>',
    ]
    for block in doc.blocks:
        tag = tags.get(block.kind, "p")
        body.append(f"<{tag}>{escape(block.text)}</{tag}>")
    if doc.attachment:
        body.append(f'<p class="addressees">附件：{escape(doc.attachment_title)}</p>')
    body.append(f'<p class="issuer">{escape(doc.issuer)}</p>')
    body.append(f'<p class="date">{escape(doc.date_text)}</p>')
    if doc.attachment:
        header, *rows = doc.attachment
        body.append('<section class="attachment"><p class="addressees">附件</p>')
        body.append(f"<h1>{escape(doc.attachment_title)}</h1>")
        body.append("<table><thead><tr>")
        body.append("".join(f"<th>{escape(c)}</th>" for c in header))
        body.append("</tr></thead><tbody>")
        for row in rows:
            body.append("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>")
        body.append("</tbody></table></section>")
    if doc.imprint:
        body.append('<section class="imprint">')
        if doc.cc:
            body.append(f'<p class="cc">抄送：{escape(doc.cc)}。</p>')
        body.append(
            f'<p class="printed"><span>{escape(doc.issuer)}</span>'
            f"<span>{escape(doc.printed_text)}</span></p></section>"
        )
    return (
        '<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{escape(doc.title)}</title>\n<style>{_HTML_STYLE}</style>\n</head>\n<body>\n"
        + "\n".join(body)
        + "\n</body>\n</html>\n"
    )
