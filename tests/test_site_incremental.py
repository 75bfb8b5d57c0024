"""A dirty rebuild (``mkdocs serve --dirty``) after adding a briefing and editing another
rewrites only what changed, and leaves a site byte-identical to a full build."""

from __future__ import annotations

import json
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
    records = b"".join(data for path, data in full.items() if path.startswith("search/docs/"))
    assert b"Philippine regulator" in records


STEPS = """
import json
import shutil
import subprocess
import sys
from pathlib import Path
from mkdocs.commands.build import build
from mkdocs.config import load_config

project, steps = Path(sys.argv[1]), json.loads(sys.argv[2])

def dirty_build():
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(project / "dirty"))
    config.plugins.on_startup(command="serve", dirty=True)
    build(config, dirty=True)

dirty_build()
for number, code in enumerate(steps):
    exec(code)
    dirty_build()
    shutil.copytree(project / "dirty", project / f"dirty-{number}")
    full = ["-m", "mkdocs", "build", "-q", "-d", str(project / f"full-{number}")]
    subprocess.run([sys.executable, *full], cwd=project, check=True)
"""

KENYA = item(
    "Kenya's data commissioner fines a lender over leaked borrower records",
    "2025-11-28",
    ["KE"],
    "ai-governance-regulation",
    "Digital Watch Observatory",
    "Kenya's data protection commissioner fined a digital lender after borrower records "
    "leaked online.\n\nThe lender must notify every affected borrower within 30 days.",
)


def by_title(start: str) -> str:
    return next(it.path for it in standard_items() if it.briefing.title.startswith(start))


def write(item_: object, project: Path) -> str:
    page = project / "content" / item_.path  # type: ignore[attr-defined]
    text = render_page(item_.briefing, item_.body)  # type: ignore[attr-defined]
    return (
        f"p = Path({str(page)!r}); p.parent.mkdir(parents=True, exist_ok=True); "
        f"p.write_text({text!r})"
    )


def replace(file: Path, old: str, new: str) -> str:
    return f"p = Path({str(file)!r}); p.write_text(p.read_text().replace({old!r}, {new!r}, 1))"


def test_each_dirty_rebuild_of_a_serve_session_equals_a_full_build(tmp_path: Path) -> None:
    """In one plugin instance, as `mkdocs serve --dirty` keeps it: add briefings (one in a
    region no briefing had), edit a title, move a briefing to another topic, delete one
    and hold one back for review (their region pages and feeds disappear), edit the
    theme's template; after each rebuild the site equals a full build of the same
    archive, file for file."""
    project = tmp_path / "project"
    write_project(project, standard_items())
    content = project / "content"
    japan, india, korea = by_title("Japanese police"), by_title("India tells"), by_title("South")
    head = "{% block extrahead %}\n  {{ super() }}"
    template = project / "overrides/main.html"
    steps = [
        f"{write(NEW, project)}\n{write(KENYA, project)}",
        replace(content / korea, "title: South Korea makes", "title: Seoul makes"),
        replace(content / japan, "topic: deepfakes-misinformation", "topic: child-safety"),
        f"(Path({str(content / india)!r})).unlink()\n"
        + replace(content / by_title("Brazil"), "status: published", "status: review"),
        replace(template, head, head + '\n  <meta name="x-step" content="5">'),
    ]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [sys.executable, "-c", STEPS, str(project), json.dumps(steps)],
        cwd=project,
        capture_output=True,
        text=True,
        env=env,
    )
    assert result.returncode == 0, result.stderr
    sites = [(tree(project / f"dirty-{n}"), tree(project / f"full-{n}")) for n in range(len(steps))]
    for dirty, full in sites:
        assert sorted(dirty) == sorted(full)
        assert [path for path in full if dirty[path] != full[path]] == []
    added, edited, moved, deleted, restyled = (full for _dirty, full in sites)
    assert b"Philippine regulator" in added["index.html"]
    assert b"Kenya&#x27;s data commissioner" in added["regions/ke/index.html"]
    assert b"Seoul makes possessing" in edited["topics/deepfakes-misinformation/index.html"]
    japan_url = japan.removesuffix(".md").encode()
    assert japan_url in moved["topics/child-safety/index.html"]
    assert japan_url not in moved["topics/deepfakes-misinformation/index.html"]
    assert "regions/in/index.html" in moved and "feeds/regions/in.atom.xml" in moved
    assert "regions/in/index.html" not in deleted and "feeds/regions/in.atom.xml" not in deleted
    assert "regions/br/index.html" not in deleted
    assert not any(path.startswith(india.removesuffix(".md")) for path in deleted)
    assert b'name="x-step"' in restyled[japan.removesuffix(".md") + "/index.html"]
