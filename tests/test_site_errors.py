"""A bad briefing page is reported as ``path:line: message`` and skipped: ``mkdocs build
--strict`` fails on it, a plain build (as ``mkdocs serve`` does) builds everything else."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from site_fixtures import standard_items, write_project

KOREA = "content/briefings/2026/01/south-korea-makes-possessing-sexual-deepfakes-a-crime.md"


def mkdocs(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", *args],
        cwd=project,
        capture_output=True,
        text=True,
        env=env,
    )


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    """A project with one page of impossible YAML and one with a topic not in the taxonomy."""
    write_project(tmp_path, standard_items()[:3])
    folder = tmp_path / "content/briefings/2026/02"
    folder.mkdir(parents=True)
    (folder / "broken.md").write_text(
        "---\nid: 0123456789ab\nslug: broken\ntitle: Broken\ndate: 2026-02-30\n---\n\nBody.\n",
        encoding="utf-8",
    )
    text = (tmp_path / KOREA).read_text(encoding="utf-8")
    (folder / "typo.md").write_text(
        text.replace("topic: deepfakes-misinformation", "topic: deepfake"), encoding="utf-8"
    )
    return tmp_path


def test_strict_build_fails_naming_each_bad_page_and_line(broken: Path) -> None:
    result = mkdocs(broken, "--strict")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert (
        "briefings: content/briefings/2026/02/broken.md:5: front-matter has an impossible "
        "value: day is out of range for month" in result.stderr
    )
    line = next(
        n
        for n, text in enumerate((broken / KOREA).read_text().splitlines(), 1)
        if text.startswith("topic:")
    )
    assert (
        f"briefings: content/briefings/2026/02/typo.md:{line}: topic: 'deepfake' is not in the "
        "taxonomy (did you mean deepfakes-misinformation?)" in result.stderr
    )


def test_lenient_build_skips_bad_pages_and_builds_the_rest(broken: Path) -> None:
    result = mkdocs(broken)
    assert result.returncode == 0, result.stderr
    assert "content/briefings/2026/02/broken.md:5:" in result.stderr
    site = broken / "site"
    assert (
        site / "briefings/2026/01/south-korea-makes-possessing-sexual-deepfakes-a-crime"
    ).is_dir()
    assert not (site / "briefings/2026/02").exists()
    assert "typo" not in (site / "topics/deepfakes-misinformation/index.html").read_text()


def test_a_file_where_a_derived_page_goes_is_refused(tmp_path: Path) -> None:
    write_project(tmp_path, standard_items()[:2])
    (tmp_path / "content/tags").mkdir()
    (tmp_path / "content/tags/index.md").write_text("# My tags\n", encoding="utf-8")
    result = mkdocs(tmp_path)
    assert result.returncode == 1
    assert (
        "content/tags/index.md: this file collides with a page the briefings plugin derives"
        in result.stderr
    )


def test_an_invalid_vocabulary_stops_the_build_with_its_file(tmp_path: Path) -> None:
    write_project(tmp_path, standard_items()[:2])
    taxonomy = tmp_path / "content/_data/taxonomy.yaml"
    taxonomy.write_text(taxonomy.read_text() + "  bad: [unclosed\n", encoding="utf-8")
    result = mkdocs(tmp_path)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "ERROR   -  content/_data/taxonomy.yaml:" in result.stderr
