"""The ``duban`` command line: one table of commands, and the edge where arguments, files, the
clock and exit codes live.

Each command is a row of :data:`COMMANDS`: its name, its help, the arguments it takes and the
function that runs it, named by module so that only the command that runs is imported
(``duban validate`` never loads the spreadsheet, Word or template libraries).

Exit codes: 0 success; 1 the data has problems (or, for ``check``, items match ``--fail-on``);
2 the command line itself is wrong (argparse's convention; also an invalid ``--as-of`` or an
unknown ``--unit``), and for ``check`` and ``report`` the data is invalid; 70 an internal error,
printed as one line (set DUBAN_DEBUG=1 for the traceback). See docs/ci.md.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from duban import __version__
from duban.cli.clerk_arguments import (
    form_reply_arguments,
    import_arguments,
    import_plan_arguments,
    record_arguments,
)
from duban.cli.common import (
    EXIT_INTERNAL,
    EXIT_OK,
    EXIT_PROBLEMS,
    EXIT_USAGE,
    UsageError,
)
from duban.cli.forge_arguments import (
    gitea_issue_arguments,
    gitlab_issue_arguments,
)
from duban.cli.notify_arguments import notify_arguments
from duban.cli.office_arguments import (
    bulletin_arguments,
    check_arguments,
    codeowners_arguments,
    export_arguments,
    fix_arguments,
    report_arguments,
    validate_arguments,
)
from duban.cli.parser import (
    Parser,
    chosen_language,
    lang_option,
)
from duban.cli.sources_arguments import sources_arguments
from duban.i18n.messages import say, set_language, translate
from duban.load.gcpause import collection_paused
from duban.model.deadlines import WorkingDaysUnknown
from duban.model.problems import printable

Arguments = Callable[[argparse.ArgumentParser], None]
Handler = Callable[[argparse.Namespace], int]


@dataclass(frozen=True)
class Command:
    name: str
    help: str
    arguments: Arguments
    handler: str
    """``module:function`` under ``duban.cli``, imported only when this command runs."""
    description: str | None = None
    help_zh: str | None = None
    """The help in Chinese (the default language); ``help`` is the English."""
    description_zh: str | None = None

    def run(self, args: argparse.Namespace) -> int:
        module, _, function = self.handler.partition(":")
        handler: Handler = getattr(importlib.import_module(f"duban.cli.{module}"), function)
        return handler(args)


# -- each command's own arguments ----------------------------------------------------------------
COMMANDS = (
    Command(
        "validate",
        "check every data file; print each problem as path:line:col",
        validate_arguments,
        "validate:cmd_validate",
        help_zh="检查全部数据文件，每个问题一行：路径:行:列",
    ),
    Command(
        "export",
        "print the resolved plan in another format",
        export_arguments,
        "export:cmd_export",
        help_zh="把方案导出为其他格式（json、ics、xlsx、csv）",
    ),
    Command(
        "check",
        "list overdue and due-soon obligations by unit (exit 1 per --fail-on)",
        check_arguments,
        "office:cmd_check",
        help_zh="按单位列出逾期和临期事项（按 --fail-on 决定是否退出码 1）",
    ),
    Command(
        "report",
        "write a report for the supervising office",
        report_arguments,
        "office:cmd_report",
        help_zh="为督办部门生成报告",
    ),
    Command(
        "bulletin",
        "write the 督办通报 (.docx, .md or .html by the file's extension): the same figures as "
        "`duban check --format json` for the same date",
        bulletin_arguments,
        "office:cmd_bulletin",
        help_zh="生成督办通报（按文件扩展名：.docx、.md 或 .html），"
        "数字与同一日期的 `duban check --format json` 一致",
    ),
    Command(
        "codeowners",
        "print .github/CODEOWNERS from org.yaml: the supervising office owns every file by "
        "default, each unit's maintainers (and the office) its status and records files",
        codeowners_arguments,
        "office:cmd_codeowners",
        help_zh="由 org.yaml 生成 .github/CODEOWNERS：督办部门默认负责全部文件，"
        "各单位的维护人（及督办部门）负责本单位的落实情况和记录文件",
    ),
    Command(
        "import-plan",
        "read a plan's document (text, HTML, .docx) into a data folder to review",
        import_plan_arguments,
        "import_plan:cmd_import_plan",
        description="Read a plan (实施方案) as plain text (UTF-8 or GB18030/GBK), HTML or .docx, "
        "with or without its 通知, and write plans/<id>/, org.yaml and a review report "
        "(import-review-<id>.md) into --out; then runs the validator on the result.",
        help_zh="读取方案文件（文本、HTML、.docx），生成待审阅的数据文件夹",
        description_zh="读取实施方案（纯文本 UTF-8 或 GB18030/GBK、HTML 或 .docx，"
        "带不带印发通知均可），在 --out 中写入 plans/<id>/、org.yaml 和审阅报告"
        "（import-review-<id>.md），然后校验结果。",
    ),
    Command(
        "import",
        "apply a filled-in unit workbook (.xlsx, or .csv in UTF-8 or GBK) to data/status/",
        import_arguments,
        "clerk:cmd_import",
        help_zh="把填好的单位工作簿（.xlsx，或 UTF-8 / GBK 的 .csv）写入 data/status/",
    ),
    Command(
        "record",
        "record the status of one obligation in data/status/<unit>.yaml",
        record_arguments,
        "clerk:cmd_record",
        help_zh="在 data/status/<单位>.yaml 中登记一项职责的落实情况",
    ),
    Command(
        "fix",
        "change the data files the way a new version asks: plan-ids writes plan into every "
        "status entry without one (needed once a second plan is added)",
        fix_arguments,
        "fix:cmd_fix",
        help_zh="按新要求修改数据文件：plan-ids 为每个未填写 plan 的落实情况条目写入方案标识"
        "（增加第二个方案后需要）",
    ),
    Command(
        "form-reply",
        "print the pull request body or the answer on the issue for the issue form workflow "
        "(intake.yml), from what its steps left in a folder",
        form_reply_arguments,
        "clerk:cmd_form_reply",
        help_zh="为议题表单流程（intake.yml）输出拉取请求说明或议题答复，"
        "取自各步骤存放在文件夹中的结果",
    ),
    Command(
        "notify",
        "send each unit's reminder (overdue, due soon, escalation) and the office's summary to "
        "the group bots and mailboxes of data/notify.yaml (--dry-run: print them)",
        notify_arguments,
        "notify:cmd_notify",
        help_zh="把各单位的催办提醒（逾期、临期、督办阶段）和督办部门的汇总发到 data/notify.yaml "
        "配置的企业微信、钉钉、飞书群或邮箱（--dry-run：只列出不发送）",
    ),
    Command(
        "gitlab-issue",
        "keep one GitLab issue listing what is overdue (open, update, close) through the API, "
        "with the token in $DUBAN_GITLAB_TOKEN",
        gitlab_issue_arguments,
        "gitlab_issue:cmd_gitlab_issue",
        help_zh="通过 API 维护一个列出逾期事项的 GitLab 议题（新建、更新、关闭），"
        "令牌取自 $DUBAN_GITLAB_TOKEN",
    ),
    Command(
        "gitea-issue",
        "the same on Gitea or Forgejo, with the token in $DUBAN_GITEA_TOKEN",
        gitea_issue_arguments,
        "gitea_issue:cmd_gitea_issue",
        help_zh="在 Gitea / Forgejo 上同样维护逾期议题，令牌取自 $DUBAN_GITEA_TOKEN",
    ),
    # h20b: the other duban sites feeding this one's roll-ups (data/federation.yaml)
    Command(
        "sources",
        "refresh the copies of the other duban sites' exports listed in data/federation.yaml",
        sources_arguments,
        "sources:cmd_sources",
        help_zh="更新 data/federation.yaml 所列下级网站开放数据的副本（duban sources refresh）",
    ),
)


def build_parser() -> argparse.ArgumentParser:
    """The parser, in the language chosen when it is built (``set_language`` first)."""
    parser = Parser(
        prog="duban",
        description=say(
            "督办: validate, check and export an implementation plan kept as YAML.",
            "督办：校验、检查和导出以 YAML 保存的实施方案。",
        ),
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"duban {__version__}",
        help=say("show the version and exit", "显示版本并退出"),
    )
    # --data and --lang are taken before the command too (duban --data D export json)
    parser.add_argument(
        "--data",
        default="data",
        help=say("the data folder (default: data)", "数据文件夹（默认：data）"),
    )
    lang_option(parser, None)
    commands = parser.add_subparsers(
        dest="command",
        required=True,
        metavar="COMMAND",
        title=say("commands", "命令"),
    )
    for command in COMMANDS:
        sub = commands.add_parser(
            command.name,
            help=say(command.help, command.help_zh or command.help),
            description=say(
                command.description or command.help,
                command.description_zh or command.help_zh or command.help,
            ),
        )
        command.arguments(sub)
        sub.set_defaults(run=command.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    set_language(chosen_language(arguments))  # before the parser: its help and errors
    parser = build_parser()
    args = parser.parse_args(arguments)
    set_language(args.lang)
    try:
        # one command, then the process ends: its data has no cycles to collect (gcpause.py)
        with collection_paused():
            result: int = args.run(args)
            return result
    except UsageError as error:
        print(printable(f"duban {args.command}{say(': ', '：')}{error}"), file=sys.stderr)
        return EXIT_USAGE
    except WorkingDaysUnknown as error:
        # a deadline counted in working days from a step done in a year chinesecalendar lacks
        print(printable(translate(str(error))), file=sys.stderr)
        return EXIT_PROBLEMS
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # the reader went away (e.g. `duban export json | head`): not an error of ours
        sys.stderr.close()
        return EXIT_OK
    except Exception as error:  # the promise is one line and no traceback, even for our bugs
        if os.environ.get("DUBAN_DEBUG"):
            raise
        kind = type(error).__name__
        print(
            printable(
                say(
                    f"duban: internal error: {kind}: {error}",
                    f"duban：内部错误：{kind}：{error}",
                )
            ),
            file=sys.stderr,
        )
        print(
            say(
                "duban: please report this; DUBAN_DEBUG=1 shows the traceback",
                "duban：请报告此问题；设置环境变量 DUBAN_DEBUG=1 可显示详细的出错位置",
            ),
            file=sys.stderr,
        )
        return EXIT_INTERNAL
