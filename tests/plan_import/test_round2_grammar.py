"""The grammar of real plans, second round (issue 18, branch w-import-round2): each form quoted
from, or written after, a published plan of the tuned corpus files."""

from __future__ import annotations

from duban.plan_import import import_text
from duban.plan_import.agreement import compare
from duban.plan_import.units import ImportOrg


def test_a_task_whose_text_names_no_deadline_gets_the_marked_unwritten_form_not_ongoing() -> None:
    # 立山区2023年工作方案: “牵头单位：”“责任单位：”各占一行，任务本身没有写时间
    text = (
        "立山区2023年优化营商环境工作方案\n一、重点任务\n"
        "（一）深化“一网通办”。推进政务服务事项全程网办。\n牵头单位：区营商局\n"
        "（二）开展专项整治。2023年6月底前完成。\n牵头单位：区市场监管局\n"
    )
    result = import_text(text, ImportOrg(), "p")
    tasks = {t["id"]: t for t in result.tasks}
    unwritten = tasks["1-1"]["due"]
    assert unwritten == [
        {"kind": "ongoing", "id": "unwritten", "label": "原文未写完成时限", "as_written": "原文未写完成时限"}
    ]
    assert tasks["1-2"]["due"][0]["kind"] == "date"  # a written deadline stays what it says
    # compared with a hand-curated task that has no due, the marked form counts as no deadline
    hand = {"1-1": {"id": "1-1", "section": 1, "number": 1, "roles": {"lead": ["区营商局"]}}}
    agreement = compare({"1-1": tasks["1-1"]}, hand, result.org)
    assert agreement.deadlines == (0, 0) and agreement.roles == (1, 1)
    # but a real ongoing deadline (长期坚持) is still a deadline the comparison counts
    real = {**tasks["1-1"], "due": [{"kind": "ongoing", "as_written": "长期坚持"}]}
    assert compare({"1-1": real}, hand, result.org).deadlines == (0, 1)
