"""A web page's bold numbered headings as lines of their own (h18au, issue 18).

A notice on a web page often numbers its items with bold headings inside the running text:
``<b>一、各地自查</b>`` followed by the item's paragraph, with no block element between them
(the twenty-first batch's Sichuan notice, reposted in a demo page, whose source puts each on
a line of its own as the printed notice did). The page's text, read element by element (the
source's line breaks are only spaces in HTML), glued ``一、各地自查`` to the words before and
after it (``……如下。一、各地自查各市（州）……``), so the items were not found, or took the heading's
words into their first sentence.

A bold (``<b>``/``<strong>``) run whose whole text is a numbered heading (a chapter numeral, a
bracketed one, an arabic item number or 第X条, then a short title without a sentence's stop) is
read as a line of its own. A bold run that is a whole sentence
(``<strong>（一）加强领导。</strong>正文``) is left inline: such a title is already read with its
paragraph, and a line break there would change the item's text.
"""

from __future__ import annotations

import re

from duban.plan_import.numbering import (
    CHAPTER,
    CN,
    NOT_DECIMAL,
    arabic,
    article,
    bracketed,
    separator,
)

BOLD_TAGS = frozenset({"b", "strong"})

_MARK = (
    rf"(?:{CHAPTER}|{bracketed(CN)}|{bracketed(arabic(2))}"
    rf"|{arabic(2)}{separator()}{NOT_DECIMAL}|{article()})"
)
HEADING = re.compile(rf"[ \u3000]*{_MARK}[ \u3000]*[^。；;！!？?\n]{{1,30}}[ \u3000]*")
"""A numbered heading and its short title, nothing of a sentence's end inside."""


def is_bold_heading(text: str) -> bool:
    """Whether a bold run's text is a numbered heading that stands as a line of its own."""
    return HEADING.fullmatch(text.replace("\xa0", " ")) is not None


HEADING_OPEN, HEADING_CLOSE = "\x01", "\x02"
"""Where a bold heading's run starts and ends in a page's text, until :func:`heading_lines`."""
_RUN = f"{HEADING_OPEN}([^{HEADING_OPEN}{HEADING_CLOSE}]*){HEADING_CLOSE}"
_INLINE = re.compile(_RUN + r"(?=[ \u3000\xa0]*[。；;，,：:])")


def heading_lines(text: str) -> str:
    """The page's text with each bold heading (between HEADING_OPEN and HEADING_CLOSE) on a line
    of its own, unless a stop follows the bold run. h18bc: an item's title set in bold without
    its stop (``<strong>1.深化商事制度改革</strong>。(1)…``) is read inline, as the whole sentence
    in bold is: on a line of its own, the item's paragraph began with 。 and lost its sub-items."""
    return _INLINE.sub(r"\1", text).replace(HEADING_OPEN, "\n").replace(HEADING_CLOSE, "\n")
