"""A learned position classifier over (sentence, holder) candidates, trained on the annotated corpus.

The rules (`extract_positions`) stay as candidate generators and as features; the decision whether a
sentence shows a position of a holder, and with which stance, is a softmax regression learned from the
annotated corpus (bench/gold/positions/corpus, `make train`):

- candidates: per sentence, the parties the rules found in it, the parties of its subjects and passive
  agents (through the HolderResolver, so "Tehran", "Iranian officials" and "we" in a quote resolve), and
  the party of the speaker of the quote it sits in;
- features: the sentence's wordllama embedding (its words' token vectors pooled; each word is tokenised once
  per process, `embed.WordSums`); what the sentence says of the holder (its governing
  verb's clause without the holder's own phrase) as a wordllama embedding and, per stance, how near its
  words come to that stance's lexicon cues (so wording the lexicon lacks still counts; measured 5-fold CV,
  both together: F1 +0.009, higher on every fold); the rules' stance for this holder and for the sentence,
  cue-word counts per stance (the stance lexicon), how the holder was found, negation, quotation, length;
  and, hashed, what is particular to the holder: its syntax (dependency, governing verb and that verb's
  modifiers), how each stance cue of the sentence relates to it (subject, possessor, above it, inside its
  clause, in its quote; negated or not; under a condition mark) and the words of its clause. A party named
  only inside a condition clause ("If Britain refuses the offer, ...") is no candidate. The sentence's own word bag is not a
  feature: it is the same for every holder of the sentence, and measured (5-fold CV) it made the model fit
  topics rather than positions (F1 0.288 with it, 0.300 without);
- training: L-BFGS on the weighted log-likelihood with L2 (bench/train_positions.py);
- output: `Position` records for each candidate whose stance clears the threshold, with a `confidence`
  (the temperature-scaled probability; the temperature is fitted on held-back folds) and the issue phrase
  as written with its offsets (`issue_text`, `issue_start`, `issue_end`).

The model (weights and meta: config, data hashes, cross-validated scores) ships in
`redline/data/models/positions/`; nothing is downloaded. Config: `redline/data/positions_model.yaml`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

import numpy as np
from scipy import sparse
from spacy.attrs import IS_ALPHA, LENGTH, LOWER, ORTH
from spacy.tokens import Doc, Span, Token

from redline.datafiles import load_data_yaml
from redline.doctable import token_table
from redline.features import hashed_columns

from .embed import WIDTH as EMBED_WIDTH
from .embed import WORD_SUMS, embed_fixed, unit_rows
from .holder import Holder, HolderResolver
from .lexicon import StanceLexicon, stance_lexicon
from .model import STANCES, Position
from .phrases import phrase_hits

MODEL_DIR = Path(__file__).resolve().parents[1] / "data" / "models" / "positions"
LABELS = ("none",) + tuple(STANCES)
SOURCES = ("rule", "subject", "agent", "speaker", "mention")
POS_TABLE = {"VERB": "verbs", "AUX": "verbs", "ADJ": "adjectives", "NOUN": "nouns"}
TENSOR_WIDTH = 96  # the English small pipeline's tok2vec width (doc.tensor)
# The dependents of a holder's governing verb that carry stance: negation, modality, what is wanted or refused.
GOVERNOR_DEPS = frozenset({"neg", "aux", "auxpass", "xcomp", "ccomp", "dobj", "advmod", "mark", "prep", "acomp",
                           "attr", "prt", "advcl"})


@dataclass(frozen=True, slots=True)
class Candidate:
    """One (sentence, holder) pair that may show a position, with what the rules said of it."""

    sentence: Span
    holder: Holder
    found_by: frozenset[str]
    rule_stances: frozenset[str]
    rule_issues: tuple[str, ...]  # the issues the rules found for this holder here, in text order
    reported: bool = False  # the rules found the position reported second-hand
    anchor: int | None = None  # the token (doc index) through which the holder was found, when one was


@lru_cache(maxsize=1)
def config() -> dict:
    """The model's configuration (training and decision settings)."""
    return load_data_yaml("positions_model.yaml")


def candidates(doc: Doc, actors, quotes, rule_positions: list[Position], *, lexicon: StanceLexicon | None = None,
               resolver: HolderResolver | None = None) -> list[Candidate]:
    """Every (sentence, holder) candidate of a parsed article, in text order."""
    lexicon = lexicon or stance_lexicon()
    if resolver is None:
        from redline.actors import ActorDictionary  # the dictionary loads once per process, on first use

        resolver = HolderResolver(doc, actors, quotes, lexicon=lexicon, dictionary=ActorDictionary.load())
    found: list[Candidate] = []
    labels = frozenset(config()["mention_labels"])
    entities = doc.ents  # spaCy rebuilds them on every access, and `sent.ents` reads all the doc's: once
    table = token_table(doc)
    for sent in doc.sents:
        ruled = [p for p in rule_positions if p.start < sent.end_char and sent.start_char < p.end]
        holders: dict[str, tuple[Holder, set[str], set[str], dict[str, None], list[int]]] = {}
        reported = {p.actor for p in ruled if p.reported}

        def add(holder: Holder | None, how: str, stance: str | None = None, issue: str | None = None,
                token: int | None = None) -> None:
            if holder is None:
                return
            entry = holders.setdefault(holder.party, (holder, set(), set(), {}, []))
            entry[1].add(how)
            if stance:
                entry[2].add(stance)
            if issue:
                entry[3][issue] = None
            if token is not None:
                entry[4].append(token)

        for p in ruled:
            add(Holder(p.actor, p.actor_country, p.via, p.official), "rule", p.stance, p.issue)
        for i in range(sent.start, sent.end):  # the labels first: most words are neither subject nor agent
            dep = table.dep[i]
            if dep in ("nsubj", "nsubjpass"):
                how = "subject"
            elif dep == "pobj" and table.dep[table.head[i]] == "agent":
                how = "agent"
            else:
                continue
            token = doc[i]
            if not _in_condition(token):
                add(_safe(resolver.of_token, token), how, token=i)
        for ent in _within(entities, sent):
            if ent.label_ in labels and not _in_condition(ent.root):
                add(_safe(resolver.of_token, ent.root), "mention", token=ent.root.i)
        quote = resolver.quote_at(sent.start_char) or resolver.quote_at(max(sent.end_char - 2, sent.start_char))
        if quote is not None:
            add(_safe(resolver.of_speaker, quote), "speaker")
        found.extend(Candidate(sent, h, frozenset(how), frozenset(st), tuple(issues), h.party in reported,
                               tokens[0] if tokens else None)
                     for h, how, st, issues, tokens in holders.values())
    return found


def _in_condition(token: Token) -> bool:
    """True for a word of a condition clause ("If Britain refuses the offer, ..."): a party named there is
    what the condition is about, and holds no position of its own (the guideline's rule 9). The rules'
    holders and quote speakers are candidates whatever the clause."""
    if token.dep_ not in ("nsubj", "nsubjpass", "pobj", "dobj", "poss", "compound"):
        return False
    verb = _governor(token)
    return verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lemma_.lower() in _condition_marks()
                                        for c in verb.children)


def _within(entities: tuple[Span, ...], sent: Span) -> list[Span]:
    """The entities inside a sentence, as `sent.ents` gives them (from the first that starts in it, up to
    the first that runs past its end), read from the doc's entities fetched once."""
    found = []
    for ent in entities:
        if ent.start >= sent.start:
            if ent.end > sent.end:
                break
            found.append(ent)
    return found


def _safe(resolve, arg) -> Holder | None:
    """A resolver call that gives None rather than failing on an odd parse."""
    try:
        return resolve(arg)
    except (RecursionError, ValueError, IndexError):
        return None


@dataclass(frozen=True, slots=True)
class Features:
    """The feature rows of an article's candidates, kept sparse: the dense block (embedding, context,
    rule stances, cue counts, holder source, bias) and, per row, the hashed word columns that are 1."""

    dense: np.ndarray  # (candidates, dense width), float32
    hashed: list[np.ndarray]  # per candidate: the distinct hashed column offsets (after the dense block)

    def matrix(self) -> np.ndarray:
        """The full feature matrix (dense block, then the 2**hash_bits hashed columns), as training uses it."""
        rows = np.zeros((len(self.dense), feature_width()), dtype=np.float32)
        width = self.dense.shape[1]
        rows[:, :width] = self.dense
        for r, columns in enumerate(self.hashed):
            rows[r, width + columns] = 1.0
        return rows


def features(cands: list[Candidate], doc: Doc, *, lexicon: StanceLexicon | None = None) -> np.ndarray:
    """One feature row per candidate: embedding, rule stances, cue counts, holder source and clause facts."""
    return feature_parts(cands, doc, lexicon=lexicon).matrix()


def feature_parts(cands: list[Candidate], doc: Doc, *, lexicon: StanceLexicon | None = None) -> Features:
    """The candidates' features, with the hashed words as column lists (`features` gives the full matrix)."""
    lexicon = lexicon or stance_lexicon()
    bits = int(config()["hash_bits"])
    dense = feature_width() - (1 << bits)
    if not cands:
        return Features(np.zeros((0, dense), dtype=np.float32), [])
    sentences = list(dict.fromkeys((c.sentence.start, c.sentence.end) for c in cands))
    index = {s: i for i, s in enumerate(sentences)}
    anchors = [doc[c.anchor] if c.anchor is not None else c.sentence.root for c in cands]
    verbs = [_governor(anchor) for anchor in anchors]
    predicates = [_predicate(c, anchor, verb) for c, anchor, verb in zip(cands, anchors, verbs)]
    said = list(dict.fromkeys(predicates))
    # wordllama vectors from per-word token sums: the sentences and the predicates share their words
    first, minimum = min(s for s, _ in sentences), int(config()["similarity_min_chars"])
    attrs = doc.to_array([ORTH, LOWER, IS_ALPHA, LENGTH])[first:max(e for _, e in sentences)]
    tokens = WORD_SUMS.rows(attrs[:, 0].tolist(), doc.vocab.strings)
    # per token: the lower-case word the cue similarity reads (its hash), or 0 (short, or not a word)
    readable = np.where((attrs[:, 2] == 1) & (attrs[:, 3] >= minimum), attrs[:, 1], 0).tolist()
    vectors = unit_rows(np.stack([tokens[s - first:e - first].sum(axis=0) for s, e in sentences]))
    offsets = [np.array(p, dtype=np.int64) - first for p in said]
    said_vectors = dict(zip(said, unit_rows(np.stack([tokens[o].sum(axis=0) for o in offsets]))))
    words = [[readable[i] for i in o if readable[i]] for o in offsets]
    similarity = dict(zip(said, cue_similarity(words, doc.vocab.strings, lexicon)))
    hits = phrase_hits(doc, lexicon)
    cues = [_cue_tokens(doc[s:e], hits, lexicon) for s, e in sentences]
    facts = [_sentence_facts(doc[s:e], found) for (s, e), found in zip(sentences, cues)]
    contexts = [_unit(doc.tensor[s:e].mean(axis=0)) for s, e in sentences] if _has_tensor(doc) else None
    units: dict[int, np.ndarray] = {}  # token index -> its unit context vector (holders share their verbs)
    clauses: dict[int, list[str]] = {}  # verb index -> the `cw:` names of its clause (holders share verbs)

    def unit_at(i: int) -> np.ndarray:
        """The unit context vector of token i, computed once."""
        if i not in units:
            units[i] = _unit(doc.tensor[i])
        return units[i]

    rows = np.zeros((len(cands), dense), dtype=np.float32)
    hashed = []
    width = vectors.shape[1]
    said_end = 2 * width + len(STANCES)
    tail = said_end + 3 * TENSOR_WIDTH
    for r, (c, anchor, verb, predicate) in enumerate(zip(cands, anchors, verbs, predicates)):
        i = index[(c.sentence.start, c.sentence.end)]
        rows[r, :width] = vectors[i]
        rows[r, width:2 * width] = said_vectors[predicate]
        rows[r, 2 * width:said_end] = similarity[predicate]
        if contexts is not None:
            rows[r, said_end:tail] = np.concatenate([contexts[i], unit_at(anchor.i), unit_at(verb.i)])
        rows[r, tail:] = ([1.0 if s in c.rule_stances else 0.0 for s in STANCES] + [0.0 if c.rule_stances else 1.0]
                          + facts[i] + [1.0 if s in c.found_by else 0.0 for s in SOURCES]
                          + [1.0 if c.holder.official else 0.0, 1.0 if c.holder.country else 0.0, 1.0])
        names = _holder_words(c, anchor, verb) + _cue_words(c, anchor, verb, cues[i], clauses)
        hashed.append(np.array(hashed_columns(names, bits), dtype=np.int64))
    return Features(rows, hashed)


def feature_width() -> int:
    """The number of features per candidate: dense ones (the bias among them), then the hashed words."""
    return (2 * EMBED_WIDTH + len(STANCES) + 3 * TENSOR_WIDTH + len(STANCES) + 1 + (len(STANCES) + 4) + len(SOURCES) + 3
            + (1 << int(config()["hash_bits"])))


def _has_tensor(doc: Doc) -> bool:
    """True when the parse kept its contextual token vectors (the pipeline's tok2vec output)."""
    return getattr(doc, "tensor", None) is not None and doc.tensor.shape == (len(doc), TENSOR_WIDTH)


def _unit(v: np.ndarray) -> np.ndarray:
    """A vector scaled to unit length (zero stays zero)."""
    norm = float(np.linalg.norm(v))
    return (v / norm).astype(np.float32) if norm else np.asarray(v, dtype=np.float32)


def _governor(anchor):
    """The verb that governs a holder's token: up its heads to the first verb, at most governor_steps."""
    verb = anchor
    for _ in range(int(config()["governor_steps"])):
        if verb.pos_ in ("VERB", "AUX") and verb != anchor:
            break
        if verb.head == verb:
            break
        verb = verb.head
    return verb


def _predicate(c: Candidate, anchor: Token, verb: Token) -> tuple[int, ...]:
    """What the sentence says of the holder, as token indices: the words of its governing verb's clause (the
    whole sentence when the holder has no verb above it, as a quote's speaker) without the holder's own
    phrase. In "Turkey will never accept a Kurdish corridor" it is "will never accept a Kurdish corridor"."""
    words = verb.subtree if verb.i != anchor.i else c.sentence
    own = range(anchor.left_edge.i, anchor.right_edge.i + 1) if c.anchor is not None else range(0)
    return tuple(t.i for t in words if t.i not in own) or (anchor.i,)


def cue_similarity(texts: list[list[int]], strings, lexicon: StanceLexicon | None = None) -> list[np.ndarray]:
    """For each list of words (spaCy hashes; `strings` gives their text), per stance, the highest cosine
    similarity between one of its words and that stance's lexicon cues (wordllama): "strangle" comes near the
    refusal cues though the lexicon lacks it, so the model can read a stance in wording the rules were never
    given. Zero where there is no word."""
    cues = _stance_cues(lexicon or stance_lexicon())
    best = _word_similarity(sorted({w for words in texts for w in words}), strings, cues)
    zero = np.zeros(len(STANCES), dtype=np.float32)
    return [np.max([best[w] for w in words], axis=0) if words else zero for words in texts]


# per cue list: word hash -> its best similarity per stance, computed once per process
_SIMILARITY: dict[tuple[tuple[str, str], ...], dict[int, np.ndarray]] = {}
_SIMILARITY_MAX = 200_000  # words kept before the memo starts afresh (a long batch meets new words forever)


def _word_similarity(words: list[int], strings, cues: tuple[tuple[str, str], ...]) -> dict[int, np.ndarray]:
    """The best similarity per stance of each word to the cues (clipped at 0), computed only for the words not
    seen before."""
    memo = _SIMILARITY.setdefault(cues, {})
    new = [w for w in words if w not in memo]
    if new:
        if len(memo) + len(new) > _SIMILARITY_MAX:
            memo.clear()
            new = list(words)
        # einsum, not a BLAS product: BLAS rounds a row differently with the number of rows, and which words
        # are new depends on what the process read before, so training and a later re-run would drift apart
        sims = np.einsum("ij,kj->ik", unit_rows(WORD_SUMS.rows(new, strings)), embed_fixed(tuple(w for w, _ in cues)))
        owner = np.array([STANCES.index(s) for _, s in cues])
        per_stance = np.stack([sims[:, owner == k].max(axis=1) if (owner == k).any() else np.zeros(len(new))
                               for k in range(len(STANCES))], axis=1)
        memo.update(zip(new, np.clip(per_stance, 0.0, 1.0).astype(np.float32)))
    return memo


def _stance_cues(lexicon: StanceLexicon) -> tuple[tuple[str, str], ...]:
    """The stance lexicon's cues (its verbs, nouns, adjectives and phrases), each with the stance it signals."""
    cues = [(word, entry.stance) for table in (lexicon.verbs, lexicon.nouns, lexicon.adjectives)
            for word, entry in table.items() if entry.stance in STANCES]
    cues += [(" ".join(phrase.words), phrase.stance) for phrase in lexicon.phrases if phrase.stance in STANCES]
    return tuple(cues)


def _holder_words(c: Candidate, anchor, verb) -> list[str]:
    """Where the holder sits: its token's dependency, the verb that governs it and that verb's modifiers and
    complements (so "Turkey will never accept" differs from "accept Turkey's offer"), as feature names."""
    names = [f"hd:{anchor.dep_}", "h:root" if anchor == c.sentence.root else "h:inner"]
    names.append(f"v:{verb.lemma_.lower()}")
    for child in verb.children:
        if child.dep_ in GOVERNOR_DEPS:
            names.append(f"vc:{child.dep_}:{child.lemma_.lower()}")
            if child.dep_ in ("xcomp", "ccomp"):
                names += [f"vcc:{g.dep_}:{g.lemma_.lower()}" for g in child.children if g.dep_ in GOVERNOR_DEPS]
    names.append(f"vd:{verb.dep_}")
    return names


def _cue_tokens(sent: Span, hits, lexicon: StanceLexicon) -> list[tuple[Token, str]]:
    """The stance cues of a sentence (lexicon words, and the head word of each multi-word cue), with their
    stance, in text order."""
    tables = {pos: getattr(lexicon, name, None) or {} for pos, name in POS_TABLE.items()}
    found = []
    doc = sent.doc
    words = token_table(doc)
    for i in range(sent.start, sent.end):
        table = tables.get(words.pos[i])
        cue = table.get(words.lemma[i]) if table else None
        if cue is not None and cue.stance in STANCES:
            found.append((doc[i], cue.stance))
    found += [(doc[start:end].root, phrase.stance) for start, end, phrase in hits
              if sent.start <= start < sent.end and phrase.stance in STANCES]
    return found


def _cue_words(c: Candidate, anchor: Token, verb: Token, cues: list[tuple[Token, str]],
               clauses: dict[int, list[str]] | None = None) -> list[str]:
    """How each stance cue of the sentence relates to this holder, as feature names: the same sentence
    holds "Putin rejected Erdogan's calls for a ceasefire" for Russia (subject of the reject cue) and for
    Turkey (possessor of the demand cue). Also the words of the clause the holder's verb heads (kept in
    `clauses` by verb, when given: an article's candidates share their verbs)."""
    speaker = c.anchor is None and "speaker" in c.found_by
    marks = _condition_marks()
    names = []
    for token, stance in cues:
        relation = _cue_relation(anchor, verb, token, speaker)
        polarity = "n" if _negated(token) else "p"
        lemma = token.lemma_.lower()
        names += [f"hc:{stance}:{relation}", f"hc:{stance}:{relation}:{polarity}", f"hcl:{lemma}:{relation}",
                  f"hcn:{lemma}:{polarity}"]
        # "If Britain refuses the offer, ...": a cue in a condition clause states no position of its subject
        names += [f"hcm:{stance}:{relation}:{m.lemma_.lower()}" for m in token.children
                  if m.dep_ == "mark" and m.lemma_.lower() in marks]
    if verb.i != anchor.i:
        clauses = {} if clauses is None else clauses
        if verb.i not in clauses:
            clauses[verb.i] = [f"cw:{t.lemma_.lower()}" for t in verb.subtree if not (t.is_punct or t.like_num)]
        names += clauses[verb.i]
    return names


@lru_cache(maxsize=1)
def _condition_marks() -> frozenset[str]:
    """The subordinators that open a condition clause (the stance lexicon's condition marks, all kinds)."""
    lexicon = stance_lexicon()
    return lexicon.condition_marks | lexicon.condition_marks_negated | lexicon.condition_marks_only


def _cue_relation(anchor: Token, verb: Token, cue: Token, speaker: bool) -> str:
    """Where a cue sits from the holder: in the holder's quote, the word the holder depends on (as
    subject, possessor or another dependent), above it, inside its verb's clause, or elsewhere."""
    if speaker:
        return "quote"
    if anchor.head.i == cue.i and anchor.i != cue.i:
        if anchor.dep_ == "poss":
            return "poss"
        return "subj" if anchor.dep_ in ("nsubj", "nsubjpass") else f"dep:{anchor.dep_}"
    if cue.i == verb.i or any(a.i == cue.i for a in anchor.ancestors):
        return "gov"
    if verb.i != anchor.i and any(a.i == verb.i for a in cue.ancestors):
        return "comp"
    return "other"


def _negated(token: Token) -> bool:
    """True when the word or the word it depends on has a negation."""
    return any(c.dep_ == "neg" for c in token.children) or any(c.dep_ == "neg" for c in token.head.children)


def _sentence_facts(sent: Span, cues: list[tuple[Token, str]]) -> list[float]:
    """Cue counts per stance (capped; `cues` are the sentence's, from `_cue_tokens`), negation, quotation,
    question and length of one sentence."""
    counts = dict.fromkeys(STANCES, 0)
    for _, stance in cues:
        counts[stance] += 1
    words = token_table(sent.doc)
    negated = "neg" in words.dep[sent.start:sent.end]
    text = words.span_text(sent.start, sent.end)
    return [min(counts[s], 3) / 3 for s in STANCES] + [
        1.0 if negated else 0.0,
        1.0 if any(ch in text for ch in "\"“”") else 0.0,
        1.0 if text.rstrip().endswith("?") else 0.0,
        min(len(sent) / 60, 1.0),
    ]


class NounChunks:
    """An article's noun chunks, computed on first use and then kept: spaCy recomputes all the doc's
    chunks on every access, even for one sentence's (`Span.noun_chunks` filters the doc's)."""

    def __init__(self, doc: Doc) -> None:
        self.doc, self._all = doc, None

    def within(self, sent: Span) -> list[Span]:
        """The noun chunks inside a sentence, in text order (what `sent.noun_chunks` gives)."""
        if self._all is None:
            self._all = list(self.doc.noun_chunks)
        return [nc for nc in self._all if nc.start >= sent.start and nc.end <= sent.end]


def issue_phrase(c: Candidate, chunks: NounChunks | None = None) -> tuple[str, int, int]:
    """The noun phrase a candidate is about, as written, with its character offsets in the article.

    The object of the sentence's main verb (its noun chunk, or its subtree up to the configured number of
    words); else the longest noun chunk that does not name the holder; else the sentence. Pass the
    article's `NounChunks` when there are several candidates: they are computed once.
    """
    sent, limit = c.sentence, int(config()["issue_max_words"])
    root = sent.root
    noun_chunks = (chunks or NounChunks(sent.doc)).within(sent)
    for token in _objects(root):
        chunk = next((nc for nc in noun_chunks if nc.start <= token.i < nc.end), None)
        span = chunk if chunk is not None else sent.doc[token.left_edge.i: token.right_edge.i + 1]
        if len(span) <= limit:
            return span.text, span.start_char, span.end_char
    holder = c.holder.party.lower()
    others = [nc for nc in noun_chunks if nc.root.pos_ != "PRON" and holder not in nc.text.lower() and len(nc) <= limit]
    if others:
        best = max(others, key=len)
        return best.text, best.start_char, best.end_char
    return sent.text, sent.start_char, sent.end_char


def _objects(root) -> list:
    """Direct objects of the main verb, then of its open clausal complements, then prepositional objects."""
    found = [t for t in root.children if t.dep_ in ("dobj", "attr")]
    for x in (t for t in root.children if t.dep_ in ("xcomp", "ccomp")):
        found += [t for t in x.children if t.dep_ in ("dobj", "attr", "nsubjpass")]
    found += [g for t in root.children if t.dep_ == "prep" for g in t.children if g.dep_ == "pobj"]
    return found


class PositionModel:
    """The trained classifier: weights, temperature and threshold, with the meta it was trained from."""

    def __init__(self, weights: np.ndarray, meta: dict) -> None:
        self.weights, self.meta = weights, meta
        self.temperature = float(meta.get("temperature", 1.0))
        self.threshold = float(meta.get("threshold", config()["threshold"]))
        self.rescoring = meta.get("rescore", {"a": 1.0, "b": 0.0, "threshold": config()["threshold"]})
        self.combining = meta.get("combine", {"threshold": self.threshold})

    @classmethod
    def load(cls, folder: Path = MODEL_DIR) -> PositionModel:
        """The shipped model (raises FileNotFoundError when it has not been trained)."""
        meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
        weights = np.load(folder / "weights.npy")
        return cls(weights, meta)

    def probabilities(self, x: np.ndarray | Features) -> np.ndarray:
        """Calibrated class probabilities, one row per candidate, columns in LABELS order."""
        if not isinstance(x, Features):
            return softmax(x @ self.weights / self.temperature)
        # the dense block through einsum, not BLAS: a multi-threaded BLAS call on these small matrices
        # leaves its worker threads spinning, which costs more CPU than the product itself
        width = x.dense.shape[1]
        logits = np.einsum("ij,jk->ik", x.dense, self.weights[:width])
        for r, columns in enumerate(x.hashed):
            logits[r] += self.weights[width + columns].sum(axis=0)
        return softmax(logits / self.temperature)

    def predict(self, doc: Doc, actors, quotes, rule_positions: list[Position], *, published: str | None = None,
                threshold: float | None = None, issues_from_rules: bool = False, resolver: HolderResolver | None = None
                ) -> list[Position]:
        """The positions of a parsed article the model keeps, above the threshold.

        With `issues_from_rules` (a case profile is in force) only candidates whose issue the rules could
        name are kept: a profile's issue keys come from the rules' issue matching.
        """
        cands = candidates(doc, actors, quotes, rule_positions, resolver=resolver)
        if issues_from_rules:
            cands = [c for c in cands if c.rule_issues]
        if not cands:
            return []
        probs = self.probabilities(feature_parts(cands, doc))
        limit, chunks = (self.threshold if threshold is None else threshold), NounChunks(doc)
        return [p for c, row in zip(cands, probs) for k in kept_stances(row, limit)
                for p in scored(c, LABELS[k], float(row[k]), published, chunks)]


    def rescore(self, doc: Doc, actors, quotes, rule_positions: list[Position], *,
                resolver: HolderResolver | None = None, threshold: float | None = None) -> list[Position]:
        """The rules' positions with a calibrated `confidence` and their issue phrase, those at or above the
        threshold (`pipeline: rescored`: the rules find, the model judges how likely each is right)."""
        if not rule_positions:
            return []
        cands = [c for c in candidates(doc, actors, quotes, rule_positions, resolver=resolver) if "rule" in c.found_by]
        if not cands:
            return []
        return self._rescored(cands, self.probabilities(feature_parts(cands, doc)), rule_positions, threshold)

    def combine(self, doc: Doc, actors, quotes, rule_positions: list[Position], *, published: str | None = None,
                resolver: HolderResolver | None = None) -> list[Position]:
        """`pipeline: combined`: the rules' positions the model keeps (as `rescore`), and the model's own
        positions for the holders the rules found nothing for (as `predict`, at the combined threshold)."""
        cands = candidates(doc, actors, quotes, rule_positions, resolver=resolver)
        if not cands:
            return []
        probs = self.probabilities(feature_parts(cands, doc))
        ruled = [i for i, c in enumerate(cands) if "rule" in c.found_by]
        chunks = NounChunks(doc)
        kept = self._rescored([cands[i] for i in ruled], probs[ruled], rule_positions, None, chunks) if ruled else []
        limit = float(self.combining["threshold"])
        return kept + [p for c, row in zip(cands, probs) if "rule" not in c.found_by
                       for k in kept_stances(row, limit) for p in scored(c, LABELS[k], float(row[k]), published, chunks)]

    def _rescored(self, cands: list[Candidate], probs: np.ndarray, rule_positions: list[Position],
                  threshold: float | None, chunks: NounChunks | None = None) -> list[Position]:
        """The rule positions whose candidate's calibrated confidence clears the threshold."""
        limit = float(self.rescoring["threshold"]) if threshold is None else threshold
        kept = []
        chunks = chunks or (NounChunks(cands[0].sentence.doc) if cands else None)
        for p in rule_positions:
            match = rule_candidate(cands, p)
            if match is None:
                continue
            confidence = platt(1.0 - float(probs[match][0]), self.rescoring["a"], self.rescoring["b"])
            if confidence >= limit:
                text, start, end = issue_phrase(cands[match], chunks)
                kept.append(replace(p, confidence=round(confidence, 3), issue_text=text, issue_start=start,
                                    issue_end=end))
        return kept


def rule_candidate(cands: list[Candidate], position: Position) -> int | None:
    """The index of the rule-found candidate a rule position came from: its holder, in its sentence."""
    return next((i for i, c in enumerate(cands) if "rule" in c.found_by and c.holder.party == position.actor
                 and c.sentence.start_char <= position.start < c.sentence.end_char), None)


def platt(score: float | np.ndarray, a: float, b: float):
    """Platt scaling: sigmoid(a * logit(score) + b), the calibrated chance a rule position is right."""
    clipped = np.clip(score, 1e-6, 1 - 1e-6)
    return 1.0 / (1.0 + np.exp(-(a * np.log(clipped / (1 - clipped)) + b)))


def fit_platt(scores: np.ndarray, right: np.ndarray) -> tuple[float, float]:
    """The Platt parameters (a, b) minimising the log-loss of held-back scores against outcomes (Newton steps)."""
    clipped = np.clip(scores, 1e-6, 1 - 1e-6)
    z = np.log(clipped / (1 - clipped))
    a, b = 1.0, 0.0
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-(a * z + b)))
        g = np.array([np.sum((p - right) * z), np.sum(p - right)])
        h = p * (1 - p)
        hess = np.array([[np.sum(h * z * z), np.sum(h * z)], [np.sum(h * z), np.sum(h)]]) + 1e-6 * np.eye(2)
        step = np.linalg.solve(hess, g)
        a, b = a - step[0], b - step[1]
        if np.abs(step).max() < 1e-8:
            break
    return float(round(a, 6)), float(round(b, 6))


def kept_stances(row: np.ndarray, threshold: float) -> list[int]:
    """The stance columns of one probability row at or above the threshold.

    A stance may be kept although "none" is likelier: candidates without a position far outnumber the
    others, and the threshold (chosen on held-back folds) trades precision for recall explicitly.
    """
    return [k for k in range(1, len(LABELS)) if row[k] >= threshold]


def scored(c: Candidate, stance: str, confidence: float, published: str | None,
           chunks: NounChunks | None = None) -> list[Position]:
    """A kept candidate's positions: one per issue the rules found for its holder there, else one on the
    sentence's main noun phrase; each with its confidence and issue phrase."""
    text, start, end = issue_phrase(c, chunks)
    sent = c.sentence
    return [Position(actor=c.holder.party, actor_country=c.holder.country, issue=issue, stance=stance,
                     official=c.holder.official, reported=c.reported, via=c.holder.via, text=sent.text,
                     start=sent.start_char, end=sent.end_char, date=published, confidence=round(confidence, 3),
                     issue_text=text, issue_start=start, issue_end=end)
            for issue in (c.rule_issues or (text,))]


@lru_cache(maxsize=1)
def shipped_model() -> PositionModel | None:
    """The shipped model when the config puts it in the pipeline (`pipeline: learned`, `rescored` or
    `combined`) and it is present."""
    if config().get("pipeline") not in ("learned", "rescored", "combined"):
        return None
    try:
        return PositionModel.load()
    except FileNotFoundError:
        return None


def softmax(z: np.ndarray) -> np.ndarray:
    """Row-wise softmax."""
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def fit(x: np.ndarray, y: np.ndarray, *, l2: float, iterations: int, none_weight: float, bias: int = -1,
        dense: int | None = None) -> np.ndarray:
    """Softmax regression by L-BFGS from zero weights (deterministic), L2 on all but the bias.

    `y` holds label indices into LABELS; rows of class "none" weigh `none_weight` (candidates without a
    position far outnumber those with one). Column `bias` is the constant feature, not penalised. The first
    `dense` columns are multiplied as a dense block, the rest (the hashed word indicators, nearly all zero)
    as a sparse matrix: together several times cheaper than either alone.
    """
    from scipy.optimize import minimize  # training only: the shipped stage never loads the optimiser

    x = np.asarray(x, dtype=np.float64)
    n, d = x.shape
    k = len(LABELS)
    dense = d if dense is None else dense
    block, words = x[:, :dense], sparse.csr_matrix(x[:, dense:])
    onehot = np.eye(k)[y]
    sample = np.where(y == 0, none_weight, 1.0)[:, None] / n
    penalty = np.full((d, 1), l2)
    penalty[bias] = 0.0

    def loss(flat: np.ndarray) -> tuple[float, np.ndarray]:
        """The weighted negative log-likelihood with its L2 penalty, and its gradient."""
        w = flat.reshape(d, k)
        z = block @ w[:dense] + words @ w[dense:]
        z -= z.max(axis=1, keepdims=True)
        log_p = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
        diff = sample * (np.exp(log_p) - onehot)
        grad = np.vstack([block.T @ diff, np.asarray(words.T @ diff)]) + penalty * w
        return float(-(sample * onehot * log_p).sum() + 0.5 * (penalty * w * w).sum()), grad.ravel()

    found = minimize(loss, np.zeros(d * k), jac=True, method="L-BFGS-B", options={"maxiter": iterations})
    return found.x.reshape(d, k).astype(np.float32)


def bias_index() -> int:
    """The column of the constant feature (not penalised): the last of the dense block."""
    return feature_width() - (1 << int(config()["hash_bits"])) - 1


def fit_temperature(logits: np.ndarray, y: np.ndarray) -> float:
    """The temperature that minimises the negative log-likelihood of held-back predictions (grid search)."""
    best, best_nll = 1.0, float("inf")
    for t in np.arange(0.25, 4.01, 0.05):
        p = softmax(logits / t)
        nll = -float(np.mean(np.log(p[np.arange(len(y)), y] + 1e-12)))
        if nll < best_nll:
            best, best_nll = float(round(t, 2)), nll
    return best
