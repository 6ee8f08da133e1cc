"""PDF (through PDFium, ``pypdfium2``) and the old Word format ``.doc`` (through LibreOffice).

Why pypdfium2 and not pdfplumber: PDFium is the C++ PDF engine of Chromium; reading the text of
a 100-page plan takes well under a second, where pdfminer (under pdfplumber) is pure Python and
several times slower, and a plan's PDF is text with, at most, a 任务分工表 whose rows PDFium gives
in reading order (a cell a line, or a row on a line), which :mod:`~duban.plan_import.text_tables`
reads. The text of a PDF is its layout, not its paragraphs: the lines a paragraph was wrapped
into are joined again (a line reaching the right margin, not ending a sentence, followed by one
that does not start an item), and the spaces a PDF puts between Chinese characters and digits
(``2024 年``) are taken out. A PDF without a text layer (a scan) is refused: it needs OCR first.

A ``.doc`` is converted to .docx by ``soffice --headless --convert-to docx`` in a temporary
folder (its own LibreOffice profile, a time limit); without LibreOffice it is refused with the
command to run.
"""

from __future__ import annotations

import contextlib
import re
import shutil
import statistics
import subprocess
import tempfile
from pathlib import Path

import pypdfium2 as pdfium

from duban.i18n.messages import say
from duban.plan_import.numbering import (
    CHAPTER_RUN,
    CIRCLED_RANGE,
    CN_DIGITS,
    IDEOGRAPH_GLYPHS,
    NOT_DECIMAL,
    PARENTHESIZED_RANGE,
    arabic,
    article,
    bracketed,
    separator,
)
from duban.plan_import.pdf_layout import table_text, visual_lines

MAX_PAGES = 2000
"""A plan with its annexes is tens of pages; a PDF of more is refused unread."""
SOFFICE_SECONDS = 120
TABLE_WORDS = re.compile(r"序\s*号[\s\S]{0,80}(?:牵\s*头|责\s*任|完\s*成\s*时\s*限)")
CJK = r"[\u3001-\u303f\u4e00-\u9fff\uff00-\uffef“”‘’《》]"
SPACE_BESIDE_CJK = re.compile(rf"(?<={CJK}) (?=[0-9A-Za-z%.])|(?<=[0-9A-Za-z%.]) (?={CJK})")
ENDS_SENTENCE = re.compile(r"[。；;！？：:]\s*$")
# a PDF line that opens a paragraph (a line's start is the evidence; segment.py decides what the
# number means): numerals of any length, arabic numbers ASCII only and ﹒ but not 。, as before
# numbering.py (wider forms would change how lines join: unmeasured); never a decimal (h18ap: a
# line cut inside 647.53亿元 starts 47.53亿元, no item); h18bt: ㈧ / ㊇ (a target's number, one
# glyph: a wrapped label line before it is not joined to it)
STARTS_ITEM = re.compile(
    rf"^[\s\u3000]|^(?:{CHAPTER_RUN}|{bracketed(f'[{CN_DIGITS}0-9]+')}|{arabic(2, wide=False)}"
    rf"{separator(small=True)}{NOT_DECIMAL}|[{CIRCLED_RANGE}{PARENTHESIZED_RANGE}{IDEOGRAPH_GLYPHS}]|{article()})"
)


class ConversionError(Exception):
    """A PDF or .doc that cannot be read: one line, in the user's language."""


def pdf_text(data: bytes, name: str) -> str:
    """The text of a PDF, a paragraph a line as far as the layout shows."""
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        raise ConversionError(
            say(
                f"{name}: not a readable PDF ({error}): save it again as PDF or .docx",
                f"{name}：不是可以读取的 PDF 文件（{error}）：请重新另存为 PDF 或 .docx 后再试",
            )
        ) from None
    try:
        if len(document) > MAX_PAGES:
            raise ConversionError(
                say(
                    f"{name}: more than {MAX_PAGES} pages: not read",
                    f"{name}：超过 {MAX_PAGES} 页，不读取",
                )
            )
        pages = [_page_lines(document[index]) for index in range(len(document))]
    finally:
        document.close()
    if not any(line.strip() for page in pages for line in page):
        raise ConversionError(
            say(
                f"{name}: a scan without a text layer: recognise its text (OCR) and save it as "
                ".docx or text, then import that",
                f"{name}：这是没有文字层的扫描件，无法读取文字：请先用文字识别（OCR）软件识别，"
                "另存为 .docx 或文本后再导入",
            )
        )
    return "\n".join(line for page in pages for line in page)


def _page_lines(page: pdfium.PdfPage) -> list[str]:
    textpage = page.get_textpage()
    try:
        text = textpage.get_text_range()
        if TABLE_WORDS.search(text):  # perhaps a 任务分工表: read the page from its layout
            chars = [(c, textpage.get_charbox(i)) for i, c in enumerate(text) if c not in "\r\n"]
            table = table_text(*visual_lines(chars))
            if table is not None:
                return [SPACE_BESIDE_CJK.sub("", line) for line in table]
        lines: list[tuple[str, float]] = []
        start = 0
        for match in re.finditer(r"\r\n|\n|\r", text + "\n"):
            end = match.start()
            right = textpage.get_charbox(end - 1)[2] if end > start else 0.0
            lines.append((text[start:end], right))
            start = match.end()
        widths = [
            box[2] - box[0]
            for box in (textpage.get_charbox(i) for i in range(0, len(text), 7))
            if box[2] > box[0]
        ]
    finally:
        textpage.close()
        page.close()
    width = statistics.median(widths) if widths else 10.0
    margin = max((right for _, right in lines), default=0.0)
    joined: list[str] = []
    full_before = False
    for line, right in lines:
        line = SPACE_BESIDE_CJK.sub("", line.rstrip())
        if full_before and joined and line.strip() and not STARTS_ITEM.match(line):
            joined[-1] += line
        else:
            joined.append(line)
        full_before = right >= margin - 5 * width and not ENDS_SENTENCE.search(line)
    return joined


def doc_to_docx(data: bytes, name: str) -> bytes:
    """The .docx LibreOffice makes of a .doc."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise ConversionError(
            say(
                f"{name}: a .doc (old Word format) needs LibreOffice, which is not installed: "
                f"convert it with `soffice --headless --convert-to docx {name}` (or save it as "
                ".docx in Word or WPS) and import the .docx",
                f"{name}：.doc（旧 Word 格式）需要用 LibreOffice 转换，本机没有安装：请运行 "
                f"`soffice --headless --convert-to docx {name}`（或在 Word、WPS 中另存为 .docx），"
                "再导入生成的 .docx",
            )
        )
    with tempfile.TemporaryDirectory(prefix="duban-doc-") as folder:
        source = Path(folder) / "plan.doc"
        source.write_bytes(data)
        command = [
            soffice,
            "--headless",
            "--norestore",
            f"-env:UserInstallation={(Path(folder) / 'profile').as_uri()}",
            "--convert-to",
            "docx",
            "--outdir",
            folder,
            str(source),
        ]
        with contextlib.suppress(OSError, subprocess.TimeoutExpired):  # then: no .docx
            subprocess.run(command, capture_output=True, timeout=SOFFICE_SECONDS, check=False)
        converted = Path(folder) / "plan.docx"
        if not converted.is_file():
            raise ConversionError(
                say(
                    f"{name}: LibreOffice could not convert this .doc within "
                    f"{SOFFICE_SECONDS} s: save it as .docx in Word or WPS and import that",
                    f"{name}：LibreOffice 未能在 {SOFFICE_SECONDS} 秒内转换这个 .doc："
                    "请在 Word 或 WPS 中另存为 .docx 后再导入",
                )
            )
        return converted.read_bytes()
