"""Reusing what MkDocs made of a generated page whose source has not changed (``page_cache``).

A generated page's final HTML is a function of its source (the Markdown page duban rendered, with
its front matter) and of the build's *context*: duban's code and templates, the versions of
MkDocs, Material and Python-Markdown, mkdocs.yml and the values it reads from the environment,
the plugins' settings (``as_of`` resolved to a date), the theme's folders, the navigation and the
list of pages, and the words the search cuts Chinese with (the organisation's names). Its search
entries and the anchors other pages may link to are functions of the same. So a page is looked
up by the digest of (context, its path, its source): a hit gives the final HTML, the search
entries and the anchors without MkDocs' Markdown, Material's search parse or the theme's template
(:class:`PageCache`); the page MkDocs reads is then its front matter alone, rendered by a
one-line template (``duban-cached.html``), and the plugin puts the stored HTML in its place.

A page is never stale: anything it could read is in its key, and what is not in the key (the
date of the build) is not in a page (Material prints no build date into pages). The pages that
summarise everything (home, 督办清单, progress) change whenever their source changes, which is
whenever what they summarise changes.

``mkdocs serve`` keeps the entries in memory from one build to the next (the plugin lives as
long as the server); ``page_cache: FOLDER`` keeps them on disk, one file per page, for CI. A
folder inside the data's repository is refused, as ``duban validate --cache`` refuses one
(load/cache.py): a pull request could commit forged pages there.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

from duban.load.cache import code_digest
from duban.load.keyed_files import keep_file, keyed_path, let_go

CACHED_TEMPLATE = "duban-cached.html"
SUFFIX = ".duban-page.json"
HTML_SUFFIX = ".duban-page.html"  # h24g: the page's final HTML, read only when it is written
FORMAT = 3
_ADDRESS = re.compile(r" at 0x[0-9a-fA-F]+")


@dataclass(frozen=True, eq=False)
class Entry:
    """What MkDocs made of one page. Its final HTML is held (``text``) or, for an entry read
    from the folder, read from its own file only when the page is written (:attr:`output`):
    MkDocs reads every page before it writes any, and a province's pages' HTML held between
    the two passes was most of the cache's extra memory (h24g)."""

    text: str  # the page's final HTML, as MkDocs writes it, when held ("" when in its file)
    search: tuple[dict[str, Any], ...]  # its entries in Material's search index
    anchors: frozenset[str]  # the ids other pages' links may point at
    file: Path | None = None  # where the HTML is, when not held
    digest: str = ""  # the file's expected digest

    @property
    def output(self) -> str:
        if self.file is None:
            return self.text
        return self._checked().decode("utf-8", "surrogatepass")

    def _checked(self) -> bytes:
        assert self.file is not None
        try:
            data = self.file.read_bytes()
        except OSError:
            data = b""
        if hashlib.blake2b(data, digest_size=16).hexdigest() != self.digest:
            raise CacheChanged(self.file)
        return data

    def written(self) -> bytes:
        """The bytes MkDocs writes for this page (h24p): its output in UTF-8, a lone surrogate
        as a character reference. The file holds the output in UTF-8 with surrogates passed, so
        a file that decodes strictly is those very bytes."""
        if self.file is None:
            return self.text.encode("utf-8", "xmlcharrefreplace")
        data = self._checked()
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            return data.decode("utf-8", "surrogatepass").encode("utf-8", "xmlcharrefreplace")
        return data

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Entry):
            return NotImplemented
        return (self.output, self.search, self.anchors) == (
            other.output,
            other.search,
            other.anchors,
        )

    __hash__ = None  # type: ignore[assignment]


class CacheChanged(Exception):
    """A page's HTML file changed between the lookup and the page's writing (the plugin stops
    the build: the page is not made again at that point)."""


def _stable(value: object) -> str:
    """A text for a value JSON cannot hold that is the same in every process (no addresses)."""
    name = getattr(value, "__qualname__", None)
    if name is not None:
        return f"{getattr(value, '__module__', '')}.{name}"
    return _ADDRESS.sub("", repr(value))


def digest_of(*parts: object) -> str:
    text = json.dumps(parts, default=_stable, sort_keys=True, ensure_ascii=False)
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()


def folder_digest(folders: list[str]) -> str:
    """The theme folders' files (names and bytes), Material's own excepted (its version is in
    the context)."""
    digest = hashlib.blake2b(digest_size=16)
    for folder in folders:
        root = Path(folder)
        if "material" in root.parts and "site-packages" in root.parts:
            continue
        for path in sorted(root.rglob("*")) if root.is_dir() else ():
            if path.is_file():
                digest.update(path.relative_to(root).as_posix().encode() + b"\0")
                digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


def versions() -> dict[str, str]:
    found = {}
    for name in ("mkdocs", "mkdocs-material", "markdown", "pymdown-extensions", "jieba"):
        try:
            found[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            found[name] = ""
    return found


RUN_SETTINGS = frozenset({"render_processes", "page_cache"})
"""duban's settings that change how a build runs, never what it makes (the same bytes in any
number of processes: tested; where this very cache is): no part of the context, so a build on a
runner with another core count, or the cache restored to another folder, keeps its pages."""


def _page_settings(name: str, plugin: Any) -> dict[str, Any] | None:
    if not hasattr(plugin, "config"):
        return None
    settings = dict(plugin.config)
    if name == "duban":
        for setting in RUN_SETTINGS:
            settings.pop(setting, None)
    return settings


def portable(folder: str, root: Path | None) -> str:
    """A folder as the same text wherever the project and its packages lie: relative to
    mkdocs.yml's folder when inside it, from its ``site-packages`` when installed there, else as
    it is. A CI runner may check the repository out, and make its virtual environment, in
    another folder each job (GitLab's concurrent builds, a self-hosted runner's work folders);
    the folders' files are digested by their contents (:func:`folder_digest`, the versions)."""
    where = Path(folder)
    if root is not None and where.is_absolute():
        try:
            return where.relative_to(root).as_posix()
        except ValueError:
            pass
    parts = where.parts
    if "site-packages" in parts:
        return "/".join(parts[len(parts) - parts[::-1].index("site-packages") :])
    return folder


def context_digest(
    config: Any,
    duban_settings: dict[str, Any],
    nav: object,
    pages: list[str],
    words: tuple[str, ...],
) -> str:
    """The build's context (see the module's docstring) as one digest."""
    path = config.config_file_path
    config_bytes = Path(path).read_bytes() if path and os.path.isfile(path) else b""
    root = Path(path).resolve().parent if path else None
    plugins = {name: _page_settings(name, plugin) for name, plugin in config.plugins.items()}
    simple = {
        key: config.get(key)
        for key in (
            "site_name",
            "site_url",
            "site_description",
            "site_author",
            "copyright",
            "use_directory_urls",
            "repo_url",
            "repo_name",
            "edit_uri",
            "extra",
            "extra_css",
            "markdown_extensions",
            "mdx_configs",
            "docs_dir",
        )
    }
    simple["extra_javascript"] = [str(s) for s in config.extra_javascript]
    if simple["docs_dir"]:
        simple["docs_dir"] = portable(simple["docs_dir"], root)
    theme = config.theme
    theme_settings = dict(theme)
    if isinstance(theme_settings.get("custom_dir"), str):
        theme_settings["custom_dir"] = portable(theme_settings["custom_dir"], root)
    return digest_of(
        FORMAT,
        code_digest(),
        versions(),
        hashlib.blake2b(config_bytes, digest_size=16).hexdigest(),
        simple,
        plugins,
        duban_settings,
        theme.name,
        theme_settings,
        [portable(folder, root) for folder in theme.dirs],
        folder_digest(list(theme.dirs)),
        nav,
        pages,
        list(words),
        os.environ.get("DUBAN_SITE_HANDOFF", ""),
    )


def nav_outline(items: Any) -> list[Any]:
    """The navigation as titles, links and children (rendered into every page)."""
    outline: list[Any] = []
    for item in items or ():
        file = getattr(item, "file", None)
        outline.append(
            [
                type(item).__name__,
                str(item.title) if item.title is not None else None,
                file.src_uri if file is not None else getattr(item, "url", None),
                nav_outline(getattr(item, "children", None)),
            ]
        )
    return outline


def source_digest(source: str) -> str:
    return hashlib.blake2b(source.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


class SourceDigests:
    """Each page source's digest, kept while serving with the source it was made of (h24y).

    A page the source memo gives again (:mod:`.source_memo`) is the very string of the last
    build, so its digest is the last one: an edit digests the pages it renders, not every page
    of the site (half a second at a province, on every edit). A string is compared by identity:
    the same object is the same text, and the kept one holds it alive."""

    def __init__(self) -> None:
        self.last: dict[str, tuple[str, str]] = {}  # page -> (its source, its digest)
        self.made = 0  # digests made by the last call

    def of(self, sources: Mapping[str, str], keep: bool) -> dict[str, str]:
        """Every page's digest; ``keep``: kept for the next build (serve)."""
        found: dict[str, str] = {}
        last, self.last, self.made = self.last, {}, 0
        for uri, source in sources.items():
            kept = last.get(uri)
            if kept is not None and kept[0] is source:
                digest = kept[1]
            else:
                digest, self.made = source_digest(source), self.made + 1
            found[uri] = digest
            if keep:
                self.last[uri] = (source, digest)
        return found


class PageCache:
    """Entries by key, in memory and, given a folder, on disk (one file each)."""

    def __init__(self, folder: Path | None = None, keep: bool = True) -> None:
        self.folder = folder
        self.keep = keep or folder is None  # in memory too (serve), not only on disk
        self.memory: dict[str, Entry] = {}
        self.used: set[str] = set()
        self.hits = 0
        self.made = 0
        self.searched = 0  # h24p: hand-written pages whose search entries were found

    def key(self, context: str, uri: str, source: str) -> str:
        return self.key_of(context, uri, source_digest(source))

    def key_of(self, context: str, uri: str, source_digest: str) -> str:
        """The key of a page by its source's digest (:func:`source_digest`)."""
        digest = hashlib.blake2b(digest_size=16)
        digest.update(context.encode() + b"\0" + uri.encode() + b"\0" + source_digest.encode())
        return digest.hexdigest()

    def get(self, key: str) -> Entry | None:
        entry = self.memory.get(key)
        if entry is None and self.folder is not None:
            entry = self._read(key)
        if entry is not None:
            if self.keep:
                self.memory[key] = entry
            self.used.add(key)
        return entry

    def put(self, key: str, entry: Entry) -> None:
        if self.keep:
            self.memory[key] = entry
        self.used.add(key)
        if self.folder is not None:
            self._write(key, entry)

    def start(self) -> None:
        self.used, self.hits, self.made, self.searched = set(), 0, 0, 0

    def finish(self) -> None:
        """After a good build: keep only what this build used (memory and folder)."""
        self.memory = {k: v for k, v in self.memory.items() if k in self.used}
        let_go(self.folder, self.used, SUFFIX, HTML_SUFFIX)

    def _path(self, key: str, suffix: str = SUFFIX) -> Path:
        assert self.folder is not None
        return keyed_path(self.folder, key, suffix)

    def _read(self, key: str) -> Entry | None:
        try:
            stored = json.loads(self._path(key).read_text("utf-8"))
        except (OSError, ValueError):
            return None  # none, unreadable or half-written: make the page again
        if not (
            isinstance(stored, dict)
            and stored.get("format") == FORMAT
            and stored.get("key") == key
            and isinstance(stored.get("digest"), str)
            and isinstance(stored.get("size"), int)
            and isinstance(stored.get("search"), list)
            and all(isinstance(e, dict) for e in stored["search"])
            and isinstance(stored.get("anchors"), list)
            and all(isinstance(a, str) for a in stored["anchors"])
        ):
            return None
        html = self._path(key, HTML_SUFFIX)
        try:
            if html.stat().st_size != stored["size"]:
                return None  # half-written or replaced: make the page again
        except OSError:
            return None
        search, anchors = tuple(stored["search"]), frozenset(stored["anchors"])
        return Entry("", search, anchors, file=html, digest=stored["digest"])

    def _write(self, key: str, entry: Entry) -> None:
        path = self._path(key)
        try:
            output = entry.output.encode("utf-8", "surrogatepass")
        except CacheChanged:
            return
        text = json.dumps(
            {
                "format": FORMAT,
                "key": key,
                "digest": hashlib.blake2b(output, digest_size=16).hexdigest(),
                "size": len(output),
                "search": list(entry.search),
                "anchors": sorted(entry.anchors),
            },
            ensure_ascii=False,
        )
        try:
            record = text.encode("utf-8")
        except UnicodeEncodeError:
            return  # the cache only saves time: the site is right without it
        # the HTML first: an entry whose file is missing or of another size is none
        if keep_file(self._path(key, HTML_SUFFIX), output):
            keep_file(path, record)


def search_entries(plugins: Any) -> tuple[bool, list[dict[str, Any]] | None]:
    """Material's search index entries (a list the cache can read and extend), None when no
    search plugin runs; ``False`` first when a search plugin runs whose index the cache cannot
    read (then no page is reused: its entries would be missing from the index)."""
    found: list[dict[str, Any]] | None = None
    for name, plugin in plugins.items():
        index = getattr(plugin, "search_index", None)
        entries = getattr(index, "entries", None)
        if isinstance(entries, list):
            found = entries
        elif "search" in name or index is not None:
            return False, None
    return True, found
