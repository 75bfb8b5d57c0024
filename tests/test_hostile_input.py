"""Hostile and broken raw input: each is refused with a one-line error and a non-zero exit
(nothing written), or handled safely. Unsafe file names are covered in test_ingest_raw;
YAML tags inside an archive page in test_validate."""

from __future__ import annotations

import shutil
from pathlib import Path

import lxml.html
import markdown
import pytest
from archive_helpers import ROOT, cli, make_archive, tree

from generator.store import Archive

HOSTILE = ROOT / "tests" / "data" / "hostile"
PLAIN = ROOT / "tests" / "data" / "dev" / "plain_outlet_dash_date.txt"
FORBIDDEN_TAGS = (
    "script",
    "iframe",
    "img",
    "a",
    "h1",
    "h2",
    "ul",
    "ol",
    "li",
    "table",
    "blockquote",
    "em",
    "strong",
    "code",
    "b",
)


@pytest.fixture
def content(tmp_path: Path) -> Path:
    return make_archive(tmp_path)


def ingest(
    capsys, content: Path, *files: Path, captured: str = "2026-03-13"
) -> tuple[int, str, str]:
    return cli(
        capsys, "ingest", *map(str, files), "--content", str(content), "--captured", captured
    )


def refused(capsys, content: Path, path: Path) -> str:
    """Ingest `path`; assert a one-line error, exit 1, and an untouched archive."""
    before = tree(content)
    status, out, err = ingest(capsys, content, path)
    assert (status, out) == (1, "")
    assert len(err.splitlines()) == 1, err
    assert "Traceback" not in err
    assert tree(content) == before
    return err


@pytest.mark.parametrize("data", [b"", b"   \n\r\n\t \n"], ids=["empty", "whitespace"])
def test_an_empty_file_is_refused(data, content, capsys, tmp_path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(data)
    assert refused(capsys, content, path) == f"briefings: error: {path}: file is empty\n"


def test_a_binary_file_is_refused(content, capsys, tmp_path) -> None:
    path = tmp_path / "screenshot.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 64)
    assert (
        refused(capsys, content, path)
        == f"briefings: error: {path}: looks like a binary file, not text\n"
    )


def test_a_file_with_no_article_in_it_is_refused(content, capsys, tmp_path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("call Anna back\nbuy milk\n", encoding="utf-8")
    err = refused(capsys, content, path)
    assert err.startswith(f"briefings: error: {path}: ")
    assert "digest" in err or "article" in err


def test_a_50_mb_file_is_refused_before_it_is_read(content, capsys, tmp_path) -> None:
    path = tmp_path / "mailbox-export.txt"
    chunk = PLAIN.read_bytes()
    with path.open("wb") as handle:
        for _ in range(50 * 1024 * 1024 // len(chunk) + 1):
            handle.write(chunk)
    assert path.stat().st_size > 50 * 1024 * 1024
    assert refused(capsys, content, path) == (
        f"briefings: error: {path}: file is 50 MB, more than the 8 MB ingest takes at once; "
        "split it, or pass --max-size to take it; nothing was written\n"
    )


CP1252 = (
    "Brussels’ €200m plan for “AI gigafactories” gets go-ahead\n"
    "Reuters — 12 March 2026\n"
    "\n"
    "The European Commission approved on Thursday a €200 million plan to co-fund “AI "
    "gigafactories” in Zürich-based and Munich-based consortia, with Société Générale"
    " among the lenders.\n"
    "\n"
    "Officials said the café-sized pilot sites in Liège and Gdańsk would not be "
    "affected; the naïve hope of a single European cloud was “behind us”, one "
    "diplomat said.\n"
    "\n"
)
LATIN1 = (
    "Le régulateur français sanctionne une société de reconnaissance faciale\n"
    "Source: Le Monde | 2026-03-12\n"
    "\n"
    "La Commission nationale de l'informatique et des libertés a infligé jeudi une "
    "amende de 20 millions d'euros à une société américaine de reconnaissance "
    "faciale, pour avoir collecté sans base légale des photos de résidents français.\n"
    "\n"
    "Le régulateur a ordonné l'effacement des données sous deux mois, à défaut de "
    "quoi une astreinte de 100 000 euros par jour s'appliquera, a précisé l'autorité "
    "à Paris.\n"
    "\n"
)


@pytest.mark.parametrize(
    ("text", "encoding"), [(CP1252.replace("\u0144", "n"), "cp1252"), (LATIN1, "latin-1")]
)
def test_a_non_utf8_file_is_decoded_correctly(text, encoding, content, capsys, tmp_path) -> None:
    path = tmp_path / f"digest-{encoding}.txt"
    path.write_bytes(text.encode(encoding))
    status, _, err = ingest(capsys, content, path)
    assert status == 0, err
    [page] = Archive.load(content).pages
    headline, _, rest = text.partition("\n")
    assert page.briefing.title == headline
    body = rest.split("\n\n", 1)[1].strip()
    assert " ".join(page.body_text.split()) == " ".join(body.split())
    assert (content / page.briefing.raw).read_bytes() == text.encode(encoding)


def test_yaml_breaking_titles_are_written_and_read_back_exactly(content, capsys) -> None:
    digest = HOSTILE / "yaml_breaking_titles.txt"
    status, _, err = ingest(capsys, content, digest)
    assert status == 0, err
    expected = [
        line
        for line in digest.read_text(encoding="utf-8").splitlines()
        if line and line[0] in "-'["
    ]
    titles = sorted(p.briefing.title for p in Archive.load(content).pages)
    assert titles == sorted(expected)
    assert cli(capsys, "validate", "--content", str(content))[0] == 0


def test_front_matter_with_python_tags_in_a_raw_file_is_only_text(
    content, capsys, tmp_path
) -> None:
    marker = tmp_path / "executed"
    raw = tmp_path / "pasted.txt"
    raw.write_text(
        (HOSTILE / "front_matter_with_python_tags.txt")
        .read_text(encoding="utf-8")
        .replace("MARKER", str(marker)),
        encoding="utf-8",
    )
    status, _, err = ingest(capsys, content, raw)
    assert status == 0, err
    assert not marker.exists()
    for page in Archive.load(content).pages:
        assert "python/object" not in page.text.split("---")[1]
    assert cli(capsys, "validate", "--content", str(content))[0] == 0


def test_markup_and_template_syntax_in_a_body_stay_text(content, capsys) -> None:
    digest = HOSTILE / "markup_and_template_injection.txt"
    status, _, err = ingest(capsys, content, digest)
    assert status == 0, err
    page = next(p for p in Archive.load(content).pages if "Breaking" in p.briefing.title)
    html = markdown.markdown(page.page.body, extensions=["attr_list", "md_in_html"])
    doc = lxml.html.fragment_fromstring(html, create_parent="div")
    assert [el.tag for el in doc.iter() if el.tag in FORBIDDEN_TAGS] == []
    assert not any(a.startswith("on") for el in doc.iter() for a in el.attrib)
    text = " ".join(doc.text_content().split())
    for literal in (
        "<script>alert(document.cookie)</script>",
        "<!-- curator-invisible comment -->",
        "# Not a heading",
        "| not | a table |",
        "[decision](javascript:alert('link'))",
        "{{ page.meta }}",
        '{% include "secrets.yml" %}',
        "*stars*",
        "`code`",
    ):
        assert literal in text, literal


def injected(main: lxml.html.HtmlElement) -> list[str]:
    """Elements built from the Markdown and HTML in the hostile inputs, if any survived."""
    found = [el.tag for el in main.iter("img", "table", "blockquote", "iframe", "script")]
    found += [
        f"{el.tag}:{el.text_content()}"
        for el in main.iter("em", "strong", "code")
        if el.text_content() in ("stars", "underscores", "code")
    ]
    found += [
        f"{el.tag}:{el.text_content()}"
        for el in main.iter("h1", "h2", "h3", "li")
        if el.text_content().lower().startswith("not a")
    ]
    found += [
        f"a:{a.get('href')}"
        for a in main.iter("a")
        if a.get("href", "").startswith("javascript:") or "evil.example" in a.get("href", "")
    ]
    return found


def publish_all(content: Path) -> list[Path]:
    """What a curator does after review: every page's status set to published."""
    pages = []
    for page in Archive.load(content).pages:
        path = content / page.rel
        text = path.read_text(encoding="utf-8")
        for held in ("status: review\n", "status: off-topic\n"):
            text = text.replace(held, "status: published\n")
        path.write_text(text, encoding="utf-8")
        pages.append(path)
    return pages


def test_the_built_site_shows_hostile_input_as_text_only(tmp_path, capsys) -> None:
    from site_fixtures import build_site

    project = tmp_path / "project"
    content = make_archive(project)
    status, _, err = ingest(capsys, content, *sorted(HOSTILE.glob("*.txt")))
    assert status == 0, err
    publish_all(content)
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(ROOT / "overrides", project / "overrides")
    site = build_site(project / "mkdocs.yml")
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 10
    for path in pages:
        doc = lxml.html.fromstring(path.read_bytes())
        assert not doc.xpath("//iframe"), path
        handlers = [
            a
            for el in doc.iter()
            if isinstance(el.tag, str)
            for a in el.attrib
            if a.startswith("on")
        ]
        assert handlers == [], path
        assert "alert(" not in " ".join(s.text_content() for s in doc.xpath("//script")), path
        for main in doc.cssselect(".md-content"):
            assert injected(main) == [], path
    for page in Archive.load(content).pages:
        built = site / page.rel.removesuffix(".md") / "index.html"
        main = lxml.html.fromstring(built.read_bytes()).cssselect(".md-content")[0]
        shown = " ".join(main.text_content().split())
        assert page.briefing.title in shown, built
        assert " ".join(page.body_text.split()) in shown, built
