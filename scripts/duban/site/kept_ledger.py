"""The 台账's rows kept by holder (h24q), in one entry (h24af): a CI build with a page cache makes
again only the rows of the holders whose occurrences changed.

The 台账 (:mod:`duban.outputs.ledger`) was made whole on every build, a fifth of an incremental
build at 500 units: its rows interleave every unit (sorted by task, deadline and period) and its
texts are numbered across the workbook as shared strings. What is kept is therefore not a row's
XML but a row *before* its numbering (:class:`~duban.outputs.sheet_rows.Piece`): its cells' XML
with fields for its row number, its ordinal (序号) and its texts' shared-string indices, and its
texts. The workbook is written from the rows in the sheets' order, each text numbered as it
comes (``TableSheet.take_rows``), so the shared strings, and the bytes, are those of a full
build, which writes every row through the same templates. Shared strings, not inline ones: they
keep the 台账 small (it repeats its names, states and dates on thousands of rows) and the bytes
those of XlsxWriter's cell-by-cell writing (test).

**What a row is made from.** A row of a plan sheet reads its occurrence (with its entry), the
model's plan, tasks and org, and ``as_of`` (the keys' *base*: :mod:`.page_keys`); a row of the
overdue sheet reads the same and the escalation's stage. So a holder's rows are kept under the
holder's key: the base, the holder, its occurrences' digests (those of the page keys, kept by
status file since h24o) and its overdue rows' stages. Ten changed status files make some ten
holders' rows again.

**One entry (h24af).** h24q kept each holder's rows as a memo entry of its own, a JSON text in
a JSON file with its digest: at a province, hundreds of files read, parsed twice and checked,
and each row made into an object, which cost as much as making the rows. Now every holder's
rows are one entry keyed by the base: the templates and texts once each for the whole 台账, each
row as its template's number and its texts' numbers (``row templates``, ``row texts``), and the
holders in order with their keys and how many plan and overdue rows they have (their rows come
one after the other). It is read into a :class:`~duban.outputs.row_store.RowStore` as numbers
(no row object) and checked with one digest and one pass over each list; the holders whose key
is the same take their rows by number.

**The workbook whole (h24ai).** The workbook is made of every holder's rows, in an order the
holders' occurrences and the base decide, and of nothing else; so it is kept too (base64, with
its digest), under a key of the rows' entry and every holder's key in order. A build in which
no holder's key changed (nothing changed, or only what the 台账 does not show) takes it whole:
no rows read, no sheet written or zipped, the rows' entry held rather than written again.

**Trust.** The entry is read as JSON (no class is made from the folder); the digest beside it
catches a cut or half-written entry; each template must be one the writer makes (its XML of
the writer's row and cells, numbers and fields only: ``sheet_rows.template_fields``), each row
as many texts as its template has fields, every number in range, the holders' rows adding up,
else every row is made again. A forged entry could put wrong values in the 台账, as a forged
page could put them in a page (the folder is trusted as the page cache is), but no markup.

Only a CI build uses this (a memo on disk that lives one build: ``mkdocs build`` with
``page_cache``), for a province (no CSV: the CSV needs every row's cells); ``mkdocs serve``
keeps its memo across builds and makes its 台账 in a thread after the pages (h24n).
"""

from __future__ import annotations

import base64
import json
import re
from itertools import chain
from typing import Any

from duban.evaluation.check_report import CheckReport
from duban.evaluation.evaluate import Evaluation, ItemState, State
from duban.load.cache import parts_digest
from duban.load.gcpause import collection_paused
from duban.model.model import Model
from duban.outputs.ledger import OVERDUE, ledger
from duban.outputs.ledger_files import ledger_xlsx_pieces
from duban.outputs.row_store import RowStore
from duban.outputs.sheet_rows import VALUE, template_fields
from duban.site import page_keys
from duban.site.kept_text import keep_text, kept_text

FORMAT = "ledger rows 3"
WORKBOOK, WORKBOOK_CHECK = "workbook", "workbook digest"
PIECES, CHECK = "pieces", "pieces digest"
TEMPLATES, TEXTS, HOLDERS = "templates", "texts", "holders"
ROW_TEMPLATES, ROW_TEXTS, ROW_VALUES = "row templates", "row texts", "row values"
_PARTS = {TEMPLATES, TEXTS, HOLDERS, ROW_TEMPLATES, ROW_TEXTS, ROW_VALUES}
_INT, _STR, _LIST = {int}, {str}, {list}

Kept = tuple[RowStore, dict[str, tuple[str, range, range]]]
"""The kept rows in their store, and each holder's key with its plan and overdue rows."""


class _Holder:
    """One holder's occurrences, its overdue ones and its rows' key."""

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
    entry = _entry(keys)
    for holder_id, holder in holders.items():
        late = [stages[id(i)] for i in holder.late]
        digests = keys.occurrences(holder.items)
        # the digests as one part: the same bytes as one part each (each ends with a NUL)
        joined = "\0".join(digests)
        holder.key = parts_digest(keys.base, FORMAT, holder_id, joined, json.dumps(late))
    # h24ai: the workbook is made of every holder's rows and the base alone, so with every
    # holder's key the same as when it was kept (nothing changed), it is that workbook
    whole = parts_digest(entry, WORKBOOK, "\0".join(h.key for h in holders.values()))
    workbook = _kept_workbook(memo, whole)
    if workbook is not None:
        memo.hold(entry)  # the rows stay kept for the next build that changes some
        return workbook
    store, sections = _kept(memo, entry) or (RowStore(), {})
    plan_rows: dict[int, int] = {}  # an occurrence's row by the occurrence's id
    late_rows: dict[int, int] = {}
    for holder_id, holder in holders.items():
        section = sections.get(holder_id)
        if section is None or section[0] != holder.key:
            continue
        _, plan, overdue = section
        if len(plan) == len(holder.items) and len(overdue) == len(holder.late):
            plan_rows.update(zip(map(id, holder.items), plan, strict=True))
            late_rows.update(zip(map(id, holder.late), overdue, strict=True))

    def kept(sheet: str, item: ItemState) -> int | None:
        return (late_rows if sheet == OVERDUE else plan_rows).get(id(item))

    book = ledger(model, evaluation, report, kept)
    data, sheets = ledger_xlsx_pieces(book, store=store)
    for plan_table, rows in zip(book.plans, sheets, strict=False):
        plan_rows.update(zip(map(id, plan_table.items), rows, strict=True))
    late_rows.update(zip(map(id, book.overdue_items), sheets[-1], strict=True))
    _keep(memo, entry, store, holders, plan_rows, late_rows)
    keep_text(memo, whole, WORKBOOK, WORKBOOK_CHECK, base64.b64encode(data).decode("ascii"))
    return data


def _kept_workbook(memo: page_keys.Memo, key: str) -> bytes | None:
    """The workbook kept under ``key`` (base64 in the memo's JSON), or None."""
    text = kept_text(memo, key, WORKBOOK, WORKBOOK_CHECK)
    if text is None:
        return None
    try:
        return base64.b64decode(text, validate=True)
    except ValueError:
        return None


def _entry(keys: page_keys.Keys) -> str:
    """The one entry of every holder's rows, while the keys' base holds."""
    return parts_digest(keys.base, FORMAT)


def is_kept(keys: page_keys.Keys, memo: page_keys.Memo) -> bool:
    """Whether rows are kept for this build's base (an earlier build of the same plans, org
    and date: h24ai starts the 台账 first then)."""
    return memo.has(_entry(keys))


def _keep(
    memo: page_keys.Memo,
    entry: str,
    store: RowStore,
    holders: dict[str, _Holder],
    plan_rows: dict[int, int],
    late_rows: dict[int, int],
) -> None:
    """Every holder's rows as one JSON text: the templates they use once each, each row by their
    numbers, the holders in order with their keys and counts. The texts are the store's as they
    are (a kept row's list of numbers is written as it was read) unless over a quarter of them
    are no longer used (the texts of rows made again pile up, build after build): then those
    used, renumbered."""
    listed: list[list[object]] = []
    order: list[int] = []
    for holder_id, holder in holders.items():
        plan = list(map(plan_rows.get, map(id, holder.items)))
        late = list(map(late_rows.get, map(id, holder.late)))
        if None in plan or None in late:
            continue  # an occurrence on no sheet (never, as the 台账 is made): not kept
        listed.append([holder_id, holder.key, len(plan), len(late)])
        order += plan  # type: ignore[arg-type]
        order += late  # type: ignore[arg-type]
    row_templates = list(map(store.templates_of.__getitem__, order))
    row_texts = list(map(store.texts_of.__getitem__, order))
    templates = dict(zip(dict.fromkeys(row_templates), range(len(row_templates)), strict=False))
    used = dict.fromkeys(chain.from_iterable(row_texts))
    texts = store.texts
    if len(used) < len(texts) * 3 // 4:
        renumbered = dict(zip(used, range(len(used)), strict=True))
        number = renumbered.__getitem__
        texts = list(map(texts.__getitem__, renumbered))
        row_texts = [list(map(number, row)) for row in row_texts]
    kept = {
        TEMPLATES: list(map(store.templates.__getitem__, templates)),
        TEXTS: texts,
        HOLDERS: listed,
        ROW_TEMPLATES: list(map(templates.__getitem__, row_templates)),
        ROW_TEXTS: row_texts,
        ROW_VALUES: list(map(store.values_of.__getitem__, order)),  # tuples written as lists
    }
    text = json.dumps(kept, ensure_ascii=False, separators=(",", ":"))
    keep_text(memo, entry, PIECES, CHECK, text)


def _kept(memo: page_keys.Memo, entry: str) -> Kept | None:
    """The rows kept under ``entry``, or None when not kept, unreadable or not what it says
    (then every row is made again)."""
    text = kept_text(memo, entry, PIECES, CHECK)
    if text is None:
        return None
    try:
        # hundreds of thousands of lists and strings, none in a cycle: the collector would
        # walk the build's unfrozen objects again and again while they are made (gcpause)
        with collection_paused():
            kept = json.loads(text)
    except ValueError:
        return None
    if not (isinstance(kept, dict) and set(kept) == _PARTS):
        return None
    templates, texts, holders = kept[TEMPLATES], kept[TEXTS], kept[HOLDERS]
    row_templates, row_texts = kept[ROW_TEMPLATES], kept[ROW_TEXTS]
    row_values = kept[ROW_VALUES]
    parts = (templates, texts, holders, row_templates, row_texts, row_values)
    if not all(type(part) is list for part in parts):
        return None
    known: dict[str, tuple[int, int]] = {}
    fields = [template_fields(t, known) for t in templates]
    if None in fields or not set(map(type, texts)) <= _STR:
        return None
    if not (_numbers(row_templates, len(templates)) and set(map(type, row_texts)) <= _LIST):
        return None
    if not _numbers(list(chain.from_iterable(row_texts)), len(texts)):
        return None
    if not (set(map(type, row_values)) <= _LIST and _values(row_values)):
        return None
    # each row as many texts and values as its template has fields
    text_fields = [f[0] for f in fields]  # type: ignore[index]
    value_fields = [f[1] for f in fields]  # type: ignore[index]
    if list(map(len, row_texts)) != list(map(text_fields.__getitem__, row_templates)):
        return None
    if list(map(len, row_values)) != list(map(value_fields.__getitem__, row_templates)):
        return None
    sections = _sections(holders, len(row_templates))
    if sections is None:
        return None
    store = RowStore(templates, texts)
    rows = store.extend(row_templates, row_texts, row_values)
    return store, {h: (key, rows[a:b], rows[b:c]) for h, (key, a, b, c) in sections.items()}


def _numbers(values: list[Any], count: int) -> bool:
    """Whether every value is a number in ``range(count)`` (none a bool)."""
    if not values:
        return True
    return set(map(type, values)) <= _INT and min(values) >= 0 and max(values) < count


def _values(rows: list[list[Any]]) -> bool:
    """Whether every value is a date's or a number's as the writer puts it in a cell (no
    markup): checked on them all joined by spaces, in one match (and as many spaces as joins:
    no value holds one)."""
    values = list(chain.from_iterable(rows))
    if not set(map(type, values)) <= _STR:
        return False
    joined = " ".join(values)
    if joined.count(" ") != max(len(values) - 1, 0):
        return False
    return not values or _VALUES.fullmatch(joined) is not None


_VALUES = re.compile(rf"{VALUE.pattern}(?: {VALUE.pattern})*")


def _sections(holders: list[object], rows: int) -> dict[str, tuple[str, int, int, int]] | None:
    """Each holder's key and where its plan rows start, its overdue rows start and end, the
    holders' rows one after the other and adding up to ``rows``; else None."""
    found: dict[str, tuple[str, int, int, int]] = {}
    at = 0
    for holder in holders:
        if not (type(holder) is list and len(holder) == 4):
            return None
        holder_id, key, plan, late = holder
        if not (
            type(holder_id) is str
            and type(key) is str
            and type(plan) is int
            and type(late) is int
            and plan >= 0
            and late >= 0
            and holder_id not in found
        ):
            return None
        found[holder_id] = (key, at, at + plan, at + plan + late)
        at += plan + late
    return found if at == rows else None
