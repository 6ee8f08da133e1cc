"""Plausible Chinese progress text for generate.py's heavy profile: a month's report in one to
several sentences (what was done, with numbers, problems, next steps), different each time."""

from __future__ import annotations

import datetime as dt
import random

THINGS = (  # what the tasks are about: the generator's task titles and the reports' words
    "行政执法公示制度",
    "重大决策程序",
    "执法全过程记录",
    "法律顾问制度",
    "信访工作机制",
    "复议应诉工作",
    "权责清单",
    "执法人员培训",
    "证明事项告知承诺制",
    "政务公开",
)
MEETINGS = ("党组会议", "专题推进会", "工作调度会", "局务会议", "联席会议", "部署会")
OPENINGS = (
    "{m}月，召开{meeting}，传达学习上级有关部署，研究{thing}的具体措施。",
    "{m}月，对照方案逐项梳理{thing}落实情况，形成问题清单{n}项、责任清单{k}项。",
    "{m}月，主要负责同志带队到{k}个乡镇（街道）督导{thing}，现场解决问题{n}个。",
    "{m}月，印发{thing}年度工作要点，明确{n}项重点任务和完成时限。",
    "{m}月，围绕{thing}开展专项检查，抽查案卷{n}件，发现问题{k}个。",
)
MIDDLES = (
    "组织业务培训{k}期，参训{n}人次，覆盖全部执法岗位。",
    "建立工作台账，实行月调度、季通报，已销号{n}项。",
    "办理行政复议案件{n}件，纠错{k}件，纠错率较上年有所下降。",
    "编制权责清单事项{n}项，动态调整{k}项，均已在门户网站公开。",
    "推行证明事项告知承诺制，涉及事项{n}项，惠及群众{k}00余人次。",
    "受理群众来信来访{n}件次，按期办结率百分之{k}。",
    "对{k}个执法单位开展案卷评查，评查案卷{n}卷，优良率稳步提升。",
    "与{k}家单位建立协作机制，联合开展执法行动{n}次。",
)
CLOSINGS = (
    "存在的主要问题是基层执法力量不足、信息化水平不高。",
    "下一步，将继续压实责任，加强督促检查，确保按期完成。",
    "部分乡镇工作进度偏慢，已专门发函督促。",
    "下步将结合年度考核，把落实情况纳入绩效评价。",
    "相关材料已报送市局备案。",
    "将于下月底前完成整改并报送整改情况。",
)
EVIDENCE = ("工作方案", "会议纪要", "工作台账", "检查通报", "培训签到表", "整改报告", "总结报告")


def progress(rnd: random.Random, day: dt.date, many: int) -> str:
    """``many`` sentences of the month of ``day``: what was done, figures, what comes next."""
    numbers = {"n": rnd.randint(2, 180), "k": rnd.randint(2, 30)}
    opening = rnd.choice(OPENINGS)
    parts = [
        opening.format(
            m=day.month, meeting=rnd.choice(MEETINGS), thing=rnd.choice(THINGS), **numbers
        )
    ]
    for _ in range(many - 2):
        parts.append(rnd.choice(MIDDLES).format(n=rnd.randint(3, 400), k=rnd.randint(2, 60)))
    if many > 1:
        parts.append(rnd.choice(CLOSINGS))
    return "".join(parts)
