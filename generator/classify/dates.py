"""When an item was published.

The item's own dateline wins ("22 minutes ago", "19 January", "last Friday",
"12 March 2026", ISO dates), resolved against the capture date (the common forms by
`quickdate`, the others by dateparser, to the same result); failing that, a dateline
opening the body ("12 March 2026 - ...", a first line that is only a date); failing
that, the day the first sentence gives for the news itself ("..., the ministry said on
Tuesday", "draft rules released on 19 January", "last Friday"); failing that, the
capture date itself, flagged as guessed. Dates further into the story ("a joint
statement published on 19 January" in a later sentence) are background, not the
item's date. No date is later than the capture date.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from dateparser.date import DateDataParser

from .quickdate import quick_date

_PREFIX = re.compile(
    r"^\s*(?:(?:first\s+)?published|updated|last\s+updated|posted|date[d]?|filed)\b\s*(?:on|at)?\s*[:\-\u2013\u2014]?\s*",
    re.I,
)
_DATE_WORD = re.compile(
    r"\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\b|\b(?:mon|tues?|wed|thu|fri|sat|sun)"
    r"[a-z]*day\b|\b(?:today|yesterday|ago|last|this)\b",
    re.I,
)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_ISO = re.compile(r"^\s*(\d{4}-\d{2}-\d{2})(?:[T ][\d:.+\-Z]*)?\s*$")
_LEAD_SPLIT = re.compile(r"\s[\u2013\u2014-]{1,2}\s|\s?\|\s?|:\s")
_PLACE_PREFIX = re.compile(r"^[A-Z][A-Za-z .'\-]{1,30},\s+")
_AGENCY = re.compile(r"\s*\([^)]{1,30}\)\s*$")
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_WEEKDAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
_LEAD_EVENT = re.compile(
    rf"\b(?:(?:on|said|says|announced|released|published|confirmed|reported|unveiled)\s+"
    rf"(?:on\s+)?(?P<when>{_WEEKDAY}|\d{{1,2}}\s+{_MONTH}(?:\s+\d{{4}})?"
    rf"|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?)"
    rf"|(?P<last>last\s+{_WEEKDAY}|yesterday))\b",
    re.I,
)
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MAX_DATELINE = 60
MAX_DATELINE_WORDS = 7
RELATIVE_HOUR = 12


def relative_base(captured: dt.date) -> dt.datetime:
    """The moment relative datelines count back from: noon of the capture day."""
    return dt.datetime.combine(captured, dt.time(RELATIVE_HOUR))


@lru_cache(maxsize=64)
def _parser(captured: dt.date) -> DateDataParser:
    return DateDataParser(
        languages=["en"],
        settings={
            "RELATIVE_BASE": relative_base(captured),
            "PREFER_DATES_FROM": "past",
            "RETURN_AS_TIMEZONE_AWARE": False,
            "STRICT_PARSING": False,
        },
    )


@lru_cache(maxsize=4096)
def dateparser_date(cleaned: str, captured: dt.date) -> dt.date | None:
    """What dateparser reads in `cleaned` relative to noon of the capture date: a day,
    the first of a month it names without a day, None for a year alone or no date."""
    data = _parser(captured).get_date_data(cleaned)
    if data.date_obj is None or data.period == "year":
        return None
    found: dt.date = data.date_obj.date()
    return found.replace(day=1) if data.period == "month" else found


@lru_cache(maxsize=4096)
def parse_dateline(text: str, captured: dt.date) -> dt.date | None:
    """A dateline resolved against the capture date, or None if it is not a date.

    Dates after the capture date are impossible for a captured item: a dateline
    without a year is moved back a year; one with an explicit future year is refused.
    """
    cleaned = _PREFIX.sub("", " ".join(text.split())).strip(" .,;|-\u2013\u2014")
    if (
        not cleaned
        or len(cleaned) > MAX_DATELINE
        or len(cleaned.split()) > MAX_DATELINE_WORDS
        or not _DATE_WORD.search(cleaned)
    ):
        return None
    iso = _ISO.match(cleaned)
    if iso:
        try:
            found: dt.date | None = dt.date.fromisoformat(iso.group(1))
        except ValueError:
            return None
    else:
        found = quick_date(cleaned, relative_base(captured)) or dateparser_date(cleaned, captured)
    if found is None:
        return None
    if found > captured:
        if _YEAR.search(cleaned):
            return None
        try:
            found = found.replace(year=found.year - 1)
        except ValueError:
            found = found - dt.timedelta(days=365)
    return found if found <= captured else None


def body_datelines(body: str) -> list[str]:
    """Candidate datelines opening the body: a first line that is only a date, or the
    words before a dash or colon at the start of the first paragraph ("12 March 2026 -",
    "LONDON, 12 March (Reuters) -")."""
    first = body.lstrip().split("\n", 1)[0].strip()
    out: list[str] = []
    if first and len(first) <= MAX_DATELINE:
        out.append(first)
    head = _LEAD_SPLIT.split(first[: MAX_DATELINE + 4], maxsplit=1)
    if len(head) == 2:
        candidate = _AGENCY.sub("", _PLACE_PREFIX.sub("", head[0])).strip()
        if candidate:
            out.append(candidate)
    return out


def lead_event_date(lead: str, captured: dt.date) -> tuple[dt.date, str] | None:
    """The day the first sentence gives for the news ("said on Tuesday"), if any.

    A bare weekday is the latest such day up to and including the capture date."""
    hit = _LEAD_EVENT.search(lead)
    if hit is None:
        return None
    phrase = (hit.group("when") or hit.group("last")).strip()
    if phrase.lower() in _WEEKDAYS:
        back = (captured.weekday() - _WEEKDAYS.index(phrase.lower())) % 7
        return captured - dt.timedelta(days=back), phrase
    found = parse_dateline(phrase, captured)
    return (found, phrase) if found is not None else None


def item_date(
    dateline: str | None, body: str, captured: dt.date, lead: str = ""
) -> tuple[dt.date, bool, str]:
    """(date, guessed, why) for one item; `lead` is the body's first sentence."""
    if dateline:
        found = parse_dateline(dateline, captured)
        if found is not None:
            return found, False, f"dateline {dateline.strip()!r}"
    for candidate in body_datelines(body):
        found = parse_dateline(candidate, captured)
        if found is not None:
            return found, False, f"dateline opening the body {candidate!r}"
    event = lead_event_date(lead, captured) if lead else None
    if event is not None:
        return event[0], False, f"first sentence dates the news: {event[1]!r}"
    return captured, True, "no dateline: capture date"
