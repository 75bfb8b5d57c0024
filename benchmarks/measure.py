"""Timed runs of child processes, the Python-Markdown floor, site sizes, tree diffs and
the `mkdocs serve` edit round-trip. Each function measures one thing and returns plain
data for the JSON report."""

from __future__ import annotations

import hashlib
import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import markdown

BRIEFING_HTML = re.compile(r"^briefings/\d{4}/\d{2}/")
WARNING = re.compile(r"^WARNING\b", re.MULTILINE)
QUIET = {"NO_MKDOCS_2_WARNING": "1"}
FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)


@dataclass
class Run:
    """A finished child process: wall and CPU time, its own peak RSS, exit status, log.

    CPU time (user + system) is the steadier figure on a machine shared with other work.
    """

    seconds: float
    cpu_s: float
    peak_rss_mb: float
    returncode: int
    log: Path
    warnings: int

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "seconds": round(self.seconds, 3),
            "cpu_s": round(self.cpu_s, 3),
            "peak_rss_mb": round(self.peak_rss_mb, 1),
            "warnings": self.warnings,
        }
        if self.returncode:
            data["error"] = f"exit {self.returncode}: {tail(self.log)}"
        return data


def tail(log: Path, lines: int = 6) -> str:
    text = log.read_text(encoding="utf-8", errors="replace").strip().splitlines()
    return " | ".join(text[-lines:])


_WRAPPER = """
import json, resource, subprocess, sys, time
start = time.perf_counter()
code = subprocess.call(sys.argv[2:])
seconds = time.perf_counter() - start
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
cpu = usage.ru_utime + usage.ru_stime
with open(sys.argv[1], "w") as out:
    json.dump({"seconds": seconds, "cpu_s": cpu, "rss_kb": usage.ru_maxrss, "code": code}, out)
"""


def run(
    cmd: list[str], log: Path, env: dict[str, str] | None = None, cwd: Path | None = None
) -> Run:
    """Run `cmd` to completion under a small wrapper process that reports its peak RSS.

    The wrapper matters: Linux counts a forked child's pre-exec memory in its peak, so
    a child forked straight from this (large) process would report at least our size.
    """
    stats = log.with_suffix(".stats.json")
    with log.open("wb") as out:
        subprocess.run(
            [sys.executable, "-c", _WRAPPER, str(stats), *cmd],
            stdout=out,
            stderr=subprocess.STDOUT,
            env={**os.environ, **QUIET, **(env or {})},
            cwd=cwd,
            check=True,
        )
    data = json.loads(stats.read_text())
    text = log.read_text(encoding="utf-8", errors="replace")
    warnings = len(WARNING.findall(text))
    return Run(data["seconds"], data["cpu_s"], data["rss_kb"] / 1024, data["code"], log, warnings)


def mkdocs_build(config: Path, log: Path, *extra: str, env: dict[str, str] | None = None) -> Run:
    return run([sys.executable, "-m", "mkdocs", "build", "-f", str(config), *extra], log, env)


def floor(content: Path, out: Path, pages: list[str]) -> dict[str, Any]:
    """Python-Markdown alone: read each page, drop its front-matter, convert, write HTML."""
    start, cpu = time.perf_counter(), time.process_time()
    for rel in pages:
        text = FRONT_MATTER.sub("", (content / rel).read_text(encoding="utf-8"), count=1)
        target = out / rel.removesuffix(".md") / "index.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(markdown.markdown(text), encoding="utf-8")
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    return {
        "seconds": round(seconds, 3),
        "cpu_s": round(cpu, 3),
        "pages_per_s": round(len(pages) / seconds, 1),
        "ms_per_page": round(1000 * seconds / len(pages), 3),
    }


def site_stats(site: Path, published: int) -> dict[str, Any]:
    """Total size, search index per published briefing, and the largest listing page
    (any HTML page that is not a briefing's own page)."""
    total = files = 0
    largest_listing = ("", 0)
    largest_page = ("", 0)
    for path in sorted(site.rglob("*")):
        if not path.is_file():
            continue
        size = path.stat().st_size
        total += size
        files += 1
        rel = path.relative_to(site).as_posix()
        if rel.endswith(".html"):
            largest_page = max(largest_page, (rel, size), key=lambda p: p[1])
            if not BRIEFING_HTML.match(rel):
                largest_listing = max(largest_listing, (rel, size), key=lambda p: p[1])
    index = site / "search" / "search_index.json"
    index_bytes = index.stat().st_size if index.exists() else 0
    return {
        "total_mb": round(total / 1e6, 2),
        "files": files,
        "search_index_bytes": index_bytes,
        "search_index_bytes_per_briefing": round(index_bytes / max(published, 1)),
        "largest_listing_page": largest_listing[0],
        "largest_listing_page_bytes": largest_listing[1],
        "largest_page": largest_page[0],
        "largest_page_bytes": largest_page[1],
    }


def _digests(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in root.rglob("*")
        if p.is_file()
    }


def tree_diff(a: Path, b: Path) -> list[str]:
    """Files that differ between two trees, or exist in only one (sorted)."""
    left, right = _digests(a), _digests(b)
    return sorted(k for k in left.keys() | right.keys() if left.get(k) != right.get(k))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode("utf-8", errors="replace")
    except urllib.error.HTTPError as exc:
        return exc.code, ""
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return 0, ""


def _wait_for(url: str, seconds: float, proc: subprocess.Popen[bytes], needle: str = "") -> float:
    """Poll `url` until it answers 200 (and contains `needle`); elapsed seconds."""
    start = time.perf_counter()
    while time.perf_counter() - start < seconds:
        if proc.poll() is not None:
            raise RuntimeError(f"mkdocs serve exited with status {proc.returncode}")
        status, body = _get(url)
        if status == 200 and needle in body:
            return time.perf_counter() - start
        time.sleep(0.1)
    raise TimeoutError(f"{url} did not show {needle or 'the page'} within {seconds:.0f} s")


def serve_edit(
    config: Path, mount: str, page: Path, url_path: str, log: Path, timeout: float, *extra: str
) -> dict[str, Any]:
    """Start `mkdocs serve`, append a marker to `page`, and time until the served page
    shows it. The page is restored and the server stopped whatever happens."""
    port = free_port()
    base = f"http://127.0.0.1:{port}{mount}"
    original = page.read_text(encoding="utf-8")
    marker = f"benchmarkmarker{time.time_ns()}"
    cmd = [sys.executable, "-m", "mkdocs", "serve", "-f", str(config), "-a", f"127.0.0.1:{port}"]
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [*cmd, *extra], stdout=out, stderr=subprocess.STDOUT, env={**os.environ, **QUIET}
        )
        try:
            startup = _wait_for(base + url_path, timeout, proc)
            time.sleep(1.0)
            page.write_text(original.rstrip("\n") + f" {marker}\n", encoding="utf-8")
            shown = _wait_for(base + url_path, timeout, proc, needle=marker)
            return {"startup_s": round(startup, 2), "edit_shown_s": round(shown, 2)}
        except (RuntimeError, TimeoutError) as exc:
            return {"error": f"{exc}: {tail(log)}"}
        finally:
            page.write_text(original, encoding="utf-8")
            proc.send_signal(signal.SIGINT)
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def profile(config: Path, out: Path, log: Path, top: int = 25) -> dict[str, Any]:
    """Build once under cProfile; the functions with the most cumulative time, ours
    (generator/, overrides/) and MkDocs' own phases, with their share of the build."""
    import pstats

    cmd = [sys.executable, "-m", "cProfile", "-o", str(out), "-m", "mkdocs", "build", "-q"]
    result = run([*cmd, "-f", str(config)], log)
    if result.returncode:
        return result.to_json()
    stats = pstats.Stats(str(out))
    entries = stats.stats  # type: ignore[attr-defined]
    total = max(ct for (_, _, _, ct, _) in entries.values())
    keep = ("/generator/", "/overrides/", "mkdocs/commands/build.py", "markdown/core.py")
    rows = []
    for (path, line, name), (_, calls, _, cumulative, _) in entries.items():
        if any(k in path for k in keep):
            where = path.split("/site-packages/")[-1].split("/work/main/")[-1]
            rows.append((cumulative, f"{where}:{line}({name})", calls))
    rows.sort(reverse=True)
    return {
        "profiled_s": round(total, 2),
        "file": str(out),
        "top": [
            {"function": f, "calls": n, "cumulative_s": round(c, 2), "share": round(c / total, 3)}
            for c, f, n in rows[:top]
        ],
    }
