"""Two builds of one archive are byte-identical, even on different days: every date in the
output (sitemap lastmod, its gzip header, feed timestamps) comes from the briefings."""

from __future__ import annotations

from pathlib import Path

import pytest
from site_fixtures import build_standard


def tree(site: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(site)): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()
    }


def test_two_builds_on_different_days_are_byte_identical(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    first = tree(build_standard(tmp_path / "one").site)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1900000000")
    second = tree(build_standard(tmp_path / "two").site)
    assert len(first) > 100
    assert sorted(first) == sorted(second)
    assert [p for p in first if first[p] != second[p]] == []
    assert b"<lastmod>2026-01-19</lastmod>" in first["sitemap.xml"]
