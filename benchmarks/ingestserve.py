"""The ``ingest-serve`` measure: a curator adds a digest of 10 items to the archive while
``mkdocs serve --dirty`` runs; how long until the served site shows them?

The digest is captured two days after the last day of the synthetic archive (the
``ingest`` measure's digest is one day after it), so its briefings, dated by the
capture date, are the newest: on the first page of every listing they belong to.

1. The page cache is warmed with ``briefings ingest --dry-run`` (a curator's archive has
   it from the previous ingest), then ``mkdocs serve --dirty`` starts and is waited for.
2. The clock starts, ``briefings ingest -v`` writes the digest, and the served site is
   polled until a new briefing's own page answers and both its topic's listing page and
   the home page link to it. ``ingest_s`` is the ingest alone, ``shown_s`` the whole
   wait, ``serve_s`` the difference (the server's rebuild and the polling).
3. When the server has finished every rebuild, its output folder is compared file by
   file with a full ``mkdocs build`` of the same archive under the same ``site_url``
   (``mkdocs serve`` sets it to the address it serves at, which feeds and sitemaps
   contain): ``served_equals_full``.

The archive keeps the new briefings, so this measure runs after the others.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import measure
import sitecfg
import synth

from generator.pages import parse_page
from generator.site import urls

BUILT = re.compile(r"Documentation built in ([\d.]+) seconds")
CREATED = re.compile(r"^\s+created\s+(\S+\.md)$", re.M)
ROWS: tuple[tuple[str, tuple[str, ...], str], ...] = (
    ("ingest + serve --dirty: shown (s)", ("ingest_serve", "shown_s"), "{:,.2f}"),
    ("  of which ingest (s)", ("ingest_serve", "ingest_s"), "{:,.2f}"),
    ("  of which serve rebuild (s)", ("ingest_serve", "serve_s"), "{:,.2f}"),
    ("  served == full build", ("ingest_serve", "served_equals_full"), "{}"),
    ("  files differing", ("ingest_serve", "differing_count"), "{:,}"),
)


def measure_ingest_serve(
    root: Path,
    configs: dict[str, Path],
    mount: str,
    content: Path,
    stories: list[synth.Story],
    timeout: float,
) -> dict[str, Any]:
    """Run the measure on the archive in `content`: served with ``configs["ours"]``,
    compared with a full build made with ``configs["ours-b"]``."""
    logs = root / "logs"
    captured = max(synth.LAST_DAY, *(s.date for s in stories)) + dt.timedelta(days=2)
    raw = root / "incoming-serve" / f"{captured.isoformat()}-serve-digest.txt"
    raw.parent.mkdir(exist_ok=True)
    raw.write_text(synth.digest_text(stories, "digest", captured), encoding="utf-8")
    ingest = [sys.executable, "-m", "generator", "ingest", str(raw), "--content", str(content)]
    warmup = measure.run([*ingest, "--dry-run", "-v"], logs / "ingest-serve-warmup.log")
    port = measure.free_port()
    base = f"http://127.0.0.1:{port}{mount}"
    temp = root / "serve-tmp"
    temp.mkdir(exist_ok=True)
    log = logs / "ingest-serve.log"
    cmd = [sys.executable, "-m", "mkdocs", "serve", "--dirty", "-f", str(configs["ours"])]
    env = {**os.environ, **measure.QUIET, "TMPDIR": str(temp)}
    env.pop("SITE_URL", None)
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [*cmd, "-a", f"127.0.0.1:{port}"], stdout=out, stderr=subprocess.STDOUT, env=env
        )
        try:
            startup = measure._wait_for(base, timeout, proc)
            time.sleep(1.0)
            start = time.perf_counter()
            run = measure.run([*ingest, "-v"], logs / "ingest-serve-ingest.log")
            if run.returncode:
                return {"error": f"ingest: {measure.tail(run.log)}"}
            checks = _checks(content, run.log.read_text(encoding="utf-8"))
            shown = {}
            for url, needle in checks:
                measure._wait_for(base + url, timeout, proc, needle)
                shown[url or "/"] = round(time.perf_counter() - start, 2)
            total = time.perf_counter() - start
            builds = _settled(log, timeout, proc)
            [served] = temp.glob("mkdocs_*")
            full = measure.mkdocs_build(
                configs["ours-b"], logs / "ingest-serve-full.log", env={"SITE_URL": base}
            )
            site = Path(sitecfg.load(configs["ours-b"])["site_dir"])
            differing = measure.tree_diff(served, site) if not full.returncode else []
        except (RuntimeError, TimeoutError, ValueError) as exc:
            return {"error": f"{exc}: {measure.tail(log)}"}
        finally:
            proc.send_signal(signal.SIGINT)
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
    return {
        "cache_warmup_s": round(warmup.seconds, 2),
        "serve_startup_s": round(startup, 2),
        "ingest": run.to_json(),
        "ingest_s": round(run.seconds, 2),
        "ingest_cache": _cache_line(run.log),
        "shown_s": round(total, 2),
        "serve_s": round(total - run.seconds, 2),
        "urls_checked": shown,
        "rebuilds_s": builds,
        "full_build": full.to_json(),
        "served_equals_full": not differing and not full.returncode,
        "differing_count": len(differing),
        "differing": differing[:50],
    }


def _checks(content: Path, output: str) -> list[tuple[str, str]]:
    """(URL path, text it must contain) for the first briefing the ingest created: its
    page, its topic's listing page and the home page, which must link to it."""
    created = CREATED.findall(output)
    if not created:
        raise ValueError(f"the ingest created no published briefing: {output[-500:]}")
    path = Path(created[0])
    page = parse_page(path.read_text(encoding="utf-8"), str(path)).briefing
    url = urls.url_of(path.relative_to(content).as_posix())
    topic = urls.url_of(urls.listing("topics", page.topic))
    return [(url, ""), (topic, url), (urls.url_of(urls.HOME), url)]


def _settled(log: Path, timeout: float, proc: subprocess.Popen[bytes]) -> list[float]:
    """Wait until the server has finished every rebuild it started and started none for
    two seconds; the seconds MkDocs reports for each rebuild after the first build."""
    deadline = time.monotonic() + timeout
    quiet_since, last = time.monotonic(), ""
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"mkdocs serve exited with status {proc.returncode}")
        text = log.read_text(encoding="utf-8", errors="replace")
        started = text.count("Building documentation")
        built = BUILT.findall(text)
        if text != last:
            quiet_since, last = time.monotonic(), text
        if len(built) > 1 and len(built) >= started and time.monotonic() - quiet_since > 2:
            return [float(s) for s in built[1:]]
        time.sleep(0.2)
    raise TimeoutError(f"mkdocs serve did not finish rebuilding within {timeout:.0f} s")


def _cache_line(log: Path) -> str:
    found = re.search(r"^archive: .*$", log.read_text(encoding="utf-8"), re.M)
    return found.group(0) if found else ""
