"""`briefings validate`: every problem in the archive, each as path:line: message."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from archive_helpers import briefing, cli, line_of, make_archive, write_briefing

from generator.store import page_relpath

KOREA = dict(
    id="a81c44e0b913",
    slug="seoul-student-arrested-over-deepfake-videos-of-classmates",
    title="Seoul student arrested over deepfake videos of classmates",
    date=dt.date(2026, 1, 19),
    region="KR",
    regions=["KR"],
    summary="A Seoul student was arrested on suspicion of making sexual deepfakes of classmates.",
)


@pytest.fixture
def content(tmp_path: Path) -> Path:
    return make_archive(tmp_path)


def edit(path: Path, old: str, new: str) -> str:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    text = text.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")
    return text


def test_a_valid_archive_passes_with_a_one_line_summary(content, capsys) -> None:
    write_briefing(content, briefing())
    write_briefing(
        content, briefing(**KOREA, status="review", review_reasons=["low-confidence topic"])
    )
    status, out, err = cli(capsys, "validate", "--content", str(content))
    assert (status, err) == (0, "")
    assert out == "OK: 2 briefing pages valid: 1 published, 1 under review, 0 off-topic\n"


def test_every_problem_is_reported_not_only_the_first(content, capsys) -> None:
    first = write_briefing(content, briefing())
    text = edit(first, "region: JP\nregions: [JP]", "region: EUR\nregions: [EUR]")
    text = edit(first, "topic: deepfakes-misinformation", "topic: deepfake")
    text = edit(first, "summary: Police in Osaka arrested", "sumary: Police in Osaka arrested")
    second = write_briefing(content, briefing(**KOREA))
    broken = edit(second, "title: Seoul student", "title: Seoul: student")
    status, out, _ = cli(capsys, "validate", "--content", str(content))
    assert status == 1
    lines = out.splitlines()
    yaml_error = f"{second}:{line_of(broken, 'title:')}: front-matter is not valid YAML: "
    assert lines[-1].startswith(yaml_error + "mapping values are not allowed")
    assert lines[:-1] == [
        f"{first}:2: required key 'summary' is missing",
        f"{first}:{line_of(text, 'region:')}: region: 'EUR' is not a known region "
        "(did you mean EU?)",
        f"{first}:{line_of(text, 'regions:')}: regions: 'EUR' is not a known region "
        "(did you mean EU?)",
        f"{first}:{line_of(text, 'topic:')}: topic: 'deepfake' is not in the taxonomy "
        "(did you mean deepfakes-misinformation?)",
        f"{first}:{line_of(text, 'sumary:')}: unknown key 'sumary'",
    ]


def test_ids_and_slugs_used_twice_name_the_other_page(content, capsys) -> None:
    first = write_briefing(content, briefing())
    copy = briefing(date=dt.date(2026, 2, 2), captured=dt.date(2026, 2, 3))
    second = write_briefing(content, copy)
    text = second.read_text(encoding="utf-8")
    status, out, _ = cli(capsys, "validate", "--content", str(content))
    assert status == 1
    assert out.splitlines() == [
        f"{second}:{line_of(text, 'id:')}: id '3f2a9c1b7d40' is also used by {first}",
        f"{second}:{line_of(text, 'slug:')}: slug '{copy.slug}' is also used by {first}",
    ]


def test_dates_must_be_sane_and_not_after_capture(content, capsys) -> None:
    late = write_briefing(content, briefing(date=dt.date(2026, 1, 30)))
    old = write_briefing(content, briefing(**{**KOREA, "date": dt.date(1926, 1, 19)}))
    future = dt.date.today() + dt.timedelta(days=40)
    ahead = write_briefing(
        content,
        briefing(id="77c0d2e1aa55", slug="future-item", date=future, captured=future),
    )
    status, out, _ = cli(capsys, "validate", "--content", str(content))
    assert status == 1
    lines = out.splitlines()
    assert f"{late}:5: date 2026-01-30 is after the capture date 2026-01-23" in lines
    assert f"{old}:5: date 1926-01-19 is before 1990-01-01; check the year" in lines
    assert f"{ahead}:6: capture date {future} is in the future" in lines
    assert len(lines) == 3


def test_a_missing_raw_file_and_a_misplaced_page_are_reported(content, capsys) -> None:
    b = briefing(raw="raw/never-kept.txt")
    placed = write_briefing(content, b)
    (content / "raw" / "never-kept.txt").unlink()
    moved = placed.with_name("other-name.md")
    placed.rename(moved)
    text = moved.read_text(encoding="utf-8")
    status, out, _ = cli(capsys, "validate", "--content", str(content))
    assert status == 1
    assert out.splitlines() == [
        f"{moved}:{line_of(text, 'slug:')}: page should be at {content / page_relpath(b)} "
        "for its date and slug (move it, or fix slug)",
        f"{moved}:{line_of(text, 'raw:')}: raw file {content / 'raw' / 'never-kept.txt'} "
        "does not exist",
    ]


def test_also_reported_by_must_name_other_sources_once(content, capsys) -> None:
    path = write_briefing(
        content,
        briefing(
            also_reported_by=[
                {"name": "Digital Watch Observatory"},
                {"name": "Kyodo"},
                {"name": "kyodo"},
            ]
        ),
    )
    line = line_of(path.read_text(encoding="utf-8"), "also_reported_by:")
    status, out, _ = cli(capsys, "validate", "--content", str(content))
    assert status == 1
    assert out.splitlines() == [
        f"{path}:{line}: also_reported_by lists kyodo more than once",
        f"{path}:{line}: also_reported_by lists the page's own source 'Digital Watch Observatory'",
    ]


def test_a_repeated_key_is_an_error_instead_of_silently_keeping_the_last(content, capsys) -> None:
    path = write_briefing(content, briefing())
    text = edit(
        path,
        "topic: deepfakes-misinformation\n",
        "topic: deepfakes-misinformation\ntopic: child-safety\n",
    )
    status, out, _ = cli(capsys, "validate", "--content", str(content))
    assert status == 1
    first = line_of(text, "topic:")
    assert out == f"{path}:{first + 1}: key 'topic' is repeated (first on line {first})\n"


def test_yaml_tags_in_front_matter_are_reported_and_never_executed(
    content, capsys, tmp_path
) -> None:
    marker = tmp_path / "executed"
    path = write_briefing(content, briefing())
    text = edit(
        path,
        "title: Japan arrests",
        f'title: !!python/object/apply:os.system ["touch {marker}"]\nx: Japan arrests',
    )
    status, out, _ = cli(capsys, "validate", "--content", str(content))
    assert status == 1
    assert out == (
        f"{path}:{line_of(text, 'title:')}: front-matter is not valid YAML: could not determine "
        "a constructor for the tag 'tag:yaml.org,2002:python/object/apply:os.system'\n"
    )
    assert not marker.exists()


def test_a_page_that_is_not_utf8_is_reported_with_its_line(content, capsys) -> None:
    path = write_briefing(content, briefing())
    data = path.read_bytes().replace(
        b"Osaka on suspicion",
        "Ōsaka on suspicion".encode("cp1252", errors="replace").replace(b"?", b"\xd4"),
    )
    path.write_bytes(data)
    status, out, _ = cli(capsys, "validate", "--content", str(content))
    assert status == 1
    line = data.split(b"\xd4")[0].count(b"\n") + 1
    assert out == f"{path}:{line}: page is not valid UTF-8\n"


def test_in_github_actions_every_error_is_also_an_annotation(content, capsys, monkeypatch) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    path = write_briefing(content, briefing(date=dt.date(2026, 1, 30)))
    status, out, _ = cli(capsys, "validate", "--content", str(content))
    assert status == 1
    assert out.splitlines() == [
        f"{path}:5: date 2026-01-30 is after the capture date 2026-01-23",
        f"::error file={path},line=5::date 2026-01-30 is after the capture date 2026-01-23",
    ]


def test_a_broken_vocabulary_file_is_reported_with_the_pages(content, capsys) -> None:
    write_briefing(content, briefing())
    taxonomy = content / "_data" / "taxonomy.yaml"
    taxonomy.write_text(
        taxonomy.read_text(encoding="utf-8") + "\n  : [unclosed\n", encoding="utf-8"
    )
    status, out, _ = cli(capsys, "validate", "--content", str(content))
    assert status == 1
    assert out.startswith(f"{taxonomy}:")
    assert "invalid YAML" in out


def test_an_impossible_date_is_reported_on_its_line_not_as_a_traceback(content, capsys) -> None:
    path = write_briefing(content, briefing(**KOREA))
    text = edit(path, "date: 2026-01-19\n", "date: 2026-02-30\n")
    status, out, err = cli(capsys, "validate", "--content", str(content))
    assert status == 1
    assert f"{path}:{line_of(text, 'date:')}: " in out
    assert "day is out of range for month" in out
    assert "Traceback" not in out + err
