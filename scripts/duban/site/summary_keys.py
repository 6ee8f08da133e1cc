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

import dataclasses
import json
import operator
import pickle
from collections.abc import Callable, Mapping
from itertools import chain
from typing import Any

from duban.load.cache import parts_digest
from duban.model.model import Model, Obligation
from duban.model.refs import Source
from duban.model.status import DeliverableStatus, Evidence, Instance, StatusEntry, Update
from duban.site.env import download_size

FORMAT = "h24w summary facts 3"

_MANY: dict[str, tuple[type, tuple[str, ...]]] = {
    "updates": (Update, ("text",)),  # the one thing left out: an update's text
    "evidence": (Evidence, ()),
    "deliverables": (DeliverableStatus, ()),
    "instances": (Instance, ()),
}
_ONE: dict[str, type] = {"source": Source}


def columns(objects: list[Any], cls: type, leave: tuple[str, ...] = ()) -> list[list[Any]]:
    """Every field of ``objects`` (of the dataclass ``cls``) but ``leave``, a list a field, read
    in C (``attrgetter`` mapped): a tuple of records (``_MANY``) as its lengths and the
    columns of all of them, one record (``_ONE``) as its columns. A field added to a class is
    in it (pickled as it is, unless it is of these)."""
    found: list[list[Any]] = []
    for name in (f.name for f in dataclasses.fields(cls) if f.name not in leave):
        values = list(map(operator.attrgetter(name), objects))
        if name in _MANY:
            found.append(list(map(len, values)))
            found += columns(list(chain.from_iterable(values)), *_MANY[name])
        elif name in _ONE:
            found += columns(values, _ONE[name])
        else:
            found.append(values)
    return found


def status_facts(model: Model) -> str:
    """One digest of every status entry, each update without its text, and the obligations.

    With the base (every other data file, the settings, ``as_of``), these are every input of
    the evaluation (``evaluate(model, as_of, due_soon_days)``, a function of them alone) and of
    every summary page but the texts of the updates. Read by columns (:func:`columns`) and
    pickled as lists of plain values: no Python call per entry or update."""
    facts = (
        list(map(tuple, model.status)),
        columns(list(model.status.values()), StatusEntry),
        columns(list(model.obligations), Obligation),
    )
    return parts_digest(FORMAT, pickle.dumps(facts, protocol=pickle.HIGHEST_PROTOCOL))


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

    def __init__(self, base: str, model: Model, sizes: Mapping[str, int]) -> None:
        self.base = base
        self.model, self.sizes = model, sizes
        self._facts: str | None = None

    @property
    def facts(self) -> str:
        if self._facts is None:
            self._facts = status_facts(self.model)
        return self._facts

    def page(self, uri: str, *extra: bytes | str) -> str:
        """A summary page: the base, its path, the facts (and ``extra``)."""
        return parts_digest(self.base, FORMAT, uri, self.facts, *extra)

    def home(self, uri: str, newest: Callable[[], Any]) -> str:
        """The home page: its newest reports, texts and all, too."""
        return self.page(uri, pickle.dumps(newest(), protocol=pickle.HIGHEST_PROTOCOL))

    def late(self, uri: str) -> LateKey:
        """A page that shows downloads' sizes: keyed when it runs, by the sizes it prints."""
        return LateKey(lambda: self.page(uri, self._shown_sizes()))

    def _shown_sizes(self) -> str:
        return json.dumps(sorted((p, download_size(n)) for p, n in self.sizes.items()))
