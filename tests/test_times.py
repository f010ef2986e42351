"""The time-expression tagger: families of TIMEX3 expressions, the gold articles, non-times."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.extract.times import find_times

DCT = "2023-09-01"  # a Friday
SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def one(text: str, dct: str | None = DCT) -> tuple[str, str, str | None]:
    times = find_times(text, dct)
    assert len(times) == 1, times
    return times[0].text, times[0].type, times[0].value


def values(text: str, dct: str | None = DCT) -> list[tuple[str, str | None]]:
    return [(t.text, t.value) for t in find_times(text, dct)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("It opened on September 1, 2023 in Astana.", ("September 1, 2023", "DATE", "2023-09-01")),
        ("It opened on 1 September 2023.", ("1 September 2023", "DATE", "2023-09-01")),
        ("It opened on 2023-09-01.", ("2023-09-01", "DATE", "2023-09-01")),
        ("It was signed on April 10, 1991.", ("April 10, 1991", "DATE", "1991-04-10")),
        ("They met on Aug. 7.", ("Aug. 7", "DATE", "2023-08-07")),
        ("It was founded in 1939.", ("1939", "DATE", "1939")),
        ("The Year of Tourism in 2024.", ("2024", "DATE", "2024")),
        ("He visited in May.", ("May", "DATE", "2023-05")),
        ("He visited last May.", ("last May", "DATE", "2023-05")),
        ("He will visit next January.", ("next January", "DATE", "2024-01")),
        ("Sales fell in July 2022.", ("July 2022", "DATE", "2022-07")),
    ],
)
def test_calendar_dates(text: str, expected: tuple[str, str, str]) -> None:
    assert one(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Profit rose in the first quarter.", ("the first quarter", "DATE", "2023-Q1")),
        ("Profit rose in the third quarter of 2022.", ("the third quarter of 2022", "DATE", "2022-Q3")),
        ("Third-quarter profit rose.", ("Third-quarter", "DATE", "2023-Q3")),
        ("Trade grew in the first half of the year.", ("the first half of the year", "DATE", "2023-H1")),
        ("Trade grew in the second half of 2022.", ("the second half of 2022", "DATE", "2022-H2")),
        ("It opened in summer 2022.", ("summer 2022", "DATE", "2022-SU")),
        ("It opens in the autumn.", ("the autumn", "DATE", "2023-FA")),
        ("It happened in the 1990s.", ("the 1990s", "DATE", "199")),
        ("It happened in the 20th century.", ("the 20th century", "DATE", "19")),
        ("Results for fiscal 2023 were weak.", ("fiscal 2023", "DATE", "2023")),
        ("Results for FY2023 were weak.", ("FY2023", "DATE", "2023")),
        ("It began in mid-2022.", ("mid-2022", "DATE", "2022")),
        ("It ends by the end of the year.", ("the end of the year", "DATE", "2023")),
        ("It was week 35.", None),
    ],
)
def test_parts_of_years(text: str, expected: tuple[str, str, str] | None) -> None:
    if expected is None:
        assert find_times(text, DCT) == []
    else:
        assert one(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Trade grew last year.", ("last year", "DATE", "2022")),
        ("Trade grew this year.", ("this year", "DATE", "2023")),
        ("Trade grew in the current year.", ("the current year", "DATE", "2023")),
        ("Prices rose this month.", ("this month", "DATE", "2023-09")),
        ("They meet next week.", ("next week", "DATE", "2023-W36")),
        ("They met last week.", ("last week", "DATE", "2023-W34")),
        ("Sales fell in the previous quarter.", ("the previous quarter", "DATE", "2023-Q2")),
        ("It opened two years ago.", ("two years ago", "DATE", "2021")),
        ("It opened a decade ago.", ("a decade ago", "DATE", "2013")),
        ("It opened three months ago.", ("three months ago", "DATE", "2023-06")),
        ("Sales rose earlier this year.", ("earlier this year", "DATE", "2023")),
        ("He arrived yesterday.", ("yesterday", "DATE", "2023-08-31")),
        ("They met the day before yesterday.", ("the day before yesterday", "DATE", "2023-08-30")),
        ("He arrives tomorrow.", ("tomorrow", "DATE", "2023-09-02")),
        ("They met on Monday.", ("Monday", "DATE", "2023-08-28")),
        ("They will meet on Monday.", ("Monday", "DATE", "2023-09-04")),
        ("The talks start at 10:30 a.m.", ("10:30 a.m.", "TIME", "2023-09-01T10:30")),
    ],
)
def test_relative(text: str, expected: tuple[str, str, str]) -> None:
    assert one(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The target is $35 billion by 2030.", ("2030", "DATE", "2030")),
        ("The plan runs until 2025.", ("2025", "DATE", "2025")),
        ("It has grown since 2006.", ("2006", "DATE", "2006")),
        ("It lasted 17 years.", ("17 years", "DURATION", "P17Y")),
        ("It took six months.", ("six months", "DURATION", "P6M")),
        ("It doubled over the past decade.", ("the past decade", "DURATION", "P10Y")),
        ("Investment over the past 17 years was large.", ("the past 17 years", "DURATION", "P17Y")),
        ("Trade in the last nine months rose.", ("the last nine months", "DURATION", "P9M")),
        ("It took a few years.", ("a few years", "DURATION", "PXY")),
        ("We have known this for a long time.", ("a long time", "DURATION", "PXY")),
        ("It took two and a half years.", ("two and a half years", "DURATION", "P2Y6M")),
        ("The meeting lasted five hours.", ("five hours", "DURATION", "PT5H")),
        ("He has recently visited.", ("recently", "DATE", "PAST_REF")),
        ("We are now partners.", ("now", "DATE", "PRESENT_REF")),
        ("At present we trade a lot.", ("At present", "DATE", "PRESENT_REF")),
        ("We are currently partners.", ("currently", "DATE", "PRESENT_REF")),
        ("As in the past, we trade.", ("the past", "DATE", "PAST_REF")),
        ("We will trade in the future.", ("the future", "DATE", "FUTURE_REF")),
        ("We will trade more in the coming years.", ("the coming years", "DATE", "FUTURE_REF")),
        ("Exports grew 5% year-on-year.", ("year-on-year", "SET", "P1Y")),
        ("The forum is held annually.", ("annually", "SET", "P1Y")),
        ("They meet every week.", ("every week", "SET", "P1W")),
    ],
)
def test_durations_fuzzy_and_sets(text: str, expected: tuple[str, str, str]) -> None:
    assert one(text) == expected


def test_ranges_give_one_date_per_end() -> None:
    assert values("The plan for 2021-2025 is ready.") == [("2021", "2021"), ("2025", "2025")]
    assert values("The plan for 2022–2026 is ready.") == [("2022", "2022"), ("2026", "2026")]
    assert values("It grew from 2006 to 2023.") == [("2006", "2006"), ("2023", "2023")]


def test_today_as_nowadays_or_as_the_day() -> None:
    assert one("Today we are united by 11 railroads.") == ("Today", "DATE", "PRESENT_REF")
    assert one("The ministry said today that it agreed.")[2] == DCT
    assert values("today's meeting") == [("today", DCT)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The ministry announced Wednesday that it agreed.", [("Wednesday", "2023-08-30")]),
        ("The ministers will meet Wednesday in Astana.", [("Wednesday", "2023-09-06")]),
        ("A service planned for Saturday was canceled.", [("Saturday", "2023-08-26")]),
        ("They said last Friday that it agreed.", [("last Friday", "2023-08-25")]),
        ("He stepped down in November for health reasons.", [("November", "2022-11")]),
        ("The mission will start in December.", [("December", "2023-12")]),
        ("The dividend is payable Jan. 2 to holders.", [("Jan. 2", "2024-01-02")]),
        ("Sales for the year ended Nov. 30 rose.", [("the year", "P1Y"), ("Nov. 30", "2022-11-30")]),
        ("The market opened at 08:30 UTC.", [("08:30 UTC", "2023-09-01T08:30Z")]),
        ("He was kidnapped at 10 p.m. Wednesday, police said.", [("10 p.m. Wednesday", "2023-08-30T22:00")]),
        ("He left in June 2022 and came back later that year.", [("June 2022", "2022-06"), ("later that year", "2022")]),
        ("On Tuesday the index fell 2% to end the day at 7,100.", [("Tuesday", "2023-08-29"), ("the day", "2023-08-29")]),
        ("Prices reflect current market conditions.", [("current", "PRESENT_REF")]),
        ("The current account deficit grew.", []),
        ("It was first flown on 7/8/07.", [("7/8/07", "2007-07-08")]),
        ("Iraq imports about three-quarters of its food.", []),
        ("It was a second blow to the talks.", []),
        ("Net rose to $5 million in the third quarter from $4 million a year ago.",
         [("the third quarter", "2023-Q3"), ("a year ago", "2022-Q3")]),
        ("The company lost $2 million in the year-ago third quarter.", [("the year-ago third quarter", "2022-Q3")]),
    ],
)
def test_tense_anaphora_and_context(text: str, expected: list[tuple[str, str]]) -> None:
    assert values(text) == expected


@pytest.mark.parametrize(
    "text, value",
    [
        ("Helicopters are flying over the region today.", DCT),
        ("Today, hundreds of people began to arrive.", DCT),
        ("Even today the walls still stand.", "PRESENT_REF"),
        ("Today there is an increase in supply.", "PRESENT_REF"),
    ],
)
def test_today(text: str, value: str) -> None:
    assert [v for t, v in values(text) if t.lower() == "today"] == [value]


def test_without_a_document_date() -> None:
    assert values("Trade grew last year and will reach $35 billion by 2030.", None) == [
        ("last year", None),
        ("2030", "2030"),
    ]
    assert values("It was signed on April 10, 1991, two years ago.", None) == [
        ("April 10, 1991", "1991-04-10"),
        ("two years ago", None),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The deal is worth $24 billion.",
        "we need to expand the range of goods",
        "He is 45 years old.",
        "A 45-year-old man was arrested.",
        "Section 2024 of the code applies.",
        "Prices rose 20% and 2,000 tonnes were shipped.",
        "It shipped 1,500 cars and 2500 people came.",
        "The One Belt, One Road initiative grew.",
        "about $1 billion for 135 commodity items",
        "You may go.",
        "Prices fall in spring markets.",
        "They march on.",
    ],
)
def test_non_times(text: str) -> None:
    assert find_times(text, DCT) == []


def test_anniversary_is_not_a_time_but_this_year_is() -> None:
    assert values("this year marks the 10th anniversary of the initiative") == [("this year", "2023")]


def _gold_files() -> list[tuple[Path, Path]]:
    if not (SHARED / "examples").is_dir():
        return []
    pairs = [(SHARED / "examples/seed/000_e63359579d5b3a1c.txt", SHARED / "examples/seed/expected.json")]
    for text in sorted((SHARED / "examples/kremlin").glob("*.txt")):
        pairs.append((text, text.with_name(text.stem + ".expected.json")))
    return pairs


@pytest.mark.skipif(not _gold_files(), reason="../shared/examples is absent")
@pytest.mark.parametrize("text_path, gold_path", _gold_files(), ids=lambda p: p.stem)
def test_gold_articles(text_path: Path, gold_path: Path) -> None:
    gold = json.loads(gold_path.read_text("utf-8"))
    text = text_path.read_text("utf-8")
    found = find_times(text, gold["doc"]["date"])
    for item in gold["times"]:
        if item.get("optional"):
            continue
        texts = [item["text"], *item.get("span_text_also", [])]
        accepted = [item["value"], *item.get("value_also", [])]
        hit = [t for t in found if t.value in accepted and any(t.text in x or x in t.text for x in texts)]
        assert hit, f"missed {item['text']!r} = {item['value']}"


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("abc 0129-,.:'$%ADJMSTay\n")) | st.characters(), max_size=200))
def test_spans_are_always_valid(text: str) -> None:
    times = find_times(text, DCT)
    last = -1
    for t in times:
        assert text[t.span[0] : t.span[1]] == t.text
        assert t.span[0] >= last and t.span[1] > t.span[0]
        last = t.span[1]


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(["in", "May", "2023", "last", "year", "the", "past", "17", "years", "ago",
                                 "today", "Monday", "first", "half", "of", "mid-", "early", ",", "$", "Q3"]),
                max_size=12))
def test_spans_valid_on_time_words(words: list[str]) -> None:
    text = " ".join(words)
    for t in find_times(text, DCT):
        assert text[t.span[0] : t.span[1]] == t.text
