"""Sample articles and page furniture written for these tests (fictional events), and a page builder."""

from __future__ import annotations

from dataclasses import dataclass

import pytest


@dataclass(frozen=True)
class Sample:
    """A fictional article: headline, standfirst, dateline and body paragraphs."""

    headline: str
    standfirst: str
    dateline: str
    paragraphs: tuple[str, ...]


FISHING = Sample(
    headline="Fishing rights talks resume after three-month pause",
    standfirst="Envoys from both coastal states say a revised quota plan could end the dispute before winter.",
    dateline="Published March 4, 2025 9:15 am ET",
    paragraphs=(
        "Negotiators from the two coastal states returned to the table on Tuesday, three months after the "
        "last round of fishing talks collapsed over quotas for the northern fishing grounds, officials said.",
        "The lead envoy for the eastern delegation told reporters that her team had brought a revised quota "
        "proposal which, in her words, would protect the livelihoods of small fishing communities on both sides.",
        "Observers said the mood at the fishing talks was cautious but constructive, and that both delegations "
        "had agreed not to brief the press on the quota proposal until the end of the week.",
        "A spokesman for the western delegation said it was ready to discuss a phased reduction of trawler "
        "licences in the northern fishing grounds if the eastern envoy accepted independent monitoring of the catch.",
        "The fishing talks are expected to last until Friday, when the two foreign ministers may join the "
        "delegations for a final session that could settle the quotas for the next five years.",
    ),
)

RAIL = Sample(
    headline="Rail unions accept pay offer, ending two-week strike",
    standfirst="The deal includes a four percent rise and a review of shift patterns.",
    dateline="June 21, 2024",
    paragraphs=(
        "Rail workers will return to work on Monday after their unions accepted a revised pay offer that "
        "includes a four percent rise this year and a review of shift patterns next spring.",
        "The agreement was reached late on Saturday after eleven hours of talks at the offices of the "
        "national mediation service, according to a joint statement from the unions and the operator.",
        "Passenger groups welcomed the deal but warned that timetables would take several days to return to "
        "normal because trains and crews had to be repositioned across the network.",
        "The transport minister said the settlement showed that patient negotiation worked, and thanked the "
        "mediators for keeping both sides in the room when the talks nearly broke down.",
    ),
)

# A second article on the fishing story (same vocabulary), as a news page prints it below the first.
FISHING_FOLLOWUP = Sample(
    headline="Coastal towns wait anxiously for the outcome of the fishing talks",
    standfirst="Skippers in the harbour towns say the quota plan will decide whether their boats stay at sea.",
    dateline="March 3, 2025",
    paragraphs=(
        "In the harbour towns of the northern coast, skippers gathered on the quay on Monday to follow news "
        "of the fishing talks, which they say will decide whether small boats can keep fishing the northern grounds.",
        "Many of them fear that a revised quota plan will favour large trawlers, and that independent monitoring "
        "of the catch will add costs that small fishing communities on both sides of the border cannot carry.",
        "The harbour master said the fleet had shrunk by a third in ten years, and that the quotas agreed at the "
        "talks would matter more to the towns than any decision taken in the capitals in the last decade.",
    ),
)

MENU = ("Skip to content", "Home", "World", "Politics", "Business", "Sport", "Search", "Sign in")
SHARE = ("Share this article", "Facebook", "Twitter", "Email", "Print")
FOOTER = (
    "Recommended stories",
    "About us",
    "Contact us",
    "Privacy policy",
    "Terms of use",
    "© 2025 The Daily Example. All rights reserved.",
    "We use cookies to improve your experience. By continuing to browse you accept our cookie policy "
    "and privacy policy.",
)


def build_page(*blocks: tuple[str, ...] | list[str], blank_lines: bool = True) -> str:
    """A page whose lines are the given blocks' lines in order, blank-line separated like many scrapes."""
    joiner = "\n\n" if blank_lines else "\n"
    return joiner.join(line for block in blocks for line in block)


def article_page(sample: Sample, *, site: str = "The Daily Example") -> str:
    """A typical news page: title, menu, headline, standfirst, dateline, share bar, body, footer."""
    return build_page(
        [f"{sample.headline} | {site}"],
        MENU,
        [sample.headline, sample.standfirst, sample.dateline],
        SHARE,
        sample.paragraphs,
        FOOTER,
    )


def news_article(sample: Sample, byline: str, *, widget: str = "Listen to this article 4 min") -> tuple[str, ...]:
    """One article as a news page prints it: headline, byline, dateline, a widget line, then the body."""
    return (sample.headline, byline, sample.dateline, widget, *sample.paragraphs)


@pytest.fixture
def fishing() -> Sample:
    """The fishing-talks sample article."""
    return FISHING


@pytest.fixture
def rail() -> Sample:
    """The rail-strike sample article."""
    return RAIL


@dataclass(frozen=True)
class Kit:
    """Page parts and builders for tests (fixtures cannot be imported across test files)."""

    menu: tuple[str, ...] = MENU
    share: tuple[str, ...] = SHARE
    footer: tuple[str, ...] = FOOTER

    @staticmethod
    def page(*blocks: tuple[str, ...] | list[str], blank_lines: bool = True) -> str:
        """See build_page."""
        return build_page(*blocks, blank_lines=blank_lines)

    @staticmethod
    def article(sample: Sample, *, site: str = "The Daily Example") -> str:
        """See article_page."""
        return article_page(sample, site=site)

    @staticmethod
    def news(sample: Sample, byline: str, *, widget: str = "Listen to this article 4 min") -> tuple[str, ...]:
        """See news_article."""
        return news_article(sample, byline, widget=widget)


@pytest.fixture
def followup() -> Sample:
    """A second article on the fishing story."""
    return FISHING_FOLLOWUP


@pytest.fixture
def kit() -> Kit:
    """Page parts and builders."""
    return Kit()
