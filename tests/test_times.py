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
        ("The fire started at 10 p.m. Wednesday, officials said.", [("10 p.m. Wednesday", "2023-08-30T22:00")]),
        ("He left in June 2022 and came back later that year.", [("June 2022", "2022-06"), ("later that year", "2022")]),
        ("On Tuesday the index fell 2% to end the day at 7,100.", [("Tuesday", "2023-08-29"), ("the day", "2023-08-29")]),
        ("Prices reflect current market conditions.", [("current", "PRESENT_REF")]),
        ("The current account deficit grew.", []),
        ("It was first flown on 7/8/07.", [("7/8/07", "2007-07-08")]),
        ("Chad buys about three-quarters of its grain abroad.", []),
        ("It was a second blow to the talks.", []),
        ("A second A380 flew on.", []),
        ("A second later it fell.", [("A second", "PT1S")]),
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
    assert values("Sales fell from the same period last year.", None) == [("the same period last year", None)]
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
        "The grant funds 30 shelters and 38 day care centers.",
        "160 out of the 313 local bridge structures are in a critical condition.",
    ],
)
def test_non_times(text: str) -> None:
    assert find_times(text, DCT) == []


def test_anniversary_is_not_a_time_but_this_year_is() -> None:
    assert values("this year marks the 10th anniversary of the initiative") == [("this year", "2023")]


@pytest.mark.parametrize(
    "text, expected",
    [
        # a clock time before a weekday belongs to it: "until 9 a.m. Tuesday" lies ahead
        ("The agency gave them until 9 a.m. Tuesday to sign.", [("9 a.m. Tuesday", "2023-09-05T09:00")]),
        # "Co." does not end the sentence that holds the tense cue
        ("The purchase of Acme Co. for $2 million is scheduled to close Monday.", [("Monday", "2023-09-04")]),
        # "is set to", "are supposed to": ahead
        ("The hearing is set to open on Wednesday in Leeds.", [("Wednesday", "2023-09-06")]),
        ("The talks are supposed to conclude by May, officials said.", [("May", "2024-05")]),
        # a speech verb after the closing quote does not date the quote
        ('"He will leave at dawn on Thursday," the minister said.', [("Thursday", "2023-09-07")]),
        # "next to" is a place, not a time
        ("Many died in the blast next to the embassy on Wednesday.", [("Wednesday", "2023-08-30")]),
        # "by"/"through" point ahead unless a past verb leads the clause
        ("The program aims to pay down the loan by February.", [("February", "2024-02")]),
        ("The fund saw little change this year through August.", [("this year", "2023"), ("August", "2023-08")]),
        # an -ed adjective after a determiner is not a past verb
        ("The dividend will be paid on a still undisclosed date in January.", [("January", "2024-01")]),
        # markets "remain closed until Friday": a state, not a past event
        ("The markets will remain closed until Tuesday.", [("Tuesday", "2023-09-05")]),
        # "Wednesday's ruling" has happened, unless it is awaited
        ("Farmers would look for ways to get around Wednesday's ban.", [("Wednesday", "2023-08-30")]),
        ("They will campaign ahead of Sunday's vote.", [("Sunday", "2023-09-03")]),
    ],
)
def test_tense_cues(text: str, expected: list[tuple[str, str]]) -> None:
    assert values(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Hate groups grew over the past year.", [("the past year", "DATE", "2022")]),
        ("It took a charge in the 1988 second quarter.", [("the 1988 second quarter", "DATE", "1988-Q2")]),
        ("Orders grew 17% in February against the same period last year.",
         [("February", "DATE", "2023-02"), ("the same period last year", "DATE", "2022-02")]),
        ("Profit in the third quarter beat the corresponding period a year earlier.",
         [("the third quarter", "DATE", "2023-Q3"), ("the corresponding period a year earlier", "DATE", "2022-Q3")]),
        ("Profit fell in the third quarter. In the 2022 period, it earned more.",
         [("the third quarter", "DATE", "2023-Q3"), ("the 2022 period", "DATE", "2022-Q3")]),
        ("Profit fell in the third quarter. Sales for last year's quarter were higher.",
         [("the third quarter", "DATE", "2023-Q3"), ("last year's quarter", "DATE", "2022-Q3")]),
        ("Quarter-to-quarter growth slowed.", []),
        ("It lost $9 million for the quarter ended June 30.", [("the quarter", "DATE", "2023-Q2"), ("June 30", "DATE", "2023-06-30")]),
        ("Pilgrims gather each July in the valley.", [("each July", "SET", "XXXX-07")]),
        ("Flights leave every Monday night and each Thursday.",
         [("every Monday night", "SET", "XXXX-WXX-1TNI"), ("each Thursday", "SET", "XXXX-WXX-4")]),
        ("The index rose eight trading days in a row.", [("eight trading days", "DURATION", "P8D")]),
        ("Over the next couple of years prices may rise.", [("the next couple of years", "DURATION", "P2Y")]),
        ("March nineteen eighty-one. The dam opened.", [("March nineteen eighty-one", "DATE", "1981-03")]),
        ("Snow fell in the winter of nineteen eighty-six.", [("the winter of nineteen eighty-six", "DATE", "1986-WI")]),
        ("Robots will one day do the housework.", [("one day", "DATE", "FUTURE_REF")]),
        ('He spoke on NBC\'s "60 Minutes" and on "This Week" about the plan.', []),
        ("For the league, high noon has arrived.", []),
        ("The probe made its first burn Tuesday over Kourou at 18:00 UTC.",
         [("Tuesday", "DATE", "2023-08-29"), ("18:00 UTC", "TIME", "2023-08-29T18:00Z")]),
        ("The talks start at 10:30 a.m. He arrived Tuesday.",
         [("10:30 a.m.", "TIME", "2023-09-01T10:30"), ("Tuesday", "DATE", "2023-08-29")]),
        ("Cars of the 70s were boxy.", [("the 70s", "DATE", "197")]),
        ("He is in his 70s.", []),
        ("Prospects look good in the near term.", [("the near term", "DATE", "FUTURE_REF")]),
        ("Rates stay low for the time being.", [("the time being", "DATE", "PRESENT_REF")]),
        ("The index fell 300 points in minutes.", [("minutes", "DURATION", "PTXM")]),
        ("On May 22, 2015, he became a general, and the following year an attache.",
         [("May 22, 2015", "DATE", "2015-05-22"), ("the following year", "DATE", "2016")]),
        ("Talks failed in March 2020. The following month, the firm was sold.",
         [("March 2020", "DATE", "2020-03"), ("The following month", "DATE", "2020-04")]),
        ("He was arrested on June 3, 2001. The previous day he had fled.",
         [("June 3, 2001", "DATE", "2001-06-03"), ("The previous day", "DATE", "2001-06-02")]),
        ("The following year will be hard.", [("The following year", "DATE", "2024")]),
        ("It made money after several quarters of losses.", [("several quarters", "DURATION", "PXQ")]),
        ("Jobs grew in the first nine months of 2022.",
         [("the first nine months", "DURATION", "P9M"), ("2022", "DATE", "2022")]),
        ("Trade grew in the first three quarters of this year.",
         [("the first three quarters", "DURATION", "P9M"), ("this year", "DATE", "2023")]),
        ("It bodes ill for coming quarters.", [("coming quarters", "DATE", "FUTURE_REF")]),
        ("The bridge should reopen by year's end.", [("year's end", "DATE", "2023")]),
        ("Rail traffic dwindled through the nineties.", [("the nineties", "DATE", "199")]),
        ("She is in her twenties.", []),
        ("Output rose in the last half of the '70s.", [("the last half of the '70s", "DATE", "197")]),
        ("The ferry will sail at 5 in the morning (5 a.m. Thursday).",
         [("5 in the morning", "TIME", "2023-09-07T05:00"), ("5 a.m. Thursday", "TIME", "2023-09-07T05:00")]),
        ("The bill passed on Aug. 3, 2021, and was signed that same day.",
         [("Aug. 3, 2021", "DATE", "2021-08-03"), ("that same day", "DATE", "2021-08-03")]),
    ],
)
def test_conventions(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert [(t.text, t.type, t.value) for t in find_times(text, DCT)] == expected


def test_year_ago_compares_the_reported_quarter_not_a_forecast() -> None:
    text = ("Third-quarter profit fell. Losses will last through the third quarter of 2024. "
            "In the year-ago period, it earned $5 million.")
    assert values(text, "2023-10-26")[-1] == ("the year-ago period", "2022-Q3")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Prices rose nearly two weeks ago.", [("nearly two weeks ago", "DATE", "2023-W33")]),
        ("The index fell Friday, down 4% from the previous Friday.",
         [("Friday", "DATE", "2023-09-01"), ("the previous Friday", "DATE", "2023-08-25")]),
        ("They met on Aug. 2 and again the following Monday.",
         [("Aug. 2", "DATE", "2023-08-02"), ("the following Monday", "DATE", "2023-08-07")]),
        ("Flights leave on Monday and Tuesday nights.",
         [("Monday", "SET", "XXXX-WXX-1TNI"), ("Tuesday nights", "SET", "XXXX-WXX-2TNI")]),
        ("The hearing is set for the week of Sept. 11.", [("the week of Sept. 11", "DATE", "2023-W37")]),
        ("Shares were up at mid-afternoon yesterday.", [("mid-afternoon yesterday", "TIME", "2023-08-31TAF")]),
        ("The index is at its lowest level since '82.", [("'82", "DATE", "1982")]),
        ("Thousands joined the annual March for Life in Washington.", [("annual", "SET", "P1Y")]),
        ("He was arrested on Aug. 10 and released the next day.",
         [("Aug. 10", "DATE", "2023-08-10"), ("the next day", "DATE", "2023-08-11")]),
        ("Results are expected over the next day.", [("the next day", "DURATION", "P1D")]),
        ("Exports slipped over the first nine months of the year.",
         [("the first nine months", "DURATION", "P9M"), ("the year", "DATE", "2023")]),
        ("In March, a week after the ruling in Smith vs. Jones, a bomb killed a guard.",
         [("March", "DATE", "2023-03"), ("a week", "DURATION", "P1W")]),
    ],
)
def test_round_four_rules(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert [(t.text, t.type, t.value) for t in find_times(text, DCT)] == expected


def test_year_ago_looks_back_not_ahead() -> None:
    text = "For the nine months, sales rose to $5 million from $4 million a year ago, despite weak third-quarter sales."
    assert ("a year ago", "2022") in values(text, "2023-10-26")


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


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["in", "May", "2023", "last", "year", "the", "past", "17", "years", "ago",
                                 "today", "Monday", "first", "half", "of", "mid-", "early", ",", "$", "Q3",
                                 "same", "period", "quarter", "a", "earlier", "following", "previous", "next",
                                 "day", "week", "month", "that", "1988", "'s", "fiscal", "night", "since"]),
                max_size=12),
       st.sampled_from([DCT, None]))
def test_spans_valid_on_time_words(words: list[str], dct: str | None) -> None:
    # with and without a document date: relative forms must not need one to be found
    text = " ".join(words)
    for t in find_times(text, dct):
        assert text[t.span[0] : t.span[1]] == t.text


@pytest.mark.parametrize(
    "text, expected",
    [
        # a week or two back names a day ("a week ago Tuesday"); a hedged count keeps the week
        ("The plant shut a week ago.", [("a week ago", "DATE", "2023-08-25")]),
        ("The plant shut two weeks ago.", [("two weeks ago", "DATE", "2023-08-18")]),
        ("The plant shut a week or so ago.", [("a week or so ago", "DATE", "2023-W34")]),
        ("The plant shut six weeks ago.", [("six weeks ago", "DATE", "2023-W29")]),
        # vague amounts in the past are PAST_REF dates, not durations
        ("The dam was built decades ago.", [("decades ago", "DATE", "PAST_REF")]),
        ("The plant shut months ago.", [("months ago", "DATE", "PAST_REF")]),
        # "a" does not count a plural: the expression is the "-long" compound itself
        ("It ended a decades-long feud.", [("decades-long", "DURATION", "PXDE")]),
        ("A months-long strike ended.", [("months-long", "DURATION", "PXM")]),
        # "and a half" after the unit
        ("The vote took a minute and a half.", [("a minute and a half", "DURATION", "PT1M30S")]),
        ("Talks lasted an hour and a half.", [("an hour and a half", "DURATION", "PT1H30M")]),
        ("The mine closed a year and a half ago.", [("a year and a half ago", "DATE", "2022")]),
        # the Nth or last week of a month: the ISO week of its Nth or last Thursday
        ("Sales picked up in the last week of March.", [("the last week of March", "DATE", "2023-W13")]),
        ("The vote is due in the first week of May 2024.", [("the first week of May 2024", "DATE", "2024-W18")]),
        # a year-like number naming an index is no year, unless a preposition makes it one
        ("The Russell 2000 Index fell 2%.", []),
        ("In 2000 Index funds grew.", [("2000", "DATE", "2000")]),
        # "the day before", "N days after" a named day: one date, shifted
        ("Talks broke down the day before last Tuesday.", [("the day before last Tuesday", "DATE", "2023-08-28")]),
        ("Two days after Aug. 14, the strike ended.", [("Two days after Aug. 14", "DATE", "2023-08-16")]),
        ("The day after the vote, prices fell.", []),
    ],
)
def test_round_five_rules(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert [(t.text, t.type, t.value) for t in find_times(text, DCT)] == expected


def test_a_report_compares_its_latest_quarter_not_the_last_one_named() -> None:
    text = ("Acme posted a 12% rise in third-quarter profit, up from a year ago. After a weak second "
            "quarter, the gain came from new stores. Charges in the year-earlier period were larger; "
            "in the 2023 period costs were lower than a year ago.")
    found = values(text, "2023-11-01")
    assert ("the year-earlier period", "2022-Q3") in found
    assert ("the 2023 period", "2023-Q3") in found
    assert found[-1] == ("a year ago", "2022-Q3")


@pytest.mark.parametrize(
    "text, expected",
    [
        # minutes are "M" after the "T" of a duration, counted or not
        ("It took just a few minutes.", [("just a few minutes", "DURATION", "PTXM")]),
        # "last"/"next" before a month and day: the last or next such day
        ("They met last Oct. 23 in Paris.", [("last Oct. 23", "DATE", "2022-10-23")]),
        ("They met last Aug. 20.", [("last Aug. 20", "DATE", "2023-08-20")]),
        ("Talks resume next Sept. 5.", [("next Sept. 5", "DATE", "2023-09-05")]),
        # a bare day after a month and day shares its month
        ("The summit is on Sept. 24 and 25 in Astana.", [("Sept. 24", "DATE", "2023-09-24"), ("25", "DATE", "2023-09-25")]),
        ("Talks ran from Aug. 3 to 5, officials said.", [("Aug. 3", "DATE", "2023-08-03"), ("5", "DATE", "2023-08-05")]),
        ("The summit was held on June 10-11, 2021.", [("June 10", "DATE", "2021-06-10"), ("11, 2021", "DATE", "2021-06-11")]),
        ("Output rose on Aug. 3 and 4 percent later.", [("Aug. 3", "DATE", "2023-08-03")]),
        # holidays by rule: weekday of a month, last weekday, a day after one, Easter
        ("Polls close on Election Day.", [("Election Day", "DATE", "2023-11-07")]),
        ("Parades on Memorial Day drew crowds.", [("Memorial Day", "DATE", "2023-05-29")]),
        ("Shops shut on Good Friday.", [("Good Friday", "DATE", "2023-04-07")]),
        ("Shops closed in Easter week.", [("Easter week", "DATE", "2023-W14")]),
        ("The Easter Island statues are old.", []),
        # counted quarters stay quarters; the first N quarters of a year are its months
        ("It shrank for two consecutive quarters of 2009.", [("two consecutive quarters", "DURATION", "P2Q"), ("2009", "DATE", "2009")]),
        ("Profit fell in the past two quarters.", [("the past two quarters", "DURATION", "P2Q")]),
        # a range of durations is two expressions, the first count in the second's unit
        ("Repairs need between 60 and 90 days.", [("60", "DURATION", "P60D"), ("90 days", "DURATION", "P90D")]),
        ("He will be away two to three weeks.", [("two", "DURATION", "P2W"), ("three weeks", "DURATION", "P3W")]),
        ("It costs $60 to 90 days' pay.", [("90 days", "DURATION", "P90D")]),
        # "every N units" is a SET with that period
        ("The summit is held every two years.", [("every two years", "SET", "P2Y")]),
        ("The biennial summit opened.", [("biennial", "SET", "P2Y")]),
        # quarter and half codes with a year; a year's two-digit successor
        ("In Q3 2024 sales will rise.", [("Q3 2024", "DATE", "2024-Q3")]),
        ("Sales rose in H1 2023.", [("H1 2023", "DATE", "2023-H1")]),
        ("The H1N1 virus spread.", []),
        ("The 2012-13 season was long.", [("2012", "DATE", "2012"), ("13", "DATE", "2013")]),
        ("On 2011-12-05 it rained.", [("2011-12-05", "DATE", "2011-12-05")]),
        # day ranges give both days; a month range takes the closing month's year
        ("Talks are set for Sept. 28-29.", [("Sept. 28", "DATE", "2023-09-28"), ("29", "DATE", "2023-09-29")]),
        ("The forum met on 28-29 August.", [("28", "DATE", "2023-08-28"), ("29 August", "DATE", "2023-08-29")]),
        ("Trade grew in January-September 2019.", [("January", "DATE", "2019-01"), ("September 2019", "DATE", "2019-09")]),
        ("It snowed from November to February 2020.", [("November", "DATE", "2019-11"), ("February 2020", "DATE", "2020-02")]),
        # set phrases: "every quarter", "a later date", "future quarters", "day-long"
        ("Interest is paid every quarter.", [("every quarter", "SET", "P1Q")]),
        ("Details follow at a later date.", [("a later date", "DATE", "FUTURE_REF")]),
        ("Losses may shrink in future quarters.", [("future quarters", "DATE", "FUTURE_REF")]),
        ("After their day-long session, talks ended.", [("day-long", "DURATION", "P1D")]),
        ("Sales held up into the summer.", [("the summer", "DATE", "2023-SU")]),
        # a base form spelled like a past ("hit", "set", "put") after "will"/"to" is no past tense
        ("The storm is expected to hit Sunday.", [("Sunday", "DATE", "2023-09-03")]),
        ("The storm will hit Sunday.", [("Sunday", "DATE", "2023-09-03")]),
        ("The storm hit Sunday.", [("Sunday", "DATE", "2023-08-27")]),
        # a scheduled act in the simple present before the day points ahead; a present after it does not
        ("The trial opens Monday.", [("Monday", "DATE", "2023-09-04")]),
        ("The two ministers meet separately Tuesday.", [("Tuesday", "DATE", "2023-09-05")]),
        ("The fund began buying in July, and holds 9% now.", [("July", "DATE", "2023-07"), ("now", "DATE", "PRESENT_REF")]),
        # "century" singular; fractions of a unit
        ("It was built a century ago.", [("a century ago", "DATE", "1923")]),
        ("For half a century, they cooperated.", [("half a century", "DURATION", "P50Y")]),
        ("It lasted more than a quarter of a century.", [("more than a quarter of a century", "DURATION", "P25Y")]),
        ("It closed a quarter century ago.", [("a quarter century ago", "DATE", "1998")]),
        ("He left half an hour later.", [("half an hour", "DURATION", "PT30M")]),
        ("Over the past quarter of a century, the forum grew.", [("the past quarter of a century", "DURATION", "P25Y")]),
        ("It is rooted in a thousand-year-long history.", [("a thousand-year-long", "DURATION", "P1000Y")]),
        ("It lasted more than two thousand years.", [("more than two thousand years", "DURATION", "P2000Y")]),
        # "current issues" are topical ones, not a time; "our current visit" is now
        ("They discussed current issues of trade.", []),
        ("Our current visit is useful.", [("current", "DATE", "PRESENT_REF")]),
        # "that time" is the last date named; without one it is no time
        ("Prices fell in 2019. At that time, few knew.", [("2019", "DATE", "2019"), ("that time", "DATE", "2019")]),
        ("At that time, few knew.", []),
        ("At the same time, prices rose.", []),
        # a bare decade after another one; not an age
        ("Music of the 60s and 70s sold well.", [("the 60s", "DATE", "196"), ("70s", "DATE", "197")]),
        ("He is in his 80s.", []),
        # a bare season after a preposition, placed by the tense
        ("We will meet again in spring.", [("spring", "DATE", "2024-SP")]),
        ("We met in spring and agreed.", [("spring", "DATE", "2023-SP")]),
        ("He lives in Spring Street.", []),
        # "the early hours of" a day is a part of that day
        ("Rebels attacked in the early hours of Sunday.", [("the early hours of Sunday", "DATE", "2023-08-27")]),
    ],
)
def test_round_six_rules(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert [(t.text, t.type, t.value) for t in find_times(text, DCT)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a scheduled act in the simple present points ahead; a base form after "due to" does not decide
        ("The offer expires Wednesday.", [("Wednesday", "DATE", "2023-09-06")]),
        ("The new rules take effect Wednesday.", [("Wednesday", "DATE", "2023-09-06")]),
        ("It had been due to expire Wednesday.", [("Wednesday", "DATE", "2023-08-30")]),
        # "is set for", "is scheduled for" point ahead
        ("The election is set for May 27.", [("May 27", "DATE", "2024-05-27")]),
        ("The hearing is scheduled for Wednesday.", [("Wednesday", "DATE", "2023-09-06")]),
        # the weekend follows the tense: the last one in the past, the coming one ahead
        ("Over the weekend, protesters gathered.", [("the weekend", "DATE", "2023-W34-WE")]),
        ("Protests are planned for the weekend.", [("the weekend", "DATE", "2023-W35-WE")]),
        # "last" as a verb is not part of the duration
        ("The talks will last two days.", [("two days", "DURATION", "P2D")]),
        ("It rose in the last two days.", [("the last two days", "DURATION", "P2D")]),
        # "each summer" is a set; a month range without a year shares the closing month's year
        ("The festival is held each summer.", [("each summer", "SET", "XXXX-SU")]),
        ("Growth slowed in the October-December quarter.", [("October", "DATE", "2022-10"), ("December", "DATE", "2022-12")]),
        # "on the 20th": a day of the document's month, or of the next or last by the tense
        ("The conference will open on the 20th.", [("the 20th", "DATE", "2023-09-20")]),
        ("The vote was held on the 20th, officials said.", [("the 20th", "DATE", "2023-08-20")]),
        ("They live on the 20th floor.", []),
        ("Retail sales rose 2% month-on-month.", [("month-on-month", "SET", "P1M")]),
        # the tense of a clause after the time ("what was agreed") does not outweigh "will" before it
        ("Putin will tell reporters on Wednesday what was agreed.", [("Wednesday", "DATE", "2023-09-06")]),
        ("Voters go to the polls on Wednesday.", [("Wednesday", "DATE", "2023-09-06")]),
        # "in two weeks' time" is a day ahead
        ("The road will reopen in two weeks' time.", [("two weeks' time", "DATE", "2023-09-15")]),
        ("In a year's time, the plant will run.", [("a year's time", "DATE", "2024")]),
        # a capitalized set word before another capitalized word is a name
        ("She watched the Nightly News on NBC.", []),
        ("Daily sales rose.", [("Daily", "SET", "P1D")]),
    ],
)
def test_round_seven_rules(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert [(t.text, t.type, t.value) for t in find_times(text, DCT)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "daily", "weekly" as a newspaper is no set
        ("The Communist Party daily Granma compared him with revolutionary heroes.", []),
        ("The business daily Vedomosti reported that the deal was off.", []),
        ("The daily said the deal was off.", []),
        ("The daily Kommersant, citing sources, said talks stalled.", []),
        ("The Kremlin holds daily briefings.", [("daily", "SET", "P1D")]),
        ("He attends the daily Kremlin briefing.", [("daily", "SET", "P1D")]),
        # an event named "March of the ..." is no month
        ("She walked in front of the ``March of the Silent Widows.''", []),
        ("He arrived in March of the following year.", [("March of the following year", "DATE", "2024-03")]),
        # a season with neither determiner nor preposition, placed by the tense
        ("Dealers say spring looks brighter for sales.", [("spring", "DATE", "2023-SP")]),
        ("The Fund and the Bank held their Autumn meetings.", [("Autumn", "DATE", "2023-FA")]),
        ("The Arab Spring began in Tunisia.", []),
        ("They bottle spring water and visit hot springs.", []),
        ("The opposition could spring a surprise.", []),
        ("Prices fall sharply.", []),
        # "late in the day after falling": the day; "the day after the vote" is another day
        ("The Dow rebounded late in the day after falling 250 points.", [("late in the day", "DATE", "2023-09-01")]),
        ("He came to the house on the day after the vote.", []),
        # "the year before", "the year previous" closing a clause count from the year last named
        ("Sales fell 5% in 2008, after rising 3% the year before.", [("2008", "DATE", "2008"), ("the year before", "DATE", "2007")]),
        ("It earned more last year than the year previous.", [("last year", "DATE", "2022"), ("the year previous", "DATE", "2021")]),
        ("He died the year before the war.", []),
        ("GM lost $8.6 billion for the entire year.", [("the entire year", "DATE", "2023")]),
        # a compound modifier is the duration without the noun phrase's determiner; "eight long years" is a count
        ("The entire thousand-year history of our country bears this out.", [("thousand-year", "DURATION", "P1000Y")]),
        ("After that, the 6-month period begins.", [("6-month", "DURATION", "P6M")]),
        ("They suffered for eight long years.", [("eight long years", "DURATION", "P8Y")]),
        ("This is a difficult day for us.", []),
        # "over" as a preposition of time stays outside; as an amount it is the duration's modifier
        ("The talks, held over two days, ended.", [("two days", "DURATION", "P2D")]),
        ("They will pay in equal installments over 12 months.", [("12 months", "DURATION", "P12M")]),
        ("The index is at its weakest in over six years.", [("over six years", "DURATION", "P6Y")]),
        ("It happened over 20 years ago.", [("over 20 years ago", "DATE", "2003")]),
        # a quarter or half as a modifier leaves the noun's "the" out
        ("The write-down caused the third-quarter deficit.", [("third-quarter", "DATE", "2023-Q3")]),
        ("The Q2 results beat forecasts.", [("Q2", "DATE", "2023-Q2")]),
        ("In the second quarter, sales rose.", [("the second quarter", "DATE", "2023-Q2")]),
        # a weekday of a named week is that week's day
        ("The minister resigned on Thursday last week.", [("Thursday", "DATE", "2023-08-24"), ("last week", "DATE", "2023-W34")]),
        ("The vote is on Monday next week.", [("Monday", "DATE", "2023-09-04"), ("next week", "DATE", "2023-W36")]),
        # "-long" compounds are the expression, without the noun's article
        ("A year-long investigation ended.", [("year-long", "DURATION", "P1Y")]),
        ("The decades-long feud ended.", [("decades-long", "DURATION", "PXDE")]),
        ("Their months-long standoff ended.", [("months-long", "DURATION", "PXM")]),
        # obligation and possibility point ahead, their perfects do not, nor across a subordinate clause
        ("He said they must vote in November.", [("November", "DATE", "2023-11")]),
        ("He said they must have met in August.", [("August", "DATE", "2023-08")]),
        ("The campaign now has to convince them to support her in November.", [("now", "DATE", "PRESENT_REF"), ("November", "DATE", "2023-11")]),
        ("Unity can prevent what Europe experienced on July 24.", [("July 24", "DATE", "2023-07-24")]),
        # "Christmas" before a thing is no date
        ("Mexico retaliated against Christmas trees.", []),
        # "at the end of the day" as the idiom for "ultimately"
        ("\"At the end of the day, we must move on,\" she said.", []),
        ("But at the end of the day, it's about jobs.", []),
        ("At the end of the day, the Dow was down 100 points.", [("the end of the day", "DATE", "2023-09-01")]),
        # "a day" as an occasion is no duration; "a day"/"a week" after an amount is a set
        ("It was not a day anyone could forget.", []),
        ("They guard it 24 hours a day.", [("24 hours", "DURATION", "PT24H"), ("a day", "SET", "P1D")]),
        ("Qantas runs four flights a week.", [("a week", "SET", "P1W")]),
        ("It took a day.", [("a day", "DURATION", "P1D")]),
        # the September 11 attacks happened in 2001, whenever the text is written
        ("Markets reopened after the September 11th terrorist attacks.", [("September 11th", "DATE", "2001-09-11")]),
        # "that same day" after a month named later than the last day is a day of that month
        ("He spoke Thursday. Slepian was killed last October. His name was crossed out that same day.",
         [("Thursday", "DATE", "2023-08-31"), ("last October", "DATE", "2022-10"), ("that same day", "DATE", "2022-10-XX")]),
    ],
)
def test_round_eight_rules(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert [(t.text, t.type, t.value) for t in find_times(text, DCT)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "overnight": the night before the document date, or its own night ahead; after a recent day
        # named just before, the night before that day; not the "overnight rate"
        ("Asian markets slid overnight.", [("overnight", "TIME", "2023-08-31TNI")]),
        ("Crews will work overnight to fix the line.", [("overnight", "TIME", "2023-09-01TNI")]),
        ("Tokyo closed lower on Wednesday. Traders blamed overnight losses on Wall Street.",
         [("Wednesday", "DATE", "2023-08-30"), ("overnight", "TIME", "2023-08-29TNI")]),
        ("The central bank kept the overnight rate unchanged.", []),
        # "year-to-date" is this year so far; "the new year" the coming one, not the holiday
        ("Year-to-date revenue rose 4 percent.", [("Year-to-date", "DATE", "2023")]),
        ("The plant will reopen early in the new year.", [("early in the new year", "DATE", "2024")]),
        # "9/11" after 2001 is the day of the attacks
        ("Airport security changed after 9/11.", [("9/11", "DATE", "2001-09-11")]),
        ("The 9/11 commission reported.", [("9/11", "DATE", "2001-09-11")]),
    ],
)
def test_round_nine_rules(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert [(t.text, t.type, t.value) for t in find_times(text, DCT)] == expected


def test_the_new_year_capitalized_is_the_holiday_not_the_coming_year() -> None:
    found = [(t.text, t.type) for t in find_times("We had a meeting before the New Year.", "2022-02-10")]
    assert found == [("New Year", "DATE")]
    assert [t.value for t in find_times("We had a meeting before the New Year.", "2022-02-10")] == ["2022-01-01"]
