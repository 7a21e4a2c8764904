"""The dashboard: a FastAPI app serving HTML pages and their JSON twins (same path + `.json`), read-only.

Every route is GET; the store is opened read-only, one connection per server thread; expensive views
(overview, analysis) are cached by the data version and the filters, so a reload after an ingest shows
the new articles and repeated hits cost a lookup. Bad parameters give a 4xx with a clear message (JSON
for `.json` paths, an HTML page otherwise), never a 500.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from redline.datafiles import load_data_yaml
from redline.store import Store
from redline.views.filters import FilterError, Filters
from redline.views.pages import PageOptions, ViewNotFound
from redline.web.cache import ViewCache
from redline.web.render import Renderer
from redline.web.stores import StorePool

HERE = Path(__file__).resolve().parent
SECURITY_HEADERS = {
    "Content-Security-Policy": ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
                                " object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


@dataclass(frozen=True, slots=True, kw_only=True)
class AppOptions:
    """How the dashboard runs: the case profile and the page sizes."""

    profile: Any = None
    pages: PageOptions | None = None
    cache_entries: int | None = None


class Dashboard:
    """The app's state: the stores, the cache, the renderer, the profile."""

    def __init__(self, db_path: Path, options: AppOptions) -> None:
        self.pool = StorePool(db_path)
        self.profile = options.profile
        self.pages = options.pages or PageOptions.load()
        entries = options.cache_entries or load_data_yaml("web.yaml")["cache"]["entries"]
        self.cache = ViewCache(entries)
        self.renderer = Renderer()

    def cached(self, view: str, key: tuple, compute: Callable[[Store], Any]) -> Any:
        """`compute(store)` cached under the data version, the view's name and its parameters."""
        store = self.pool.store()
        return self.cache.get((self.pool.version(), view, key), lambda: compute(store))

    def analysis(self, filters: Filters):
        """The filtered deal-space analysis, cached."""
        from redline.views.overview import filtered_analysis

        return self.cached("analysis", (filters,), lambda s: filtered_analysis(s, filters=filters, profile=self.profile))

    def overview(self, filters: Filters):
        """The overview, cached."""
        from redline.views.overview import overview

        return self.cached("overview", (filters,), lambda s: overview(s, filters=filters, profile=self.profile,
                                                                       analysis=self.analysis(filters)))


def create_app(db_path: str | Path, *, profile=None, options: AppOptions | None = None) -> FastAPI:
    """The dashboard app over the database at `db_path` (migrated once, so the search index exists)."""
    path = Path(db_path)
    if not path.exists():
        raise FileNotFoundError(f"no redline database at {path}")
    Store(path).close()  # applies pending migrations (the search index); every request reads only
    options = options or AppOptions()
    if profile is not None:
        options = AppOptions(profile=profile, pages=options.pages, cache_entries=options.cache_entries)
    board = Dashboard(path, options)
    app = FastAPI(title="redline dashboard", version="1", docs_url=None, redoc_url=None,
                  description="Read-only JSON API of the redline dashboard: each HTML page has a JSON twin at the same path + `.json`.")
    app.state.board = board
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    _install_errors(app, board)
    _install_headers(app)
    from redline.web.routes import install_routes

    install_routes(app, board)
    return app


def _install_headers(app: FastAPI) -> None:
    """Security headers on every response."""

    @app.middleware("http")
    async def headers(request: Request, call_next):
        response = await call_next(request)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        return response


def wants_json(request: Request) -> bool:
    """True when the path asks for the JSON twin."""
    return request.url.path.endswith(".json")


def error_response(request: Request, board: Dashboard, status: int, message: str) -> Response:
    """The error as JSON for `.json` paths, as an HTML page otherwise."""
    if wants_json(request):
        body = json.dumps({"error": {"status": status, "message": message}}, ensure_ascii=False)
        return Response(body, status_code=status, media_type="application/json")
    html = board.renderer.page("error.html", status=status, message=message, title=f"{status}")
    return HTMLResponse(html, status_code=status)


def _install_errors(app: FastAPI, board: Dashboard) -> None:
    """Map bad input to 4xx responses with a clear message; anything unexpected to a plain 500 page."""

    @app.exception_handler(FilterError)
    async def bad_filter(request: Request, error: FilterError):
        return error_response(request, board, 400, str(error))

    @app.exception_handler(ViewNotFound)
    async def not_found(request: Request, error: ViewNotFound):
        return error_response(request, board, 404, str(error.args[0] if error.args else error))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, error: RequestValidationError):
        return error_response(request, board, 400, "bad request parameters")

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, error: StarletteHTTPException):
        message = {404: "no such page", 405: "method not allowed: the dashboard is read-only (GET only)"}.get(
            error.status_code, str(error.detail))
        response = error_response(request, board, error.status_code, message)
        if error.status_code == 405:
            response.headers["Allow"] = "GET, HEAD"
        return response
