"""Shared by the curation tests: a throw-away archive folder with the repository's real
vocabulary, realistic hand-built briefings, and the CLI run as a user runs it."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from generator.cli import main
from generator.model import Briefing
from generator.store import LOCK_NAME, page_relpath, render_fingerprinted

ROOT = Path(__file__).resolve().parent.parent


def make_archive(tmp_path: Path) -> Path:
    """A content folder with the repository's vocabulary and an empty raw/ folder."""
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content" / "_data", content / "_data")
    (content / "raw").mkdir()
    return content


def briefing(**overrides: Any) -> Briefing:
    data: dict[str, Any] = {
        "id": "3f2a9c1b7d40",
        "slug": "japan-arrests-man-over-ai-generated-celebrity-images",
        "title": "Japan arrests man over AI-generated celebrity images",
        "date": dt.date(2026, 1, 21),
        "captured": dt.date(2026, 1, 23),
        "source": "Digital Watch Observatory",
        "region": "JP",
        "regions": ["JP"],
        "topic": "deepfakes-misinformation",
        "tags": ["deepfakes"],
        "summary": "Police in Osaka arrested a man suspected of selling AI-made obscene images.",
        "raw": "raw/digest-2026-01-23.txt",
    }
    data.update(overrides)
    return Briefing(**data)


BODY = (
    "Japanese police have arrested a 31-year-old man in Osaka on suspicion of selling "
    "AI-generated obscene images of female celebrities.\n\n"
    "The case has renewed calls in Japan for a law that would explicitly ban sexual deepfakes."
)


def write_briefing(
    content: Path, b: Briefing, body: str = BODY, raw_text: str = "digest\n"
) -> Path:
    """Write a page exactly as ingest would (with its fingerprint), and its raw file."""
    path = content / page_relpath(b)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_fingerprinted(b, body), encoding="utf-8")
    raw = content / b.raw
    if not raw.exists():
        raw.parent.mkdir(parents=True, exist_ok=True)
        raw.write_text(raw_text, encoding="utf-8")
    return path


def line_of(text: str, start: str) -> int:
    """1-based number of the first line of `text` starting with `start`."""
    for number, line in enumerate(text.splitlines(), 1):
        if line.startswith(start):
            return number
    raise AssertionError(f"no line starts with {start!r}")


def cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Run `briefings ARGV...` in this process: (exit status, stdout, stderr)."""
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def cli_process(
    *argv: str, cwd: Path = ROOT, env: dict[str, str] | None = None, timeout: float = 300
) -> subprocess.CompletedProcess[str]:
    """Run `python -m generator ARGV...` as a separate process."""
    return subprocess.run(
        [sys.executable, "-m", "generator", *argv],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, **(env or {})},
    )


def tree(folder: Path) -> dict[str, bytes]:
    """Every file below `folder` with its exact bytes (for byte-identical comparisons); the
    empty lock file an ingest leaves behind is not content and is left out."""
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.name != LOCK_NAME
    }
