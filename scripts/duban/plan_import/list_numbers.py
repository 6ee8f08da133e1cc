"""The numbers a word processor or a browser draws before a list's items and the file does not
hold as text (h18ab, issue 18): Word's automatic numbering (a paragraph's ``w:numPr``, or its
style's: "List Number", "列表编号", a bulleted list) and a web page's ``<ol>``/``<ul>``. The
clerk sees ``1.`` ``（一）`` ``●`` before each item; the paragraph's text has none, and the
importer found no numbered item (a plan with its labels on other lines was refused, a bare list
too). The readers write the mark the reader of the document sees before the paragraph's text
(its own characters unchanged), so that the numbering's reader reads the list as the clerk does.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from duban.plan_import.chinese import numeral_text
from duban.plan_import.numbering import BULLETS, CIRCLED, CN, PARENTHESIZED

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
BULLET = "●"
"""Every bullet (Word's are often a symbol font's private character)."""
CHINESE = {"chineseCounting", "chineseCountingThousand", "ideographTraditional",
           "taiwaneseCounting", "taiwaneseCountingThousand", "japaneseCounting",
           "ideographLegalTraditional"}  # fmt: skip
ROMAN = ((10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))


def _roman(value: int) -> str:
    out = ""
    for size, letters in ROMAN:
        while value >= size:
            out, value = out + letters, value - size
    return out


def formatted(value: int, kind: str) -> str:
    """``value`` as a list level of format ``kind`` (Word's numFmt) writes it."""
    if kind in CHINESE:
        return numeral_text(value)
    if kind.startswith("decimalEnclosedCircle") and value <= len(CIRCLED):
        return CIRCLED[value - 1]
    if kind == "decimalEnclosedParen" and value <= len(PARENTHESIZED):
        return PARENTHESIZED[value - 1]
    if kind in ("lowerLetter", "upperLetter"):
        letter = chr(ord("a") + (value - 1) % 26)
        return letter.upper() if kind == "upperLetter" else letter
    if kind in ("lowerRoman", "upperRoman"):
        return _roman(value).upper() if kind == "upperRoman" else _roman(value)
    if kind == "decimalFullWidth":
        return "".join(chr(ord(c) + 0xFEE0) for c in str(value))
    return str(value)


def _val(element: Any, name: str) -> str | None:
    found = element.find(W + name) if element is not None else None
    return None if found is None else found.get(W + "val")


class WordNumbering:
    """The list levels of a .docx (numbering part and styles) and the counters of its lists."""

    def __init__(self, document: Any) -> None:
        self.levels: dict[str, dict[int, tuple[str, str, int]]] = {}
        self.styles: dict[str, tuple[str | None, str | None, str | None]] = {}
        self.counters: dict[str, list[int]] = {}
        try:
            numbering = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            numbering = None
        abstract: dict[str | None, dict[int, tuple[str, str, int]]] = {}
        for item in numbering.iter(W + "abstractNum") if numbering is not None else ():
            abstract[item.get(W + "abstractNumId")] = {
                int(level.get(W + "ilvl") or 0): (
                    _val(level, "numFmt") or "decimal",
                    _val(level, "lvlText") or "",
                    int(_val(level, "start") or 1),
                )
                for level in item.iter(W + "lvl")
            }
        for num in numbering.iter(W + "num") if numbering is not None else ():
            self.levels[num.get(W + "numId") or ""] = abstract.get(_val(num, "abstractNumId"), {})
        for style in document.styles.element.iter(W + "style"):
            properties = style.find(W + "pPr")
            numbers = properties.find(W + "numPr") if properties is not None else None
            self.styles[style.get(W + "styleId") or ""] = (
                _val(numbers, "numId"),
                _val(numbers, "ilvl"),
                _val(style, "basedOn"),
            )

    def _numbered(self, paragraph: Any) -> tuple[str, int] | None:
        properties = paragraph.find(W + "pPr")
        numbers = properties.find(W + "numPr") if properties is not None else None
        num, level = _val(numbers, "numId"), _val(numbers, "ilvl")
        style, seen = _val(properties, "pStyle"), 0
        while num is None and style and seen < 5:  # the style's (or the one it is based on)
            num, level_, style = self.styles.get(style, (None, None, None))
            level, seen = level or level_, seen + 1
        if num is None or num == "0" or num not in self.levels:
            return None
        return num, int(level or 0)

    def mark(self, paragraph: Any) -> str:
        """The mark Word draws before ``paragraph`` ('' for one not in a list)."""
        numbered = self._numbered(paragraph)
        if numbered is None:
            return ""
        num, level = numbered
        levels = self.levels[num]
        if level not in levels:
            return ""
        counters = self.counters.setdefault(num, [])
        while len(counters) <= level:
            counters.append(levels.get(len(counters), ("", "", 1))[2] - 1)
        counters[level] += 1
        del counters[level + 1 :]  # a deeper list starts again
        kind, text, _ = levels[level]
        if kind == "bullet" or kind == "none":
            return BULLET if kind == "bullet" else ""
        for depth, value in enumerate(counters):
            deeper = levels.get(depth, ("decimal", "", 1))[0]
            text = text.replace(f"%{depth + 1}", formatted(value, deeper))
        return text


def html_marks(kind: str, attrs: Iterable[tuple[str, str | None]]) -> tuple[str, int]:
    """An <ol>'s (or <ul>'s) list: its type and the number before its first item."""
    named = dict(attrs)
    start = named.get("start") or "1"
    first = int(start) - 1 if start.strip().isdigit() else 0
    return (named.get("type") or "1") if kind == "ol" else "", first


def html_mark(kind: str, value: int, depth: int) -> str:
    """The mark a browser draws before an <li>: 1. (or a. A. i. I. by the <ol>'s type) in an
    <ol>, a bullet in a <ul>; a list inside a list's item is numbered (1) under 1. ."""
    if not kind:
        return BULLET
    names = {"a": "lowerLetter", "A": "upperLetter", "i": "lowerRoman", "I": "upperRoman"}
    number = formatted(value, names.get(kind, "decimal"))
    return f"（{number}）" if depth > 1 and kind == "1" else f"{number}."


OPEN, CLOSE = "\ue000", "\ue001"
"""Around a mark in a web page's text until its item's text is known (html_text: ``marked``)."""
NUMBERED_ALREADY = re.compile(
    rf"^\s*(?:[0-9０-９]|{CN}[、．.]|[（(\[【]|[{CIRCLED}{PARENTHESIZED}{BULLETS}])"
)
"""An item whose own text starts with a number or a bullet (typed as well as drawn)."""
SHORTEST_BULLETED = 12
"""A bulleted item shorter than this is a menu's or a page's link, not a plan's item."""


def with_mark(mark: str, text: str) -> str:
    """``text`` with the mark drawn before it, unless it is numbered already or a short bullet."""
    if not mark or NUMBERED_ALREADY.match(text):
        return text
    if mark == BULLET and len(text.strip()) < SHORTEST_BULLETED:
        return text
    return f"{mark}{text}"


def marked(text: str) -> str:
    """A web page's text with each item's mark (between OPEN and CLOSE) kept or left out."""
    lines = []
    for line in text.split("\n"):
        if line.startswith(OPEN) and CLOSE in line:
            mark, rest = line[1:].split(CLOSE, 1)
            line = with_mark(mark, rest)
        lines.append(line.replace(OPEN, "").replace(CLOSE, ""))
    return "\n".join(lines)
