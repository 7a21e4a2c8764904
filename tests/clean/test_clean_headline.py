"""Titles: the headline repeated on the page, never a standfirst; None when the page shows none."""

from __future__ import annotations

from redline.clean import clean_page
from redline.clean.headline import is_headline_shaped, strip_site_name
from redline.clean.lines import make_line
from redline.clean.options import CleanOptions


def test_headline_repeated_headline_becomes_title(kit, fishing) -> None:
    page = kit.page(kit.menu, [fishing.headline], kit.share, [fishing.headline, fishing.dateline], fishing.paragraphs)
    segment = clean_page(page)[0]
    assert segment.title == fishing.headline
    assert fishing.headline not in segment.text


def test_headline_page_title_repeat_becomes_title_without_site_name(kit, fishing) -> None:
    segment = clean_page(kit.article(fishing))[0]
    assert segment.title == fishing.headline


def test_headline_standfirst_is_never_title(kit, fishing) -> None:
    page = kit.page([fishing.standfirst], ["listen to this article4 minutes"], fishing.paragraphs)
    segment = clean_page(page)[0]
    assert segment.title is None
    assert segment.published is None


def test_headline_single_unrepeated_line_gives_no_title(kit, fishing) -> None:
    page = kit.page(["Harbour news", "Weekly bulletin"], fishing.paragraphs)
    assert clean_page(page)[0].title is None


def test_headline_shape_rejects_sentences_and_labels() -> None:
    options = CleanOptions()
    assert is_headline_shaped(make_line(0, "Fishing rights talks resume after three-month pause"), options)
    assert not is_headline_shaped(make_line(0, "Envoys say a revised quota plan could end the dispute."), options)
    assert not is_headline_shaped(make_line(0, "information"), options)
    assert not is_headline_shaped(make_line(0, "share this article"), options)


def test_headline_strip_site_name_keeps_colon_headlines() -> None:
    assert strip_site_name("Rail unions accept pay offer | The Daily Example", 4) == "Rail unions accept pay offer"
    assert strip_site_name("Talks will go on: envoy", 4) == "Talks will go on: envoy"
    assert strip_site_name("Talks resume - a long report on the fishing dispute today", 4) == (
        "Talks resume - a long report on the fishing dispute today"
    )


def test_headline_first_line_of_plain_article_is_title(kit, fishing) -> None:
    segment = clean_page(kit.page([fishing.headline], fishing.paragraphs))[0]
    assert segment.title == fishing.headline
    assert segment.text.split("\n") == list(fishing.paragraphs)


def test_headline_article_start_gives_title(kit, fishing) -> None:
    page = kit.page(kit.menu, ["Coastal Affairs"], kit.news(fishing, "By Jane Doe"), kit.share, kit.footer)
    segment = clean_page(page)[0]
    assert segment.title == fishing.headline
    assert segment.published == "2025-03-04"


def test_headline_author_name_above_dateline_is_not_title(kit, fishing) -> None:
    page = kit.page(["Jane Q. Doe", fishing.dateline], fishing.paragraphs)
    assert clean_page(page)[0].title is None


def test_headline_listen_widget_is_never_title(kit, fishing) -> None:
    listen = "Listen to this article 5 min"
    page = kit.page([listen], kit.news(fishing, "By Jane Doe", widget=listen), [listen])
    assert clean_page(page)[0].title == fishing.headline
