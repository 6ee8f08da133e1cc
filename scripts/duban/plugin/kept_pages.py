"""The pages the page cache gives whole skip MkDocs' per-page loop (h24p).

With the page cache (:mod:`.reuse`), a reused page still went through MkDocs' two loops over
every page: read (its front matter), its events, the one-line template, Material's search entry
put back, the stored HTML written; about a millisecond a page, thousands of pages, on every
build, and while serving MkDocs first deleted the served folder's pages and wrote them again.

Now, once the navigation is made (``on_nav``, where the page cache's context is known), each
generated page whose key is found is taken out of the two loops and put in place by duban:

* ``mkdocs build``: its stored bytes are written into the site (the bytes MkDocs would write:
  :meth:`.page_cache.Entry.written`), in one pass;
* ``mkdocs serve``: the served folder is moved aside before MkDocs cleans it
  (``on_pre_build``), and a page whose key is the one of the HTML the last good build wrote
  is moved back (a rename); what is left aside is removed by a thread once the build is done.

What the rest of the site needs of a page it still gets: MkDocs' ``Files``
keeps every page, so the navigation, the sitemap and 404 (made from ``Files`` and the pages'
objects, not from the loops) list them all; the page's object is given what reading it gave
(its front matter's meta, an empty content: its title, the previous and next links of its
neighbours) and its anchors (links from other pages are still checked); its stored search
entries are put in the index in the order a full build appends them (``on_post_build``, before
Material writes the index). Only MkDocs' two loops pass ``inclusion`` to
``Files.documentation_pages`` (MkDocs 1.6's ``build``); :class:`LoopFiles` leaves the kept
pages out of those calls alone. With another MkDocs, nothing is skipped.
"""

from __future__ import annotations

import logging
import os
import shutil
import threading
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import mkdocs
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.utils import write_file
from mkdocs.utils.meta import get_data

from duban.i18n.messages import say
from duban.plugin.page_cache import CACHED_TEMPLATE, CacheChanged, Entry
from duban.plugin.reuse import Reuse, render_nothing

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page

log = logging.getLogger("mkdocs.plugins.duban")
SUPPORTED = mkdocs.__version__.startswith("1.6.")
ASIDE = ".duban-kept"  # beside the served folder: its last build's files while rebuilding


class LoopFiles(Files):
    """The build's files, where MkDocs' per-page loops (the callers that pass ``inclusion``)
    do not see the pages in :attr:`skipped`; every other caller sees every page."""

    def __init__(self, files: Iterable[File]) -> None:
        super().__init__(files)
        self.skipped: frozenset[str] = frozenset()

    def documentation_pages(
        self, *, inclusion: Callable[[InclusionLevel], bool] | None = None
    ) -> Sequence[File]:
        if inclusion is None:
            return super().documentation_pages()
        pages = super().documentation_pages(inclusion=inclusion)
        if not self.skipped:
            return pages
        return [file for file in pages if file.src_uri not in self.skipped]


class KeptPages:
    """The pages put in place by duban, for as long as the plugin lives (serve: a session)."""

    def __init__(self) -> None:
        # serve: page -> the key of the HTML the served folder holds (the last good build's)
        self.written: dict[str, str] = {}
        self.aside: Path | None = None
        self.sweeper: threading.Thread | None = None
        self.skipped: dict[str, Entry] = {}  # this build's kept pages
        self.command = "build"
        # front matter -> its meta (YAML read once a session: thousands of pages a build)
        self.metas: dict[str, dict[str, Any]] = {}
        self.folders: set[Path] = set()  # this build's folders made in the served folder

    def pre_build(self, site_dir: str, command: str) -> None:
        """Before MkDocs cleans the site's folder: serving, it is moved aside whole."""
        self.command, self.skipped = command, {}
        self._sweep()
        if command != "serve" or not self.written:
            return
        site = Path(site_dir)
        aside = site.with_name(site.name + ASIDE)
        try:
            os.rename(site, aside)
        except OSError:
            self.written = {}
            return
        self.aside = aside
        site.mkdir(exist_ok=True)

    def choose(self, reuse: Reuse, files: Files, config: MkDocsConfig) -> None:
        """``on_nav``: the generated pages the cache gives whole, put in place and left out of
        MkDocs' loops."""
        if not (SUPPORTED and isinstance(files, LoopFiles) and reuse.on):
            return
        serve = self.command == "serve"
        if serve and self.aside is None:
            return
        site = Path(config.site_dir)
        self.folders = set()
        metas, self.metas = self.metas, {}
        for file in files.documentation_pages():
            uri, page = file.src_uri, file.page
            digest = reuse.sources.get(uri)
            if digest is None or page is None:
                continue
            key = reuse.cache.key_of(reuse.context, uri, digest)
            if serve and self.written.get(uri) != key:
                continue
            entry = reuse.cache.get(key)
            if entry is None:
                continue
            if not (self._move_back(site, file) if serve else _write(site, file, entry)):
                continue
            front = reuse.fronts[uri]
            meta = metas.get(front)
            if meta is None:
                _, meta = get_data(front)
            self.metas[front] = meta
            _read_as_reused(page, dict(meta), entry, config, files)
            reuse.page_keys[uri] = key
            reuse.cache.hits += 1
            self.skipped[uri] = entry
        files.skipped = frozenset(self.skipped)

    def read(self, front: str, meta: Mapping[str, Any]) -> None:
        """Serving: the meta MkDocs read from a generated page's front matter (a page it made,
        in ``on_page_markdown``), kept for the next build that puts the page in place. Without
        it the first rebuild of a session parsed the front matter of every page again (YAML, in
        Python): the first build had had every page read by MkDocs and kept no meta (h24y)."""
        if self.command == "serve":
            self.metas[front] = dict(meta)

    def _move_back(self, site: Path, file: File) -> bool:
        assert self.aside is not None
        source, target = self.aside / file.dest_uri, site / file.dest_uri
        try:
            if target.parent not in self.folders:
                target.parent.mkdir(parents=True, exist_ok=True)
                self.folders.add(target.parent)
            os.rename(source, target)
        except OSError:
            return False
        return True

    def index(self, reuse: Reuse | None, files: Files) -> None:
        """Before Material writes its search index: the kept pages' stored entries among the
        others', in the order of the pages, as a build through MkDocs' loop appends them."""
        if not self.skipped or reuse is None or reuse.entries is None:
            return
        entries, spans = reuse.entries, reuse.spans
        ordered: list[dict[str, Any]] = []
        for file in files:
            entry = self.skipped.get(file.src_uri)
            if entry is not None:
                ordered.extend(dict(e) for e in entry.search)
            elif file.src_uri in spans:
                start, end = spans[file.src_uri]
                ordered.extend(entries[start:end])
        entries[:] = ordered

    def end(self, reuse: Reuse) -> None:
        """After a good build: which HTML the served folder holds; what was left aside goes."""
        if self.command == "serve":
            self.written = dict(reuse.page_keys)
        if self.skipped:
            count = len(self.skipped)
            log.info(
                say(
                    f"duban: {count} reused pages put in place without MkDocs' per-page work",
                    f"duban：{count} 页沿用上次写好的文件，未经 MkDocs 逐页处理",
                )
            )
        self.skipped = {}
        aside, self.aside = self.aside, None
        if aside is not None:
            self.sweeper = threading.Thread(
                target=shutil.rmtree, args=(aside, True), name="duban-kept-sweeper", daemon=True
            )
            self.sweeper.start()

    def drop(self) -> None:
        """A failed build, invalid data or the session's end: nothing is known to be in the
        served folder; what was left aside goes now."""
        self.written, self.skipped = {}, {}
        aside, self.aside = self.aside, None
        if aside is not None:
            shutil.rmtree(aside, ignore_errors=True)
        self._sweep()

    def _sweep(self) -> None:
        if self.sweeper is not None:
            self.sweeper.join()
            self.sweeper = None


def _write(site: Path, file: File, entry: Entry) -> bool:
    try:
        data = entry.written()
    except CacheChanged:
        return False  # MkDocs' loop then stops the build with the cache's own line
    write_file(data, os.fspath(site / file.dest_uri))
    return True


def _read_as_reused(
    page: Page, meta: dict[str, Any], entry: Entry, config: MkDocsConfig, files: Files
) -> None:
    """What reading and rendering a reused page gives its object (:meth:`.Reuse.markdown`):
    its front matter's meta, no content, its stored anchors."""
    page.meta = meta
    page.markdown = ""
    page.meta["template"] = CACHED_TEMPLATE
    render_nothing(page, config, files)
    page.present_anchor_ids = set(entry.anchors)
