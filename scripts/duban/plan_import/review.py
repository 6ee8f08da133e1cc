"""The review report (Markdown, Chinese): every clause not fully understood with its line and
text, every unit name not matched, every assumption, every numbered item kept as text only."""

from __future__ import annotations

import html

from duban.model.problems import printable
from duban.plan_import.accounting import lines as accounting_lines
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
        where = f"第 {finding.line} 行" if finding.line else "全文"
        quoted = _quote(finding.text)
        out.append(f"- {where}：{_inline(finding.what)}" + (f"：{quoted}" if quoted else ""))
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
        where = f"第 {shown} 行" if shown else "全文"
        out.append(f"- {_quote(text)}（{where}）：{_inline(what)}")
    return [*out, ""]


def review_markdown(result: Imported, source: str) -> str:
    plan, tasks = result.plan, result.tasks
    items = sum(_count_items(t) for t in tasks)
    provisions = sum(len(s.get("provisions", [])) for s in plan["sections"])
    roles = sum(_count(t, "roles") for t in tasks)
    dues = sum(_count(t, "due") for t in tasks)
    org = result.org
    new = len(org.new_units) + len(org.new_groups) + len(org.new_bodies)
    without = [t for t in tasks if not _has_due(t)]
    numbering = "全文连续编号" if plan["task_numbering"] == "plan" else "各章重新编号"
    lines = [
        f"# 导入核对报告：{_inline(plan['title'])}",
        "",
        f"- 原文文件：`{_inline(source)}`（{result.reading}）",
        f"- 方案标识：`{plan['id']}`；任务编号方式：{numbering}",
        f"- 章节 {len(plan['sections'])} 个，任务 {len(tasks)} 项（子项 {items} 个），"
        f"非任务条目 {provisions} 条",
        f"- 有分工的任务和子项 {roles} 个，有可计算时限的 {dues} 个；"
        f"新建单位、单位组或机构 {new} 个",
        "",
        "每项任务、子项和非任务条目都保留了原文全文。"
        "下列各项请逐条核对原文后修改数据，再运行 `duban validate`。",
        "",
        "## 一、未能完全识别的条款",
        "",
        *_lines(result.unread, "无"),
        "## 二、未能匹配的单位名称（已新建，待核对）",
        "",
        *_grouped(result.unmatched, "无：所有单位名称都与单位名录匹配"),
        "## 三、导入时所作的假设",
        "",
        *_lines(result.assumptions, "无"),
        "## 四、没有可计算时限的任务",
        "",
        *(
            [
                f"- 任务 {t['id']}：{_quote(t['title'])}（不产生到期义务，请补充时限或确认）"
                for t in without
            ]
            or ["- 无"]
        ),
        "",
        "## 五、作为非任务条目保存的编号条目（没有分工和时限）",
        "",
        *(
            [
                f"- {s['numeral']}、{_quote(s['title'])} 下（{p['numeral']}）{_quote(p['title'])}"
                for s in plan["sections"]
                for p in s.get("provisions", [])
            ]
            or ["- 无"]
        ),
        "",
        "## 六、领导（人名，不是单位）",
        "",
        "数据中还没有记录领导的字段：以下领导写在相应任务文件开头的注释中，不作为单位。",
        "",
        *_lines(result.leaders, "无"),
        "## 七、原文中的指标和数量（未转为数据）",
        "",
        "下列数字写在任务原文中，但没有成为时限、次数或指标，请核对是否需要补充为数据：",
        "",
        *_lines(result.figures, "无"),
        "## 八、原文文字的去向",
        "",
        "原文的每个字（不计空白）都归入下列一处；“未能识别”的文字已在第一部分逐段列出。",
        "",
        *(accounting_lines(result.accounting) if result.accounting else ["- 未统计"]),
        "",
        *(["未采用的网页栏目和公文格式文字：", ""] if result.chrome else []),
        *[f"- {_quote(line)}" for line in result.chrome],
        *([""] if result.chrome else []),
    ]
    return "\n".join(lines)


def _count_items(item: dict) -> int:
    return sum(1 + _count_items(child) for child in item.get("items", []))


def _count(item: dict, key: str) -> int:
    return (1 if item.get(key) else 0) + sum(_count(child, key) for child in item.get("items", []))


def _has_due(item: dict) -> bool:
    return bool(item.get("due")) or any(_has_due(c) for c in item.get("items", []))
