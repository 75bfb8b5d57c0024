#!/usr/bin/env python3
"""Bootstrap a development environment and run the project's everyday tasks.

Standard library only, so it runs on a fresh clone with nothing but Python 3.11+:

    python3 dev.py serve   # create .venv, install the project, preview the site
    python3 dev.py build   # the same, then `mkdocs build --strict` into site/
    python3 dev.py test    # install the test extras, then ruff, mypy and pytest

The project is (re)installed into `.venv` only when `pyproject.toml` changed since the
last install, or when a command needs extras that were not installed; a stamp file in
`.venv` records what was installed from which `pyproject.toml`.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import venv
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
STAMP = VENV / ".briefings-install.json"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
CHROMIUM = Path("/usr/bin/chromium")
MIN_PYTHON = (3, 11)


class StepFailed(Exception):
    """A step exited non-zero; the message names the step."""


def step(title: str) -> None:
    """Print a step header so a reader of a long log can see where it is."""
    print(f"\n==> {title}", flush=True)


def run(argv: Sequence[str | Path], what: str) -> None:
    """Run a command from the repository root; raise `StepFailed` naming `what` on failure."""
    print("$ " + " ".join(str(arg) for arg in argv), flush=True)
    code = subprocess.call([str(arg) for arg in argv], cwd=ROOT)
    if code != 0:
        raise StepFailed(f"{what} failed (exit {code})")


def tool(name: str) -> Path:
    """Path of a console script installed in the virtual environment."""
    return BIN / (name + (".exe" if os.name == "nt" else ""))


def pyproject_digest() -> str:
    return hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()


def read_stamp() -> tuple[str, frozenset[str]]:
    """The pyproject.toml digest and extras of the last successful install ("" if none)."""
    try:
        data = json.loads(STAMP.read_text(encoding="utf-8"))
        return str(data["pyproject"]), frozenset(str(extra) for extra in data["extras"])
    except (OSError, ValueError, KeyError, TypeError):
        return "", frozenset()


def pip_install(python: Path, args: list[str], what: str) -> None:
    run([python, "-m", "pip", "install", "--disable-pip-version-check", *args], what)


def ensure_venv() -> Path:
    """Create `.venv` with pip if it has no working interpreter; return its python."""
    python = tool("python")
    if python.exists():
        return python
    step(f"Creating virtual environment in {VENV.relative_to(ROOT)}/")
    if VENV.exists():
        shutil.rmtree(VENV)
    try:
        venv.create(VENV, with_pip=True)
    except (OSError, subprocess.CalledProcessError) as exc:
        raise StepFailed(
            f"could not create {VENV} ({exc}); on Debian/Ubuntu install the python3-venv package"
        ) from exc
    step("Upgrading pip in .venv (the pip bundled with Python may not resolve every extra)")
    pip_install(python, ["--upgrade", "pip"], "pip upgrade")
    return python


def ensure_installed(extras: frozenset[str]) -> None:
    """`pip install -e .[extras]` unless the stamp shows these extras installed from this
    very pyproject.toml."""
    python = ensure_venv()
    digest = pyproject_digest()
    stamped, installed = read_stamp()
    if stamped == digest and extras <= installed:
        step("Project already installed in .venv (pyproject.toml unchanged)")
        return
    wanted = extras | installed
    target = "." + (f"[{','.join(sorted(wanted))}]" if wanted else "")
    step(f"Installing the project into .venv: pip install -e {target}")
    STAMP.unlink(missing_ok=True)
    pip_install(python, ["-e", target], "pip install")
    STAMP.write_text(
        json.dumps({"pyproject": digest, "extras": sorted(wanted)}, indent=2) + "\n",
        encoding="utf-8",
    )


def serve(args: list[str]) -> int:
    """Preview the site with live reload (extra arguments go to `mkdocs serve`). Rebuilds
    are dirty (only what a change affects; the briefings plugin makes them equal a full
    build) unless `--clean` is given."""
    ensure_installed(frozenset())
    step("Serving the archive: open the address mkdocs prints below (Ctrl+C stops it)")
    dirty = [] if {"--dirty", "--clean", "-c"} & set(args) else ["--dirty"]
    argv = [str(tool("mkdocs")), "serve", *dirty, *args]
    print("$ " + " ".join(argv), flush=True)
    os.chdir(ROOT)
    os.execv(argv[0], argv)


def build(args: list[str]) -> int:
    """Build the site into site/ with `mkdocs build --strict` (extra arguments go to mkdocs)."""
    ensure_installed(frozenset())
    step("Building the site: mkdocs build --strict")
    run([tool("mkdocs"), "build", "--strict", *args], "mkdocs build --strict")
    print(f"\nSite written to {ROOT / 'site'}/ (open index.html, or run `python3 dev.py serve`)")
    return 0


def ensure_browser() -> None:
    """Browser tests need Debian's Chromium at /usr/bin/chromium.

    As root (a fresh machine, CI) it is installed with apt-get when missing; otherwise a
    missing browser is an error in CI, where a skipped browser test would hide a failure,
    and a warning elsewhere.
    """
    if CHROMIUM.exists():
        return
    if shutil.which("apt-get") and hasattr(os, "geteuid") and os.geteuid() == 0:
        step("Installing Chromium for the browser tests (apt-get install chromium)")
        run(["bash", ROOT / ".ci" / "install-chromium"], "installing Chromium")
        return
    message = f"{CHROMIUM} not found: browser tests need it (sudo apt-get install -y chromium)"
    if os.environ.get("CI", "").lower() in {"1", "true", "yes"}:
        raise StepFailed(message)
    print(f"warning: {message}", file=sys.stderr)


def test(args: list[str]) -> int:
    """Lint, type-check and run the whole test suite (extra arguments go to pytest).

    `--skip-lint` skips ruff and mypy. All steps run even when one fails, and the
    exit status is non-zero if any failed.
    """
    skip_lint = "--skip-lint" in args
    pytest_args = [arg for arg in args if arg != "--skip-lint"]
    ensure_installed(frozenset({"test"}))
    ensure_browser()
    steps: list[tuple[str, list[str | Path]]] = []
    if not skip_lint:
        steps += [
            ("ruff check", [tool("ruff"), "check", "."]),
            ("mypy", [tool("mypy")]),
        ]
    chose_workers = any(
        arg.startswith(("-n", "--numprocesses")) or "no:xdist" in arg for arg in pytest_args
    )
    if not chose_workers:
        pytest_args = ["-n", "auto", "--dist", "loadfile", *pytest_args]
    steps.append(("pytest", [tool("python"), "-m", "pytest", *pytest_args]))
    failed: list[str] = []
    for title, argv in steps:
        step(title)
        try:
            run(argv, title)
        except StepFailed as exc:
            failed.append(str(exc))
    if failed:
        print("\ndev.py test: " + "; ".join(failed), file=sys.stderr)
        return 1
    return 0


COMMANDS: dict[str, Callable[[list[str]], int]] = {"serve": serve, "build": build, "test": test}


def usage() -> str:
    lines = ["usage: python3 dev.py COMMAND [ARGS...]", "", "commands:"]
    for name, func in COMMANDS.items():
        summary = (func.__doc__ or "").strip().splitlines()[0]
        lines.append(f"  {name:<6} {summary}")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    if sys.version_info < MIN_PYTHON:
        print(f"dev.py needs Python {'.'.join(map(str, MIN_PYTHON))}+", file=sys.stderr)
        return 2
    if not argv or argv[0] in {"-h", "--help", "help"}:
        print(usage())
        return 0 if argv else 2
    command = COMMANDS.get(argv[0])
    if command is None:
        print(f"dev.py: unknown command {argv[0]!r}\n\n{usage()}", file=sys.stderr)
        return 2
    try:
        return command(argv[1:])
    except StepFailed as exc:
        print(f"\ndev.py {argv[0]}: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
