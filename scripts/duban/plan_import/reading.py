"""Reading a plan's document: plain text (UTF-8 or GB18030/GBK), HTML saved from a website, .docx,
PDF, .doc (through LibreOffice), a workbook (.xlsx) or a table saved as .csv.

Each reader returns the document as text with one paragraph a line, never changing a character
of the paragraphs themselves (the plan's text is kept verbatim).

The document comes from outside, so it is bounded before it is read (:mod:`duban.load.untrusted`):
at most ``MAX_FILE_BYTES``; a .docx's parts inflate to at most ``DOCX_LIMITS`` and hold no DTD.
Whatever else is wrong with the file is one ``ReadError`` line naming it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from io import BytesIO
from pathlib import Path
from typing import TYPE_CHECKING

from duban.i18n.messages import say
from duban.i18n.os_errors import os_reason
from duban.load.files import read_regular
from duban.load.untrusted import Untrusted, ZipLimits, check_length, check_size, check_zip
from duban.model.problems import error_reason, printable
from duban.plan_import.label_colons import colons_restored
from duban.plan_import.list_numbers import (
    WordNumbering,
    with_mark,
)
from duban.plan_import.page_text import html_text
from duban.plan_import.pdf_doc import ConversionError, doc_to_docx, pdf_text
from duban.plan_import.split_header import joined_header, joined_header_reading
from duban.plan_import.table_header import (
    docx_rows,
    pipe_lines,
)
from duban.plan_import.table_lines import TABLE_ROWS, repeated_rows, table_lines
from duban.plan_import.text_tables import flatten_tables
from duban.plan_import.workbook_text import (
    WorkbookError,
    above_table,
    csv_rows,
    is_workbook,
    workbook_sheets,
)
from duban.plan_import.wrapped_lines import rejoin_wrapped, single_spaced

if TYPE_CHECKING:
    from docx.document import Document
    from docx.oxml.xmlchemy import BaseOxmlElement


class ReadError(Exception):
    """The file cannot be read as a plan: one line."""


MAX_FILE_BYTES = 50_000_000
"""A plan's document larger than this is refused unread (a plan with its photos is a few MB)."""
MAX_TEXT_BYTES = 20_000_000
"""A text or HTML document (a plan's text is well under 1 MB)."""
DOCX_LIMITS = ZipLimits(file_bytes=MAX_FILE_BYTES, total_bytes=150_000_000, xml_bytes=30_000_000)
XLSX_LIMITS = ZipLimits(file_bytes=MAX_FILE_BYTES, total_bytes=50_000_000, xml_bytes=10_000_000)
"""A workbook's sheets are parsed whole (their merged cells are needed): less XML than a .docx."""
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")
OLD_WORKBOOK_SUFFIXES = (".xls", ".et")
"""Binary workbooks (Excel 97–2003, WPS 表格): refused with what to do, not sent to LibreOffice."""


def read_document(path: Path, untabled: list[str] | None = None) -> tuple[str, str]:
    """The document's text and a short description of how it was read (for the review).
    ``untabled`` (h18f) receives a plain text's lines as written when the table reading
    changed them (another reading the importer compares)."""
    name = printable(str(path))
    try:
        check_size(path, MAX_FILE_BYTES)
        # a regular file only (never a pipe or device), and no more than the limit even if it grew
        data = read_regular(path, MAX_FILE_BYTES + 1, follow=True)
        check_length(len(data), MAX_FILE_BYTES)
    except OSError as error:
        raise ReadError(
            say(f"cannot read {name}: {error.strerror}", f"无法读取 {name}：{os_reason(error)}")
        ) from None
    except Untrusted as error:
        raise ReadError(f"{name}: {error}") from None
    stats: dict[str, int] = {}
    strays: list[str] = []
    shared: list[str] = []  # h18bf: rows sharing a merged cell
    suffix = path.suffix.lower()
    try:
        if data[:5] == b"%PDF-" or suffix == ".pdf":
            text = flatten_tables(pdf_text(data, name), lambda rows: table_lines(rows, stats))
            check_length(len(text.encode("utf-8")), MAX_TEXT_BYTES)
            how = say("PDF (its text layer, lines rejoined)", "PDF（文字层，按版面拼回段落）")
            return text, how + (
                ("；" + TABLE_ROWS.format(stats["rows"])) if stats.get("rows") else ""
            )
        if suffix in OLD_WORKBOOK_SUFFIXES:  # LibreOffice would make no .docx of a workbook
            raise ReadError(
                say(
                    f"{name}: an old Excel or WPS workbook ({suffix}): save it as .xlsx in Excel "
                    "or WPS and import the .xlsx",
                    f"{name}：旧版 Excel 或 WPS 表格（{suffix}）："
                    "请在 Excel 或 WPS 中另存为 .xlsx，再导入生成的 .xlsx",
                )
            )
        if data[:4] == b"\xd0\xcf\x11\xe0" or suffix == ".doc":
            data, suffix = doc_to_docx(data, name), ".docx"
    except ConversionError as error:
        raise ReadError(str(error)) from None
    except Untrusted as error:
        raise ReadError(f"{name}: {error}") from None
    if data[:4] == b"PK\x03\x04" or suffix in (".docx", *WORKBOOK_SUFFIXES):
        try:
            check_zip(data, DOCX_LIMITS)
            if suffix in WORKBOOK_SUFFIXES or is_workbook(data):  # a 任务分工表 kept in Excel
                check_zip(data, XLSX_LIMITS)
                text, how = _workbook_text(data, stats, untabled)
            else:
                text, how = docx_text(data, stats), "docx"
                if untabled is not None:  # h18z: its tables as | rows, as a text page gives them
                    untabled.append(docx_text(data, None, pipe_lines))
        except (Untrusted, ReadError, WorkbookError) as error:
            raise ReadError(f"{name}: {error}") from None
    else:
        try:
            check_length(len(data), MAX_TEXT_BYTES)
        except Untrusted as error:
            raise ReadError(f"{name}: {error}") from None
        text, how = decode(data)
        if suffix == ".csv":  # a task table saved from Excel or WPS as CSV
            try:
                rows = csv_rows(text)
            except WorkbookError as error:
                raise ReadError(f"{name}: {error}") from None
            text, how = _sheets_text([rows], stats, untabled), f"CSV ({how})"
        elif path.suffix.lower() in (".html", ".htm") or re.match(
            r"\s*<(!doctype|html|head|body)", text, re.I
        ):
            if untabled is not None:  # h18z: its tables as | rows, as a text page gives them
                untabled.append(html_text(text, None, pipe_lines))
            # h18bc: a page's paragraphs are text as a clerk copies it: a table written one cell
            # a paragraph, or in | or space-separated rows, is read as the same text file's is
            page = html_text(text, stats)
            text, how = plain_text(page, f"HTML ({how})", stats, strays, shared)
        else:
            raw, how = text_lines(single_spaced(normalize_newlines(text)), how)
            text = flatten_tables(raw, lambda rows: table_lines(rows, stats), strays, shared)
            if untabled is not None and text != raw:
                untabled.append(raw)
    if stats.get("rows"):
        how += "；" + TABLE_ROWS.format(stats["rows"])
        if stats.get("repeated"):  # h18bi: 30 twice (石城 2018)
            how += "；" + repeated_rows(stats["repeated"])
        if strays:  # h18a
            quoted = "、".join(f"“{cell[:20]}”" for cell in strays[:10])
            how += (
                f"；表格中有 {len(strays)} 个单元格归不进任何一列（页面残留？），"
                f"已放在所在行的文字之后：{quoted}"
            )
        if shared:
            how += shared_note(shared)
    return text, how


def text_lines(text: str, how: str) -> tuple[str, str]:
    """A text's lines as a reader expects them: lines cut at a fixed width joined, colons added
    after labels, a header split over two rows joined; ``how`` says which were done."""
    raw = rejoin_wrapped(text)  # h18x: cut lines
    if raw != text:
        how += say("; lines cut at a fixed width joined", "；按固定宽度断开的行已拼回段落")
    if (restored := colons_restored(raw)) != raw:  # h18x: 牵头单位市发改委
        raw, how = restored, how + say("; colons added after labels", "；标签后补了冒号")
    if joined := joined_header(raw):  # h18ak: 责任单位或 | 协助 over | 牵头单位 | 单位
        raw, how = joined[0], how + "；" + joined_header_reading(joined[1])
    return raw, how


def plain_text(
    text: str, how: str, stats: dict[str, int], strays: list[str], shared: list[str]
) -> tuple[str, str]:
    """A page's text read as a plain text is (:func:`text_lines`, then its text tables)."""
    raw, how = text_lines(text, how)
    return flatten_tables(raw, lambda rows: table_lines(rows, stats), strays, shared), how


def shared_note(rows: list[str]) -> str:
    """h18bf: the review's words for the rows that share a merged cell of the row beside them."""
    more = "…" if len(rows) > 20 else ""
    listed = "、".join(rows[:20]) + more
    return say(
        f"; {len(rows)} rows lacking a unit, deadline or leader cell share the merged cell of "
        f"the row beside them (rows {', '.join(rows[:20]) + more}), please check",
        f"；表格中 {len(rows)} 行缺少的责任单位、完成时限或领导格按合并单元格与相邻一行共用"
        f"（第 {listed} 行），请核对",
    )


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


def _workbook_text(
    data: bytes, stats: dict[str, int], untabled: list[str] | None
) -> tuple[str, str]:
    """A workbook's visible sheets, each read as a .docx table is (its rows as written, as a text
    page gives them, for the readings of flattened tables)."""
    sheets = workbook_sheets(data)
    text = _sheets_text(sheets, stats, untabled)
    return text, say(f"workbook, {len(sheets)} sheet(s)", f"工作簿（{len(sheets)} 个工作表）")


def _sheets_text(
    sheets: list[list[list[str]]], stats: dict[str, int], untabled: list[str] | None
) -> str:
    """Sheets of rows (a workbook's, or a CSV's one): each sheet's paragraphs above its table,
    then the table read as a .docx table is; ``untabled`` receives the rows as written."""
    lines: list[str] = []
    for rows in sheets:
        above, table = above_table(rows)
        lines += [line for line in above if line] + table_lines(table, stats)
    if untabled is not None:
        untabled.append("\n".join(line for rows in sheets for line in pipe_lines(rows)))
    return "\n".join(lines)


def docx_text(
    data: bytes,
    stats: dict[str, int] | None = None,
    as_rows: Callable[[list[list[str]]], list[str]] | None = None,
) -> str:
    """The paragraphs of a .docx (body and table cells), one a line."""
    try:
        import docx  # python-docx
    except ImportError:  # pragma: no cover - python-docx is a dependency
        raise ReadError(
            say("python-docx is needed for .docx", "读取 .docx 需要 python-docx")
        ) from None
    try:
        return _docx_lines(docx.Document(BytesIO(data)), stats, as_rows)
    except Exception as error:  # a missing part, XML cut short or not well-formed, U+FFFE …
        reason = error_reason(error)
        raise ReadError(
            say(
                f"not a valid .docx file ({reason}): save it again from Word or WPS as .docx",
                f"不是有效的 .docx 文件（{reason}）：请用 Word 或 WPS 重新另存为 .docx 后再试",
            )
        ) from None


def _docx_lines(
    document: Document,
    stats: dict[str, int] | None,
    as_rows: Callable[[list[list[str]]], list[str]] | None = None,
) -> str:
    lines: list[str] = []
    body = document.element.body
    numbers = WordNumbering(document)  # h18ab: Word's automatic numbering
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append(with_mark(numbers.mark(child), _runs(child)))
        elif tag == "tbl":
            rows = docx_rows(child, _runs)  # h18z: a cell over two columns; h18bh: merged
            lines.extend(as_rows(rows) if as_rows else table_lines(rows, stats))
    return "\n".join(lines)


def _runs(element: BaseOxmlElement) -> str:
    return "".join(t.text or "" for t in element.iter() if t.tag.endswith("}t"))
