"""The overview as one self-contained HTML file: inline CSS, an inline SVG timeline, no script, no external asset.

Rendered with Jinja2, autoescape on: every article-derived string (titles, sentences, names, sources) is
escaped by the template. The only markup built here is the SVG chart, from dates and counts, with its labels
escaped too.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup, escape

from redline.views.overview import Overview, TimelineDay

STANCE_CLASS = {"red_line": "red-line", "reject": "reject", "precondition": "precondition", "demand": "demand",
                "open": "open", "offer": "offer"}


@dataclass(frozen=True, kw_only=True, slots=True)
class ChartOptions:
    """The timeline chart's size in SVG user units."""

    width: int = 960
    height: int = 180
    margin: int = 28


def _environment() -> Environment:
    """The Jinja2 environment over the package's report templates, autoescaping everything."""
    env = Environment(loader=PackageLoader("redline.report", "templates"),
                      autoescape=select_autoescape(default=True, default_for_string=True), trim_blocks=True,
                      lstrip_blocks=True)
    env.filters["stance_class"] = lambda stance: STANCE_CLASS.get(stance or "", "none")
    return env


def render_html(view: Overview, *, title: str, generated: str | None = None) -> str:
    """The report page for an overview."""
    template = _environment().get_template("report.html")
    return template.render(view=view, title=title, chart=timeline_svg(view.timeline_days),
                           generated=generated or dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"))


def timeline_svg(days: list[TimelineDay], options: ChartOptions = ChartOptions()) -> Markup:
    """A stacked bar chart of events and statements per day, as inline SVG (empty text when no day)."""
    if not days:
        return Markup("")
    first = dt.date.fromisoformat(days[0].date)
    span = (dt.date.fromisoformat(days[-1].date) - first).days + 1
    top = max(d.events + d.statements for d in days) or 1
    plot_w, plot_h = options.width - 2 * options.margin, options.height - 2 * options.margin
    bar = max(1.0, plot_w / span - 1)
    parts = [f'<svg class="chart" viewBox="0 0 {options.width} {options.height}"'
             f' role="img" aria-label="events and statements per day">']
    for d in days:
        x = options.margin + (dt.date.fromisoformat(d.date) - first).days * plot_w / span
        base = options.height - options.margin
        h_events, h_statements = d.events * plot_h / top, d.statements * plot_h / top
        label = escape(f"{d.date}: {d.events} events, {d.statements} statements")
        parts.append(f'<g><title>{label}</title>'
                     f'<rect class="ev" x="{x:.1f}" y="{base - h_events:.1f}" width="{bar:.1f}" height="{h_events:.1f}"/>'
                     f'<rect class="st" x="{x:.1f}" y="{base - h_events - h_statements:.1f}" width="{bar:.1f}"'
                     f' height="{h_statements:.1f}"/></g>')
    y_text = options.height - options.margin + 16
    parts.append(f'<line class="axis" x1="{options.margin}" y1="{options.height - options.margin}"'
                 f' x2="{options.width - options.margin}" y2="{options.height - options.margin}"/>')
    parts.append(f'<text x="{options.margin}" y="{y_text}">{escape(days[0].date)}</text>')
    parts.append(f'<text x="{options.width - options.margin}" y="{y_text}" text-anchor="end">{escape(days[-1].date)}</text>')
    parts.append(f'<text x="{options.margin}" y="{options.margin - 8}">{top} per day (max)</text></svg>')
    return Markup("".join(parts))
