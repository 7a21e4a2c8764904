"""Multi-article pages: split at a headline that closes one article when the topic changes; never otherwise."""

from __future__ import annotations

from redline.clean import clean_page


def trailer_layout(kit, first, second) -> str:
    """A page whose headlines follow their bodies, printed twice (one CMS layout of news-list pages)."""
    return kit.page(
        ["Skip to Content Facebook Feature Image", first.headline, "World", "World", first.headline],
        ["2025-03-04 09:15 Last Updated At:11:02"],
        first.paragraphs,
        [first.headline, first.headline],
        second.paragraphs,
        [second.headline, second.headline, "Recommended Articles"],
    )


def test_segment_two_article_page_split_into_two_segments(kit, fishing, rail) -> None:
    segments = clean_page(trailer_layout(kit, fishing, rail))
    assert [s.title for s in segments] == [fishing.headline, rail.headline]
    assert segments[0].text.split("\n") == list(fishing.paragraphs)
    assert segments[1].text.split("\n") == list(rail.paragraphs)
    assert segments[0].published == "2025-03-04"
    assert segments[1].published is None


def test_segment_headline_first_layout_split(kit, fishing, rail) -> None:
    page = kit.page(
        [fishing.headline, fishing.headline, fishing.dateline],
        fishing.paragraphs,
        [fishing.headline, rail.headline, rail.dateline],
        rail.paragraphs,
    )
    segments = clean_page(page)
    assert [s.title for s in segments] == [fishing.headline, rail.headline]
    assert [s.published for s in segments] == ["2025-03-04", "2024-06-21"]
    assert rail.paragraphs[0] not in segments[0].text


def test_segment_single_article_stays_one_segment(kit, fishing) -> None:
    assert len(clean_page(kit.article(fishing))) == 1


def test_segment_repeated_line_inside_one_article_does_not_split(kit, fishing) -> None:
    paragraphs = list(fishing.paragraphs)
    button = "Get the full quota report now"
    page = kit.page(
        [fishing.headline, fishing.headline], paragraphs[:3], [button, button], paragraphs[3:], [button]
    )
    segments = clean_page(page)
    assert len(segments) == 1
    assert segments[0].title == fishing.headline


def test_segment_same_topic_after_repeated_headline_stays_one(kit, fishing) -> None:
    paragraphs = list(fishing.paragraphs)
    page = kit.page([fishing.headline], paragraphs[:3], [fishing.headline], paragraphs[3:])
    assert len(clean_page(page)) == 1
