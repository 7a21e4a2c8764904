"""Reviewing in the dashboard (`redline serve --review`): forms on the issue, party and article pages post here.

Every write is checked before anything is written, and refused with 403 otherwise:
- a CSRF token tied to the page the form was on: HMAC-SHA256 of a per-server random secret and the page's path;
- the Origin header naming this server (the Host the request came to), so another site cannot post;
- when the server is bound to anything but 127.0.0.1, the review token given at start (`--review-token`),
  without which such a server refuses every write.
A write then goes through the library (redline.review): a bad id, span, stance or party is a 400 with its
reason, and nothing is written. Success redirects back to the page (303), which shows the change on reload.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass, field
from typing import Callable
from urllib.parse import parse_qs, urlsplit

from fastapi import FastAPI, Request
from fastapi.responses import RedirectResponse, Response

from redline.review import Addition, Correction, ReviewError, add, confirm, correct, reject
from redline.store import Store

LOCAL_BIND = "127.0.0.1"
VERDICT_ACTIONS = ("confirm", "reject", "correct")
MAX_FIELD = 500  # longest form value read (names, issues, notes)
MAX_BODY = 64 * 1024  # a review form is a few hundred bytes


@dataclass(frozen=True, slots=True)
class ReviewMode:
    """Reviewing as the server was started: on or off, where it is bound, the optional review token, its secret."""

    enabled: bool = False
    bind: str = LOCAL_BIND
    token: str | None = None
    secret: bytes = field(default_factory=lambda: secrets.token_bytes(32), repr=False)

    def csrf(self, page: str) -> str:
        """The CSRF token of a page: HMAC of the server's secret and the page's path."""
        return hmac.new(self.secret, page.encode("utf-8"), hashlib.sha256).hexdigest()

    def writes_open(self) -> bool:
        """Whether this server may write at all: bound to 127.0.0.1, or a review token was given at start."""
        return self.enabled and (self.bind == LOCAL_BIND or bool(self.token))

    def needs_token(self) -> bool:
        """Whether a write must carry the review token (a server reachable beyond this machine)."""
        return self.bind != LOCAL_BIND


class Refused(Exception):
    """A write refused before anything was written: 403 with the reason."""


def local_page(value: str | None) -> str:
    """The page a form came from: a local path (no scheme, host or `//`), else Refused."""
    text = (value or "").strip()
    parts = urlsplit(text)
    if not text.startswith("/") or text.startswith("//") or parts.scheme or parts.netloc or "\\" in text:
        raise Refused("the form names no page of this dashboard")
    return text[:2000]


def check_write(mode: ReviewMode, request: Request, form: dict[str, str]) -> str:
    """The page of an allowed write; Refused (403) when reviewing is off or the token, origin or CSRF check fails."""
    if not mode.enabled:
        raise Refused("reviewing is off: start the dashboard with redline serve --review")
    if not mode.writes_open():
        raise Refused(f"this dashboard is bound to {mode.bind}: writes need a review token given at start"
                      " (redline serve --review --review-token TOKEN)")
    if mode.needs_token():
        sent = form.get("review_token") or request.headers.get("x-review-token") or ""
        if not hmac.compare_digest(sent.encode("utf-8"), (mode.token or "").encode("utf-8")):
            raise Refused("a valid review token is needed to write to this dashboard")
    origin = request.headers.get("origin")
    host = request.headers.get("host") or ""
    if not origin or urlsplit(origin).netloc.lower() != host.lower():
        raise Refused("the request does not come from this dashboard (Origin)")
    page = local_page(form.get("page"))
    if not hmac.compare_digest(mode.csrf(page), form.get("csrf") or ""):
        raise Refused("missing or invalid CSRF token: reload the page and try again")
    return page


def _text(form: dict[str, str], name: str) -> str | None:
    """A form field trimmed (None when empty), at most MAX_FIELD characters."""
    value = " ".join((form.get(name) or "").split())[:MAX_FIELD]
    return value or None


def _names(form: dict[str, str], name: str) -> tuple[str, ...] | None:
    """A comma-separated list of actor names (None when empty)."""
    value = _text(form, name)
    return tuple(n.strip() for n in value.split(",") if n.strip()) if value else None


def _offset(form: dict[str, str], name: str) -> int:
    """A character offset from the form (ASCII digits only), else ReviewError."""
    value = (form.get(name) or "").strip()
    if not value.isascii() or not value.isdigit() or len(value) > 9:
        raise ReviewError(f"{name}: {value[:12]!r} is not an offset (select text in the article, or type a number)")
    return int(value)


def _apply(store: Store, action: str, form: dict[str, str], profile) -> None:
    """Write the review a form asks for (ReviewError, nothing written, when its values are bad)."""
    note, who = _text(form, "note"), _text(form, "who")
    if action == "add":
        addition = Addition(article_id=_text(form, "article") or "", start=_offset(form, "start"),
                            end=_offset(form, "end"), kind=_text(form, "type") or "position", party=_text(form, "party"),
                            stance=_text(form, "stance"), issue=_text(form, "issue"), speaker=_text(form, "speaker"),
                            event_type=_text(form, "event_type"), source=_names(form, "source") or (),
                            target=_names(form, "target") or ())
        add(store, addition, note=note, who=who, profile=profile)
        return
    rid = _text(form, "id") or ""
    if action == "confirm":
        confirm(store, rid, note=note, who=who)
    elif action == "reject":
        reject(store, rid, note=note, who=who)
    else:
        change = Correction(stance=_text(form, "stance"), party=_text(form, "party"), issue=_text(form, "issue"),
                            speaker=_text(form, "speaker"), direction=_text(form, "direction"),
                            event_type=_text(form, "event_type"), source=_names(form, "source"),
                            target=_names(form, "target"))
        correct(store, rid, change, note=note, who=who, profile=profile)


async def read_form(request: Request) -> dict[str, str]:
    """A urlencoded form body (the first value of each field); {} for any other body or one over MAX_BODY bytes.

    Read here rather than by Starlette's form parser, which needs python-multipart for this alone."""
    if not (request.headers.get("content-type") or "").startswith("application/x-www-form-urlencoded"):
        return {}
    body = await request.body()
    if len(body) > MAX_BODY:
        return {}
    try:
        parsed = parse_qs(body.decode("utf-8", errors="replace"), keep_blank_values=True, max_num_fields=64)
    except ValueError:  # more fields than any review form has
        return {}
    return {k: v[0] for k, v in parsed.items() if v}


def install_review_routes(app: FastAPI, board, *, error_response: Callable[..., Response]) -> None:
    """POST /review/{confirm,reject,correct,add}: checked, written through the library, then back to the page.

    `error_response(request, board, status, message)` renders refusals as the app renders every error (passed in:
    this module is imported by the renderer, so it cannot import the app)."""

    @app.post("/review/{action}", include_in_schema=False)
    async def review_write(action: str, request: Request) -> Response:
        if action not in (*VERDICT_ACTIONS, "add"):
            return error_response(request, board, 404, "no such review action")
        form = await read_form(request)
        try:
            page = check_write(board.review, request, form)
        except Refused as error:
            return error_response(request, board, 403, str(error))
        try:
            with Store(board.pool.path) as store:
                _apply(store, action, form, board.profile)
        except ReviewError as error:
            return error_response(request, board, 400, f"nothing written: {error}")
        return RedirectResponse(page, status_code=303)
