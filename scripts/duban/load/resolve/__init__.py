"""From schema-valid documents to the resolved :class:`~duban.model.Model`, checking every rule
that spans files on the way. One module per kind of file:

* :mod:`.org`: kinds, units, groups, bodies, and the one resolver of names (:class:`.Names`);
* :mod:`.plans`: each plan's facts; :mod:`.tasks` and :mod:`.dues`: tasks, sub-items, roles and
  deadlines (checks in ``TASK_RULES``, deadline builders in ``BUILDERS``);
* :mod:`.links`: ``implements``, the links from a task to the upper task it carries out;
* :mod:`.obligations`: each task x holder, one per shared duty;
* :mod:`.status`: status entries matched to obligations (checks in ``ENTRY_RULES``).

The checks and the model are one pass on purpose: a rule such as "this alias names exactly one
unit" is the same code that resolves the alias, so the two can never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass

from duban.load.resolve.context import Inputs, PlanInputs, Report, parse_date, source_of
from duban.load.resolve.links import FoundLink, check_links
from duban.load.resolve.obligations import build_obligations
from duban.load.resolve.org import Org
from duban.load.resolve.plan_duties import build_plan_task, read_rules
from duban.load.resolve.plans import build_plan
from duban.load.resolve.status import TaskFinder, build_status
from duban.load.resolve.tasks import PlanTasks
from duban.model.model import Model, newest_first
from duban.model.plan import Plan
from duban.model.problems import Problem

__all__ = [
    "Inputs",
    "PlanInputs",
    "Resolved",
    "TaskFinder",
    "build_model",
    "parse_date",
    "source_of",
]


@dataclass(frozen=True)
class Resolved:
    """The model, and the resolver of task references that the records are checked with."""

    model: Model
    finder: TaskFinder


def build_model(inputs: Inputs) -> tuple[Resolved | None, list[Problem]]:
    """Resolve the documents into a model; returns None with the problems if any rule fails."""
    report = Report()
    org = Org(report, inputs.org)
    plans: dict[str, Plan] = {}
    for plan_inputs in inputs.plans:
        if plan_inputs.plan is None:
            continue
        plan = build_plan(report, org, plan_inputs.plan, plan_inputs.folder)
        if plan is not None:
            plans[plan.id] = plan
    ranks = {p.id: rank for rank, p in enumerate(newest_first(plans.values()))}
    tasks = {}
    windows = {}
    broken = set(inputs.broken_plans)
    links: list[FoundLink] = []
    for plan_inputs in inputs.plans:
        plan = plans.get(plan_inputs.folder)
        if plan is None:
            broken.add(plan_inputs.folder)
            continue
        rules = read_rules(report, plan_inputs.plan, plan)
        built = PlanTasks(report, org, plan, ranks[plan.id], rules)
        built.add(plan_inputs.tasks)
        duties = build_plan_task(
            report, org, plan_inputs.plan, plan, built.tasks, built.windows, ranks[plan.id]
        )
        if duties is not None:
            built.tasks[duties.id] = duties
        tasks.update(built.tasks)
        links.extend(built.links)
        windows.update(built.windows)
        broken.update(f"{plan.id}/{t}" for t in plan_inputs.broken_task_ids | built.broken)
    check_links(report, links, tasks, plans, broken)
    ordered = sorted(tasks.values(), key=lambda t: t.order)
    obligations = build_obligations(ordered, windows)
    finder = TaskFinder(tasks, sorted(plans), broken)
    signed = {plan.id: plan.signed for plan in plans.values()}
    status = build_status(report, inputs.status, finder, org.units, org.groups, obligations, signed)
    if report.problems:
        return None, sorted(set(report.problems))
    model = Model(
        plans=plans,
        units=org.units,
        groups=org.groups,
        tasks=tasks,
        obligations=obligations,
        status=status,
        kinds=org.kinds,
        bodies=org.bodies,
        names=org.names.as_dict(),
    )
    return Resolved(model, finder), []
