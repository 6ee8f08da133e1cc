"""Where things are: the one key of an occurrence (:class:`OccurrenceRef`) and the place in
the data a record comes from (:class:`Source`).

The one key of an occurrence of an obligation, shared by every stage.

Status entries (``Model.status``), evaluated items (``ItemState.ref``), escalations
(``Evaluation.escalations``), supervisors' actions and follow-up deadlines all name an
occurrence the same way, in the same order: the task (``<plan>/<task>[/<item>]``), the holder,
the deadline and the period (``""`` for a one-off).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple


class OccurrenceRef(NamedTuple):
    task_id: str
    holder_id: str
    due_id: str
    key: str


@dataclass(frozen=True, slots=True)
class Source:
    """Where a record is defined: ``path`` as shown in messages (relative to the working
    directory), ``file`` relative to the data folder (for edit links and the export)."""

    path: str
    line: int = 1
    file: str = ""


NO_SOURCE = Source("")
"""The place of a record built in code (tests, defaults) rather than read from a file."""
