from redline.ingest.dates import normalise_date


def test_dates_normalise_common_record_formats():
    assert normalise_date("2026-02-12 08:30:00") == "2026-02-12"
    assert normalise_date("2026-02-12T08:30:00+03:30") == "2026-02-12"
    assert normalise_date("Thu, 12 Feb 2026 08:30:00 GMT") == "2026-02-12"
    assert normalise_date(1770885000) == "2026-02-12"
    assert normalise_date(1770885000000) == "2026-02-12"


def test_dates_reject_what_is_not_a_date():
    for value in (None, "", "4 minutes", "last June", "2026-13-45", True, {"a": 1}, "0001-01-01"):
        assert normalise_date(value) is None
