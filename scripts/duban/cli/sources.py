"""``duban sources refresh``: update the copies of the other duban sites' exports listed in
data/federation.yaml (duban/federation/sources.py does the work), one line per source; and the
warning lines ``duban check`` prints for sources in poor health. A failed source is never an
exit code: only a user's error (a bad config, an unknown ``--source``) is.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from duban.cli.common import EXIT_OK, EXIT_PROBLEMS, UsageError, load_or_report
from duban.federation.sources import config_of, health_line, refresh_all
from duban.i18n.messages import say
from duban.load.federation_config import FEDERATION_FILE
from duban.model.federation import SourceHealth
from duban.model.problems import printable


def cmd_sources(args: argparse.Namespace) -> int:
    project = load_or_report(Path(args.data))
    if not project.ok:
        return EXIT_PROBLEMS
    config = config_of(project)
    if not config.sources:  # a configuration to fix, like an invalid one: exit 1
        where = printable(f"{args.data}/{FEDERATION_FILE}")
        print(
            say(
                f"duban sources: no sources: list them in {where} (docs/sources.md)",
                f"duban sources：没有数据来源：请在 {where} 中列出（见 docs/sources.md）",
            ),
            file=sys.stderr,
        )
        return EXIT_PROBLEMS
    if args.source is not None and config.source(args.source) is None:
        known = ", ".join(s.id for s in config.sources)
        raise UsageError(
            say(
                f"--source: no source {args.source!r} in {FEDERATION_FILE} (sources: {known})",
                f"--source：{FEDERATION_FILE} 中没有数据来源“{args.source}”（现有：{known}）",
            )
        )
    for line in refresh_all(config, Path(args.data), args.source):
        print(printable(line))
    return EXIT_OK


def warn_unhealthy(healths: Sequence[SourceHealth]) -> None:
    for health in healths:
        if not health.healthy:
            print(say("warning: ", "警告：") + health_line(health), file=sys.stderr)
