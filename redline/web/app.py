"""The dashboard: a FastAPI app serving HTML pages and their JSON twins (same path + `.json`), read-only
unless started with `review` (redline/web/review.py: POST forms, CSRF- and Origin-checked).

Every route is GET; the store is opened read-only, one connection per server thread; expensive views
(overview, analysis) are cached by the data version and the filters, so a reload after an ingest shows
the new articles and repeated hits cost a lookup. Bad parameters give a 4xx with a clear message (JSON
for `.json` paths, an HTML page otherwise), never a 500.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, replace
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
from redline.web.review import ReviewMode, install_review_routes
from redline.web.stores import StorePool

HERE = Path(__file__).resolve().parent
SECURITY_HEADERS = {
    "Content-Security-Policy": ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
                                " object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}
# In review mode the browser must name this dashboard as the Origin of its form posts (checked on every write);
# under no-referrer it sends "Origin: null". same-origin still sends nothing to other sites.
REVIEW_HEADERS = {**SECURITY_HEADERS, "Referrer-Policy": "same-origin"}


@dataclass(frozen=True, slots=True, kw_only=True)
class AppOptions:
    """How the dashboard runs: the case profile and the page sizes."""

    profile: Any = None
    pages: PageOptions | None = None
    cache_entries: int | None = None
    allowed_hosts: tuple[str, ...] = ()  # Host names accepted besides web.yaml's localhost names
    review: bool = False  # `redline serve --review`: confirm/reject/correct/add forms and their POST routes
    bind: str = "127.0.0.1"  # the address the server listens on (writes beyond 127.0.0.1 need review_token)
    review_token: str | None = None


class Dashboard:
    """The app's state: the stores, the cache, the renderer, the profile."""

    def __init__(self, db_path: Path, options: AppOptions) -> None:
        self.pool = StorePool(db_path)
        self.profile = options.profile
        self.pages = options.pages or PageOptions.load()
        entries = options.cache_entries or load_data_yaml("web.yaml")["cache"]["entries"]
        self.cache = ViewCache(entries)
        self.renderer = Renderer()
        self.hosts = allowed_hosts(options.allowed_hosts)
        self.review = ReviewMode(enabled=options.review, bind=options.bind, token=options.review_token or None)
        self.renderer.env.globals["review"] = self.review  # the templates show review forms when it is enabled

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


def allowed_hosts(extra: Iterable[str] = ()) -> frozenset[str]:
    """The Host names the dashboard answers: web.yaml's localhost names and `extra` (IPv6 bracketed), lowercased."""
    names = set()
    for name in [*load_data_yaml("web.yaml")["hosts"]["allowed"], *extra]:
        name = str(name).strip().lower().rstrip(".")
        if ":" in name and not name.startswith("["):
            name = f"[{name}]"
        if name:
            names.add(name)
    return frozenset(names)


def host_name(header: str | None) -> str | None:
    """The name in a Host header without its port (`[::1]:8000` -> `[::1]`), lowercased; None when absent."""
    if not header:
        return None
    text = header.strip().lower()
    if text.startswith("["):
        end = text.find("]")
        return text[:end + 1] if end > 0 else text
    return text.rsplit(":", 1)[0].rstrip(".") if text.count(":") == 1 else text.rstrip(".")


def create_app(db_path: str | Path, *, profile=None, options: AppOptions | None = None) -> FastAPI:
    """The dashboard app over the database at `db_path` (migrated once, so the search index exists)."""
    path = Path(db_path)
    if not path.exists():
        raise FileNotFoundError(f"no redline database at {path}")
    Store(path).close()  # applies pending migrations (the search index); every request reads only
    options = options or AppOptions()
    if profile is not None:
        options = replace(options, profile=profile)
    board = Dashboard(path, options)
    app = FastAPI(title="redline dashboard", version="1", docs_url=None, redoc_url=None,
                  description="Read-only JSON API of the redline dashboard: each HTML page has a JSON twin at the same path + `.json`.")
    app.state.board = board
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    _install_errors(app, board)
    _install_guard(app, board)
    from redline.web.routes import install_routes

    install_routes(app, board)
    if options.review:
        install_review_routes(app, board, error_response=error_response)
    return app


def _install_guard(app: FastAPI, board: Dashboard) -> None:
    """Around every request: the Host allow-list (DNS rebinding), HEAD answered as GET without a body,
    anything unexpected turned into a 500 page, and the security headers on every response, errors included."""

    @app.middleware("http")
    async def guard(request: Request, call_next):
        head = request.method == "HEAD"
        name = host_name(request.headers.get("host"))
        try:
            if name not in board.hosts:
                shown = (name or "")[:60]
                response = error_response(request, board, 400, f"Host {shown!r} is not served here: this dashboard"
                                          " answers its own address only (start it with --allow-host NAME to add one)")
            else:
                if head:
                    request.scope["method"] = "GET"
                response = await call_next(request)
        except Exception:  # noqa: BLE001  (a last resort: the user sees a 500 page, never a traceback)
            response = error_response(request, board, 500, "internal error: this page could not be built")
        if head:
            if hasattr(response, "body_iterator"):
                async for _ in response.body_iterator:
                    pass
            response = Response(b"", status_code=response.status_code, headers=dict(response.headers))
        for header, value in (REVIEW_HEADERS if board.review.enabled else SECURITY_HEADERS).items():
            response.headers.setdefault(header, value)
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
