"""Handing a generated page to MkDocs without Markdown reading the HTML duban rendered.

A generated page is Markdown only in name: front matter, ``## headings`` (the table of
contents) and between them blocks of raw HTML, which Python-Markdown passes through as they are
after parsing them all (its HTML-block preprocessor, and MkDocs' own parse of the raw HTML for
anchors): most of a province's build. Here the page MkDocs reads is a placeholder, the front
matter, the headings and one short paragraph per HTML block (:func:`placeholder`); Markdown
makes the headings, their ids and the table of contents as before, and :func:`fill` puts each
block in place of its paragraph in ``on_page_content``. The anchors MkDocs would have found in
the raw HTML are gathered with a regular expression (:func:`anchor_ids`), so links to them from
the hand-written pages are still checked.

Material's search parses each page's HTML again to index it, and throws away what sits in an
element with ``data-search-exclude`` (the status tables, the lists of overdue items, filter bars):
:func:`searchable` removes those elements before the parse, exactly as Material ends them (at the
first closing tag of the same name), so the parser reads the text it indexes and little else.

``DUBAN_SITE_HANDOFF=markdown`` hands the whole page to Markdown as before: for the benchmark
and the test that compare the two ways, not a setting for users.
"""

from __future__ import annotations

import html
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import TYPE_CHECKING

import markdown

if TYPE_CHECKING:
    from mkdocs.structure.pages import Page

HANDOFF_ENV = "DUBAN_SITE_HANDOFF"

# an ATX heading: generated pages escape data's line breaks (&#10;), so only the templates'
# own headings start a line with "#"
_HEADING = re.compile(r"^#{1,6}[ \t]", re.MULTILINE)
_SLOT = "dubanslot{}x"
_SLOT_HTML = re.compile(r"<p>dubanslot(\d+)x</p>")
_FRONT = re.compile(r"\A---[ \t]*\n.*?\n(?:---|\.\.\.)[ \t]*\n", re.DOTALL)
# a paragraph of a block that does not start with a block-level tag (or a comment): Markdown
# would make it a <p> and read Markdown in it, so such a page is handed over whole
_BLOCK_TAGS = "|".join(sorted(markdown.Markdown().block_level_elements))
_NOT_RAW = re.compile(rf"(?:\A|\n[ \t]*\n)[ \t]*(?!<(?:{_BLOCK_TAGS})[\s>/]|<!--|</)\S")
# what MkDocs' raw-HTML preprocessor collects: every id, and the name of an <a>; in duban's HTML
# a quote inside an attribute's value or in text is escaped, so `id="` starts an attribute
_ID = re.compile(r"""(?<=\s)id=(?:"([^"]*)"|'([^']*)')""")
_NAME = re.compile(r"""<a\s[^>]*?\bname=(?:"([^"]*)"|'([^']*)')""")
# an element Material's search leaves out ends at the first closing tag of its name
_EXCLUDE = "data-search-exclude"
_TAG = re.compile(r"<([a-zA-Z][a-zA-Z0-9]*)")
_VOID = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    ]
)


def old_way() -> bool:
    """The benchmark's switch: hand MkDocs the whole page, as before this module."""
    return os.environ.get(HANDOFF_ENV, "") == "markdown"


@dataclass(frozen=True)
class Held:
    """A generated page's HTML blocks, put back in ``on_page_content``."""

    blocks: tuple[str, ...]


def placeholder(page: str) -> tuple[str, Held | None]:
    """The page MkDocs reads (front matter, headings, a paragraph per HTML block) and the
    blocks. The blocks keep their text as Markdown would have passed it through. A page with
    anything but raw HTML between its headings is returned as it is, with no blocks."""
    front = _FRONT.match(page)
    head = page[: front.end()] if front else ""
    body = page[len(head) :]
    parts: list[str] = []
    blocks: list[str] = []
    start = 0
    for match in _HEADING.finditer(body):
        _block(body[start : match.start()], parts, blocks)
        end = body.find("\n", match.start())
        end = len(body) if end < 0 else end
        parts.append(body[match.start() : end])
        start = end
    _block(body[start:], parts, blocks)
    if any(_NOT_RAW.search(block) for block in blocks):
        return page, None
    return head + "\n\n".join(parts) + "\n", Held(tuple(blocks))


def _block(text: str, parts: list[str], blocks: list[str]) -> None:
    # Markdown keeps a blank line after a raw HTML block that has one before the next heading
    blank = text.rstrip(" \t").endswith("\n\n")
    text = text.strip("\n")
    if not text.strip():
        return
    parts.append(_SLOT.format(len(blocks)))
    blocks.append(text + "\n" if blank else text)


def fill(content: str, held: Held) -> str:
    """Markdown's HTML of the placeholder with each block in place of its paragraph."""
    # stripped at both ends, as Markdown strips what it returns
    return _SLOT_HTML.sub(lambda m: held.blocks[int(m.group(1))], content).strip()


def anchor_ids(content: str) -> set[str]:
    """The ids (and <a> names) in ``content``, as MkDocs collects them from raw HTML."""
    found = {a or b for a, b in _ID.findall(content)}
    found |= {a or b for a, b in _NAME.findall(content)}
    return {html.unescape(v) if "&" in v else v for v in found}


def searchable(content: str) -> str:
    """``content`` without the elements Material's search leaves out: from an element with the
    attribute ``data-search-exclude`` (not a void one, which Material does not skip) to the first
    closing tag of the same name, as Material's parser ends it."""
    pos = content.find(_EXCLUDE)
    if pos < 0:
        return content
    kept: list[str] = []
    start = 0
    while pos >= 0:
        after = pos + len(_EXCLUDE)
        opening = content.rfind("<", start, pos)
        tag = _TAG.match(content, opening) if opening >= 0 else None
        close = None
        if (
            tag is not None
            and tag.group(1).lower() not in _VOID
            and content[pos - 1].isspace()
            and content[after : after + 1] in ("", " ", "\t", "\n", "\r", "=", "/", ">")
            and content.find(">", opening, pos) < 0  # the attribute is this tag's
            and content.count('"', opening, pos) % 2 == 0  # not inside an attribute's value
        ):
            close = re.compile(rf"</{tag.group(1)}\s*>", re.IGNORECASE).search(content, after)
        if close is None:
            pos = content.find(_EXCLUDE, after)
            continue
        kept.append(content[start:opening])
        start = close.end()
        pos = content.find(_EXCLUDE, start)
    kept.append(content[start:])
    return "".join(kept)


def drop_search_attributes(content: str) -> str:
    """What Material's search removes from each page it indexes (its on_page_context)."""
    if "data-search-" not in content:
        return content
    return re.sub(r"\s?data-search-\w+=\"[^\"]+\"", "", content)


class Handoff:
    """One build's generated pages on their way past Markdown (the plugin's hooks call it)."""

    def __init__(self) -> None:
        self.held: Mapping[str, Held] = MappingProxyType({})
        # the page's content while search reads its searchable part, and that part
        self.whole: tuple[str, str] | None = None

    def hand(self, pages: Mapping[str, str | bytes]) -> dict[str, str | bytes]:
        """What MkDocs is given for each generated file: a page's placeholder, where it can."""
        held: dict[str, Held] = {}
        given: dict[str, str | bytes] = {}
        for uri, content in pages.items():
            if not old_way() and isinstance(content, str) and uri.endswith(".md"):
                content, blocks = placeholder(content)
                if blocks is not None:
                    held[uri] = blocks
            given[uri] = content
        self.held = held
        return given

    def start(self) -> None:
        """h24l: before a build's pages are handed one at a time (:meth:`one`)."""
        self.held = {}

    def one(self, uri: str, page: str) -> str:
        """A page's placeholder, its blocks held (h24l: made when MkDocs reads the page,
        :mod:`.handed_files`)."""
        content, blocks = placeholder(page)
        if blocks is not None:
            held = self.held if isinstance(self.held, dict) else dict(self.held)
            held[uri], self.held = blocks, held
        return content

    def content(self, html: str, page: Page) -> str:
        """``on_page_content``: a generated page's HTML in place of the placeholder's, and its
        anchors for MkDocs' checks of links to them."""
        held = self.held.get(page.file.src_uri)
        if held is None:
            return html
        html = fill(html, held)
        page.present_anchor_ids = anchor_ids(html) | (page.present_anchor_ids or set())
        return html

    def before_search(self, page: Page) -> None:
        """Before Material's search indexes ``page.content``: only what it indexes."""
        search = page.meta.get("search")
        excluded = isinstance(search, dict) and search.get("exclude")
        if page.file.src_uri in self.held and not excluded and page.content:
            reduced = searchable(page.content)
            self.whole, page.content = (page.content, reduced), reduced

    def after_search(self, page: Page) -> None:
        """After it: the whole page again, with the edit search made to what it read."""
        if self.whole is not None:
            (whole, reduced), self.whole = self.whole, None
            if page.content != reduced:
                whole = drop_search_attributes(whole)
            page.content = whole

    def clear(self) -> None:
        self.held, self.whole = MappingProxyType({}), None
