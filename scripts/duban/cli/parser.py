"""The command line's parser in the user's language (argparse's own words, ``-h``, the help
of every option through ``say``) and the options several commands share. The language is
chosen before the parser is built: :func:`chosen_language` reads ``--lang`` from the argv."""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterable, Sequence
from typing import Any, NoReturn

from duban.cli.common import EXIT_USAGE, non_negative, site_url_argument
from duban.evaluation.evaluate import DEFAULT_DUE_SOON_DAYS
from duban.i18n.languages import LANGUAGES
from duban.i18n.messages import say
from duban.model.problems import printable

# -- argparse in the user's language ------------------------------------------------------------
# argparse's own messages, English pattern -> Chinese; the first match wins, a message no pattern
# matches is shown in English (never lost). {x|t}: the captured text, itself translated.
_ARGPARSE_WORDS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(en + r"\Z", re.S), zh)
    for en, zh in (
        (r"argument (?P<name>.+?): (?P<message>.+)", "参数 {name}：{message|t}"),
        (
            r"invalid choice: (?P<value>.+?) \(choose from (?P<choices>.+)\)",
            "无效的选择：{value}（可选：{choices}）",
        ),
        (r"the following arguments are required: (?P<names>.+)", "缺少必需的参数：{names}"),
        (r"unrecognized arguments: (?P<names>.+)", "无法识别的参数：{names}"),
        (r"expected one argument", "需要一个值"),
        (r"expected at least one argument", "至少需要一个值"),
        (r"expected at most one argument", "至多一个值"),
        (
            r"ambiguous option: (?P<option>.+?) could match (?P<matches>.+)",
            "选项 {option} 有歧义，可能是：{matches}",
        ),
        (r"invalid (?P<type>.+?) value: (?P<value>.+)", "无效的值：{value}"),
        (r"not allowed with argument (?P<name>.+)", "不能与参数 {name} 同时使用"),
        (r"one of the arguments (?P<names>.+) is required", "参数 {names} 必须给出其一"),
        (r"ignored explicit argument (?P<value>.+)", "多余的值：{value}"),
    )
]


def argparse_words(message: str) -> str:
    """One of argparse's messages in the chosen language."""
    if say("en", "zh") == "en":
        return message
    for pattern, template in _ARGPARSE_WORDS:
        match = pattern.match(message)
        if match:
            values = match.groupdict()

            def fill(m: re.Match[str], values: dict[str, str] = values) -> str:
                return argparse_words(values[m[1]]) if m[2] else values[m[1]]

            return re.sub(r"\{(\w+)(\|t)?\}", fill, template)
    return message


class HelpFormatter(argparse.HelpFormatter):
    """argparse's help with ``用法：`` for ``usage:`` and a full-width colon after a Chinese
    section title (选项：, 命令：)."""

    def format_help(self) -> str:
        text = super().format_help()
        if say("en", "zh") == "en":
            return text
        return re.sub(r"(?m)^(\s*[\u4e00-\u9fff]+):$", r"\1：", text)

    def add_usage(
        self,
        usage: str | None,
        actions: Iterable[argparse.Action],
        groups: Iterable[argparse._MutuallyExclusiveGroup],
        prefix: str | None = None,
    ) -> None:
        if prefix is None:
            prefix = say("usage: ", "用法：")
        super().add_usage(usage, actions, groups, prefix)


class Parser(argparse.ArgumentParser):
    """An ArgumentParser that speaks the chosen language: its section titles, ``-h`` and its
    error messages (the language is chosen before the parser is built: ``chosen_language``)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", HelpFormatter)
        add_help = kwargs.pop("add_help", True)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title = say("positional arguments", "位置参数")
        self._optionals.title = say("options", "选项")
        if add_help:
            self.add_argument(
                "-h",
                "--help",
                action="help",
                default=argparse.SUPPRESS,
                help=say("show this help message and exit", "显示本帮助并退出"),
            )

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        english = f"{self.prog}: error: {message}"
        chinese = f"{self.prog}：错误：{argparse_words(message)}"
        self.exit(EXIT_USAGE, printable(say(english, chinese)) + "\n")


def chosen_language(argv: Sequence[str]) -> str | None:
    """``--lang`` read from the command line before the parser is built (its help and errors
    are in that language); the last one given wins, as argparse would have it."""
    found = None
    for i, arg in enumerate(argv):
        if arg == "--":
            break
        if arg == "--lang" and i + 1 < len(argv):
            found = argv[i + 1]
        elif arg.startswith("--lang="):
            found = arg.partition("=")[2]
    return found if found in LANGUAGES else None


# -- arguments shared by several commands --------------------------------------------------------
def data_option(sub: argparse.ArgumentParser) -> None:
    # also taken before the command (build_parser): given here, it wins; not given, the main
    # parser's value stands (SUPPRESS leaves it alone)
    sub.add_argument(
        "--data",
        default=argparse.SUPPRESS,
        help=say("the data folder (default: data)", "数据文件夹（默认：data）"),
    )
    lang_option(sub, argparse.SUPPRESS)


def lang_option(parser: argparse.ArgumentParser, default: Any) -> None:
    parser.add_argument(
        "--lang",
        choices=LANGUAGES,
        default=default,
        help=say(
            "language of messages: zh (default) or en (env DUBAN_LANG)",
            "提示信息的语言：zh（默认）或 en（环境变量 DUBAN_LANG）",
        ),
    )


def plan_option(sub: argparse.ArgumentParser) -> None:
    sub.add_argument(
        "--plan",
        metavar="ID",
        help=say("only this plan (default: every plan)", "只看这个方案（默认：全部方案）"),
    )


def output_option(sub: argparse.ArgumentParser) -> None:
    sub.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help=say("write to this file instead of stdout", "写入此文件（默认：输出到屏幕）"),
    )


def as_of_options(sub: argparse.ArgumentParser) -> None:
    data_option(sub)
    plan_option(sub)
    sub.add_argument(
        "--as-of",
        metavar="DATE",
        help=say(
            "evaluate as of this date, YYYY-MM-DD (default: today)",
            "按此日期计算，格式 YYYY-MM-DD（默认：今天）",
        ),
    )
    sub.add_argument(
        "--due-soon-days",
        metavar="N",
        type=non_negative,
        default=DEFAULT_DUE_SOON_DAYS,
        help=say(
            f"days before a deadline that count as due soon (default: {DEFAULT_DUE_SOON_DAYS})",
            f"到期前多少天算临期（默认：{DEFAULT_DUE_SOON_DAYS}）",
        ),
    )
    sub.add_argument(
        "--site-url",
        metavar="URL",
        type=site_url_argument,
        help=say("link items to the published site", "各事项链接到已发布的网站"),
    )
