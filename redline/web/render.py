"""HTML rendering: Jinja2 templates with autoescaping always on, and small helpers for links and classes."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote, urlencode, urlsplit

from jinja2 import Environment, PackageLoader, StrictUndefined

from redline.positions.model import STANCES
from redline.web.review import ReviewMode

STANCE_CLASSES = {"red_line": "red-line", "reject": "reject", "precondition": "precondition", "demand": "demand",
                  "open": "open", "offer": "offer"}
STATUS_CLASSES = {"impasse": "impasse", "contested": "contested", "agenda": "agenda", "one-sided": "one-sided",
                  "unknown": "unknown"}


def href(path: str, *parts: str, params: dict[str, Any] | None = None, fragment: str | None = None) -> str:
    """A local URL: path segments percent-encoded, then the query (empty values left out) and the fragment."""
    url = path.rstrip("/") + "".join("/" + quote(str(p), safe="") for p in parts) if parts else path
    query = {k: ("yes" if v is True else "no" if v is False else v) for k, v in (params or {}).items()
             if v is not None and v != ""}
    if query:
        url += "?" + urlencode(query)
    return url + (f"#{quote(fragment, safe='')}" if fragment else "")


def evidence_href(article_id: str, start: int, end: int) -> str:
    """The article page with an evidence sentence highlighted and scrolled to."""
    return href("/articles", article_id, params={"highlight": f"{start}-{end}"}, fragment="highlight")


def external_url(url: str | None) -> str | None:
    """The article's own URL when it is http(s); None for anything else (javascript:, data:, ...)."""
    if not url:
        return None
    return url if urlsplit(url.strip()).scheme.lower() in ("http", "https") else None


class Renderer:
    """The dashboard's templates (redline/web/templates), autoescaped."""

    def __init__(self) -> None:
        self.env = Environment(loader=PackageLoader("redline.web", "templates"), autoescape=True,
                               undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
        self.env.globals.update(href=href, evidence_href=evidence_href, external_url=external_url,
                                stance_class=lambda s: "stance-" + STANCE_CLASSES.get(s or "", "none"),
                                status_class=lambda s: "status-" + STATUS_CLASSES.get(s or "", "unknown"),
                                stances=STANCES, review=ReviewMode())  # reviewing off unless the app enables it

    def page(self, template: str, **context: Any) -> str:
        """A template rendered with the context."""
        return self.env.get_template(template).render(**context)
