"""The learned reported-speech detector: the shipped model matches its meta and config, it reads its
features off the parse, and its threshold decides which candidates survive. Sentences written for these
tests."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import numpy as np
import pytest

from redline.nlp import load_pipeline
from redline.quotes import find_quotes
from redline.quotes.detector import RULES_ONLY, Detector, candidate_features, config, gate_columns, shipped_detector
from redline.quotes.lexicon import cue_lexicon
from redline.quotes.marks import RegionIndex, pair_marks
from redline.quotes.reported import _finish, _token_candidate, broad_candidates, reported_candidates

ROOT = Path(__file__).resolve().parents[2]
MODEL = ROOT / "redline" / "data" / "models" / "quotes"
SHARED_DATA = ROOT.parent / "shared" / "data" / "polnear"
TEXT = "The senator reserved his sharpest words for the trade deal. Officials said the talks would resume."


def _meta() -> dict:
    """The shipped model's meta."""
    return json.loads((MODEL / "meta.json").read_text(encoding="utf-8"))


def _candidates(text: str, broad: bool):
    """The parse of a text and the candidates it offers."""
    doc = load_pipeline()(text)
    return doc, list(reported_candidates(doc, doc.text, cue_lexicon(), RegionIndex(pair_marks(doc.text)), broad=broad))


def test_detector_shipped_model_matches_its_meta_and_config() -> None:
    meta = _meta()
    detector = shipped_detector()
    assert detector is not None
    assert meta["config"] == config()
    assert meta["config_hash"] == hashlib.sha256(json.dumps(config(), sort_keys=True).encode()).hexdigest()
    assert meta["weights_sha256"] == hashlib.sha256((MODEL / "weights.npy").read_bytes()).hexdigest()
    assert detector.weights.shape == ((1 << int(config()["hash_bits"])) + 1,)
    assert (MODEL / "weights.npy").stat().st_size < 1_000_000  # small enough to ship
    assert meta["gate_sha256"] == hashlib.sha256((MODEL / "gate.npy").read_bytes()).hexdigest()
    assert detector.gate is not None and detector.gate.shape == ((1 << int(config()["gate_bits"])) + 1,)
    assert detector.gate_threshold == meta["gate_threshold"] and 0 < detector.gate_threshold < detector.threshold
    assert meta["boundary_sha256"] == hashlib.sha256((MODEL / "boundary.npy").read_bytes()).hexdigest()
    assert detector.boundary is not None and detector.boundary.shape == ((1 << int(config()["boundary_bits"])) + 1,)
    assert detector.boundary_logit == float(config()["boundary_logit"])
    cv = meta["cross_validation"]["redline"]["all"]
    assert cv["overlap_f1"]["mean"] > cv["overlap_f1"]["sd"] > 0


def test_detector_meta_hashes_the_shared_training_data() -> None:
    if not SHARED_DATA.exists():
        pytest.skip("PolNeAR is not beside the repository (../shared/data/polnear)")
    digest = hashlib.sha256()
    for sub in ("text", "attributions"):
        for path in sorted((SHARED_DATA / "train" / sub).iterdir()):
            digest.update(path.name.encode("utf-8") + b"\0" + path.read_bytes())
    assert _meta()["train_data_sha256"] == digest.hexdigest()


def test_detector_broad_candidates_only_when_asked() -> None:
    _, rules = _candidates(TEXT, broad=False)
    _, broad = _candidates(TEXT, broad=True)
    assert all(c.rule for c in rules)
    # "his sharpest words for ...": a noun with its owner is offered too
    assert {c.cue.text for c in broad if not c.rule} == {"reserve", "word"}
    assert {c.cue.text for c in rules} <= {c.cue.text for c in broad}


def test_detector_features_come_from_the_parse() -> None:
    doc, found = _candidates(TEXT, broad=True)
    by_cue = {c.cue.text: candidate_features(doc, c, cue_lexicon()) for c in found}
    assert "rule=True" in by_cue["say"] and "list=speech" in by_cue["say"]
    assert "rule=False" in by_cue["reserve"] and "spk=none" not in by_cue["reserve"]


def test_detector_threshold_decides_what_survives() -> None:
    bits = int(config()["hash_bits"])
    doc = load_pipeline()(TEXT)
    keep_all = Detector(np.zeros((1 << bits) + 1), bits, threshold=0.5)  # p = 0.5 everywhere
    keep_none = Detector(np.zeros((1 << bits) + 1), bits, threshold=0.51)
    assert {q.cue for q in find_quotes(doc, detector=keep_all)} == {"reserve", "say"}
    assert find_quotes(doc, detector=keep_none) == []
    assert [q.cue for q in find_quotes(doc, detector=RULES_ONLY)] == ["say"]


def test_detector_rule_candidates_have_their_own_threshold() -> None:
    bits = int(config()["hash_bits"])
    doc = load_pipeline()(TEXT)
    rules_pass = Detector(np.zeros((1 << bits) + 1), bits, threshold=0.51, rule_threshold=0.5)
    assert [q.cue for q in find_quotes(doc, detector=rules_pass)] == ["say"]


def test_detector_keeps_a_colon_report_the_rules_find() -> None:
    found = find_quotes(load_pipeline()("The communique said: both parties will meet again in Geneva."))
    assert [(q.cue, q.text) for q in found] == [("say", "both parties will meet again in Geneva")]


MANY = ("The minister reserved his sharpest words for the deal. \u201cWe will not yield,\u201d she said, "
        "adding that talks would resume. Iran rejected the proposal, according to state media. In his view, "
        "sanctions failed. He doubled down on the claim and hoped to see progress. The report was criticised "
        "by analysts who believe it understates the risk. ZARIF: We are ready. Officials are confident that "
        "a deal is near; they called for calm. Her warning that the talks could collapse went unheeded.")


def _every_token(doc, broad: bool) -> list:
    """The candidates of a plain walk over every token (what `reported_candidates` did before its array
    pre-filter), to check the pre-filter drops no token that gives one."""
    lexicon, text = cue_lexicon(), doc.text
    quoted = RegionIndex(pair_marks(text))
    starts = frozenset(phrase[0] for phrase in lexicon.prepositions)
    found = []
    for token in doc:
        if quoted.at(token.idx) is not None:
            continue
        rule = _token_candidate(doc, text, token, lexicon, starts)
        for c in [rule] if rule is not None else broad_candidates(token, lexicon) if broad else []:
            if _finish(doc, text, c, token, quoted):
                found.append(c)
    return found


@pytest.mark.parametrize("broad", [False, True])
def test_detector_array_prefilter_finds_what_a_walk_over_every_token_finds(broad: bool) -> None:
    doc = load_pipeline()(MANY)
    found = list(reported_candidates(doc, doc.text, cue_lexicon(), RegionIndex(pair_marks(doc.text)), broad=broad))
    assert found == _every_token(doc, broad)
    assert len(found) >= (8 if broad else 6)  # the text offers many kinds of cue, so the check has teeth


def test_detector_gate_columns_are_per_token_and_deterministic() -> None:
    doc = load_pipeline()(MANY)
    cols = gate_columns(doc, 16)
    assert cols.shape[0] == len(doc) and cols.min() >= 0 and cols.max() < 1 << 16
    assert np.array_equal(cols, gate_columns(load_pipeline()(MANY), 16))
    assert gate_columns(load_pipeline()(""), 16).shape == (0, cols.shape[1])  # an empty text has no rows
    same_word = [t.i for t in doc if t.lower_ == "the"]
    assert len({int(cols[i, 0]) for i in same_word}) == 1  # column 0 is the lemma alone


def test_detector_gate_decides_which_verbs_are_offered() -> None:
    bits = int(config()["hash_bits"])
    doc = load_pipeline()(TEXT)
    lexicon, index = cue_lexicon(), RegionIndex(pair_marks(doc.text))
    shut = Detector(np.zeros((1 << bits) + 1), bits, threshold=0.5, gate=np.zeros((1 << 4) + 1), gate_bits=4,
                    gate_threshold=0.51)  # the gate gives 0.5 to every verb: none passes
    opened = Detector(np.zeros((1 << bits) + 1), bits, threshold=0.5, gate=np.zeros((1 << 4) + 1), gate_bits=4,
                      gate_threshold=0.5)
    assert not np.any(shut.broad_tokens(doc)) and np.all(opened.broad_tokens(doc))
    assert [c.cue.text for c in reported_candidates(doc, doc.text, lexicon, index, broad=shut.broad_tokens(doc))] == ["say"]
    assert {q.cue for q in find_quotes(doc, detector=shut)} == {"say"}  # the rules' cue needs no gate
    assert {q.cue for q in find_quotes(doc, detector=opened)} == {"reserve", "say"}


def test_detector_shipped_gate_passes_few_plain_verbs() -> None:
    detector = shipped_detector()
    doc = load_pipeline()("The army moved two brigades to the border and built new roads near the river. "
                          "Ministers believe the sanctions will fail.")
    passed = {doc[i].lemma_ for i in np.flatnonzero(detector.broad_tokens(doc))}
    assert "believe" in passed and not {"move", "build"} & passed


def test_detector_nouns_with_a_source_of_their_own_are_offered() -> None:
    _, owned = _candidates("Trump's criticism of the nuclear deal angered Tehran.", broad=True)
    _, bare = _candidates("The criticism of the nuclear deal angered Tehran.", broad=True)
    noun = [c for c in owned if c.cue.text == "criticism"]
    assert [(c.rule, c.variant, c.speaker.text) for c in noun] == [(False, "first", "Trump")]
    assert not [c for c in bare if c.cue.text == "criticism"]  # whose criticism is not said: not offered


def test_detector_narration_verbs_give_no_broad_reading() -> None:
    _, found = _candidates("The envoy hinted at a deal and signalled flexibility to the delegation.", broad=True)
    assert not {c.cue.text for c in found} & {"hint", "signal"}


def test_detector_keeps_one_reading_per_token() -> None:
    doc, found = _candidates("The company nudged the regulators to drop the tariffs.", broad=True)
    bits = int(config()["hash_bits"])
    readings = [c for c in found if not c.rule]
    assert len({c.cue.token for c in readings}) < len(readings)  # some token offers two readings
    kept = Detector(np.zeros((1 << bits) + 1), bits, threshold=0.5).select(doc, readings)  # all tie at 0.5
    assert sorted(c.cue.token for c in kept) == sorted({c.cue.token for c in readings})


def _boundary_detector(bias: float) -> Detector:
    """A detector that keeps only the rules' candidates, with a boundary model of one bias (log-odds)."""
    bits = int(config()["hash_bits"])
    boundary = np.zeros((1 << 4) + 1)
    boundary[-1] = bias
    return Detector(np.zeros((1 << bits) + 1), bits, threshold=0.51, rule_threshold=0.5, boundary=boundary,
                    boundary_bits=4)


def test_detector_boundary_model_decides_where_the_content_ends() -> None:
    doc = load_pipeline()("Officials said the talks helped Clinton, who does not need to campaign in Iowa.")
    assert [q.text for q in find_quotes(doc, detector=_boundary_detector(-5.0))] == ["the talks helped Clinton"]
    assert [q.text for q in find_quotes(doc, detector=_boundary_detector(5.0))] == [
        "the talks helped Clinton, who does not need to campaign in Iowa"]


def test_detector_boundary_never_runs_over_another_attribution() -> None:
    doc = load_pipeline()("Officials said the talks helped Clinton, and Trump said the talks failed.")
    found = find_quotes(doc, detector=_boundary_detector(5.0))
    assert [(q.cue, q.text) for q in found] == [("say", "the talks helped Clinton"), ("say", "the talks failed")]
