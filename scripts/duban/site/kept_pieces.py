"""A page's big tables joined from rows kept by what each row shows (h24ad).

A monthly report changes one unit's occurrences, and so one row of most big tables: the row of
its group on each task page (a province's tables by group), the rows of the deadlines it
reported on, its group's and its own rows on the progress pages, its group's row on the
overdue pages, its own rows on its group pages. Each of those pages was rendered whole for
those rows. A template marks such a row as a *piece* (``{% call kept(key) %}…{% endcall %}``):
the row is rendered only when its key is not kept for the page, else the kept text stands in
its place. While serving the pieces are kept in memory from one build to the next; a CI build
keeps each page's in its page cache on disk (an entry per page); a build without a memo keeps
none (``kept`` is :func:`whole`).

The key is the row's own: a tuple of every value the row's markup reads that is not the same
for the whole build (the tallies, lights, counts, ranks, dates and ids it prints:
:mod:`.piece_keys` makes them next to the templates' rows). Everything else a row reads (duban's
code and templates, the settings, the plan, the org and the other data files but the status
files, the site's title) is in the page keys' *base* (:class:`~duban.site.page_keys.Keys`): the
pieces kept are dropped whenever it changes (:meth:`KeptPieces.start`; a CI build's entries are
keyed by it). The page's path is in every key too (its links are relative to it).

A page may be rendered in a forked process (:mod:`.split`): the template emits markers, and
the process that keeps the pieces puts them in (:meth:`KeptPieces.assembled`, a job's finish),
keeping the new ones and letting go of those the page no longer shows. A marker holds a number
drawn once a process, so no text of the data can be taken for one; the page assembled is the
page rendered without pieces (``tests/site/test_site_kept_rows.py``).
"""

from __future__ import annotations

import hashlib
import re
import secrets
from collections.abc import Callable
from typing import Protocol

from markupsafe import Markup

from duban.load.cache import parts_digest
from duban.site.kept_group_pages import Finish

_NONCE = secrets.token_hex(8)
_OPEN, _BODY, _CLOSE = "\ue002" + _NONCE + ":", "\ue003", "\ue004" + _NONCE
_PIECE = re.compile(
    re.escape(_OPEN) + "([0-9a-f]{32})(?:" + _BODY + "(.*?))?" + re.escape(_CLOSE), re.S
)

FORMAT = "1"
"""The CI build's entries' format (a page's pieces by digest)."""

Kept = Callable[..., Markup]
"""A template's ``kept(key, caller=…)``: the row ``caller`` renders, or its kept text."""


def whole(_key: object, caller: Callable[[], str]) -> Markup:
    """``kept`` when nothing is kept (a build without a memo): the row rendered, no marker."""
    return Markup(caller())


class _Memo(Protocol):
    """What a CI build's pieces are kept in (:class:`duban.site.page_keys.Memo`)."""

    def get(self, key: str, counted: bool = True) -> dict[str, str] | None: ...

    def put(self, key: str, pages: dict[str, str], counted: bool = True) -> None: ...


class KeptPieces:
    """The pieces of the last build's pages, by page path and the digest of their key: in
    memory while serving, in ``memo`` (a CI build's page cache on disk, each page's pieces an
    entry of their own keyed by the base and the page's path) when given."""

    def __init__(self, memo: _Memo | None = None) -> None:
        self.memo = memo
        self.base: str | None = None
        self.pages: dict[str, dict[str, str]] = {}
        self.rendered = 0
        """Pieces rendered in the last build (counted as they are kept; for the tests)."""
        self.reused = 0
        """Pieces the last build took as kept."""

    def start(self, base: str) -> None:
        """A new build, whose pages' common inputs have the digest ``base``."""
        if base != self.base:
            self.pages.clear()
            self.base = base
        self.rendered = self.reused = 0

    def kept(self, src_uri: str) -> Kept:
        """The template helper of the page at ``src_uri``."""
        known = self._known(src_uri)

        def kept(key: object, caller: Callable[[], str]) -> Markup:
            digest = hashlib.blake2b(repr((src_uri, key)).encode(), digest_size=16).hexdigest()
            if digest in known:
                return Markup(_OPEN + digest + _CLOSE)
            return Markup(_OPEN + digest + _BODY + str(caller()) + _CLOSE)

        return kept

    def assembled(self, pages: dict[str, str]) -> dict[str, str]:
        """A page job's pages with their pieces in place, the new ones kept, each page's
        pieces now those it shows (in the process that keeps them)."""
        return {uri: self._assembled(uri, page) for uri, page in pages.items()}

    def then(self, after: Finish | None) -> Finish:
        """:meth:`assembled`, then ``after`` (a group page's ranks put in) when given."""
        if after is None:
            return self.assembled
        return lambda pages: after(self.assembled(pages))

    def _assembled(self, uri: str, page: str) -> str:
        if _OPEN not in page:
            return page
        before, now = self._known(uri), {}

        def piece(match: re.Match[str]) -> str:
            digest, body = match.group(1), match.group(2)
            if body is None:
                body = before[digest]
                self.reused += 1
            else:
                self.rendered += 1
            now[digest] = body
            return body

        page = _PIECE.sub(piece, page)
        if self.memo is not None:
            # named as what it is among the memo's pages (no digest is this name)
            self.memo.put(self._entry(uri), {"kept rows": uri, **now}, counted=False)
        else:
            self.pages[uri] = now
        return page

    def _known(self, uri: str) -> dict[str, str]:
        if self.memo is None:
            return self.pages.get(uri, {})
        return self.memo.get(self._entry(uri), counted=False) or {}

    def _entry(self, uri: str) -> str:
        return parts_digest(self.base or "", "kept rows", FORMAT, uri)


class _Build(_Memo, Protocol):
    keep: bool

    @property
    def on_disk(self) -> bool: ...


class _Serving(Protocol):
    pieces: KeptPieces


def of_build(memo: _Build | None, serving: _Serving | None) -> KeptPieces | None:
    """The pieces a build keeps: serving's from one build to the next (``serving``: the kept
    indexes), a CI build's in its page cache on disk, none without a memo."""
    if serving is not None:
        return serving.pieces
    if memo is not None and memo.on_disk and not memo.keep:
        return KeptPieces(memo)
    return None
