"""Events: who did what to whom, coded in PLOVER v2, each tied to the sentence it comes from.

    code_events(doc, actors, published="2026-02-11") -> list[Event]   # the "events" pipeline stage
    merge_mentions([(article_id, outlet, events), ...]) -> list[MergedEvent]   # across articles
    merge_reported(stored rows with article_id, source, published, record) -> list[MergedEvent]

Types: AGREE, CONSULT, SUPPORT, CONCEDE, COOPERATE, AID, RETREAT, REQUEST, ACCUSE, REJECT, THREATEN,
PROTEST, SANCTION, MOBILIZE, COERCE, ASSAULT. Word lists live in `redline/data/events/*.yaml`.
"""

from .merge import merge_mentions, merge_reported, same_event
from .model import STATUSES, Event, MergedEvent, Mention
from .stage import code_events, events_stage

__all__ = ["STATUSES", "Event", "MergedEvent", "Mention", "code_events", "events_stage", "merge_mentions", "merge_reported", "same_event"]
