"""Reading a plan's document: plain text (UTF-8 or GB18030/GBK), HTML saved from a website, .docx.

Each reader returns the document as text with one paragraph a line, never changing a character
of the paragraphs themselves (the plan's text is kept verbatim).
"""

from __future__ import annotations

import re
import zipfile
from html.parser import HTMLParser
from io import BytesIO
from pathlib import Path


class ReadError(Exception):
    """The file cannot be read as a plan: one line, in Chinese and English."""


def read_document(path: Path) -> tuple[str, str]:
    """The document's text and a short description of how it was read (for the review)."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ReadError(f"无法读取 / cannot read {path}: {error.strerror}") from None
    if data[:4] == b"PK\x03\x04" or path.suffix.lower() == ".docx":
        return docx_text(data), "docx"
    text, encoding = decode(data)
    if path.suffix.lower() in (".html", ".htm") or re.match(
        r"\s*<(!doctype|html|head|body)", text, re.I
    ):
        return html_text(text), f"HTML ({encoding})"
    return normalize_newlines(text), encoding


def decode(data: bytes) -> tuple[str, str]:
    """UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030 (a superset of GBK and GB2312)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "UTF-8"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace"), "UTF-16"
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    head = data[:2048].decode("ascii", errors="ignore")
    declared = re.search(r"charset=[\"']?([\w-]+)", head, re.I)
    if declared and declared.group(1).lower() in ("gbk", "gb2312", "gb18030"):
        return data.decode("gb18030", errors="replace"), "GB18030"
    try:
        return data.decode("gb18030"), "GB18030"
    except UnicodeDecodeError:
        return data.decode("gb18030", errors="replace"), "GB18030 (含无法解码的字节)"


def normalize_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").lstrip("\ufeff")


BLOCK_TAGS = {
    "p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table", "section",
    "article", "blockquote", "pre", "ul", "ol", "dd", "dt", "title", "header", "footer",
}  # fmt: skip
SKIP_TAGS = {"script", "style", "noscript", "template", "head"}


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0
        self.title: list[str] = []
        self.in_title = False

    def handle_starttag(self, tag, attrs):
        if tag == "title":
            self.in_title = True
        if tag in SKIP_TAGS:
            self.skip += 1
        elif tag in BLOCK_TAGS or tag in ("td", "th"):
            self.parts.append("\n" if tag not in ("td", "th") else " ")

    def handle_endtag(self, tag):
        if tag == "title":
            self.in_title = False
        if tag in SKIP_TAGS:
            self.skip = max(0, self.skip - 1)
        elif tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_startendtag(self, tag, attrs):
        if tag == "br":
            self.parts.append("\n")

    def handle_data(self, data):
        if self.in_title:
            self.title.append(data)
        if not self.skip:
            self.parts.append(re.sub(r"[\r\n\t]+", "", data))


def html_text(html: str) -> str:
    """The visible text of a web page, one block element a line (script, style, head dropped)."""
    parser = _TextParser()
    parser.feed(html)
    parser.close()
    text = "".join(parser.parts).replace("\xa0", " ")
    lines = [line.rstrip() for line in text.split("\n")]
    return "\n".join(line for line in lines if line.strip())


def docx_text(data: bytes) -> str:
    """The paragraphs of a .docx (body and table cells), one a line."""
    try:
        import docx  # python-docx
    except ImportError:  # pragma: no cover - python-docx is a dependency
        raise ReadError("读取 .docx 需要 python-docx / python-docx is needed for .docx") from None
    try:
        document = docx.Document(BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as error:
        raise ReadError(f"不是有效的 .docx 文件 / not a valid .docx file: {error}") from None
    lines: list[str] = []
    body = document.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append("".join(t.text or "" for t in child.iter() if t.tag.endswith("}t")))
        elif tag == "tbl":
            for row in child.iter():
                if row.tag.endswith("}tr"):
                    cells = []
                    for cell in row:
                        if cell.tag.endswith("}tc"):
                            cells.append(
                                "".join(t.text or "" for t in cell.iter() if t.tag.endswith("}t"))
                            )
                    lines.append(" ".join(cells))
    return "\n".join(lines)
