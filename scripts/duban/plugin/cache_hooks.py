"""What the plugin's hooks do for the pages kept between builds (h24d's page cache, h24g's
rendered sources), in one object the plugin holds for as long as it lives (``mkdocs serve``:
the whole session)."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from mkdocs.plugins import CombinedEvent, event_priority

from duban.i18n.messages import say
from duban.plugin.handoff import Handoff
from duban.plugin.kept_docs import KeptDocs, SearchWords
from duban.plugin.kept_pages import KeptPages, LoopFiles
from duban.plugin.loaded_digests import DigestedFiles, after_load, before_load
from duban.plugin.page_cache import PageCache, SourceDigests
from duban.plugin.page_renders import PageRenders
from duban.plugin.reuse import Reuse, open_cache, what_changed
from duban.plugin.source_memo import SourceMemo

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page

log = logging.getLogger("mkdocs.plugins.duban")


class CacheHooks:
    def __init__(self) -> None:
        self.page_cache: PageCache | None = None
        self.memo: SourceMemo | None = None
        self.data_files: Mapping[str, str] = MappingProxyType({})  # at the last build
        self.reuse: Reuse | None = None  # this build's use of the page cache
        self.parsed: DigestedFiles | None = None  # h24k: status files parsed before
        self.command = ""
        self.data_dir = Path()
        self.others: dict[str, str] = {}  # h24l: the data files but status, before the load
        self.kept = KeptPages()  # h24p: reused pages put in place, out of MkDocs' loop
        self.dirty = False  # `mkdocs serve --dirty`: MkDocs keeps the folder, nothing moved
        self.files: Files | None = None  # this build's, from on_nav
        self.renders = PageRenders()  # h24p, serve: hand-written pages' Markdown, kept
        self.docs = KeptDocs()  # h24x, page_cache's folder: hand-written pages' Markdown, search
        self.words = SearchWords()  # h24x: the names given to jieba when a page is cut
        self.digests = SourceDigests()  # h24y, serve: the page sources' digests, kept

    def configure(self, setting: str, root: Path, data_dir: Path, command: str) -> None:
        """on_config, before the data is loaded: the cache (a folder, or memory while
        serving), and the data files but the status files digested (:mod:`.loaded_digests`)."""
        before = self.page_cache
        self.command = command
        self.page_cache = open_cache(setting, root, data_dir, command, before)
        if self.page_cache is None:
            self.memo, self.data_files, self.parsed = None, MappingProxyType({}), None
            return
        if self.page_cache is not before or self.memo is None or self.parsed is None:
            self.memo = SourceMemo(self.page_cache.folder, keep=command == "serve")
            self.parsed = DigestedFiles(self.page_cache.folder)
        self.command, self.data_dir = command, data_dir
        self.parsed.start()
        self.others = before_load(data_dir)

    def loaded(self, kept: Mapping[str, str]) -> None:
        """on_config, after the data is loaded: every data file's digest as loaded (h24l: the
        status files' from the loader's bytes; ``kept``: while serving, those of the status
        files a model update did not read again, h24m), and while serving one line on which
        data files changed since the last build."""
        if self.memo is None or self.parsed is None:
            return
        digests = after_load(self.data_dir, self.others, {**kept, **self.parsed.read})
        if self.command == "serve" and self.data_files:
            change = what_changed(self.data_files, digests)
            if change:
                log.info(change)
        self.data_files = digests
        self.memo.start(digests)

    def sources(self, pages: Mapping[str, str]) -> None:
        """on_files, after rendering: this build's page sources for the page cache."""
        self.reuse = None
        if self.page_cache is not None:
            self.reuse = Reuse(
                self.page_cache,
                {u: c for u, c in pages.items() if u.endswith(".md")},
                self.digests if self.command == "serve" else None,
            )

    def nav(
        self,
        config: MkDocsConfig,
        nav: Navigation,
        files: Files,
        settings: dict[str, Any],
        words: tuple[str, ...],
    ) -> None:
        self.files = files
        self.renders.start()
        if self.reuse is not None:
            self.reuse.begin(config, nav, files, settings, words)
            self.kept.choose(self.reuse, files, config)
            folder = self.reuse.cache.folder if self.reuse.on else None
            self.docs.start(folder, self.reuse.context, files)
            self.docs.theme_pages(config)  # h24x: the 404 page

    def pre_page(self, page: Page) -> None:
        """on_pre_page (h24l): a page the cache gives whole is read as its front matter."""
        front = self.reuse.pre_page(page) if self.reuse is not None else None
        if front is not None:
            page.file.content_string = front

    def markdown(self, markdown: str, page: Page) -> bool:
        """True when the page cache gives the page whole (MkDocs gets nothing to parse)."""
        reuse = self.reuse
        if reuse is None:
            return False
        front = reuse.fronts.get(page.file.src_uri)
        if front is not None:  # h24y: a generated page's meta as MkDocs read it, kept
            self.kept.read(front, page.meta)
        return reuse.markdown(markdown, page) is not None

    def rendered(self, markdown: str, page: Page) -> None:
        """A hand-written page's final Markdown: serving, its render kept (:mod:`.page_renders`)."""
        reuse = self.reuse
        if reuse is not None and reuse.on and self.command == "serve" and not reuse.cache.folder:
            self.renders.use(reuse.context, page, markdown)
        elif reuse is not None and reuse.on and page.file.src_uri not in reuse.sources:
            self.docs.markdown(page, markdown)  # h24x: CI, kept in page_cache's folder

    def content(self, page: Page) -> bool:
        return self.reuse is not None and self.reuse.content(page)

    def before_search(self, page: Page) -> None:
        if self.reuse is not None:
            self.reuse.before_search(page)
            self.docs.before_search(page, self.reuse.entries)

    def after_search(self, page: Page) -> None:
        if self.reuse is not None:
            self.docs.after_search(page, self.reuse.entries)
            self.reuse.after_search(page)

    def output(self, output: str, page: Page) -> str:
        return output if self.reuse is None else self.reuse.output(output, page)

    def end(self) -> None:
        """After a good build: what it did not use is let go."""
        self.files = None
        if self.reuse is not None:
            reuse, self.reuse = self.reuse, None
            self.kept.end(reuse)
            reuse.end()
            self.renders.end()
            self.docs.restore()
            self.docs.end()
        if self.memo is not None:
            self.memo.finish()
            hits, made = self.memo.hits, self.memo.made
            log.info(
                say(
                    f"duban: page sources: {hits} reused unrendered, {made} rendered",
                    f"duban：页面源：{hits} 组输入未变、未重新渲染，{made} 组重新渲染",
                )
            )

    def drop(self) -> None:
        """A build that failed, or data with problems: nothing of this build is used."""
        self.reuse, self.files = None, None
        self.kept.drop()
        self.renders.drop()
        self.docs.restore()
        self.docs.start(None, "")

    def loop_files(self, files: Files) -> Files:
        """on_files' result (h24p): MkDocs' loops will not see the pages put in place."""
        return LoopFiles(files)


class CacheEvents:
    """The plugin's events that only the caches use (the plugin's other events call
    :class:`CacheHooks` in their place), and those around Material's search, which the
    hand-off (:mod:`.handoff`) uses too."""

    cache: CacheHooks
    handoff: Handoff
    config: Any
    as_of: Any
    edit_url: str | None
    repository: str | None
    jieba_words: tuple[str, ...]

    def on_nav(self, nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> Navigation:
        settings = {**self.config, "as_of": self.as_of.isoformat(), "edit": self.edit_url}
        self.cache.nav(config, nav, files, {**settings, "repo": self.repository}, self.jieba_words)
        return nav

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        # h24p: serving, the last build's files are moved aside before MkDocs cleans the folder
        if not self.cache.dirty:
            self.cache.kept.pre_build(config.site_dir, self.cache.command)

    @event_priority(50)  # h24p: before Material's search writes its index
    def _index_kept(self, *, config: MkDocsConfig) -> None:
        if self.cache.files is not None:
            self.cache.kept.index(self.cache.reuse, self.cache.files)

    def on_pre_page(self, page: Page, /, *, config: MkDocsConfig, files: Files) -> Page:
        self.cache.pre_page(page)
        return page

    @event_priority(-100)  # after every other plugin's: the theme page as MkDocs writes it
    def on_post_template(self, output: str, /, *, template_name: str, config: MkDocsConfig) -> str:
        self.cache.docs.template(output, template_name)  # h24x: the 404 page kept
        return output

    @event_priority(-100)  # after every other plugin's: the page as MkDocs writes it
    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        return self.cache.output(output, page)

    @event_priority(50)  # before Material's search indexes page.content
    def _before_search(self, context: Any, /, *, page: Page, **kwargs: Any) -> Any:
        self.cache.before_search(page)
        self.handoff.before_search(page)
        if page.content:  # h24x: jieba's dictionary loaded only when a page is cut
            self.cache.words.need()
        return context

    @event_priority(-50)  # after it
    def _after_search(self, context: Any, /, *, page: Page, **kwargs: Any) -> Any:
        self.handoff.after_search(page)
        self.cache.after_search(page)
        return context

    on_page_context = CombinedEvent(_before_search, _after_search)
