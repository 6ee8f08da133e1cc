"""The summary pages' keys by what they show (h24w), not by every status file's bytes.

The pages that summarise (home, 督办清单, progress, overdue lists, downloads page, units index,
leaders, a plan's leadership, task pages with indicators) read the whole evaluation: every
occurrence's state, days late and left, dates, counts, escalations and flags, every status
entry's dates, progress, figures, evidence and summary (the 督办清单's rows, the reporters and the
ranking, the indicators), the reports' dates. What none of them shows is the *text* of an
update, but for the home page's newest reports. So their key (:class:`Summaries`) is the
:mod:`.page_keys` base (duban's code, every data file but the status files, the settings with
``as_of``, the legends' states …), the page's path, and one digest of the whole evaluation and
every status entry as evaluated with each update's text left out (:func:`status_facts`: a pickle
in which an :class:`~duban.model.status.Update` is written without its text; everything else as
it is, so whatever else a summary could read is in it). The home page adds its newest reports,
texts and all.

The pages that show a download's size (the downloads page, the 督办清单s, each plan's task list)
are keyed late (:class:`LateKey`): when their job runs, after every download is made (they need
``EVERYTHING``: the parent process runs them), their key adds each download's size as the pages
print it (:func:`shown_size`, ``_macros.html``'s ``size``): an update's text changes the 台账's
bytes, rarely its "1.2 MB".

An edit of an update's text thus renders the unit's pages, its tasks' and groups' pages, and the
home page when the report is among its newest; any other change to a status file (a state, a
date, a report, a figure) changes the facts and renders every summary again, as before.
"""

from __future__ import annotations

import copyreg
import io
import json
import pickle
from collections.abc import Callable, Mapping
from typing import Any

from duban.evaluation.evaluate import Evaluation
from duban.load.cache import parts_digest
from duban.model.model import Model
from duban.model.status import Update

FORMAT = "h24w summary facts 1"

_TEXTLESS = copyreg.dispatch_table.copy()
_TEXTLESS[Update] = lambda u: (Update, (u.date, "", u.by, u.figures))


def status_facts(model: Model, evaluation: Evaluation) -> str:
    """One digest of every status entry and the whole evaluation, updates without their text."""
    out = io.BytesIO()
    pickler = pickle.Pickler(out, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.dispatch_table = _TEXTLESS
    pickler.dump(
        (
            list(model.status.items()),
            model.obligations,
            evaluation.items,
            evaluation.indicators,
            list(evaluation.escalations.items()),
            evaluation.flags,
        )
    )
    return parts_digest(FORMAT, out.getvalue())


def shown_size(n: int) -> str:
    """A download's size as ``_macros.html``'s ``size`` prints it."""
    if n >= 1048576:
        return "%.1f MB" % (n / 1048576)
    if n >= 1024:
        return "%.0f KB" % (n / 1024)
    return f"{n} B"


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
        self, base: str, model: Model, evaluation: Evaluation, sizes: Mapping[str, int]
    ) -> None:
        self.base = base
        self.model, self.evaluation, self.sizes = model, evaluation, sizes
        self._facts: str | None = None

    @property
    def facts(self) -> str:
        if self._facts is None:
            self._facts = status_facts(self.model, self.evaluation)
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
        return json.dumps(sorted((p, shown_size(n)) for p, n in self.sizes.items()))
