"""The 台账's rows kept by occurrence (h24q): a CI build with a page cache makes again only the
rows of the holders whose occurrences changed.

The 台账 (:mod:`duban.outputs.ledger`) was made whole on every build, a fifth of an incremental
build at 500 units: its rows interleave every unit (sorted by task, deadline and period) and its
texts are numbered across the workbook as shared strings. What is kept is therefore not a row's
XML but a row *before* its numbering (:class:`~duban.outputs.sheet_rows.Piece`): its cells' XML
with fields for its row number, its ordinal (序号) and its texts' shared-string indices, and its
texts. The workbook is written from the pieces in the sheets' order, each text numbered as it
comes (``TableSheet.take_rows``), so the shared strings, and the bytes, are those of a full
build, which writes every row through the same pieces (the rows it makes are made into pieces
first). Shared strings, not inline ones: they keep the 台账 small (it repeats its names, states
and dates on thousands of rows) and the bytes those of XlsxWriter's cell-by-cell writing (test).

**What a row is made from.** A row of a plan sheet reads its occurrence (with its entry), the
model's plan, tasks and org, and ``as_of`` (the keys' *base*: :mod:`.page_keys`); a row of the
overdue sheet reads the same and the escalation's stage. So a holder's rows are kept as one
memo entry keyed by the base, the holder, its occurrences' digests (those of the page keys,
kept by status file since h24o) and its overdue rows' stages: ``{plan: [pieces], late:
[pieces], digest}``, the pieces as JSON lists in the order of the holder's occurrences. Ten
changed status files make some ten holders' rows again.

**Trust.** An entry is read as JSON (no class is made from the folder); the digest beside it
catches a cut or half-written entry, and each piece must be one the writer makes (its XML of
the writer's row and cells, numbers and fields only: ``sheet_rows.good_piece``), else the
holder's rows are made again. A forged entry could put wrong values in the 台账, as a forged
page could put them in a page (the folder is trusted as the page cache is), but no markup.

Only a CI build's memo on disk uses this, for a province (no CSV: the CSV needs every row's
cells); ``mkdocs serve`` makes its 台账 in a thread after the pages (h24n).
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from duban.evaluation.check_report import CheckReport
from duban.evaluation.evaluate import Evaluation, ItemState, State
from duban.load.cache import parts_digest
from duban.model.model import Model
from duban.outputs.ledger import OVERDUE, ledger, ledger_xlsx_pieces
from duban.outputs.sheet_rows import Piece, good_piece
from duban.site import page_keys

FORMAT = "ledger rows 1"
PLAN, LATE, CHECK = "plan", "late", "digest"


class _Holder:
    """One holder's occurrences, its overdue ones and its entry's key."""

    def __init__(self) -> None:
        self.items: list[ItemState] = []
        self.late: list[ItemState] = []
        self.key = ""


def ledger_xlsx(
    model: Model,
    evaluation: Evaluation,
    report: CheckReport,
    keys: page_keys.Keys,
    memo: page_keys.Memo,
) -> bytes:
    """The 台账's workbook, the rows of unchanged holders from ``memo``; every holder's rows
    kept for the next build."""
    stages: dict[int, str] = {}
    holders: dict[str, _Holder] = {}
    for item in evaluation.items:
        holders.setdefault(item.holder_id, _Holder()).items.append(item)
    for _, checked in report.units:
        for ci in checked:
            if ci.item.state is State.OVERDUE:
                stages[id(ci.item)] = ci.escalation.stage_name if ci.escalation else ""
                holders.setdefault(ci.item.holder_id, _Holder()).late.append(ci.item)
    found: dict[tuple[bool, int], Piece] = {}
    taken: set[str] = set()
    known: dict[str, int] = {}  # the templates found good, with their text fields
    for holder_id, holder in holders.items():
        late = [stages[id(i)] for i in holder.late]
        digests = keys.occurrences(holder.items)
        holder.key = parts_digest(keys.base, FORMAT, holder_id, *digests, json.dumps(late))
        plan, overdue = _kept(memo, holder.key, len(holder.items), len(holder.late), known)
        if plan is None or overdue is None:
            continue
        taken.add(holder_id)
        found.update(((False, id(i)), p) for i, p in zip(holder.items, plan, strict=True))
        found.update(((True, id(i)), p) for i, p in zip(holder.late, overdue, strict=True))

    def kept(sheet: str, item: ItemState) -> Piece | None:
        return found.get((sheet == OVERDUE, id(item)))

    book = ledger(model, evaluation, report, kept)
    data, sheets = ledger_xlsx_pieces(book)
    made: dict[tuple[bool, int], Piece] = {}
    for plan_table, pieces in zip(book.plans, sheets, strict=False):
        made.update(((False, id(i)), p) for i, p in zip(plan_table.items, pieces, strict=True))
    made.update(((True, id(i)), p) for i, p in zip(book.overdue_items, sheets[-1], strict=True))
    for holder_id, holder in holders.items():
        if holder_id in taken:
            continue  # taken from the memo (and so kept by it)
        plan_pieces = [made.get((False, id(i))) for i in holder.items]
        late_pieces = [made.get((True, id(i))) for i in holder.late]
        _keep(memo, holder.key, plan_pieces, late_pieces)
    return data


def _keep(
    memo: page_keys.Memo,
    key: str,
    plan: Sequence[Piece | None],
    late: Sequence[Piece | None],
) -> None:
    if any(p is None for p in plan) or any(p is None for p in late):
        return  # an occurrence on no sheet (never, as the 台账 is made): nothing kept
    plan_text = json.dumps([list(p) for p in plan if p], ensure_ascii=False)
    late_text = json.dumps([list(p) for p in late if p], ensure_ascii=False)
    check = parts_digest(key, plan_text, late_text)
    memo.put(key, {PLAN: plan_text, LATE: late_text, CHECK: check}, counted=False)


def _kept(
    memo: page_keys.Memo, key: str, count: int, late: int, known: dict[str, int]
) -> tuple[list[Piece] | None, list[Piece] | None]:
    """A holder's pieces as kept, or None when not kept, unreadable or not what it says."""
    none = None, None
    if not memo.has(key):
        return none
    stored = memo.get(key, counted=False)
    if stored is None or set(stored) != {PLAN, LATE, CHECK}:
        return none
    if parts_digest(key, stored[PLAN], stored[LATE]) != stored[CHECK]:
        return none
    try:
        plan, overdue = json.loads(stored[PLAN]), json.loads(stored[LATE])
    except ValueError:
        return none
    if not (isinstance(plan, list) and isinstance(overdue, list)):
        return none
    if len(plan) != count or len(overdue) != late:
        return none
    pieces = [good_piece(p, known) for p in plan]
    late_pieces = [good_piece(p, known) for p in overdue]
    if any(p is None for p in pieces) or any(p is None for p in late_pieces):
        return none
    return [p for p in pieces if p], [p for p in late_pieces if p]
