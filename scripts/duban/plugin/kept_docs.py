"""h24x: the hand-written pages (docs/) kept by ``page_cache``'s folder, as the generated ones are.

What MkDocs makes of a hand-written page before its template (Python-Markdown's HTML, the table
of contents, the title from its first heading, its anchors and the links to other pages' anchors
MkDocs checks after the loop) and the entries Material's search makes of it (cutting its text
with jieba) are functions of the page cache's context (mkdocs.yml, Markdown's extensions, the
theme, the navigation, the list of every page, every hand-written page's bytes, search's
settings and the words jieba is given) and of the page's Markdown once its examples are filled
from the data. So in a CI build with ``page_cache`` both are kept in one JSON file a page, keyed
by the digest of those, and a later build whose page has the same Markdown gets them without
Markdown or jieba (:class:`KeptDocs`). The page's template and its writing are done as before.

Only data is read back (strings, numbers, lists; no pickle, no code). A page whose render logged
a warning (a link to a missing file or anchor) is not kept: every build that has it logs the
warning again, so ``--strict`` fails as it would without the cache. ``mkdocs serve`` keeps the
same in memory (:mod:`.page_renders`, :meth:`.reuse.Reuse.before_search`).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from collections.abc import Iterable, Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mkdocs.structure.toc import AnchorLink, TableOfContents
from mkdocs.utils import write_file

from duban.i18n.messages import say
from duban.load.keyed_files import keep_file, keyed_path, let_go
from duban.plugin.handoff import drop_search_attributes
from duban.site.search_words import use_words

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import File, Files
    from mkdocs.structure.pages import Page

log = logging.getLogger("mkdocs.plugins.duban")
SUFFIX = ".duban-doc.json"
THEME_PAGES = ("404.html",)  # not sitemap.xml: it holds the date of the build
FORMAT = 1


class _Warnings(logging.Handler):
    """Counts what MkDocs would count for ``--strict`` while one page is rendered."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


class SearchWords:
    """The organisation's names as jieba's words (:func:`.search_words.use_words`), given to
    jieba when the first page of a build is cut: adding them loads jieba's dictionary (half a
    second), which a build whose pages all come from the page cache does not need."""

    def __init__(self) -> None:
        self.words: tuple[str, ...] = ()
        self.pending = False

    def given(self, words: Sequence[str]) -> tuple[str, ...]:
        """This build's words (in the page cache's context), for jieba when it cuts."""
        self.words, self.pending = tuple(words), True
        return self.words

    def need(self) -> None:
        """Before Material's search cuts a page: the words in jieba's dictionary."""
        if self.pending:
            self.pending = False
            use_words(self.words)


class KeptDocs:
    """One page cache folder's hand-written pages, for one build at a time."""

    def __init__(self) -> None:
        self.folder: Path | None = None
        self.context = ""
        self.used: set[str] = set()
        self.found: dict[str, dict[str, Any]] = {}  # page -> its record, read this build
        self.rendered: dict[str, tuple[str, dict[str, Any]]] = {}  # page -> key, its render
        self.content: str | None = None  # a found page's content while search reads none
        self.mark = 0
        self.hits = 0  # pages given without Markdown
        self.renders = 0  # pages rendered by Markdown (counted by the tests)
        self.theme: dict[str, str] = {}  # a theme page to keep -> its key
        self.skipped: list[tuple[Any, str]] = []  # (config, theme page) written from the folder

    def start(self, folder: Path | None, context: str, files: Iterable[File] = ()) -> None:
        """A build's start (``on_nav``): the page cache's context, and every file's path (a
        hand-written page's links to images or downloads are checked against them; the page
        cache's context lists only the pages)."""
        names = sorted(file.src_uri for file in files)
        self.folder, self.context = folder, _key("files", context, "", *names) if names else context
        self.used, self.found, self.rendered = set(), {}, {}
        self.content, self.hits, self.renders = None, 0, 0

    def markdown(self, page: Page, markdown: str) -> None:
        """``on_page_markdown`` of a hand-written page (its final Markdown): its render given
        from the folder, or kept once made."""
        if self.folder is None:
            return
        uri = page.file.src_uri
        key = _key("docs", self.context, uri, markdown)
        record = self._read(key, uri)
        if record is not None:
            self.found[uri] = record
            self.used.add(key)
            page.render = partial(self._given, page, record, page.render)  # type: ignore[method-assign]
        else:
            page.render = partial(self._made, key, page, page.render)  # type: ignore[method-assign]

    def _given(
        self, page: Page, record: dict[str, Any], render: Any, config: MkDocsConfig, files: Files
    ) -> None:
        links = record["links"]
        targets = {uri: files.get_file_from_path(uri) for uri in links or {}}
        if any(target is None for target in targets.values()):  # not expected: the context
            del self.found[page.file.src_uri]  # holds the list of pages; rendered then
            self._made("", page, render, config, files)
            return
        self.hits += 1
        page.content = record["content"]
        page.toc = _toc(record["toc"])
        page._title_from_render = record["title"]
        page.present_anchor_ids = set(record["anchors"])
        if links is not None:
            page.links_to_anchors = {targets[uri]: dict(a) for uri, a in links.items()}  # type: ignore[misc]

    def _made(self, key: str, page: Page, render: Any, config: MkDocsConfig, files: Files) -> None:
        warnings, logger = _Warnings(), logging.getLogger("mkdocs")
        logger.addHandler(warnings)
        try:
            render(config, files)
        finally:
            logger.removeHandler(warnings)
        self.renders += 1
        if warnings.count or not key:  # logged again by every build that has the page
            return
        links = getattr(page, "links_to_anchors", None)
        self.rendered[page.file.src_uri] = (
            key,
            {
                "content": page.content,
                "toc": _outline(page.toc),
                "title": page._title_from_render,
                "anchors": sorted(page.present_anchor_ids or (), key=_anchor_order),
                "links": None if links is None else {f.src_uri: dict(a) for f, a in links.items()},
            },
        )

    def before_search(self, page: Page, entries: list[dict[str, Any]] | None) -> None:
        """Before Material's search: a found page is given no content to index."""
        self.mark = len(entries) if entries is not None else 0
        if page.file.src_uri in self.found and entries is not None:
            self.content, page.content = page.content, ""

    def after_search(self, page: Page, entries: list[dict[str, Any]] | None) -> None:
        """After it: a found page's stored entries in place of the empty page's; a rendered
        page's entries kept with its render."""
        uri = page.file.src_uri
        if entries is None:
            return
        found = self.found.pop(uri, None)
        if found is not None and self.content is not None:
            content, self.content = self.content, None
            page.content = drop_search_attributes(content)
            del entries[self.mark :]
            entries.extend(dict(e) for e in found["search"])
            return
        made = self.rendered.pop(uri, None)
        if made is not None and self.folder is not None:
            key, record = made
            record = {"format": FORMAT, "key": key, "uri": uri, **record}
            record["search"] = entries[self.mark :]
            try:
                data = json.dumps(record, ensure_ascii=False).encode("utf-8")
            except (TypeError, ValueError, UnicodeEncodeError):
                return  # the cache only saves time: the page is right without it
            if keep_file(keyed_path(self.folder, key, SUFFIX), data):
                self.used.add(key)

    def theme_pages(self, config: MkDocsConfig) -> None:
        """``on_nav``: the theme's 404 page, a function of the context alone (the navigation,
        the theme, mkdocs.yml: no page, no date), written from the folder and left out of
        MkDocs' static templates for this build; else its output is kept (:meth:`template`)."""
        self.theme = {}
        if self.folder is None:
            return
        for name in THEME_PAGES:
            if name not in config.theme.static_templates:
                continue
            key = _key("theme", self.context, name)
            record = self._read(key, name)
            output = record.get("output") if record is not None else None
            if isinstance(output, str):
                self.used.add(key)
                write_file(output.encode("utf-8"), os.path.join(config.site_dir, name))
                config.theme.static_templates.discard(name)
                self.skipped.append((config, name))
            else:
                self.theme[name] = key

    def template(self, output: str, name: str) -> None:
        """``on_post_template``, after every other plugin's: a theme page's output, kept."""
        key = self.theme.pop(name, None)
        if key is None or self.folder is None or not output.strip():
            return
        record = {"format": FORMAT, "key": key, "uri": name, "output": output}
        try:
            data = json.dumps(record, ensure_ascii=False).encode("utf-8")
        except UnicodeEncodeError:
            return
        if keep_file(keyed_path(self.folder, key, SUFFIX), data):
            self.used.add(key)

    def restore(self) -> None:
        """The static templates left out for this build, back (a good build or not)."""
        for config, name in self.skipped:
            config.theme.static_templates.add(name)
        self.skipped, self.theme = [], {}

    def end(self) -> None:
        """After a good build: the files of pages this build did not have are let go."""
        if self.folder is not None:
            log.info(
                say(
                    f"duban: hand-written pages: {self.hits} from the page cache, "
                    f"{self.renders} rendered",
                    f"duban：手写页面：{self.hits} 页取自页面缓存，{self.renders} 页重新转换",
                )
            )
        let_go(self.folder, self.used, SUFFIX)
        self.start(None, "")

    def _read(self, key: str, uri: str) -> dict[str, Any] | None:
        assert self.folder is not None
        try:
            record = json.loads(keyed_path(self.folder, key, SUFFIX).read_text("utf-8"))
        except (OSError, ValueError):
            return None  # none, unreadable or half-written: the page is rendered
        if not (isinstance(record, dict) and record.get("key") == key):
            return None
        if uri in THEME_PAGES:
            return record if record.get("format") == FORMAT and record.get("uri") == uri else None
        return record if _valid(record, key, uri) else None


def _key(kind: str, context: str, uri: str, *parts: str) -> str:
    digest = hashlib.blake2b(digest_size=16)
    for part in (kind, str(FORMAT), context, uri, *parts):
        digest.update(part.encode("utf-8", "surrogatepass") + b"\0")
    return digest.hexdigest()


def _valid(record: Any, key: str, uri: str) -> bool:
    if not isinstance(record, dict):
        return False
    links = record.get("links")
    return (
        record.get("format") == FORMAT
        and record.get("key") == key
        and record.get("uri") == uri
        and isinstance(record.get("content"), str)
        and _valid_toc(record.get("toc"))
        and (record.get("title") is None or isinstance(record.get("title"), str))
        and isinstance(record.get("anchors"), list)
        and all(a is None or isinstance(a, str) for a in record["anchors"])
        and (
            links is None
            or (
                isinstance(links, dict)
                and all(
                    isinstance(a, dict) and all(isinstance(v, str) for v in a.values())
                    for a in links.values()
                )
            )
        )
        and isinstance(record.get("search"), list)
        and all(isinstance(e, dict) for e in record["search"])
    )


def _anchor_order(anchor: str | None) -> tuple[bool, str]:
    """MkDocs' raw-HTML anchors may hold None (an element whose id has no value)."""
    return anchor is None, anchor or ""


def _valid_toc(items: Any) -> bool:
    return isinstance(items, list) and all(
        isinstance(i, list)
        and len(i) == 4
        and isinstance(i[0], str)
        and isinstance(i[1], str)
        and isinstance(i[2], int)
        and _valid_toc(i[3])
        for i in items
    )


def _outline(toc: Any) -> list[Any]:
    return [[i.title, i.id, i.level, _outline(i.children)] for i in toc or ()]


def _anchor(item: list[Any]) -> AnchorLink:
    anchor = AnchorLink(item[0], item[1], item[2])
    anchor.children = [_anchor(child) for child in item[3]]
    return anchor


def _toc(items: list[Any]) -> TableOfContents:
    """What ``get_toc`` makes of the same headings (the first one marked active)."""
    toc = [_anchor(item) for item in items]
    if toc:
        toc[0].active = True  # type: ignore[attr-defined]
    return TableOfContents(toc)
