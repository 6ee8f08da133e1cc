"""The one key of an occurrence of an obligation, shared by every stage.

Status entries (``Model.status``), evaluated items (``ItemState.ref``), escalations
(``Evaluation.escalations``), supervisors' actions and follow-up deadlines all name an
occurrence the same way, in the same order: the task (``<plan>/<task>[/<item>]``), the holder,
the deadline and the period (``""`` for a one-off).
"""

from __future__ import annotations

from typing import NamedTuple


class OccurrenceRef(NamedTuple):
    task_id: str
    holder_id: str
    due_id: str
    key: str
