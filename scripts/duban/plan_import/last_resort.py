"""The last resort (h18ab, issue 18): when every reading of a document would have it refused
(nothing numbered as the reader numbers, so no section and no task), a document that visibly
holds a list (numbered as the reader reads it, or marked as marked_lines.py reads
it) is read with every item of that list a task, rather than refused: each marked paragraph a
task, its text kept whole, its roles and deadlines from the labels found in it, the review
saying how it was read. Only a document with no list at all is refused."""

from __future__ import annotations

import copy

from duban.plan_import.marked_lines import LEAST, every_reading, marked_lines, marked_reading
from duban.plan_import.plan import Imported, import_text
from duban.plan_import.units import ImportOrg

FAILED = (ValueError, KeyError, IndexError, AttributeError, TypeError, AssertionError)
"""A reading the importer cannot carry through is no reading (as strategy._trial)."""


def last_resort(
    text: str, pristine: ImportOrg, plan_id: str, year: int | None, broad: bool = False
) -> tuple[Imported, str] | None:
    """The import of ``text`` with every item of its list a task, and what the reading did
    (for the review); None when neither the document's numbering nor its marks give a task.
    The marks of marked_lines.py are tried first when there are any (a list the numbering's
    reader does not read), then the document's numbering as it is."""
    marked = marked_lines(text)
    tries = [(marked[0], marked_reading(marked[1]))] if marked else []
    tries.append((text, ""))
    for candidate, note in tries:
        try:
            result = import_text(
                candidate, copy.deepcopy(pristine), plan_id, year, every=True, broad=broad
            )
        except FAILED:
            continue
        if len(result.tasks) >= LEAST:  # a list: two items at least (一、 alone is none)
            return result, "；".join(n for n in (note, every_reading()) if n)
    return None
