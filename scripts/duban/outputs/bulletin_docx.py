"""The 督办通报 as a Word document (python-docx), in the layout of GB/T 9704-2012.

A4; margins top 37 mm, left 28 mm, right 26 mm, bottom 35 mm (type area 156 × 225 mm); 22 lines
a page (fixed line height 28.9 pt); title 2号 (22 pt) 方正小标宋简体 centred; body 3号 (16 pt)
仿宋_GB2312 with a first-line indent of two characters; 一、 in 黑体, （一） in 楷体_GB2312;
issuer and date right-aligned; page numbers "— 1 —" in 4号 (14 pt) 宋体 at the foot, on the
outer side (odd pages right, even pages left).

版头 (when the bulletin has a masthead): the 发文机关标志 in red 小标宋, centred, 35 mm below the
top of the type area; the 发文字号 two lines below it; a red line as wide as the type area
(156 mm) 4 mm under the number; the title two lines below the line. Without a masthead, the
number (when there is one) is centred above the title. 版记 at the end (after the 附件): 抄送 and
印发机关/印发日期 in 4号 仿宋, each one character in from the edge, between a thick line (0.35 mm)
above and below and a thin one (0.25 mm) between them, all 156 mm wide. Every heading, and every
line before a table, keeps with the paragraph after it: no heading ends a page.

Word and WPS substitute fonts they lack: the fonts are named as they expect, and the font table
gives each an ``altName`` (仿宋, 楷体, 黑体, 宋体) that Windows and WPS ship. The bytes are
reproducible: fixed document dates and fixed zip timestamps.
"""

from __future__ import annotations

import datetime as dt
import io
import math
import zipfile
from typing import TYPE_CHECKING

from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from duban.outputs.bulletin import (
    ATTACHMENT_HEADER,
    FANGSONG,
    HEITI,
    KAITI,
    SONGTI,
    TYPE_AREA_MM,
    UNIT_ATTACHMENT_HEADER,
    XIAOBIAOSONG,
    Bulletin,
    masthead_points,
)
from duban.outputs.docx_xml import border, cant_split, font_table, foot_box, repeat_header
from duban.outputs.xml_text import xml_property, xml_text

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument
    from docx.enum.text import WD_PARAGRAPH_ALIGNMENT
    from docx.shared import Length
    from docx.text.paragraph import Paragraph
    from docx.text.run import Run

LATIN = "Times New Roman"

ALT_NAMES = {
    FANGSONG: "仿宋",
    KAITI: "楷体",
    XIAOBIAOSONG: "宋体",
    HEITI: "SimHei",
    SONGTI: "SimSun",
}
"""What Word or WPS may use when a font is missing (the font table's ``w:altName``)."""

LINE = Pt(28.9)
BODY = Pt(16)
RED = "FF0000"
_FIXED_ZIP_TIME = (2010, 1, 1, 0, 0, 0)


def _font(run: Run, east_asian: str, size: Length, bold: bool = False) -> None:
    run.font.name = LATIN
    run.font.size = size
    run.font.bold = bold
    fonts = run._element.get_or_add_rPr().get_or_add_rFonts()
    fonts.set(qn("w:eastAsia"), east_asian)
    fonts.set(qn("w:ascii"), LATIN if east_asian != SONGTI else SONGTI)
    fonts.set(qn("w:hAnsi"), LATIN if east_asian != SONGTI else SONGTI)


def _paragraph(
    document: DocxDocument,
    text: str,
    font: str,
    *,
    size: Length = BODY,
    align: WD_PARAGRAPH_ALIGNMENT | None = None,
    indent: bool = True,
    bold: bool = False,
) -> Paragraph:
    paragraph = document.add_paragraph()
    fmt = paragraph.paragraph_format
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = LINE if size == BODY else Pt(size.pt * 1.5)
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(0)
    if indent:
        fmt.first_line_indent = Pt(size.pt * 2)
    if align is not None:
        fmt.alignment = align
    _font(paragraph.add_run(xml_text(text)), font, size, bold)
    return paragraph


def _page_number(paragraph: Paragraph, align: WD_PARAGRAPH_ALIGNMENT) -> None:
    """— PAGE — in 4号 宋体."""
    paragraph.paragraph_format.alignment = align
    _font(paragraph.add_run("— "), SONGTI, Pt(14))
    run = paragraph.add_run()
    _font(run, SONGTI, Pt(14))
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), ("end", None)):
        if kind is None:
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = text
            run._element.append(instr)
        else:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._element.append(char)
            if kind == "separate":
                shown = OxmlElement("w:t")
                shown.text = "1"
                run._element.append(shown)
    _font(paragraph.add_run(" —"), SONGTI, Pt(14))


def _layout(document: DocxDocument) -> None:
    section = document.sections[0]
    section.start_type = WD_SECTION.NEW_PAGE
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    section.footer_distance = Mm(23)  # the number's line 7 mm below the type area
    document.settings.odd_and_even_pages_header_footer = True
    _page_number(section.footer.paragraphs[0], WD_ALIGN_PARAGRAPH.RIGHT)
    _page_number(section.even_page_footer.paragraphs[0], WD_ALIGN_PARAGRAPH.LEFT)
    normal = document.styles["Normal"]
    normal.font.name = LATIN
    normal.font.size = BODY
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), FANGSONG)


def masthead_size(name: str) -> Length:
    """The 发文机关标志's size: as large as fits the type area's width with a margin (at most
    48 pt, never below the title's 22 pt)."""
    return Pt(masthead_points(name))


def _masthead(document: DocxDocument, doc: Bulletin) -> None:
    """版头: 发文机关标志 in red, 发文字号, the red line, two empty lines."""
    assert doc.masthead is not None
    center = WD_ALIGN_PARAGRAPH.CENTER
    size = masthead_size(doc.masthead)
    mark = _paragraph(document, doc.masthead, XIAOBIAOSONG, size=size, align=center, indent=False)
    mark.paragraph_format.space_before = Mm(35)
    mark.runs[0].font.color.rgb = RGBColor.from_string(RED)
    mark.paragraph_format.keep_with_next = True
    for _ in range(2):
        _paragraph(document, "", FANGSONG, indent=False).paragraph_format.keep_with_next = True
    number = _paragraph(document, doc.number, FANGSONG, align=center, indent=False)
    number.paragraph_format.keep_with_next = True
    border(number, "bottom", 12, RED, space=11)  # 1.5 pt, 4 mm under the number
    for _ in range(2):
        _paragraph(document, "", FANGSONG, indent=False).paragraph_format.keep_with_next = True


HANGING = 4
"""Characters of 　抄送：, under which the 抄送 line's second line starts."""


def _imprint(document: DocxDocument, doc: Bulletin) -> None:
    """版记: 抄送 (when given), then 印发机关 on the left and 印发日期 on the right, between
    thick lines, with a thin line between the two, each 156 mm wide, in a frame at the foot
    of the last page (GB/T 9704-2012 7.4: the 版记 stands at the bottom of the last page)."""
    from docx.enum.text import WD_TAB_ALIGNMENT

    size = Pt(14)  # 4号
    lines = []
    if doc.cc:
        cc = _paragraph(document, f"　抄送：{doc.cc}。", FANGSONG, size=size, indent=False)
        # a second line starts under the first name, after 抄送： (no right indent: the lines
        # above and below the paragraph stay as wide as the type area)
        cc.paragraph_format.left_indent = Pt(size.pt * HANGING)
        cc.paragraph_format.first_line_indent = Pt(-size.pt * HANGING)
        lines.append(cc)
    printed = _paragraph(document, f"　{doc.issuer}", FANGSONG, size=size, indent=False)
    printed.paragraph_format.tab_stops.add_tab_stop(Mm(TYPE_AREA_MM), WD_TAB_ALIGNMENT.RIGHT)
    _font(printed.add_run(f"\t{doc.printed_text}　"), FANGSONG, size)
    lines.append(printed)
    border(lines[0], "top", 8)  # 0.35 mm ≈ 1 pt
    if len(lines) > 1:
        border(lines[0], "bottom", 6)  # 0.25 mm ≈ 0.75 pt
    border(lines[-1], "bottom", 8)
    rows = sum(imprint_rows(p.text, HANGING if p is not printed else 0) for p in lines)
    foot_box(lines, TYPE_AREA_MM, rows * size.pt * 1.5 + 4, "版记")


def imprint_rows(text: str, hanging: int = 0) -> int:
    """How many lines of 4号 a line of the 版记 takes in 156 mm: 31 characters on the first,
    ``hanging`` fewer on the others (a Latin character counts as a whole one), and one line
    more once it wraps (a line break may not fall before 、 or 。): never too few, and a line
    too many only leaves room above the 版记 in its box."""
    per_line = int(Mm(TYPE_AREA_MM).pt // 14)
    length = len(text.replace("\t", "　"))
    if length <= per_line:
        return 1
    return 2 + math.ceil((length - per_line) / (per_line - hanging))


HEADINGS = {"h1": HEITI, "h2": KAITI, "h3": FANGSONG}


def bulletin_docx(doc: Bulletin) -> bytes:
    document = Document()
    _layout(document)
    font_table(document, ALT_NAMES, {FANGSONG, KAITI, HEITI}, {XIAOBIAOSONG})
    body = document.paragraphs[0] if document.paragraphs else None
    if body is not None:  # the template's empty first paragraph
        parent = body._element.getparent()
        assert parent is not None  # the document's body
        parent.remove(body._element)
    center = WD_ALIGN_PARAGRAPH.CENTER
    right = WD_ALIGN_PARAGRAPH.RIGHT
    if doc.masthead is not None:
        _masthead(document, doc)
    elif doc.number:  # no placeholder: without a number there is no number line
        _paragraph(document, doc.number, FANGSONG, align=center, indent=False)
        _paragraph(document, "", FANGSONG, indent=False)
    title = _paragraph(document, doc.title, XIAOBIAOSONG, size=Pt(22), align=center, indent=False)
    title.paragraph_format.keep_with_next = True
    _paragraph(document, "", FANGSONG, indent=False).paragraph_format.keep_with_next = True
    _paragraph(document, f"{doc.addressees}：", FANGSONG, indent=False)
    for block in doc.blocks:
        if block.kind in HEADINGS:
            heading = _paragraph(
                document, block.text, HEADINGS[block.kind], bold=block.kind == "h3"
            )
            heading.paragraph_format.keep_with_next = True  # never the last line of a page
        else:
            _paragraph(document, block.text, FANGSONG)
    # the signature never stands alone on a page: it keeps with the last paragraph of text
    document.paragraphs[-1].paragraph_format.keep_with_next = True
    _paragraph(document, "", FANGSONG, indent=False).paragraph_format.keep_with_next = True
    if doc.attachment:
        note = _paragraph(document, f"附件：{doc.attachment_title}", FANGSONG)
        note.paragraph_format.keep_with_next = True
    _paragraph(document, "", FANGSONG, indent=False).paragraph_format.keep_with_next = True
    issuer = _paragraph(document, doc.issuer, FANGSONG, align=right, indent=False)
    issuer.paragraph_format.right_indent = Pt(BODY.pt * 4)
    issuer.paragraph_format.keep_with_next = True
    date = _paragraph(document, doc.date_text, FANGSONG, align=right, indent=False)
    date.paragraph_format.right_indent = Pt(BODY.pt * 4)

    if doc.attachment:
        _attachment(document, doc)
    if doc.imprint:
        _imprint(document, doc)

    stamp = dt.datetime.combine(doc.date, dt.time())
    props = document.core_properties
    # at most 255 characters each (python-docx refuses more); the body holds them whole
    props.title = xml_property(doc.title)
    props.author = xml_property(doc.issuer)
    props.last_modified_by = xml_property(doc.issuer)
    props.created = props.modified = stamp
    props.revision = 1
    raw = io.BytesIO()
    document.save(raw)
    return _fixed_zip(raw.getvalue())


# column widths (mm) by the attachment's header row, but for 序号 (first, by the number of
# rows) and the one column that takes what is left of the 156 mm (None)
ATTACHMENT_WIDTHS_MM: dict[tuple[str, ...], tuple[int | None, ...]] = {
    ATTACHMENT_HEADER: (0, 24, None, 27, 14, 18, 22),
    UNIT_ATTACHMENT_HEADER: (0, 30, 16, 16, 16, 20, None),
}
CELL_MARGINS_MM = 3.8  # Word's default: 0.19 cm on each side


def serial_width_mm(rows: int) -> int:
    """序号's width: its header (two characters of 五号, 7.4 mm) or the longest number (a
    digit of 五号 is 1.9 mm in Times New Roman, 2.4 mm in the sans-serif fonts that stand in
    for it), with the cell's margins: never wrapped."""
    digits = len(str(max(1, rows)))
    return max(12, math.ceil(CELL_MARGINS_MM + 2.4 * digits + 1))


def attachment_widths_mm(header: tuple[str, ...], rows: int) -> tuple[int, ...]:
    """The attachment's column widths in mm, 156 in all."""
    if header not in ATTACHMENT_WIDTHS_MM:
        first = serial_width_mm(rows)
        rest = (TYPE_AREA_MM - first) // (len(header) - 1)
        return (
            first,
            *([rest] * (len(header) - 2)),
            TYPE_AREA_MM - first - rest * (len(header) - 2),
        )
    fixed = [serial_width_mm(rows), *ATTACHMENT_WIDTHS_MM[header][1:]]
    left = TYPE_AREA_MM - sum(w for w in fixed if w is not None)
    return tuple(left if w is None else w for w in fixed)


def _attachment(document: DocxDocument, doc: Bulletin) -> None:
    """附件 on a new page: its label in 黑体 at the top left, its title, then the table."""
    from docx.enum.text import WD_BREAK

    document.paragraphs[-1].add_run().add_break(WD_BREAK.PAGE)
    # the lines before the table keep with it (and with its first row)
    _paragraph(document, "附件", HEITI, indent=False).paragraph_format.keep_with_next = True
    _paragraph(document, "", FANGSONG, indent=False).paragraph_format.keep_with_next = True
    title = doc.attachment_title
    _paragraph(
        document, title, XIAOBIAOSONG, size=Pt(22), align=WD_ALIGN_PARAGRAPH.CENTER, indent=False
    ).paragraph_format.keep_with_next = True
    header, *rows = doc.attachment
    widths = attachment_widths_mm(header, len(rows))
    table = document.add_table(rows=1 + len(rows), cols=len(header))
    table.style = "Table Grid"
    table.autofit = False
    table_width = table._tbl.tblPr.find(qn("w:tblW"))
    if table_width is not None:  # the table as wide as the type area, not "auto"
        table_width.set(qn("w:type"), "dxa")
        table_width.set(qn("w:w"), str(round(Mm(sum(widths)).twips)))
    for c, column in enumerate(table.columns):
        column.width = Mm(widths[c])
    small = Pt(10.5)  # 五号
    # rows in one pass: table.rows[r] lists every row each time (a province's attachment has
    # tens of thousands; indexing them took minutes)
    for r, (row, values) in enumerate(zip(table.rows, [header, *rows], strict=True)):
        cells = row.cells
        for c, value in enumerate(values):
            cell = cells[c]
            cell.width = Mm(widths[c])
            paragraph = cell.paragraphs[0]
            paragraph.paragraph_format.space_after = Pt(0)
            if c == 0:  # 序号 on one line, whatever the width
                cell._tc.get_or_add_tcPr().append(OxmlElement("w:noWrap"))
            _font(paragraph.add_run(xml_text(value)), HEITI if r == 0 else FANGSONG, small)
        cant_split(row)  # a row never runs over two pages
    repeat_header(table.rows[0])  # the header row repeats on every page of the table


def _fixed_zip(data: bytes) -> bytes:
    """The same zip with fixed timestamps and a fixed member order: same data, same bytes."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        names = source.namelist()
        first = [n for n in names if n == "[Content_Types].xml"]
        for name in first + [n for n in names if n not in first]:
            info = zipfile.ZipInfo(name, _FIXED_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(info, source.read(name))
    return out.getvalue()
