"""Fixture archives for the site tests: briefings rendered with `render_page` into a
temporary content folder, with a small fixed vocabulary, and a copy of the project's
mkdocs.yml and overrides beside it, built in-process with ``mkdocs build --strict``."""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import lxml.html
from mkdocs.commands.build import build
from mkdocs.config import load_config

from generator.model import Briefing, SourceRef, Status
from generator.pages import parse_page, render_page
from generator.site import Archive, Entry
from generator.text import make_slug
from generator.vocab import load_vocabulary

ROOT = Path(__file__).resolve().parent.parent
ARCHIVE_DATA = Path(__file__).resolve().parent / "data" / "site_archive"
SITE_URL = "https://briefings.github.io/briefings/"

HOSTILE_TITLE = '<script>alert("t")</script> Deepfake <img src=x onerror=alert(1)> rules'


@dataclass(frozen=True)
class Item:
    briefing: Briefing
    body: str

    @property
    def path(self) -> str:
        b = self.briefing
        return f"briefings/{b.date:%Y/%m}/{b.slug}.md"


def briefing(
    title: str,
    date: str,
    regions: list[str],
    topic: str,
    source: str,
    summary: str,
    *,
    tags: tuple[str, ...] = (),
    status: Status = Status.PUBLISHED,
    **extra: Any,
) -> Briefing:
    return Briefing(
        id=hashlib.sha1(title.encode("utf-8")).hexdigest()[:12],
        slug=make_slug(title),
        title=title,
        date=dt.date.fromisoformat(date),
        captured=dt.date.fromisoformat(date) + dt.timedelta(days=2),
        source=source,
        region=regions[0],
        regions=regions,
        topic=topic,
        tags=list(tags),
        summary=summary,
        status=status,
        raw="raw/digest.txt",
        **extra,
    )


def item(
    title: str, date: str, regions: list[str], topic: str, source: str, body: str, **extra: Any
) -> Item:
    summary = body.split("\n\n")[0].split(". ")[0].rstrip(".") + "."
    return Item(briefing(title, date, regions, topic, source, summary, **extra), body)


def standard_items() -> list[Item]:
    """A realistic small archive: 14 published briefings, one off-topic, one under review."""
    return [
        item(
            "Japanese police arrest man over AI-generated deepfake images of actresses",
            "2026-01-19",
            ["JP"],
            "deepfakes-misinformation",
            "Digital Watch Observatory",
            "Police in Tokyo arrested a 31-year-old man suspected of selling sexually explicit "
            "deepfake images of Japanese actresses made with generative AI tools. Investigators "
            "said he sold more than 2,000 images through an online shop.\n\n"
            "It is the first arrest in Japan over AI-generated images of real people sold for "
            "profit, and lawmakers are debating whether existing defamation law is enough.",
            tags=("generative AI",),
        ),
        item(
            "South Korea makes possessing sexual deepfakes a crime",
            "2026-01-12",
            ["KR"],
            "deepfakes-misinformation",
            "Reuters",
            "South Korea's parliament passed a bill that makes possessing or watching sexually "
            "explicit deepfake material punishable by up to three years in prison.\n\n"
            "The change follows a surge of deepfake abuse in schools and universities, where "
            "students shared manipulated images of classmates in messaging groups.",
            source_url="https://www.reuters.com/world/asia-pacific/korea-deepfakes",
            also_reported_by=[
                SourceRef(name="Korea Herald", url="https://www.koreaherald.com/x"),
                SourceRef(name="Yonhap"),
            ],
        ),
        item(
            "EU AI Office publishes second draft of code of practice for general-purpose AI",
            "2026-01-15",
            ["EU"],
            "ai-governance-regulation",
            "Digital Watch Observatory",
            "The European AI Office published the second draft of the code of practice for "
            "providers of general-purpose AI models under the AI Act.\n\n"
            "The draft narrows transparency commitments and adds a taxonomy of systemic risks, "
            "with a final version expected before the obligations apply.",
            tags=("AI Act", "European Commission"),
        ),
        item(
            "US senators propose rules for AI companion chatbots used by minors",
            "2025-12-03",
            ["US"],
            "child-safety",
            "Reuters",
            "A bipartisan group of US senators introduced a bill that would require AI "
            "companion chatbots to verify users' ages and to stop engaging minors in "
            "romantic role-play.\n\nThe bill follows lawsuits by parents against chatbot makers.",
            tags=("OpenAI",),
        ),
        item(
            "France fines video platform over weak age verification",
            "2025-12-18",
            ["FR", "EU"],
            "child-safety",
            "Digital Watch Observatory",
            "France's media regulator fined a video-sharing platform for failing to keep "
            "children away from adult content with effective age verification.\n\n"
            "The regulator said self-declared ages were not enough under French law.",
        ),
        item(
            "German cyber agency warns of supply-chain attacks on AI libraries",
            "2025-11-20",
            ["DE"],
            "cybersecurity-supply-chain",
            "Reuters",
            "Germany's federal cyber security agency warned that attackers are planting "
            "malicious code in popular open-source machine-learning libraries.\n\n"
            "It urged developers to pin package versions and check signatures.",
        ),
        item(
            "UN General Assembly adopts resolution on AI capacity building",
            "2025-11-05",
            ["GLOBAL"],
            "ai-governance-regulation",
            "Digital Watch Observatory",
            "The UN General Assembly adopted by consensus a resolution calling for "
            "international cooperation on AI capacity building in developing countries.\n\n"
            "The text asks member states to share computing resources and training data.",
            tags=("United Nations", "AI Act"),
        ),
        item(
            "Chinese lab releases open-weight reasoning model under permissive licence",
            "2026-01-08",
            ["CN"],
            "open-source-models",
            "Reuters",
            "A Chinese AI lab released the weights of its new reasoning model under a "
            "permissive licence, allowing commercial use.\n\n"
            "Benchmarks published with the model put it close to leading closed systems.",
            tags=("DeepSeek",),
        ),
        item(
            "India tells platforms to label deepfakes within 36 hours",
            "2025-12-22",
            ["IN"],
            "deepfakes-misinformation",
            "Digital Watch Observatory",
            "India's IT ministry told social media platforms to label AI-generated content "
            "and remove reported deepfakes within 36 hours.\n\n"
            "Platforms that fail to comply could lose their legal protection for user posts.",
        ),
        item(
            "UK regulator Ofcom opens investigation into AI chatbot over child safety",
            "2026-01-05",
            ["GB"],
            "child-safety",
            "Reuters",
            "Ofcom opened an investigation into whether an AI chatbot service did enough to "
            "protect children from harmful content under the Online Safety Act.\n\n"
            "The regulator can fine companies up to 10 percent of global turnover.",
        ),
        item(
            "US tightens export controls on advanced AI chips to China",
            "2025-10-14",
            ["US", "CN"],
            "cybersecurity-supply-chain",
            "Reuters",
            "The US Commerce Department tightened export controls on advanced AI chips and "
            "chip-making equipment bound for China.\n\n"
            "Chinese officials criticised the move as an attack on free trade.",
        ),
        item(
            "Taiwan election commission warns of deepfake audio ahead of local polls",
            "2025-09-10",
            ["TW"],
            "deepfakes-misinformation",
            "Digital Watch Observatory",
            "Taiwan's election commission warned voters about deepfake audio clips that "
            "imitate candidates' voices ahead of local elections.\n\n"
            "Officials asked platforms to take down the clips quickly.",
        ),
        item(
            "Brazil's data protection authority orders halt to AI training on user posts",
            "2025-10-30",
            ["BR"],
            "ai-governance-regulation",
            "Reuters",
            "Brazil's national data protection authority ordered a social media company to "
            "stop using Brazilian users' posts to train its AI models.\n\n"
            "The authority cited a lack of transparency about how the data would be used.",
        ),
        item(
            HOSTILE_TITLE,
            "2025-12-01",
            ["US"],
            "deepfakes-misinformation",
            "Evil <i>News</i>",
            'A summary with "quotes" and <b onmouseover=alert(2)>markup</b> in it.\n\n'
            '<iframe src="https://evil.example"></iframe> {{ config.site_name }} {% raw %}\n\n'
            "# Not a heading\n\n[click](javascript:alert(3)) <!-- comment -->",
            tags=("<b>bold</b>", 'quote"tag'),
        ),
        item(
            "Football club signs new striker in record transfer",
            "2026-01-18",
            ["GB"],
            "other-off-topic",
            "Reuters",
            "A Premier League football club signed a new striker for a record transfer fee.\n\n"
            "The striker will join the squad next week.",
            status=Status.OFF_TOPIC,
        ),
        item(
            "Ferry timetable changes announced for Zanzibar routes",
            "2026-01-17",
            ["TZ"],
            "ai-governance-regulation",
            "Digital Watch Observatory",
            "The port authority announced changes to Zanzibar ferry timetables.\n\n"
            "Passengers should check times before travelling.",
            status=Status.REVIEW,
            review_reasons=["low-confidence topic"],
        ),
    ]


def write_archive(root: Path, items: list[Item]) -> Path:
    """A content folder under `root` with the fixture vocabulary and one page per item."""
    content = root / "content"
    shutil.copytree(ARCHIVE_DATA / "_data", content / "_data")
    for it in items:
        page = content / it.path
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(render_page(it.briefing, it.body), encoding="utf-8")
    return content


def write_project(root: Path, items: list[Item]) -> Path:
    """A project folder: the archive plus the repository's mkdocs.yml and overrides."""
    write_archive(root, items)
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(ROOT / "overrides", root / "overrides")
    return root / "mkdocs.yml"


def build_site(
    config_file: Path, settings: dict[str, Any] | None = None, **plugin_options: Any
) -> Path:
    """`mkdocs build --strict` in-process, with MkDocs `settings` and briefings plugin
    options overriding mkdocs.yml; returns the site folder."""
    config = load_config(str(config_file), strict=True, **(settings or {}))
    config.plugins["briefings"].config.update(plugin_options)
    build(config)
    return Path(config.site_dir)


def archive_of(items: list[Item]) -> Archive:
    """The archive the plugin would see for `items`, without touching MkDocs or the disk."""
    vocab = load_vocabulary(ARCHIVE_DATA)
    pages = [parse_page(render_page(it.briefing, it.body), it.path, vocab) for it in items]
    return Archive.of([Entry.of(page) for page in pages], vocab)


def published(items: list[Item]) -> list[Item]:
    return [it for it in items if it.briefing.status is Status.PUBLISHED]


def url_path(item: Item) -> str:
    """The site path of a briefing page (``briefings/2026/01/slug/``)."""
    return item.path.removesuffix(".md") + "/"


def html_at(site: Path, path: str) -> lxml.html.HtmlElement:
    """The parsed HTML of the built page at site path `path` (``regions/jp/`` or ``""``)."""
    file = site / path / "index.html" if not path.endswith(".html") else site / path
    return lxml.html.fromstring(file.read_bytes())


def resolve(from_path: str, href: str) -> str:
    """The site path a relative `href` on the page at `from_path` points to."""
    import posixpath

    joined = posixpath.normpath(posixpath.join(from_path or ".", href))
    joined = "" if joined == "." else joined
    return joined + "/" if href.endswith("/") and joined else joined


def links(site: Path, path: str, selector: str = ".md-content a") -> list[str]:
    """Site paths of the relative links matching `selector` on one page."""
    doc = html_at(site, path)
    return [
        resolve(path, a.get("href"))
        for a in doc.cssselect(selector)
        if a.get("href") and "://" not in a.get("href") and not a.get("href").startswith("#")
    ]


def listing_links(site: Path, path: str) -> list[str]:
    """Briefing links of a listing and all its numbered pages, in order."""
    found, seen, queue = [], set(), [path]
    while queue:
        page = queue.pop(0)
        if page in seen:
            continue
        seen.add(page)
        found += links(site, page, ".briefing-list .briefing-title a")
        queue += [p for p in links(site, page, ".pagination a") if p not in seen]
    return found


@dataclass(frozen=True)
class BuiltSite:
    root: Path
    site: Path
    items: list[Item]


def build_standard(root: Path, **plugin_options: Any) -> BuiltSite:
    items = standard_items()
    config = write_project(root, items)
    return BuiltSite(root, build_site(config, **plugin_options), items)
