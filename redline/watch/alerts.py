"""Alerts: what moved in the deal space between two passes, with the sentence that shows it.

The analysis after a pass (the library's `deal_space` over the store) is compared with the facts saved after
the previous pass (a `Facts` snapshot), not with a recomputation, so a pass killed halfway is compared in full
on the next run and no alert is lost or raised twice.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

from redline.positions.model import Analysis, Evidence
from redline.store.watch import Alert, Facts

RED_LINE = "red_line"
IMPASSE = "impasse"


def _evidence_key(e: Evidence) -> str:
    """A stable key of one position in one article."""
    return f"{e.article_id}:{e.position.start}"


def facts(analysis: Analysis) -> Facts:
    """The facts of an analysis."""
    found = Facts()
    for issue in analysis.issues:
        if issue.status == IMPASSE:
            found.impasses.add(issue.issue)
        for party, stance in issue.parties.items():
            found.stances[f"{issue.issue}\t{party}"] = stance.stance
            found.red_lines.update(_evidence_key(e) for e in stance.evidence if e.position.stance == RED_LINE)
    found.shifts.update(_shift_key(s) for s in analysis.shifts)
    return found


def _shift_key(shift) -> str:
    """A stable key of one shift: who, on what, and the evidence it moved on."""
    return f"{shift.actor}\t{shift.issue}\t{shift.before.position.stance}>{shift.after.position.stance}\t{_evidence_key(shift.after)}"


def changes(before: Facts, analysis: Analysis) -> list[Alert]:
    """The alerts between the saved facts and a new analysis: red lines, shifts, impasses, new parties."""
    alerts: list[Alert] = []
    for issue in analysis.issues:
        for party, stance in issue.parties.items():
            earlier = before.stances.get(f"{issue.issue}\t{party}")
            for e in stance.evidence:
                if e.position.stance == RED_LINE and _evidence_key(e) not in before.red_lines:
                    alerts.append(_alert("red_line", issue.issue, party, earlier, RED_LINE, e, key=_evidence_key(e)))
            if earlier is None and stance.evidence:
                newest = _newest(stance.evidence)
                alerts.append(_alert("new_party", issue.issue, party, None, stance.stance, newest, key=f"{issue.issue}\t{party}"))
        alerts.extend(_impasse_alerts(issue, before))
    for shift in analysis.shifts:
        if _shift_key(shift) not in before.shifts:
            alerts.append(_alert("shift", shift.issue, shift.actor, shift.before.position.stance,
                                 shift.after.position.stance, shift.after, key=_shift_key(shift)))
    return alerts


def _impasse_alerts(issue, before: Facts) -> list[Alert]:
    """A new impasse on the issue, or one resolved, with the newest evidence on it."""
    evidence = [e for s in issue.parties.values() for e in s.evidence]
    newest = _newest(evidence) if evidence else None
    party = newest.position.actor if newest else None
    if issue.status == IMPASSE and issue.issue not in before.impasses:
        return [_alert("impasse", issue.issue, party, None, IMPASSE, newest, key=f"{issue.issue}\t{_key_of(newest)}")]
    if issue.status != IMPASSE and issue.issue in before.impasses:
        return [_alert("impasse_resolved", issue.issue, party, IMPASSE, issue.status, newest,
                       key=f"{issue.issue}\t{_key_of(newest)}")]
    return []


def _key_of(evidence: Evidence | None) -> str:
    """The evidence key, or '-' without evidence."""
    return _evidence_key(evidence) if evidence else "-"


def _newest(evidence: list[Evidence]) -> Evidence:
    """The latest evidence by publication date (undated counts as oldest), the later given on ties."""
    return max(reversed(evidence), key=lambda e: e.published or e.position.date or "")


def _alert(kind: str, issue: str, party: str | None, before: str | None, after: str | None,
           evidence: Evidence | None, *, key: str) -> Alert:
    """An alert carrying its evidence sentence and article."""
    return Alert(key=f"{kind}\t{key}", kind=kind, issue=issue, party=party, before=before, after=after,
                 evidence=evidence.position.text.strip() if evidence else None,
                 article_id=evidence.article_id if evidence else None,
                 published=(evidence.published or evidence.position.date) if evidence else None)


def write_jsonl(path: Path, alerts: list[Alert]) -> None:
    """Append the alerts to a JSON Lines file (one object per line), flushed to disk."""
    import os

    with open(path, "a", encoding="utf-8") as handle:
        for alert in alerts:
            handle.write(json.dumps(alert.to_json(), ensure_ascii=False) + "\n")
        handle.flush()
        os.fsync(handle.fileno())


def post_webhook(url: str, alert: Alert, *, retries: int, timeout: float, backoff: float) -> str | None:
    """POST one alert as JSON, retrying on errors and 5xx; None when delivered, else the last one-line reason."""
    import httpx

    reason = None
    for attempt in range(max(1, retries)):
        try:
            response = httpx.post(url, json=alert.to_json(), timeout=timeout)
            if response.status_code < 300:
                return None
            reason = f"webhook answered HTTP {response.status_code}"
            if response.status_code < 500 and response.status_code != 429:
                return reason
        except httpx.HTTPError as error:
            reason = f"webhook unreachable: {type(error).__name__}"
        if attempt + 1 < retries:
            time.sleep(backoff * (2 ** attempt))
    return reason
