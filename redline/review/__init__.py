"""Analysts review, correct and add records; the analysis follows (issue 14).

    confirm(store, record_id)                           # the extracted record is right
    reject(store, record_id, note="not a position")      # it leaves the matrix, impasses, shifts, report, exports
    correct(store, record_id, Correction(stance="open")) # it counts with the analyst's values
    add(store, Addition(article_id=..., start=..., end=..., kind="position", party=..., stance=..., issue=...))
    review_list(store)                                   # the latest review of each record, orphans marked
    annotations(store)                                   # reviewed positions in the positions gold format

Each call checks its input first and writes one review, or raises ReviewError and writes nothing. The
reviews live in their own append-only table (redline/store/reviews.py); the extracted records are never changed.
"""

from redline.review.desk import (
    Addition, Correction, ListedReview, ReviewError, add, annotations, confirm, correct, find_record, import_reviews,
    reject, review_list,
)

__all__ = ["Addition", "Correction", "ListedReview", "ReviewError", "add", "annotations", "confirm", "correct",
           "find_record", "import_reviews", "reject", "review_list"]
