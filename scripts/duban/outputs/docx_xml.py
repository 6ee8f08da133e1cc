"""Word XML that python-docx has no API for, used by the 督办通报: paragraph borders, a text
box at the foot of the type area (the 版记), table rows that never split and a header row that
repeats, and the font table's fallback names. Each function changes one element in place."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, cast
from xml.sax.saxutils import escape

from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm, Pt
from lxml import etree

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument
    from docx.oxml.xmlchemy import BaseOxmlElement
    from docx.table import _Row
    from docx.text.paragraph import Paragraph

# the children of w:pPr in schema order (ECMA-376 CT_PPrBase), for inserting one in its place
P_PR_ORDER = (
    "w:pStyle",
    "w:keepNext",
    "w:keepLines",
    "w:pageBreakBefore",
    "w:framePr",
    "w:widowControl",
    "w:numPr",
    "w:suppressLineNumbers",
    "w:pBdr",
    "w:shd",
    "w:tabs",
    "w:suppressAutoHyphens",
    "w:kinsoku",
    "w:wordWrap",
    "w:overflowPunct",
    "w:topLinePunct",
    "w:autoSpaceDE",
    "w:autoSpaceDN",
    "w:bidi",
    "w:adjustRightInd",
    "w:snapToGrid",
    "w:spacing",
    "w:ind",
    "w:contextualSpacing",
    "w:mirrorIndents",
    "w:suppressOverlap",
    "w:jc",
    "w:textDirection",
    "w:textAlignment",
    "w:textboxTightWrap",
    "w:outlineLvl",
    "w:divId",
    "w:cnfStyle",
    "w:rPr",
    "w:sectPr",
    "w:pPrChange",
)


def _p_pr_child(paragraph: Paragraph, tag: str) -> BaseOxmlElement:
    """The child ``tag`` of the paragraph's properties, added in its place when missing."""
    p_pr = paragraph._p.get_or_add_pPr()
    found = p_pr.find(qn(tag))
    if found is None:
        found = cast("BaseOxmlElement", OxmlElement(tag))
        p_pr.insert_element_before(found, *P_PR_ORDER[P_PR_ORDER.index(tag) + 1 :])
    return cast("BaseOxmlElement", found)


def border(
    paragraph: Paragraph, side: str, eighths: int, color: str = "000000", space: int = 0
) -> None:
    """A line on one side of the paragraph, as wide as the paragraph (the type area: 156 mm);
    ``eighths``: its thickness in eighths of a point; ``space``: points between it and the text."""
    borders = _p_pr_child(paragraph, "w:pBdr")
    line = OxmlElement(f"w:{side}")
    line.set(qn("w:val"), "single")
    line.set(qn("w:sz"), str(eighths))
    line.set(qn("w:space"), str(space))
    line.set(qn("w:color"), color)
    borders.append(line)


WPS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
# as Word writes a text box: the shape in mc:AlternateContent's choice for readers of wps
_FOOT_BOX = f"""<w:p {nsdecls("w", "wp", "a")} xmlns:wps="{WPS}" xmlns:mc="{MC}"><w:pPr><w:spacing
w:before="0" w:after="0" w:line="20" w:lineRule="exact"/></w:pPr><w:r><mc:AlternateContent>
<mc:Choice Requires="wps"><w:drawing><wp:anchor distT="0"
distB="0" distL="0" distR="0" simplePos="0" relativeHeight="1" behindDoc="0" locked="0"
layoutInCell="1" allowOverlap="0"><wp:simplePos x="0" y="0"/><wp:positionH
relativeFrom="margin"><wp:align>center</wp:align></wp:positionH><wp:positionV
relativeFrom="margin"><wp:align>bottom</wp:align></wp:positionV><wp:extent cx="{{w}}"
cy="{{h}}"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapTopAndBottom/><wp:docPr
id="{{id}}" name="{{name}}"/><wp:cNvGraphicFramePr/><a:graphic><a:graphicData
uri="{WPS}"><wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext
cx="{{w}}" cy="{{h}}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/><a:ln>
<a:noFill/></a:ln></wps:spPr><wps:txbx><w:txbxContent/></wps:txbx><wps:bodyPr rot="0"
vert="horz" wrap="square" lIns="0" tIns="0" rIns="0" bIns="0" anchor="b" anchorCtr="0">
<a:noAutofit/></wps:bodyPr></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing>
</mc:Choice></mc:AlternateContent></w:r></w:p>"""


def foot_box(
    paragraphs: list[Paragraph], width_mm: float, height_pt: float, name: str, shape_id: int = 1
) -> None:
    """Move ``paragraphs`` (the last ones of the body) into a text box at the foot of the type
    area of the page where they stand, centred, ``width_mm`` wide and ``height_pt`` high, its
    text at the bottom of the box (a box a little too high only leaves room above the text).

    A DrawingML text box anchored to the margin (``wp:anchor``, ``positionV`` bottom), written
    the way Word writes one (in ``mc:AlternateContent``, without the VML fallback for Word
    2007). LibreOffice 7.4 places it (tests/outputs/test_bulletin_foot.py prints it to PDF);
    it ignores both a frame's position (``w:framePr``) and a floating table's (``w:tblpPr``),
    the other two ways. Word and WPS were not at hand to check. The body's text keeps above
    it (``wrapTopAndBottom``); its empty anchor paragraph is one point high."""
    xml = _FOOT_BOX.format(
        w=round(Mm(width_mm)), h=round(Pt(height_pt)), id=shape_id, name=escape(name)
    )
    box = parse_xml(re.sub(r">\s+<", "><", xml.replace("\n", " ")))  # no text between tags
    content = box.find(".//" + qn("w:txbxContent"))
    assert content is not None  # in the template above
    paragraphs[0]._p.addprevious(box)
    for paragraph in paragraphs:
        content.append(paragraph._p)


def cant_split(row: _Row) -> None:
    """The row stays whole on one page (w:cantSplit)."""
    mark = OxmlElement("w:cantSplit")
    mark.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(mark)


def repeat_header(row: _Row) -> None:
    """The row repeats at the top of every page the table runs onto (w:tblHeader)."""
    mark = OxmlElement("w:tblHeader")
    mark.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(mark)


def font_table(
    document: DocxDocument, alt_names: dict[str, str], fixed: set[str], script: set[str]
) -> None:
    """Name each Chinese font in the font table, with the font to use in its absence
    (``alt_names``); ``fixed``: the fonts of fixed pitch; ``script``: the script family's."""
    table = None
    for rel in document.part.rels.values():
        if rel.reltype.endswith("/fontTable"):
            table = rel.target_part
    if table is None:
        return
    root = etree.fromstring(table.blob)
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    for name, alt in alt_names.items():
        font = etree.SubElement(root, f"{{{w}}}font")
        font.set(f"{{{w}}}name", name)
        alt_name = etree.SubElement(font, f"{{{w}}}altName")
        alt_name.set(f"{{{w}}}val", alt)
        charset = etree.SubElement(font, f"{{{w}}}charset")
        charset.set(f"{{{w}}}val", "86")
        family = etree.SubElement(font, f"{{{w}}}family")
        family.set(f"{{{w}}}val", "script" if name in script else "modern")
        pitch = etree.SubElement(font, f"{{{w}}}pitch")
        pitch.set(f"{{{w}}}val", "fixed" if name in fixed else "variable")
    table._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
