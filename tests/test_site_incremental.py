"""A dirty rebuild (``mkdocs serve --dirty``) after adding a briefing and editing another
rewrites only what changed, and leaves a site byte-identical to a full build."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from site_fixtures import ROOT, item, standard_items, write_project

from generator.pages import render_page

SCRIPT = """
import sys
from pathlib import Path
from mkdocs.commands.build import build
from mkdocs.config import load_config

project, site, edit = Path(sys.argv[1]), sys.argv[2], sys.argv[3] == "edit"

def build_once(dirty):
    config = load_config(str(project / "mkdocs.yml"), site_dir=site)
    config.plugins.on_startup(command="serve", dirty=dirty)
    build(config, dirty=dirty)

def stamps():
    return {p: p.stat().st_mtime_ns for p in Path(site).rglob("*.html")}

build_once(dirty=edit)
if edit:
    before = stamps()
    exec(Path(project / "edit.py").read_text())
    build_once(dirty=True)
    after = stamps()
    print(sum(1 for p, t in after.items() if before.get(p) != t), len(after))
"""

NEW = item(
    "Philippine regulator orders takedown of deepfake videos of the president",
    "2026-01-20",
    ["PH"],
    "deepfakes-misinformation",
    "Reuters",
    "The Philippines' communications regulator ordered platforms to take down deepfake "
    "videos that show the president announcing a fake policy.\n\n"
    "Police said the deepfake videos were shared thousands of times before removal.",
    tags=("generative AI",),
)


def run(project: Path, site: Path, mode: str) -> str:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(project), str(site), mode],
        cwd=project,
        capture_output=True,
        text=True,
        env=env,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def tree(site: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(site)): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()
    }


def test_dirty_rebuild_rewrites_only_what_changed_and_equals_a_full_build(tmp_path: Path) -> None:
    project = tmp_path / "project"
    write_project(project, standard_items())
    new_page = project / "content" / NEW.path
    korea = (
        project
        / "content/briefings/2026/01/south-korea-makes-possessing-sexual-deepfakes-a-crime.md"
    )
    (project / "edit.py").write_text(
        f"Path({str(new_page)!r}).parent.mkdir(parents=True, exist_ok=True)\n"
        f"Path({str(new_page)!r}).write_text({render_page(NEW.briefing, NEW.body)!r})\n"
        f"k = Path({str(korea)!r})\n"
        "k.write_text(k.read_text().replace('title: South Korea makes', 'title: Seoul makes'))\n",
        encoding="utf-8",
    )
    rewritten, total = map(int, run(project, tmp_path / "dirty", "edit").split())
    assert 0 < rewritten < total
    run(project, tmp_path / "full", "full")
    dirty, full = tree(tmp_path / "dirty"), tree(tmp_path / "full")
    assert sorted(dirty) == sorted(full)
    assert [path for path in full if dirty[path] != full[path]] == []
    assert b"Seoul makes possessing" in full["topics/deepfakes-misinformation/index.html"]
    assert b"Philippine regulator" in full["search/search_index.json"]
