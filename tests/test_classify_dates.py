"""Dates: datelines resolved against the capture date."""

from __future__ import annotations

import datetime as dt

import pytest
from classify_helpers import run

from generator.classify.dates import dateparser_date, parse_dateline, relative_base
from generator.classify.quickdate import quick_date

BODY = "The regulator opened an inquiry into a chatbot maker."


def test_relative_minutes_resolve_against_capture_date() -> None:
    c = run(BODY, dateline="22 minutes ago", captured=dt.date(2025, 7, 21))
    assert c.date == dt.date(2025, 7, 21)
    assert not c.date_guessed


def test_relative_days_and_weekdays_count_back_from_capture() -> None:
    captured = dt.date(2026, 1, 23)
    assert run(BODY, dateline="3 days ago", captured=captured).date == dt.date(2026, 1, 20)
    assert run(BODY, dateline="last Friday", captured=captured).date == dt.date(2026, 1, 16)
    assert run(BODY, dateline="yesterday", captured=captured).date == dt.date(2026, 1, 22)


def test_day_and_month_without_year_takes_the_capture_year() -> None:
    assert run(BODY, dateline="19 January").date == dt.date(2026, 1, 19)


def test_day_and_month_after_capture_means_last_year() -> None:
    c = run(BODY, dateline="19 December", captured=dt.date(2026, 1, 5))
    assert c.date == dt.date(2025, 12, 19)


def test_full_and_iso_dates_are_taken_as_written() -> None:
    assert run(BODY, dateline="12 January 2026").date == dt.date(2026, 1, 12)
    assert run(BODY, dateline="2025-11-30").date == dt.date(2025, 11, 30)
    assert run(BODY, dateline="Published: Jan 5, 2026").date == dt.date(2026, 1, 5)


def test_dateline_after_capture_date_is_refused() -> None:
    c = run(BODY, dateline="12 March 2026", captured=dt.date(2026, 1, 23))
    assert c.date == dt.date(2026, 1, 23)
    assert c.date_guessed


def test_item_without_dateline_gets_capture_date_marked_guessed() -> None:
    c = run(BODY)
    assert c.date == dt.date(2026, 1, 23)
    assert c.date_guessed


def test_event_date_mentioned_mid_text_is_not_a_dateline() -> None:
    c = run(
        "UN agencies have issued a stark warning over AI risks to children. A joint statement "
        "published on 19 January urges urgent global action."
    )
    assert c.date == dt.date(2026, 1, 23)
    assert c.date_guessed


def test_dateline_opening_the_body_is_used() -> None:
    assert run("14 January 2026 - " + BODY).date == dt.date(2026, 1, 14)
    assert run("BRUSSELS, 15 January (Reuters) - " + BODY).date == dt.date(2026, 1, 15)
    assert run("Jan 20, 2026\n\n" + BODY).date == dt.date(2026, 1, 20)


def test_unreadable_dateline_falls_back_to_capture_date() -> None:
    c = run(BODY, dateline="Hashtags")
    assert c.date == dt.date(2026, 1, 23) and c.date_guessed


def test_first_sentence_dates_the_news_by_weekday() -> None:
    c = run(
        "India has released national AI governance guidelines, the ministry said on Tuesday.",
        captured=dt.date(2026, 2, 6),
    )
    assert c.date == dt.date(2026, 2, 3)
    assert not c.date_guessed


def test_weekday_of_the_capture_day_means_that_day() -> None:
    c = run("The agency said Tuesday it had arrested 31 suspects.", captured=dt.date(2026, 2, 17))
    assert c.date == dt.date(2026, 2, 17)


def test_first_sentence_release_date_and_last_weekday_are_used() -> None:
    released = run(
        "The regulator will curb AI companions under draft rules released on 19 January by "
        "the internet watchdog.",
        captured=dt.date(2026, 1, 21),
    )
    last = run(
        "The Commission plans to delay parts of the AI Act, according to a draft that "
        "circulated in Brussels last Friday.",
        captured=dt.date(2025, 11, 13),
    )
    assert (released.date, last.date) == (dt.date(2026, 1, 19), dt.date(2025, 11, 7))


COMMON_DATELINES = (
    "12 March 2026",
    "3 Feb 2026",
    "Feb. 5, 2026",
    "March 18, 2026",
    "Thursday, 12 March 2026",
    "Thu, 12 Mar 2026",
    "12th March, 2025",
    "Sept 9 2025",
    "19 January",
    "December 19",
    "1 March",
    "28 February",
    "31 December",
    "22 minutes ago",
    "1 hour ago",
    "13 hours ago",
    "an hour ago",
    "a day ago",
    "3 days ago",
    "2 weeks ago",
    "yesterday",
    "Today",
    "last Friday",
    "Last sunday",
)
OTHER_DATELINES = (
    "2 months ago",
    "1 year ago",
    "March 2026",
    "2026",
    "29 February",
    "31 February 2026",
    "12 March 2026 (Reuters)",
    "last fri",
    "Friday",
    "next Monday",
    "12/03/2026",
    "in 3 days",
    "12 Marc 2026",
)
CAPTURES = (dt.date(2026, 1, 23), dt.date(2024, 2, 29), dt.date(2025, 12, 31), dt.date(2026, 3, 1))


@pytest.mark.parametrize("dateline", COMMON_DATELINES)
def test_common_dateline_read_without_dateparser_gives_dateparsers_day(dateline: str) -> None:
    for captured in CAPTURES:
        quick = quick_date(dateline, relative_base(captured))
        assert quick is not None
        assert quick == dateparser_date(dateline, captured)


@pytest.mark.parametrize("dateline", OTHER_DATELINES)
def test_other_datelines_are_left_to_dateparser(dateline: str) -> None:
    assert all(quick_date(dateline, relative_base(c)) is None for c in CAPTURES)


def test_leap_day_and_month_without_day_still_resolve_through_dateparser() -> None:
    assert parse_dateline("29 February", dt.date(2026, 3, 20)) == dt.date(2024, 2, 29)
    assert parse_dateline("March 2026", dt.date(2026, 3, 20)) == dt.date(2026, 3, 1)
