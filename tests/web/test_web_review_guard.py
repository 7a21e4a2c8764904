"""The review write guard without a browser: off without --review, CSRF tied to the page, Origin checked, and a
server bound beyond 127.0.0.1 writes only with the review token given at start."""

from __future__ import annotations

import re
import sqlite3

from fastapi.testclient import TestClient

from redline.web.app import AppOptions, create_app
from redline.web.review import Refused, ReviewMode, local_page


def reviews(db) -> int:
    with sqlite3.connect(db) as connection:
        return connection.execute("SELECT count(*) FROM reviews").fetchone()[0]


def client(db, profile, **options) -> TestClient:
    return TestClient(create_app(db, profile=profile, options=AppOptions(**options)), base_url="http://127.0.0.1:8000")


def form_of(html: str) -> dict[str, str]:
    """The hidden fields of the first reject form on a page."""
    form = html[html.index('action="/review/reject"'):]
    form = form[:form.index("</form>")]
    return dict(re.findall(r'name="(page|csrf|id)" value="([^"]*)"', form))


def first_issue(web) -> str:
    return next(r["issue"] for r in web.get("/index.json").json()["issues"] if r["cells"])


def test_web_review_guard_read_only_without_review(db_copy, profile):
    web = client(db_copy, profile)
    page = web.get(f"/issues/{first_issue(web)}")
    assert page.status_code == 200 and "/review/" not in page.text
    refused = web.post("/review/reject", data={"id": "p-0"}, headers={"Origin": "http://127.0.0.1:8000"})
    assert refused.status_code in (404, 405) and reviews(db_copy) == 0  # no write route at all
    assert page.headers["referrer-policy"] == "no-referrer"


def test_web_review_guard_csrf_is_tied_to_the_page_and_origin_checked(db_copy, profile):
    web = client(db_copy, profile, review=True)
    issue = first_issue(web)
    fields = form_of(web.get(f"/issues/{issue}").text)
    assert fields["page"] == f"/issues/{issue}"
    origin = {"Origin": "http://127.0.0.1:8000"}
    other = {**fields, "page": "/"}  # the token of one page does not write from another
    assert web.post("/review/reject", data=other, headers=origin).status_code == 403
    assert web.post("/review/reject", data=fields, headers={"Origin": "http://evil.example"}).status_code == 403
    assert web.post("/review/reject", data=fields, headers={"Origin": "null"}).status_code == 403
    assert web.post("/review/reject", data=fields).status_code == 403
    assert reviews(db_copy) == 0
    done = web.post("/review/reject", data=fields, headers=origin, follow_redirects=False)
    assert done.status_code == 303 and done.headers["location"] == f"/issues/{issue}"
    assert reviews(db_copy) == 1
    bad = web.post("/review/correct", data={**fields, "stance": "maybe"}, headers=origin)
    assert bad.status_code == 400 and "unknown stance" in bad.text and reviews(db_copy) == 1


def test_web_review_guard_beyond_localhost_needs_the_token(db_copy, profile):
    shut = client(db_copy, profile, review=True, bind="0.0.0.0")
    issue = first_issue(shut)
    fields = form_of(shut.get(f"/issues/{issue}").text)
    origin = {"Origin": "http://127.0.0.1:8000"}
    refused = shut.post("/review/reject", data=fields, headers=origin)
    assert refused.status_code == 403 and "--review-token" in refused.text
    guarded = client(db_copy, profile, review=True, bind="0.0.0.0", review_token="s3cret")
    page = guarded.get(f"/issues/{issue}").text
    assert 'name="review_token"' in page and "s3cret" not in page
    fields = form_of(page)
    assert guarded.post("/review/reject", data={**fields, "review_token": "wrong"}, headers=origin).status_code == 403
    assert reviews(db_copy) == 0
    done = guarded.post("/review/reject", data={**fields, "review_token": "s3cret"}, headers=origin, follow_redirects=False)
    assert done.status_code == 303 and reviews(db_copy) == 1


def test_web_review_guard_pages_must_be_local():
    for bad in ("https://evil.example/", "//evil.example/x", "javascript:alert(1)", "", "/\\evil"):
        try:
            local_page(bad)
        except Refused:
            continue
        raise AssertionError(f"{bad!r} was accepted")
    assert local_page("/issues/missiles") == "/issues/missiles"
    mode = ReviewMode(enabled=True)
    assert mode.csrf("/a") != mode.csrf("/b") and mode.csrf("/a") != ReviewMode(enabled=True).csrf("/a")


def test_web_review_guard_reviewed_filter_keeps_reviewed_positions(db_copy, profile):
    web = client(db_copy, profile, review=True)
    issue = first_issue(web)
    fields = form_of(web.get(f"/issues/{issue}").text)
    done = web.post("/review/confirm", data=fields, headers={"Origin": "http://127.0.0.1:8000"}, follow_redirects=False)
    assert done.status_code == 303
    reviewed = web.get("/index.json", params={"reviewed": "yes"}).json()
    refs = [e for row in reviewed["issues"] for cell in row["cells"].values() for e in cell["evidence"]]
    assert [(e["id"], e["review"]) for e in refs] == [(fields["id"], "confirm")]
    others = web.get("/index.json", params={"reviewed": "no"}).json()
    assert fields["id"] not in {e["id"] for row in others["issues"] for c in row["cells"].values() for e in c["evidence"]}
    assert web.get("/", params={"reviewed": "maybe"}).status_code == 400
    assert 'name="reviewed"' in web.get("/").text
