"""The package's stages, and the direction of imports between them (docs/architecture.md).

Data flows one way: i18n -> model -> load -> evaluation -> outputs -> site | intake | plan_import
-> cli | plugin. A module may import its own stage and the stages below it, never one above
(nor a sibling among site, intake and plan_import); no two modules import each other, however
indirectly; and nothing of duban's is imported inside a function, where such an import would
hide a cycle from this test. The command table's handlers (named by string, imported when their
command runs) are checked like imports.
"""

from __future__ import annotations

import ast
import functools
import subprocess
import sys
from pathlib import Path

import pytest

import duban
from duban.cli.main import COMMANDS

PACKAGE = Path(duban.__file__).resolve().parent

STAGES = {
    "i18n": 0,
    "model": 1,
    "load": 2,
    "evaluation": 3,
    "outputs": 4,
    "site": 5,
    "intake": 5,
    "plan_import": 5,
    "federation": 5,  # h20b: other repositories' exports, read for the edges (cli, plugin)
    "cli": 6,
    "plugin": 6,
    "__main__": 7,
}
"""Each top-level package or module of duban, by stage: lower numbers are further down."""


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


# Read once a run: the import reader looks every imported name up among the modules, and three
# tests read every module's imports (walking the package and parsing each file again cost each
# of them some 8 s)
@functools.cache
def modules() -> dict[str, Path]:
    return {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


@functools.cache
def imported(name: str, path: Path) -> tuple[frozenset[str], tuple[str, ...]]:
    """(duban modules imported at module level, duban imports made inside a function)."""
    tree = ast.parse(path.read_text("utf-8"))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    known = modules()
    top: set[str] = set()
    nested: list[str] = []

    def targets(node: ast.Import | ast.ImportFrom) -> list[str]:
        if isinstance(node, ast.Import):
            return [a.name for a in node.names]
        base = node.module or ""
        if node.level:
            parts = package.split(".")
            parts = parts[: len(parts) - node.level + 1]
            base = ".".join([*parts, *([node.module] if node.module else [])])
        # ``from duban.x import y`` imports the module duban.x.y when there is one
        return [f"{base}.{a.name}" if f"{base}.{a.name}" in known else base for a in node.names]

    def visit(node: ast.AST, in_function: bool) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.Import | ast.ImportFrom):
                found = [t for t in targets(child) if t == "duban" or t.startswith("duban.")]
                if in_function:
                    nested.extend(f"{name}:{child.lineno}: {t}" for t in sorted(set(found)))
                else:
                    top.update(found)
            visit(child, in_function or isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef))

    visit(tree, False)
    top.discard("duban")  # the package's own __init__ (its version)
    return frozenset(top), tuple(nested)


def graph() -> dict[str, set[str]]:
    result = {name: set(imported(name, path)[0]) for name, path in modules().items()}
    # the command table's handlers are imports made when the command runs
    for command in COMMANDS:
        module = "duban.cli." + command.handler.partition(":")[0]
        result["duban.cli.main"].add(module)
    return result


def stage(module: str) -> tuple[int, str]:
    parts = module.split(".")
    if len(parts) == 1:
        return -1, ""  # the package itself: its version only
    top = parts[1]
    assert top in STAGES, f"{module}: a new top-level package needs a stage in this test"
    return STAGES[top], top


def test_every_module_has_a_stage():
    for name in modules():
        stage(name)


def test_imports_only_point_down_the_stages():
    wrong = []
    for name, targets in graph().items():
        level, package = stage(name)
        for target in sorted(targets):
            target_level, target_package = stage(target)
            if target_level > level or (target_level == level and target_package != package):
                wrong.append(f"{name} -> {target}")
    assert not wrong, "imports pointing up or sideways:\n" + "\n".join(wrong)


def test_there_is_no_import_cycle():
    edges = graph()
    state: dict[str, int] = {}
    cycles = []

    def walk(node: str, trail: list[str]) -> None:
        state[node] = 1
        for target in sorted(edges.get(node, ())):
            if state.get(target) == 1:
                cycles.append(" -> ".join([*trail[trail.index(target) :], target]))
            elif target not in state:
                walk(target, [*trail, target])
        state[node] = 2

    for node in sorted(edges):
        if node not in state:
            walk(node, [node])
    assert not cycles, "import cycles:\n" + "\n".join(cycles)


def test_nothing_of_duban_is_imported_inside_a_function():
    nested = [line for name, path in modules().items() for line in imported(name, path)[1]]
    assert not nested, "imports inside functions:\n" + "\n".join(nested)


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("from duban.site import views\n", {"duban.site.views"}),
        ("from duban.model.model import Model\n", {"duban.model.model"}),
        ("import duban.outputs.ics\n", {"duban.outputs.ics"}),
    ],
)
def test_the_import_reader_sees_each_form_of_import(tmp_path, source, expected):
    path = tmp_path / "probe.py"
    path.write_text(source + "def f():\n    from duban.load import project\n", "utf-8")
    top, nested = imported("duban.probe", path)
    assert top == expected
    assert nested == ("duban.probe:3: duban.load.project",)


def test_validate_loads_no_template_spreadsheet_or_word_library():
    """``duban validate`` on a province runs on every pull request: it loads what it needs."""
    code = (
        "import sys\n"
        "from duban.cli.main import COMMANDS\n"
        "validate = next(c for c in COMMANDS if c.name == 'validate')\n"
        "__import__('duban.cli.' + validate.handler.partition(':')[0])\n"
        "heavy = ('jinja2', 'xlsxwriter', 'openpyxl', 'docx', 'lxml', 'jieba', 'mkdocs',"
        " 'apprise')\n"
        "print(' '.join(sorted(m for m in sys.modules if m.split('.')[0] in heavy)))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""


def test_no_module_is_too_long_to_read_unless_it_is_one_concept():
    """About 400 lines at most; the exceptions are one concept each (docs/architecture.md)."""
    one_concept = {
        "duban.i18n.messages",  # the message catalogue: one table of English and Chinese
    }
    long = []
    for name, path in modules().items():
        lines = len(path.read_text("utf-8").splitlines())
        if lines > 420 and name not in one_concept:
            long.append(f"{name}: {lines} lines")
    assert not long, "\n".join(long)
