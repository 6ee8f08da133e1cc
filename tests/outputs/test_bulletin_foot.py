"""The 通报's 版记 at the foot of the last page (GB/T 9704-2012 7.4), table rows that never
split across pages under a repeated header row, and an HTML masthead in proportion. The .docx
is checked in its XML and, through LibreOffice, in the PDF it prints as."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Mm
from docx.text.paragraph import Paragraph

from duban.cli.main import main
from duban.outputs.bulletin import masthead_points
from helpers import DATA_SETS

COUNTY = ("--data", str(DATA_SETS["county"]))
WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
A4_HEIGHT_PT = 841.89
TYPE_AREA_BOTTOM_PT = A4_HEIGHT_PT - 35 / 25.4 * 72  # bottom margin 35 mm


def made(tmp_path: Path, name: str, as_of: str, *options: str) -> Path:
    out = tmp_path / name
    assert main(["bulletin", *COUNTY, "--as-of", as_of, "-o", str(out), *options]) == 0
    return out


def test_every_row_of_the_attachment_stays_whole_under_a_repeated_header(tmp_path):
    (table,) = Document(str(made(tmp_path, "b.docx", "2024-06-30"))).tables
    rows = [row._tr for row in table.rows]
    assert len(rows) > 60
    for tr in rows:
        (cant_split,) = tr.trPr.findall(qn("w:cantSplit"))
        assert cant_split.get(qn("w:val")) == "true"
    repeated = [tr.trPr.find(qn("w:tblHeader")) is not None for tr in rows]
    assert repeated == [True] + [False] * (len(rows) - 1)


@pytest.mark.parametrize("as_of", ["2023-03-01", "2024-06-30"])  # without and with 附件
def test_the_imprint_is_a_box_anchored_at_the_foot_of_the_type_area(tmp_path, as_of):
    document = Document(str(made(tmp_path, "b.docx", as_of, "--cc", "县委办公室")))
    body = document.element.body
    (anchor,) = body.iter(f"{WP}anchor")
    vertical = anchor.find(f"{WP}positionV")
    assert vertical.get("relativeFrom") == "margin"
    assert vertical.find(f"{WP}align").text == "bottom"
    horizontal = anchor.find(f"{WP}positionH")
    assert (horizontal.get("relativeFrom"), horizontal.find(f"{WP}align").text) == (
        "margin",
        "center",
    )
    assert anchor.find(f"{WP}wrapTopAndBottom") is not None  # the body's text keeps above it
    assert int(anchor.find(f"{WP}extent").get("cx")) == Mm(156)
    # it stands in the body's last paragraph: after the signature and after the 附件
    last = [child for child in body if child.tag != qn("w:sectPr")][-1]
    assert last.tag == qn("w:p") and anchor in list(last.iter(f"{WP}anchor"))
    texts = [Paragraph(p, document).text for p in anchor.iter(qn("w:p"))]
    assert texts[0] == "　抄送：县委办公室。"
    assert texts[1].startswith("　青山县人民政府办公室\t") and texts[1].endswith("日印发　")
    assert len(texts) == 2
    # 抄送's second line starts under the first name (GB/T 9704 7.4.2)
    cc = Paragraph(next(anchor.iter(qn("w:p"))), document).paragraph_format
    assert (cc.left_indent.pt, cc.first_line_indent.pt, cc.right_indent) == (56, -56, None)


def words(pdf: Path) -> list[tuple[int, float, float, str]]:
    """(page, top, bottom, word) of every word pdftotext finds."""
    xml = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    found = []
    page = 0
    for line in xml.splitlines():
        if "<page " in line:
            page += 1
        match = re.search(r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]+)<', line)
        if match:
            found.append((page, float(match.group(1)), float(match.group(2)), match.group(3)))
    return found


def test_libreoffice_prints_the_imprint_at_the_foot_of_the_last_page(tmp_path):
    if shutil.which("soffice") is None or shutil.which("pdftotext") is None:
        reason = "LibreOffice (soffice) and pdftotext (poppler-utils) are not installed"
        if os.environ.get("DUBAN_REQUIRE_SOFFICE") == "1":  # CI installs both: never skipped
            pytest.fail(f"DUBAN_REQUIRE_SOFFICE=1 but {reason}")
        pytest.skip(reason)
    # one page and a bit, with a 抄送 of three lines: nothing of the 版记 is cut off
    long_cc = (
        "县委办公室,县人大常委会办公室,县政协办公室,县纪委监委,县委组织部,县委宣传部,"
        "县委政法委,县法院,县检察院"
    )
    short = made(tmp_path, "short.docx", "2023-03-01", "--cc", long_cc)
    long = made(tmp_path, "long.docx", "2024-06-30", "--cc", "县委办公室", "--masthead")
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{tmp_path / 'profile'}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(short),
            str(long),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    for name in ("short", "long"):
        found = words(tmp_path / f"{name}.pdf")
        last_page = max(page for page, *_ in found)
        (cc,) = [w for w in found if w[3].startswith("抄送")]
        if name == "short":
            page = "".join(w[3] for w in found if w[0] == last_page)
            assert "县检察院。" in page and "日印发" in page
        printed = [w for w in found if w[3].endswith("印发")]
        assert cc[0] == last_page and printed and printed[-1][0] == last_page
        # the 版记's last line ends on the type area's last line, 35 mm above the page's foot
        assert abs(printed[-1][2] - TYPE_AREA_BOTTOM_PT) < 3, (name, printed[-1])
        # everything else on the last page stands above it, but the page number below it
        rest = [w for w in found if w[0] == last_page and w not in (cc, *printed)]
        body = [w for w in rest if w[1] < cc[1]]
        assert body, name
        assert max(w[2] for w in body) < cc[1]  # no body line overlaps the 版记
        below = [w[3] for w in rest if w[1] > printed[-1][2]]
        assert "".join(below).replace(" ", "") == f"—{last_page}—"


def test_the_html_masthead_is_in_proportion(tmp_path):
    for name in ("青山县人民政府办公室", "中共青山县委全面依法治县委员会办公室"):
        html = made(tmp_path, "b.html", "2024-06-30", "--masthead", name).read_text("utf-8")
        size = masthead_points(name)
        share = 85 / len(name)
        assert f'<p class="masthead" style="font-size: min({size}pt, {share:.2f}vw)">' in html
        assert size * len(name) <= 156 / 25.4 * 72  # one line of the type area
        css = re.search(r"\.masthead \{([^}]*)\}", html).group(1)
        assert "text-indent: 0" in css and "white-space: nowrap" in css
    assert masthead_points("青山县人民政府办公室") == 37
