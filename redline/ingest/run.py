"""`ingest`: run the pipeline and write its outcomes to the store in batched transactions."""

from __future__ import annotations

import time

from redline.ingest.options import IngestOptions
from redline.ingest.repair import escape_name
from redline.pipeline import DocumentOutcome, ProgressCallback, RunSummary, full_pipeline
from redline.store import Store


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
