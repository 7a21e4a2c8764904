"""Issue 2 on the seeds, through the whole ingest pipeline (skipped when ../shared is absent)."""

from redline.ingest.options import IngestOptions
from redline.pipeline import extract

BOILERPLATE = ("Skip to Content", "Recommended", "listen to this article", "list of 3 items", "Last Updated At")


def test_pipeline_seeds_three_articles_with_titles_dates_and_clean_bodies(seeds):
    result = extract([str(seeds)], options=IngestOptions.load(nlp=False))
    assert result.summary.problems == []
    by_input = {}
    for article in result.articles:
        by_input.setdefault(article.input.rsplit("/", 1)[-1], []).append(article)
    iran, rafah = by_input["000_ea14b1c28685bacb.txt"]
    [talks] = by_input["004_191a4cd148bb01ae.txt"]
    assert iran.title == "Iran will never talk with US under preconditions threatening national security: expert"
    assert iran.published == "2026-01-31"
    assert iran.text.startswith("Iran will never negotiate with the United States")
    assert "Rafah" not in iran.text and "Akbari" not in rafah.text
    assert rafah.title == "Israel says Rafah crossing to reopen Sunday for pedestrians in both directions"
    assert (talks.title, talks.published) == (None, None)
    for article in (iran, rafah, talks):
        assert article.language == "en" and article.duplicate_of is None
        lines = article.text.splitlines()
        assert not [line for line in lines if any(b.lower() in line.lower() for b in BOILERPLATE)]
        assert article.title is None or article.title not in lines
        assert lines.count("China") == 0 and "information" not in lines
