from redline.dedup import Deduplicator, body_hash, signature_bytes, signature_from_bytes
from redline.dedup import DedupOptions

from synth import article_text


def _register(dedup: Deduplicator, key: str, text: str) -> None:
    dedup.add(key, body_hash(text), dedup.signature(text))


def test_dedup_exact_copy_ignores_case_and_spacing():
    dedup = Deduplicator()
    text = article_text(1)
    _register(dedup, "a", text)
    verdict = dedup.check(body_hash("  " + text.upper().replace(" ", "   ")), None)
    assert (verdict.duplicate_of, verdict.kind) == ("a", "exact")


def test_dedup_near_copy_found_and_different_article_not():
    dedup = Deduplicator()
    original = article_text(2)
    _register(dedup, "a", original)
    edited = original.replace("according to note", "according to a note", 2) + "\n\nReporting by the desk."
    near = dedup.check(body_hash(edited), dedup.signature(edited))
    assert (near.duplicate_of, near.kind) == ("a", "near") and near.similarity >= 0.7
    other = article_text(3)
    assert dedup.check(body_hash(other), dedup.signature(other)).duplicate_of is None


def test_dedup_points_at_the_first_copy():
    dedup = Deduplicator()
    text = article_text(4)
    _register(dedup, "first", text)
    _register(dedup, "second", text + " One more sentence.")
    assert dedup.check(body_hash(text + " Two."), dedup.signature(text + " Two.")).duplicate_of == "first"


def test_dedup_short_bodies_only_exact():
    dedup = Deduplicator(DedupOptions(min_words=40))
    assert dedup.signature("Talks resumed in Muscat on Friday.") is None


def test_dedup_signature_round_trips_through_bytes():
    dedup = Deduplicator()
    signature = dedup.signature(article_text(5))
    restored = signature_from_bytes(signature_bytes(signature), num_perm=dedup.options.num_perm)
    assert restored.jaccard(signature) == 1.0
    assert signature_from_bytes(signature_bytes(signature), num_perm=64) is None
