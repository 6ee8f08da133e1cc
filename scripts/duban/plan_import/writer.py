"""Writing the imported plan as a data folder, with the shipped data's conventions: the schema
named on the first line (path relative to the file), English keys, the plan's text verbatim,
strings quoted where YAML 1.1 would misread them, long text on one line or as a block."""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path
from typing import Any

import yaml

from duban.model.problems import printable
from duban.plan_import.units import ImportOrg

IMPORTED_EN = "Imported by duban import-plan: to be reviewed."


class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]
    # libyaml's emitter where PyYAML has it: 5x faster on a plan of hundreds of tasks
    # the loader refuses anchors and aliases: write values out
    def ignore_aliases(self, data: Any) -> bool:
        return True


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    if "\n" in value:
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|")
    if re.fullmatch(r"[0-9][0-9-]*", value):  # 08, 2023, 2-1: always text
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style='"')
    return dumper.represent_scalar("tag:yaml.org,2002:str", value)


_Dumper.add_representer(str, _str)
_Dumper.add_representer(
    dt.date, lambda d, v: d.represent_scalar("tag:yaml.org,2002:timestamp", v.isoformat())
)


def dump(data: Any) -> str:
    return yaml.dump(
        data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100000, indent=2
    )


def schemas_dir(start: Path) -> Path:
    """The repository's schemas/ folder above the data folder (editors resolve the first line)."""
    for folder in [start, *start.parents]:
        if (folder / "schemas" / "task.schema.json").is_file():
            return folder / "schemas"
    return start.parent / "schemas"


def quoted(text: str) -> str:
    """``text`` as a YAML double-quoted scalar on one line: backslash, quote, every control, line
    break, bidirectional and zero-width character escaped (a file name in a head comment can never
    start a line of YAML of its own)."""
    return '"' + printable(text.replace("\\", "\\\\").replace('"', '\\"')) + '"'


def header(path: Path, schema: str, schemas: Path, comment: str) -> str:
    relative = os.path.relpath(schemas / schema, path.parent).replace(os.sep, "/")
    return f"# yaml-language-server: $schema={printable(relative)}\n# {printable(comment)}\n"


def write_plan(out: Path, plan: dict, tasks: list[dict], source_name: str) -> list[Path]:
    schemas = schemas_dir(out.resolve())
    folder = out / "plans" / plan["id"]
    (folder / "tasks").mkdir(parents=True, exist_ok=False)
    written = []
    comment = f"由 duban import-plan 从 {quoted(source_name)} 导入，待核对。{IMPORTED_EN}"
    path = folder / "plan.yaml"
    path.write_text(
        header(path, "plan.schema.json", schemas, comment) + dump(plan), encoding="utf-8"
    )
    written.append(path)
    for task in tasks:
        path = folder / "tasks" / f"{task['id']}.yaml"
        label = f"任务{task['id']}"
        text = header(path, "task.schema.json", schemas, f"{label}。{comment}") + dump(task)
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def write_org(out: Path, org: ImportOrg, base_text: str | None) -> Path:
    """org.yaml: the existing file with the new kinds, units, groups and bodies appended to their
    lists (its comments kept), or a new file."""
    path = out / "org.yaml"
    schemas = schemas_dir(out.resolve())
    additions = {
        "kinds": org.new_kinds,
        "units": org.new_units,
        "groups": org.new_groups,
        "bodies": org.new_bodies,
    }
    if base_text is None:
        data = {
            key: value for key, value in additions.items() if value or key in ("kinds", "units")
        }
        comment = f"单位与单位组，由 duban import-plan 从方案原文导入，待核对。{IMPORTED_EN}"
        path.write_text(
            header(path, "org.schema.json", schemas, comment) + dump(data), encoding="utf-8"
        )
        return path
    text = base_text if base_text.endswith("\n") else base_text + "\n"
    for key, items in additions.items():
        if items:
            text = insert_list_items(text, key, items)
    path.write_text(text, encoding="utf-8")
    return path


def insert_list_items(text: str, key: str, items: list[dict]) -> str:
    """Append items to the top-level list ``key:`` of a YAML text, in the list's indentation."""
    lines = text.split("\n")
    start = next(
        (i for i, line in enumerate(lines) if re.match(rf"{key}:\s*(\[\]\s*)?(#.*)?$", line)), None
    )
    if start is None:
        return text.rstrip("\n") + "\n" + key + ":\n" + _indented(items, "  ")
    if lines[start].split("#")[0].strip().endswith("[]"):
        lines[start] = f"{key}:"
    indent = "  "
    end = len(lines)
    for index in range(start + 1, len(lines)):
        line = lines[index]
        if re.match(r"\s*- ", line) and indent == "  " and index == _first_item(lines, start):
            indent = line[: len(line) - len(line.lstrip())]
        if line and not line[0].isspace() and not line.startswith(("-", "#")):
            end = index
            break
        if line.startswith("-") and indent != "":
            end = index
            break
    while end > start + 1 and (not lines[end - 1].strip() or lines[end - 1].startswith("#")):
        end -= 1
    block = _indented(items, indent).rstrip("\n").split("\n")
    return "\n".join([*lines[:end], *block, *lines[end:]])


def _first_item(lines: list[str], start: int) -> int:
    for index in range(start + 1, len(lines)):
        if re.match(r"\s*- ", lines[index]):
            return index
    return -1


def _indented(items: list[dict], indent: str) -> str:
    return "".join(indent + line + "\n" for line in dump(items).rstrip("\n").split("\n"))
