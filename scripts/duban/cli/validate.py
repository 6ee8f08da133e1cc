"""``duban validate``: check every data file and print each problem as ``path:line:col``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from duban.cli.common import EXIT_OK, EXIT_PROBLEMS, load_or_report, write_output
from duban.i18n.messages import say
from duban.outputs.code_quality import code_quality


def cmd_validate(args: argparse.Namespace) -> int:
    cache = Path(args.cache) if args.cache else None
    # only counts are read from the model: it is built without what holders wrote
    project = load_or_report(Path(args.data), cache, texts=False)
    gitlab = getattr(args, "format", "text") == "gitlab"
    if gitlab:
        # the report for the merge request (GitLab Code Quality), errors and warnings alike;
        # the lines above went to stderr, so stdout holds only the JSON
        write_output(code_quality([*project.problems, *project.warnings]), args.output)
    if project.cache_refused:
        print(
            say(
                f"note: the cache {args.cache} was not used: {project.cache_refused}",
                f"提示：未使用缓存 {args.cache}：它位于仓库之内，拉取请求可以提交伪造的缓存；"
                "已检查全部文件（请把缓存放在仓库之外，例如 $RUNNER_TEMP）",
            ),
            file=sys.stderr,
        )
    if project.cache_problem:
        print(
            say(
                f"note: the cache {args.cache} could not be written ({project.cache_problem}); "
                "the next run checks every file again",
                f"提示：无法写入缓存 {args.cache}（{project.cache_problem}），下次仍将检查全部文件",
            ),
            file=sys.stderr,
        )
    if not project.ok:
        return EXIT_PROBLEMS
    model = project.model
    assert model is not None
    if args.strict and project.warnings:
        count = len(project.warnings)
        print(
            say(
                f"{count} warning{'s' if count != 1 else ''}: --strict fails",
                f"{count} 条警告：--strict 时不通过",
            ),
            file=sys.stderr,
        )
        return EXIT_PROBLEMS
    files, plans, units, groups = (
        len(project.documents) + project.cached_files,
        len(model.plans),
        len(model.units),
        len(model.groups),
    )
    tasks = len(model.tasks_in_order())
    items, obligations, entries = (
        len(model.tasks) - tasks,
        len(model.obligations),
        len(model.status) + project.cached_entries,
    )
    print(
        say(
            f"ok: {files} files, {plans} plan(s), {tasks} tasks, {items} sub-items, {units} units, "
            f"{groups} groups, {obligations} obligations, {entries} status entries",
            f"通过：{files} 个文件，{plans} 个方案，{tasks} 项任务，{items} 个子项，"
            f"{units} 个单位，{groups} 个单位组，{obligations} 项职责，{entries} 条落实情况",
        ),
        file=sys.stderr if gitlab else sys.stdout,
    )
    return EXIT_OK
