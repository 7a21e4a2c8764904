"""What the report and the dashboard show, read from the store: one set of view functions, two renderings.

`overview` (matrix, impasses and openings, timeline, latest events, shifts, most-cited quotes) lives in
`redline.views.overview`; the page views of the dashboard (issue, party, article, search) in
`redline.views.pages`. Every view takes a read-only `Store` and a `Filters`, and returns dataclasses
with a `to_json()`: the JSON twin of each page is that, and the HTML renders the same object.
"""

from redline.views.filters import FilterError, Filters

__all__ = ["FilterError", "Filters"]
