"""Benchmark the archive at scale: parse throughput, build time and memory, the cost our
plugin adds over plain MkDocs + Material, incremental ingest, `mkdocs serve`, sizes and
determinism.

    python benchmarks/bench.py --sizes 1000,10000 [--large] [--json out.json]
                               [--only parse,floor,plain,ours,determinism,serve,ingest,pelican]

Prints a table and writes the JSON report (and an SVG chart with --chart). Every
measurement runs on a synthetic archive (see synth.py) in a temporary folder; nothing
in the repository is touched.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
from importlib import metadata
from pathlib import Path
from typing import Any

import chart
import ingestserve
import measure
import pelicansite
import searchbench
import sitecfg
import synth

from generator.pipeline import parse_text
from generator.vocab import Vocabulary, load_vocabulary

REPO = Path(__file__).resolve().parent.parent
MEASURES = (
    "parse",
    "floor",
    "plain",
    "ours",
    "rendered",
    "determinism",
    "serve",
    "incremental",
    "ingest",
    "pelican",
    "search",
    "ingest-serve",
)
LARGE = 50_000
SNAPSHOT_ENV = "BRIEFINGS_BENCH_SNAPSHOT"
MEASURED_PATHS = ("generator", "overrides", "mkdocs.yml", "content")
SHORT_NAV = 5


def machine() -> dict[str, Any]:
    cpu = ""
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        models = [x for x in cpuinfo.read_text().splitlines() if x.startswith("model name")]
        cpu = models[0].split(":", 1)[1].strip() if models else ""

    def git(*args: str) -> str:
        return subprocess.run(
            ["git", "-C", str(REPO), *args], capture_output=True, text=True
        ).stdout.strip()

    snapshot = os.environ.get(SNAPSHOT_ENV)
    commit = snapshot or git("rev-parse", "--short", "HEAD")
    changed = "" if snapshot else git("status", "--porcelain", "--", *MEASURED_PATHS)
    return {
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpu": cpu,
        "cpus": len(os.sched_getaffinity(0)),
        "commit": commit,
        "uncommitted_changes": len(changed.splitlines()),
        **{pkg: metadata.version(pkg) for pkg in ("mkdocs", "mkdocs-material", "Markdown")},
        "date": dt.date.today().isoformat(),
        "load_average_at_start": [round(x, 2) for x in os.getloadavg()],
    }


def parse_throughput(writer: synth.Writer, vocab: Vocabulary, items: int) -> dict[str, Any]:
    """Items/s of `parse_text` (read + classify) on digests of 10 items, in one process.

    The first digest of each format is parsed once before timing, so lazily built
    matchers are not counted; that warm-up is reported as ``first_s``.
    """
    out: dict[str, Any] = {"items": 0, "seconds": 0.0, "formats": {}}
    stories = writer.stories(items, start=1_000_000)
    for fmt in ("digest", "plain"):
        digests = [stories[i : i + 10] for i in range(0, len(stories), 10)]
        texts = [synth.digest_text(d, fmt, d[0].date) for d in digests]
        start = time.perf_counter()
        parse_text(texts[0], vocab)
        first = time.perf_counter() - start
        found = region_ok = topic_ok = 0
        cpu, start = time.process_time(), time.perf_counter()
        results = [parse_text(text, vocab) for text in texts]
        seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
        for digest, result in zip(digests, results, strict=True):
            found += len(result.articles)
            for story, article in zip(digest, result.articles, strict=False):
                region_ok += article.classification.region == story.regions[0]
                topic_ok += article.classification.topic == story.topic
        out["formats"][fmt] = {
            "items": len(stories),
            "found": found,
            "seconds": round(seconds, 3),
            "cpu_s": round(cpu, 3),
            "items_per_s": round(len(stories) / seconds, 1),
            "items_per_cpu_s": round(len(stories) / cpu, 1),
            "first_s": round(first, 3),
            "region_agrees": round(region_ok / len(stories), 3),
            "topic_agrees": round(topic_ok / len(stories), 3),
        }
        out["items"] += len(stories)
        out["seconds"] += seconds
    out["items_per_s"] = round(out["items"] / out["seconds"], 1)
    out["seconds"] = round(out["seconds"], 3)
    return out


def _add_run(entry: dict[str, Any], run: measure.Run) -> None:
    """Record a repeat build: ``seconds`` becomes the best of the runs (less noise from
    other load on the machine), ``runs`` keeps them all."""
    if "error" in entry or run.returncode:
        return
    entry["runs"] = [*entry.get("runs", [entry["seconds"]]), round(run.seconds, 3)]
    entry["cpu_runs"] = [*entry.get("cpu_runs", [entry["cpu_s"]]), round(run.cpu_s, 3)]
    entry["seconds"] = min(entry["runs"])
    entry["cpu_s"] = min(entry["cpu_runs"])
    entry["peak_rss_mb"] = max(entry["peak_rss_mb"], round(run.peak_rss_mb, 1))


class Size:
    """One synthetic archive of N briefings in `root`, and the builds measured on it."""

    def __init__(self, root: Path, n: int, writer: synth.Writer, args: argparse.Namespace):
        self.root, self.n, self.writer = root, n, writer
        self.only = args.only & args.large_only if args.large and n == LARGE else args.only
        self.profile_dir: Path | None = args.profile
        self.content = root / "content"
        self.logs = root / "logs"
        self.logs.mkdir(parents=True)
        shutil.copytree(
            REPO / "content", self.content, ignore=shutil.ignore_patterns("briefings", "raw")
        )
        (self.content / "raw").mkdir()
        start = time.perf_counter()
        self.archive = synth.write_archive(self.content, writer.stories(n))
        self.synth_s = time.perf_counter() - start
        repo_config = sitecfg.load(args.config)
        self.has_plugin = sitecfg.has_plugin(repo_config)
        self.mount = sitecfg.serve_path(repo_config)
        self.configs: dict[str, Path] = {}
        variants = (
            ("plain", False),
            ("plain-b", False),
            ("ours", True),
            ("ours-b", True),
            ("ours-incremental", True),
            ("ours-rendered", True),
        )
        for name, plugin in variants:
            config = sitecfg.adapt(
                args.config,
                self.content,
                root / f"site-{name}",
                plugin=plugin,
                short_nav=self.archive.paths[:SHORT_NAV],
                options={"reuse_chrome": False} if name == "ours-rendered" else None,
            )
            self.configs[name] = sitecfg.write(config, root / f"mkdocs-{name}.yml")

    def site(self, name: str) -> Path:
        return self.root / f"site-{name}"

    def build(self, name: str, *extra: str, hashseed: str = "1") -> measure.Run:
        log = self.logs / f"build-{name}{''.join(extra)}-{time.time_ns()}.log"
        return measure.mkdocs_build(
            self.configs[name], log, *extra, env={"PYTHONHASHSEED": hashseed}
        )

    def run_all(self) -> dict[str, Any]:
        result: dict[str, Any] = {
            "briefings": self.n,
            "published": len(self.archive.published),
            "words_per_briefing": round(self.archive.words / max(self.n, 1)),
            "synth_s": round(self.synth_s, 2),
        }
        if "floor" in self.only:
            result["floor"] = measure.floor(self.content, self.root / "floor", self.archive.paths)
        if "plain" in self.only:
            result["plain"] = self._build_with_stats("plain", len(self.archive.paths))
            _add_run(result["plain"], self.build("plain-b"))
        if not self.has_plugin:
            result["ours"] = {"error": "mkdocs.yml does not enable the briefings plugin"}
            return result
        if "ours" in self.only:
            result["ours"] = self._build_with_stats("ours", len(self.archive.published))
        if "determinism" in self.only:
            second = self.build("ours-b", hashseed="2")
            result["determinism"] = self.determinism(second)
            if "ours" in result:
                _add_run(result["ours"], second)
        for base in ("plain", "floor"):
            if "seconds" in result.get(base, {}) and "seconds" in result.get("ours", {}):
                ratio = result["ours"]["seconds"] / result[base]["seconds"]
                result[f"ratio_ours_to_{base}"] = round(ratio, 2)
        if "rendered" in self.only:
            result["rendered"] = self._build_with_stats(
                "ours-rendered", len(self.archive.published)
            )
        for name in ("ours", "rendered"):
            if "cpu_s" in result.get("plain", {}) and "cpu_s" in result.get(name, {}):
                ratio = result[name]["cpu_s"] / result["plain"]["cpu_s"]
                result[f"cpu_ratio_{name}_to_plain"] = round(ratio, 2)
        if "pelican" in self.only:
            result["pelican"] = pelicansite.measure_archive(
                self.root / "pelican", self.content, self.archive, self.logs
            )
            result.update(pelicansite.ratios(result))
        if self.profile_dir is not None:
            result["profile"] = measure.profile(
                self.configs["ours"],
                self.profile_dir / f"build-{self.n}.prof",
                self.logs / "profile.log",
            )
        if "serve" in self.only:
            result["serve"] = self.serve(result.get("ours", {}).get("seconds", 60.0))
        if "incremental" in self.only:
            result["incremental"] = self.incremental()
        if "ingest" in self.only:
            result["ingest"] = self.ingest()
        if "search" in self.only:
            if not self.site("ours").exists():
                self.build("ours")
            result["search"] = searchbench.measure(self.site("ours"), self.mount)
        if "ingest-serve" in self.only:
            stories = self.writer.stories(10, start=3_000_000 + self.n)
            timeout = max(180.0, 4 * result.get("ours", {}).get("seconds", 60.0) + 60)
            result["ingest_serve"] = ingestserve.measure_ingest_serve(
                self.root, self.configs, self.mount, self.content, stories, timeout
            )
        return result

    def _build_with_stats(self, name: str, published: int) -> dict[str, Any]:
        run = self.build(name)
        data = run.to_json()
        if not run.returncode:
            data.update(measure.site_stats(self.site(name), published))
        return data

    def determinism(self, second: measure.Run) -> dict[str, Any]:
        """Compare the first build with `second`, made with another hash seed into another
        folder."""
        if not self.site("ours").exists():
            self.build("ours")
        if second.returncode:
            return second.to_json()
        differing = measure.tree_diff(self.site("ours"), self.site("ours-b"))
        return {"identical": not differing, "differing": differing[:50], "count": len(differing)}

    def incremental(self) -> dict[str, Any]:
        """The rebuild `mkdocs serve --dirty` makes after an edit, timed in one process
        (``rebuild.py``), and its output compared with a full build of the edited archive."""
        page = self.content / self.archive.published[len(self.archive.published) // 3]
        original = page.read_text(encoding="utf-8")
        stats = self.logs / "rebuild-timing.json"
        script = Path(__file__).resolve().parent / "rebuild.py"
        config = str(self.configs["ours-incremental"])
        child = measure.run(
            [sys.executable, str(script), config, str(page), str(stats)],
            self.logs / "incremental.log",
        )
        try:
            if child.returncode:
                return child.to_json()
            data = json.loads(stats.read_text())
            full = self.build("ours-b")
            differing = measure.tree_diff(self.site("ours-incremental"), self.site("ours-b"))
        finally:
            page.write_text(original, encoding="utf-8")
        return {
            "rebuild_s": round(data["rebuild_s"], 2),
            "rebuild_cpu_s": round(data["rebuild_cpu_s"], 2),
            "full_build_s": round(full.seconds, 2),
            "equals_full": not differing,
            "differing_count": len(differing),
            "differing": differing[:50],
        }

    def serve(self, build_s: float) -> dict[str, Any]:
        """`mkdocs serve` (full rebuild on change) and `mkdocs serve --dirty`."""
        rel = self.archive.published[len(self.archive.published) // 2]
        url = rel.removesuffix(".md") + "/"
        timeout = max(120.0, 4 * build_s + 60)
        out = {}
        for label, extra in (("full", ()), ("dirty", ("--dirty",))):
            log = self.logs / f"serve-{label}.log"
            page = self.content / rel
            out[label] = measure.serve_edit(
                self.configs["ours"], self.mount, page, url, log, timeout, *extra
            )
        return out

    def ingest(self) -> dict[str, Any]:
        """Ingest one digest of 10 new items, then rebuild with --dirty and in full, and
        check that both builds give the same tree."""
        if not self.site("ours").exists():
            self.build("ours")
        stories = self.writer.stories(10, start=2_000_000 + self.n)
        captured = synth.LAST_DAY + dt.timedelta(days=1)
        raw = self.root / "incoming" / f"{captured.isoformat()}-digest.txt"
        raw.parent.mkdir()
        raw.write_text(synth.digest_text(stories, "digest", captured), encoding="utf-8")
        cmd = [
            sys.executable,
            "-m",
            "generator",
            "ingest",
            str(raw),
            "--content",
            str(self.content),
        ]
        ingest = measure.run(cmd, self.logs / "ingest.log")
        out: dict[str, Any] = {"ingest": ingest.to_json()}
        if ingest.returncode:
            return out
        created = [
            p
            for p in self.content.glob("briefings/*/*/*.md")
            if p.stat().st_mtime >= raw.stat().st_mtime
        ]
        dirty = self.build("ours", "--dirty")
        full = self.build("ours-b")
        out.update(
            {
                "pages_written": len(created),
                "rebuild_dirty": dirty.to_json(),
                "rebuild_full": full.to_json(),
                "ingest_plus_dirty_s": round(ingest.seconds + dirty.seconds, 2),
                "ingest_plus_full_s": round(ingest.seconds + full.seconds, 2),
            }
        )
        if not dirty.returncode and not full.returncode:
            differing = measure.tree_diff(self.site("ours"), self.site("ours-b"))
            out["dirty_equals_full"] = not differing
            out["dirty_differing_count"] = len(differing)
            out["dirty_differing"] = differing[:50]
        return out


def _cell(data: dict[str, Any], *path: str, fmt: str = "{:,.2f}") -> str:
    value: Any = data
    for key in path:
        if not isinstance(value, dict) or key not in value:
            return "-"
        if "error" in value and key not in ("error",):
            return "error"
        value = value[key]
    if isinstance(value, bool):
        return "yes" if value else "no"
    return fmt.format(value) if isinstance(value, int | float) else str(value)


ROWS: tuple[tuple[str, tuple[str, ...], str], ...] = (
    ("published briefings", ("published",), "{:,}"),
    ("floor: Python-Markdown (s)", ("floor", "seconds"), "{:,.2f}"),
    ("floor: pages/s", ("floor", "pages_per_s"), "{:,.0f}"),
    ("plain MkDocs + Material build (s)", ("plain", "seconds"), "{:,.2f}"),
    ("plain build CPU (s)", ("plain", "cpu_s"), "{:,.2f}"),
    ("plain peak RSS (MB)", ("plain", "peak_rss_mb"), "{:,.0f}"),
    ("briefings plugin build (s)", ("ours", "seconds"), "{:,.2f}"),
    ("briefings build CPU (s)", ("ours", "cpu_s"), "{:,.2f}"),
    ("briefings peak RSS (MB)", ("ours", "peak_rss_mb"), "{:,.0f}"),
    ("ratio ours / plain", ("ratio_ours_to_plain",), "{:.2f}x"),
    ("ratio ours / plain, CPU", ("cpu_ratio_ours_to_plain",), "{:.2f}x"),
    ("  chrome rendered per page, CPU (s)", ("rendered", "cpu_s"), "{:,.2f}"),
    ("  ratio to plain, CPU", ("cpu_ratio_rendered_to_plain",), "{:.2f}x"),
    ("ratio ours / floor", ("ratio_ours_to_floor",), "{:.1f}x"),
    *pelicansite.ROWS,
    ("build warnings (ours)", ("ours", "warnings"), "{:,}"),
    ("search index (bytes/briefing)", ("ours", "search_index_bytes_per_briefing"), "{:,}"),
    ("search index plain (bytes/page)", ("plain", "search_index_bytes_per_briefing"), "{:,}"),
    ("search: download, worst query (KB gzip)", ("search", "max_gzip_kb"), "{:,.1f}"),
    ("search: first result after last key (ms)", ("search", "max_ms_after_last_key"), "{:,.0f}"),
    ("  pasted, slow 4G (ms)", ("search", "max_ms_pasted_slow_4g"), "{:,.0f}"),
    ("largest listing page (bytes)", ("ours", "largest_listing_page_bytes"), "{:,}"),
    ("total site (MB)", ("ours", "total_mb"), "{:,.1f}"),
    ("total site plain (MB)", ("plain", "total_mb"), "{:,.1f}"),
    ("deterministic", ("determinism", "identical"), "{}"),
    ("  files differing", ("determinism", "count"), "{:,}"),
    ("ingest 10 items (s)", ("ingest", "ingest", "seconds"), "{:,.2f}"),
    ("  + build --dirty (s)", ("ingest", "rebuild_dirty", "seconds"), "{:,.2f}"),
    ("  + full build (s)", ("ingest", "rebuild_full", "seconds"), "{:,.2f}"),
    ("  --dirty output == full", ("ingest", "dirty_equals_full"), "{}"),
    ("  files differing", ("ingest", "dirty_differing_count"), "{:,}"),
    ("serve: edit shown (s)", ("serve", "full", "edit_shown_s"), "{:,.2f}"),
    ("serve --dirty: edit shown (s)", ("serve", "dirty", "edit_shown_s"), "{:,.2f}"),
    *ingestserve.ROWS,
    ("dirty rebuild in process (s)", ("incremental", "rebuild_s"), "{:,.2f}"),
    ("  output == full build", ("incremental", "equals_full"), "{}"),
    ("  files differing", ("incremental", "differing_count"), "{:,}"),
)


def table(report: dict[str, Any]) -> str:
    sizes = report.get("sizes", {})
    header = ["metric", *(f"N={int(n):,}" for n in sizes)]
    rows = [header]
    for label, path, fmt in ROWS:
        rows.append([label, *(_cell(s, *path, fmt=fmt) for s in sizes.values())])
    widths = [max(len(r[i]) for r in rows) for i in range(len(header))]
    lines = []
    parse = report.get("parse")
    if parse:
        lines.append(f"parse + classify: {parse['items_per_s']:,.0f} items/s on one core")
        for fmt, p in parse["formats"].items():
            lines.append(
                f"  {fmt}: {p['items_per_s']:,.0f} items/s ({p['found']}/{p['items']} found,"
                f" region agrees {p['region_agrees']:.0%}, topic {p['topic_agrees']:.0%})"
            )
    for i, row in enumerate(rows):
        cells = [row[0].ljust(widths[0])] + [
            c.rjust(w) for c, w in zip(row[1:], widths[1:], strict=True)
        ]
        lines.append("  ".join(cells))
        if i == 0:
            lines.append("  ".join("-" * w for w in widths))
    errors = [
        f"N={n}: {key}: {value['error']}"
        for n, s in sizes.items()
        for key, value in s.items()
        if isinstance(value, dict) and "error" in value
    ]
    return "\n".join(lines + [f"error: {e}" for e in errors])


def arguments(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--sizes", default="1000,10000", help="archive sizes (default: 1000,10000)")
    p.add_argument("--large", action="store_true", help=f"also measure N={LARGE:,}")
    p.add_argument(
        "--large-only",
        default="floor,plain,ours",
        help=f"measures run at N={LARGE:,} with --large (default: floor,plain,ours; serve and "
        "ingest there take tens of minutes each)",
    )
    p.add_argument(
        "--only", default=",".join(MEASURES), help="measures to run: " + ",".join(MEASURES)
    )
    p.add_argument("--json", type=Path, metavar="FILE", help="write the JSON report here")
    p.add_argument("--chart", type=Path, metavar="FILE", help="write an SVG chart here")
    p.add_argument("--parse-items", type=int, default=1000, help="items per format (default 1000)")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument(
        "--config", type=Path, default=REPO / "mkdocs.yml", help="MkDocs config to adapt"
    )
    p.add_argument(
        "--commit",
        metavar="REV",
        help="measure this commit, exported to a temp folder, not the working tree",
    )
    p.add_argument("--keep", type=Path, metavar="DIR", help="build in DIR and keep it")
    p.add_argument(
        "--profile",
        type=Path,
        metavar="DIR",
        help="also build once under cProfile, write DIR/build-N.prof and report the hot spots",
    )
    args = p.parse_args(argv)
    args.sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    if args.large and LARGE not in args.sizes:
        args.sizes.append(LARGE)
    args.only = {m.strip() for m in args.only.split(",") if m.strip()}
    args.large_only = {m.strip() for m in args.large_only.split(",") if m.strip()}
    unknown = (args.only | args.large_only) - set(MEASURES)
    if unknown:
        p.error(f"unknown measure(s) {', '.join(sorted(unknown))}; known: {', '.join(MEASURES)}")
    return args


def run_at(rev: str, argv: list[str]) -> int:
    """Run this benchmark on commit `rev` exported to a temp folder (``git archive``), so
    that edits others are making in the working tree cannot change what is measured."""
    commit = subprocess.run(
        ["git", "-C", str(REPO), "rev-parse", "--short", rev],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    with tempfile.TemporaryDirectory(prefix=f"briefings-{commit}-") as tmp:
        data = subprocess.run(
            ["git", "-C", str(REPO), "archive", "--format=tar", commit],
            capture_output=True,
            check=True,
        ).stdout
        with tarfile.open(fileobj=io.BytesIO(data)) as tar:
            tar.extractall(tmp, filter="data")
        env = {**os.environ, "PYTHONPATH": tmp, SNAPSHOT_ENV: commit}
        script = Path(tmp) / "benchmarks" / "bench.py"
        return subprocess.run([sys.executable, str(script), *argv], env=env).returncode


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    args = arguments(argv)
    if args.commit:
        i = next(i for i, a in enumerate(argv) if a.startswith("--commit"))
        return run_at(args.commit, argv[:i] + argv[i + (1 if "=" in argv[i] else 2) :])
    vocab = load_vocabulary(REPO / "content")
    writer = synth.Writer(vocab, args.seed)
    report: dict[str, Any] = {"machine": machine(), "seed": args.seed, "sizes": {}}
    if "parse" in args.only:
        report["parse"] = parse_throughput(writer, vocab, args.parse_items)
    for n in args.sizes:
        if args.keep:
            root = args.keep / f"n{n}"
            shutil.rmtree(root, ignore_errors=True)
            root.mkdir(parents=True)
            report["sizes"][str(n)] = Size(root, n, writer, args).run_all()
        else:
            with tempfile.TemporaryDirectory(prefix=f"briefings-bench-{n}-") as tmp:
                report["sizes"][str(n)] = Size(Path(tmp), n, writer, args).run_all()
        print(f"N={n:,} done", file=sys.stderr, flush=True)
    report["load_average_at_end"] = [round(x, 2) for x in os.getloadavg()]
    print(table(report))
    for n, size in report["sizes"].items():
        for row in size.get("profile", {}).get("top", []):
            share, seconds = row["share"], row["cumulative_s"]
            print(f"profile N={n}: {share:6.1%} {seconds:8.2f} s  {row['function']}")
    text = json.dumps(report, indent=2)
    if args.json:
        args.json.write_text(text + "\n", encoding="utf-8")
    else:
        print(text)
    if args.chart:
        args.chart.write_text(chart.svg(report), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
