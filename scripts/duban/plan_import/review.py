"""The review report (Markdown, Chinese): every clause not fully understood with its line and
text, every unit name not matched, every assumption, every numbered item kept as text only."""

from __future__ import annotations

import html

from duban.i18n.messages import language, say
from duban.model.problems import printable
from duban.plan_import.accounting import lines as accounting_lines
from duban.plan_import.deadlines import UNDATED_ID, UNWRITTEN_ID
from duban.plan_import.plan import Finding, Imported


def _inline(text: str) -> str:
    """Text from the document or its file name as Markdown on one line: controls, line breaks and
    bidirectional characters escaped (``printable``), no HTML, no code span or table cell ended."""
    text = printable(text).replace("`", "'").replace("|", "｜")
    return html.escape(text, quote=False)


def _quote(text: str) -> str:
    text = " ".join(text.split())
    if len(text) > 160:
        text = text[:157] + "……"
    return "「" + _inline(text) + "」" if text else ""


def _lines(findings: list[Finding], empty: str) -> list[str]:
    if not findings:
        return [f"- {empty}", ""]
    out = []
    for finding in sorted(findings, key=lambda f: f.line):
        where = (
            say(f"line {finding.line}", f"第 {finding.line} 行")
            if finding.line
            else say("whole document", "全文")
        )
        quoted = _quote(finding.text)
        colon = say(": ", "：")
        out.append(f"- {where}{colon}{_inline(finding.what)}" + (colon + quoted if quoted else ""))
    return [*out, ""]


def _grouped(findings: list[Finding], empty: str) -> list[str]:
    """One line per name, with every line it appears on."""
    if not findings:
        return [f"- {empty}", ""]
    lines: dict[tuple[str, str], list[int]] = {}
    for finding in findings:
        lines.setdefault((finding.what, finding.text), []).append(finding.line)
    out = []
    for (what, text), numbers in sorted(lines.items(), key=lambda item: min(item[1])):
        shown = "、".join(str(n) for n in sorted(set(numbers)) if n)
        where = say(f"lines {shown}", f"第 {shown} 行") if shown else say("whole document", "全文")
        out.append(f"- {_quote(text)}（{where}）{say(': ', '：')}{_inline(what)}")
    return [*out, ""]


def review_markdown(result: Imported, source: str) -> str:
    """The review in Chinese, or English with ``--lang en`` (the findings quote the document and
    stay as the importer wrote them, in Chinese)."""
    plan, tasks = result.plan, result.tasks
    items = sum(_count_items(t) for t in tasks)
    provisions = sum(len(s.get("provisions", [])) for s in plan["sections"])
    roles = sum(_count(t, "roles") for t in tasks)
    dues = sum(_count(t, "due") for t in tasks)
    org = result.org
    new = len(org.new_units) + len(org.new_groups) + len(org.new_bodies)
    without = [t for t in tasks if not _has_due(t)]
    numbering = (
        say("numbered through the plan", "全文连续编号")
        if plan["task_numbering"] == "plan"
        else say("numbering restarts in each section", "各章重新编号")
    )
    none = say("none", "无")
    sections = len(plan["sections"])
    lines = [
        say("# Import review: ", "# 导入核对报告：") + _inline(plan["title"]),
        "",
        say("- Document: ", "- 原文文件：") + f"`{_inline(source)}`（{result.reading}）",
        say(
            f"- Plan id: `{plan['id']}`; task numbering: {numbering}",
            f"- 方案标识：`{plan['id']}`；任务编号方式：{numbering}",
        ),
        say(
            f"- {sections} sections, {len(tasks)} tasks ({items} sub-items), "
            f"{provisions} non-task provisions",
            f"- 章节 {sections} 个，任务 {len(tasks)} 项（子项 {items} 个），"
            f"非任务条目 {provisions} 条",
        ),
        say(
            f"- {roles} tasks and sub-items with roles, {dues} with computable deadlines; "
            f"{new} new units, groups or bodies",
            f"- 有分工的任务和子项 {roles} 个，有可计算时限的 {dues} 个；"
            f"新建单位、单位组或机构 {new} 个",
        ),
        "",
        say(
            "Every task, sub-item and provision keeps the document's full text. Check each line "
            "below against the document, correct the data, then run `duban validate`.",
            "每项任务、子项和非任务条目都保留了原文全文。"
            "下列各项请逐条核对原文后修改数据，再运行 `duban validate`。",
        ),
        "",
        say("## 1. Clauses not fully understood", "## 一、未能完全识别的条款"),
        "",
        *_lines(result.unread, none),
        say(
            "## 2. Names not matched (created, to be checked)",
            "## 二、未能匹配的单位名称（已新建，待核对）",
        ),
        "",
        *_grouped(
            result.unmatched,
            say("none: every name matched the org file", "无：所有单位名称都与单位名录匹配"),
        ),
        say("## 3. Assumptions made", "## 三、导入时所作的假设"),
        "",
        *_lines(result.assumptions, none),
        say("## 4. Tasks without a computable deadline", "## 四、没有可计算时限的任务"),
        "",
        *(
            [
                say(
                    f"- task {t['id']}: {_quote(t['title'])} (no obligation falls due: add a "
                    "deadline or confirm)",
                    f"- 任务 {t['id']}：{_quote(t['title'])}（不产生到期义务，请补充时限或确认）",
                )
                for t in without
            ]
            or [f"- {none}"]
        ),
        "",
        say(
            "## 5. Numbered items kept as provisions (no roles, no deadline)",
            "## 五、作为非任务条目保存的编号条目（没有分工和时限）",
        ),
        "",
        *(
            [
                f"- {s['numeral']}、{_quote(s['title'])} "
                + say("under ", "下")
                + f"（{p['numeral']}）{_quote(p['title'])}"
                for s in plan["sections"]
                for p in s.get("provisions", [])
            ]
            or [f"- {none}"]
        ),
        "",
        say("## 6. Leaders (people, not units)", "## 六、领导（人名，不是单位）"),
        "",
        say(
            "Written as the task's leaders (name, post, text), never as units: check the names.",
            "以下领导写入相应任务的 leaders（姓名、职务、原文），不作为单位，请核对姓名：",
        ),
        "",
        *_lines(result.leaders, none),
        say(
            "## 7. Targets and amounts in the text (not made data)",
            "## 七、原文中的指标和数量（未转为数据）",
        ),
        "",
        say(
            "These figures stand in a task's text but became no deadline, count or indicator: "
            "check whether they should be data.",
            "下列数字写在任务原文中，但没有成为时限、次数或指标，请核对是否需要补充为数据：",
        ),
        "",
        *_lines(result.figures, none),
        say("## 8. Where the document's text went", "## 八、原文文字的去向"),
        "",
        say(
            "Each character of the document (white space not counted) is in exactly one of "
            "these; the text not understood is listed line by line in part 1.",
            "原文的每个字（不计空白）都归入下列一处；“未能识别”的文字已在第一部分逐段列出。",
        ),
        "",
        *(
            accounting_lines(result.accounting, language() == "en")
            if result.accounting
            else [f"- {none}"]
        ),
        "",
        *(
            [say("Website chrome and furniture left out:", "未采用的网页栏目和公文格式文字："), ""]
            if result.chrome
            else []
        ),
        *[f"- {_quote(line)}" for line in result.chrome],
        *([""] if result.chrome else []),
    ]
    return "\n".join(lines)


def _count_items(item: dict) -> int:
    return sum(1 + _count_items(child) for child in item.get("items", []))


def _count(item: dict, key: str) -> int:
    here = _computable(item) if key == "due" else bool(item.get(key))
    return (1 if here else 0) + sum(_count(child, key) for child in item.get("items", []))


def _computable(item: dict) -> bool:
    """A due item that falls due: not the marked 原文未写完成时限 nor a year-less 6月底前 in a
    plan that names no year (h18a)."""
    return any(d.get("id") not in (UNWRITTEN_ID, UNDATED_ID) for d in item.get("due", []))


def _has_due(item: dict) -> bool:
    return _computable(item) or any(_has_due(c) for c in item.get("items", []))
