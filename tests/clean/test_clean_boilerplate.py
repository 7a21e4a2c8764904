"""Boilerplate removal on whole pages: furniture goes, every body line stays."""

from __future__ import annotations

from redline.clean import clean_page


def test_boilerplate_lines_removed_and_body_lines_kept(kit, fishing) -> None:
    segments = clean_page(kit.article(fishing))
    assert len(segments) == 1
    body = segments[0].text.split("\n")
    assert body == list(fishing.paragraphs)


def test_boilerplate_widget_cue_lines_removed_inside_body(kit, fishing) -> None:
    paragraphs = list(fishing.paragraphs)
    page = kit.page(
        [fishing.headline],
        paragraphs[:2],
        ["listen to this article4 minutes", "Recommended stories", "list of 3 itemsend of list"],
        paragraphs[2:],
    )
    text = clean_page(page)[0].text
    assert text.split("\n") == paragraphs
    assert "Recommended" not in text and "itemsend" not in text


def test_boilerplate_subheading_between_paragraphs_kept(kit, fishing) -> None:
    paragraphs = list(fishing.paragraphs)
    page = kit.article(fishing).replace(paragraphs[3], "What is on the table\n\n" + paragraphs[3])
    body = clean_page(page)[0].text.split("\n")
    assert "What is on the table" in body
    assert body.index("What is on the table") == 3


def test_boilerplate_lower_case_label_between_paragraphs_removed(kit, fishing) -> None:
    paragraphs = list(fishing.paragraphs)
    page = kit.page(kit.menu, [fishing.headline], paragraphs[:2], ["information"], paragraphs[2:], kit.footer)
    assert "information" not in clean_page(page)[0].text.split("\n")


def test_boilerplate_link_list_inside_body_removed(kit, fishing) -> None:
    paragraphs = list(fishing.paragraphs)
    links = [
        "Ferry timetable changes",
        "Harbour fees to rise",
        "New lighthouse opens",
        "Storm warning for coast",
        "Port workers vote on deal",
        "Lifeboat crew honoured",
    ]
    page = kit.page([fishing.headline], paragraphs[:3], links, paragraphs[3:])
    body = clean_page(page)[0].text.split("\n")
    assert body == paragraphs


def test_boilerplate_cookie_notice_and_copyright_removed(kit, fishing) -> None:
    text = clean_page(kit.article(fishing))[0].text
    assert "cookie" not in text.lower()
    assert "©" not in text


def test_boilerplate_teaser_list_after_body_not_kept(kit, fishing, rail) -> None:
    teasers = []
    for n, paragraph in enumerate(rail.paragraphs):
        teasers += [f"Other story headline number {n}", paragraph, f"{n + 2}h ago"]
    page = kit.page([fishing.headline], fishing.paragraphs, ["Related"], teasers, kit.footer)
    text = clean_page(page)[0].text
    assert rail.paragraphs[0] not in text
    assert text.split("\n") == list(fishing.paragraphs)


def test_boilerplate_body_resumes_after_inline_widget(kit, fishing) -> None:
    paragraphs = list(fishing.paragraphs)
    widget = ["Related", "Ferry timetable changes this winter", "Harbour fees to rise next spring", "Read more"]
    page = kit.page([fishing.headline, fishing.dateline], paragraphs[:3], widget, paragraphs[3:], kit.footer)
    assert clean_page(page)[0].text.split("\n") == paragraphs


def test_boilerplate_comments_after_copyright_not_kept(kit, fishing) -> None:
    comments = [
        "I think the quotas were always going to be the sticking point and nobody should be surprised by this.",
        "Independent monitoring sounds sensible, but who pays for it is the question the article does not answer.",
    ]
    page = kit.page(
        [fishing.headline, fishing.dateline], fishing.paragraphs, ["© 2025 The Daily Example"], ["Comments"], comments
    )
    assert clean_page(page)[0].text.split("\n") == list(fishing.paragraphs)


def test_boilerplate_non_english_page(kit) -> None:
    paragraphs = [
        "Die Verhandlungen über die Fischereirechte wurden am Dienstag nach einer dreimonatigen Pause wieder "
        "aufgenommen, wie die Delegationen beider Küstenstaaten mitteilten.",
        "Die Leiterin der östlichen Delegation sagte, ihr Team habe einen überarbeiteten Vorschlag mitgebracht, "
        "der die kleinen Fischergemeinden auf beiden Seiten schützen solle.",
        "Beobachter beschrieben die Stimmung im Saal als vorsichtig, aber konstruktiv, und beide Seiten wollen "
        "die Presse erst am Ende der Woche unterrichten.",
    ]
    page = kit.page(["Startseite", "Politik", "Wirtschaft", "Anmelden"], ["Fischereigespräche wieder aufgenommen"],
                    paragraphs, ["Teilen", "Impressum", "Datenschutz"])
    assert clean_page(page)[0].text.split("\n") == paragraphs


# A whole article on one line, as some feeds deliver it; it mentions privacy, personal data, signing up and
# accepting, and ends with a reporting credit: notice and caption cues that must not drop it.
ONE_LINE_ARTICLE = (
    "The two coastal states agreed on Thursday to extend the fishing talks by a week, after envoys said a "
    "deal on quotas for the northern grounds was within reach. The eastern delegation had asked for more time "
    "to consult the harbour towns. Skippers there have complained that the monitoring plan would collect "
    "personal data about crews without clear privacy rules. The western envoy said her side would accept "
    "independent observers on larger trawlers only. Small boats would sign up to a voluntary logbook scheme "
    "instead. Observers described the mood as tense but businesslike. Both foreign ministers are expected to "
    "join the final session next Friday. A joint statement is due once the quotas are settled. Until then, "
    "neither side will brief the press on the details. Additional reporting by Sam Ortiz."
)


def test_boilerplate_single_line_article_kept_whole() -> None:
    segments = clean_page(ONE_LINE_ARTICLE)
    assert [s.text for s in segments] == [ONE_LINE_ARTICLE]


def test_boilerplate_single_line_article_kept_among_furniture(kit) -> None:
    segments = clean_page(kit.page(kit.menu, [ONE_LINE_ARTICLE], kit.footer))
    assert [s.text for s in segments] == [ONE_LINE_ARTICLE]


def test_boilerplate_few_sentence_consent_notice_still_removed(kit, fishing) -> None:
    notice = (
        "We and our partners use cookies to personalise content. By clicking accept you consent to this. "
        "You can change your choice at any time. See our privacy policy for details. Manage your settings."
    )
    page = kit.page([fishing.headline], fishing.paragraphs, [notice])
    assert clean_page(page)[0].text.split("\n") == list(fishing.paragraphs)
