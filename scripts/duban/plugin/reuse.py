"""The page cache's part in each build (duban/plugin/page_cache.py has the why): the plugin's
events call these in order, for the generated pages only.

* ``begin`` (on_nav): the build's context digest, and Material's search index;
* ``markdown`` (on_page_markdown): a hit gives MkDocs nothing to parse and a one-line template;
* ``content`` (on_page_content): a hit's anchors; a miss's are noted;
* ``before_search`` / ``after_search`` (on_page_context, around Material's search): a hit's
  stored entries in place of the (empty) page's; a miss's entries are noted;
* ``output`` (on_post_page): a hit's stored HTML; a miss is stored;
* ``end`` (on_post_build): what this build did not use is let go.
"""

from __future__ import annotations

import copy
import logging
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from duban.load.cache import refusal
from duban.plugin.page_cache import (
    CACHED_TEMPLATE,
    Entry,
    PageCache,
    context_digest,
    nav_outline,
    search_entries,
)

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page

log = logging.getLogger("mkdocs.plugins.duban")


def open_cache(
    setting: str, root: Path, data_dir: Path, command: str, current: PageCache | None
) -> PageCache | None:
    """On disk when mkdocs.yml names a folder outside the data's repository; in memory while
    serving (``current``, kept from the last build, if it is the same); else none."""
    folder = (root / setting.strip()).resolve() if setting.strip() else None
    refused = refusal(folder, data_dir) if folder is not None else None
    if folder is not None and refused is not None:
        log.info("duban: page_cache %s not used: %s", folder, refused)
        folder = None
    if folder is None and command != "serve":
        return None
    if current is not None and current.folder == folder:
        return current
    return PageCache(folder)


class Reuse:
    """One build's use of a :class:`PageCache`."""

    def __init__(self, cache: PageCache, sources: Mapping[str, str]) -> None:
        self.cache = cache
        self.sources = sources  # generated page -> its source (what MkDocs was handed)
        self.context = ""
        self.entries: list[dict[str, Any]] | None = None
        self.on = False
        self.hits: dict[str, Entry] = {}
        self.keys: dict[str, str] = {}  # the misses: page -> key
        self.anchors: dict[str, frozenset[str]] = {}
        self.found: dict[str, tuple[dict[str, Any], ...]] = {}
        self._mark = 0

    def begin(
        self,
        config: MkDocsConfig,
        nav: Navigation,
        files: Files,
        settings: dict[str, Any],
        words: tuple[str, ...],
    ) -> None:
        readable, self.entries = search_entries(config.plugins)
        self.on = readable
        if not readable:
            log.info("duban: page cache not used: the search plugin's index is not Material's")
            return
        pages = sorted(f.src_uri for f in files.documentation_pages())
        self.context = context_digest(config, settings, nav_outline(nav.items), pages, words)
        self.cache.start()

    def markdown(self, markdown: str, page: Page) -> str | None:
        """ "" for a hit (the stored page replaces it), None for a page to make."""
        uri = page.file.src_uri
        source = self.sources.get(uri)
        if not self.on or source is None:
            return None
        key = self.cache.key(self.context, uri, source)
        entry = self.cache.get(key)
        if entry is None:
            self.keys[uri] = key
            return None
        self.hits[uri] = entry
        page.meta["template"] = CACHED_TEMPLATE
        return ""

    def content(self, page: Page) -> bool:
        """True for a hit (its anchors are set); a miss's anchors are noted."""
        uri = page.file.src_uri
        entry = self.hits.get(uri)
        if entry is not None:
            page.present_anchor_ids = set(entry.anchors)
            return True
        if uri in self.keys:
            self.anchors[uri] = frozenset(page.present_anchor_ids or ())
        return False

    def before_search(self, page: Page) -> None:
        if self.entries is not None:
            self._mark = len(self.entries)

    def after_search(self, page: Page) -> None:
        entries, uri = self.entries, page.file.src_uri
        if entries is None:
            return
        entry = self.hits.get(uri)
        if entry is not None:
            del entries[self._mark :]
            entries.extend(copy.deepcopy(list(entry.search)))
        elif uri in self.keys:
            self.found[uri] = tuple(copy.deepcopy(entries[self._mark :]))

    def output(self, output: str, page: Page) -> str:
        uri = page.file.src_uri
        entry = self.hits.get(uri)
        if entry is not None:
            self.cache.hits += 1
            return entry.output
        key = self.keys.get(uri)
        if key is not None:
            made = Entry(output, self.found.pop(uri, ()), self.anchors.pop(uri, frozenset()))
            self.cache.put(key, made)
            self.cache.made += 1
        return output

    def end(self) -> None:
        if not self.on:
            return
        self.cache.finish()
        log.info(
            "duban: page cache: %d pages reused, %d made",
            self.cache.hits,
            self.cache.made,
        )
