"""`ingest`: run the pipeline and write its outcomes to the store in batched transactions."""

from __future__ import annotations

from redline.ingest.options import IngestOptions
from redline.pipeline import DocumentOutcome, ProgressCallback, RunSummary, full_pipeline
from redline.store import Store


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
