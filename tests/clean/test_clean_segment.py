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


def next_article_layout(kit, first, second, *, trailer: bool = True) -> str:
    """A news page printing a second article below the first, after a "Next article" cue."""
    return kit.page(
        ["Skip to main content", "The Daily Example", "World | Politics | Business", "Coastal Affairs"],
        kit.news(first, "By Jane Doe and Omar Haddad", widget="Listen to this article 5 min"),
        ["Share this article", *([first.headline] if trailer else []), "Next article", "Coastal Affairs"],
        kit.news(second, "By Lena Berg", widget="Listen to this article 3 min"),
        ["Share this article", "Recommended", "Ferry timetable changes this winter", "Harbour fees to rise"],
        kit.footer,
    )


def test_segment_next_article_becomes_second_segment(kit, fishing, rail) -> None:
    segments = clean_page(next_article_layout(kit, fishing, rail))
    assert [s.title for s in segments] == [fishing.headline, rail.headline]
    assert [s.published for s in segments] == ["2025-03-04", "2024-06-21"]
    assert [s.text.split("\n") for s in segments] == [list(fishing.paragraphs), list(rail.paragraphs)]


def test_segment_next_article_without_trailer_headline(kit, fishing, rail) -> None:
    segments = clean_page(next_article_layout(kit, fishing, rail, trailer=False))
    assert [s.title for s in segments] == [fishing.headline, rail.headline]
    assert [s.text.split("\n") for s in segments] == [list(fishing.paragraphs), list(rail.paragraphs)]


def test_segment_next_article_on_the_same_story_is_split_too(kit, fishing, followup) -> None:
    segments = clean_page(next_article_layout(kit, fishing, followup))
    assert [s.title for s in segments] == [fishing.headline, followup.headline]
    assert [s.published for s in segments] == ["2025-03-04", "2025-03-03"]
    assert segments[1].text.split("\n") == list(followup.paragraphs)


def test_segment_teaser_with_byline_after_list_head_not_kept(kit, fishing, rail) -> None:
    teaser = " ".join(rail.paragraphs)  # one long summary paragraph, article-sized
    page = kit.page(
        kit.news(fishing, "By Jane Doe"), ["Recommended"], [rail.headline, "By Lena Berg", rail.dateline, teaser]
    )
    segments = clean_page(page)
    assert len(segments) == 1
    assert segments[0].text.split("\n") == list(fishing.paragraphs)


def test_segment_next_post_link_and_comment_not_an_article(kit, fishing) -> None:
    comment = (
        "We tried the same route last spring and the harbour was packed with small boats waiting for news of "
        "the quota talks. Thank you for writing about the skippers, because nobody else seems to ask what they "
        "think, and the monitoring plan will cost them far more than it costs the big trawler companies. My "
        "uncle has fished these waters for forty years and he says this is the first time he has been afraid "
        "that the talks will end the season for good."
    )
    assert len(comment) > 400  # article-sized: only its layout tells it from a next article
    page = kit.page(
        kit.news(fishing, "By Jane Doe"),
        ["previous post", "Five easy picnic spots along the northern coast", "next post"],
        ["Grilled mackerel with lemon and fennel for busy weeknights", "1 comment", "Sam Ortiz March 5, 2025 1:01 pm"],
        [comment, "Reply"],
    )
    segments = clean_page(page)
    assert len(segments) == 1
    assert segments[0].text.split("\n") == list(fishing.paragraphs)
