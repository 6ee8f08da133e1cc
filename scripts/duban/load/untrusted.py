"""Checking a file someone sent before a library reads it: its size, and for a zip archive
(.xlsx, .docx) every member's size, the total and the compression ratio, read from the archive's
directory before anything is inflated, and no DTD in any member (entities expand, reach files).

``duban import`` (a unit's workbook) and ``duban import-plan`` (a plan's document) read files
from outside the repository; these limits are the promise that such a file is refused in one
line instead of taking the machine's memory (docs/security.md lists them).
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

from duban.i18n.messages import say
from duban.model.problems import printable


class Untrusted(Exception):
    """A file refused before it is read: one line, in the chosen language."""


@dataclass(frozen=True)
class ZipLimits:
    file_bytes: int
    """The archive itself."""
    total_bytes: int
    """All members inflated together."""
    xml_bytes: int | None = None
    """The XML parts (.xml, .rels) inflated together, which a parser holds as a tree (None: as
    ``total_bytes``); the rest is pictures and the like."""
    members: int = 1_000
    ratio: int = 200
    """Inflated / compressed, for a member larger than ``RATIO_FROM`` inflated."""


RATIO_FROM = 1_000_000
MB = 1_000_000
_ENCODING = re.compile(rb"encoding\s*=\s*[\"']([^\"']{0,40})[\"']")
_FINE_ENCODINGS = {"utf-8", "utf8", "utf-16", "utf-16le", "utf-16be", "us-ascii", "ascii"}
_EBCDIC = b"\x4c\x6f\xa7\x94"  # <?xm in EBCDIC, which libxml2 detects by itself
_ENCODINGS = ("utf-8", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be")
_DTD = tuple(word.encode(e) for word in ("<!DOCTYPE", "<!ENTITY") for e in _ENCODINGS)
_ENTITY = tuple("<!ENTITY".encode(e) for e in _ENCODINGS)
_PICTURE = re.compile(r"(word|xl|ppt)/media/[^/]+\.(svg|png|jpe?g|gif|bmp|emf|wmf|tiff?)", re.I)
"""A picture (an SVG exported by a drawing program often names the SVG DTD); neither library
parses it, and it may still declare no entity."""


def check_size(path: Path, limit: int) -> None:
    """Refuse a file larger than ``limit`` bytes, before reading it."""
    check_length(path.stat().st_size, limit)


def check_length(size: int, limit: int) -> None:
    """Refuse ``size`` bytes (a file's, or what was read of it) above ``limit``."""
    if size > limit:
        raise Untrusted(
            say(
                f"the file is {size // MB} MB, more than the {limit // MB} MB this command reads: "
                "split it or remove what it does not need",
                f"文件大小 {size // MB} MB，超过本命令可读取的 {limit // MB} MB："
                "请拆分或删去无关内容",
            )
        )


def check_zip(data: bytes, limits: ZipLimits) -> None:
    """Refuse an archive that would inflate beyond ``limits`` or holds a DTD (<!DOCTYPE,
    <!ENTITY) in any member. Sizes are read from the archive's directory; zipfile stops a
    member at its declared size, so a member cannot inflate beyond what was checked."""
    check_length(len(data), limits.file_bytes)
    try:
        archive = zipfile.ZipFile(BytesIO(data))
    except Exception as error:  # not a zip, a damaged directory, an unknown zip version …
        raise Untrusted(_damaged(error)) from None
    with archive:
        members = archive.infolist()
        if len(members) > limits.members:
            raise Untrusted(
                _too_large(
                    f"{len(members)} parts (at most {limits.members})",
                    f"共 {len(members)} 个部件（至多 {limits.members} 个）",
                )
            )
        total = 0
        for member in members:
            total += member.file_size
            compressed = max(member.compress_size, 1)
            if member.file_size > RATIO_FROM and member.file_size > compressed * limits.ratio:
                ratio = member.file_size // compressed
                name = printable(member.filename)
                raise Untrusted(
                    _too_large(f"{name} inflates {ratio} times", f"{name} 解压后膨胀 {ratio} 倍")
                )
        xml = sum(m.file_size for m in members if m.filename.lower().endswith((".xml", ".rels")))
        if limits.xml_bytes is not None and xml > limits.xml_bytes:
            raise Untrusted(
                _too_large(
                    f"{xml // MB} MB of XML inflated (at most {limits.xml_bytes // MB} MB)",
                    f"解压后 XML 共 {xml // MB} MB（至多 {limits.xml_bytes // MB} MB）",
                )
            )
        if total > limits.total_bytes:
            raise Untrusted(
                _too_large(
                    f"{total // MB} MB inflated (at most {limits.total_bytes // MB} MB)",
                    f"解压后共 {total // MB} MB（至多 {limits.total_bytes // MB} MB）",
                )
            )
        for member in members:
            try:
                content = archive.read(member)
            except Exception as error:  # bad CRC, zlib.error, encrypted, unknown method …
                raise Untrusted(_damaged(error)) from None
            picture = _PICTURE.fullmatch(member.filename) is not None
            encoding = None if picture else _declared_encoding(content)
            if encoding is not None:
                name = printable(member.filename)
                raise Untrusted(
                    say(
                        f"{name} is written in the encoding {printable(encoding)}, which an office "
                        "file never uses: save the file again from Excel/WPS/Word",
                        f"{name} 使用 {printable(encoding)} 编码，正常的 Office 文件不会这样："
                        "请用 Excel、WPS 或 Word 重新保存后再试",
                    )
                )
            if any(word in content for word in (_ENTITY if picture else _DTD)):
                name = printable(member.filename)
                raise Untrusted(
                    say(
                        f"{name} declares a DTD or entities (<!DOCTYPE, <!ENTITY), "
                        "which an office file never needs: save the file again from Excel/WPS/Word",
                        f"{name} 含有 DTD 或实体声明（<!DOCTYPE、<!ENTITY），"
                        "正常的 Office 文件不会有：请用 Excel、WPS 或 Word 重新保存后再试",
                    )
                )


def _declared_encoding(content: bytes) -> str | None:
    """The encoding a part declares when it is not UTF-8 or UTF-16 (in UTF-7 or EBCDIC a DTD
    would not show as the bytes searched for), else None."""
    if content.startswith(_EBCDIC):
        return "EBCDIC"
    head = content[:400].replace(b"\x00", b"")
    found = (
        _ENCODING.search(head)
        if head.lstrip(b"\xef\xbb\xbf\xff\xfe").startswith(b"<?xml")
        else None
    )
    if found is None:
        return None
    encoding = found.group(1).decode("ascii", errors="replace")
    return None if encoding.strip().lower() in _FINE_ENCODINGS else encoding


_REASONS_ZH = {
    "File is not a zip file": "不是 zip 格式，而 .xlsx、.docx 都是 zip 格式",
    "Bad magic number for file header": "zip 文件头已损坏",
    "Truncated file header": "文件不完整",
}
"""The Chinese for the reasons zipfile gives most often (others are shown as they are)."""


def _damaged(error: BaseException) -> str:
    reason = printable(str(error)) if str(error) else type(error).__name__
    return say(
        f"not a valid file ({reason}): save it again from Excel/WPS/Word",
        f"文件已损坏或格式不对（{_REASONS_ZH.get(reason, reason)}）："
        "请用 Excel、WPS 或 Word 重新保存后再试",
    )


def _too_large(english: str, chinese: str) -> str:
    return say(
        f"refused: {english}, more than an office file of this kind holds",
        f"拒绝读取：{chinese}，超出此类文件的合理大小（可能是压缩炸弹）",
    )
