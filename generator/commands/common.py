"""Helpers the CLI verbs share: locating the archive, reading raw files, parsing dates."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import unicodedata
from pathlib import Path

from .. import derivedcache
from ..classify import gazetteer, matcher
from ..errors import BriefingsError
from ..text import decode_bytes
from ..vocab import Vocabulary, load_vocabulary

MAX_RAW_BYTES = 64 * 1024 * 1024
PLACE_NAMES_FILE = "place-names.jsonl"
PLACE_NAMES_FORMAT = 1


def add_content_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--content",
        type=Path,
        default=Path("content"),
        metavar="DIR",
        help="the archive folder (MkDocs docs_dir); default: ./content",
    )


def add_input_options(parser: argparse.ArgumentParser, many: bool = True) -> None:
    """The raw file argument(s), --captured and --format shared by parse, ingest, explain."""
    if many:
        parser.add_argument("files", nargs="+", type=Path, metavar="FILE")
    else:
        parser.add_argument("file", type=Path, metavar="FILE")
    parser.add_argument(
        "--captured",
        type=capture_date,
        metavar="YYYY-MM-DD",
        help="capture date (default: the file's 'Captured: YYYY-MM-DD' first line)",
    )
    parser.add_argument(
        "--format", dest="fmt", metavar="NAME", help="force a reader (default: detect)"
    )


def capture_date(value: str) -> dt.date:
    """argparse type for --captured."""
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{value!r} is not a date in the form YYYY-MM-DD"
        ) from None


def vocabulary(content: Path) -> Vocabulary:
    """The archive's vocabulary, its gazetteer's place names taken from (or kept in)
    the cache folder beside `content` (see `generator.derivedcache`)."""
    if not (content / "_data").is_dir():
        raise BriefingsError(
            f"{content}: not an archive folder (no _data/ with the taxonomy); use --content DIR"
        )
    vocab = load_vocabulary(content)
    prime_gazetteer(vocab, derivedcache.cache_folder(content))
    return vocab


def prime_gazetteer(vocab: Vocabulary, folder: Path) -> None:
    """Hand the gazetteer of `vocab` the place names kept in `folder`, or build them and
    keep them there for the next run. They are kept under a key naming everything they
    are a function of: the packages they come from, the code that derives them, the
    Python and Unicode versions (accents are folded) and the settings of regions.yaml."""
    settings = gazetteer.place_names_key(vocab)
    digest = derivedcache.code_digest(
        (
            PLACE_NAMES_FORMAT,
            sys.version_info[:2],
            unicodedata.unidata_version,
            derivedcache.package_versions(gazetteer.PACKAGES),
            settings,
        ),
        (gazetteer, matcher, derivedcache),
    )
    key, path = digest.hex(), folder / PLACE_NAMES_FILE
    kept = gazetteer.PlaceNames.from_data(derivedcache.load(path, key))
    if kept is not None:
        gazetteer.remember_place_names(settings, kept)
    else:
        derivedcache.store(path, key, gazetteer.place_names(settings).to_data())


def read_raw(path: Path) -> str:
    """The decoded text of a raw digest, or a one-line error naming the file."""
    if not path.exists():
        raise BriefingsError(f"{path}: no such file")
    if path.is_dir():
        raise BriefingsError(f"{path}: is a folder, not a raw digest file")
    size = path.stat().st_size
    if size > MAX_RAW_BYTES:
        raise BriefingsError(
            f"{path}: file is {size // (1024 * 1024)} MB, larger than the "
            f"{MAX_RAW_BYTES // (1024 * 1024)} MB a digest may be"
        )
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise BriefingsError(f"{path}: cannot read: {exc.strerror}") from exc
    return decode_bytes(data, str(path))
