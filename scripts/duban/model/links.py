"""Links between plans: which upper task a task or sub-item implements (``implements:``).

A lower plan's task (a city's 分工方案) says which task of an upper plan it carries out. The
upper task is in a plan of this repository (``source`` empty) or of another duban repository
(``source`` the id of that source, ``<source>:<plan>/<task>``): only a link of this repository
can be checked against the tasks it names. See docs/data-format.md (``implements``).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

_ID = r"[a-z0-9][a-z0-9-]{0,62}"
REF = re.compile(rf"(?:(?P<source>{_ID}):)?(?P<plan>{_ID})/(?P<task>{_ID})(?P<item>(?:/{_ID})*)")
"""``[<source>:]<plan>/<task>[/<item>…]``, matched with ``fullmatch``."""


@dataclass(frozen=True)
class Link:
    """One entry of ``implements``: the upper task, and how the lower document cites it."""

    source: str
    """"" for a plan of this repository, else the id of another repository (a source)."""
    plan: str
    task: str
    item: str = ""
    """The sub-item's id below the task ("" for the task itself; ``2/1`` at depth two)."""
    as_written: str | None = None
    """How the lower document cites it, e.g. 落实《省方案》第三（二）项."""

    @property
    def is_local(self) -> bool:
        return not self.source

    @property
    def target(self) -> str:
        """``<plan>/<task>[/<item>]``: the key of the upper task in its own repository."""
        key = f"{self.plan}/{self.task}"
        return f"{key}/{self.item}" if self.item else key

    @property
    def top(self) -> str:
        """``<plan>/<task>``: the upper task, or the task the upper sub-item belongs to."""
        return f"{self.plan}/{self.task}"

    @property
    def ref(self) -> str:
        """The reference as written in data: ``<source>:<target>`` or ``<target>``."""
        return f"{self.source}:{self.target}" if self.source else self.target


def parse_link(text: str, as_written: str | None = None) -> Link | None:
    """The link ``text`` names, or None when it is not of the form ``[<source>:]<plan>/<task>…``."""
    match = REF.fullmatch(text)
    if match is None:
        return None
    return Link(
        source=match["source"] or "",
        plan=match["plan"],
        task=match["task"],
        item=match["item"].lstrip("/"),
        as_written=as_written,
    )


@dataclass(frozen=True)
class Implementer:
    """One obligation of a task that implements an upper task, as the upper level sees it.

    Made from this repository's evaluation, or read from another duban site's open-data export
    (then every text in it is untrusted: escape it, and links are https only).
    """

    target: str
    """The upper task it counts under, ``<plan>/<task>`` or ``<plan>/<task>/<item>``, in the
    repository that rolls it up."""
    source_id: str
    """The repository it comes from: "" for this one, else the source's id from the config."""
    source_name: str
    plan_id: str
    plan_title: str
    task_id: str
    """The implementing task (or ``<task>/<item>``), in its own plan."""
    task_label: str
    """How the lower plan numbers it, e.g. 二（一）."""
    task_title: str
    holder_id: str
    holder_name: str
    bucket: str | None
    """One of :data:`duban.evaluation.rollup.BUCKETS`, None when nothing applies to the holder."""
    as_of: dt.date
    """The date its state was evaluated at (another source: the date of its export)."""
    url: str | None = None
    """The implementing task's page: relative in this site, https for another source."""
    as_written: str | None = None
    """How the lower document cites the upper task, e.g. 落实《省方案》第三（二）项."""
    via: tuple[str, ...] = ()
    """The intermediate tasks between it and the target (``<source>:<plan>/<task>``), empty
    when it implements the target directly: a county's task seen by the province via a city's.
    Ordered from the target downwards (D -> C -> B -> A: D's row under A has ``(B, C)``); each
    is the task or sub-item that declares the link; one of the repository that rolls the row
    up is written without a source, ``<plan>/<task>[/<item>]``, as ``implements`` writes it."""
