"""``implements``: links from a task or sub-item to the upper task it carries out.

Read while each task is built (:func:`read_links`: the shape of each reference), then checked
against every plan of the data folder once all tasks exist (:func:`check_links`): a link to a
plan, task or sub-item of this repository must name one that exists, a task may not implement
itself, and the links may not go round in a circle (A implements B implements A, through any
number of tasks; a sub-item counts as its task). A link to another repository
(``<source>:<plan>/<task>``) is checked for its shape only: that repository checks its tasks.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from duban.load.resolve.context import Report
from duban.load.strict_yaml import Document, KeyPath
from duban.model.links import Link, parse_link
from duban.model.plan import Task

SHOWN_IDS = 12
"""At most this many ids are named when a target is not found (the rest as …)."""


@dataclass(frozen=True)
class FoundLink:
    """A well-formed ``implements`` entry and where it is written."""

    node: str
    """The key of the task or sub-item that declares it (``<plan>/<task>[/<item>]``)."""
    link: Link
    doc: Document
    keys: KeyPath

    @property
    def top(self) -> str:
        plan, _, rest = self.node.partition("/")
        return f"{plan}/{rest.split('/')[0]}"


def read_links(
    report: Report, doc: Document, keys: KeyPath, data: dict[str, Any], node: str
) -> list[FoundLink]:
    """The entries of ``implements`` of one task or sub-item; a malformed one is reported."""
    found: list[FoundLink] = []
    seen: set[str] = set()
    for i, entry in enumerate(data.get("implements", [])):
        if isinstance(entry, str):
            text, as_written, where = entry, None, (*keys, "implements", i)
        else:
            text, as_written = entry["to"], entry.get("as_written")
            where = (*keys, "implements", i, "to")
        link = parse_link(text, as_written)
        if link is None:
            report(
                doc,
                where,
                f"{text!r} is not a task reference: write <plan>/<task> or "
                "<plan>/<task>/<item> (a task of another repository: <source>:<plan>/<task>)",
            )
            continue
        if link.ref in seen:
            report(doc, where, f"{link.ref} is listed twice")
            continue
        seen.add(link.ref)
        found.append(FoundLink(node, link, doc, where))
    return found


def _listed(ids: Iterable[str]) -> str:
    ids = list(ids)
    shown = ", ".join(ids[:SHOWN_IDS])
    return shown + (", …" if len(ids) > SHOWN_IDS else "")


def check_links(
    report: Report,
    found: list[FoundLink],
    tasks: dict[str, Task],
    plans: Iterable[str],
    broken: set[str],
) -> None:
    """Every local target exists, no task implements itself, and the links make no circle.

    ``broken``: plan folders and ``<plan>/<task>`` keys whose files failed earlier checks:
    links to them are not reported again."""
    plan_ids = sorted(plans)
    good: list[FoundLink] = []
    for entry in found:
        link = entry.link
        if not link.is_local:
            continue
        message = _missing(link, tasks, plan_ids, broken)
        if message == "":
            continue  # its file failed: already reported there
        if message is not None:
            report(entry.doc, entry.keys, message)
        elif link.top == entry.top:
            report(
                entry.doc,
                entry.keys,
                "a task cannot implement itself or one of its own sub-items",
            )
        else:
            good.append(entry)
    _check_circles(report, good)


def _missing(link: Link, tasks: dict[str, Task], plans: list[str], broken: set[str]) -> str | None:
    """Why the target does not exist (None: it does; "": its file is broken)."""
    if link.plan not in plans:
        if link.plan in broken:
            return ""
        return f"there is no plan {link.plan} (plans: {_listed(plans)})"
    if link.top not in tasks:
        if link.top in broken:
            return ""
        own = sorted(
            (t for t in tasks.values() if t.plan_id == link.plan and t.parent is None),
            key=lambda t: t.order,
        )
        known = _listed(t.local_id for t in own)
        return f"no task {link.task} in plan {link.plan} (its tasks: {known})"
    if link.target not in tasks:
        top = tasks[link.top]
        items = [k.removeprefix(top.id + "/") for k in _subtree(tasks, top.id)]
        if not items:
            return f"task {link.top} has no sub-items: write {link.top}"
        return f"task {link.top} has no sub-item {link.item} (its sub-items: {_listed(items)})"
    return None


def _subtree(tasks: dict[str, Task], key: str) -> list[str]:
    result = []
    for child in tasks[key].children:
        result.append(child)
        result.extend(_subtree(tasks, child))
    return result


def _check_circles(report: Report, links: list[FoundLink]) -> None:
    """Report each circle once, at the link that leaves its first task (in sorted order)."""
    graph: dict[str, dict[str, FoundLink]] = {}
    for entry in links:
        graph.setdefault(entry.top, {}).setdefault(entry.link.top, entry)
    for component in _strong_components(graph):
        if len(component) < 2:
            continue
        start = min(component)
        chain = _path_back(graph, start, component)
        first = graph[start][chain[1]]
        shown = " -> ".join(chain)
        report(
            first.doc,
            first.keys,
            f"the links go round in a circle: {shown}: remove one of them",
        )


def _path_back(graph: dict[str, dict[str, FoundLink]], start: str, within: set[str]) -> list[str]:
    """The shortest path start -> … -> start inside one strongly connected component."""
    previous: dict[str, str] = {}
    frontier = [start]
    while frontier:
        following = []
        for node in frontier:
            for nxt in sorted(graph.get(node, {})):
                if nxt not in within:
                    continue
                if nxt == start:
                    path = [node]
                    while path[-1] != start:
                        path.append(previous[path[-1]])
                    return [*reversed(path), start]
                if nxt not in previous:
                    previous[nxt] = node
                    following.append(nxt)
        frontier = following
    return [start, start]  # pragma: no cover - a component of two or more always has a circle


def _strong_components(graph: dict[str, dict[str, FoundLink]]) -> list[set[str]]:
    """Tarjan's strongly connected components, iteratively (a province links thousands)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    result: list[set[str]] = []
    counter = 0
    nodes = sorted(set(graph) | {t for targets in graph.values() for t in targets})
    for root in nodes:
        if root in index:
            continue
        work = [(root, iter(sorted(graph.get(root, {}))))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph.get(child, {})))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                component = set()
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.add(member)
                    if member == node:
                        break
                result.append(component)
    return result
