"""The README's two-command quick start: what it says, what dev.py does, what CI runs."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FAKE_TOOL = '#!/bin/sh\necho "{name} $*" >> "{log}"\nexit {status}\n'


def quick_start_commands() -> list[str]:
    """Command lines in the fenced code blocks of the README's Quick start section."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = re.search(r"^## Quick start\n(.*?)(?=^## |\Z)", readme, re.S | re.M)
    assert section, "README.md has no '## Quick start' section"
    blocks = re.findall(r"^```[a-z]*\n(.*?)^```", section.group(1), re.S | re.M)
    lines = (line.strip().removeprefix("$ ") for block in blocks for line in block.splitlines())
    return [line for line in lines if line and not line.startswith("#")]


def run_dev(repo: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(repo / "dev.py"), *argv],
        cwd=repo,
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )


def dev_commands() -> list[str]:
    result = run_dev(ROOT, "--help")
    assert result.returncode == 0, result.stderr
    listing = result.stdout.split("commands:", 1)[1]
    return re.findall(r"^ {2}(\w+) ", listing, re.M)


@pytest.fixture
def fake_repo(tmp_path: Path) -> Path:
    """A copy of dev.py and pyproject.toml beside a `.venv` whose tools only log their arguments."""
    shutil.copy(ROOT / "dev.py", tmp_path / "dev.py")
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    shutil.copytree(ROOT / ".ci", tmp_path / ".ci")
    (tmp_path / ".venv" / "bin").mkdir(parents=True)
    for name in ("python", "mkdocs", "ruff", "mypy"):
        fake(tmp_path, name)
    return tmp_path


def fake(repo: Path, name: str, status: int = 0) -> None:
    tool = repo / ".venv" / "bin" / name
    tool.write_text(FAKE_TOOL.format(name=name, log=repo / "calls.log", status=status))
    tool.chmod(0o755)


def calls(repo: Path) -> list[str]:
    log = repo / "calls.log"
    lines = [line.rstrip() for line in log.read_text().splitlines()] if log.exists() else []
    log.unlink(missing_ok=True)
    return lines


def test_readme_quick_start_is_exactly_two_dev_py_commands() -> None:
    commands = quick_start_commands()
    assert len(commands) == 2, commands
    assert commands[0] in {"python3 dev.py serve", "python3 dev.py build"}
    assert commands[1] == "python3 dev.py test"


def test_quick_start_commands_are_subcommands_of_dev_py() -> None:
    available = dev_commands()
    assert {"serve", "build", "test"} <= set(available)
    for command in quick_start_commands():
        assert command.split()[2] in available


def test_ci_runs_the_readme_test_command() -> None:
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    code = [line.strip() for line in script.splitlines() if not line.lstrip().startswith("#")]
    assert "set -euo pipefail" in code
    assert any(re.fullmatch(r"(exec )?python3 dev\.py test( \"\$@\")?", line) for line in code)
    assert quick_start_commands()[1] == "python3 dev.py test"


def test_dev_py_unknown_command_prints_usage_and_exits_2() -> None:
    result = run_dev(ROOT, "deploy")
    assert result.returncode == 2
    assert "unknown command 'deploy'" in result.stderr
    assert "python3 dev.py COMMAND" in result.stderr


def test_build_installs_the_project_once_then_only_when_pyproject_changes(fake_repo: Path) -> None:
    first = run_dev(fake_repo, "build")
    assert first.returncode == 0, first.stderr
    assert calls(fake_repo) == [
        "python -m pip install --disable-pip-version-check -e .",
        "mkdocs build --strict",
    ]
    again = run_dev(fake_repo, "build")
    assert "already installed" in again.stdout
    assert calls(fake_repo) == ["mkdocs build --strict"]

    with (fake_repo / "pyproject.toml").open("a") as pyproject:
        pyproject.write("\n# a new dependency\n")
    run_dev(fake_repo, "build")
    assert calls(fake_repo)[0] == "python -m pip install --disable-pip-version-check -e ."


def test_test_installs_test_extras_and_runs_lint_types_and_pytest(fake_repo: Path) -> None:
    run_dev(fake_repo, "build")
    calls(fake_repo)
    result = run_dev(fake_repo, "test", "-k", "ingest")
    assert result.returncode == 0, result.stderr
    assert calls(fake_repo) == [
        "python -m pip install --disable-pip-version-check -e .[test]",
        "ruff check .",
        "mypy",
        "python -m pytest -n auto --dist loadfile -k ingest",
    ]
    run_dev(fake_repo, "serve")
    assert calls(fake_repo) == ["mkdocs serve --dirty"], "the test extras already cover serve"
    run_dev(fake_repo, "serve", "--clean")
    assert calls(fake_repo) == ["mkdocs serve --clean"]


def test_test_runs_every_step_and_fails_naming_the_step_that_failed(fake_repo: Path) -> None:
    fake(fake_repo, "mypy", status=1)
    result = run_dev(fake_repo, "test")
    assert result.returncode == 1
    assert "mypy failed (exit 1)" in result.stderr
    assert calls(fake_repo)[-1].startswith("python -m pytest")


def test_failed_install_is_retried_on_the_next_run(fake_repo: Path) -> None:
    fake(fake_repo, "python", status=1)
    failed = run_dev(fake_repo, "build")
    assert failed.returncode == 1
    assert "pip install failed" in failed.stderr
    assert calls(fake_repo) == ["python -m pip install --disable-pip-version-check -e ."]
    fake(fake_repo, "python")
    run_dev(fake_repo, "build")
    assert calls(fake_repo)[0] == "python -m pip install --disable-pip-version-check -e ."

