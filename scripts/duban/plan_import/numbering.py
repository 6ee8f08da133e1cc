"""The marks that number a plan's lines, in one place (house, issue 18).

Every importer module that asks "does this line (or cell) start with an item's number?" or "is
this a chapter heading?" builds its pattern from the parts here, so that a form taught to one
(a new separator, full-width digits) is one edit away for all of them. The parts:

- chapter numerals: 一 … 九十九 (``CN``; ``CN_RUN`` for any length), 一、 (``CHAPTER``),
  （一） / (一) (``bracketed(CN)``), 第一条 (``article()``);
- arabic item numbers: ASCII and full-width digits (``arabic()``), the separators after them
  (``separator()``: . ． 、 ﹒ always; 。 only where a module reads it);
- bracketed numbers （1） / (1) and the circled ones ① ⑴ (``CIRCLED``, ``PARENTHESIZED``).

The context-specific differences stay explicit as parameters at the call site (how many digits,
full-width or not, which separators, optional separator, indent allowed): each module's
narrower choice is kept as it was and says why where it defines its pattern. segment.py's
MARKER (the numbering's reader) is built from the same parts and keeps its own lookarounds.
"""

from __future__ import annotations

CN_DIGITS = "一二三四五六七八九十"
"""The characters of a chapter's numeral (一 … 九十九; 百 never numbers a plan's chapter)."""
CN = f"[{CN_DIGITS}]{{1,3}}"
"""A chapter's numeral as segment.py reads it: up to three characters (九十九)."""
CN_RUN = f"[{CN_DIGITS}]+"
"""A chapter's numeral of any length (the table readers' looser 一、 test)."""
CHAPTER_STOP = "[、．]"
"""After a chapter's numeral: 、, or a full-width full stop (一．, as segment.py reads it since
h18c; h18x: every module, measured by the variants harness)."""
CHAPTER = f"{CN}{CHAPTER_STOP}"
"""一、 (the numeral, then the enumeration comma) or 一．"""
CHAPTER_RUN = f"{CN_RUN}{CHAPTER_STOP}"
"""一、 with a numeral of any length."""
MIXED = f"[{CN_DIGITS}0-9]{{1,3}}"
"""A bracketed item's number that may be either (（一） or （1）), up to three characters."""

DIGITS = "0-9"
WIDE_DIGITS = "０-９"
"""Full-width digits: a converter or a typist writes １． for 1."""
STOPS = ".．、﹒"
"""The separators after an arabic item number every module reads: 1. 1． 1、 1﹒ (h18x: ﹒ was
read by three modules only, and a table's 序号 cell or an inline item 1﹒ went unread)."""
SMALL_STOP = "﹒"
"""1﹒ (a small full stop, U+FE52): in STOPS since h18x (``small`` is kept for the callers)."""
FULL_STOP = "。"
"""1。 (a converter's full stop for the dot, round eleven): segment.py only, with text after."""
INDENT = r"[ \t\u3000]*"
"""The indent before a line's number (spaces, tabs, ideographic spaces; no line breaks)."""

CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
PARENTHESIZED = "⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇"
DIGIT_STOPS = "⒈⒉⒊⒋⒌⒍⒎⒏⒐⒑⒒⒓⒔⒕⒖⒗⒘⒙⒚⒛"
"""⒈ ⒉ …: the number and its full stop as one glyph (h18ak: read as 1. 2. by segment.py)."""
CIRCLED_RANGE = "①-⑳"
PARENTHESIZED_RANGE = "⑴-⒇"


def arabic(width: int = 3, *, wide: bool = True, low: int = 1, group: bool = False) -> str:
    """An arabic item number of ``low`` to ``width`` digits, full-width digits too when
    ``wide``; captured as group 1 when ``group``."""
    digits = f"[{DIGITS}{WIDE_DIGITS if wide else ''}]{{{low},{width}}}"
    return f"({digits})" if group else digits


def separator(*, small: bool = False, optional: bool = False) -> str:
    """The separator after an arabic number: . ． 、 (and ﹒ when ``small``), optional or not."""
    mark = f"[{STOPS}{SMALL_STOP if small else ''}]"
    return f"{mark}?" if optional else mark


def bracketed(inside: str) -> str:
    """A number in brackets, full-width or ASCII: （一） / (一) / （1）."""
    return f"[（(]{inside}[）)]"


def article(numeral: str = CN_RUN) -> str:
    """第一条 (an article of a 规定-like plan)."""
    return f"第{numeral}条"


NOT_DECIMAL = r"(?![0-9])"
"""After 1. : not 1.5 (a decimal or an outline's 1.1), which is no item number."""

MONTH = r"(?:1[0-2]|0?[1-9])月(?:底|末|份|中旬|上旬|下旬|[0-9]{1,2}日)"
"""h18j: a month the number of an item is followed by (1.4月底前): not a decimal."""
NUMBER_END = rf"(?!(?![0-9０-９]{{4}}年|{MONTH})[0-9０-９])"
"""After 1. : a digit only as a year's or a month's (4.2011年…, 1.4月底前), never a decimal's."""


# -- h18ab: the marks of a list segment.py does not read as item numbers ----------------------
# A clerk numbers (or bullets) a list in Word or on a web page in many more ways than the ones
# above. These are read by marked_lines.py only: each list of such lines, in a document where
# no other reading found a task, becomes a list of items (the last-resort reading), so that a
# document that visibly holds a list is never refused.
BULLETS = "●○■□◆◇★☆▲△▪▫•·‧∙◎◉►▶▷➢➤✓✔√❖※\\-*＊—"
"""Bullets that stand for a number: ● ■ ◆ ★ ▲ · - * … (one of them at a line's start)."""
ROMAN = "ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩⅪⅫⅰⅱⅲⅳⅴⅵⅶⅷⅸⅹⅺⅻ"
"""Roman numerals as one character each (Ⅰ Ⅱ Ⅲ, ⅰ ⅱ ⅲ)."""
ASCII_ROMAN = r"(?:X{0,1}(?:IX|IV|V?I{1,3})|X{1,2}|V)"
"""I II III IV … XX in ASCII letters (only with a separator after them)."""
IDEOGRAPH_GLYPHS = "㈠-㈩㊀-㊉"
"""㈠ (（一） as one glyph) and ㊀ (一 circled): a chapter's or a target's number (h18bt)."""
NUMBER_GLYPHS = f"❶-❿➀-➉➊-➓⒈-⒛{IDEOGRAPH_GLYPHS}⓵-⓾"
"""Numbers as one glyph a font offers: ❶ ➀ ➊ (circled), ⒈ (with its stop), ㈠ (（一）),
㊀ (一 circled)."""
SEQUENCE_WORDS = "首先|其次|再次|再者|最后"
"""首先，… 其次，… 最后，…: words that order a list as numbers do."""
AFTER_MARK = r"[.．、,，:：)）﹒]"
"""What follows a letter, a roman numeral or an ordinal as its separator."""
LIST_MARKS = (
    ("bullet", rf"[{BULLETS}]{{1,2}}(?=\s*[^\s{BULLETS}])"),
    ("shi", rf"{CN}是(?=[\u4e00-\u9fff“《])"),
    (
        "ordinal",
        rf"第(?:{CN}|{arabic(2)})(?:项|点|个方面|方面|部分|章|节)?(?:{AFTER_MARK}|\s+|(?<=[项点面分章节])(?=[\u4e00-\u9fff]))",
    ),
    ("word", rf"(?:{SEQUENCE_WORDS})[,，:：]"),
    ("labelled", rf"(?:任务|事项|工作|项目|措施|举措)(?:{CN}|{arabic(2)})(?:{AFTER_MARK}|\s+)"),
    ("bracket", rf"[【\[〔](?:任务|事项|工作|项目|措施)?(?:{CN}|{arabic(2)})[】\]〕]"),
    ("glyph", rf"[{NUMBER_GLYPHS}]{AFTER_MARK}?(?=\s*[^\s])"),
    ("roman", rf"(?:[{ROMAN}]{AFTER_MARK}?|{ASCII_ROMAN}{AFTER_MARK})"),
    ("letter", rf"[A-Za-z]{AFTER_MARK}(?=\s*[\u4e00-\u9fff“《])"),
    ("half", rf"{CN}[)）](?=\s*[\u4e00-\u9fff“《])"),
    ("outline", rf"{arabic(2)}(?:[.．\-－—]{arabic(2)}){{1,3}}[.．、]?(?=\s*[\u4e00-\u9fff“《])"),
    ("colon", rf"(?:{arabic(2)}|{CN})[：:，,](?=\s*[\u4e00-\u9fff“《])"),
    ("no", rf"(?:No|NO|no)[.．]?\s*{arabic(2)}[.．、:：]?(?=\s*[\u4e00-\u9fff“《])"),
    ("bare", rf"{arabic(2)}(?=[ \t\u3000]+[\u4e00-\u9fff“《])"),
)
"""The kinds of list marks at a line's start (after its indent), in the order they are tried:
each kind's pattern is the mark only (the text after it is the item's)."""
