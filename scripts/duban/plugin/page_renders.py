"""`mkdocs serve` only (h24p): a hand-written page's Markdown rendered once while its text is
the same.

The page cache never gives a hand-written page whole (docs/: its examples are filled from the
data, and a build that keeps it must still check its links). What Python-Markdown makes of it
is a function of the build's context (the page cache's: mkdocs.yml, Markdown's extensions and
settings, the theme, the navigation, the list of every page, every hand-written page's bytes)
and of the page's Markdown once its examples are filled. So while serving, ``Page.render``'s
results (the HTML, the table of contents, the title from the first heading, the anchors and the
links to anchors MkDocs checks after the loop) are kept by the digest of those two and given
back to the next build whose page has the same; the rest of MkDocs' work on the page (its
template, search's entries, writing it) is done as before. A generated page the page cache
does not give whole is rendered the same way: its Markdown is the hand-off's placeholder (its
headings; the HTML is put in place after the render, :mod:`.handoff`), often the same as the
last build's when only its tables changed.

What is not given back: the warnings Markdown's link check logged when the page was rendered
(a link to a missing file). They are logged by the build that rendered it, and any change to the
list of pages or to a hand-written page changes the context, so the page is rendered again.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page


@dataclass(frozen=True)
class Rendered:
    content: str
    toc: Any
    title: str | None
    anchors: frozenset[str]
    links: Any  # MkDocs' links_to_anchors, when it kept them


class PageRenders:
    """The renders of the last build and of this one, by key."""

    def __init__(self) -> None:
        self.kept: dict[str, Rendered] = {}
        self.now: dict[str, Rendered] = {}
        self.hits = 0

    def use(self, context: str, page: Page, markdown: str) -> None:
        """``on_page_markdown`` of a hand-written page (its final Markdown): its render given
        back, or kept once made."""
        digest = hashlib.blake2b(digest_size=16)
        for part in (context, page.file.src_uri, markdown):
            digest.update(part.encode("utf-8", "surrogatepass") + b"\0")
        key = digest.hexdigest()
        found = self.kept.get(key)
        if found is not None:
            self.now[key] = found
            self.hits += 1
            page.render = partial(_given, page, found)  # type: ignore[method-assign]
        else:
            page.render = partial(_kept, self, key, page, page.render)  # type: ignore[method-assign]

    def start(self) -> None:
        self.now, self.hits = {}, 0

    def end(self) -> None:
        """After a good build: this build's renders are the ones kept."""
        self.kept, self.now = self.now, {}

    def drop(self) -> None:
        self.kept, self.now = {}, {}


def _kept(renders: PageRenders, key: str, page: Page, render: Any, *args: Any) -> None:
    render(*args)
    assert page.content is not None
    renders.now[key] = Rendered(
        page.content,
        page.toc,
        page._title_from_render,
        frozenset(page.present_anchor_ids or ()),
        getattr(page, "links_to_anchors", None),
    )


def _given(page: Page, found: Rendered, config: MkDocsConfig, files: Files) -> None:
    page.content = found.content
    page.toc = found.toc
    page._title_from_render = found.title
    page.present_anchor_ids = set(found.anchors)
    if found.links is not None:
        page.links_to_anchors = found.links
