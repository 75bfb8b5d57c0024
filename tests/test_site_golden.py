"""The derived Markdown of a small archive (index pages and decorated briefing pages),
compared with golden files, and written to a folder by `generator.site.write_folder`
without MkDocs. Feeds are checked by parsing them back (test_site_feeds.py).

To accept a deliberate change: ``BRIEFINGS_UPDATE_GOLDEN=1 pytest tests/test_site_golden.py``
and review the diff of tests/data/site_golden/.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from site_fixtures import ROOT, standard_items, write_archive

from generator.site import write_folder

GOLDEN = Path(__file__).resolve().parent / "data" / "site_golden"
TITLES = ("Japanese police", "South Korea makes", "EU AI Office", "France fines", "UN General")
MAP = re.compile(r'<svg class="world-map".*?</svg>', re.DOTALL)


def small_archive(root: Path) -> Path:
    items = [it for it in standard_items() if it.briefing.title.startswith(TITLES)]
    assert len(items) == len(TITLES)
    return write_archive(root, items)


def comparable(path: Path) -> str:
    """File text with the world map reduced to its links (its shapes come from a package)."""
    text = path.read_text(encoding="utf-8")
    return MAP.sub(
        lambda m: (
            '<svg class="world-map"> ' + " ".join(re.findall(r"<a [^>]*>", m.group(0))) + " </svg>"
        ),
        text,
    )


def test_derived_pages_match_the_golden_files(tmp_path: Path) -> None:
    out = tmp_path / "out"
    written = [
        p for p in write_folder(small_archive(tmp_path / "project"), out) if p.endswith(".md")
    ]
    if os.environ.get("BRIEFINGS_UPDATE_GOLDEN"):
        shutil.rmtree(GOLDEN, ignore_errors=True)
        for rel in written:
            (GOLDEN / rel).parent.mkdir(parents=True, exist_ok=True)
            (GOLDEN / rel).write_text(comparable(out / rel), encoding="utf-8")
    expected = sorted(str(p.relative_to(GOLDEN)) for p in GOLDEN.rglob("*") if p.is_file())
    assert written == expected
    for rel in written:
        assert comparable(out / rel) == (GOLDEN / rel).read_text(encoding="utf-8"), rel


def test_folder_output_is_written_without_mkdocs_and_only_when_changed(tmp_path: Path) -> None:
    content = small_archive(tmp_path / "project")
    out = tmp_path / "out"
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from generator.site import write_folder\n"
        f"written = write_folder(Path({str(content)!r}), Path({str(out)!r}))\n"
        "print(len(written), any(m == 'mkdocs' or m.startswith('mkdocs.') for m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True
    )
    count, mkdocs_loaded = result.stdout.split()
    assert int(count) > 20 and mkdocs_loaded == "False"
    home = out / "index.md"
    briefing = next((out / "briefings").rglob("*.md"))
    assert 'class="briefing-chips"' in briefing.read_text(encoding="utf-8")
    before = home.stat().st_mtime_ns
    os.utime(home, ns=(before - 10**9, before - 10**9))
    write_folder(content, out)
    assert home.stat().st_mtime_ns == before - 10**9
