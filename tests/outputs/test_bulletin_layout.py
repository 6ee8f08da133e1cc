"""The 督办通报's layout as users asked for it: 红头 and 版记 per the options (GB/T 9704-2012),
a real 发文字号 or none, no heading left at the foot of a page, a 序号 column that never wraps,
periods in words and 主送 in Chinese punctuation. The .docx is read back with python-docx."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Mm
from docx.text.paragraph import Paragraph

from duban.cli.main import main
from duban.outputs.bulletin_docx import serial_width_mm
from duban.outputs.official_words import official_punctuation
from helpers import DATA_SETS

COUNTY = ("--data", str(DATA_SETS["county"]), "--as-of", "2024-06-30")
ISSUER = "青山县人民政府办公室"  # the county plan's issuer
RAW_PERIOD = re.compile(r"\b[0-9]{4}-(?:Q[1-4]|H[12]|[0-9]{2})\b")


def made(tmp_path: Path, *options: str, data: tuple[str, ...] = COUNTY, name: str = "b.docx"):
    out = tmp_path / name
    assert main(["bulletin", *data, "-o", str(out), *options]) == 0
    return out


def east_asian_font(paragraph) -> str | None:
    for run in paragraph.runs:
        fonts = run._element.rPr.rFonts if run._element.rPr is not None else None
        if fonts is not None and fonts.get(qn("w:eastAsia")):
            return fonts.get(qn("w:eastAsia"))
    return None


def borders(paragraph) -> dict[str, tuple[str, str]]:
    """side -> (thickness in eighths of a point, colour)."""
    p_pr = paragraph._p.pPr
    found = p_pr.find(qn("w:pBdr")) if p_pr is not None else None
    if found is None:
        return {}
    return {
        line.tag.split("}")[1]: (line.get(qn("w:sz")), line.get(qn("w:color"))) for line in found
    }


# -- no heading at the foot of a page ------------------------------------------------------------
@pytest.mark.parametrize("data", ["county", "demo"])
def test_every_heading_keeps_with_the_next_paragraph(tmp_path, data):
    """Headings are the paragraphs in 黑体 (一、) or 楷体 (（一）) and the bulletin's own
    heading blocks; each must keep with its next paragraph, else Word and LibreOffice leave
    it alone at the bottom of a page ("三、逾期未完成情况" at the foot of page 1)."""
    as_of = "2024-06-30" if data == "county" else "2011-03-15"
    out = made(tmp_path, data=("--data", str(DATA_SETS[data]), "--as-of", as_of))
    document = Document(str(out))
    body = document.paragraphs
    headings = [p for p in body if east_asian_font(p) in ("黑体", "楷体_GB2312") and p.text]
    numbered = [
        p
        for p in body
        if re.fullmatch(r"[一二三四五六七八九十]+、\S+", p.text) and len(p.text) < 20
    ]
    assert len(headings) >= 6 and set(map(id, numbered)) <= {id(p) for p in body}
    lacking = [p.text for p in headings + numbered if not p.paragraph_format.keep_with_next]
    assert not lacking, f"headings without keep-with-next: {lacking}"
    # the lines before a table (附件, its title) keep with the table
    for table in document.tables:
        before = table._tbl.getprevious()
        assert before is not None and before.tag == qn("w:p")
        keep = before.find(f"{qn('w:pPr')}/{qn('w:keepNext')}")
        assert keep is not None, "the line before the table does not keep with it"


# -- 红头 ----------------------------------------------------------------------------------------
def test_no_masthead_by_default_and_with_no_masthead(tmp_path):
    for options in ((), ("--masthead", "--no-masthead")):
        out = made(tmp_path, *options)
        document = Document(str(out))
        assert document.paragraphs[0].text.endswith("落实情况的督办通报")
        assert "FF0000" not in zipfile.ZipFile(out).read("word/document.xml").decode()


@pytest.mark.parametrize(("option", "name"), [((), ISSUER), (("青山县人民政府督查室",), None)])
def test_masthead_in_red_with_a_red_line_the_width_of_the_type_area(tmp_path, option, name):
    out = made(tmp_path, "--masthead", *option, "--number", "青督通〔2024〕6号")
    document = Document(str(out))
    paragraphs = document.paragraphs
    first = paragraphs[0]
    assert first.text == (name or option[0])
    assert east_asian_font(first) == "方正小标宋简体"
    assert str(first.runs[0].font.color.rgb) == "FF0000"
    assert first.alignment == 1  # centred
    number = next(p for p in paragraphs if p.text == "青督通〔2024〕6号")
    assert borders(number)["bottom"] == ("12", "FF0000")  # the red separator line
    # the line is as wide as the paragraph: no indents, in a 156 mm type area
    fmt = number.paragraph_format
    assert not fmt.left_indent and not fmt.right_indent
    section = document.sections[0]
    width = section.page_width - section.left_margin - section.right_margin
    assert round(width / Mm(1)) == 156
    # the title comes after the red line
    title = next(i for i, p in enumerate(paragraphs) if p.text.endswith("督办通报"))
    assert title > paragraphs.index(number)


def test_masthead_without_a_number_keeps_the_red_line(tmp_path):
    document = Document(str(made(tmp_path, "--masthead")))
    red = [p for p in document.paragraphs if borders(p).get("bottom", ("", ""))[1] == "FF0000"]
    assert len(red) == 1 and red[0].text == ""


# -- 发文字号 ----------------------------------------------------------------------------------
def test_a_number_given_is_written_and_none_is_no_placeholder(tmp_path):
    document = Document(str(made(tmp_path, "--number", "青督通〔2024〕6号")))
    assert document.paragraphs[0].text == "青督通〔2024〕6号"
    for suffix in ("docx", "md", "html"):
        out = made(tmp_path, name=f"plain.{suffix}")
        text = (
            "\n".join(p.text for p in Document(str(out)).paragraphs)
            if suffix == "docx"
            else out.read_text(encoding="utf-8")
        )
        assert "〔" not in text and "　号" not in text


# -- 版记 ----------------------------------------------------------------------------------------
def imprint(document) -> list[Paragraph]:
    """The 版记's paragraphs: in the text box at the foot of the last page (test_bulletin_foot)."""
    return [
        Paragraph(p, document)
        for box in document.element.body.iter(qn("w:txbxContent"))
        for p in box.iter(qn("w:p"))
    ]


def test_imprint_at_the_end_with_thick_and_thin_lines(tmp_path):
    out = made(tmp_path, "--cc", "县委办公室,县人大常委会办公室")
    cc, printed = imprint(Document(str(out)))
    assert cc.text == "　抄送：县委办公室、县人大常委会办公室。"
    assert printed.text == f"　{ISSUER}\t2024年6月30日印发　"
    assert borders(cc) == {"top": ("8", "000000"), "bottom": ("6", "000000")}
    assert borders(printed) == {"bottom": ("8", "000000")}


def test_imprint_without_cc_and_no_imprint(tmp_path):
    (printed,) = imprint(Document(str(made(tmp_path))))
    assert printed.text.endswith("2024年6月30日印发　")
    assert borders(printed) == {"top": ("8", "000000"), "bottom": ("8", "000000")}
    out = made(tmp_path, "--no-imprint", "--cc", "县委办公室", name="none.docx")
    assert imprint(Document(str(out))) == []
    texts = [p.text for p in Document(str(out)).paragraphs]
    assert not any("印发" in t or "抄送" in t for t in texts)
    md = made(tmp_path, "--cc", "县委办公室", name="b.md").read_text(encoding="utf-8")
    assert "抄送：县委办公室。" in md and "2024年6月30日印发" in md


# -- the attachment's 序号 -----------------------------------------------------------------------
def test_serial_column_is_wide_enough_and_never_wraps(tmp_path):
    document = Document(str(made(tmp_path)))
    (table,) = document.tables
    rows = len(table.rows) - 1
    widths = [c.width for c in table.columns]
    assert round(sum(widths) / Mm(1)) == 156
    # two characters of 五号 (7.4 mm), or the digits, plus 3.8 mm of cell margins
    serial = round(widths[0] / Mm(1), 1)  # twips: 12 mm is 680, 11.99 mm
    assert serial >= 12 and serial >= 3.8 + 2.4 * len(str(rows))
    assert all(row.cells[0]._tc.tcPr.find(qn("w:noWrap")) is not None for row in table.rows)
    assert [row.cells[0].text for row in table.rows[1:]] == [str(n) for n in range(1, rows + 1)]
    for count in (9, 99, 999, 9_999, 99_999):
        assert serial_width_mm(count) >= 3.8 + 2.4 * len(str(count))


# -- periods in words ----------------------------------------------------------------------------
def test_no_raw_period_in_the_bulletin(tmp_path):
    for suffix in ("docx", "md"):
        out = made(tmp_path, name=f"b.{suffix}")
        if suffix == "docx":
            document = Document(str(out))
            cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
            text = "\n".join([p.text for p in document.paragraphs] + cells)
        else:
            text = out.read_text(encoding="utf-8")
        assert not RAW_PERIOD.search(text), RAW_PERIOD.search(text)
        assert "2024年第一季度" in text and "2023年8月" in text


# -- 主送 ----------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("given", "written"),
    [
        ("各乡镇(县)人民政府,县直各部门", "各乡镇（县）人民政府、县直各部门"),
        (
            "各乡镇人民政府, 县政府各工作部门、各直属机构",
            "各乡镇人民政府，县政府各工作部门、各直属机构",
        ),
        ("各有关单位:", "各有关单位"),
        (
            "各乡镇人民政府，县政府各工作部门、各直属机构",
            "各乡镇人民政府，县政府各工作部门、各直属机构",
        ),
    ],
)
def test_addressees_in_chinese_punctuation(given, written):
    assert official_punctuation(given) == written


def test_addressees_from_the_command_line_are_normalised_in_every_format(tmp_path):
    given = ("--addressees", "各乡镇(县)人民政府,县直各部门")
    docx = Document(str(made(tmp_path, *given)))
    assert "各乡镇（县）人民政府、县直各部门：" in [p.text for p in docx.paragraphs]
    for suffix in ("md", "html"):
        text = made(tmp_path, *given, name=f"b.{suffix}").read_text(encoding="utf-8")
        assert "各乡镇（县）人民政府、县直各部门：" in text and "(县)" not in text
