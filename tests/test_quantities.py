"""Tests for the quantity extractor (newsgraph.extract.quantities)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.extract.quantities import find_quantities, quantity_change
from newsgraph.extract.quantities_links import from_to
from newsgraph.record import Quantity

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def one(text: str) -> Quantity:
    found = find_quantities(text)
    assert len(found) == 1, found
    return found[0]


def triples(text: str) -> list[tuple[str, float, str | None]]:
    return [(q.text, q.value, q.unit) for q in find_quantities(text)]


# --- numbers in digits and words -------------------------------------------------

@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("They signed three agreements.", 3),
        ("a dozen eggs", 12),
        ("half a million people", 500_000),
        ("one hundred and two visitors", 102),
        ("twenty-one years", 21),
        ("1,500 workers", 1500),
        ("2.5 trillion roubles", 2.5e12),
        ("1.2 mln tonnes", 1.2e6),
        ("one and a half million barrels", 1.5e6),
    ],
)
def test_number_values(text: str, value: float) -> None:
    assert one(text).value == pytest.approx(value)


# --- money ---------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("trade reached $1.8 bln", 1.8e9, "USD"),
        ("worth US$250 billion", 250e9, "USD"),
        ("a budget of Rs 16,189 crore", 16189e7, "INR"),
        ("The deal is worth €3.5 billion", 3.5e9, "EUR"),
        ("it cost £2,000", 2000, "GBP"),
        ("10 billion dollars", 1e10, "USD"),
        ("500 million euros", 5e8, "EUR"),
        ("15 billion roubles", 15e9, "RUB"),
        ("20 billion rubles", 20e9, "RUB"),
        ("800 yuan", 800, "CNY"),
        ("3 billion renminbi", 3e9, "CNY"),
        ("100 million yen", 1e8, "JPY"),
        ("5 trillion tenge", 5e12, "KZT"),
        ("200 million som", 2e8, "KGS"),
        ("40 million manat", 4e7, "AZN"),
        ("12 billion rupees", 12e9, "INR"),
        ("7 billion hryvnia", 7e9, "UAH"),
        ("USD 1,700", 1700, "USD"),
        ("INR1 trillion", 1e12, "INR"),
        ("$2.7m", 2.7e6, "USD"),
        ("HK$5.4m", 5.4e6, "HKD"),
        ("RM23.50", 23.5, "MYR"),
        ("1.23 billion shekels", 1.23e9, "ILS"),
    ],
)
def test_money(text: str, value: float, unit: str) -> None:
    q = one(text)
    assert (q.value, q.unit) == (pytest.approx(value), unit)


def test_record_figure_from_the_seed() -> None:
    text = "mutual trade turnover increased by 34% and reached a record $24 billion."
    assert triples(text) == [("34%", 34, "percent"), ("$24 billion", 24e9, "USD")]


def test_price_per_unit() -> None:
    q = one("oil traded at US $71.36 per barrel")
    assert (q.value, q.unit) == (71.36, "USD/barrel")


# --- percent, points -----------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("rose 34%", 34, "percent"),
        ("18 percent of trade", 18, "percent"),
        ("60 per cent of revenue", 60, "percent"),
        ("up 0.5 percentage points", 0.5, "pp"),
        ("a 2 pp rise", 2, "pp"),
        ("a 35 basis point cut", 35, "bp"),
    ],
)
def test_percent(text: str, value: float, unit: str) -> None:
    q = one(text)
    assert (q.value, q.unit) == (pytest.approx(value), unit)


# --- counts, ranks ---------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("about $1 billion for 135 commodity items", 135, "commodity item"),
        ("Today we are united by 11 railroads and highways", 11, "railroad"),
        ("they have set up 14 branches of Chinese colleges", 14, "branch"),
        ("We had three big forums", 3, "big forum"),
        ("52300 people", 52300, "people"),
        ("30 buses and 12 campuses", 30, "bus"),
        ("about 60 commercial fishermen", 60, "commercial fisherman"),
        ("seven European countries", 7, "european country"),
        ("the construction of two railways", 2, "railway"),
        ("12 companies", 12, "company"),
    ],
)
def test_counts(text: str, value: float, unit: str) -> None:
    found = [q for q in find_quantities(text) if q.value == value]
    assert found and found[0].unit == unit


def test_count_with_compound_noun() -> None:
    q = one("three oil and gas wires and the Khorgos Center")
    assert q.value == 3 and q.unit in ("oil and gas wire", "wire")


@pytest.mark.parametrize(("text", "unit"), [
    ("339 sports facilities", "sports facility"),
    ("more than 6,800 sports grounds", "sports ground"),
    ("20 goods trains", "goods train"),
    ("5 tonnes rice", "tonne"),  # a unit stays a unit
    ("3 weeks its", "week"),
])
def test_a_plural_modifier_of_a_counted_noun(text: str, unit: str) -> None:
    assert one(text).unit == unit


def test_rank() -> None:
    q = one("China is traditionally among the top 5 investor countries")
    assert (q.text, q.value, q.unit) == ("top 5", 5, "rank")


# --- ranges and approximations -----------------------------------------------------

@pytest.mark.parametrize(
    ("text", "value", "high", "unit"),
    [
        ("10-12 billion dollars", 10e9, 12e9, "USD"),
        ("between 5 and 7 percent", 5, 7, "percent"),
        ("$10 to $15 billion", 10e9, 15e9, "USD"),
        ("flats listed from RM95,000 to RM410,000", 95_000, 410_000, "MYR"),
        ("winds of 35 to 48 miles per hour", 35, 48, "mph"),
        ("between $41 and $44 per share", 41, 44, "USD/share"),
        ("from $650,000 to $1.7 million", 650_000, 1.7e6, "USD"),
    ],
)
def test_ranges(text: str, value: float, high: float, unit: str) -> None:
    q = one(text)
    assert (q.value, q.high, q.unit) == (pytest.approx(value), pytest.approx(high), unit)


def test_between_is_in_the_span() -> None:
    assert one("growth of between 5 and 7 percent").text == "between 5 and 7 percent"


def test_change_from_to_is_two_figures() -> None:
    found = find_quantities("Revenue fell from $36,040 to $34,935.")
    assert [q.value for q in found] == [36040, 34935]


@pytest.mark.parametrize(
    "word", ["about", "around", "over", "more than", "nearly", "almost", "exceeded", "some", "roughly", "approximately", "up to"]
)
def test_approximators(word: str) -> None:
    q = one(f"investments {word} $10 billion")
    assert q.approx and q.text == f"{word} $10 billion" and q.value == 10e9


def test_exact_figure_is_not_approx() -> None:
    assert not one("it amounted to $5 billion").approx


# --- physical units -------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("1.5 million tonnes of grain", 1.5e6, "tonne"),
        ("500,000 barrels per day", 500_000, "barrel/day"),
        ("100,000 barrels of oil", 100_000, "barrel"),
        ("55 billion cubic metres of gas", 55, "bcm"),
        ("10 bcm", 10, "bcm"),
        ("2 million cubic metres", 2e6, "m3"),
        ("over 3,500 kilometres long", 3500, "km"),
        ("a 1,200 MW plant", 1200, "MW"),
        ("5 megawatts", 5, "MW"),
        ("7.3 kWh", 7.3, "kWh"),
        ("25 km", 25, "km"),
        ("87 mph", 87, "mph"),
        ("a 6.1-inch display", 6.1, "inch"),
        ("a two-day visit", 2, "day"),
        ("in 15 years", 15, "year"),
        ("32 degrees Celsius", 32, "°C"),
        ("640bhp", 640, "bhp"),
        ("5kW", 5, "kW"),
        ("54GB of data", 54, "GB"),
        ("2,000 hectares", 2000, "ha"),
    ],
)
def test_physical_units(text: str, value: float, unit: str) -> None:
    q = one(text)
    assert (q.value, q.unit) == (pytest.approx(value), unit)


# --- not quantities ---------------------------------------------------------------------

@pytest.mark.parametrize(
    "text",
    [
        "the target is set for 2030",
        "a cooperation programme for 2022–2026",
        "On September 8 the talks began.",
        "the talks on 9 May",
        "Posted 7:41 PM GMT Mar 3 2021",
        "By 4 pm the square was empty.",
        "the meeting started at 10:30",
        "this year marks the 10th anniversary",
        "the first visit",
        "He was aged 45 at the time.",
        "Most of those dying are people over 60, with chronic diseases.",
        "Children under 12 are vaccinated free of charge.",
        "It chose areas for progress: 1. Prevention of violence. 2. Creating jobs.",
        "a 45-year-old engineer",
        "Okafor, 58, spent the winter abroad",
        "Call +7 (7172) 74-50-50 for details",
        "under Article 5 of the treaty",
        "Section 3 applies",
        "the One Belt, One Road initiative",
        "Kazakhstan was one of the first to respond",
        "he is the one that came",
        "1. Introduction",
        "iPhone 11 Pro",
        "COVID-19 restrictions",
        "a score of 2-1",
        "the 1990s",
        "the F-16 jets",
    ],
)
def test_not_quantities(text: str) -> None:
    assert find_quantities(text) == []


# --- change classes --------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "mention", "change"),
    [
        ("trade increased by 34% last year", "34%", "up"),
        ("The Nikkei fell 1.4%", "1.4%", "down"),
        ("shares were down 2.3%", "2.3%", "down"),
        ("Tesla jumped 8.5%", "8.5%", "up"),
        ("The index lost 85 points, or 0.4%.", "0.4%", "down"),
        ("rose 8.15% to 3.65", "3.65", "="),
        ("more than 45 per cent of exports", "more than 45 per cent", ">"),
        ("about 15 euros", "about 15 euros", "~"),
        ("up to 400 people", "up to 400 people", "<"),
        ("more than 300 kilometers (190 miles)", "190 miles", ">"),
        ("it costs $200", "$200", "="),
        ("the team allowed 233 passing yards", "233 passing yards", "="),
    ],
)
def test_quantity_change(text: str, mention: str, change: str) -> None:
    q = next(q for q in find_quantities(text) if q.text == mention)
    assert quantity_change(text, q) == change


# --- units shared between linked figures --------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The gap was increased from 2.5 to 3.0 mm.", [(2.5, "mm"), (3.0, "mm")]),
        ("She went from 160 pounds to 148 by cycling.", [(160, "lb"), (148, "lb")]),
        ("the value should increase from 4.8 to 4.7 billion euros", [(4.8e9, "EUR"), (4.7e9, "EUR")]),
        ("shipments rose to 7.2 million tablets, up from 5.1 million in 2015.", [(7.2e6, "tablet"), (5.1e6, "tablet")]),
        ("The FTSE 100 rose 31.52 points to 7,204.60.", [(31.52, "point"), (7204.6, "point")]),
        ("12300 workers have waited for three years and 18900 for longer.", [(12300, "worker"), (3, "year"), (18900, "worker")]),
        ("over the past three years, 40 T-90 tanks were shipped", [(3, "year"), (40, None)]),
        ("The index rose 8.15% to 3.65.", [(8.15, "percent"), (3.65, None)]),
        ("A ticket is about 6 or $7.", [(6, "USD"), (7, "USD")]),
        ("about 8 or 9 people", [(8, "people"), (9, "people")]),
    ],
)
def test_shared_units(text: str, expected: list[tuple[float, str | None]]) -> None:
    assert [(pytest.approx(q.value), q.unit) for q in find_quantities(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("paid HK$216,925 (PS21,700) in all", [(216925, "HKD"), (21700, "GBP")]),  # "PS": £ transliterated to ASCII
        ("Nintendo fell to Y=28,030.", [(28030, "JPY")]),
        ("the PS5 console", []),
        ("Revenue grew sixfold.", [(6, "fold")]),
        ("a 10-fold increase", [(10, "fold")]),
        ("a tariff on 3,200 categories of products entering Canada", [(3200, "category of products")]),
        ("12 units of new Sukhoi jets", [(12, "unit")]),
        ("500 members of parliament voted", [(500, "member of parliament")]),
        ("30 years of diplomatic relations", [(30, "year")]),
        ("5 drams of distilled water", [(5, "dram")]),
    ],
)
def test_units_round_two(text: str, expected: list[tuple[float, str]]) -> None:
    assert [(pytest.approx(q.value), q.unit) for q in find_quantities(text)] == expected


# --- NewsQuant's extra conventions (options) ---------------------------------------------------

@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The 72-year-old hesitates", [("72-year-old", 72, "year of age")]),
        ("a 1,600 year-old wall", [("1,600 year-old", 1600, "year of age")]),
        ("bedrock 400 million-year-old", [("400 million-year-old", 4e8, "year of age")]),
        ("We need one plan that covers everything", [("one plan", 1, "plan")]),
        ("It is one of our regional offices", [("one of our regional offices", 1, "regional office")]),
        ("He kept one eye on the door", [("one eye", 1, "eye")]),
        ("a photo of one that flew", []),
        ("Kazakhstan was one of the first to respond", []),
        ("Okafor, 58, spent the winter abroad", []),  # NewsQuant mostly leaves appositive ages out
    ],
)
def test_options_ages_and_ones(text: str, expected: list[tuple[str, float, str]]) -> None:
    found = find_quantities(text, ages=True, ones=True)
    assert [(q.text, pytest.approx(q.value), q.unit) for q in found] == expected
    assert all(q.unit != "year of age" and q.value != 1 for q in find_quantities(text))


@pytest.mark.parametrize(
    ("text", "mention", "change"),
    [
        ("yield strength lower than 5.20 ksi (35.9 MPa).", "35.9 MPa", "<"),
        ("just under 180 hp (134 kW / 182 PS)", "182 PS", "<"),
        ("rose more than fourfold to HK $2.1 billion (US $269 million) in 2019", "US $269 million", "="),
        ("The group shed more than 40% of its value, or more than $12 billion, in a month.", "more than $12 billion", ">"),
        ("Listings last an average of 45 days.", "45 days", "="),
    ],
)
def test_quantity_change_round_two(text: str, mention: str, change: str) -> None:
    q = next(q for q in find_quantities(text) if q.text == mention)
    assert quantity_change(text, q) == change


# --- round three: groups, compounds, from-to gaps, bare rates, ages, eras ----------------------

@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Three of Smith's aides resigned.", [("Three of Smith's aides", 3, "aide")]),
        ("Two of the companies said no.", [("Two of the companies", 2, "company")]),
        ("three of the five", [("three", 3, None), ("five", 5, None)]),
        ("They ordered a four course dinner on the terrace.", [("four course dinner", 4, "course dinner")]),
        ("The 12 nation trade bloc, formed in 1994, met.", [("12 nation trade bloc", 12, "nation trade bloc")]),
        ("About 700 arrive from Europe.", [("About 700", 700, None)]),
        ("Our rate is ten time lower than theirs.", [("ten", 10, None)]),
        ("Only two schoolchildren got sick.", [("two", 2, None)]),
        ("a 0-to-100-km/h sprint", [("0-to-100-km/h", 0, "km/h")]),
        ("between AD 800 and 950 the town grew", []),
        ("a temple from 500 BC", []),
        ("The relievers: Smith (0.7 WAR) and Jones (1.2 WAR).", [("0.7", 0.7, None), ("1.2", 1.2, None)]),
    ],
)
def test_round_three_units(text: str, expected: list[tuple[str, float, str | None]]) -> None:
    assert [(q.text, pytest.approx(q.value), q.unit) for q in find_quantities(text)] == expected


def test_most_in_a_group_of_one() -> None:
    found = find_quantities("She is one of the most admired and feared judges in the country.", ones=True)
    assert [(q.text, q.value, q.unit) for q in found] == [
        ("one of the most admired and feared judges", 1, "feared judge")]


def test_from_to_with_words_between() -> None:
    text = "Oil fell from 80 in June to 60 dollars in December."
    found = find_quantities(text)
    assert [(q.value, q.unit) for q in found] == [(80, "USD"), (60, "USD")]
    assert from_to(text, *found)
    text = "Oil fell from 80. In June it was 60 to 70 euros."
    assert find_quantities(text)[0].unit is None


def test_bare_rate_takes_the_elided_noun() -> None:
    found = find_quantities("We logged 30 break-ins this month, against an average of 25 a month last year.")
    assert [(q.text, q.unit) for q in found] == [("30 break-ins", "break-in"), ("25 a month", "break-in/month")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("She will be 40 by the end of the year.", [("40", 40, "year of age")]),
        ("He turned 71 last week.", [("71", 71, "year of age")]),
        ("Life expectancy for women there is about 81 now.", [("about 81", 81, "year of age")]),
        ("his now-12 month-old son", [("12 month-old", 12, "month of age")]),
        ("a 5-10 year-old child", [("5-10 year-old", 5, "year of age")]),
        ("He was 35 percent sure.", [("35 percent", 35, "percent")]),
        ("He was 3 points behind.", [("3 points", 3, "point")]),
        ("Ilya turned 10 today.", [("10", 10, "year of age")]),
        ("I was 9 back then.", [("9", 9, "year of age")]),
        ("My daughter, who will soon be 18, studies.", [("18", 18, "year of age")]),
        ("Sales turned 10 percent higher.", [("10 percent", 10, "percent")]),
    ],
)
def test_round_three_ages(text: str, expected: list[tuple[str, float, str]]) -> None:
    found = find_quantities(text, ages=True)
    assert [(q.text, pytest.approx(q.value), q.unit) for q in found] == expected
    assert all(q.unit is None or not q.unit.endswith(" of age") for q in find_quantities(text))


# --- properties ---------------------------------------------------------------------------------

@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789 ,.-–$€%/:()abckmMBtonesperdlauUSD\n")), max_size=80))
def test_spans_valid_on_number_like_text(text: str) -> None:
    _check_spans(text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=120))
def test_spans_valid_on_any_text(text: str) -> None:
    _check_spans(text)


def _check_spans(text: str) -> None:
    found = find_quantities(text)
    last = 0
    for q in found:
        start, end = q.span
        assert text[start:end] == q.text and start >= last and end > start
        assert q.high is None or q.high > q.value
        last = end
    for q in found:
        assert quantity_change(text, q) in ("=", "~", ">", "<", "up", "down")


# --- gold files in ../shared ----------------------------------------------------------------------

def _shared(path: str) -> Path:
    full = SHARED / path
    if not full.exists():
        pytest.skip(f"{full} not found (the shared evaluation data sits beside the repository)")
    return full


def test_seed_quantities() -> None:
    text = _shared("examples/seed/000_e63359579d5b3a1c.txt").read_text("utf-8")
    found = {(q.value, q.unit) for q in find_quantities(text)}
    expected = {
        (24e9, "USD"), (34, "percent"), (13.6e9, "USD"), (20, "percent"), (35e9, "USD"), (1e9, "USD"),
        (135, "commodity item"), (5, "rank"), (23.5e9, "USD"), (11, "railroad"), (3, "oil and gas wire"),
    }
    assert expected <= found
    values = {q.value for q in find_quantities(text)}
    assert not values & {2024, 2030, 10, 1}


def test_kremlin_claim_values_are_found() -> None:
    folder = _shared("examples/kremlin")
    total = hit = 0
    for gold in sorted(folder.glob("*.expected.json")):
        text = gold.with_name(gold.name.replace(".expected.json", ".txt")).read_text("utf-8")
        values = {q.value for q in find_quantities(text)}
        for claim in json.loads(gold.read_text("utf-8")).get("claims", []):
            if claim.get("unit") == "rank" and claim.get("value") == 1:
                continue  # superlatives ("the largest partner"), no number in the text
            total += 1
            hit += claim["value"] in values
    assert total and hit / total >= 0.9, (hit, total)


_UNIT_NAMES = {"metre": "m", "kilometre": "km", "mile": "mile", "tonne": "tonne", "gallon": "gallon", "day": "day",
               "year": "year", "week": "week", "hour": "hour", "dollar": "USD", "euro": "EUR", "pound sterling": "GBP",
               "percentage": "percent", "kilogram": "kg", "litre": "litre", "inch": "inch", "foot": "ft"}


def test_quantulum3_cases() -> None:
    cases = json.loads(_shared("data/quantulum3-tests/quantities.json").read_text("utf-8"))
    total = hit = 0
    for case in cases:
        found = find_quantities(case["req"])
        for item in case["res"]:
            unit = _UNIT_NAMES.get(item["unit"])
            if unit is None:
                continue
            total += 1
            hit += any(q.value == pytest.approx(item["value"]) and q.unit == unit for q in found)
    assert total > 20 and hit / total >= 0.7, (hit, total)


@pytest.mark.parametrize(("text", "indicator"), [
    ("The town received two million of the pilgrims last year.", "pilgrims"),
    ("Two-thirds of the national budget went to schools.", "share of national budget"),
    ("Over 300 volunteers joined the clean-up.", "volunteers"),
    ("The bank proposed lowering the deposit rate from 11 percent.", "deposit rate"),
])
def test_the_indicator_of_a_counted_figure(pipeline, text: str, indicator: str) -> None:
    from newsgraph.record import Article
    record = pipeline.extract(Article(id="t", text=text, date="2024-03-14"))
    assert [c.indicator for c in record.claims] == [indicator]


def test_newswire_dollar_abbreviations(pipeline) -> None:
    from newsgraph.record import Article
    text = "Profit rose to 12.5 mln Canadian dlrs, and sales reached 840 mln dlrs."
    record = pipeline.extract(Article(id="t", text=text, date="1987-03-09"))
    assert [(c.value, c.unit) for c in record.claims] == [(12_500_000, "CAD"), (840_000_000, "USD")]


def test_a_connective_sentence_after_reported_speech_keeps_its_speaker(pipeline) -> None:
    from newsgraph.record import Article
    text = ("Prime Minister Anna Berg noted that exports keep growing. Thus, last year exports rose to $9 billion. "
            "Exports of timber reached $2 billion.")
    record = pipeline.extract(Article(id="t", text=text, date="2024-03-14"))
    names = {e.id: e.name for e in record.entities}
    assert [(c.value, names.get(c.speaker or "")) for c in record.claims] == [(9e9, "Anna Berg"), (2e9, None)]


@pytest.mark.parametrize(("text", "value", "unit"), [
    ("The debate ran 90-plus minutes.", 90, "minute"),
    ("Some 60+ delegates arrived.", 60, "delegate"),
])
def test_a_plus_after_the_number_is_a_lower_bound(text: str, value: float, unit: str) -> None:
    from newsgraph.extract.quantities import find_quantities
    found = find_quantities(text)
    assert [(q.value, q.unit, q.approx) for q in found] == [(value, unit, True)]


@pytest.mark.parametrize(("text", "expected"), [
    ("About 52,000 people were evacuated from the valley by Sunday.", [("people evacuated", 52_000)]),
    ("Some 2.4 million people are registered as unemployed.", [("people unemployed", 2_400_000)]),
    ("Over 9,000 people joined the march.", [("people", 9_000)]),
    ("Millions of people suffered. Five of them left.", []),
    ("Our two peoples share a long history.", []),
])
def test_headcounts_are_figures_vague_numbers_are_not(pipeline, text: str, expected) -> None:
    from newsgraph.record import Article
    record = pipeline.extract(Article(id="t", text=text, date="2024-03-14"))
    assert [(c.indicator, c.value) for c in record.claims] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("The town received tens of thousands of pilgrims. Millions of lives were saved.", []),
    ("We do not receive billions of dollars. Exports reached 5 billion dollars.", [("exports", 5e9, "USD")]),
    ("Benefits go to children aged 8 through 16. Ilya turned 10 today. I was 9 back then.", []),
    ("198 servicemen were awarded state awards, 4 of them posthumously.",
     [("servicemen", 198, "serviceman"), ("servicemen", 4, "serviceman")]),
    ("The missile hit Odesa. As of now - 8 dead. At least 18 wounded.",
     [("people dead", 8, "people"), ("people wounded", 18, "people")]),
    ("Troops entered 3,620 settlements. 1,017 of them have been liberated.",
     [("settlements", 3620, "settlement"), ("settlements", 1017, "settlement")]),
])
def test_magnitudes_ages_and_parts_of_a_count(pipeline, text: str, expected) -> None:
    from newsgraph.record import Article
    record = pipeline.extract(Article(id="t", text=text, date="2024-03-14"))
    assert [(c.indicator, c.value, c.unit) for c in record.claims] == expected


@pytest.mark.parametrize(("text", "value", "unit"), [
    ("Seven more frigates will be launched.", 7, "frigate"),
    ("The agency put four such probes into orbit.", 4, "probe"),
])
def test_more_or_such_between_number_and_noun(text: str, value: float, unit: str) -> None:
    found = find_quantities(text)
    assert [(q.value, q.unit) for q in found] == [(value, unit)]


def test_according_to_a_titled_name_is_the_person(pipeline) -> None:
    from newsgraph.record import Article
    text = "According to Health Minister of Peru Rosa Quispe, 2,300 patients are in hospital."
    record = pipeline.extract(Article(id="t", text=text, date="2024-03-14"))
    names = {e.id: e.name for e in record.entities}
    assert [names.get(c.speaker or "") for c in record.claims] == ["Rosa Quispe"]


def test_a_change_does_not_cross_into_a_contrasting_clause(pipeline) -> None:
    from newsgraph.record import Article
    text = "Steel output has grown by 12 percent, while investment exceeds 40 billion pesos."
    record = pipeline.extract(Article(id="t", text=text, date="2024-03-14"))
    assert [(c.indicator, c.value, c.change is not None) for c in record.claims] == [
        ("steel output", 12, True), ("investment", 40e9, False)]


@pytest.mark.parametrize(("text", "expected"), [
    # the word after the figure gives the change: the value it restates, or reaches with "to"
    ("In January-October, we obtained revenues worth 23 trillion rubles, or 37 percent more than 2020 levels.",
     [(23e12, (37, "up"))]),
    ("Passenger traffic reached 87.5 million, which is 20 percent higher than before the pandemic.",
     [(87.5e6, (20, "up"))]),
    ("The bank reported a 2.9 pct rise in net profit to 93.1 mln riyals.", [(93.1e6, (2.9, "up"))]),
    ("Doha Bank reported a 13 pct drop in net profit to 27.5 mln riyals.", [(27.5e6, (13, "down"))]),
    # ... not any value of its clause, nor one across another change
    ("Gasoline stocks are 37.6 mln barrels above last year's levels, and analysts said the expected "
     "two pct rise in demand will not help.", [(37.6e6, None), (2, (2, "up"))]),
    ("Spending rose 0.3 pct to 2,882.6 billion dlrs in March after rising 2.4 pct in February "
     "instead of the previously reported 1.7 pct rise.",
     [(2882.6e9, (0.3, "up")), (2.4, (2.4, "up")), (1.7, (1.7, "up"))]),
])
def test_a_change_told_after_its_figure(pipeline, text, expected) -> None:
    from newsgraph.record import Article
    record = pipeline.extract(Article(id="t", text=text, date="2021-11-22"))
    assert [(c.value, (c.change.value, c.change.direction) if c.change else None) for c in record.claims] == expected


@pytest.mark.parametrize(("text", "period"), [
    ("So far this year, sales are down nearly 40 pct compared to last year.", "1987"),
    ("Industrial production from January to March grew by 2.5 per cent compared with the same period last year.",
     "1987-01/1987-03"),
    ("In 1985, 24.4 mln tonnes of sweeter cane than in 1986 produced 3.38 mln tonnes of raws.", "1985"),
    # the time opens the figure's own phrase, or is a deadline
    ("M-4 money supply rose 14.1 pct in the first three months compared with this year's eight pct target.", "1987"),
    ("The reduction of between 20 and 30 pct must be announced no later than June 1, 1987.", "1987-06-01"),
])
def test_the_time_a_figure_is_compared_with_is_no_period(pipeline, text, period) -> None:
    from newsgraph.record import Article
    record = pipeline.extract(Article(id="t", text=text, date="1987-04-20"))
    assert record.claims[-1].period == period, [(c.value, c.period) for c in record.claims]


@pytest.mark.parametrize(("text", "indicators"), [
    ("We are talking about approximately 100 new passenger cars, and well over 20 new plants.",
     ["new passenger cars", "new plants"]),
    ("The plans include 5.5 thousand km of state roads and more than 1.4 thousand km of local roads.",
     ["state roads", "local roads"]),
])
def test_indicators_leave_out_bounds_and_take_the_material_of_a_conjunct(pipeline, text, indicators) -> None:
    from newsgraph.record import Article
    record = pipeline.extract(Article(id="t", text=text, date="2022-02-11"))
    assert [c.indicator for c in record.claims] == indicators


@pytest.mark.parametrize(("text", "indicators"), [
    ("As you said, our trade is growing: in the last nine months, it already amounted to $5 billion.", ["trade"]),
    ("Russia accounts for 18 percent of Uzbekistan's trade. Our mutual trade is increasing: last year it went "
     "up by over 15 percent.", ["share of trade", "mutual trade"]),
    # not who said it, nor a party
    ("Oil traders said Exxon's subsidiary raised the price it charges by 0.50 cent a gallon.", ["cent/gallon"]),
])
def test_it_takes_the_noun_subject_of_an_earlier_clause_of_its_sentence(pipeline, text, indicators) -> None:
    from newsgraph.record import Article
    record = pipeline.extract(Article(id="t", text=text, date="2021-11-19"))
    assert [c.indicator for c in record.claims] == indicators


def test_a_figure_after_will_is_a_forecast(pipeline) -> None:
    from newsgraph.record import Article
    text = "Next year our trade will pass the $9 billion mark. The port will hire 300 dockers."
    record = pipeline.extract(Article(id="t", text=text, date="2024-03-14"))
    assert [(c.value, c.kind) for c in record.claims] == [(9e9, "forecast"), (300, "count")]


def test_a_rate_per_year_has_no_period_from_its_set(pipeline) -> None:
    from newsgraph.record import Article
    text = "The port ships 4 million tonnes annually. In 2023 the port handled 5 million tonnes."
    record = pipeline.extract(Article(id="t", text=text, date="2024-03-14"))
    assert [(c.value, c.period) for c in record.claims] == [(4e6, None), (5e6, "2023")]


@pytest.mark.parametrize(("text", "expected"), [
    ("We will process 70 million tonnes of ore.", [("ore processing", 70e6)]),
    ("We have already spent 44 billion rubles.", [("spending", 44e9)]),
    ("The minister instructed the agency to allocate 20 billion rubles for the road.", [("allocation", 20e9)]),
    ("Chile exported 4 million tonnes of copper.", [("copper exports", 4e6)]),
    ("They amount to 23 million tonnes of copper and 2,000 tonnes of gold.", [("copper", 23e6), ("gold", 2000)]),
    ("Oil exports are earning around $1 billion a day.", [("oil exports", 1e9)]),
    ("About 170 billion rubles should be invested in the programme.", [("investment", 170e9)]),
    ("Most of the 170 billion rubles that should be invested in the programme is private.",
     [("investment", 170e9)]),
    ("They cut the rate of income tax to 53 pct from 56 pct.", [("income tax", 53), ("income tax", 56)]),
    ("Growth of 2.5 pct is still possible.", [("growth", 2.5)]),
    ("Norway pledged $300 million in loans to the port authority.", [("loans", 3e8)]),
    ("The mayor thanked Japan for another $40 million in direct budget support.", [("direct budget support", 4e7)]),
    ("The war caused $600 billion in losses.", [("losses", 6e11)]),
    ("The growers expect a 124,000 tonne surplus.", [("surplus", 124_000)]),
    ("Japan granted a 300 mln dlr economic recovery loan.", [("economic recovery loan", 3e8)]),
    ("Investment totalled $5 billion in dollar terms.", [("investment", 5e9)]),
    ("5,000 tons of Peruvian copper were shipped.", [("peruvian copper shipments", 5000)]),
])
def test_what_a_figure_measures_from_its_verb_and_its_material(pipeline, text: str, expected) -> None:
    from newsgraph.record import Article
    record = pipeline.extract(Article(id="t", text=text, date="2024-03-14"))
    assert [(c.indicator, c.value) for c in record.claims] == expected


def test_numbers_listed_after_a_label_are_no_figures_and_a_list_shares_its_unit() -> None:
    from newsgraph.extract.quantities import find_quantities
    assert find_quantities("In line with Article 24 parts 1 and 2 of the law, and Articles 3, 4 and 5, it applies.") == []
    found = find_quantities("Prices rose by 5 and 6 percent, and wages by 3, 4 or 5 billion rubles.")
    assert [(q.value, q.unit) for q in found] == [(5, "percent"), (6, "percent"), (3e9, "RUB"), (4e9, "RUB"),
                                                  (5e9, "RUB")]


def test_it_takes_the_indicator_of_the_same_speakers_figure_before(pipeline) -> None:
    from newsgraph.record import Article
    text = ("Vladimir Putin: Exports of grain reached $9 billion last year. It rose by 12 percent this year.\n\n"
            "Anton Berg: Yes. It rose by 5 percent in our region.")
    record = pipeline.extract(Article(id="t", text=text, date="2024-03-14"))
    found = [(c.value, c.indicator) for c in record.claims]
    assert found[1] == (12.0, found[0][1]) and found[0][1].startswith("exports")
    assert found[2][0] == 5.0 and found[2][1] != found[0][1]  # another speaker's "it": not his exports


def test_a_figure_that_qualifies_a_target_is_one(pipeline) -> None:
    from newsgraph.record import Article
    text = ("Finance Minister Anna Berg said she was keeping her 2.5 pct inflation target for 1987. "
            "Inflation was 0.5 pct below target in May. The bank has three main tasks and goals.")
    record = pipeline.extract(Article(id="t", text=text, date="1987-03-16"))
    assert [(c.value, c.indicator, c.kind) for c in record.claims] == [
        (2.5, "inflation target", "target"), (0.5, "inflation", "actual"), (3.0, "main tasks", "count")]


def test_a_narrated_sentence_after_reported_speech_goes_on_with_its_indicator(pipeline) -> None:
    from newsgraph.record import Article
    text = ("Prime Minister Anna Berg emphasized that trade keeps growing. Thus, last year mutual trade turnover "
            "reached a record $24 billion. In the first half of the year it increased by 20% and amounted to "
            "$13.6 billion.")
    record = pipeline.extract(Article(id="t", text=text, date="2023-09-14"))
    found = {c.value: c.indicator for c in record.claims}
    assert found[13.6e9] == found[24e9] == "mutual trade turnover"


@pytest.mark.parametrize(("text", "expected"), [
    ("Prices fell to 147 pesetas a kilo from 160.", [(147, "ESP/kg"), (160, "ESP/kg")]),
    ("Inflation rose to 5.2 pct from 4.8.", [(5.2, "percent"), (4.8, "percent")]),
    ("Profit rose to 5.2 billion marks from 4.8.", [(5.2e9, "DEM"), (4.8e9, "DEM")]),
    ("It paid 3 billion lire and 20 mln guilders.", [(3e9, "ITL"), (2e7, "NLG")]),
    ("160 out of the 313 bridges are unsafe.", [(160, "bridge"), (313, "bridge")]),
])
def test_the_old_value_after_to_new_from_and_legacy_currencies(text: str, expected) -> None:
    assert [(q.value, q.unit) for q in find_quantities(text)] == expected


def test_a_time_right_after_a_figure_is_that_figures_period(pipeline) -> None:
    from newsgraph.record import Article
    text = ("Output was expected to rise to 370,000 tonnes this year from 340,000 last year. "
            "Payments will be limited to 947 mln dlrs this year against 1.489 billion dlrs last year. "
            "Crude output will fall to 61.2 mln barrels in 1987 from 105.6 mln in 1986. "
            "Greek owners ran 76 out of 190 tankers in April compared with 30 out of 172 tankers in the same "
            "period last year.")
    record = pipeline.extract(Article(id="t", text=text, date="1987-04-24"))
    periods = {c.value: c.period for c in record.claims}
    assert [periods[v] for v in (370_000, 340_000, 947e6, 1.489e9, 61.2e6, 105.6e6, 76, 30)] == [
        "1987", "1986", "1987", "1986", "1987", "1986", "1987-04", "1986-04"]
    kinds = {c.value: c.kind for c in record.claims}
    assert [kinds[v] for v in (370_000, 340_000, 61.2e6, 105.6e6)] == ["forecast", "actual", "forecast", "actual"]


def test_cents_crowns_and_rates_of_measures_are_no_counts(pipeline) -> None:
    from newsgraph.extract.units import is_counted
    from newsgraph.record import Article
    assert [(q.value, q.unit) for q in find_quantities("It earned 50 cts a share on 74.77 billion Swedish crowns.")] \
        == [(50, "cent/share"), (74.77e9, "SEK")]  # a price a share, in cents
    assert not is_counted("tonne/day") and not is_counted("cent/gallon") and is_counted("tanker")
    text = ("The plant works 24 hours a day, seven days a week. Naphtha was posted at 47 cts a gallon. "
            "Overall shipments will increase more than 1.5-fold to two million tonnes per year.")
    record = pipeline.extract(Article(id="t", text=text, date="2024-03-14"))
    assert [(c.indicator, c.value, c.kind) for c in record.claims] == [
        ("naphtha", 47, "actual"), ("shipments", 2e6, "forecast")]


def test_a_figure_something_should_be_raised_to_is_a_target(pipeline) -> None:
    from newsgraph.record import Article
    text = ("The canal's depth should be increased to 4.5 metres. Output must reach 5 million tonnes. "
            "The surplus should reach one billion dlrs in each month.")
    record = pipeline.extract(Article(id="t", text=text, date="2024-03-14"))
    assert [(c.value, c.kind) for c in record.claims] == [(4.5, "target"), (5e6, "target"), (1e9, "actual")]


def test_a_per_share_figure_restates_the_total_before_it(pipeline) -> None:
    from newsgraph.record import Article
    text = "First quarter net income increased to 124.2 mln dlrs, or 1.77 dlrs a share, the bank said."
    record = pipeline.extract(Article(id="t", text=text, date="1987-04-24"))
    assert [(c.indicator, c.value) for c in record.claims] == [
        ("first quarter net income", 124.2e6), ("first quarter net income per share", 1.77)]


def test_a_number_joined_to_an_adjective_in_ed_counts_nothing() -> None:
    # "two-sided" and "three-pronged" describe; "200-bed" and "five-speed" still count
    text = "The way must be two-sided. A three-pronged approach. A 200-bed hospital. A five-speed gearbox."
    assert [(q.value, q.unit) for q in find_quantities(text) if q.unit] == [(200, "bed"), (5, "speed")]


def test_thousands_grouped_with_dots_are_thousands() -> None:
    # "400.000 Euros" (a European writer's grouping); a rate's three decimals stay decimals
    text = "They will donate 400.000 Euros, sell 1.250.000 tonnes at a rate of 7.125 pct."
    assert [(q.value, q.unit) for q in find_quantities(text) if q.unit] == [
        (400_000, "EUR"), (1_250_000, "tonne"), (7.125, "percent")]


def test_a_change_noun_measures_what_its_in_or_of_object_names(pipeline) -> None:
    from newsgraph.record import Article
    text = ("It is proved by a 60% increase in bilateral trade between Ukraine and the United Kingdom. "
            "They reported a 3% rise in 2021. A 10% drop in the number of tourists followed.")
    record = pipeline.extract(Article(id="t", text=text, date="2022-02-01"))
    indicators = [(c.indicator, c.value) for c in record.claims]
    assert indicators[0] == ("bilateral trade", 60) and indicators[2] == ("tourists", 10)
    assert indicators[1][0] != "2021"  # a time is no measure: the rise is the trade's again


def test_a_sum_of_money_does_not_take_what_the_count_before_it_counted(pipeline) -> None:
    from newsgraph.record import Article
    text = ("A decision was made to increase the Armed Forces by another 100,000 servicemen. "
            "This is 1.7 billion pounds for the Navy. The main bridge is 2,900 metres long.")
    record = pipeline.extract(Article(id="t", text=text, date="2022-02-01"))
    assert [(c.indicator, c.unit) for c in record.claims][:2] == [("servicemen", "serviceman"), ("GBP", "GBP")]


def test_a_dollar_named_with_its_country_in_reuters_abbreviations(pipeline) -> None:
    from newsgraph.record import Article
    text = ("The Reserve Bank raised its cash target to 45 mln N.Z. Dlrs. It paid 5 mln Australian dlrs, "
            "3 mln N.Z. dlrs, 2 mln Hong Kong dlrs and 7.53 billion Taiwan dlrs. Output fell nine pct and "
            "mining production declined seven pct in two-monthly comparisons.")
    record = pipeline.extract(Article(id="t", text=text, date="1987-04-03"))
    assert [c.unit for c in record.claims][:5] == ["NZD", "AUD", "NZD", "HKD", "TWD"]
    assert [c.indicator for c in record.claims][-1] == "mining production"  # not "and mining production"
    assert not [c for c in record.claims if "monthly" in c.indicator]


def test_sterling_as_wires_write_it_and_a_bare_amount_of_profit_after_it(pipeline) -> None:
    from newsgraph.record import Article
    text = ("Bowater reported a 32.4 mln stg profit in 1985. It had pension benefits of 4.5 mln stg. "
            "Profit from Australia jumped 55.0 pct to 15.5 mln. The town's population is 1.5 mln. "
            "Sales were 12.5 mln dlrs against 10.1 mln a year earlier.")
    record = pipeline.extract(Article(id="t", text=text, date="1987-04-08"))
    assert [(c.value, c.unit) for c in record.claims] == [
        (32.4e6, "GBP"), (4.5e6, "GBP"), (15.5e6, "GBP"), (1.5e6, None), (12.5e6, "USD"), (10.1e6, "USD")]


def test_a_clauses_number_is_no_figure(pipeline) -> None:
    from newsgraph.record import Article
    text = ("The text was agreed as follows: 1.1. The parties agreed to lift restrictions. By February 4 the "
            "side will inform. 1.2. The parties agreed to increase permits. Inflation was 1.2 percent.")
    record = pipeline.extract(Article(id="t", text=text, date="2022-01-31"))
    assert [(c.indicator, c.value) for c in record.claims] == [("inflation", 1.2)]


def test_a_clock_time_in_a_us_time_zone_and_the_figure_inside_an_of_phrase(pipeline) -> None:
    from newsgraph.record import Article
    text = ("The exchange plans to close at 1300 pdt. Morgan had a profit of 682.4 mln dlrs in 1986. "
            "It issued two billion European Currency Units.")
    record = pipeline.extract(Article(id="t", text=text, date="1987-10-19"))
    assert [(c.indicator, c.unit) for c in record.claims][0] == ("profit", "USD")  # no 1300 "pdt"
    assert [c.unit for c in record.claims] == ["USD", "XEU"]


def test_a_price_a_share_is_per_share_and_shares_the_time_of_its_total(pipeline) -> None:
    from newsgraph.record import Article
    text = ("Phillips cited lower prices in its first quarter loss of 32 mln dlrs compared with net income of "
            "96 mln dlrs or 39 cts a share in the year-ago period. Hudson's Bay sold its stake for 11 dlrs a share.")
    record = pipeline.extract(Article(id="t", text=text, date="1987-04-24"))
    found = {c.value: (c.unit, c.period) for c in record.claims}
    assert found[96e6] == ("USD", "1986-Q1") and found[39] == ("cent/share", "1986-Q1")
    assert found[11][0] == "USD/share"
