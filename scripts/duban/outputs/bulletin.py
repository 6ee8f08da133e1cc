"""The 督办通报: the monthly bulletin the supervising office sends to every unit.

:func:`bulletin` turns a :class:`~duban.evaluation.check_report.CheckReport` (the same report
``duban check`` prints) into a :class:`Bulletin`, a document as a list of blocks: every figure in it
is read from the report, so it equals ``duban check --format json`` for the same date by
construction.
The words are the office's; the steps required next come from the rules data (each ladder
stage's ``next_step``). Renderers build Markdown, HTML and .docx (python-docx, in the layout
of GB/T 9704-2012); none of them writes a file.
"""

from __future__ import annotations

import datetime as dt
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

from duban.evaluation.cascade import LinkedReport
from duban.evaluation.check_report import CheckItem, CheckReport, Summary
from duban.evaluation.evaluate import State
from duban.i18n.locale import office_words
from duban.i18n.periods import period_words
from duban.model.model import Model
from duban.outputs.bulletin_leaders import leader_lines
from duban.outputs.bulletin_linked import linked_paragraphs
from duban.outputs.official_words import cn_number, official_punctuation

# The fonts GB/T 9704-2012 names, as Word and WPS expect their names (the .docx names them so;
# the HTML falls back to similar fonts after them).
FANGSONG = "仿宋_GB2312"
XIAOBIAOSONG = "方正小标宋简体"
HEITI = "黑体"
KAITI = "楷体_GB2312"
SONGTI = "宋体"
TYPE_AREA_MM = 156
"""The type area's width (GB/T 9704-2012: 156 × 225 mm)."""


def masthead_points(name: str) -> int:
    """The 发文机关标志's size in points, the same in every format: as large as fits 85 % of
    the type area's width on one line (at most 48 pt, never below the title's 22 pt)."""
    width_pt = TYPE_AREA_MM / 25.4 * 72 * 0.85
    return max(22, min(48, int(width_pt / max(1, len(name)))))


@dataclass(frozen=True)
class Block:
    """One paragraph: ``kind`` is ``h1`` (一、 黑体), ``h2`` (（一） 楷体), ``h3`` (1. bold)
    or ``p`` (body text)."""

    kind: str
    text: str


@dataclass(frozen=True)
class Bulletin:
    title: str
    number: str
    addressees: str
    blocks: tuple[Block, ...]
    issuer: str
    date: dt.date
    attachment: tuple[tuple[str, ...], ...] = ()
    """附件, header row first (empty when nothing is overdue): every overdue item, or, when
    there are more than ``ATTACHMENT_MAX_ITEMS``, one row per unit."""
    attachment_title: str = "逾期未完成事项清单"
    masthead: str | None = None
    """版头's 发文机关标志 (printed in red with a red line under it), or None for none: a
    document printed on the office's pre-printed letterhead paper."""
    cc: str = ""
    """版记's 抄送 (none when empty)."""
    imprint: bool = True
    """版记 at the end: 抄送, 印发机关 (the issuer) and 印发日期 (the date)."""

    @property
    def date_text(self) -> str:
        """Arabic numerals, as GB/T 9704-2012 writes the date: 2011年3月15日."""
        return office_words().date(self.date)

    @property
    def printed_text(self) -> str:
        """版记's 印发日期: 2011年3月15日印发."""
        return f"{self.date_text}印发"


def _names(report: CheckReport, ids: tuple[str, ...] | list[str]) -> str:
    return "、".join(report.holders[i].name if i in report.holders else i for i in ids)


def default_title(model: Model) -> str:
    plans = model.plans_in_order()
    if len(plans) == 1:
        return f"关于《{plans[0].title}》落实情况的督办通报"
    return "关于重点任务落实情况的督办通报"


def default_issuer(model: Model) -> str:
    issuers = {p.issuer for p in model.plans.values()}
    if len(issuers) == 1:
        only = next(iter(issuers))
        holder = model.entity(only)
        return holder.name if holder is not None else only
    return "督查室"


def default_addressees(model: Model) -> str:
    plans = model.plans_in_order()
    if len(plans) == 1 and plans[0].addressees:
        return plans[0].addressees
    return "各有关单位"


def overview(report: CheckReport, summary: Summary, model: Model) -> list[Block]:
    """一、总体情况: the counts, honest about what was never reported."""
    as_of = office_words().date(report.as_of)
    s = summary.states
    blocks = []
    if summary.nothing_reported:
        blocks.append(
            Block(
                "p",
                f"截至{as_of}，尚无任何单位报送落实情况。以下所列逾期事项均为未报送，"
                "不代表已报送但逾期。",
            )
        )
    for plan_id in summary.plans_ended:
        plan = model.plans[plan_id]
        blocks.append(
            Block("p", f"《{plan.title}》实施期已于{office_words().date(plan.period_end)}结束。")
        )
    w = office_words().state_long
    blocks.append(
        Block(
            "p",
            f"截至{as_of}，纳入督办的任务事项共{summary.total}项（不含{w['not-applicable']}事项"
            f"{s['not-applicable']}项）。其中，{w['done-on-time']}{s['done-on-time']}项，"
            f"{w['done-late']}{s['done-late']}项；{w['overdue']}{report.overdue}项，其中已报送进展"
            f"{report.overdue_reported}项、{office_words().not_reported}{report.overdue_not_reported}项；"
            f"{w['missed']}（到期未达到规定次数或数量）{s['missed']}项；{w['due-soon']}"
            f"（{report.due_soon_days}天内到期）{report.due_soon}项；{w['not-due']}{s['not-due']}项；"
            f"{w['ongoing']}{s['ongoing']}项"
            # states only some deadlines reach, named when they occur
            + "".join(f"；{w[k]}{s[k]}项" for k in ("done-early", "waiting") if s[k])
            + "。",
        )
    )
    blocks.append(
        Block(
            "p",
            f"已报送落实情况的单位{len(summary.units_reported)}个，已报送事项"
            f"{summary.reported}项，尚未报送{summary.not_reported}项。",
        )
    )
    return blocks


def on_time(report: CheckReport, summary: Summary) -> list[Block]:
    if not summary.units_on_time:
        return [Block("p", "截至目前，尚无单位按期完成全部到期任务。")]
    return [
        Block(
            "p",
            f"以下{len(summary.units_on_time)}个单位按期完成了全部到期任务："
            f"{_names(report, summary.units_on_time)}。",
        )
    ]


def _what(ci: CheckItem) -> str:
    """The task, and which deadline and period when it has several: periods in words
    (2024年第一季度, not 2024-Q1)."""
    parts = []
    if len(ci.task.due) > 1:
        parts.append(ci.due.label or ci.due.id)
    if ci.item.key:
        parts.append(period_words(ci.item.key))
    return ci.task.heading + (f"（{' '.join(parts)}）" if parts else "")


ATTACHMENT_HEADER = ("序号", "单位", "任务", "到期日", "逾期天数", "报送情况", "督办阶段")


def attachment_rows(report: CheckReport) -> tuple[tuple[str, ...], ...]:
    """Every overdue item, by unit in the order of the body: the bulletin's 附件."""
    items_of = {h.id: items for h, items in report.units}
    rows = [ATTACHMENT_HEADER]
    for unit in report.unit_summaries():
        for ci in items_of[unit.holder.id]:
            if ci.item.state is not State.OVERDUE:
                continue
            rows.append(
                (
                    str(len(rows)),
                    unit.holder.name,
                    _what(ci),
                    ci.item.due.strftime("%Y.%m.%d"),  # a hyphen would let a date break
                    str(ci.item.days_late),
                    "已报送进展" if ci.reported else "未报送",
                    ci.escalation.stage_name if ci.escalation is not None else "",
                )
            )
    return tuple(rows) if len(rows) > 1 else ()


UNIT_ATTACHMENT_HEADER = (
    "序号",
    "单位",
    "逾期未完成事项",
    "其中未报送",
    "最长逾期天数",
    "最高督办阶段",
    "涉及任务",
)


def unit_attachment_rows(report: CheckReport) -> tuple[tuple[str, ...], ...]:
    """One row per unit with something overdue, in the order of the body."""
    items_of = {h.id: items for h, items in report.units}
    rows = [UNIT_ATTACHMENT_HEADER]
    for unit in report.unit_summaries():
        if not unit.overdue:
            continue
        rows.append(
            (
                str(len(rows)),
                unit.holder.name,
                str(unit.overdue),
                str(unit.overdue_not_reported),
                str(unit.longest_days_late),
                unit.highest_stage or "",
                _labels(items_of[unit.holder.id]),
            )
        )
    return tuple(rows) if len(rows) > 1 else ()


UNITS_IN_BODY = 50
"""Units named one by one in 逾期未完成情况; the rest are in the attachment (a province has
hundreds of units with something overdue: the body of a 通报 stays a few pages)."""
ATTACHMENT_MAX_ITEMS = 1_000
"""Above this many overdue items the attachment lists units, not items (the item by item
台账 is ``duban export xlsx``): a Word table of tens of thousands of rows helps no reader."""


def overdue_blocks(report: CheckReport) -> list[Block]:
    """逾期未完成 by unit: the units most escalated first, each with its delay."""
    summaries = [u for u in report.unit_summaries() if u.overdue]
    if not summaries:
        return [Block("p", "截至目前，无逾期未完成事项。")]
    labels = {h.id: _labels(items) for h, items in report.units}
    detail = (
        "逐项明细见附件"
        if report.overdue <= ATTACHMENT_MAX_ITEMS
        else "各单位情况见附件，逐项明细见督办台账"
    )
    blocks = [
        Block(
            "p",
            f"共{len(summaries)}个单位有逾期未完成事项{report.overdue}项，按督办阶段和逾期"
            f"事项数排列如下，{detail}。",
        )
    ]
    for n, unit in enumerate(summaries[:UNITS_IN_BODY], 1):
        blocks.append(Block("h2", f"（{cn_number(n)}）{unit.holder.name}"))
        line = f"逾期未完成{unit.overdue}项"
        if unit.overdue_not_reported:
            line += f"（其中未报送{unit.overdue_not_reported}项）"
        line += f"，最长逾期{unit.longest_days_late}天"
        if unit.highest_stage:
            line += f"，最高督办阶段：{unit.highest_stage}"
        line += f"。涉及任务：{labels[unit.holder.id]}。"
        blocks.append(Block("p", line))
    rest = summaries[UNITS_IN_BODY:]
    if rest:
        late = sum(u.overdue for u in rest)
        blocks.append(Block("p", f"其余{len(rest)}个单位共有逾期未完成事项{late}项，见附件。"))
    leaders = leader_lines(report)
    if leaders:  # the leaders the plan names beside the units: people, not units
        blocks.append(Block("p", "方案明确的领导所涉任务的逾期情况如下："))
        blocks.extend(Block("p", line) for line in leaders)
    return blocks


def _labels(items: tuple[CheckItem, ...]) -> str:
    """The overdue tasks, each once: with titles when there are at most three, else their
    labels alone: （八）（九）（十）. Tasks of several plans are named plan by plan (two plans
    may both have a task 五（四）)."""
    overdue = [ci for ci in items if ci.item.state is State.OVERDUE]
    plans: dict[str | None, list[CheckItem]] = {}
    for ci in overdue:
        plans.setdefault(ci.plan_name, []).append(ci)
    if len(plans) <= 1:
        return _plan_labels(overdue)
    return "；".join(f"《{name}》{_plan_labels(cis)}" for name, cis in plans.items())


def _plan_labels(items: list[CheckItem]) -> str:
    seen: dict[str, str] = {}
    for ci in items:
        seen.setdefault(ci.task.id, ci.task.label or ci.task.local_id)
    if len(seen) <= 3:  # few: name them; many: their numbers (the 附件 names each)
        titled = {ci.task.id: ci.task.heading for ci in items}
        return "、".join(titled[k] for k in seen)
    return "".join(v if v.startswith("（") else f"{v}、" for v in seen.values()).rstrip("、")


def flagged(report: CheckReport) -> list[Block]:
    if not report.flags:
        return [Block("p", "本期无单位被排名通报或检查验收规则标记。")]
    blocks = []
    for flag in report.flags:
        since = f"（{office_words().date(flag.since)}起）" if flag.since else ""
        blocks.append(Block("p", f"{_names(report, [flag.holder_id])}：{flag.message}{since}。"))
    return blocks


def requirements(report: CheckReport) -> list[Block]:
    """下步要求: each escalation stage's next step (rules data), for the units at that stage."""
    stages: OrderedDict[tuple[int, str, str], list[str]] = OrderedDict()
    for ci in sorted(report.items, key=lambda c: -c.stage_rank):
        esc = ci.escalation
        if ci.item.state is not State.OVERDUE or esc is None or not esc.next_step:
            continue
        units = stages.setdefault((ci.stage_rank, esc.stage_name, esc.next_step), [])
        if ci.item.holder_id not in units:
            units.append(ci.item.holder_id)
    blocks = []
    n = 0
    for (_, name, step), units in stages.items():
        n += 1
        blocks.append(
            Block("p", f"（{cn_number(n)}）处于“{name}”阶段的{_names(report, units)}：{step}。")
        )
    n += 1
    blocks.append(
        Block(
            "p",
            f"（{cn_number(n)}）各责任单位对照本通报逐项落实，在本单位落实情况中如实填报"
            "工作进展、存在问题和下步计划；已完成的事项及时报送完成日期和佐证材料。",
        )
    )
    return blocks


def bulletin(
    model: Model,
    report: CheckReport,
    *,
    title: str | None = None,
    number: str | None = None,
    issuer: str | None = None,
    addressees: str | None = None,
    masthead: str | None = None,
    cc: str = "",
    imprint: bool = True,
    linked: LinkedReport | None = None,
) -> Bulletin:
    """The bulletin for ``report`` (built with
    :func:`duban.evaluation.check_report.check_report`).

    ``number``: the 发文字号; without one the document has no number line (a placeholder would
    be sent as it stands). ``masthead``: the 发文机关标志, ``""`` for the issuer's name, None
    for no 版头. ``cc``: 抄送 in the 版记; ``imprint``: whether the 版记 is written at all.
    ``linked`` (``--include-linked``): a section on the tasks below each upper task."""
    summary = report.summary
    assert summary is not None, "check_report always sets the summary"
    below = linked_paragraphs(linked, report.as_of) if linked is not None else None
    sections = [
        ("总体情况", overview(report, summary, model)),
        ("按期完成情况", on_time(report, summary)),
        ("逾期未完成情况", overdue_blocks(report)),
        *([("下级落实情况", [Block(*p) for p in below])] if below is not None else []),
        ("排名和考评通报", flagged(report)),
        ("下步要求", requirements(report)),
    ]
    issuer = issuer or default_issuer(model)
    blocks = [
        Block("p", f"现将截至{office_words().date(report.as_of)}各项任务落实情况通报如下。"),
    ]
    for n, (heading, body) in enumerate(sections, 1):
        blocks.append(Block("h1", f"{cn_number(n)}、{heading}"))
        blocks.extend(body)
    return Bulletin(
        title=title or default_title(model),
        number=(number or "").strip(),
        addressees=official_punctuation(addressees or default_addressees(model)),
        blocks=tuple(blocks),
        issuer=issuer,
        date=report.as_of,
        masthead=None if masthead is None else (masthead.strip() or issuer),
        cc=official_punctuation(cc),
        imprint=imprint,
        **_attachment(report),
    )


def _attachment(report: CheckReport) -> dict[str, Any]:
    if report.overdue <= ATTACHMENT_MAX_ITEMS:
        return {"attachment": attachment_rows(report)}
    return {"attachment": unit_attachment_rows(report), "attachment_title": "逾期未完成单位清单"}
