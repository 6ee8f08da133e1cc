"""`mkdocs serve`'s occurrences' digests carried over whole from the last build (h24v).

While serving, the page keys (:class:`~duban.site.page_keys.Keys`) look an occurrence's digest
up by the object (``id``): the live evaluation keeps an unchanged holder's occurrences as the
same objects, and each list of the index none of whose occurrences changed is the last build's
very list (:mod:`.serve_index`). A kept list still put each of its occurrences' digests into
this build's lookup and into the digests kept for the next build, two ``dict.update`` calls
over every occurrence of the model on every edit. When the escalations are the last build's
(so is every unchanged occurrence's digest), this build's two dicts start instead as copies of
the last build's (a copy of a dict is one C loop, no hashing): every occurrence the last build
digested is found as before; an id cannot be another object's, since the copy of the last
build's entries holds each of their objects alive. The entries of the occurrences that are no
longer evaluated stay in the copies (alive, unused): when they are more than
:data:`MOST_STALE` of the evaluation's count, the two dicts start empty again (as before h24v).
"""

from __future__ import annotations

from typing import Any, Protocol

MOST_STALE = 0.25
"""At most this share of the occurrences' count in digests carried for no occurrence."""


class _Kept(Protocol):
    """:class:`duban.site.serve_index.KeptIndexes`, as far as it is read here."""

    made: dict[int, str] | None


def carried(
    indexes: _Kept | None,
    lists_before: dict[int, Any],
    before: dict[int, tuple[Any, object, str]],
    occurrences: int,
    made: dict[int, str],
) -> tuple[dict[int, str], dict[int, tuple[Any, object, str]]] | None:
    """(this build's digests by the occurrence's id, this build's entries to keep for the next
    one), copies of the last build's, when they can be carried (see the module); else None.
    ``indexes``: serving's (None otherwise); ``lists_before``: the last build's lists' digests,
    empty unless the escalations are the same; ``before``: the last build's entries;
    ``made``: this build's digests when none are carried (kept for the next build)."""
    if indexes is None:
        return None
    last = indexes.made
    if (
        not lists_before
        or last is None
        or len(last) != len(before)
        or len(before) > (1 + MOST_STALE) * occurrences + 1000
    ):
        indexes.made = made
        return None
    found = dict(last), dict(before)
    indexes.made = found[0]
    return found
