"""The rows of a status table and the entries of a report feed, printed in Python.

A province site has about 100,000 status-table rows. Printed by the macros in ``_macros.html``
each row took some ten nested macro calls (``plan_task_link`` → ``task_link``, ``shared_note``
→ ``holder_link``, ``due_cell`` → ``date``, ``item_light`` → ``light``, ``evidence`` →
``outlink``…); in a profile of a 250-unit render the status table was a third of the time and
the report feed a fifth, most of it Jinja's macro calls, attribute lookups and escaping. These
functions print the same bytes as those macros, which other templates still use (the ones only
the rows called are kept in ``tests/site/templates/_old_row_macros.html``):
``tests/site/test_render_rows.py`` renders both and compares them, so a change to one without the
other fails there.

An empty cell (``dbn-nil``) is printed empty: the stylesheet draws its dash (h24b: the site's
bytes at province scale, where most cells of most rows are empty). Every value from data goes
through :func:`duban.site.env.html`, the same finalize and autoescape a template applies to
``{{ value }}``; URLs of evidence go through ``https_url`` as in ``outlink``. The strings here
are plain ``str`` built with f-strings: ``str + Markup`` would escape the markup on the left, so
escaped values are only ever interpolated.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from markupsafe import Markup

from duban.evaluation.evaluate import ItemState, State
from duban.i18n.locale import Locale
from duban.i18n.periods import period_words
from duban.model.model import Model
from duban.model.plan import Task
from duban.model.status import Evidence, StatusEntry
from duban.outputs.urls import Linker
from duban.site.env import html, https_url, iso
from duban.site.plan_bodies import plan_bodies, plans_of
from duban.site.status_rows import StatusRow

_DAYS_LATE = frozenset({"overdue", "done-late", "missed"})
_DAYS_LEFT = frozenset({"due-soon", "not-due"})
_DASH = '<span class="dbn-muted">–</span>'
_SEP = '<span class="dbn-sep">、</span>'


class RowPrinter:
    """What one page's status rows and feed entries need, bound once per page (the same
    things ``render_page`` gives its templates)."""

    def __init__(
        self,
        t: Locale,
        link: Linker,
        m: Model,
        name: Callable[[str], str],
        label: Callable[[Task], str],
        title_of: Callable[[Task], str],
        rank: Callable[[Task], int],
        plan_name: Callable[[str], str],
        count_text: Callable[[StatusRow], str | None],
        many_plans: bool,
        severity: Callable[[State | None], int],
    ) -> None:
        self.t, self.link, self.m = t, link, m
        self.name, self.label, self.title_of, self.rank = name, label, title_of, rank
        self.plan_name, self.count_text = plan_name, count_text
        self.many_plans, self.severity = many_plans, severity
        # the locale's words, escaped once a page instead of once a row; read lazily, so a
        # page without status rows asks its locale for nothing more than before
        self._words: dict[str, str] = {}
        self._states: dict[str, str] = {}
        self._task_links: dict[tuple[int, bool], str] = {}
        self._order: dict[str, int] | None = None

    def word(self, path: str) -> str:
        """``{{ t.a.b }}``: a locale string by its dotted path, escaped."""
        text = self._words.get(path)
        if text is None:
            node: Any = self.t
            for key in path.split("."):
                node = node[key]
            text = self._words[path] = html(node)
        return text

    def state_word(self, value: str) -> str:
        """``{{ t.state[value] }}``."""
        text = self._states.get(value)
        if text is None:
            text = self._states[value] = html(self.t.state[value])
        return text

    # -- the macros' counterparts, one each --------------------------------------------------
    def light(self, state: State | None, detail: str | None = None) -> str:
        if not state:
            return f'<span class="dbn-muted">{self.word("none")}</span>'
        extra = f'<span class="dbn-light__detail">{html(detail)}</span>' if detail else ""
        return (
            f'<span class="dbn-light dbn-light--{html(state.value)}">'
            f"{self.state_word(state.value)}{extra}</span>"
        )

    def item_light(self, item: ItemState) -> str:
        value = item.state.value
        if value in _DAYS_LATE:
            return self.light(item.state, self.t.format("days_late", days=item.days_late))
        if value in _DAYS_LEFT:
            return self.light(item.state, self.t.format("days_left", days=item.days_left))
        return self.light(item.state)

    def unreported(self, item: ItemState) -> str:
        if item.reported or item.state.value == "not-applicable":
            return ""
        return (
            f' <span class="dbn-tag dbn-tag--unreported" title="{self.word("not_reported_hint")}">'
            f"{self.word('not_reported')}</span>"
        )

    def date(self, day: Any) -> str:
        if not day:
            return _DASH
        return f"<time>{html(iso(day))}</time>"

    def progress(self, entry: StatusEntry | None) -> str:
        if not (entry and entry.progress is not None):
            return _DASH
        value = html(entry.progress)
        return (
            '<span class="dbn-progress"><svg class="dbn-progress__bar" viewBox="0 0 100 6" '
            'preserveAspectRatio="none" aria-hidden="true"><rect class="dbn-progress__track" '
            f'width="100" height="6"/><rect class="dbn-progress__fill" width="{value}" '
            f'height="6"/></svg>{value}%</span>'
        )

    def outlink(self, url: str | None, text: Any) -> str:
        safe = https_url(url)
        if not safe:
            return f"<span>{html(text)}</span>"
        return (
            f'<a class="dbn-out" href="{html(safe)}" rel="noopener noreferrer external" '
            f'referrerpolicy="no-referrer">{html(text)}</a>'
        )

    def evidence(self, entry: StatusEntry | None) -> str:
        if not (entry and entry.evidence):
            return _DASH
        return f'<ul class="dbn-evidence">{"".join(map(self._evidence_item, entry.evidence))}</ul>'

    def _evidence_item(self, e: Evidence) -> str:
        day = f' <span class="dbn-muted">{html(iso(e.date))}</span>' if e.date else ""
        return f"<li>{self.outlink(e.url, e.title)}{day}</li>"

    def holder_link(self, holder_id: str) -> str:
        return (
            f'<a class="dbn-unit" href="{html(self.link.unit(holder_id))}">'
            f"{html(self.name(holder_id))}</a>"
        )

    def holder_links(self, holder_ids: Iterable[str]) -> str:
        """Holder links separated by 、 (the loops of ``shared_note`` and ``status_table``)."""
        return _SEP.join(map(self.holder_link, holder_ids))

    def task_link(self, task: Task, short: bool = False) -> str:
        title = f" {html(self.title_of(task))}" if not short and task.title else ""
        return (
            f'<a href="{html(self.link.task(task.id))}">'
            f'<span class="dbn-num">{html(self.label(task))}</span>{title}</a>'
        )

    def plan_task_link(self, task: Task, short: bool = False) -> str:
        # a unit's page links a task once per occurrence and once per report of it: print each
        # link once a page (keyed by identity: the model keeps its tasks alive all build long)
        key = (id(task), short)
        text = self._task_links.get(key)
        if text is None:
            text = self._task_links[key] = self._plan_task_link(task, short)
        return text

    def _plan_task_link(self, task: Task, short: bool) -> str:
        if not self.many_plans:
            return self.task_link(task, short)
        return (
            f'{self.task_link(task, short)}<div class="dbn-sub dbn-plan" data-search-exclude>'
            f"{html(self.plan_name(task.plan_id))}</div>"
        )

    def shared_note(self, item: ItemState, holder_id: str | None = None) -> str:
        if not item.is_shared:
            return ""
        others = [h for h in item.holders if h != holder_id]
        return (
            f'<div class="dbn-sub dbn-shared"><span class="dbn-tag">{self.word("shared")}</span>'
            f"{self.holder_links(others)}</div>"
        )

    def due_cell(self, r: StatusRow) -> str:
        if r.ongoing:
            return f'<span class="dbn-ongoing">{self.word("state.ongoing")}</span>'
        if r.item.state.value == "waiting":  # no date until its event
            return f'<span class="dbn-muted">{self.word("task.after_waiting")}</span>'
        return self.date(r.item.due)

    # -- status_table's rows -----------------------------------------------------------------
    def status_rows(
        self,
        rows: Iterable[StatusRow],
        first: str,
        show_item: bool = True,
        holder_id: str | None = None,
    ) -> Markup:
        """The ``<tr>`` rows of ``status_table``, each ending in a newline (rows are
        :class:`duban.site.status_rows.StatusRow`); on a unit's page, rows of several plans
        under one heading row per plan (h24f, :mod:`duban.site.plan_bodies`)."""
        rows = list(rows)
        if holder_id and first == "task" and self.many_plans and len(plans_of(rows)) > 1:
            return Markup(
                plan_bodies(
                    rows,
                    7 + show_item,
                    list(self.m.plans),
                    self.plan_name,
                    lambda r: self.status_row(r, first, show_item, holder_id, with_plan=False),
                )
            )
        return Markup("".join([self.status_row(r, first, show_item, holder_id) for r in rows]))

    def status_row(
        self,
        r: StatusRow,
        first: str,
        show_item: bool,
        holder_id: str | None,
        with_plan: bool = True,
    ) -> str:
        item = r.item
        if first == "task":
            head = self._task_cell(r, holder_id, with_plan)
        else:
            head = self._holder_cell(item)
        return (
            f'<tr data-state="{html(item.state.value)}">\n'
            f"{head}{self._item_cell(r) if show_item else ''}"
            f"{self._due_td(r)}\n"
            f"{self._state_cell(r)}\n"
            f"{self._done_cell(r.entry)}\n"
            f"{self._progress_cell(r.entry)}\n"
            f"{self._evidence_cell(r.entry)}\n"
            f"{self._last_update_cell(r.last_update)}\n"
            "</tr>\n"
        )

    def _due_td(self, r: StatusRow) -> str:
        """The due date's cell: sorted by its text, which is the date, unless the cell says
        持续推进 or waits for its event (then by the date it holds)."""
        if r.ongoing or r.item.state.value == "waiting":
            return f'<td data-value="{html(iso(r.item.due))}">{self.due_cell(r)}</td>'
        return f"<td>{self.due_cell(r)}</td>"

    def _task_cell(self, r: StatusRow, holder_id: str | None, with_plan: bool = True) -> str:
        """The first cell on a unit's page: the task, who shares it, and (on the holder's own
        page) the report button and the ids a clerk writes: those in ``data-ids``, shown by
        the table's one 标识 toggle (h24f: a toggle in every row was 15 MB of a province)."""
        task = r.task
        clerk = ids = ""
        if holder_id:
            ids = f' data-ids="{html(r.ids)}"'
            if r.report:
                clerk = (
                    '<a class="dbn-button dbn-button--small dbn-report dbn-noprint" '
                    f'href="{html(r.report)}" rel="noopener noreferrer" '
                    f'referrerpolicy="no-referrer">{self.word("report_progress")}</a>'
                )
        link = self.plan_task_link(task) if with_plan else self.task_link(task)
        return (
            f'<td class="dbn-cell--title" data-value="{html(self.rank(task))}"{ids}>'
            f"{link}{self.shared_note(r.item, holder_id)}{clerk}</td>"
        )

    def _holder_cell(self, item: ItemState) -> str:
        """The first cell on a task's page: the holder, or every holder of a shared duty."""
        if not item.is_shared:
            return f'<td class="dbn-cell--title">{self.holder_link(item.holder_id)}</td>'
        return (
            f'<td class="dbn-cell--title">{self.holder_links(item.holders)}'
            f'<div class="dbn-sub"><span class="dbn-tag">{self.word("shared")}</span></div></td>'
        )

    def _item_cell(self, r: StatusRow) -> str:
        key = r.item.key
        text: str
        if r.label:
            text = html(r.label)
        elif not key:
            text = f'<span class="dbn-muted">{self.word("task.main_deadline")}</span>'
        else:
            text = ""
        period = (
            f'<div class="dbn-sub">{html(period_words(key, self.t.language))}</div>' if key else ""
        )
        return f"<td>{text}{period}</td>"

    def _state_cell(self, r: StatusRow) -> str:
        item = r.item
        count = self.count_text(r)
        notes = f'<div class="dbn-sub dbn-count">{html(count)}</div>' if count else ""
        if item.reason:
            notes += f'<div class="dbn-sub dbn-text">{html(item.reason)}</div>'
        escalation = r.escalation
        if escalation:
            notes += (
                f'<div class="dbn-sub"><span class="dbn-stage dbn-stage--{html(escalation.stage)}">'
                f"{html(escalation.stage_name)}</span></div>"
            )
        severity = html(self.severity(item.state))
        return (
            f'<td data-value="{severity}">'
            f"{self.item_light(item)}{self.unreported(item)}{notes}</td>"
        )

    def _done_cell(self, e: StatusEntry | None) -> str:
        if e and e.done:
            return f"<td>{self.date(e.done)}</td>"
        return '<td class="dbn-nil"></td>'

    def _progress_cell(self, e: StatusEntry | None) -> str:
        progress = e.progress if e is not None else None
        known = progress is not None
        value = html(progress) if known else "-1"
        nil = "" if known else ' class="dbn-nil"'
        shown = self.progress(e) if known else ""
        return f'<td data-value="{value}"{nil}>{shown}</td>'

    def _evidence_cell(self, e: StatusEntry | None) -> str:
        said = e and (e.evidence or e.summary or e.problems or e.next_steps)
        text = self.evidence(e)
        if e and e.summary:
            text += f'<div class="dbn-sub dbn-text dbn-clamp">{html(e.summary)}</div>'
        if e and e.problems:
            text += (
                f'<div class="dbn-sub dbn-text"><strong>{self.word("col.problems")}：</strong>'
                f"{html(e.problems)}</div>"
            )
        if e and e.next_steps:
            text += (
                f'<div class="dbn-sub dbn-text"><strong>{self.word("col.next_steps")}：</strong>'
                f"{html(e.next_steps)}</div>"
            )
        if not said:
            return '<td class="dbn-nil"></td>'
        return f"<td>{text}</td>"

    def _last_update_cell(self, day: Any) -> str:
        if not day:
            return '<td class="dbn-nil"></td>'
        return f"<td>{self.date(day)}</td>"

    # -- feed's entries ----------------------------------------------------------------------
    def feed_items(self, history: Iterable[Any]) -> Markup:
        """The ``<li>`` entries of ``feed``, each ending in a newline (``history`` holds
        :class:`duban.site.reports.ReportEntry`)."""
        return Markup("".join([self.feed_item(r) for r in history]))

    def feed_item(self, r: Any) -> str:
        day = html(iso(r.date))
        parts = [
            f'<li><time datetime="{day}">{day}</time><div>',
            self.plan_task_link(self.m.tasks[r.task_id]),
        ]
        if r.key:
            parts.append(f' <span class="dbn-muted">{html(r.key)}</span>')
        parts.append(self._report_tail(r, " "))
        return "".join(parts)

    def _report_tail(self, r: Any, before_done: str) -> str:
        """What a report says after its task and period, in the feed and on history pages:
        done or not, its words, who reported it; the entry's end."""
        parts = []
        if r.kind == "done":
            parts.append(
                f'{before_done}<span class="dbn-light dbn-light--done-on-time dbn-light--compact">'
                f"{self.word('feed_done')}</span>"
            )
        if r.text:
            parts.append(f'<p class="dbn-text">{html(r.text)}</p>')
        if r.by:
            parts.append(f'<p class="dbn-sub">{self.word("unit.reported_by")}{html(r.by)}</p>')
        parts.append("</div></li>\n")
        return "".join(parts)

    # -- a history page's entries, by task (h24b) ------------------------------------------
    def history_items(self, history: Iterable[Any]) -> Markup:
        """A history page's reports grouped by task, in the plans' order, each task's newest
        first: the task (and its plan) named once over its reports instead of on every one of
        them, which was two thirds of a province's history pages."""
        by_task: dict[str, list[Any]] = {}
        for report in history:
            by_task.setdefault(report.task_id, []).append(report)
        order = self._task_order()
        parts = []
        for task_id in sorted(by_task, key=lambda tid: order.get(tid, len(order))):
            parts.append(
                f'<div class="dbn-history-task"><p class="dbn-history-task__name">'
                f'{self.plan_task_link(self.m.tasks[task_id])}</p>\n<ol class="dbn-feed">\n'
            )
            parts.extend(self.history_item(r) for r in by_task[task_id])
            parts.append("</ol></div>\n")
        return Markup("".join(parts))

    def _task_order(self) -> dict[str, int]:
        if self._order is None:
            self._order = {tid: n for n, tid in enumerate(self.m.tasks)}
        return self._order

    def history_item(self, r: Any) -> str:
        """One report under its task's name: the date, the period, done or not, the words."""
        day = html(iso(r.date))
        parts = [f'<li><time datetime="{day}">{day}</time><div>']
        if r.key:
            parts.append(f'<span class="dbn-muted">{html(r.key)}</span> ')
        parts.append(self._report_tail(r, ""))
        return "".join(parts)
