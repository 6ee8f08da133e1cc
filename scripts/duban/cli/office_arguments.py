"""The arguments of the office's commands (validate, check, report, bulletin, export, fix,
codeowners), kept apart from the command table in :mod:`duban.cli.main`."""

from __future__ import annotations

import argparse

from duban.cli.common import as_of_argument
from duban.cli.forge_arguments import forge_option, forge_validate_options
from duban.cli.parser import as_of_options, data_option, output_option, plan_option
from duban.cli.sources_arguments import refresh_option
from duban.evaluation.check_report import DEFAULT_FAIL_ON, FAIL_ON
from duban.i18n.messages import say
from duban.outputs.check_formats import CHECK_FORMATS

EXPORT_FORMATS = ("csv", "ics", "json", "xlsx")
"""The formats of ``duban export`` (the keys of :data:`duban.cli.export.EXPORTERS`)."""


def validate_arguments(sub: argparse.ArgumentParser) -> None:
    data_option(sub)
    sub.add_argument(
        "--strict",
        action="store_true",
        help=say(
            "fail (exit 1) on warnings too, e.g. personal data",
            "有警告（如个人信息）也判为不通过（退出码 1）",
        ),
    )
    sub.add_argument(
        "--cache",
        metavar="DIR",
        help=say(
            "remember clean status files in DIR and skip them while unchanged "
            "(a folder outside the repository; docs/performance.md)",
            "在 DIR 中记住已通过校验的落实情况文件，未修改时跳过"
            "（放在仓库之外的文件夹；见 docs/performance.md）",
        ),
    )
    forge_validate_options(sub)


def export_arguments(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("format", choices=EXPORT_FORMATS, help=say("output format", "导出格式"))
    data_option(sub)
    output_option(sub)
    plan_option(sub)
    sub.add_argument(
        "--unit",
        help=say(
            "only this unit's deadlines (where the format supports it)",
            "只导出这个单位的期限（格式支持时）",
        ),
    )
    sub.add_argument(
        "--as-of",
        metavar="DATE",
        type=as_of_argument,
        help=say(
            "json: buckets and counts as of this date (default: today); "
            "ics: give each deadline's state as of this date (default: no states); "
            "xlsx, csv: the ledger as of this date (default: today); xlsx --unit: the follow-up "
            "deadlines set by this date (default: today)",
            "json：各责任事项截至此日期的汇总类别和期数（默认：今天）；"
            "ics：给出各期限截至此日期的状态（默认：不给状态）；xlsx、csv：截至此日期的台账"
            "（默认：今天）；xlsx --unit：截至此日期已设定的限期整改（默认：今天）",
        ),
    )


def check_arguments(sub: argparse.ArgumentParser) -> None:
    as_of_options(sub)
    sub.add_argument(
        "--format",
        choices=tuple(CHECK_FORMATS),
        default="text",
        help=say("output format (default: text)", "输出格式（默认：text）"),
    )
    sub.add_argument(
        "--fail-on",
        choices=FAIL_ON,
        default=DEFAULT_FAIL_ON,
        help=say(
            f"exit 1 when anything overdue / overdue or due soon is found (default: "
            f"{DEFAULT_FAIL_ON}: report, never fail)",
            f"有逾期 / 有逾期或临期事项时退出码为 1（默认：{DEFAULT_FAIL_ON}：只报告，不判失败）",
        ),
    )
    refresh_option(sub)
    include_linked_option(sub)


def include_linked_option(sub: argparse.ArgumentParser) -> None:
    """``--include-linked`` (check, bulletin): under each upper task, what is late below it."""
    sub.add_argument(
        "--include-linked",
        action="store_true",
        help=say(
            "under each upper task, list the overdue and not-reported obligations of the "
            "tasks that implement it (implements:)",
            "在每项上级任务下列出落实它的下级任务（implements）中逾期、逾期未报送的事项",
        ),
    )


def report_arguments(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("kind", choices=("overdue-issue",), help=say("which report", "哪种报告"))
    as_of_options(sub)
    output_option(sub)


def bulletin_arguments(sub: argparse.ArgumentParser) -> None:
    as_of_options(sub)
    include_linked_option(sub)
    sub.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="FILE",
        help=say("FILE.docx, FILE.md or FILE.html", "FILE.docx、FILE.md 或 FILE.html"),
    )
    sub.add_argument(
        "--title",
        help=say(
            "the title (default: 关于《方案》落实情况的督办通报)",
            "标题（默认：关于《方案》落实情况的督办通报）",
        ),
    )
    sub.add_argument(
        "--number",
        help=say(
            "发文字号, e.g. 青督通〔2024〕6号 (default: no number line)",
            "发文字号，如 青督通〔2024〕6号（默认：不写文号行）",
        ),
    )
    sub.add_argument(
        "--issuer",
        help=say(
            "the issuing office (default: the plan's issuer)", "发文机关（默认：方案的印发机关）"
        ),
    )
    sub.add_argument(
        "--addressees",
        help=say("主送 (default: the plan's addressees)", "主送（默认：方案的主送机关）"),
    )
    sub.add_argument(
        "--masthead",
        nargs="?",
        const="",
        metavar="NAME",
        help=say(
            "红头: NAME in red over a red line (NAME default: the issuer; default: no 红头)",
            "红头：红色的发文机关标志和红色分隔线（NAME 默认为发文机关；默认不加红头）",
        ),
    )
    sub.add_argument(
        "--no-masthead",
        dest="masthead",
        action="store_const",
        const=None,
        help=say("no 红头", "不加红头"),
    )
    sub.add_argument(
        "--cc", default="", help=say("抄送 in the 版记 (default: none)", "版记中的抄送（默认：无）")
    )
    sub.add_argument(
        "--imprint",
        action=argparse.BooleanOptionalAction,
        default=True,
        help=say(
            "版记: 抄送, 印发机关 and 印发日期 at the end (default: on)",
            "版记：文末的抄送、印发机关和印发日期（默认：有）",
        ),
    )


def fix_arguments(sub: argparse.ArgumentParser) -> None:
    sub.add_argument(
        "what",
        choices=("plan-ids",),
        help=say(
            "plan-ids: write plan: PLAN-ID into every status entry without plan",
            "plan-ids：为 status 文件中每个未填写 plan 的条目写入 plan: 方案标识",
        ),
    )
    data_option(sub)
    sub.add_argument(
        "--plan",
        metavar="ID",
        help=say(
            "the plan of the entries without one (default: the only plan; required when "
            "there are several)",
            "这些条目所属的方案（默认：唯一的方案；有多个方案时必须指明）",
        ),
    )


def codeowners_arguments(sub: argparse.ArgumentParser) -> None:
    data_option(sub)
    output_option(sub)
    forge_option(sub)
