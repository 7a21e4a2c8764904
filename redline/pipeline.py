"""The ingest pipeline: inputs -> documents -> articles -> deduplicated outcomes, as a stream.

`run_pipeline` is pure with respect to storage: it never touches the database. `full_pipeline` adds the
NLP stages. Beside each other at the end: `ingest` writes the outcomes to the store, `extract` collects them
in memory.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from redline.analyse import AnalyseOptions, analyse_outcomes
from redline.articles import document_articles
from redline.clean import RecurringLines
from redline.dedup import Deduplicator, deduplicate
from redline.ingest.options import IngestOptions, spacy_processes
from redline.ingest.read import read_input
from redline.ingest.sources import InputFile, expand_inputs
from redline.positions import CaseProfile
from redline.records import Article, Document, DocumentOutcome, Problem, RunSummary
from redline.store import Store

ProgressCallback = Callable[[InputFile], None]


def recurring_lines(files: list[InputFile], *, options: IngestOptions) -> RecurringLines:
    """Lines that recur across the plain-text pages of one source or folder: boilerplate evidence."""
    collected = RecurringLines()
    for item in files:
        if item.path is None:
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
        for found in read_input(item, options=options):
            outcome = _outcome(found, options=options, dedup=dedup, recurring=recurring, seen=seen_in_run, stored=already_stored)
            if outcome is None:
                summary.already_stored += 1
                continue
            summary.count(outcome)
            yield outcome
        if on_file is not None:
            on_file(item)
    summary.seconds = time.perf_counter() - started


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
    if not options.nlp:
        return outcomes

    input_bytes = sum(f.size for f in expand_inputs(paths).files)
    analyse = AnalyseOptions(
        processes=spacy_processes(options, input_bytes),
        batch_size=options.nlp_batch_size,
        profile=load_profile(options.profile),
    )
    return analyse_outcomes(outcomes, options=analyse)


def load_profile(name_or_path: str | None) -> CaseProfile | None:
    """The case profile by shipped name or YAML path, or None (open mode)."""
    if not name_or_path:
        return None
    return CaseProfile.load(name_or_path)


def extract(paths: list[str], *, options: IngestOptions | None = None, on_file: ProgressCallback | None = None) -> Extraction:
    """Run the pipeline in memory and collect the articles (duplicates included, marked)."""
    summary = RunSummary()
    articles: list[Article] = []
    for outcome in full_pipeline(paths, options=options or IngestOptions.load(), on_file=on_file, summary=summary):
        if isinstance(outcome, DocumentOutcome):
            articles.extend(item.article for item in outcome.articles)
    return Extraction(articles=articles, summary=summary)


def iter_articles(outcomes: Iterable[DocumentOutcome | Problem]) -> Iterator[Article]:
    """The articles among pipeline outcomes."""
    for outcome in outcomes:
        if isinstance(outcome, DocumentOutcome):
            yield from (item.article for item in outcome.articles)


def ingest(
    paths: list[str],
    *,
    store: Store,
    options: IngestOptions | None = None,
    on_file: ProgressCallback | None = None,
    command: str = "ingest",
) -> RunSummary:
    """Read, clean, deduplicate, analyse (unless options.nlp is off) and store everything under the paths.

    Documents already in the store are skipped by content key, so ingesting the same input twice adds
    nothing, and a run killed halfway resumes where its last committed batch ended.
    """
    options = options or IngestOptions.load()
    summary = RunSummary()
    run_id = store.start_run(command)
    batch: list[DocumentOutcome] = []
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
    store.write_outcomes(batch)
    store.finish_run(
        run_id,
        documents=summary.documents,
        articles=summary.articles,
        duplicates=summary.duplicates,
        problems=len(summary.problems),
    )
    return summary
