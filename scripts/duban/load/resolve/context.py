"""What every build stage shares: the problems found so far, dates and sources, one resolver of
names, and the documents of one data folder."""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from duban.load.strict_yaml import Document, KeyPath
from duban.model.problems import Problem
from duban.model.refs import Source


@dataclass
class PlanInputs:
    """The schema-valid documents of one plan folder (``plans/<id>/``)."""

    folder: str
    plan: Document | None
    tasks: list[Document] = field(default_factory=list)
    rules: Document | None = None
    broken_task_ids: set[str] = field(default_factory=set)
    """Task files of this plan that failed their schema: references to them are not reported."""


@dataclass
class Inputs:
    """The schema-valid documents of one data folder."""

    org: Document
    plans: list[PlanInputs] = field(default_factory=list)
    status: Iterable[Document] = field(default_factory=list)
    """Read once, in order; each document's data may be released after it is read."""
    broken_plans: set[str] = field(default_factory=set)
    """Plan folders whose plan.yaml failed: references to their tasks are not reported."""
    texts: bool = True
    """False: the model leaves out what holders wrote (``Model.texts``)."""


def parse_date(text: str | None) -> dt.date | None:
    """A schema-checked YYYY-MM-DD value as a date (None when absent)."""
    return _date(text) if text else None


@lru_cache(maxsize=8192)
def _date(text: str) -> dt.date:
    """One date object per day: a province's entries name the same thousand days hundreds of
    thousands of times (32 bytes each; dates are immutable, so sharing them is safe)."""
    return dt.date.fromisoformat(text)


def source_of(document: Document, keys: KeyPath = ()) -> Source:
    """Where the value at ``keys`` is defined: for messages, annotations and edit links."""
    return Source(document.display, document.position(keys)[0], document.file)


class Report:
    """Collects problems; every stage reports through one."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def __call__(self, document: Document, keys: KeyPath, message: str, **kw: Any) -> None:
        self.problems.append(document.problem(keys, message, **kw))


def name_key(phrase: str) -> str:
    """How names are compared: NFKC (full-width and half-width brackets and digits alike)."""
    return unicodedata.normalize("NFKC", phrase).strip()


class Names:
    """The one resolver of ids, names, short names and aliases of units, groups and bodies.

    Phrases are compared after :func:`name_key`, so 市局政治（警务）部 and 市局政治(警务)部 are
    one name, and a look-alike written with full-width characters cannot name a second unit.
    """

    def __init__(self) -> None:
        self.owners: dict[str, str] = {}
        self.written: dict[str, tuple[str, int]] = {}
        """Normalised phrase -> (the phrase as first written, its line)."""

    def claim(self, phrase: str, owner: str, line: int = 0) -> str | None:
        """Record that ``phrase`` names ``owner``; returns another owner it already names."""
        key = name_key(phrase)
        found = self.owners.get(key)
        if found is not None and found != owner:
            return found
        self.owners[key] = owner
        self.written.setdefault(key, (phrase, line))
        return None

    def first_written(self, phrase: str) -> tuple[str, int]:
        """How a phrase equal to ``phrase`` after NFKC was first written, and on which line."""
        return self.written.get(name_key(phrase), (phrase, 0))

    def find(self, phrase: str) -> str | None:
        return self.owners.get(name_key(phrase))

    def as_dict(self) -> dict[str, str]:
        return dict(self.owners)
