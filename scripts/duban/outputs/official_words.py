"""The words of an official document that are not the bulletin's own: a number in Chinese
(一、 十二、 一百零五) and the punctuation of a list of offices (主送, 抄送)."""

from __future__ import annotations

_ASCII_TO_CHINESE = str.maketrans({"(": "（", ")": "）", ";": "；", ":": "："})


def official_punctuation(names: str) -> str:
    """主送 or 抄送 with the punctuation of a Chinese document: ASCII brackets, semicolons and
    colons in their full-width forms; an ASCII comma is 、 in a plain list of units, and ， where
    the list already separates units by 、 (各乡镇人民政府，县政府各工作部门、各直属机构: the
    comma then separates kinds of units). Spaces around the separators and a trailing colon
    (the document writes its own) go."""
    text = " ".join(names.split()).translate(_ASCII_TO_CHINESE)
    comma = "，" if "、" in text else "、"
    parts = [part.strip() for part in text.split(",")]
    text = comma.join(part for part in parts if part)
    for mark in ("，", "、", "；"):
        text = mark.join(part.strip() for part in text.split(mark))
    return text.rstrip("：:，、； ")


_DIGITS = "零一二三四五六七八九"
_PLACES = ((1000, "千"), (100, "百"), (10, "十"), (1, ""))


def cn_number(n: int) -> str:
    """A heading's number in Chinese: 1 -> 一, 10 -> 十, 12 -> 十二, 105 -> 一百零五,
    1010 -> 一千零一十, 12345 -> 一万二千三百四十五 (a province's bulletin numbers
    thousands of units)."""
    if n < 1:
        raise ValueError(f"headings are numbered from 1, not {n}")
    if n >= 100_000_000:
        return str(n)
    high, low = divmod(n, 10_000)
    if not high:
        return _below_ten_thousand(n, leading=True)
    text = _below_ten_thousand(high, leading=True) + "万"
    if low:
        text += ("零" if low < 1000 else "") + _below_ten_thousand(low, leading=False)
    return text


def _below_ten_thousand(n: int, leading: bool) -> str:
    """1..9999 in words; one 零 for each run of missing places inside the number; 十 alone
    for 10-19 at the head of a number (十二, but 一百一十二)."""
    if leading and 10 <= n < 20:
        return "十" + (_DIGITS[n - 10] if n > 10 else "")
    parts: list[str] = []
    gap = False
    for value, name in _PLACES:
        digit, n = divmod(n, value)
        if digit:
            if gap and parts:
                parts.append("零")
            parts.append(_DIGITS[digit] + name)
            gap = False
        else:
            gap = True
        if not n:
            break
    return "".join(parts)
