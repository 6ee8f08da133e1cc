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
kept by status file since h24o) and its overdue rows' stages: one JSON text holding the
holder's templates and texts once each (its rows repeat its name, states and tasks) and each
row as ``[pixels, template's number, [its texts' numbers]]``, the plan sheets' rows in the
order of the holder's occurrences, then its overdue rows; the text's digest beside it. Ten
changed status files make some ten holders' rows again.

**Trust.** An entry is read as JSON (no class is made from the folder); the digest beside it
catches a cut or half-written entry; each template must be one the writer makes (its XML of
the writer's row and cells, numbers and fields only: ``sheet_rows.template_fields``), each row
as many texts as its template has fields, every number in range, else the holder's rows are
made again. A forged entry could put wrong values in the 台账, as a forged
page could put them in a page (the folder is trusted as the page cache is), but no markup.

Only a CI build uses this (a memo on disk that lives one build: ``mkdocs build`` with
``page_cache``), for a province (no CSV: the CSV needs every row's cells); ``mkdocs serve``
keeps its memo across builds and makes its 台账 in a thread after the pages (h24n).
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from duban.evaluation.check_report import CheckReport
from duban.evaluation.evaluate import Evaluation, ItemState, State
from duban.load.cache import parts_digest
from duban.model.model import Model
from duban.outputs.ledger import OVERDUE, ledger, ledger_xlsx_pieces
from duban.outputs.sheet_rows import Piece, template_fields
from duban.site import page_keys
from duban.site.kept_text import keep_text, kept_text

FORMAT = "ledger rows 2"
PIECES, CHECK = "pieces", "pieces digest"
TEMPLATES, TEXTS, PLAN, LATE = "templates", "texts", "plan", "late"


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
    """The holder's pieces as one JSON text: its templates and its texts once each (a holder's
    rows repeat its name, its states and its tasks' headings), each row by their numbers."""
    if any(p is None for p in plan) or any(p is None for p in late):
        return  # an occurrence on no sheet (never, as the 台账 is made): nothing kept
    templates: dict[str, int] = {}
    texts: dict[str, int] = {}

    def row(piece: Piece | None) -> list[object]:
        assert piece is not None
        numbers = [texts.setdefault(t, len(texts)) for t in piece.texts]
        return [piece.pixels, templates.setdefault(piece.template, len(templates)), numbers]

    rows = {PLAN: [row(p) for p in plan], LATE: [row(p) for p in late]}
    kept = {TEMPLATES: list(templates), TEXTS: list(texts), **rows}
    text = json.dumps(kept, ensure_ascii=False, separators=(",", ":"))
    keep_text(memo, key, PIECES, CHECK, text)


def _kept(
    memo: page_keys.Memo, key: str, count: int, late: int, known: dict[str, int]
) -> tuple[list[Piece] | None, list[Piece] | None]:
    """A holder's pieces as kept, or None when not kept, unreadable or not what it says."""
    none = None, None
    text = kept_text(memo, key, PIECES, CHECK)
    if text is None:
        return none
    try:
        kept = json.loads(text)
    except ValueError:
        return none
    if not (isinstance(kept, dict) and set(kept) == {TEMPLATES, TEXTS, PLAN, LATE}):
        return none
    templates, texts, plan, overdue = kept[TEMPLATES], kept[TEXTS], kept[PLAN], kept[LATE]
    if not all(isinstance(v, list) for v in (templates, texts, plan, overdue)):
        return none
    if len(plan) != count or len(overdue) != late or not set(map(type, texts)) <= {str}:
        return none
    fields = [template_fields(t, known) for t in templates]
    if None in fields:
        return none
    pieces = _pieces(plan, templates, fields, texts)
    late_pieces = _pieces(overdue, templates, fields, texts)
    if pieces is None or late_pieces is None:
        return none
    return pieces, late_pieces


def _pieces(
    rows: list[object], templates: list[str], fields: list[int | None], texts: list[str]
) -> list[Piece] | None:
    """The rows as pieces: each ``[pixels, template's number, [its texts' numbers]]``, as
    many texts as its template has fields, every number in range; else None."""
    result = []
    templates_count, texts_count = len(templates), len(texts)
    for row in rows:
        if not (isinstance(row, list) and len(row) == 3):
            return None
        pixels, number, numbers = row
        if not (
            type(pixels) is int
            and type(number) is int
            and 0 <= number < templates_count
            and isinstance(numbers, list)
            and len(numbers) == fields[number]
            and set(map(type, numbers)) <= {int}
            and (not numbers or (min(numbers) >= 0 and max(numbers) < texts_count))
        ):
            return None
        result.append(Piece(pixels, templates[number], tuple(texts[n] for n in numbers)))
    return result
