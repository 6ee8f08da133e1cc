"""The summary pages' keys by what they show (h24w), not by every status file's bytes.

The pages that summarise (home, 督办清单, progress, overdue lists, downloads page, units index,
leaders, a plan's leadership, task pages with indicators) read the whole evaluation: every
occurrence's state, days late and left, dates, counts, escalations and flags, every status
entry's dates, progress, figures, evidence and summary (the 督办清单's rows, the reporters and the
ranking, the indicators), the reports' dates. What none of them shows is the *text* of an
update, but the home page's newest reports.

The evaluation is a function of the model, ``as_of`` and ``due_soon_days`` alone
(``evaluate``; serve's partial one equals it), and the model of every data file: the
:mod:`.page_keys` base holds all but the status files (the plan, tasks, org, rules, records,
federation, the settings with ``as_of``, duban's code …). So a summary's key
(:class:`Summaries`) is the base, the page's path and :func:`status_facts`: every status entry
with every field but its updates' texts, and the obligations (from the base's files; in it when
in doubt). Whatever a summary reads that a status file can change is then in its key but an
update's text; the home page adds its newest reports, texts and all.

The pages that show a download's size (the downloads page, the 督办清单s, each plan's task list)
are keyed late (:class:`LateKey`): when their job runs, after every download is made (they need
``EVERYTHING``: the parent process runs them), their key adds each download's size as the pages
print it (:func:`.env.download_size`, the filter ``_macros.html``'s ``size`` prints with): an
update's text changes the 台账's bytes, rarely its "1.2 MB".

An edit of an update's text thus renders the unit's pages, its tasks' and groups' pages, and the
home page when the report is among its newest; any other change to a status file (a state, a
date, a report, a figure, a line moved) renders every summary again, as before.
"""

from __future__ import annotations

import json
import operator
from collections.abc import Callable, Mapping
from itertools import chain, groupby
from typing import Any

from duban.load.cache import parts_digest
from duban.model.fields import field_names
from duban.model.model import Model, Obligation
from duban.model.refs import Source
from duban.model.status import DeliverableStatus, Evidence, Instance, StatusEntry, Update
from duban.site.env import download_size
from duban.site.fact_bytes import fact_bytes

FORMAT = "h24y summary facts 4"  # h24y: by status file

_MANY: dict[str, tuple[type, tuple[str, ...]]] = {
    "updates": (Update, ("text",)),  # the one thing left out: an update's text
    "evidence": (Evidence, ()),
    "deliverables": (DeliverableStatus, ()),
    "instances": (Instance, ()),
}
# a record's place by its data file: the path messages use depends on the working directory
# and is on no page (fact_bytes)
_ONE: dict[str, tuple[type, tuple[str, ...]]] = {"source": (Source, ("path",))}


def columns(objects: list[Any], cls: type, leave: tuple[str, ...] = ()) -> list[list[Any]]:
    """Every field of ``objects`` (of the dataclass ``cls``) but ``leave``, a list a field, read
    in C (``attrgetter`` mapped): a tuple of records (``_MANY``) as its lengths and the
    columns of all of them, one record (``_ONE``) as its columns. A field added to a class is
    in it (pickled as it is, unless it is of these)."""
    found: list[list[Any]] = []
    for name in field_names(cls):
        if name in leave:
            continue
        values = list(map(operator.attrgetter(name), objects))
        if name in _MANY:
            found.append(list(map(len, values)))
            found += columns(list(chain.from_iterable(values)), *_MANY[name])
        elif name in _ONE:
            found += columns(values, *_ONE[name])
        else:
            found.append(values)
    return found


def status_facts(model: Model, kept: dict[str, tuple[Any, ...]] | None = None) -> str:
    """One digest of every status entry, each update without its text, and the obligations.

    With the base (every other data file, the settings, ``as_of``), these are every input of
    the evaluation (``evaluate(model, as_of, due_soon_days)``, a function of them alone) and of
    every summary page but the texts of the updates. Read by columns (:func:`columns`) and
    pickled as lists of plain values: no Python call per entry or update.

    h24y: digested a status file's run of entries at a time (the entries are in the order of
    their files), then the runs' digests together. ``kept`` (serving: the source memo's, for the
    session) holds each file's run with its digest: a run whose entries are the very objects of
    the last build's (the model update keeps an unchanged file's) and whose keys are equal is
    not read again, so an edit digests its own file's entries, not every entry."""
    keys, entries = list(model.status), list(model.status.values())
    parts: list[str] = [FORMAT, _digest(columns(list(model.obligations), Obligation))]
    last, made = kept or {}, {}
    start = 0
    for file, run in groupby(map(_FILE, entries)):
        end = start + len(list(run))
        run_keys, run_entries = keys[start:end], entries[start:end]
        found = last.get(file)
        if (
            found is not None
            and len(found[1]) == len(run_entries)
            and all(map(operator.is_, found[1], run_entries))
            and found[0] == run_keys
        ):
            digest = found[2]
        else:
            digest = _digest((list(map(tuple, run_keys)), columns(run_entries, StatusEntry)))
        made[file] = (run_keys, run_entries, digest)
        parts += (file, digest)
        start = end
    if kept is not None:
        kept.clear()
        kept.update(made)
    return parts_digest(*parts)


_FILE = operator.attrgetter("source.file")


def _digest(facts: Any) -> str:
    return parts_digest(fact_bytes(facts))


class LateKey:
    """A page job's key made when the job runs (after the downloads): :attr:`value` then."""

    def __init__(self, make: Callable[[], str]) -> None:
        self.make = make
        self.value: str | None = None

    def resolve(self) -> str:
        self.value = self.make()
        return self.value


def resolved(key: str | LateKey | None) -> str | None:
    """A job's key as it ended: a :class:`LateKey`'s value once its job ran."""
    return key.value if isinstance(key, LateKey) else key


class Summaries:
    """Every summary page's key in one build (``base``: :attr:`page_keys.Keys.base`)."""

    def __init__(
        self,
        base: str,
        model: Model,
        sizes: Mapping[str, int],
        kept: dict[str, tuple[Any, ...]] | None = None,
    ) -> None:
        self.base = base
        self.model, self.sizes = model, sizes
        self._facts: str | None = None
        self.kept = kept  # h24y, serving: the status files' facts (:func:`status_facts`)

    @property
    def facts(self) -> str:
        if self._facts is None:
            self._facts = status_facts(self.model, self.kept)
        return self._facts

    def page(self, uri: str, *extra: bytes | str) -> str:
        """A summary page: the base, its path, the facts (and ``extra``)."""
        return parts_digest(self.base, FORMAT, uri, self.facts, *extra)

    def home(self, uri: str, newest: Callable[[], Any]) -> str:
        """The home page: its newest reports, texts and all, too."""
        return self.page(uri, fact_bytes(newest()))

    def late(self, uri: str) -> LateKey:
        """A page that shows downloads' sizes: keyed when it runs, by the sizes it prints."""
        return LateKey(lambda: self.page(uri, self._shown_sizes()))

    def _shown_sizes(self) -> str:
        return json.dumps(sorted((p, download_size(n)) for p, n in self.sizes.items()))
