"""The NLP stages over the pipeline's stream: spaCy once per article, then actors, quotes, events, positions.

Only first copies in English are analysed: a duplicate is not counted twice downstream (its first copy
carries the analysis), and the English pipeline has nothing to say about other languages.
"""

from __future__ import annotations

import signal
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

import redline.dedup  # noqa: F401 -- registers the dedup stage, whose records (ArticleOutcome) are analysed here
from redline.actors import ActorDictionary, ActorIndex, find_actors
from redline.articles import ENGLISH
from redline.bounds import Bounds, shipped_bounds
from redline.events import code_events
from redline.nlp import parse_texts
from redline.parser_input import parser_text
from redline.positions import extract_positions
from redline.quotes import extract_quotes
from redline.records import Article, ArticleOutcome, DocumentOutcome, Problem
from redline.stages import assigned_by, check_requires, registered


@dataclass(frozen=True, kw_only=True, slots=True)
class AnalyseOptions:
    """How the NLP stages run: processes for spaCy (2 uses both cores) and texts per batch."""

    processes: int = 1
    batch_size: int = 32
    profile: object | None = None  # a positions.CaseProfile; None is open mode
    bounds: Bounds = field(default_factory=shipped_bounds)
    on_problem: Callable[[Problem], None] | None = None  # told of articles cut, blanked, timed out or failed


class ArticleTimeout(Exception):
    """Raised inside the analysis stages of one article when its time budget is spent."""


@contextmanager
def time_budget(seconds: float):
    """Raise ArticleTimeout in the block after `seconds` (SIGALRM: main thread on POSIX; else unbounded)."""
    if seconds <= 0 or threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return

    def expire(signum, frame):
        raise ArticleTimeout(f"over {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def analyse_contained(item: ArticleOutcome, doc, *, dictionary, options: AnalyseOptions) -> Problem | None:
    """`analyse_article` within the article's time budget; a timeout or an unforeseen error leaves the
    article stored without analysis, flagged, and returns the reason."""
    article = item.article
    try:
        with time_budget(options.bounds.article_seconds):
            analyse_article(item, doc, dictionary=dictionary, profile=options.profile)
        return None
    except ArticleTimeout:
        flag, reason = "analysis_timeout", f"analysis over its time budget ({options.bounds.article_seconds:g} s, bounds.article_seconds); stored without actors, quotes, events, positions"
    except Exception as error:  # last resort per article: one article's analysis must not end the run
        flag = "analysis_failed"
        reason = f"unexpected error ({type(error).__name__}) in analysis; stored without actors, quotes, events, positions"
    article.actors, article.quotes, article.events, article.positions = [], [], [], []
    article.analysed = False
    article.flags.append(flag)
    return Problem(article.input, reason, stored=True)


def wants_analysis(item: ArticleOutcome) -> bool:
    """True for first copies in English (or of unknown language)."""
    article = item.article
    return not article.duplicate_of and article.language in (ENGLISH, None) and bool(article.text.strip())


@dataclass(slots=True)
class StageContext:
    """What the NLP stages read for one article: the article, its parse, the run's options, and the actor
    index once the actors stage has found it (the later stages match mentions against it)."""

    article: Article
    doc: object  # a spaCy Doc
    dictionary: ActorDictionary | None = None
    profile: object | None = None  # a positions.CaseProfile; None is open mode
    actors: ActorIndex | None = None


def _run_actors(ctx: StageContext) -> None:
    """The actors stage: the actor index (kept for the later stages) and the article's actors."""
    ctx.actors = find_actors(ctx.doc, published=ctx.article.published, dictionary=ctx.dictionary)
    ctx.article.actors = ctx.actors.actors


def _run_quotes(ctx: StageContext) -> None:
    """The quotes stage."""
    ctx.article.quotes = extract_quotes(ctx.doc, ctx.actors)


def _run_events(ctx: StageContext) -> None:
    """The events stage."""
    ctx.article.events = code_events(ctx.doc, ctx.actors, published=ctx.article.published)


def _run_positions(ctx: StageContext) -> None:
    """The positions stage (its `events` parameter is ignored by the stage, so it is not passed)."""
    ctx.article.positions = extract_positions(
        ctx.doc, ctx.actors, ctx.article.quotes, published=ctx.article.published
    )


# The per-article NLP stages in pipeline order, each adapted to one calling convention: stage(context).
RUNNERS: dict[str, Callable[[StageContext], None]] = {
    "actors": _run_actors,
    "quotes": _run_quotes,
    "events": _run_events,
    "positions": _run_positions,
}
# The stages that have run on an article before it gets here: read, deduplicated, parsed.
UPSTREAM = ("articles", "dedup", "nlp")


def run_stages(ctx: StageContext, names: Iterable[str], provided: Iterable[str]) -> frozenset[str]:
    """Run the named stages on one article in order, each only once its `requires` are provided (else
    MissingRequirement, before it runs); returns what is provided after them."""
    have = set(provided)
    for name in names:
        check_requires(name, have)
        RUNNERS[name](ctx)
        have |= set(registered(name).assigns)
    return frozenset(have)


def analyse_article(item: ArticleOutcome, doc, *, dictionary, profile=None) -> None:
    """Attach the actors, quotes, events and positions found in a parsed article to it."""
    ctx = StageContext(item.article, doc, dictionary=dictionary, profile=profile)
    run_stages(ctx, RUNNERS, assigned_by(UPSTREAM))
    item.article.analysed = True


class _Waiting:
    """An outcome held back until every article of it that needs a parse has had one."""

    __slots__ = ("outcome", "remaining")

    def __init__(self, outcome: DocumentOutcome | Problem, remaining: int) -> None:
        self.outcome = outcome
        self.remaining = remaining


def analyse_outcomes(
    outcomes: Iterable[DocumentOutcome | Problem], *, options: AnalyseOptions | None = None, dictionary=None
) -> Iterator[DocumentOutcome | Problem]:
    """The outcomes, in the same order, with actors and quotes attached to the articles that want them.

    One `nlp.pipe` runs over the whole stream, so spaCy's worker processes start once per run. A caller
    that keeps the actor dictionary loaded (a batch worker) passes it as `dictionary`.
    """
    options = options or AnalyseOptions()
    dictionary = dictionary if dictionary is not None else ActorDictionary.load()
    waiting: deque[_Waiting] = deque()

    def report(problem: Problem) -> None:
        if options.on_problem is not None:
            options.on_problem(problem)

    def texts() -> Iterator[tuple[str, tuple[_Waiting, ArticleOutcome]]]:
        for outcome in outcomes:
            targets = [i for i in getattr(outcome, "articles", []) if wants_analysis(i)]
            entry = _Waiting(outcome, len(targets))
            waiting.append(entry)
            for item in targets:
                shaped = parser_text(item.article.text, options.bounds)
                for note in shaped.notes(len(item.article.text)):
                    report(Problem(item.article.input, note + "; stored, flagged", stored=True))
                if shaped.cut or shaped.blanked:
                    item.article.flags.append("nlp_bounded")
                yield shaped.text, (entry, item)

    def ready() -> Iterator[DocumentOutcome | Problem]:
        while waiting and waiting[0].remaining == 0:
            yield waiting.popleft().outcome

    pairs = parse_texts(texts(), batch_size=options.batch_size, n_process=options.processes, as_tuples=True)
    for doc, (entry, item) in pairs:
        problem = analyse_contained(item, doc, dictionary=dictionary, options=options)
        if problem is not None:
            report(problem)
        entry.remaining -= 1
        yield from ready()
    # outcomes with nothing to parse that arrived after the last parsed article
    while waiting:
        yield waiting.popleft().outcome
