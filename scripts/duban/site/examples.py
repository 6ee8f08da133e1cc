"""Examples for the hand-written guide, made from the repository's own data.

A page in docs/ may hold these markers; the plugin replaces each with text built here, so the
guide's examples name this repository's units, tasks and deadlines rather than any one plan's:

* ``<!-- duban:unit-example -->``: a sentence naming a real unit and its id;
* ``<!-- duban:unit-id -->``: that unit's id alone (in commands and file names);
* ``<!-- duban:plans -->``: a list of the repository's plans (title, issuer, document number,
  period), each linking to its page;
* ``<!-- duban:status-example -->``: a ``data/status/<unit>.yaml`` for a real unit, one entry
  for each kind of deadline it answers for (a one-off done, a period of a recurring duty, one in
  progress), as a YAML block.

Pure functions of the model; the dates in the example are the deadlines' own.
"""

from __future__ import annotations

import json

from duban.model.model import Model, Obligation
from duban.model.plan import Due, Task

MARKERS = (
    "<!-- duban:unit-example -->",
    "<!-- duban:status-example -->",
    "<!-- duban:plans -->",
    "<!-- duban:unit-id -->",
)


def _quoted(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def example_unit(model: Model) -> tuple[str, list[tuple[Obligation, Task, Due]]]:
    """The unit with the most kinds of deadline to show, and one obligation of each kind
    (first in id order among equals). One pass over the obligations, however many units."""
    picked: dict[str, dict[str, tuple[Obligation, Task, Due]]] = {}
    for obligation in model.obligations:
        if obligation.shared:
            continue
        mine = picked.setdefault(obligation.holder_id, {})
        task = model.tasks[obligation.task_id]
        for due in task.due:
            kind = "recurring" if due.kind == "recurring" else "once" if due.occurrences else ""
            if due.id in obligation.due_ids and kind and kind not in mine:
                mine[kind] = (obligation, task, due)
    best: tuple[str, list[tuple[Obligation, Task, Due]]] = ("", [])
    for holder in sorted(h for h in picked if h in model.holders):
        if len(picked[holder]) > len(best[1]):
            best = (holder, list(picked[holder].values()))
    return best


def unit_example(model: Model, holder: str | None = None) -> str:
    if holder is None:
        holder, _ = example_unit(model)
    entity = model.entity(holder)
    if entity is None:
        return "单位标识是一串小写字母、数字和连字符。"
    return f"单位标识是一串小写字母、数字和连字符，例如{entity.name}是 `{holder}`。"


def _entry(model: Model, task: Task, due: Due, in_progress: bool) -> list[str]:
    """The fields of one status entry, in the order the data format documents them."""
    occurrence = due.occurrences[0]
    fields = [f"plan: {task.plan_id}"] if not model.single_plan else []
    fields.append(f"task: {_quoted(task.local_id.split('/')[0])}")
    if task.is_item:
        fields.append(f"item: {_quoted(task.local_id.split('/', 1)[1])}")
    if len(task.due) > 1:
        fields.append(f"due: {due.id}")
    if occurrence.key:
        fields.append(f"period: {_quoted(occurrence.key)}")
    if in_progress:
        fields += ["state: in-progress", "progress: 50", f"summary: {_quoted('正在推进。')}"]
    else:
        fields += [
            "state: done",
            f"done: {occurrence.due.isoformat()}",
            f"summary: {_quoted('已按要求完成。')}",
            "evidence:",
            f"  - title: {_quoted('相关文件或报告名称')}",
            "    url: https://example.gov.cn/path/to/document.pdf",
            f"    date: {occurrence.due.isoformat()}",
        ]
    return [("  - " if i == 0 else "    ") + field for i, field in enumerate(fields)]


def status_example(
    model: Model, example: tuple[str, list[tuple[Obligation, Task, Due]]] | None = None
) -> str:
    holder, picked = example or example_unit(model)
    lines = ["```yaml", f"unit: {holder}", "obligations:" if picked else "obligations: []"]
    for index, (_, task, due) in enumerate(picked):
        lines += _entry(model, task, due, in_progress=index == len(picked) - 1 and index > 0)
    lines.append("```")
    return "\n".join(lines)


def _escaped(text: str) -> str:
    """Plain text inside Markdown: no HTML, no link or emphasis syntax from the data."""
    table = {c: f"&#{ord(c)};" for c in "<>&[]()*_`\\|#"}
    return text.translate(str.maketrans(table))


def plan_list(model: Model, page_path: str = "") -> str:
    """One line per plan, newest first, linking to the plan's page (relative to the docs root)."""
    depth = "../" * page_path.count("/")
    lines = []
    for plan in model.plans_in_order():
        issuer = model.entity(plan.issuer)
        facts = [issuer.name if issuer else plan.issuer]
        if plan.document_number:
            facts.append(plan.document_number)
        facts.append(f"{plan.period_start.isoformat()} 至 {plan.period_end.isoformat()}")
        lines.append(
            f"- [{_escaped(plan.title)}]({depth}plans/{plan.id}/index.md)："
            + _escaped("，".join(facts))
        )
    return "\n".join(lines)


def fill_examples(markdown: str, model: Model, page_path: str = "") -> str:
    """The page with every marker replaced (pages without markers are returned unchanged).
    ``page_path``: the page's path in the docs tree, for relative links."""
    if "<!-- duban:" not in markdown:
        return markdown
    example = example_unit(model)  # one choice of unit for every marker on the page
    markdown = markdown.replace(MARKERS[0], unit_example(model, example[0]))
    markdown = markdown.replace(MARKERS[2], plan_list(model, page_path))
    markdown = markdown.replace(MARKERS[3], example[0] or "unit")
    return markdown.replace(MARKERS[1], status_example(model, example))
