"""The dashboard's routes: each page as HTML and as its JSON twin (same path + `.json`), all GET."""

from __future__ import annotations

import json
from typing import Any, Callable

from fastapi import FastAPI, Query
from fastapi.responses import HTMLResponse, Response

from redline.store import Store
from redline.views.filters import FilterError, Filters
from redline.views.pages import article_view, issue_view, party_view, search_view
from redline.views.watch import watch_view

SINCE = Query(None, description="Only articles published on or after this day (YYYY-MM-DD).")
UNTIL = Query(None, description="Only articles published on or before this day (YYYY-MM-DD).")
SOURCE = Query(None, description="Only articles of this source (exact name).")
OFFICIAL = Query(None, description="yes: only positions voiced by officials; no: only the others; all (default).")
REVIEWED = Query(None, description="yes: only positions an analyst reviewed; no: only the unreviewed; all (default).")
JSON_TAGS = ["JSON API"]


def filters_of(since: str | None, until: str | None, source: str | None, official: str | None,
               reviewed: str | None = None) -> Filters:
    """The filters from query parameters (FilterError with the reason when one is bad)."""
    return Filters.parse(since=since, until=until, source=source, official=official, reviewed=reviewed)


def json_bytes(value: Any) -> bytes:
    """A view's JSON document as UTF-8 bytes."""
    return json.dumps(value.to_json(), ensure_ascii=False, default=str).encode("utf-8")


def install_routes(app: FastAPI, board) -> None:
    """Register every page and its JSON twin on the app."""

    def serve(fmt: str, view: str, key: tuple, build: Callable[[Store], Any], template: str) -> Response:
        """The view built (and cached) once per data version and parameters, as JSON or HTML."""
        def render(store: Store) -> bytes:
            value = build(store)
            if fmt == "json":
                return json_bytes(value)
            return board.renderer.page(template, view=value, profile=board.profile).encode("utf-8")

        body = board.cached(f"{view}.{fmt}", key, render)
        if fmt == "json":
            return Response(body, media_type="application/json")
        return HTMLResponse(body)

    def overview_page(fmt: str, filters: Filters) -> Response:
        """The overview page."""
        return serve(fmt, "overview", (filters,), lambda s: board.overview(filters), "index.html")

    def issue_page(fmt: str, issue: str, party: str | None, filters: Filters) -> Response:
        """One issue page."""
        party = (party or "").strip() or None
        build = lambda s: issue_view(s, issue, filters=filters, profile=board.profile, party=party,  # noqa: E731
                                     options=board.pages, analysis=board.analysis(filters))
        return serve(fmt, "issue", (issue, party, filters), build, "issue.html")

    def party_page(fmt: str, name: str, filters: Filters) -> Response:
        """One party page."""
        build = lambda s: party_view(s, name, filters=filters, profile=board.profile, options=board.pages,  # noqa: E731
                                     analysis=board.analysis(filters))
        return serve(fmt, "party", (name, filters), build, "party.html")

    def article_page(fmt: str, article_id: str, highlight: str | None) -> Response:
        """One article page."""
        if len(article_id) > 100:
            raise FilterError("article id: too long")
        build = lambda s: article_view(s, article_id, highlight=highlight,  # noqa: E731
                                       analysis=board.analysis(Filters()))
        return serve(fmt, "article", (article_id, highlight), build, "article.html")

    def search_page(fmt: str, q: str | None, limit: str | None, filters: Filters, offset: str | None = None) -> Response:
        """The search page (one page of hits from `offset`)."""
        if q is not None and len(q) > board.pages.max_query:
            raise FilterError(f"q: the query is {len(q)} characters long; at most {board.pages.max_query}")
        build = lambda s: search_view(s, q, filters=filters, limit=limit, options=board.pages, offset=offset)  # noqa: E731
        return serve(fmt, "search", (q, limit, filters, offset), build, "search.html")

    @app.get("/index.json", tags=JSON_TAGS, summary="Overview: stance matrix, impasses, openings, timeline",
             description="The dashboard's overview within the filters (the JSON twin of `/`).")
    def index_json(since: str | None = SINCE, until: str | None = UNTIL, source: str | None = SOURCE,
                   official: str | None = OFFICIAL, reviewed: str | None = REVIEWED) -> Response:
        return overview_page("json", filters_of(since, until, source, official, reviewed))

    @app.get("/", include_in_schema=False)
    def index_html(since: str | None = None, until: str | None = None, source: str | None = None,
                   official: str | None = None, reviewed: str | None = None) -> Response:
        return overview_page("html", filters_of(since, until, source, official, reviewed))

    @app.get("/issues/{issue:path}.json", tags=JSON_TAGS, summary="One issue: each party's stance and its evidence",
             description="404 for an issue the (filtered) analysis does not hold; `party` keeps one party's column.")
    def issue_json(issue: str, party: str | None = Query(None, description="Only this party's stance and evidence."),
                   since: str | None = SINCE, until: str | None = UNTIL, source: str | None = SOURCE,
                   official: str | None = OFFICIAL, reviewed: str | None = REVIEWED) -> Response:
        return issue_page("json", issue, party, filters_of(since, until, source, official, reviewed))

    @app.get("/issues/{issue:path}", include_in_schema=False)
    def issue_html(issue: str, party: str | None = None, since: str | None = None, until: str | None = None,
                   source: str | None = None, official: str | None = None, reviewed: str | None = None) -> Response:
        return issue_page("html", issue, party, filters_of(since, until, source, official, reviewed))

    @app.get("/parties/{name:path}.json", tags=JSON_TAGS, summary="One party or actor: positions, quotes, events",
             description="404 when the store holds no position, quote or event of this name.")
    def party_json(name: str, since: str | None = SINCE, until: str | None = UNTIL, source: str | None = SOURCE,
                   official: str | None = OFFICIAL, reviewed: str | None = REVIEWED) -> Response:
        return party_page("json", name, filters_of(since, until, source, official, reviewed))

    @app.get("/parties/{name:path}", include_in_schema=False)
    def party_html(name: str, since: str | None = None, until: str | None = None, source: str | None = None,
                   official: str | None = None, reviewed: str | None = None) -> Response:
        return party_page("html", name, filters_of(since, until, source, official, reviewed))

    @app.get("/articles/{article_id}.json", tags=JSON_TAGS, summary="One article: text, quotes, events, positions",
             description="`highlight=START-END` (offsets into the text) returns that stretch as `highlight`.")
    def article_json(article_id: str, highlight: str | None = Query(None, description="START-END offsets.")) -> Response:
        return article_page("json", article_id, highlight)

    @app.get("/articles/{article_id}", include_in_schema=False)
    def article_html(article_id: str, highlight: str | None = None) -> Response:
        return article_page("html", article_id, highlight)

    @app.get("/search.json", tags=JSON_TAGS, summary="Full-text search over articles and quotes",
             description="Every word of `q` must match (prefix with a trailing `*`); best hits first.")
    def search_json(q: str | None = Query(None, description="Words to find (at most 200 characters)."),
                    limit: str | None = Query(None, description="Hits per kind, 1-100 (default 20)."),
                    offset: str | None = Query(None, description="Hits of each kind to skip (the next page: `next_offset`)."),
                    since: str | None = SINCE, until: str | None = UNTIL, source: str | None = SOURCE,
                    official: str | None = OFFICIAL) -> Response:
        return search_page("json", q, limit, filters_of(since, until, source, official), offset)

    @app.get("/search", include_in_schema=False)
    def search_html(q: str | None = None, limit: str | None = None, offset: str | None = None, since: str | None = None,
                    until: str | None = None, source: str | None = None, official: str | None = None) -> Response:
        return search_page("html", q, limit, filters_of(since, until, source, official), offset)

    # The watch page reads the store each time: source status changes without changing the data version the cache keys on.
    @app.get("/watch.json", tags=JSON_TAGS, summary="What's new: the latest alerts and each watched source's status")
    def watch_json() -> Response:
        return Response(json_bytes(watch_view(board.pool.store())), media_type="application/json")

    @app.get("/watch", include_in_schema=False)
    def watch_html() -> Response:
        body = board.renderer.page("watch.html", view=watch_view(board.pool.store()), profile=board.profile)
        return HTMLResponse(body)
