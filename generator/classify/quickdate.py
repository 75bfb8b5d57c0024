"""The common dateline forms, read without dateparser and to the same result.

dateparser takes about 2 ms a dateline, most of a plain list's parse time. The forms
that make up nearly every real dateline are read here with a few regular expressions:
"12 March 2026", "March 12, 2026", "Thu, 12 Mar. 2026", "12th March" (day and month,
no year), "3 hours ago", "a day ago", "2 weeks ago", "yesterday", "today" and "last
Friday". `quick_date` returns what dateparser, set up as `dates` sets it up (English,
relative to a given moment, preferring the past), would return for them, and None for
anything else, which then goes to dateparser: other wordings, months or years
ago (dateparser reports those as a month or a year, not a day), a month and year
without a day, 29 February without a year, or a day the month does not have.
"""

from __future__ import annotations

import datetime as dt
import re

_MONTH_NAMES = (
    ("january", "jan"),
    ("february", "feb"),
    ("march", "mar"),
    ("april", "apr"),
    ("may",),
    ("june", "jun"),
    ("july", "jul"),
    ("august", "aug"),
    ("september", "sep", "sept"),
    ("october", "oct"),
    ("november", "nov"),
    ("december", "dec"),
)
_WEEKDAY_NAMES = (
    ("monday", "mon"),
    ("tuesday", "tue"),
    ("wednesday", "wed"),
    ("thursday", "thu"),
    ("friday", "fri"),
    ("saturday", "sat"),
    ("sunday", "sun"),
)
_MONTHS = {name: n for n, names in enumerate(_MONTH_NAMES, 1) for name in names}
_WEEKDAYS = {names[0]: n for n, names in enumerate(_WEEKDAY_NAMES)}
_UNITS = {"minute": 60, "min": 60, "hour": 3600, "day": 86400, "week": 604800}


def _alternatives(table: tuple[tuple[str, ...], ...], abbreviations: bool) -> str:
    return "|".join(n for names in table for n in (names[1:] if abbreviations else names[:1]))


def _day(n: int) -> str:
    return rf"(?P<d{n}>[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?"


def _month(n: int) -> str:
    full, short = _alternatives(_MONTH_NAMES, False), _alternatives(_MONTH_NAMES, True)
    return rf"(?P<m{n}>{full}|(?:{short})\.?)"


_ANY_WEEKDAY = "|".join(n for names in _WEEKDAY_NAMES for n in names)
_ABSOLUTE = re.compile(
    rf"(?:(?:{_ANY_WEEKDAY}),? )?(?:{_day(1)} {_month(1)}|{_month(2)} {_day(2)}),?"
    r"(?: (?P<year>(?:19|20)\d\d))?",
    re.IGNORECASE,
)
_AGO = re.compile(rf"(?P<n>[1-9]\d{{0,2}}|an?) (?P<unit>{'|'.join(_UNITS)})s? ago", re.IGNORECASE)
_LAST = re.compile(rf"last (?P<weekday>{_alternatives(_WEEKDAY_NAMES, False)})", re.IGNORECASE)


def quick_date(cleaned: str, now: dt.datetime) -> dt.date | None:
    """The day dateparser gives `cleaned` (one-spaced) relative to `now`, for the forms
    this module reads; None when it does not read `cleaned`."""
    captured = now.date()
    lowered = cleaned.lower()
    if lowered == "today":
        return captured
    if lowered == "yesterday":
        return captured - dt.timedelta(days=1)
    hit = _ABSOLUTE.fullmatch(cleaned)
    if hit:
        return _absolute(hit, captured)
    hit = _AGO.fullmatch(cleaned)
    if hit:
        count = hit.group("n").lower()
        seconds = _UNITS[hit.group("unit").lower()] * (1 if count in ("a", "an") else int(count))
        return (now - dt.timedelta(seconds=seconds)).date()
    hit = _LAST.fullmatch(cleaned)
    if hit:
        back = (captured.weekday() - _WEEKDAYS[hit.group("weekday").lower()] - 1) % 7 + 1
        return captured - dt.timedelta(days=back)
    return None


def _absolute(hit: re.Match[str], captured: dt.date) -> dt.date | None:
    month = _MONTHS[(hit.group("m1") or hit.group("m2")).lower().rstrip(".")]
    day = int(hit.group("d1") or hit.group("d2"))
    year = hit.group("year")
    if year is None:
        if (month, day) == (2, 29):
            return None
        try:
            found = dt.date(captured.year, month, day)
        except ValueError:
            return None
        return found.replace(year=found.year - 1) if found > captured else found
    try:
        return dt.date(int(year), month, day)
    except ValueError:
        return None
