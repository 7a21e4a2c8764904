"""Lines recurring on several pages of one source are boilerplate evidence for that source's pages."""

from __future__ import annotations

from redline.clean import RecurringLines, clean_page, line_key


def test_recurring_lines_counted_per_group_and_distinct_page() -> None:
    rl = RecurringLines(min_pages=2)
    rl.add("site-a", "Harbour Weekly\nA line only here\nHarbour Weekly")
    assert rl.for_group("site-a") == frozenset()  # repeated within one page only
    rl.add("site-a", "harbour weekly!\nAnother page line")
    rl.add("site-b", "A line only here")
    assert rl.for_group("site-a") == frozenset({"harbour weekly"})
    assert rl.for_group("site-b") == frozenset()
    assert rl.for_group("unknown") == frozenset()


def test_recurring_long_footer_line_removed(kit, fishing, rail) -> None:
    promo = (
        "The Daily Example is an independent newspaper that has covered coastal communities for over a "
        "century, and relies on readers like you to keep reporting from the harbours."
    )
    pages = [kit.page([s.headline], s.paragraphs, [promo]) for s in (fishing, rail)]
    assert promo in clean_page(pages[0])[0].text  # alone, it reads like prose
    rl = RecurringLines()
    for page in pages:
        rl.add("example", page)
    for page, sample in zip(pages, (fishing, rail)):
        assert clean_page(page, recurring=rl.for_group("example"))[0].text.split("\n") == list(sample.paragraphs)


def test_recurring_duplicate_page_keeps_its_body(kit, fishing) -> None:
    page = kit.article(fishing)
    rl = RecurringLines()
    rl.add("example", page)
    rl.add("example", page)  # the same article saved twice: its body recurs, but it is not boilerplate
    assert clean_page(page, recurring=rl.for_group("example"))[0].text.split("\n") == list(fishing.paragraphs)


def test_recurring_page_keys_match_line_keys(kit, fishing) -> None:
    from redline.clean.lines import page_keys, split_lines

    page = kit.article(fishing) + "\n\x00Odd\u200b line\t\twith  controls\n"
    assert page_keys(page) == {line.key for line in split_lines(page) if line.key}


def news_site_page(kit, sample, others, minutes: int) -> str:
    """A page of one news site: header, the article (headline, byline, dateline, audio player), a trailer
    with the player again, teasers."""
    listen = f"Listen to this article {minutes} min"
    return kit.page(
        ["Skip to main content", "Harbour Weekly", "World | Politics | Business | Energy | Opinion", "Coastal Affairs"],
        kit.news(sample, "By Jane Doe", widget=listen),
        ["Share this article", sample.headline, listen, "Recommended", *(o.headline for o in others)],
        ["Sign up", "© 2025 Harbour Weekly Ltd. All rights reserved."],
    )


def test_recurring_evidence_keeps_the_headline_and_never_titles_a_widget(kit, fishing, rail, followup) -> None:
    samples = (fishing, rail, followup)
    pages = [news_site_page(kit, s, [o for o in samples if o is not s], n) for n, s in enumerate(samples, 3)]
    rl = RecurringLines()
    for page in pages:
        rl.add("harbour", page)
    assert line_key(fishing.headline) in rl.for_group("harbour")  # other pages list it as a teaser
    for page, sample in zip(pages, samples):
        segments = clean_page(page, recurring=rl.for_group("harbour"))
        assert [s.title for s in segments] == [sample.headline]
        assert segments[0].text.split("\n") == list(sample.paragraphs)


def test_recurring_menu_line_is_never_title(kit, fishing, rail) -> None:
    menu = "World Politics Business Energy Opinion Video"  # headline-shaped, printed twice on every page
    pages = [kit.page([menu, "Coastal Affairs"], s.paragraphs, [menu]) for s in (fishing, rail)]
    rl = RecurringLines()
    for page in pages:
        rl.add("example", page)
    assert [s.title for s in clean_page(pages[0], recurring=rl.for_group("example"))] == [None]
