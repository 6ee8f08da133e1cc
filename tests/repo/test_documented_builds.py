"""The 报送进展 button needs the plugin's ``repository`` (DUBAN_REPOSITORY): every workflow that
builds the site sets it from the repository it runs in, and the guide and README say when the
button appears and what to do without it (issue 22)."""

from __future__ import annotations

import yaml

from helpers import ROOT

WORKFLOWS = ROOT / ".github" / "workflows"
REPOSITORY = "${{ github.server_url }}/${{ github.repository }}"


def test_every_workflow_that_builds_the_site_sets_the_repository():
    builds = []
    for path in sorted(WORKFLOWS.glob("*.yml")):
        for job in yaml.safe_load(path.read_text(encoding="utf-8"))["jobs"].values():
            for step in job.get("steps", []):
                if "mkdocs build" in step.get("run", ""):
                    builds.append((path.name, step.get("env", {}).get("DUBAN_REPOSITORY")))
    assert {name for name, _ in builds} >= {"ci.yml", "pages.yml"}
    assert all(value == REPOSITORY for _, value in builds), builds


def test_the_guide_and_readme_say_when_the_report_button_appears():
    guide = (ROOT / "docs" / "guide.md").read_text(encoding="utf-8")
    assert "只有网站由本仓库的 GitHub Actions 发布" in guide and "DUBAN_REPOSITORY" in guide
    assert "[填表格](#spreadsheet)" in guide  # what to do without the button
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "DUBAN_REPOSITORY=https://github.com/OWNER/REPO mkdocs build --strict" in readme
