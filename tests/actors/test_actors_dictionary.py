"""The actor dictionary: loading, schema checks, user files, and offices by date."""

from __future__ import annotations

from datetime import date

import pytest

from redline.actors import ActorDictionary, DictionaryError
from redline.actors.dictionary import to_day


def test_shipped_dictionary_covers_every_un_member_and_the_others():
    dictionary = ActorDictionary.load()
    codes = {e.country for e in dictionary.entries.values() if e.kind == "country"}
    assert len(codes) == 197  # 193 UN members, Palestine, the Holy See, Taiwan, Kosovo
    assert {"USA", "IRN", "ISR", "QAT", "OMN", "PSE", "TWN", "XKX", "VAT"} <= codes


def test_entries_carry_kind_country_and_sector():
    dictionary = ActorDictionary.load()
    assert (dictionary.entry("Hezbollah").kind, dictionary.entry("Hezbollah").country, dictionary.entry("Hezbollah").sector) == ("group", "LBN", "rebel")
    assert dictionary.entry("Al Jazeera").sector == "media" and dictionary.entry("Al Jazeera").country == "QAT"
    assert dictionary.entry("International Atomic Energy Agency").country is None
    assert dictionary.entry("Islamic Revolutionary Guard Corps").sector == "military"


def test_aliases_capitals_and_demonyms_point_to_their_country():
    dictionary = ActorDictionary.load()
    for text in ("U.S.", "US", "America", "United States"):
        assert dictionary.surfaces[text][0].entry.name == "United States"
    assert [(s.entry.name, s.form) for s in dictionary.surfaces["Tehran"]] == [("Iran", "capital")]
    assert [(s.entry.name, s.form) for s in dictionary.surfaces["Qatari"]] == [("Qatar", "demonym")]
    assert [(s.entry.name, s.form) for s in dictionary.surfaces["Israelis"]] == [("Israel", "plural")]


def test_a_name_maps_to_the_office_held_on_the_day():
    dictionary = ActorDictionary.load()
    assert dictionary.office("Joe Biden", "2015-03-01").role == "Vice President"
    assert dictionary.office("Joe Biden", "2022-03-01").role == "President"
    assert dictionary.office("Joe Biden", "2026-01-01") is None
    assert dictionary.office("Donald Trump", "2019-06-01").role == "President"
    assert dictionary.office("Donald Trump", "2022-06-01") is None
    assert dictionary.office("Ebrahim Raisi", "2023-01-01").role == "President"
    assert dictionary.office("Masoud Pezeshkian", "2024-07-27") is None
    assert dictionary.office("Masoud Pezeshkian", "2024-07-28").role == "President"


def test_office_end_day_belongs_to_the_successor():
    dictionary = ActorDictionary.load()
    assert dictionary.office("Joe Biden", "2025-01-20") is None
    assert dictionary.office("Donald Trump", "2025-01-20").role == "President"


def test_who_held_an_office_on_a_day():
    dictionary = ActorDictionary.load()
    assert [e.name for e in dictionary.holders("president", "USA", date(2022, 3, 1))] == ["Joe Biden"]
    assert [e.name for e in dictionary.holders("president", "USA", date(2018, 3, 1))] == ["Donald Trump"]
    assert [e.name for e in dictionary.holders("emir", "QAT", None)] == ["Tamim bin Hamad Al Thani"]
    # wordings of one office share a key: the Secretary of State is the foreign minister
    assert [e.name for e in dictionary.holders("foreign minister", "USA", date(2019, 5, 1))] == ["Mike Pompeo"]


def test_dates_from_strings():
    assert to_day("2026-01-31T04:20:00") == date(2026, 1, 31)
    assert to_day("2025-08") == date(2025, 8, 1)
    assert to_day("2007") == date(2007, 1, 1)
    assert to_day("yesterday") is None
    assert to_day(None) is None


def test_user_file_adds_and_replaces_entries_and_extends_cues(tmp_path):
    extra = tmp_path / "mine.yaml"
    extra.write_text(
        "people:\n"
        "  - name: Lina Farouk\n"
        "    aliases: [Farouk]\n"
        "    country: JOR\n"
        "    sector: government\n"
        "    offices: [{role: Minister of Water, start: 2024-03-01}]\n"
        "organisations:\n"
        "  - {name: Al Jazeera, kind: organisation, country: QAT, sector: media, aliases: [AJE]}\n"
        "cues:\n"
        "  roles: {hydrologist: expert}\n",
        encoding="utf-8",
    )
    dictionary = ActorDictionary.load(extra=[extra])
    assert dictionary.office("Lina Farouk", "2025-01-01").role == "Minister of Water"
    assert dictionary.surfaces["Farouk"][0].entry.name == "Lina Farouk"
    assert "AJE" in dictionary.surfaces and "Al-Jazeera" not in dictionary.surfaces
    assert dictionary.lexicon.roles["hydrologist"] == "expert"
    assert dictionary.lexicon.roles["professor"] == "expert"
    assert ActorDictionary.load().entry("Lina Farouk") is None


@pytest.mark.parametrize(
    "body, message",
    [
        ("people:\n  - {name: X Y, country: Iran}\n", "ISO 3166"),
        ("people:\n  - {name: X Y, sector: police}\n", "sector"),
        ("organisations:\n  - {name: X, kind: club}\n", "kind"),
        ("people:\n  - {aliases: [X]}\n", "needs a name"),
        ("persons: []\n", "top-level"),
    ],
)
def test_user_file_schema_errors_are_reported(tmp_path, body, message):
    extra = tmp_path / "bad.yaml"
    extra.write_text(body, encoding="utf-8")
    with pytest.raises(DictionaryError, match=message):
        ActorDictionary.load(extra=[extra])


def test_sector_follows_the_office_and_is_unknown_between_offices():
    dictionary = ActorDictionary.load()
    trump = dictionary.entry("Donald Trump")
    assert trump.sector_on(date(2016, 6, 1)) is None
    assert trump.sector_on(date(2018, 6, 1)) == "government"
    taliban = dictionary.entry("Taliban")
    assert taliban.sector_on(date(2019, 6, 1)) == "rebel"
    assert taliban.sector_on(date(2022, 6, 1)) == "government"
    assert dictionary.entry("Khalil al-Hayya").sector_on(date(2025, 1, 1)) == "rebel"
