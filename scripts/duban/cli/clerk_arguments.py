"""The arguments of the clerk's commands (``import``, ``record``, ``form-reply``) and of
``import-plan``: rows of :data:`duban.cli.main.COMMANDS`, kept here to keep main.py short."""

from __future__ import annotations

import argparse

from duban.cli.parser import data_option
from duban.i18n.messages import say


def import_plan_arguments(sub: argparse.ArgumentParser) -> None:
    sub.add_argument(
        "file",
        metavar=say("file", "文件"),
        help=say(
            "the plan's document: .txt, .html, .docx, .pdf, .doc, .xlsx, .csv",
            "方案文件：.txt、.html、.docx、.pdf、.doc、.xlsx、.csv",
        ),
    )
    sub.add_argument(
        "--out",
        required=True,
        help=say(
            "the data folder to write (new, or existing: the plan is added)",
            "写入的数据文件夹（新建；或已有的，方案加入其中）",
        ),
    )
    sub.add_argument(
        "--org",
        help=say(
            "an org.yaml whose units, groups and aliases the names are matched to",
            "用来匹配单位名称的 org.yaml（其中的单位、单位组和别名）",
        ),
    )
    sub.add_argument(
        "--plan-id",
        help=say("the plan's id (default: from the file name)", "方案标识（默认：取自文件名）"),
    )
    sub.add_argument(
        "--review",
        help=say(
            "where to write the review report (default: OUT/import-review-<id>.md)",
            "审阅报告写到哪里（默认：OUT/import-review-<id>.md）",
        ),
    )
    sub.add_argument(
        "--year",
        type=int,
        help=say(
            "the plan's year, only for a document that names none (no signing date, document "
            "number, period or dated text)",
            "方案的年份：只在原文中找不到年份（没有落款日期、文号、实施期限或带年份的日期）时使用",
        ),
    )


def import_arguments(sub: argparse.ArgumentParser) -> None:
    sub.add_argument(
        "file",
        metavar=say("file", "文件"),
        help=say(
            "the workbook or CSV, as exported by export xlsx --unit",
            "填好的工作簿或 CSV（由 export xlsx --unit 导出）",
        ),
    )
    data_option(sub)
    sub.add_argument(
        "--unit",
        help=say(
            "the unit (default: the sheet's 单位标识 column)", "单位（默认：表中“单位标识”列）"
        ),
    )
    dry_run_option(sub)


def dry_run_option(sub: argparse.ArgumentParser) -> None:
    sub.add_argument(
        "--dry-run", action="store_true", help=say("print the changes only", "只显示修改，不写入")
    )


def record_arguments(sub: argparse.ArgumentParser) -> None:
    data_option(sub)
    sub.add_argument(
        "unit",
        nargs="?",
        metavar=say("unit", "单位"),
        help=say("the unit id (as on its page)", "单位标识（见单位页面）"),
    )
    sub.add_argument(
        "task",
        nargs="?",
        metavar=say("task", "任务"),
        help=say("the task id or number (as on the unit's page)", "任务标识或序号（见单位页面）"),
    )
    sub.add_argument(
        "--plan",
        help=say(
            "the plan id (needed when there are several plans)", "方案标识（有多个方案时必填）"
        ),
    )
    sub.add_argument(
        "--item", help=say("the sub-item, for a task with sub-items", "子项（任务有子项时）")
    )
    sub.add_argument(
        "--due",
        metavar="ID",
        help=say("the deadline id, when the task has several", "期限标识（任务有多个期限时）"),
    )
    sub.add_argument(
        "--period",
        metavar="P",
        help=say(
            "the period of a recurring duty (2011, 2011-Q2) or of a follow-up deadline (限期整改)",
            "周期性任务的期次（2011、2011-Q2）或限期整改的期次",
        ),
    )
    sub.add_argument(
        "--state",
        help=say(
            "not-started, in-progress, done, not-applicable (or 已完成 …)",
            "未开始、推进中、已完成、不适用（或 not-started、in-progress、done、not-applicable）",
        ),
    )
    sub.add_argument(
        "--date", help=say("the day it was done (YYYY-MM-DD)", "完成日期（YYYY-MM-DD）")
    )
    sub.add_argument(
        "--progress", metavar="N", help=say("progress in percent (0-100)", "进度百分比（0-100）")
    )
    sub.add_argument(
        "--evidence",
        metavar="URL",
        action="append",
        help=say("an https:// link", "佐证材料的 https:// 链接"),
    )
    sub.add_argument(
        "--summary",
        "--note",
        dest="summary",
        metavar="TEXT",
        help=say("工作进展 (progress)", "工作进展"),
    )
    sub.add_argument("--problems", metavar="TEXT", help=say("存在问题 (problems)", "存在问题"))
    sub.add_argument(
        "--next", dest="next_steps", metavar="TEXT", help=say("下步计划 (next steps)", "下步计划")
    )
    sub.add_argument(
        "--reason",
        metavar="TEXT",
        help=say("不适用理由 (for not-applicable)", "不适用理由（状态为不适用时）"),
    )
    sub.add_argument(
        "--issue-form",
        metavar="BODY.md",
        help=say(
            "read all of the above from a submitted issue form", "从提交的议题表单读取以上各项"
        ),
    )
    sub.add_argument(
        "--issue-event",
        metavar="EVENT.json",
        help=say(
            "the same, from the issue in a GitHub event file ($GITHUB_EVENT_PATH); a form that "
            "would write personal data changes nothing (exit 3)",
            "同上，读取 GitHub 事件文件（$GITHUB_EVENT_PATH）中的议题；"
            "含个人信息的表单不作任何修改（退出码 3）",
        ),
    )
    dry_run_option(sub)


def form_reply_arguments(sub: argparse.ArgumentParser) -> None:
    sub.add_argument(
        "what", choices=("pr-body", "reply"), help=say("which text to print", "输出哪段文字")
    )
    sub.add_argument(
        "folder",
        metavar=say("folder", "文件夹"),
        help=say(
            "the folder where intake.yml's steps left their results",
            "intake.yml 各步骤存放结果的文件夹",
        ),
    )
    sub.add_argument("--issue", type=int, required=True, help=say("the issue's number", "议题编号"))
