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
import hashlib
import json
import logging
import re
from collections.abc import Mapping
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mkdocs.exceptions import PluginError
from mkdocs.structure.toc import get_toc

from duban.i18n.messages import say
from duban.load.cache import file_digest, refusal
from duban.load.layout import FOLDERS
from duban.plugin.handoff import drop_search_attributes
from duban.plugin.loaded_digests import changed_files, listed
from duban.plugin.page_cache import (
    CACHED_TEMPLATE,
    CacheChanged,
    Entry,
    PageCache,
    SourceDigests,
    context_digest,
    nav_outline,
    search_entries,
)

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import File, Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page

log = logging.getLogger("mkdocs.plugins.duban")
FRONT_MATTER = re.compile(r"\A---[ \t]*\n.*?\n(?:---|\.\.\.)[ \t]*\n", re.DOTALL)


def open_cache(
    setting: str, root: Path, data_dir: Path, command: str, current: PageCache | None
) -> PageCache | None:
    """On disk when mkdocs.yml names a folder outside the data's repository; in memory while
    serving (``current``, kept from the last build, if it is the same); else none."""
    folder = (root / setting.strip()).resolve() if setting.strip() else None
    refused = refusal(folder, data_dir) if folder is not None else None
    if folder is not None and refused is not None:
        log.info(
            say(
                f"duban: page_cache {folder} not used: {refused}",
                f"duban：未使用页面缓存 {folder}：它在仓库之内，拉取请求可能提交伪造的页面；"
                "请放在仓库之外（如 $RUNNER_TEMP）",
            )
        )
        folder = None
    if folder is None and command != "serve":
        return None
    if current is not None and current.folder == folder:
        return current
    return PageCache(folder, keep=command == "serve")


KNOWN_PLUGINS = frozenset({"search", "material/search", "duban"})
"""The plugins whose effect on a page the cache knows (their settings are in its context); with
any other (Material's tags, privacy or social plugins, a revision-date plugin ...) no page is
reused."""


class Reuse:
    """One build's use of a :class:`PageCache`."""

    def __init__(
        self, cache: PageCache, sources: Mapping[str, str], digests: SourceDigests | None = None
    ) -> None:
        self.cache = cache
        # generated page -> its source's digest and front matter (h24g: not the source itself,
        # which would stay in memory for the whole build, a second copy of every page; h24y:
        # serving, the digests of the sources given again kept, ``digests``)
        self.sources = (digests or SourceDigests()).of(sources, keep=digests is not None)
        self.fronts = {uri: _front(source) for uri, source in sources.items()}
        self.context = ""
        self.entries: list[dict[str, Any]] | None = None
        self.on = False
        self.hits: dict[str, Entry] = {}
        self.keys: dict[str, str] = {}  # the misses: page -> key
        self.anchors: dict[str, frozenset[str]] = {}
        self.found: dict[str, tuple[dict[str, Any], ...]] = {}
        self._mark = 0
        self.page_keys: dict[str, str] = {}  # h24p: every generated page's key (hit or miss)
        self.spans: dict[str, tuple[int, int]] = {}  # h24p: where each page's search entries are
        # h24p: a hand-written page's search entries, found (with its content) or to keep
        self._searched: tuple[Entry, str] | None = None
        self._search_key: str | None = None

    def begin(
        self,
        config: MkDocsConfig,
        nav: Navigation,
        files: Files,
        settings: dict[str, Any],
        words: tuple[str, ...],
    ) -> None:
        others = sorted(n for n in config.plugins if n not in KNOWN_PLUGINS)
        if others:  # it may write into pages what the cache's keys do not know
            log.info(
                say(
                    f"duban: page cache not used: plugin {others[0]} may change pages",
                    f"duban：未使用页面缓存：插件 {others[0]} 可能改动页面",
                )
            )
            return
        readable, self.entries = search_entries(config.plugins)
        self.on = readable
        if not readable:
            log.info(
                say(
                    "duban: page cache not used: the search plugin's index is not Material's",
                    "duban：未使用页面缓存：搜索插件的索引不是 Material 的",
                )
            )
            return
        in_nav = {page.file.src_uri for page in nav.pages}
        pages = [self._page_part(f, f.src_uri in in_nav) for f in files.documentation_pages()]
        outline = nav_outline(nav.items)
        self.context = context_digest(config, settings, outline, sorted(pages), words)
        self.cache.start()

    def _page_part(self, file: File, in_nav: bool) -> str:
        """A page's part of the context: its path; for a hand-written page also its bytes (its
        title may be in the navigation, its links in other pages' checks), for a generated page
        in the navigation its front matter (its title is in every page's navigation)."""
        if file.src_uri not in self.sources:
            return f"{file.src_uri}\0{file_digest(file.content_bytes)}"
        if in_nav:
            return f"{file.src_uri}\0{self.fronts[file.src_uri]}"
        return file.src_uri

    def pre_page(self, page: Page) -> str | None:
        """Before MkDocs reads the page (h24l): for a hit its front matter, all MkDocs is to
        read of it (its placeholder is then never made, :mod:`.handed_files`); None for a page
        to make."""
        uri = page.file.src_uri
        source = self.sources.get(uri)
        if not self.on or source is None:
            return None
        key = self.cache.key_of(self.context, uri, source)
        self.page_keys[uri] = key
        entry = self.cache.get(key)
        if entry is None:
            self.keys[uri] = key
            return None
        self.hits[uri] = entry
        return self.fronts[uri]

    def markdown(self, markdown: str, page: Page) -> str | None:
        """ "" for a hit (the stored page replaces it), None for a page to make."""
        uri = page.file.src_uri
        if uri not in self.hits and uri not in self.keys:
            self.pre_page(page)
        if uri not in self.hits:
            return None
        page.meta["template"] = CACHED_TEMPLATE
        # h24l: what Page.render makes of "", without a Markdown instance of every extension
        # (a few ms a page, thousands of pages); the page cache's tests compare the bytes
        page.render = partial(render_nothing, page)  # type: ignore[method-assign]
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
        self._searched, self._search_key = None, None
        uri = page.file.src_uri
        if (
            self.cache.folder is None
            and self.on
            and self.entries is not None
            and (uri not in self.sources and page.content)
        ):
            # h24p, serving (the cache in memory): a hand-written page's entries are a function
            # of what search reads of it (its content, table of contents, title, address and
            # meta) and of the context (search's settings, the words jieba knows); found,
            # search is given no content
            key = self.cache.key_of(self.context, uri, _searched_digest(page))
            entry = self.cache.get(key)
            if entry is None:
                self._search_key = key
            else:
                self._searched, page.content = (entry, page.content), ""
                self.cache.searched += 1

    def after_search(self, page: Page) -> None:
        entries, uri = self.entries, page.file.src_uri
        if entries is None:
            return
        entry = self.hits.get(uri)
        searched, self._searched = self._searched, None
        if searched is not None:
            entry, content = searched
            page.content = drop_search_attributes(content)  # what search does to the page
        if entry is not None:
            del entries[self._mark :]
            entries.extend(copy.deepcopy(list(entry.search)))
        elif uri in self.keys:
            self.found[uri] = tuple(copy.deepcopy(entries[self._mark :]))
        elif self._search_key is not None:
            made = tuple(copy.deepcopy(entries[self._mark :]))
            self.cache.put(self._search_key, Entry("", made, frozenset()))
            self._search_key = None
        self.spans[uri] = (self._mark, len(entries))

    def output(self, output: str, page: Page) -> str:
        uri = page.file.src_uri
        entry = self.hits.pop(uri, None)  # the last event: let the page go
        if entry is not None:
            self.cache.hits += 1
            try:
                return entry.output  # read from its file now (h24g)
            except CacheChanged as changed:
                raise PluginError(
                    say(
                        f"duban: the page cache's file {changed} changed during the build; "
                        "build again",
                        f"duban：构建期间页面缓存文件 {changed} 被改动；请重新构建",
                    )
                ) from None
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
        hits, made = self.cache.hits, self.cache.made
        log.info(
            say(
                f"duban: page cache: {hits} pages reused, {made} made",
                f"duban：页面缓存：沿用 {hits} 页，重新生成 {made} 页",
            )
        )


def render_nothing(page: Page, config: MkDocsConfig | None, files: Files | None) -> None:
    """``Page.render`` of an empty page (MkDocs 1.6): no content, no table of contents, no
    title from the render, no anchors, no links (the cache's entry gives the page whole)."""
    page.content = ""
    page.toc = get_toc([])
    page._title_from_render = None
    page.present_anchor_ids = set()
    if logging.getLogger("mkdocs.structure.pages").getEffectiveLevel() > logging.DEBUG:
        page.links_to_anchors = {}


_render_nothing = render_nothing  # its name before h24p (tests import it)


def _searched_digest(page: Page) -> str:
    """What Material's search reads of a page (``add_entry_from_context``), as one digest."""
    read = [
        "search",
        page.url,
        page.title,
        page.content,
        json.dumps(page.meta, sort_keys=True, ensure_ascii=False, default=repr),
        _outline(page.toc),
    ]
    text = json.dumps(read, ensure_ascii=False).encode("utf-8", "surrogatepass")
    return hashlib.blake2b(text, digest_size=16).hexdigest()


def _outline(toc: Any) -> list[Any]:
    return [[i.level, i.id, i.title, _outline(i.children)] for i in toc or ()]


def _front(source: str) -> str:
    front = FRONT_MATTER.match(source)
    return front.group(0) if front else ""


def what_changed(before: Mapping[str, str], now: Mapping[str, str]) -> str | None:
    """`mkdocs serve`'s one line about a rebuild: which data files changed, and whether only the
    pages that read them are made again (status and records files: every other page comes from
    the cache) or all of them (a plan, task, org or rules file: a full rebuild)."""
    changed = sorted(changed_files(before, now))
    if not changed:
        return None
    shown = listed(changed)
    unit_files = {FOLDERS["status"], FOLDERS["records"]}
    if all(name.split("/", 1)[0] in unit_files for name in changed):
        return say(
            f"duban: {len(changed)} unit file(s) changed ({shown}): "
            "the pages whose source is unchanged are reused",
            f"duban：{len(changed)} 个单位文件有改动（{shown}）：内容未变的页面沿用上次的结果",
        )
    return say(
        f"duban: a plan, task, org or rules file changed ({shown}): full rebuild",
        f"duban：方案、任务、单位或规则文件有改动（{shown}）：全部重新生成",
    )
