"""Publication dates normalized to YYYY-MM-DD."""

import pytest

from newsgraph.ingest import DateError, normalize_date


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2022-06-24", "2022-06-24"),
        ("2022-06-24T17:30:00Z", "2022-06-24"),
        ("2022-06-24T23:30:00-05:00", "2022-06-24"),  # the date as written, not converted to UTC
        ("2022-06-24 17:30", "2022-06-24"),
        ("24 June 2022", "2022-06-24"),
        ("24 Jun 2022", "2022-06-24"),
        ("June 24, 2022", "2022-06-24"),
        ("Friday, June 24, 2022", "2022-06-24"),
        ("2022/06/24", "2022-06-24"),
        ("Fri, 24 Jun 2022 17:30:00 +0000", "2022-06-24"),
        ("19980108", "1998-01-08"),
        ("", None),
        ("   ", None),
        (None, None),
    ],
)
def test_accepted_dates(value, expected):
    assert normalize_date(value) == expected


@pytest.mark.parametrize("value", ["yesterday-ish", "2022-13-01", "2022-02-30", "24/06/2022", "June 2022"])
def test_rejected_dates(value):
    with pytest.raises(DateError) as caught:
        normalize_date(value)
    assert str(caught.value) == f"date {value!r} does not parse (expected ISO 8601 such as 2023-09-01)"
