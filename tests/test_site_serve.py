"""`mkdocs serve` shows a changed briefing or taxonomy on every derived page without a
restart, and a rebuild re-reads only the pages that changed."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from site_fixtures import standard_items, write_project

KOREA = "content/briefings/2026/01/south-korea-makes-possessing-sexual-deepfakes-a-crime.md"
OLD_TITLE = "South Korea makes possessing sexual deepfakes a crime"
NEW_TITLE = "South Korea criminalises watching sexual deepfakes"
OLD_DESCRIPTION = "Synthetic media, manipulated content and the people who make and police it."
NEW_DESCRIPTION = "Fabricated audio, images and video, and the law catching up with them."


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_rebuild_rereads_only_changed_pages_and_all_after_a_taxonomy_change(
    tmp_path: Path,
) -> None:
    config_file = write_project(tmp_path, standard_items())
    site = tmp_path / "site"
    plugin = None
    reads = []
    for change in [None, "briefing", "taxonomy"]:
        if change == "briefing":
            edit(tmp_path / KOREA, f"title: {OLD_TITLE}", f"title: {NEW_TITLE}")
        elif change == "taxonomy":
            edit(tmp_path / "content/_data/taxonomy.yaml", OLD_DESCRIPTION, NEW_DESCRIPTION)
        config = load_config(str(config_file), strict=True)
        plugin = plugin or config.plugins["briefings"]
        assert config.plugins["briefings"] is plugin
        before = plugin.cache.reads
        build(config)
        reads.append(plugin.cache.reads - before)
    assert reads == [16, 1, 16]
    topic = (site / "topics/deepfakes-misinformation/index.html").read_text(encoding="utf-8")
    assert NEW_TITLE in topic and OLD_TITLE not in topic
    assert NEW_DESCRIPTION in topic
    assert NEW_TITLE in (site / "index.html").read_text(encoding="utf-8")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


def wait_for(url: str, text: str, deadline: float = 90.0) -> str:
    """The page at `url` once it contains `text`; fails after `deadline` seconds."""
    end = time.monotonic() + deadline
    last = ""
    while time.monotonic() < end:
        try:
            last = fetch(url)
            if text in last:
                return last
        except OSError:
            pass
        time.sleep(0.5)
    pytest.fail(f"{url} never showed {text!r}")


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    write_project(tmp_path, standard_items())
    port = free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        yield tmp_path, f"http://127.0.0.1:{port}/briefings/"
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_serve_refreshes_derived_pages_when_a_briefing_or_the_taxonomy_changes(
    served: tuple[Path, str],
) -> None:
    root, base = served
    topic = base + "topics/deepfakes-misinformation/"
    wait_for(topic, OLD_TITLE)
    edit(root / KOREA, f"title: {OLD_TITLE}", f"title: {NEW_TITLE}")
    page = wait_for(topic, NEW_TITLE)
    assert OLD_TITLE not in page
    wait_for(base, NEW_TITLE)
    edit(root / "content/_data/taxonomy.yaml", OLD_DESCRIPTION, NEW_DESCRIPTION)
    wait_for(topic, NEW_DESCRIPTION)


def serve_with_watcher(root: Path, watcher: str, log: Path) -> tuple[subprocess.Popen[bytes], str]:
    """`mkdocs serve` in `root` with the plugin's `watcher` setting; the server and its URL."""
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    setting = f"  - briefings:\n      watcher: {watcher}\n"
    config.write_text(text.replace("  - briefings:\n", setting), encoding="utf-8")
    assert f"watcher: {watcher}" in config.read_text(encoding="utf-8")
    port = free_port()
    with log.open("wb") as out:
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
            cwd=root,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    return server, f"http://127.0.0.1:{port}/briefings/"


@pytest.mark.parametrize(
    ("watcher", "announced"),
    [("native", True), ("polling", False)],
)
def test_serve_rebuilds_once_per_saved_edit_and_never_while_nothing_changes(
    tmp_path: Path, watcher: str, announced: bool
) -> None:
    """Native change notification must not take the build's own reads of the pages for
    changes (a rebuild loop), nor a hidden file such as ingest's lock for a page (polling,
    MkDocs' own way, rebuilds for that too); polling stays available for filesystems
    without notifications."""
    write_project(tmp_path, standard_items())
    log = tmp_path / "serve.log"
    server, base = serve_with_watcher(tmp_path, watcher, log)
    try:
        wait_for(base, OLD_TITLE)
        (tmp_path / "content/.briefings.lock").write_text("", encoding="utf-8")
        time.sleep(3)
        builds = log.read_text(encoding="utf-8").count("Building documentation")
        assert builds == 1 if announced else builds in (1, 2)
        page = tmp_path / KOREA
        saved = page.with_name(".saving.tmp")
        saved.write_text(
            page.read_text(encoding="utf-8").replace(f"title: {OLD_TITLE}", f"title: {NEW_TITLE}"),
            encoding="utf-8",
        )
        saved.replace(page)
        wait_for(base, NEW_TITLE)
        time.sleep(3)
        output = log.read_text(encoding="utf-8")
        assert ("briefings: watching for changes with " in output) is announced
        assert output.count("Building documentation") == builds + 1, output
        assert "Traceback" not in output
    finally:
        server.terminate()
        server.wait(timeout=30)
