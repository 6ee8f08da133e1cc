"""The words of every problem message, in Chinese (the default) and English, kept in one place.

Problems are made in English by every stage (``Problem.message``): the English text is the key.
When a problem is printed, ``translate`` finds the catalogue entry whose pattern matches the
whole English message and fills its Chinese template with the same values (names, ids, dates,
lines), so the values and the position ``path:line:col: field`` are identical in both languages.
A message no entry matches is printed in English, never lost.

The language is ``zh`` unless ``DUBAN_LANG=en`` or ``--lang en`` (``set_language``) says so.
"""

from __future__ import annotations

import os
import re

from duban.i18n.languages import DEFAULT_LANGUAGE, LANGUAGES

_chosen: str | None = None


def set_language(language: str | None) -> None:
    """Choose the language of printed messages for this process (None: from the environment)."""
    global _chosen
    _chosen = language if language in LANGUAGES else None


def language() -> str:
    """``zh`` or ``en``: ``set_language``, else ``DUBAN_LANG``, else ``zh``."""
    if _chosen:
        return _chosen
    wanted = os.environ.get("DUBAN_LANG", "").strip().lower()[:2]
    return wanted if wanted in LANGUAGES else DEFAULT_LANGUAGE


# Chinese words a clerk may write for the state of a report (status files: not-started,
# in-progress, done, not-applicable), and the value to write instead. The evaluated states
# (overdue, done on time …) are words of the site and the office: i18n/locale/*.yaml.
REPORTED_STATE_WORDS = {
    "未开始": "not-started",
    "尚未开始": "not-started",
    "未启动": "not-started",
    "推进中": "in-progress",
    "进行中": "in-progress",
    "正在推进": "in-progress",
    "正在办理": "in-progress",
    "办理中": "in-progress",
    "已启动": "in-progress",
    "已完成": "done",
    "完成": "done",
    "已办结": "done",
    "办结": "done",
    "已落实": "done",
    "不适用": "not-applicable",
}
REPORTED_STATE_NAMES = {
    "not-started": "未开始",
    "in-progress": "推进中",
    "done": "已完成",
    "not-applicable": "不适用",
}

# Field names shown beside a suggestion in Chinese when the schema gives no title.
_V = r"(?P<{}>.+?)"


def _p(pattern: str) -> re.Pattern[str]:
    """A catalogue pattern: ``{name}`` is any text (as short as possible), kept as is."""
    return re.compile(re.sub(r"\{(\w+)\}", lambda m: _V.format(m.group(1)), pattern) + r"\Z", re.S)


# English pattern -> Chinese template. More specific entries come first: the first match wins.
# A template may use {x|t}: the captured text x, itself translated (a message inside a message).
_CATALOGUE: list[tuple[re.Pattern[str], str]] = [
    (_p(en), zh)
    for en, zh in [
        # YAML syntax (loader.py): hints a clerk can act on
        (
            r"YAML syntax: a Tab is used for indentation: indent with spaces",
            "YAML 格式：请用空格缩进，不要用 Tab 键",
        ),
        (
            r"YAML syntax: a colon followed by a space inside text: put the text in quotes "
            r"\(\"…\"\) or write the colon as ：",
            'YAML 格式：文字中有英文冒号时请用引号括起（"…"），或改用中文冒号“：”',
        ),
        (
            r"YAML syntax: wrong indentation: line this up with '{key}' on line {line} "
            r"\(column {col}\)",
            "YAML 格式：缩进不对，本行应与第 {line} 行的 {key} 对齐（第 {col} 列）",
        ),
        (
            r"YAML syntax: the quote opened on line {line} is never closed: add the closing quote",
            "YAML 格式：第 {line} 行的引号没有闭合，请补上另一半引号",
        ),
        (
            r"YAML syntax: the '{open}' opened on line {line} is not closed with '{close}' "
            r"\(or a comma is missing between items\)",
            "YAML 格式：第 {line} 行的“{open}”没有配对的“{close}”（或项目之间少了英文逗号）",
        ),
        (r"YAML syntax: {rest}", "YAML 格式错误：{rest}"),
        (r"YAML: {rest}", "YAML 格式错误：{rest}"),
        # loader.py
        (
            r"only one YAML document is allowed in a file",
            "一个文件只能有一个 YAML 文档（删去 --- 分隔的其余部分）",
        ),
        (r"nested deeper than {n} levels", "嵌套超过 {n} 层"),
        (r"more than {n} values in one file", "一个文件中的值超过 {n} 个"),
        (
            r"aliases \(\*name\) are not allowed: write the value out in full",
            "不允许使用别名（*名称）：请把内容完整写出",
        ),
        (
            r"anchors \(&name\) are not allowed: write the value out in full",
            "不允许使用锚点（&名称）：请把内容完整写出",
        ),
        (r"tags such as {tag} are not allowed", "不允许使用 {tag} 这样的标签"),
        (r"merge keys \(<<\) are not allowed", "不允许使用合并键（<<）"),
        (r"keys must be plain text, without tags or anchors", "键名须为普通文字，不带标签或锚点"),
        (r"keys must be plain text", "键名须为普通文字"),
        (
            r"duplicate key {key} \(first given on line {line}\)",
            "键 {key} 重复（第 {line} 行已写过）：请删去其中一处",
        ),
        (
            r"{value} is ambiguous \(a boolean in old YAML, text in YAML 1.2\): "
            r"write true or false, or put it in quotes",
            "{value} 有歧义：请写 true 或 false，或用引号括起",
        ),
        (r"{value} is not a finite number", "{value} 不是有限的数"),
        (
            r"{value} is too large: numbers must lie between -10\^15 and 10\^15",
            "{value} 太大：数字须在 -10^15 到 10^15 之间",
        ),
        (
            r"contains U\+{code} \(tab\): remove it",
            "含有 Tab 字符（U+{code}）：请删去，缩进请用空格",
        ),
        (r"contains U\+{code} \(line break\): remove it", "含有换行符（U+{code}）：请删去"),
        (
            r"contains U\+{code} \(noncharacter\): remove it",
            "含有非字符 U+{code}（Unicode 永不分配的码位，Word、Excel 文件无法保存）：请删去",
        ),
        (r"contains U\+{code} \({name}\): remove it", "含有不可见字符 U+{code}（{name}）：请删去"),
        (
            r"is a symbolic link: duban does not follow links in the data folder",
            "是符号链接：数据文件夹中不跟随链接",
        ),
        (r"is a directory, not a YAML file", "是文件夹，不是 YAML 文件"),
        (r"is larger than the limit of {n} bytes", "超过 {n} 字节的上限"),
        (r"is not valid UTF-8 text", "不是有效的 UTF-8 文本：请用 UTF-8 编码保存"),
        (r"cannot be read: {reason}", "无法读取：{reason}"),
        (
            r"is not a regular file: {what}",
            "不是普通文件（{what|t}）：数据文件夹中只读取普通文件",
        ),
        (r"a named pipe \(FIFO\)", "命名管道 FIFO"),
        (r"a socket", "套接字"),
        (r"a device", "设备文件"),
        (r"a directory", "文件夹"),
        (r"a symbolic link", "符号链接"),
        (r"not a file", "非文件"),
        (
            r"has more than {n} items: split the data or remove items",
            "超过 {n} 项：请拆分数据或删去部分项",
        ),
        (
            r"has more than {n} fields: split the data or remove fields",
            "超过 {n} 个字段：请拆分数据或删去部分字段",
        ),
        # project.py
        (r"is empty", "为空"),
        (r"is missing", "缺少此文件"),
        (r"folder is missing", "缺少此文件夹"),
        (r"is not a data folder", "不是数据文件夹"),
        (
            r"is ignored: name it <id>.yaml",
            "已忽略：文件名应为 <标识>.yaml（小写字母、数字和连字符）",
        ),
        (r"belongs in {where} now", "现应放在 {where}"),
        (r"schema file is missing", "缺少 schema 文件"),
        (r"is not a usable JSON Schema: {error}", "不是可用的 JSON Schema：{error}"),
        # load/schemas.py
        (
            r"unknown field: did you mean {name} \({title} / {english}\)\? \(allowed here: {allowed}\)",
            "未知字段：是否应为 {name}（{title}）？（此处可用：{allowed}）",
        ),
        (
            r"unknown field: did you mean {name}\? \(allowed here: {allowed}\)",
            "未知字段：是否应为 {name}？（此处可用：{allowed}）",
        ),
        (r"unknown field \(allowed here: {allowed}\)", "未知字段（此处可用：{allowed}）"),
        (r"unknown field", "未知字段"),
        (r"is required when {given} is given", "填写了 {given} 时必须填写"),
        (r"is required: {why}", "必须填写：{why|t}"),
        (r"is required", "必须填写"),
        (
            r"must be one of: {allowed} \(got {got}\): write {value} for {word}",
            "应为以下之一：{allowed}（现为 {got}）：“{word}”请写 {value}",
        ),
        (r"must be one of: {allowed} \(got {got}\)", "应为以下之一：{allowed}（现为 {got}）"),
        (
            r"must be a date written YYYY-MM-DD, such as 2010-06-30 \(got {got}\): write {date}",
            "日期须写成 年-月-日，如 2010-06-30（现为 {got}）：请写 {date}",
        ),
        (
            r"must be a date written YYYY-MM-DD, such as 2010-06-30 \(got {got}\)",
            "日期须写成 年-月-日，如 2010-06-30（现为 {got}）",
        ),
        (
            r"must be an https:// link without spaces or quotes \(got {got}\)",
            "须为 https:// 开头、不含空格和引号的链接（现为 {got}）",
        ),
        (
            r"must be an id: lowercase letters, digits and hyphens \(got {got}\)",
            "须为标识：小写字母、数字和连字符（现为 {got}）",
        ),
        (r"must be a single line of text \(got {got}\)", "须为一行文字，不能换行（现为 {got}）"),
        (
            r"must be a name of lowercase letters, digits, _ and - \(got {got}\)",
            "须为由小写字母、数字、_ 和 - 组成的名称（现为 {got}）",
        ),
        (
            r"is not a GitHub account: write a user name \(alice\) or a team \(@org/team\) "
            r"\(got {got}\)",
            "不是 GitHub 账号：请写用户名（alice）或团队（@org/team）（现为 {got}）",
        ),
        (
            r"does not have the required form {form} \(got {got}\)",
            "格式不对，须符合 {form}（现为 {got}）",
        ),
        (r"{value} is not a real date", "{value} 不是真实存在的日期"),
        (r"{value} is not a real {what}", "{value} 不是有效的 {what}"),
        (r"must be text, not {got}", "须为文字，而不是 {got|t}"),
        (r"must be a whole number, not {got}", "须为整数，而不是 {got|t}"),
        (r"must be a number, not {got}", "须为数字，而不是 {got|t}"),
        (r"must be a mapping of fields, not {got}", "须为“字段: 值”的映射，而不是 {got|t}"),
        (r"must be a list, not {got}", "须为列表（每项以“- ”开头），而不是 {got|t}"),
        (r"must be true or false, not {got}", "须为 true 或 false，而不是 {got|t}"),
        (r"must be {wanted}, not {got}", "须为 {wanted}，而不是 {got|t}"),
        (r"a mapping", "映射"),
        (r"a list", "列表"),
        (r"must be at least {n} \(got {got}\)", "不能小于 {n}（现为 {got}）"),
        (r"must be at most {n} \(got {got}\)", "不能大于 {n}（现为 {got}）"),
        (r"must be {expected} \(got {got}\)", "须为 {expected}（现为 {got}）"),
        (r"must not be empty", "不能为空"),
        (r"is longer than {n} characters", "超过 {n} 个字"),
        (r"needs at least {n} items", "至少需要 {n} 项"),
        (r"has more than {n} items", "超过 {n} 项"),
        (r"lists the same item twice", "同一项列了两次"),
        (r"has a key that is not an allowed name: {rest}", "有不允许的键名：{rest}"),
        (r"{value} is not valid here: {what}", "{value} 在此处无效：{what}"),
        (r"{value} is not valid here", "{value} 在此处无效"),
        # status, records and the org (load/resolve/, load/records/)
        (
            r"task {task} has several deadlines for this unit \({known}\)",
            "任务 {task} 对本单位有多项时限（{known}），请填写 due",
        ),
        (
            r"task {task} has no deadline {due} for this unit \(its deadlines: {known}\)",
            "任务 {task} 对本单位没有时限 {due}（其时限：{known}）",
        ),
        (
            r"deadline {due} of task {task} recurs every {every}",
            "任务 {task} 的时限 {due} 是周期性的（{every|t}），请填写期次 period",
        ),
        (
            r"{value} is not a period of this duty \(periods: {periods}\)",
            "{value} 不是此项任务的期次（期次：{periods}）",
        ),
        (
            r"deadline {due} of task {task} does not recur: leave period out",
            "任务 {task} 的时限 {due} 不是周期性的：请删去 period",
        ),
        (r"there is no task {task}", "没有任务 {task}"),
        (r"there is no plan {plan} \(plans: {known}\)", "没有方案 {plan}（现有方案：{known}）"),
        (
            r"plan is required: this folder holds several plans \({known}\)",
            "必须填写 plan：本仓库有多个方案（{known}）",
        ),
        (
            r"task number {n} is used in several sections: write the task id",
            "任务序号 {n} 在多个部分重复使用：请写任务标识",
        ),
        (
            r"task {task} has no sub-item {item} \(its sub-items: {items}\)",
            "任务 {task} 没有子项 {item}（其子项：{items}）",
        ),
        (r"{unit} has no obligation under task {task}", "{unit} 在任务 {task} 下没有任务分工"),
        (r"is before started", "早于开始日期 started"),
        (
            r"{day} is before {earliest}, a year before the plan was signed \({signed}\): "
            r"write the day the work was done",
            "{day} 早于 {earliest}（方案 {signed} 印发前一年），不可能是落实本方案的日期："
            "请填写工作实际开展或完成的日期",
        ),
        (r"is before date", "早于 date 日期"),
        (
            r"is given but state is {state}: set state to done, or remove the date",
            "已填写，但状态为 {state}：请把 state 改为 done，或删去此日期",
        ),
        (
            r"task {task} reads no figure {name} \(figures it reads: {known}\)",
            "任务 {task} 不读取数字 {name}（它读取：{known}）",
        ),
        (
            r"task {task} names no deliverable {name} \(its deliverables: {known}\)",
            "任务 {task} 没有成果 {name}（其成果：{known}）",
        ),
        (
            r"are only for duties with a number of times or an amount per period",
            "只用于每期有次数或数量要求的任务",
        ),
        (
            r"{day} is outside the period {period} \({span}\)",
            "{day} 不在期次 {period} 之内（{span}）",
        ),
        (
            r"the same obligation is already reported on line {line}",
            "同一项任务已在第 {line} 行填报",
        ),
        (
            r"group {group} lists its members: each member records its status in its own file",
            "{group} 是单位组且列有成员：请各成员单位在自己的文件中填报",
        ),
        (r"{unit} is not a unit or group in org.yaml", "{unit} 不是 org.yaml 中的单位或单位组"),
        (
            r"{unit} is not a unit, group or body in org.yaml",
            "{unit} 不是 org.yaml 中的单位、单位组或机构",
        ),
        (r"must equal the file name {name}", "须与文件名 {name} 相同"),
        (
            r"no deadline was set for period {period} of follow-up {due} of task {task} for {unit} "
            r"\(set one under follow_ups or a grade's rectify_by\)",
            "任务 {task} 的后续时限 {due} 在期次 {period} 尚未为 {unit} 设定（请在 follow_ups 或等次的 rectify_by 中设定）",
        ),
        (
            r"no deadline was set for period {period} of follow-up {due} of task {task} "
            r"\(data/records: follow_ups or a grade's rectify_by\)",
            "任务 {task} 的后续时限 {due} 在期次 {period} 尚未设定（由督办机构在 data/records 的 follow_ups 或等次的 rectify_by 中设定）",
        ),
        (
            r"no deadline was set for period {period} of follow-up {due} of task {task} {rest}",
            "任务 {task} 的后续时限 {due} 在期次 {period} 尚未设定 {rest}",
        ),
        # plans, tasks and the organisation: general forms
        (r"is before the inspection date", "早于检查日期"),
        (r"is before {what}", "早于 {what}"),
        (r"is below min", "小于 min"),
        (r"task number {n} is also used by task {other}", "任务序号 {n} 已被任务 {other} 使用"),
        (r"is required when measure is {measure}", "measure 为 {measure} 时必须填写"),
        (r"must equal the name of its folder {name}", "须与所在文件夹名 {name} 相同"),
        (
            r"holds no plan: add plans/<plan-id>/plan.yaml",
            "没有方案：请添加 plans/<方案标识>/plan.yaml",
        ),
        (
            r"folder is missing: each plan lives in plans/<plan-id>/",
            "缺少文件夹：每个方案放在 plans/<方案标识>/ 中",
        ),
        (r"{name} is a body, not a unit", "{name} 是机构，不是单位"),
        (r"a group cannot be its own member", "单位组不能包含自己"),
        (r"rule id {id} is already used in {where}", "规则标识 {id} 已在 {where} 中使用"),
        (
            r"rule id {id} is already used by plan {plan}: records name rules by id, so ids are "
            r"unique across plans",
            "规则标识 {id} 已被方案 {plan} 使用：督办记录按标识引用规则，各方案的规则标识不能重复",
        ),
        (
            r"rules.yaml has no grading rule {rule} \(grading rules: {known}\)",
            "rules.yaml 中没有检查验收规则 {rule}（检查验收规则：{known}）",
        ),
        (
            r"rules.yaml has no ladder that covers task {task}",
            "rules.yaml 中没有适用于任务 {task} 的督办流程",
        ),
        (
            r"{unit} does not answer for follow-up {due} of task {task}, so no rectification "
            r"deadline can be set for it",
            "{unit} 不承担任务 {task} 的限期整改时限 {due}，不能为其下达整改期限",
        ),
        (
            r"{period} is not a year period \(rule {rule} ranks every year\)",
            "{period} 不是年度期次（规则 {rule} 每年排名一次）",
        ),
        (
            r"{period} is not a quarter period \(rule {rule} ranks every quarter\)",
            "{period} 不是季度期次（规则 {rule} 每季度排名一次）",
        ),
        (
            r"{period} is not a month period \(rule {rule} ranks every month\)",
            "{period} 不是月度期次（规则 {rule} 每月排名一次）",
        ),
        (
            r"{name} has no maintainers: list the office's GitHub accounts there",
            "{name} 没有维护者：请在该单位下列出督办部门的 GitHub 账号",
        ),
        (
            r"{kind} is not a kind of org.yaml \({known}\)",
            "{kind} 不是 org.yaml 中的单位类别（{known}）",
        ),
        (
            r"{name} is not a unit: a body's duties are carried by one unit",
            "{name} 不是单位：机构的任务须由一个单位承担（carried_by）",
        ),
        (
            r"lists {n} members but expected_count is {m}",
            "列出 {n} 个成员，但 expected_count 为 {m}",
        ),
        (
            r"holds more than {n} files: split the data or remove files",
            "文件超过 {n} 个：请拆分数据或删去多余文件",
        ),
        (
            r"this data folder uses the first layout: move it to {target} \(<plan-id> is the "
            r"plan's id; see docs/data-format.md\)",
            "此数据文件夹是旧的布局：请移到 {target}（<plan-id> 为方案标识，见 docs/data-format.md）",
        ),
        (
            r"is ignored: plans/ holds one folder per plan, plans/<plan-id>/",
            "已忽略：plans/ 中每个方案一个文件夹，plans/<方案标识>/",
        ),
        (
            r"is ignored: name a plan folder by the plan's id \(a-z, 0-9, -\)",
            "已忽略：方案文件夹应以方案标识命名（小写字母、数字、连字符）",
        ),
        (
            r"there is no section {n} in plan.yaml \(sections: {known}\)",
            "plan.yaml 中没有第 {n} 部分（现有部分：{known}）",
        ),
        (
            r"a {every} has {n} month\(s\): use 1..{m}",
            "一个周期（{every}）只有 {n} 个月：请写 1 到 {m}",
        ),
        (r"the duty counts {unit}", "此项任务按{unit}计"),
        (
            r"give the task, or at least one of its sub-items, a deadline",
            "请给任务或至少一个子项写完成时限（due）",
        ),
        (
            r"ladder {ladder} already covers every other task: list tasks here",
            "督办流程 {ladder} 已覆盖其余全部任务：请在此列出任务",
        ),
        (
            r"task {task} is already covered by ladder {ladder}",
            "任务 {task} 已由督办流程 {ladder} 覆盖",
        ),
        (r"action {action} already enters another stage", "动作 {action} 已进入另一阶段"),
        (r"stage id {id} is used twice", "阶段标识 {id} 重复使用"),
        (r"only a stage entered by an action has a deadline", "只有由动作进入的阶段才有时限"),
        (
            r"must name an earlier stage entered by an action \(not {stage}\)",
            "须为前面由动作进入的阶段（不是 {stage}）",
        ),
        (
            r"the first stage is being overdue: it takes no action and lapses nothing",
            "第一阶段是逾期本身：不设动作，也不使任何阶段失效",
        ),
        (r"{what} is used twice", "{what} 重复使用"),
        # personal data (privacy.py)
        (
            r"warning: looks like {what} \({masked}\): personal data must not be published; remove it",
            "warning: 疑似{what|t}（{masked}）：个人信息不得公开，请删去",
        ),
        (r"a resident ID number", "身份证号"),
        (r"a mobile phone number", "手机号码"),
        (r"an e-mail address", "电子邮箱"),
        # periods
        (r"year", "每年"),
        (r"half-year", "每半年"),
        (r"quarter", "每季度"),
        (r"month", "每月"),
        # plans, tasks, rules and records (kept by the supervising office)
        (
            r"{day} is outside the plan period {span} \(write after_period: true if the text sets it so\)",
            "{day} 超出方案期限 {span}（如方案原文如此，请写 after_period: true）",
        ),
        (r"is outside the plan period {span}", "超出方案期限 {span}"),
        (r"milestones must be in date order", "阶段目标须按日期先后排列"),
        (
            r"nobody holds this deadline: name responsible or lead units \(or applies_to\)",
            "此时限无人承担：请填写责任单位或牵头单位（或 applies_to）",
        ),
        (r"is after the deadline's date {day}", "晚于时限日期 {day}"),
        (
            r"the same {what} is already recorded at {where}",
            "同一 {what} 已记录于 {where}",
        ),
        (
            r"deadline {due} of task {task} is not a follow-up \(kind: {kind}\)",
            "任务 {task} 的时限 {due} 不是后续时限（类型：{kind}）",
        ),
        (r"{grade} is not one of the grades \({grades}\)", "{grade} 不是等次之一（{grades}）"),
        (
            r"task {task} has no follow-up deadline {due} \(its follow-up deadlines: {known}\)",
            "任务 {task} 没有后续时限 {due}（其后续时限：{known}）",
        ),
        (
            r"{grade} is not a grade of {rule} \({grades}\)",
            "{grade} 不是 {rule} 的等次（{grades}）",
        ),
        (r"is only for a failing grade \(not {grade}\)", "只用于不合格等次（不是 {grade}）"),
        (r"{unit} is graded twice", "{unit} 被评定了两次"),
        (r"{unit} is ranked twice", "{unit} 被排名了两次"),
        (r"is before the inspection date", "早于检查日期"),
        (
            r"{name} reads the same as {other} \(line {line}, {id}\) after Unicode normalisation "
            r"\(NFKC\): write it the same way, or choose another name",
            "{name} 与 {other}（第 {line} 行，{id}）规范化后相同：请写法一致，或换一个名称",
        ),
        (r"groups contain each other: {chain}", "单位组互相包含：{chain}"),
        (
            r"{name} already names {id}: names and aliases must each point to one unit, group or body",
            "{name} 已是 {id} 的名称：名称和别名只能指向一个单位、单位组或机构",
        ),
        (
            r"{keeper} does not supervise task {task}, so it may not record an action against "
            r"{unit}: only {allowed} may \(the task's supervising units, else its lead units; "
            r"the ladder's recorded_by; the supervising office\)",
            "{keeper} 不是任务 {task} 的监督单位，不能在督办记录中对 {unit} 记录督办动作：只有 {allowed} "
            "可以记录（任务的监督单位，无监督单位时为牵头单位；督办流程 recorded_by 列出的督办单位；"
            "org.yaml 的 supervising_office 督办部门）",
        ),
        (
            r"{keeper} does not supervise task {task}, so it may not record a follow-up deadline "
            r"against {unit}: only {allowed} may \(the task's supervising units, else its lead "
            r"units; the ladder's recorded_by; the supervising office\)",
            "{keeper} 不是任务 {task} 的监督单位，不能在督办记录中为 {unit} 设定整改期限：只有 {allowed} "
            "可以设定（任务的监督单位，无监督单位时为牵头单位；督办流程 recorded_by 列出的督办单位；"
            "org.yaml 的 supervising_office 督办部门）",
        ),
        (
            r"ladder {ladder} has no action {action} \(its actions: {known}\)",
            "督办流程 {ladder} 没有动作 {action}（其动作：{known}）",
        ),
        (
            r"rules.yaml has no ranking rule {rule} \(ranking rules: {known}\)",
            "rules.yaml 中没有排名规则 {rule}（排名规则：{known}）",
        ),
        (
            r"{period} is not a half-year period \(rule {rule} ranks every half-year\)",
            "{period} 不是半年期次（规则 {rule} 每半年排名一次）",
        ),
        # data/notify.yaml and webhook keys in data (load/notify_config.py, privacy.py)
        (
            r"looks like a webhook key or an address with a token \({masked}\): keys, webhook "
            r"addresses and passwords belong in environment variables or CI secrets, never in "
            r"data \(docs/notify.md\); remove it and replace the key",
            "疑似机器人密钥或带令牌的地址（{masked}）：密钥、Webhook 地址和密码只能放在环境变量或 CI "
            "密钥中，不能写进数据（见 docs/notify.md）；请删除，并在平台上重置该密钥",
        ),
        (
            r"there is no route {name} under routes \(routes: {known}\)",
            "routes 中没有路线 {name}（现有路线：{known}）",
        ),
        (
            r"secret_env is only for dingtalk and feishu routes, not {kind}",
            "secret_env 只用于钉钉（dingtalk）和飞书（feishu）路线，不用于 {kind}",
        ),
        (
            r"route {name} is not used by units, default or office: use it or remove it",
            "路线 {name} 没有被 units、default 或 office 使用：请使用或删除",
        ),
        (
            r"must be the name of an environment variable \(capital letters, digits and _\), "
            r"never the address or key itself",
            "须为环境变量的名称（大写字母、数字和 _），不能直接写地址或密钥",
        ),
        # a second plan makes plan required in every status entry
        (
            r"plan is missing in {count} entr(?:y|ies) and is required: this folder holds several "
            r"plans \({known}\); run `duban fix plan-ids --plan PLAN-ID` to write it into each",
            "{count} 项未填写 plan（本仓库有多个方案：{known}，必须填写）："
            "运行 duban fix plan-ids --plan 方案标识 为每项补上",
        ),
        (r"plan {plan} has no task {task}", "方案 {plan} 中没有任务 {task}"),
        (
            r"written in flow style: add plan: {plan} by hand",
            "此项为流式写法（花括号）：请手工加上 plan: {plan}",
        ),
        # leaders named beside the units (load/resolve/tasks.py, privacy.py)
        (
            r"{unit} is not a unit: a leader leads a unit",
            "{unit} 不是单位（而是单位组或非单位主体）：leaders 的 unit 须填写领导所在的单位",
        ),
        (
            r"looks like {what} \({masked}\) in a leader's entry: only the name and post the "
            r"published plan gives belong here; remove it",
            "领导信息中疑似有{what|t}（{masked}）：此处只填写公开方案中的姓名和职务，请删去",
        ),
        # several amounts under one deadline (amounts)
        (r"is used twice in this deadline", "在本项时限中重复使用"),
        # an indicator's figures reported with another deadline (indicator.figures_from)
        (
            r"{id} is not a recurring deadline of this task \(its recurring deadlines: {known}\)",
            "{id} 不是本任务的周期性时限（本任务的周期性时限：{known}）",
        ),
        # deadlines counted from an event, working days, windows
        (
            r"{event} is not signed, published or another deadline of this task"
            r" \(its one-off deadlines: {known}\)",
            "{event} 不是 signed（成文日期）、published（印发日期），也不是本任务的另一项时限"
            "（本任务的一次性时限：{known}）",
        ),
        (
            r"deadline {step} is {kind}: count only from a one-off step",
            "时限 {step} 的类型是 {kind}：只能从一次性的步骤起算",
        ),
        (r"is earlier than the date signed {signed}", "早于成文日期 {signed}"),
        (
            r"{field}: working days in {year} are not known to chinesecalendar {version}"
            r" \(it has the official holidays of {first}\.\.{last}\): update chinesecalendar,"
            r" or count calendar days \(leave out working_days\)",
            "{field}：chinesecalendar {version} 还没有收录 {year} 年的法定节假日和调休安排"
            "（收录 {first}—{last} 年）：请升级 chinesecalendar，或按自然日计算（去掉 working_days）",
        ),
        (
            r"working days in {year} are not known to chinesecalendar {version}"
            r" \(it has the official holidays of {first}\.\.{last}\): update chinesecalendar,"
            r" or count calendar days \(leave out working_days\)",
            "chinesecalendar {version} 还没有收录 {year} 年的法定节假日和调休安排"
            "（收录 {first}—{last} 年）：请升级 chinesecalendar，或按自然日计算（去掉 working_days）",
        ),
        # plan-wide duties and rules (load/resolve/plan_duties.py), periods before the plan
        (
            r"{day} is before the plan period {span} and the report on {key} would fall due on "
            r"{due}, before the plan starts: start from a period whose report falls due inside "
            r"the plan \(due_in: next-period reports on the period before\)",
            "{day} 早于方案期限 {span}，且 {key} 的报送将在方案开始前（{due}）到期：请从报送日期在方案期限内的"
            "周期写起（报送上一期情况的写 due_in: next-period）",
        ),
        (
            r"is not used here: the duty's own id and holders say it",
            "此处不用填写：由该项要求自身的 id 和 holders 指明",
        ),
        (
            r"write either each \(lead, responsible or holders\) or units, not both",
            "each（按角色：lead、responsible 或 holders）和 units（单位）须写其中一项，不能都写或都不写",
        ),
        (
            r"tasks and sections go with each, not with units",
            "tasks 和 sections 只与 each 同用，不与 units 同用",
        ),
        (r"{day} is outside the plan period {span}", "{day} 超出方案期限 {span}"),
        (r"two rules have the id {id}: rename one", "两条规则的标识都是 {id}：请改掉其中一个"),
        (r"two duties have the id {id}: rename one", "两项通用要求的标识都是 {id}：请改掉其中一个"),
        (
            r"deadline id {id} is also the id of a rule in plan.yaml: rename one",
            "时限标识 {id} 与 plan.yaml 中某条规则的标识相同：请改掉其中一个",
        ),
        (
            r"there is no section {number} \(sections: {known}\)",
            "没有第 {number} 章（现有：{known}）",
        ),
        (
            r"task id 'plan' is taken by a task file: rename that task "
            r"\(plan-wide duties are reported as task: plan\)",
            "任务标识 plan 已被某个任务文件使用：请改掉该任务的标识（方案通用要求在状态文件中写作 task: plan）",
        ),
        (
            r"is not used with check_in: the target is held at each check-in",
            "有定期报送（check_in）时不用填写：目标在每次报送时核对",
        ),
        (
            r"names no unit: no task in its scope has such a role",
            "没有承担单位：范围内没有任务写了这一角色的单位",
        ),
        # deadlines counted from recorded events (data/records events)
        (
            r"record needs after.record: the kind of record it counts from",
            "event 为 record 时须写 after.record：从哪一类督办记录起算（data/records 的 events）",
        ),
        (r"is only for event: record", "只能与 event: record 一起使用"),
        (
            r"names no task: write the plan it concerns \({plans}\)",
            "没有写任务：请写它涉及的方案（{plans}）",
        ),
        (
            r"no deadline of this plan counts from records of kind {kind} "
            r"\(write after.record: {again} on the deadline that does\)",
            "本方案没有从 {kind} 类记录起算的时限（请在相应时限上写 after.record: {again}）",
        ),
        (
            r"no record of kind {kind} dated {period} concerns task {task} "
            r"\(data/records: events\)",
            "没有日期为 {period}、涉及任务 {task} 的 {kind} 类记录（data/records 的 events）",
        ),
        # h20a: implements, the links from a task to the upper task it carries out
        (
            r"{value} is not a task reference: write <plan>/<task> or <plan>/<task>/<item> "
            r"\(a task of another repository: <source>:<plan>/<task>\)",
            "{value} 不是任务引用：请写 <方案>/<任务> 或 <方案>/<任务>/<子项>"
            "（另一仓库的任务：<来源>:<方案>/<任务>）",
        ),
        (r"{ref} is listed twice", "{ref} 重复列出：请删去一处"),
        (
            r"no task {task} in plan {plan} \(its tasks: {known}\)",
            "方案 {plan} 中没有任务 {task}（其任务：{known}）",
        ),
        (
            r"task {task} has no sub-items: write {again}",
            "任务 {task} 没有子项：请写 {again}",
        ),
        (
            r"a task cannot implement itself or one of its own sub-items",
            "任务不能落实它自己或它自己的子项",
        ),
        (
            r"the links go round in a circle: {chain}: remove one of them",
            "落实关系形成循环：{chain}：请删去其中一处",
        ),
        # h20b: data/federation.yaml (load/federation_config.py)
        (r"another source has the id {id} too", "另一个数据来源的 id 也是 {id}：请另取一个"),
        (
            r"source {id} has the id of this repository: give it its own",
            "数据来源 {id} 与本仓库的 id 相同：请另取一个",
        ),
        (
            r"must be an https:// address or a path relative to federation.yaml",
            "须为 https:// 地址，或相对于 federation.yaml 的本地路径",
        ),
        (
            r"{path} does not exist \(a path is relative to federation.yaml\)",
            "{path} 不存在（路径相对于 federation.yaml 所在的文件夹）",
        ),
        (r"is only for an https:// export", "只用于 https:// 地址的数据来源"),
    ]
]

_FIELD = re.compile(r"\{(\w+)(\|t)?\}")


def translate(message: str, lang: str | None = None) -> str:
    """``message`` in ``lang`` (default: the chosen language); English is the message itself."""
    if (lang or language()) == "en":
        return message
    for pattern, template in _CATALOGUE:
        match = pattern.match(message)
        if match:
            values = match.groupdict()

            def fill(m: re.Match[str], values: dict[str, str] = values) -> str:
                value = values[m.group(1)]
                return translate(value, "zh") if m.group(2) else value

            return _FIELD.sub(fill, template)
    return message


def say(english: str, chinese: str) -> str:
    """One sentence of a command's own output (not a problem) in the chosen language."""
    return english if language() == "en" else chinese
