"""The per-article NLP runner (annotation): spaCy once per article, then actors, quotes, events, positions.

Only first copies in English are analysed: a duplicate is not counted twice downstream (its first copy
carries the analysis), and the English pipeline has nothing to say about other languages.
"""

from __future__ import annotations

import ctypes
import signal
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

import redline.dedup  # noqa: F401 -- registers the dedup stage, whose records (ArticleOutcome) are analysed here
import redline.events  # noqa: F401 -- each stage package registers its NLP stage (stage.py) when imported
import redline.positions  # noqa: F401
import redline.quotes  # noqa: F401
from redline.actors import ActorDictionary
from redline.articles import ENGLISH
from redline.bounds import Bounds, shipped_bounds
from redline.nlp import parse_texts
from redline.parser_input import parser_text
from redline.records import ArticleOutcome, DocumentOutcome, Problem
from redline.stages import StageContext, assigned_by, check_requires, registered


@dataclass(frozen=True, kw_only=True, slots=True)
class AnnotateOptions:
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
    """Raise ArticleTimeout in the block after `seconds`.

    In the main thread (POSIX) a SIGALRM timer raises it. In any other thread (a batch worker, a server
    thread) a watchdog timer raises it in the block's thread as an asynchronous exception, which Python
    delivers at the next bytecode: a long call inside compiled code (spaCy) is interrupted when it
    returns. A watchdog that fires as the block ends has its pending exception withdrawn, so it can never
    escape the block's caller after the block is done.
    """
    if seconds <= 0:
        yield
        return
    if threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer"):
        with _alarm_budget(seconds):
            yield
        return
    with _watchdog_budget(seconds):
        yield


@contextmanager
def _alarm_budget(seconds: float):
    """The main thread's budget: SIGALRM."""
    def expire(signum, frame):
        raise ArticleTimeout(f"over {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@contextmanager
def _watchdog_budget(seconds: float):
    """Another thread's budget: a watcher thread raises ArticleTimeout in this thread (CPython).

    The watcher's clock starts only once the block is entered (`armed`), so the exception can never land
    in the setup (a thread start in progress) before the block runs.
    """
    target = threading.get_ident()
    lock = threading.Lock()
    armed, finished = threading.Event(), threading.Event()
    state = {"fired": False}

    def watch() -> None:
        armed.wait()
        if finished.wait(seconds):
            return
        with lock:
            if not finished.is_set():
                state["fired"] = True
                ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(target), ctypes.py_object(ArticleTimeout))

    watcher = threading.Thread(target=watch, name="redline-article-budget", daemon=True)
    watcher.start()
    try:
        armed.set()
        yield
    finally:
        with lock:
            finished.set()
            if state["fired"]:  # withdraw the exception if it has not been raised yet
                ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(target), None)
        armed.set()  # a watcher still waiting to be armed ends at once


def annotate_contained(item: ArticleOutcome, doc, *, dictionary, options: AnnotateOptions) -> Problem | None:
    """`annotate_article` within the article's time budget; a timeout or an unforeseen error leaves the
    article stored without analysis, flagged, and returns the reason."""
    article = item.article
    try:
        with time_budget(options.bounds.article_seconds):
            annotate_article(item, doc, dictionary=dictionary, profile=options.profile)
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


def wants_annotation(item: ArticleOutcome) -> bool:
    """True for first copies in English (or of unknown language)."""
    article = item.article
    return not article.duplicate_of and article.language in (ENGLISH, None) and bool(article.text.strip())


# The per-article NLP stages in pipeline order; each is called stage(doc, ctx) (redline.stages).
NLP_STAGES = ("actors", "quotes", "events", "positions")
# The stages that have run on an article before it gets here: read, deduplicated, parsed.
UPSTREAM = ("articles", "dedup", "nlp")


def run_stages(doc, ctx: StageContext, names: Iterable[str], provided: Iterable[str]) -> frozenset[str]:
    """Run the named stages on one parsed article in order, each only once its `requires` are provided (else
    MissingRequirement, before it runs), keeping each one's records in `ctx`; returns what is provided then."""
    have = set(provided)
    for name in names:
        check_requires(name, have)
        info = registered(name)
        [field_name] = info.assigns  # one record field per NLP stage, checked when it registered
        ctx.keep(field_name, info.func(doc, ctx))
        have.add(field_name)
    return frozenset(have)


def annotate_article(item: ArticleOutcome, doc, *, dictionary, profile=None) -> None:
    """Attach the actors, quotes, events and positions found in a parsed article to it."""
    article = item.article
    ctx = StageContext(article.id, published=article.published, source=article.source, profile=profile,
                       dictionary=dictionary)
    run_stages(doc, ctx, NLP_STAGES, assigned_by(UPSTREAM))
    article.actors, article.quotes = ctx.actors.actors, ctx.quotes
    article.events, article.positions = ctx.events, ctx.positions
    article.analysed = True


class _Waiting:
    """An outcome held back until every article of it that needs a parse has had one."""

    __slots__ = ("outcome", "remaining")

    def __init__(self, outcome: DocumentOutcome | Problem, remaining: int) -> None:
        self.outcome = outcome
        self.remaining = remaining


def annotate_outcomes(
    outcomes: Iterable[DocumentOutcome | Problem], *, options: AnnotateOptions | None = None, dictionary=None
) -> Iterator[DocumentOutcome | Problem]:
    """The outcomes, in the same order, with actors and quotes attached to the articles that want them.

    One `nlp.pipe` runs over the whole stream, so spaCy's worker processes start once per run. A caller
    that keeps the actor dictionary loaded (a batch worker) passes it as `dictionary`.
    """
    options = options or AnnotateOptions()
    dictionary = dictionary if dictionary is not None else ActorDictionary.load()
    waiting: deque[_Waiting] = deque()

    def report(problem: Problem) -> None:
        if options.on_problem is not None:
            options.on_problem(problem)

    def texts() -> Iterator[tuple[str, tuple[_Waiting, ArticleOutcome]]]:
        for outcome in outcomes:
            targets = [i for i in getattr(outcome, "articles", []) if wants_annotation(i)]
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
        problem = annotate_contained(item, doc, dictionary=dictionary, options=options)
        if problem is not None:
            report(problem)
        entry.remaining -= 1
        yield from ready()
    # outcomes with nothing to parse that arrived after the last parsed article
    while waiting:
        yield waiting.popleft().outcome
