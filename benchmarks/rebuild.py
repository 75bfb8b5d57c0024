"""Child process of the ``incremental`` measure: the rebuild `mkdocs serve --dirty` does.

    python benchmarks/rebuild.py CONFIG PAGE STATS.json

In one process, as `mkdocs serve --dirty` does: start the plugins once, build with
``dirty=True``, append a marker word to the briefing PAGE, reload the config and build
with ``dirty=True`` again, timing that second build. The edit is left in place so that
the caller can compare the output with a full build of the same archive.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config


def main(config_file: str, page: Path, stats: Path) -> None:
    config = load_config(config_file)
    config.plugins.on_startup(command="serve", dirty=True)
    start = time.perf_counter()
    build(config, dirty=True)
    first = time.perf_counter() - start
    page.write_text(page.read_text(encoding="utf-8").rstrip("\n") + " rebuildmarker\n")
    config = load_config(config_file)
    start, cpu = time.perf_counter(), time.process_time()
    build(config, dirty=True)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    stats.write_text(json.dumps({"first_s": first, "rebuild_s": seconds, "rebuild_cpu_s": cpu}))


if __name__ == "__main__":
    main(sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3]))
