"""One watcher pass: list each source, fetch the new or changed entries, run them through the ingest pipeline
into the store, then raise the alerts the new analysis gives. `watch` repeats passes until stopped.

Exactly once: a page's URL state is written in the same transaction as the articles it yielded, and a feed's
validators only after its entries were handled, so a watcher killed at any point, restarted, fetches what it had
not stored and stores nothing twice (documents are keyed by content, as `ingest` keys them).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from typing import Protocol
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path

from redline.ingest.options import IngestOptions
from redline.ingest.read import read_page_bytes
from redline.pipeline import document_outcomes, load_profile, with_nlp
from redline.dealspace import deal_space
from redline.views.overview import store_evidence
from redline.records import Document, DocumentOutcome, Problem, RunSummary
from redline.store import Store
from redline.store.watch import DONE, Alert, Validators, WatchState
from redline.watch.alerts import changes, facts, post_webhook, write_jsonl
from redline.watch.fetch import Failed, Fetched, Fetcher
from redline.watch.listing import Entry, Listing, parse_listing
from redline.watch.options import WatchOptions
from redline.watch.sources import Source


@dataclass(frozen=True, kw_only=True, slots=True)
class WatchConfig:
    """What a watcher follows and how: sources, fetching options, ingest options (with the profile), outputs."""

    sources: list[Source]
    options: WatchOptions
    ingest: IngestOptions
    alerts_file: Path | None = None
    webhook: str | None = None


@dataclass(slots=True)
class PassReport:
    """What one pass did: counts, one-line problems, the alerts it raised."""

    sources: int = 0
    listed: int = 0
    fetched: int = 0
    not_modified: int = 0
    articles: int = 0
    already_stored: int = 0
    requests: int = 0
    problems: list[Problem] = field(default_factory=list)
    alerts: list[Alert] = field(default_factory=list)
    stopped: bool = False
    seconds: float = 0.0
    alert_seconds: float = 0.0  # of `seconds`, spent on the deal-space analysis and alerts


@dataclass(frozen=True, slots=True)
class _Job:
    """One article URL to fetch this pass, with the entry that listed it and what was known of it."""

    source: Source
    entry: Entry
    validators: Validators
    signature: str  # the entry's signature; for a retry of an unlisted URL, the one stored with it


class PassProgress(Protocol):
    """Told how many pages a pass will fetch, then of each page handled (a progress bar on a terminal)."""

    def start(self, total: int) -> None: ...

    def step(self) -> None: ...


def watch(store: Store, config: WatchConfig, *, once: bool = False, stop: threading.Event | None = None,
          on_pass: Callable[[PassReport], None] | None = None, progress: PassProgress | None = None) -> list[PassReport]:
    """Passes over the sources every `interval_minutes` until stopped (after one with `once`); their reports."""
    stop = stop or threading.Event()
    reports = []
    while True:
        report = watch_pass(store, config, stop=stop, progress=progress)
        reports.append(report)
        if on_pass is not None:
            on_pass(report)
        if once or stop.is_set() or stop.wait(config.options.interval_minutes * 60):
            return reports


def watch_pass(store: Store, config: WatchConfig, *, stop: threading.Event | None = None,
               progress: PassProgress | None = None) -> PassReport:
    """One pass over every source; one failing source never stops the others."""
    started = time.perf_counter()
    stop = stop or threading.Event()
    state = WatchState(store)
    report = PassReport(sources=len(config.sources))
    profile = load_profile(config.ingest.profile)
    _deliver(state, state.undelivered(), config, report)
    if state.facts() is None:
        state.save_facts(facts(_analysis(store, profile)))
    with Fetcher(config.options) as fetcher:
        for source in config.sources:
            if source.rate_per_second:
                fetcher.set_rate(source.url, source.rate_per_second)
        listed = []
        for source in config.sources:
            if stop.is_set():
                report.stopped = True
                break
            listed.append((source, _list_source(fetcher, state, source, config.options, report)))
        jobs = [job for source, listing in listed for job in _jobs(state, source, listing, config.options)]
        if progress is not None:
            progress.start(len(jobs))
        counts = _fetch_and_store(store, state, fetcher, jobs, config, report, stop, progress)
        report.requests = fetcher.requests
    for source, listing in listed:
        fetched, articles = counts.get(source.url, (0, 0))
        complete = not report.stopped
        state.source_checked(source.url, kind=listing.kind if listing else None,
                             validators=listing.validators if listing and complete else None,
                             entries=[e.url for e in listing.entries] if listing and complete else None,
                             not_modified=bool(listing and listing.not_modified), fetched=fetched, articles=articles,
                             error=listing.problem if listing else _source_problem(report, source))
    if not report.stopped and state.facts_version() != store.data_version():
        analysing = time.perf_counter()
        _raise_alerts(store, state, profile, config, report)
        report.alert_seconds = time.perf_counter() - analysing
    report.seconds = time.perf_counter() - started
    return report


@dataclass(slots=True)
class _SourceListing:
    """A source's entries this pass (none when its listing is unchanged), and its validators."""

    kind: str | None
    entries: list[Entry]
    validators: Validators
    not_modified: bool
    problem: str | None = None


def _list_source(fetcher: Fetcher, state: WatchState, source: Source, options: WatchOptions,
                 report: PassReport) -> _SourceListing | None:
    """The source's listing fetched conditionally and parsed (sitemap indexes followed one level); None on failure."""
    state.ensure_source(source.url, source.name)
    result = fetcher.get(source.url, state.source_validators(source.url))
    if isinstance(result, Failed):
        report.problems.append(Problem(source.url, result.reason))
        return None
    if result.not_modified:
        return _SourceListing(kind=None, entries=[], validators=result.validators, not_modified=True)
    listing = parse_listing(result.body, url=result.final_url, content_type=result.content_type)
    entries = list(listing.entries)
    for child in listing.sitemaps[: options.entries_per_source]:
        nested = fetcher.get(child)
        parsed = parse_listing(nested.body, url=nested.final_url) if isinstance(nested, Fetched) else None
        if parsed is None or parsed.problem:
            report.problems.append(Problem(child, nested.reason if parsed is None else parsed.problem))
        else:
            entries.extend(parsed.entries)
    if listing.problem:
        report.problems.append(Problem(source.url, listing.problem))
    if listing.problem and not entries:
        return _SourceListing(kind=listing.kind, entries=[], validators=Validators(), not_modified=False,
                              problem=listing.problem)
    report.listed += len(entries)
    return _SourceListing(kind=listing.kind, entries=entries[: options.entries_per_source],
                          validators=result.validators, not_modified=False, problem=listing.problem)


def _source_problem(report: PassReport, source: Source) -> str | None:
    """The problem reported for the source's own URL this pass, if any."""
    return next((p.reason for p in report.problems if p.input == source.url), None)


def _jobs(state: WatchState, source: Source, listing: _SourceListing | None, options: WatchOptions) -> Iterator[_Job]:
    """The entries to fetch: new URLs, entries that changed, and earlier failures still worth a retry."""
    entries = listing.entries if listing else []
    seen: set[str] = set()
    for entry in entries:
        if entry.url in seen or not source.keeps(f"{entry.title or ''} {entry.summary or ''}", entry.language):
            continue
        seen.add(entry.url)
        known = state.url_state(entry.url)
        if known is None:
            yield _Job(source, entry, Validators(), entry.signature)
        elif known.signature != entry.signature:
            yield _Job(source, entry, known.validators if known.status == "stored" else Validators(), entry.signature)
        elif known.status not in DONE and known.attempts < options.max_url_attempts:
            yield _Job(source, entry, Validators(), entry.signature)
    for url, signature in state.retryable(source.url, options.max_url_attempts, exclude=seen):
        yield _Job(source, Entry(url=url), Validators(), signature)


def _fetch_and_store(store: Store, state: WatchState, fetcher: Fetcher, jobs: list[_Job], config: WatchConfig,
                     report: PassReport, stop: threading.Event, progress: PassProgress | None) -> dict[str, tuple[int, int]]:
    """Fetch the jobs' pages in parallel and store them through the ingest pipeline; (fetched, articles) per source."""
    counts: dict[str, list[int]] = {}
    by_url = {job.entry.url: job for job in jobs}
    executor = ThreadPoolExecutor(max_workers=max(1, config.options.workers), thread_name_prefix="redline-watch")
    try:
        futures = [executor.submit(fetcher.get, job.entry.url, job.validators) for job in jobs]
        pages = _documents(store, state, jobs, futures, config, report, stop, counts, progress)
        summary = RunSummary()
        outcomes = with_nlp(
            document_outcomes(pages, options=config.ingest, dedup=store.deduplicator(config.ingest.dedup),
                              already_stored=store.has_document, summary=summary),
            options=config.ingest, summary=summary, input_bytes=0)
        batch: list[DocumentOutcome] = []
        for outcome in outcomes:
            if isinstance(outcome, DocumentOutcome):
                batch.append(outcome)
            if len(batch) >= config.options.batch_size:
                _write(store, state, batch, by_url, counts)
                batch = []
        _write(store, state, batch, by_url, counts)
        report.articles += summary.articles
        report.problems.extend(p for p in summary.problems if not p.stored)
    finally:
        executor.shutdown(wait=True, cancel_futures=True)
    return {url: (n[0], n[1]) for url, n in counts.items()}


def _documents(store: Store, state: WatchState, jobs: list[_Job], futures: list, config: WatchConfig,
               report: PassReport, stop: threading.Event, counts: dict[str, list[int]],
               progress: PassProgress | None) -> Iterator[Document]:
    """The fetched pages as Documents, in job order; failures and unchanged pages are recorded, not yielded."""
    keys: set[str] = set()
    for job, future in zip(jobs, futures):
        if stop.is_set():
            report.stopped = True
            return
        result = future.result()
        if progress is not None:
            progress.step()
        url, signature = job.entry.url, job.signature
        mark = dict(url=url, source=job.source.url, signature=signature)
        if isinstance(result, Failed):
            report.problems.append(Problem(url, result.reason))
            state.mark_now(**mark, status=_failed_status(state, result, config.options), reason=result.reason,
                           attempts=1)
            continue
        counts.setdefault(job.source.url, [0, 0])[0] += 1
        report.fetched += 1
        if result.not_modified:
            report.not_modified += 1
            state.mark_now(**mark, status="stored", validators=result.validators, attempts=0)
            continue
        document = read_page_bytes(result.body, name=url, options=config.ingest)
        if isinstance(document, Problem):
            report.problems.append(document)
            state.mark_now(**mark, status="refused", reason=document.reason, validators=result.validators)
            continue
        # Only the URL comes from the fetch: title and date are the page's own, as `ingest` reads them from the file.
        document = replace(document, url=result.final_url)
        if document.key in keys or store.has_document(document.key):
            report.already_stored += 1
            state.mark_now(**mark, status="stored", document_key=document.key, validators=result.validators)
            continue
        keys.add(document.key)
        state.pending[url] = (signature, result.validators)
        yield document


def _failed_status(state: WatchState, failed: Failed, options: WatchOptions) -> str:
    """`error` for a failure a later pass retries, `skipped` for robots.txt, `refused` for the rest, `given_up` at the cap."""
    if not failed.retry:
        return "skipped" if "robots.txt" in failed.reason else "refused"
    known = state.url_state(failed.url)
    return "given_up" if known is not None and known.attempts + 1 >= options.max_url_attempts else "error"


def _write(store: Store, state: WatchState, batch: list[DocumentOutcome], by_url: dict[str, _Job],
           counts: dict[str, list[int]]) -> None:
    """Store a batch of outcomes and their URLs' states in one transaction."""
    if not batch:
        return

    def urls(connection) -> None:
        for outcome in batch:
            url = outcome.document.input
            signature, validators = state.pending.pop(url)
            status = "refused" if outcome.problem else "stored"
            state.mark_url(connection, url=url, source=by_url[url].source.url, signature=signature, status=status,
                           reason=outcome.problem.reason if outcome.problem else None,
                           document_key=outcome.document.key, validators=validators)

    store.write_outcomes(batch, also=urls)
    for outcome in batch:
        counts.setdefault(by_url[outcome.document.input].source.url, [0, 0])[1] += len(outcome.articles)


def _analysis(store: Store, profile):
    """The deal space over everything stored, by the library's own analysis."""
    return deal_space(store_evidence(store), profile=profile)


def _raise_alerts(store: Store, state: WatchState, profile, config: WatchConfig, report: PassReport) -> None:
    """Compare the new analysis with the saved facts; store, then deliver, the alerts it gives."""
    analysis = _analysis(store, profile)
    found = changes(state.facts(), analysis)
    urls = state.article_urls([a.article_id for a in found if a.article_id])
    found = [replace(a, url=urls.get(a.article_id)) for a in found]
    added = state.save_alerts(found, facts(analysis))
    _deliver(state, [replace(a, created=c) for a, c in zip(added, state.created_of(added))], config, report)


def _deliver(state: WatchState, alerts: list[Alert], config: WatchConfig, report: PassReport) -> None:
    """Write alerts to the alerts file and the webhook; a failing webhook is reported, never fatal."""
    if not alerts:
        return
    report.alerts.extend(alerts)
    if config.alerts_file is not None:
        write_jsonl(config.alerts_file, alerts)
    if config.webhook:
        for alert in alerts:
            reason = post_webhook(config.webhook, alert, retries=config.options.webhook_retries,
                                  timeout=config.options.webhook_timeout, backoff=config.options.backoff_seconds)
            if reason:
                report.problems.append(Problem(config.webhook, f"alert {alert.kind} on {alert.issue} not delivered: {reason}"))
    state.mark_delivered([a.key for a in alerts])
