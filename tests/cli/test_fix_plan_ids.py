"""A second plan makes ``plan`` required in every status and records entry: ``duban validate``
says so in one line per file naming the command that fixes it, and ``duban fix plan-ids`` writes
``plan: <id>`` into each entry as text (comments, order and quoting kept), all or nothing."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from duban.cli.main import main
from duban.i18n.messages import set_language, translate
from helpers import ROOT

COUNTY = ROOT / "examples" / "county" / "data"
OFFICE = ROOT / "examples" / "office" / "data"
FIRST, SECOND = "qingshan-fzzf-2023", "qingshan-gzbg-2024"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exit:
        code = exit.code if isinstance(exit.code, int) else 0
    out, err = capsys.readouterr()
    set_language(None)
    return code, out, err


@pytest.fixture
def one_plan(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The county example (one plan; its entries leave plan out), with the office's org.yaml
    (which names the units of the second plan too)."""
    data = tmp_path / "data"
    shutil.copytree(COUNTY, data)
    shutil.copy(OFFICE / "org.yaml", data / "org.yaml")
    monkeypatch.chdir(tmp_path)
    return data


@pytest.fixture
def two_plans(one_plan: Path) -> Path:
    shutil.copytree(OFFICE / "plans" / SECOND, one_plan / "plans" / SECOND)
    return one_plan


def snapshot(data: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(data)): p.read_bytes()
        for p in sorted(data.rglob("*.yaml"))
        if p.parent.name in ("status", "records")
    }


def unfixed(text: str) -> str:
    """The text with each ``- plan: FIRST`` line taken out and its dash given back."""
    lines = text.split("\n")
    out: list[str] = []
    dash = None
    for line in lines:
        if line.lstrip() == f"- plan: {FIRST}":
            dash = line.index("-")
            continue
        if dash is not None:
            assert line[dash : dash + 2] == "  "
            line = line[:dash] + "- " + line[dash + 2 :]
            dash = None
        out.append(line)
    return "\n".join(out)


def test_one_plan_needs_no_plan_field(one_plan, capsys):
    code, _, err = run(capsys, "validate")
    assert code == 0, err


def test_a_second_plan_is_reported_once_per_file_with_the_fix(two_plans, capsys):
    code, _, err = run(capsys, "validate")
    assert code == 1
    lines = err.splitlines()[:-1]
    needing = [
        n
        for n, text in snapshot(two_plans).items()
        if n.startswith("status/") and b"\n- task:" in text
    ]
    assert len(needing) > 10
    # one line per file, not one per entry (records are read once the status files pass)
    assert len(lines) == len(needing)
    assert sorted(line.split(":", 1)[0] for line in lines) == sorted(f"data/{n}" for n in needing)
    fagaiju = next(line for line in lines if line.startswith("data/status/fagaiju.yaml"))
    assert fagaiju == (
        "data/status/fagaiju.yaml:5:3: obligations[0]: plan is missing in 3 entries and is "
        f"required: this folder holds several plans ({FIRST}, {SECOND}); run "
        "`duban fix plan-ids --plan PLAN-ID` to write it into each"
    )
    # the office's records file too, once the status files name their plan
    records = two_plans / "records" / "yifa-ban.yaml"
    kept = records.read_bytes()
    assert run(capsys, "fix", "plan-ids", "--plan", FIRST)[0] == 0
    records.write_bytes(kept)
    code, _, err = run(capsys, "validate")
    assert (code, err.splitlines()[:-1]) == (
        1,
        [
            "data/records/yifa-ban.yaml:5:3: actions[0]: plan is missing in 4 entries and is "
            f"required: this folder holds several plans ({FIRST}, {SECOND}); run "
            "`duban fix plan-ids --plan PLAN-ID` to write it into each"
        ],
    )


def test_the_summary_is_chinese_by_default(two_plans, capsys, chinese):
    code, _, err = run(capsys, "validate")
    assert code == 1
    assert (
        "data/status/ducha-shi.yaml:5:3: obligations[0]: 1 项未填写 plan（本仓库有多个方案："
        f"{FIRST}, {SECOND}，必须填写）：运行 duban fix plan-ids --plan 方案标识 为每项补上"
    ) in err.splitlines()


def test_fix_writes_plan_into_each_entry_keeping_everything_else(two_plans, capsys):
    before = snapshot(two_plans)
    code, out, err = run(capsys, "fix", "plan-ids", "--plan", FIRST)
    assert code == 0, err
    after = snapshot(two_plans)
    changed = [name for name in before if before[name] != after[name]]
    assert len(changed) == len(out.splitlines()) - 1
    assert (
        "data/status/fagaiju.yaml: wrote plan: qingshan-fzzf-2023 into 3 entries (lines 5, 10, 14)"
        in out
    )
    for name in changed:
        assert unfixed(after[name].decode()) == before[name].decode()
    fagaiju = after["status/fagaiju.yaml"].decode()
    assert fagaiju.startswith("# yaml-language-server")
    assert f'obligations:\n- plan: {FIRST}\n  task: "2-2"\n  period: 2023-Q2\n' in fagaiju
    code, out, err = run(capsys, "validate")
    assert code == 0, err
    # a second run changes nothing
    code, out, _ = run(capsys, "fix", "plan-ids", "--plan", FIRST)
    assert (code, out) == (0, "nothing to change: every entry names its plan\n")
    assert snapshot(two_plans) == after


def test_fix_refuses_an_ambiguous_or_unknown_plan(two_plans, capsys):
    before = snapshot(two_plans)
    code, _, err = run(capsys, "fix", "plan-ids")
    assert code == 2
    assert err == (
        "duban fix: name the plan of the entries without one with --plan "
        f"(plans: {FIRST}, {SECOND})\n"
    )
    code, _, err = run(capsys, "fix", "plan-ids", "--plan", "nope")
    assert code == 2 and "there is no plan nope" in err
    # the wrong plan: its tasks are not the entries' tasks, so nothing is written at all
    code, out, err = run(capsys, "fix", "plan-ids", "--plan", SECOND)
    assert (code, out) == (1, "")
    assert (
        f"data/status/baisha-zhen.yaml:15:9: obligations[3].task: plan {SECOND} has no task '6-1'"
        in err
    )
    assert err.endswith("nothing was changed: correct these entries, then run the command again\n")
    assert snapshot(two_plans) == before


def test_fix_before_the_second_plan_takes_the_only_plan(one_plan, capsys):
    code, out, err = run(capsys, "fix", "plan-ids")
    assert code == 0, err
    assert out.endswith(f"now name plan {FIRST}; check with `duban validate`\n")
    shutil.copytree(OFFICE / "plans" / SECOND, one_plan / "plans" / SECOND)
    code, _, err = run(capsys, "validate")
    assert code == 0, err


def test_fix_keeps_crlf_and_refuses_flow_style(one_plan, capsys):
    status = one_plan / "status" / "fagaiju.yaml"
    text = status.read_text(encoding="utf-8")
    status.write_bytes(text.replace("\n", "\r\n").encode())
    code, _, err = run(capsys, "fix", "plan-ids")
    assert code == 0, err
    fixed = status.read_bytes()
    assert f'obligations:\r\n- plan: {FIRST}\r\n  task: "2-2"\r\n'.encode() in fixed
    assert b"\n" not in fixed.replace(b"\r\n", b"")
    status.write_text(
        'unit: fagaiju\nobligations:\n- {task: "2-2", period: 2023-Q2, state: done}\n',
        encoding="utf-8",
    )
    code, _, err = run(capsys, "fix", "plan-ids")
    assert code == 1
    assert (
        "data/status/fagaiju.yaml:3:3: obligations[0]: written in flow style: "
        f"add plan: {FIRST} by hand" in err
    )


def test_the_fix_problems_are_chinese():
    assert translate(f"plan {FIRST} has no task '6-1'", "zh") == f"方案 {FIRST} 中没有任务 '6-1'"
    assert translate(f"written in flow style: add plan: {FIRST} by hand", "zh") == (
        f"此项为流式写法（花括号）：请手工加上 plan: {FIRST}"
    )
