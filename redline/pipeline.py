"""The ingest pipeline: inputs -> documents -> articles -> deduplicated outcomes, as a stream.

`run_pipeline` is pure with respect to storage: it never touches the database. `full_pipeline` adds the
NLP stages. Beside each other at the end: `ingest` writes the outcomes to the store, `extract` collects them
in memory.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace

from redline.annotate import AnnotateOptions, annotate_outcomes
from redline.articles import document_articles
from redline.clean import RecurringLines
from redline.dedup import Deduplicator, deduplicate
from redline.ingest.options import IngestOptions, spacy_processes
from redline.ingest.read import read_input
from redline.ingest.repair import escape_name, repair_text
from redline.ingest.sources import InputFile, expand_inputs
from redline.positions import CaseProfile
from redline.records import Article, Document, DocumentOutcome, Problem, RunSummary
from redline.store import Store

ProgressCallback = Callable[[InputFile], None]


def recurring_lines(files: list[InputFile], *, options: IngestOptions) -> RecurringLines:
    """Lines that recur across the plain-text pages of one source or folder: boilerplate evidence."""
    collected = RecurringLines()
    for item in files:
        if item.stream:
            continue  # standard input can be read only once; a single page has no cross-page evidence
        for document in read_input(item, options=options, formats=frozenset({"text"})):
            if isinstance(document, Document):
                collected.add(document.group or "", document.content)
    return collected


def run_pipeline(
    paths: list[str],
    *,
    options: IngestOptions,
    dedup: Deduplicator | None = None,
    already_stored: Callable[[str], bool] = lambda key: False,
    on_file: ProgressCallback | None = None,
    summary: RunSummary | None = None,
) -> Iterator[DocumentOutcome | Problem]:
    """Outcomes for every document under the paths, in a deterministic order, deduplicated as they come."""
    started = time.perf_counter()
    summary = summary if summary is not None else RunSummary()
    dedup = dedup or Deduplicator(options.dedup)
    expanded = expand_inputs(paths)
    summary.files = len(expanded.files)
    for problem in expanded.problems:
        summary.count(problem)
        yield problem
    recurring = recurring_lines(expanded.files, options=options)
    seen_in_run: dict[str, str] = {}
    for item in expanded.files:
        yield from document_outcomes(_guarded_read(item, options=options, summary=summary), options=options,
                                     dedup=dedup, already_stored=already_stored, summary=summary,
                                     recurring=recurring, seen=seen_in_run)
        if on_file is not None:
            on_file(item)
    summary.seconds = time.perf_counter() - started


def unexpected_problem(where: str, error: BaseException) -> Problem:
    """The last-resort reason for a unit that failed in a way no reader or stage foresaw: the exception type."""
    message = str(error).splitlines()[0][:200] if str(error) else ""
    return Problem(where, f"unexpected error ({type(error).__name__}){': ' + message if message else ''}; unit skipped")


def _guarded_read(item: InputFile, *, options: IngestOptions, summary: RunSummary) -> Iterator[Document | Problem]:
    """What one input yields; an unforeseen exception while reading it ends that input with a Problem."""
    try:
        yield from read_input(item, options=options)
    except Exception as error:  # last resort per input: the rest of the run goes on, the cause is named
        summary.unexpected += 1
        yield unexpected_problem(item.name, error)


def _guarded_outcomes(found: Document | Problem, *, summary: RunSummary, **kwargs) -> Iterator[DocumentOutcome | Problem | None]:
    """The outcome of one read unit (after visible text repair); an unforeseen exception becomes a Problem."""
    if isinstance(found, Document):
        found, repaired = repaired_document(found)
        if repaired:
            yield Problem(found.input, f"text repaired: {repaired} lone surrogate or NUL character(s) replaced by U+FFFD; stored, flagged", stored=True)
    try:
        outcome = _outcome(found, **kwargs)
    except Exception as error:  # last resort per document: cleaning or dedup failed on this unit only
        summary.unexpected += 1
        yield unexpected_problem(found.input, error)
        return
    if isinstance(found, Document) and repaired and isinstance(outcome, DocumentOutcome):
        for item in outcome.articles:
            item.article.flags.append("repaired")
    yield outcome


def repaired_document(document: Document) -> tuple[Document, int]:
    """The document with lone surrogates and NULs in its text fields replaced, and how many were."""
    changes, count = {}, 0
    for name in ("input", "content", "url", "title", "published", "source", "group"):
        value = getattr(document, name)
        if isinstance(value, str):
            fixed = repair_text(value)
            if fixed.replaced:
                changes[name], count = fixed.text, count + fixed.replaced
    return (replace(document, **changes) if changes else document), count
def document_outcomes(
    documents: Iterable[Document | Problem],
    *,
    options: IngestOptions,
    dedup: Deduplicator,
    already_stored: Callable[[str], bool] = lambda key: False,
    summary: RunSummary,
    recurring=None,
    seen: dict[str, str] | None = None,
) -> Iterator[DocumentOutcome | Problem]:
    """Outcomes for documents read elsewhere (files by `run_pipeline`, fetched pages by `watch`), in order."""
    if recurring is None:
        recurring = RecurringLines()
    seen = seen if seen is not None else {}
    for found in documents:
        for outcome in _guarded_outcomes(found, options=options, dedup=dedup, recurring=recurring, seen=seen,
                                         stored=already_stored, summary=summary):
            if outcome is None:
                summary.already_stored += 1
                continue
            summary.count(outcome)
            yield outcome


def _outcome(
    found: Document | Problem,
    *,
    options: IngestOptions,
    dedup: Deduplicator,
    recurring,
    seen: dict[str, str],
    stored: Callable[[str], bool],
) -> DocumentOutcome | Problem | None:
    """One read result turned into an outcome; None when the document is already stored."""
    if isinstance(found, Problem):
        return found
    if found.key in seen or stored(found.key):
        return None
    seen[found.key] = found.input
    result = document_articles(found, options=options, recurring=recurring.for_group(found.group or ""))
    if isinstance(result, Problem):
        return DocumentOutcome(document=found, problem=result)
    return DocumentOutcome(document=found, articles=[deduplicate(a, seq, dedup) for seq, a in enumerate(result)])


@dataclass(slots=True)
class Extraction:
    """Articles extracted without a database, and the run summary."""

    articles: list[Article]
    summary: RunSummary


def full_pipeline(
    paths: list[str], *, options: IngestOptions, summary: RunSummary, **kwargs
) -> Iterator[DocumentOutcome | Problem]:
    """`run_pipeline` followed, when options.nlp is on, by the NLP stages (spaCy, actors, quotes)."""
    outcomes = run_pipeline(paths, options=options, summary=summary, **kwargs)
    return with_nlp(outcomes, options=options, summary=summary,
                    input_bytes=sum(f.size for f in expand_inputs(paths).files))


def with_nlp(outcomes: Iterable[DocumentOutcome | Problem], *, options: IngestOptions, summary: RunSummary,
             input_bytes: int) -> Iterable[DocumentOutcome | Problem]:
    """The outcomes through the NLP stages (spaCy, actors, quotes, events, positions) when options.nlp is on;
    the problems those stages meet (an article cut for the parser, an analysis over its time budget) go
    into `summary`."""
    if not options.nlp:
        return outcomes

    annotate = AnnotateOptions(
        processes=spacy_processes(options, input_bytes),
        batch_size=options.nlp_batch_size,
        profile=load_profile(options.profile),
        bounds=options.bounds,
        on_problem=lambda problem: _count_analysis_problem(summary, problem),
    )
    return annotate_outcomes(outcomes, options=annotate)


def _count_analysis_problem(summary: RunSummary, problem: Problem) -> None:
    """Add a problem the NLP stages met to the summary (unforeseen errors also to its `unexpected` count)."""
    summary.problems.append(problem)
    summary.unexpected += problem.reason.startswith("unexpected error")


def load_profile(name_or_path: str | None) -> CaseProfile | None:
    """The case profile by shipped name or YAML path, or None (open mode)."""
    if not name_or_path:
        return None
    return CaseProfile.load(name_or_path)


def extract(paths: list[str], *, options: IngestOptions | None = None, on_file: ProgressCallback | None = None) -> Extraction:
    """Run the pipeline in memory and collect the articles (duplicates included, marked)."""
    started = time.perf_counter()
    summary = RunSummary()
    articles: list[Article] = []
    for outcome in full_pipeline(paths, options=options or IngestOptions.load(), on_file=on_file, summary=summary):
        if isinstance(outcome, DocumentOutcome):
            articles.extend(item.article for item in outcome.articles)
    summary.seconds = time.perf_counter() - started  # the whole run, NLP included
    return Extraction(articles=articles, summary=summary)


def iter_articles(outcomes: Iterable[DocumentOutcome | Problem]) -> Iterator[Article]:
    """The articles among pipeline outcomes."""
    for outcome in outcomes:
        if isinstance(outcome, DocumentOutcome):
            yield from (item.article for item in outcome.articles)


class StrictStop(Exception):
    """Raised (and caught by `ingest`) when --strict meets the first skipped input."""


def ingest(
    paths: list[str],
    *,
    store: Store,
    options: IngestOptions | None = None,
    on_file: ProgressCallback | None = None,
    command: str = "ingest",
    strict: bool = False,
) -> RunSummary:
    """Read, clean, deduplicate, analyse (unless options.nlp is off) and store everything under the paths.

    Documents already in the store are skipped by content key, so ingesting the same input twice adds
    nothing, and a run killed halfway resumes where its last committed batch ended. Whatever ends the
    run (an error, Ctrl-C, --strict at the first skip), the documents read before it are stored and the
    run's row is finished. `summary.seconds` covers the whole run, NLP included.
    """
    started = time.perf_counter()
    options = options or IngestOptions.load()
    summary = RunSummary()
    run_id = store.start_run(escape_name(command))
    batch: list[DocumentOutcome] = []
    status = "interrupted"
    try:
        for outcome in full_pipeline(
            paths,
            options=options,
            dedup=store.deduplicator(options.dedup),
            already_stored=store.has_document,
            on_file=on_file,
            summary=summary,
        ):
            if isinstance(outcome, DocumentOutcome):
                batch.append(outcome)
            if len(batch) >= options.batch_size:
                store.write_outcomes(batch)
                batch = []
            if strict and summary.skipped:
                raise StrictStop
        status = "finished"
    except StrictStop:
        status = "stopped (--strict)"
    finally:
        store.write_outcomes(batch)
        summary.seconds = time.perf_counter() - started
        store.finish_run(
            run_id,
            documents=summary.documents,
            articles=summary.articles,
            duplicates=summary.duplicates,
            problems=len(summary.problems),
            status=status,
            seconds=summary.seconds,
        )
    return summary
