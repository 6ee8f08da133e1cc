"""The page jobs whose pages a memo keeps: taken from it instead of rendered (h24g).

Moved out of ``site/__init__.py`` by h24w, which added the summary pages keyed when they run
(:class:`~.summary_keys.LateKey`: the pages that show the downloads' sizes).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from duban.site import page_keys, split, summary_keys


def reused(
    jobs: list[split.Job],
    keys: list[str | summary_keys.LateKey | None],
    memo: page_keys.Memo | None,
    found: set[str],
) -> list[split.Job]:
    """The page jobs, those whose key ``memo`` holds made to take their pages from it. Each
    reads its pages when its turn comes, as a render would (all read first, a province's
    pages would be held while the downloads are made); in this process, where the memo's use
    is counted. One whose pages cannot be read after all renders them. The keys of the jobs
    whose pages the memo gave are added to ``found``. A late key is made when its job runs
    (in this process: such jobs need every download made first)."""
    if memo is None:
        return jobs
    result = []
    for job, key in zip(jobs, keys, strict=True):
        if isinstance(key, summary_keys.LateKey):  # h24w
            late = partial(_late, memo, key, job.run, found)
            result.append(split.Job(late, needs=job.needs, far=False, cost=job.cost))
            continue
        if key is None or not memo.has(key):
            result.append(job)
            continue
        kept = partial(_kept, memo, key, job.run, found)
        result.append(split.Job(kept, needs=job.needs, far=False, cost=0.0))
    return result


def _kept(
    memo: page_keys.Memo, key: str, run: Callable[[], dict[str, str]], found: set[str]
) -> dict[str, str]:
    pages = memo.get(key)
    if pages is None:
        return run()
    found.add(key)
    return dict(pages)


def _late(
    memo: page_keys.Memo,
    key: summary_keys.LateKey,
    run: Callable[[], dict[str, str]],
    found: set[str],
) -> dict[str, str]:
    value = key.resolve()
    return _kept(memo, value, run, found) if memo.has(value) else run()
