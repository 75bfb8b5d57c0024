"""Every verb of the command line has help, and both entry points offer the same verbs."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REQUIRED_VERBS = {"parse", "ingest", "validate", "review", "explain", "eval"}


def run_cli(*argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "generator", *argv],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


def verbs_in_help(text: str) -> list[str]:
    """Verbs an argparse top-level help lists: a `{a,b}` choice group, or the indented
    entries under the positional-arguments heading."""
    group = re.search(r"\{([a-z][a-z,-]*)\}", text)
    if group:
        return group.group(1).split(",")
    section = re.search(r"^positional arguments:\n(.*?)(?:\n\S|\Z)", text, re.S | re.M)
    if not section:
        return []
    return re.findall(r"^ {4}([a-z][a-z-]*)(?: {2,}|\n|$)", section.group(1), re.M)


def test_top_level_help_lists_every_required_verb() -> None:
    result = run_cli("--help")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    missing = REQUIRED_VERBS - set(verbs_in_help(result.stdout))
    assert not missing, f"--help does not list {sorted(missing)}:\n{result.stdout}"


def test_every_verb_listed_in_help_has_its_own_help() -> None:
    verbs = verbs_in_help(run_cli("--help").stdout)
    assert verbs, "no verb found in `python -m generator --help`"
    failures = []
    for verb in verbs:
        result = run_cli(verb, "--help")
        usage = re.search(rf"^usage: \S+ {re.escape(verb)}\b", result.stdout, re.M)
        if result.returncode != 0 or result.stderr or not usage:
            failures.append(f"{verb}: exit {result.returncode}\n{result.stdout}{result.stderr}")
    assert not failures, "\n\n".join(failures)


def test_console_script_offers_the_same_verbs_as_python_dash_m() -> None:
    script = Path(sys.executable).with_name("briefings")
    assert script.exists(), f"{script} missing: install the project with `pip install -e .`"
    console = subprocess.run(
        [str(script), "--help"], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert console.returncode == 0, console.stderr
    assert verbs_in_help(console.stdout) == verbs_in_help(run_cli("--help").stdout)


def test_unknown_verb_is_a_usage_error_without_traceback() -> None:
    result = run_cli("frobnicate")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "frobnicate" in result.stderr
