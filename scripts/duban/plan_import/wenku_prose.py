"""A plan's prose reprinted by a document site page by page (branch h18bp; 嘉兴 on 三一办公): each
page of the .docx is one line that starts with the page's number (``1、`` ``2、``), a page break
falls anywhere, inside a word too (``…小微企业及个体工商`` / ``2、户提供融资担保…``), and the
plan's own breaks are lost: its chapters and items run on after a full stop, the first item
glued to its chapter's title (``…制定本实施方案。一、加强…支持(一)强化财税政策保障。…``).

The pages are joined back into one stream (their numbers are the site's, not the plan's), and
the stream is broken where the run-on reading breaks a line (:mod:`run_on_lines`), and before
the first bracketed item glued to a chapter's title; nothing of the text is changed but the
page numbers and the breaks. The tables such a site reprints are :mod:`wenku_pages`' reading."""

from __future__ import annotations

import re

from duban.i18n.messages import say
from duban.plan_import.numbering import CN
from duban.plan_import.run_on_lines import breaks_in
from duban.plan_import.wenku_pages import PAGE, pages

FIRST_ITEM = re.compile(rf"^{CN}、[^。；;（(]{{2,40}}?(?=[（(]一[)）][\u4e00-\u9fff])")
"""一、加强民营经济资源要素支持(一)强化…: a chapter's title, then its first item glued on."""


def wenku_prose(text: str) -> tuple[str, int] | None:
    """The text with its pages joined and its items each on a line (and how many pages there
    were), or None when the text is no such reprint or its stream holds no chapter."""
    lines = text.split("\n")
    marked = pages(lines)
    if marked is None:
        return None
    stream = "".join(PAGE.sub("", lines[i].strip(), count=1) for i in marked)
    cuts = set(breaks_in(stream))
    for cut in list(cuts):
        title = FIRST_ITEM.match(stream[cut:])
        if title:
            cuts.add(cut + title.end())
    if not any(re.match(rf"{CN}、", stream[cut:]) for cut in cuts):
        return None
    ends = sorted(cuts)
    pieces = [stream[a:b] for a, b in zip([0, *ends], [*ends, len(stream)], strict=True)]
    out = [*lines[: marked[0]], *[p for p in pieces if p], *lines[marked[-1] + 1 :]]
    return "\n".join(out), len(marked)


def wenku_prose_reading(count: int) -> str:
    return say(
        f"the document site's {count} pages joined (their numbers 1、 2、 … taken out) and the"
        " chapters and items run on in them each read on a line of its own",
        f"文档站分页转载的正文：{count} 页的页码（1、2、……）已去掉、各页接排，"
        "连写的章节和条目分行读取",
    )
