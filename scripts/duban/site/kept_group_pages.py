"""While serving, a group page whose members' ranks moved is not rendered again (h24aa).

A group page shows its members' ranks, which move with every other unit's record: a monthly
report that changes one unit's on-time rate moves the ranks of every unit between its old and
new place, so the group pages of all of them were rendered again (at 500 heavy units, seven of
a report's ten group pages, a tenth of a second each). While serving, a group page is rendered
with a token in place of each ranked member's rank and kept so (:class:`KeptGroupPages`, by
path) with its *shape*: the digest of everything its key reads but the ranks' values (whether
each member is ranked is in it: an unranked member's cell is another markup). The page served
is the kept one with the ranks put in; when only the ranks moved, that is all a build does.

The page's key (:meth:`~duban.site.page_keys.Keys.group`) still reads the ranks, so a page
given whole by the memo, and MkDocs' work kept for it, are the ranks' own. The tokens hold a
number drawn once a process, so no text of the data can be taken for one; the page with the
ranks put in is the page rendered with them (``tests/site/test_site_kept_group_pages.py``).
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Callable

Finish = Callable[[dict[str, str]], dict[str, str]]
"""What makes a page job's result the pages served (:meth:`KeptGroupPages.finish`)."""

_NONCE = secrets.token_hex(8)
_TOKEN = re.compile("\ue000" + _NONCE + ":([^\ue001]*)\ue001")


def token(holder_id: str) -> str:
    """What a group page shows in place of ``holder_id``'s rank, to be put in after."""
    return f"\ue000{_NONCE}:{holder_id}\ue001"


def tokens(members_ranks: list[tuple[str, int | None]]) -> dict[str, str | None]:
    """Each member's token when it is ranked (None when not: the page shows no rank)."""
    return {h: (token(h) if rank is not None else None) for h, rank in members_ranks}


def ranked(page: str, ranks: dict[str, int | None]) -> str:
    """``page`` with each token replaced by its holder's rank."""
    return _TOKEN.sub(lambda m: str(ranks[m.group(1)]), page)


class KeptGroupPages:
    """The group pages rendered with tokens, by path: (their shape, the page)."""

    def __init__(self) -> None:
        self.pages: dict[str, tuple[str, str]] = {}
        self.rendered = 0
        """Group pages rendered by the last build (for the tests)."""

    def start(self) -> None:
        self.rendered = 0

    def job(self, uri: str, shape: str, render: Callable[[], str]) -> Callable[[], dict[str, str]]:
        """A page job giving the page with tokens: the kept one of the same shape, else
        rendered (:meth:`finish` puts the ranks in, in this process)."""

        def run() -> dict[str, str]:
            kept = self.pages.get(uri)
            if kept is not None and kept[0] == shape:
                return {uri: kept[1]}
            self.rendered += 1  # counted where it runs (a forked process's is lost)
            return {uri: render()}

        return run

    def finish(self, uri: str, shape: str, ranks: dict[str, int | None]) -> Finish:
        """What makes a job's result (:meth:`job`) the page served, keeping its tokens."""

        def done(made: dict[str, str]) -> dict[str, str]:
            page = made[uri]
            self.pages[uri] = (shape, page)
            return {uri: ranked(page, ranks)}

        return done


def given_key(key: str, _keys: object) -> str:
    """A group page's key made already (with its shape, :meth:`page_keys.Keys.group_and_shape`),
    in the place of a key made from ``Keys`` once the job is known."""
    return key
