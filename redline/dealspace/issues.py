"""Issues across a corpus: each position's issue phrase mapped onto an issue (a proposition) with a sign.

- With a case profile, its issues are the anchors: a phrase the profile's terms recognise takes that issue (a
  vague one, "the move", the issue its sentence names); other positions are left out (and counted). The
  positions are the same whether the profile was named at ingest or not: it is applied here, at query time.
- In open mode, the positions' `issue_text` phrases are clustered (wordllama embeddings of the phrase without
  its reversal words and the corpus's common words); phrases that make no proposition (the parse finds no
  common noun, or only vague ones: "the same question", "2019") are left out. Each cluster's label is its
  most frequent phrase, as written (minus a leading determiner), so it occurs in an evidence sentence.
- The sign says whether a phrase names the issue's proposition or its undoing ("the YPG's removal" against a
  "YPG role"): +1 or -1, from the parity of reversal words in the phrase and in the proposition.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import lru_cache

import numpy as np

from redline.dealspace.direction import polarity, reversals, strip_reversals
from redline.dealspace.rules import AnalysisRules, open_issue_words
from redline.positions.embed import embed, embed_fixed
from redline.positions.lexicon import stance_lexicon
from redline.positions.model import Position
from redline.positions.profile import CaseProfile


@dataclass(frozen=True, slots=True)
class IssueInfo:
    """An issue: its key, its readable label (the proposition), and its member phrases, most frequent first."""

    key: str
    label: str
    phrases: tuple[str, ...] = ()
    subject: str | None = None  # the party whose programme the proposition limits (a profile's `subject`)


@dataclass(frozen=True, slots=True)
class Placement:
    """Where one position goes: its issue key (None: left out) and its phrase's sign toward the proposition."""

    key: str | None
    sign: int = 1


@dataclass(slots=True)
class IssueMap:
    """The issues found and each position's placement, in input order."""

    issues: dict[str, IssueInfo]
    placements: list[Placement]

    @property
    def left_out(self) -> int:
        """How many positions named no issue."""
        return sum(1 for p in self.placements if p.key is None)


def phrase_of(position: Position, keys: frozenset[str] = frozenset()) -> str:
    """The phrase a position is about, as written: its `issue_text` (when it is about the stage's issue),
    else its issue label."""
    return (written_phrase(position, keys) or position.issue or "").strip()


def written_phrase(position: Position, keys: frozenset[str] = frozenset()) -> str | None:
    """The position's `issue_text` when it names the stage's issue, else None. The model's phrase is one per
    holder and sentence, so a sentence with two findings ("not ready to discuss its missiles, but ready to
    talk about enrichment") gives both the first one's phrase; the stage's own label then says which issue
    the finding is about. A label among `keys` (a profile's, given at ingest by an older store) says nothing
    of the words."""
    return _written(position.issue_text or "", position.issue or "", keys)


@lru_cache(maxsize=65536)
def _written(issue_text: str, issue: str, keys: frozenset[str]) -> str | None:
    """`written_phrase` of one (issue_text, issue) pair (a large store repeats its pairs)."""
    text, label = issue_text.strip(), issue.strip()
    if not text or not label or "_" in label or label in keys:
        return text or None
    stems = {w[:4] for w in _WORD.findall(label.casefold()) if len(w) >= 3}
    written = {w[:4] for w in _WORD.findall(text.casefold())}
    return text if not stems or stems & written else None


_WORD = re.compile(r"[^\W\d_]+")


def map_issues(positions: list[Position], *, profile: CaseProfile | None = None,
               rules: AnalysisRules | None = None) -> IssueMap:
    """Each position's issue and sign: onto the profile's issues, or clustered in open mode."""
    rules = rules or AnalysisRules.load()
    if profile is not None:
        return _onto_profile(positions, profile, rules)
    return _open_mode(positions, rules)


# --- with a profile ---

def _onto_profile(positions: list[Position], profile: CaseProfile, rules: AnalysisRules) -> IssueMap:
    """Profile issue keys for positions: by the phrase's key phrases, else the issue label's, else by the
    key the stage already gave (an older store's), else -- for a phrase that says nothing by itself ("the
    move") -- by the key phrases of its sentence, else -- for a phrase of at least `nearest_min_words`
    common words ("concessions on military weapons") -- the nearest issue by embedding; the others are left
    out (and counted). Shorter phrases are not placed by nearness: on the Guardian corpus bare words
    ("border", "US troop") went to issues their sentences were not about and made 3 of its 6 shifts."""
    keys = frozenset(i.key for i in profile.issues)
    found: list[str | None] = []
    unmatched: dict[str, list[int]] = {}
    known: dict[tuple[str | None, str | None], str | None] = {}  # a large store repeats its phrases
    for n, p in enumerate(positions):
        pair = (p.issue_text, p.issue)
        if pair not in known:
            known[pair] = (profile.match(written_phrase(p, keys) or "") or (None if p.issue in keys else profile.match(p.issue or ""))
                           or (p.issue if p.issue in keys else None))
        key = known[pair]
        if key is None and says_nothing(phrase_of(p, keys)):
            key = profile.match(p.text)  # "rejected the move": the issue is the one its sentence names
        found.append(key)
        if key is None:
            for phrase in {(written_phrase(p, keys) or "").strip(), (p.issue or "").strip()}:
                if len(common_words(phrase)) >= rules.nearest_min_words:
                    unmatched.setdefault(phrase, []).append(n)
    # the nearest issue by either phrase (the one written, or the stage's label), the closer one winning
    best: dict[int, tuple[float, str]] = {}
    for phrase, (key, score) in _nearest(list(unmatched), profile).items():
        for n in unmatched[phrase]:
            if score > best.get(n, (-1.0, ""))[0]:
                best[n] = (score, key)
    for n, (_, key) in best.items():
        if key in profile.matches(positions[n].text):  # the sentence names that issue too ("... missiles")
            found[n] = key
    members = _members([phrase_of(p, keys) for p in positions], found)
    issues = {i.key: IssueInfo(i.key, i.proposition or i.label, members.get(i.key, ()), i.subject or None)
              for i in profile.issues}
    signs: dict[tuple[str, str, str, str], int] = {}
    placements = []
    for p, key in zip(positions, found):
        if key is None:
            placements.append(Placement(None))
            continue
        context = sign_phrase(p, rules, keys=keys)
        at = (key, context, phrase_of(p, keys), p.text)
        if at not in signs:
            signs[at] = _profile_sign(profile.issue(key), context, phrase_of(p, keys), p.text, profile, rules)
        placements.append(Placement(key, signs[at]))
    return IssueMap(issues=issues, placements=placements)


def names_only(phrase: str) -> bool:
    """True for a phrase of names alone ("Trump", "the US", "Afrin", "Wednesday"): it says who or where, not
    what is on the table."""
    words = [w for w in _WORD.findall(phrase) if w.casefold() not in _ARTICLES]
    return bool(words) and all(w[:1].isupper() for w in words)


@lru_cache(maxsize=65536)
def says_nothing(phrase: str) -> bool:
    """True for a phrase that names no issue by itself: none, a pronoun, or a vague head with only vague
    modifiers ("it", "the move", "excessive demands"); the positions lexicon's lists decide."""
    lexicon = stance_lexicon()
    words = [w for w in re.findall(r"[\w'’-]+", phrase.casefold()) if w not in _ARTICLES and w not in lexicon.vague_modifiers]
    return all(w in lexicon.vague_objects for w in words)


_ARTICLES = frozenset({"the", "a", "an"})


def _profile_sign(issue, context: str, phrase: str, sentence: str, profile: CaseProfile, rules: AnalysisRules) -> int:
    """A phrase's sign toward a profile issue's proposition. A phrase that names the issue, or holds a
    reversal term ("an end" [to the YPG]), or makes a proposition of its own (placed by similarity: "US troop
    deployments"), is read against the proposition; a bare name or a vague phrase ("Trump", "the move") is
    read where the sentence names the issue ("a common stand against Tehran"); a sentence that does not name
    it either says nothing of the sign: +1."""
    extra = rules.reversal_words + issue.reverse
    if issue.key not in profile.matches(phrase) and not reversals(context, extra) and (
            names_only(phrase) or says_nothing(phrase)):
        context = _mention(sentence, issue, rules)
        if context is None:
            return 1
    return _sign(context, issue.proposition or issue.label, rules, issue.reverse)


def _mention(sentence: str, issue, rules: AnalysisRules) -> str | None:
    """The sentence's first mention of the issue (one of its terms) with the words just before it, or None."""
    folded = sentence.casefold().replace("-", " ")
    hits = [(at, term) for term in issue.terms if (at := folded.find(term.casefold().replace("-", " "))) >= 0]
    if not hits:
        return None
    at, term = min(hits, key=lambda hit: (hit[0], -len(hit[1])))
    before = sentence[:at].split()[-rules.sign_context_words:] if rules.sign_context_words else []
    return " ".join([*before, sentence[at:at + len(term)]])


def _members(phrases: list[str], found: list[str | None]) -> dict[str, tuple[str, ...]]:
    """The phrases placed on each issue, most frequent first."""
    counts: dict[str, Counter] = {}
    for phrase, key in zip(phrases, found):
        if key is not None and phrase:
            counts.setdefault(key, Counter())[phrase] += 1
    return {key: tuple(phrase for phrase, _ in c.most_common()) for key, c in counts.items()}


def _nearest(phrases: list[str], profile: CaseProfile) -> dict[str, tuple[str, float]]:
    """Profile issue keys (and similarity) for phrases by cosine similarity to its terms, at or above the
    profile threshold."""
    if not phrases or not profile.issues:
        return {}
    terms = tuple(t for issue in profile.issues for t in issue.terms)
    owners = [issue.key for issue in profile.issues for _ in issue.terms]
    scores = embed([_key(p) for p in phrases]) @ embed_fixed(tuple(_key(t) for t in terms)).T
    threshold = stance_lexicon().issues.profile_threshold
    best = scores.argmax(axis=1)
    return {p: (owners[int(b)], float(row[int(b)])) for p, b, row in zip(phrases, best, scores) if row[int(b)] >= threshold}


@lru_cache(maxsize=65536)
def common_words(phrase: str) -> tuple[str, ...]:
    """The phrase's lower-case words that are neither articles, vague heads nor vague modifiers: what it
    says is on the table ("concessions on military weapons" -> concessions, on, military, weapons)."""
    lexicon = stance_lexicon()
    return tuple(w for w in _WORD.findall(phrase) if w[:1].islower() and w not in _ARTICLES
                 and w not in lexicon.vague_objects and w not in lexicon.vague_modifiers)


def sign_phrase(position: Position, rules: AnalysisRules, phrase: str | None = None,
                keys: frozenset[str] = frozenset()) -> str:
    """The text a position's sign is read from: its issue phrase with the few words before it in the sentence
    ("continue to clear [Syrian Kurds]"), when the phrase's offsets place it in the sentence."""
    phrase = phrase if phrase is not None else phrase_of(position, keys)
    p, written = position, written_phrase(position, keys)
    if written and phrase.casefold() in written.casefold() and p.issue_start is not None and p.start <= p.issue_start <= p.start + len(p.text):
        at = p.issue_start - p.start
    else:
        at = _find(phrase, p.text)  # the stage's label ("nuclear issue"): where its words start in the sentence
        if at is None:
            return phrase
    before = p.text[:at].split()[-rules.sign_context_words:] if rules.sign_context_words else []
    return " ".join([*before, phrase])


def _find(phrase: str, sentence: str) -> int | None:
    """Where a phrase, or failing that its first word's stem (a label is lemmatised: "limit" ~ "limits"),
    starts in the sentence; None when neither occurs."""
    folded = sentence.casefold()
    at = folded.find(phrase.casefold())
    if at >= 0:
        return at
    words = _WORD.findall(phrase.casefold())
    if not words:
        return None
    hit = re.search(r"(?<!\w)" + re.escape(words[0][:max(4, len(words[0]) - 2)]), folded)
    return hit.start() if hit else None


def _sign(phrase: str, proposition: str, rules: AnalysisRules, extra: tuple[str, ...] = ()) -> int:
    """+1 when the phrase points the way of the proposition, -1 when it names its undoing."""
    return polarity(phrase, rules, extra) * polarity(proposition, rules, extra)


def _key(phrase: str) -> str:
    """The text embedded for a phrase: hyphens as spaces, possessives dropped, case kept ("US", not "us")."""
    return " ".join(phrase.replace("-", " ").replace("’s", "").replace("'s", "").split())


# --- open mode ---

@dataclass(slots=True)
class _Cluster:
    """Phrases merged into one issue, with the sum of their unit vectors (the direction of the centroid)."""

    members: list[int] = field(default_factory=list)
    total: np.ndarray | None = None


def _open_mode(positions: list[Position], rules: AnalysisRules) -> IssueMap:
    """Open-mode issues: eligible phrases clustered, each cluster labelled by its most frequent phrase that
    reads as a label and occurs in one of its evidence sentences; clusters without one, or with fewer than
    `min_sentences` evidence sentences, are left out (and counted)."""
    tag_phrases([ph.strip() for p in positions for ph in (p.issue_text, p.issue) if ph])
    phrases = [open_phrase(p) for p in positions]
    tag_phrases(phrases)
    # phrases as the text writes them (the model's noun phrases), not the stage's lemmatised labels
    written = {ph for p, ph in zip(positions, phrases)
               if ph and (text := (written_phrase(p) or "").strip()) and ph == label_form(text)}
    eligible = [ph for ph in phrases if ph]
    mapping = merge_phrases(eligible, rules=rules)
    members: dict[str, Counter] = {}
    sentences: dict[str, list[str]] = {}
    support: dict[str, set[tuple[str, int]]] = {}
    for p, ph in zip(positions, phrases):
        if ph:
            members.setdefault(mapping[ph], Counter())[ph] += 1
            sentences.setdefault(ph, []).append(p.text)
            support.setdefault(mapping[ph], set()).add((p.text, p.start))
    minimum = open_issue_words().min_sentences
    labels: dict[str, str] = {}
    issues = {}
    for anchor, counts in members.items():
        if len(support[anchor]) < minimum:
            continue  # one sentence's phrase is no issue of the corpus: left out, and counted
        label = _cluster_label(counts, sentences, written)
        if label is None:
            continue
        key = label if label not in issues else f"{label} ({len(issues)})"
        labels[anchor] = key
        issues[key] = IssueInfo(key, label, tuple(ph for ph, _ in counts.most_common()))
    placements = []
    for p, ph in zip(positions, phrases):
        key = labels.get(mapping[ph]) if ph else None
        placements.append(Placement(key, _sign(sign_phrase(p, rules, ph), issues[key].label, rules) if key else 1))
    return IssueMap(issues=issues, placements=placements)


def open_phrase(position: Position) -> str:
    """The phrase an open-mode position is clustered by: its `issue_text` when that makes a proposition,
    else the stage's issue label when that does ("him" -> "missile capability"), else "" (left out)."""
    # a profile key given at ingest ("us_withdrawal") is no phrase of the text: only the written one counts
    label = position.issue if position.issue and "_" not in position.issue else None
    for phrase in (written_phrase(position), label):
        if phrase and label_form(phrase.strip()):
            return label_form(phrase.strip())
    return ""


def _cluster_label(counts: Counter, sentences: dict[str, list[str]], written: set[str] | frozenset[str] = frozenset()
                   ) -> str | None:
    """The most frequent member that reads as a label (two or more words, or a plural noun) and occurs in
    one of its own evidence sentences, as written there (a lemmatised phrase is found by its words' stems:
    "withdraw US troop from Syria" -> "withdraw US troops from Syria"). Members the text wrote as a phrase
    (`written`) come before the stage's lemmatised labels, then by how many distinct sentences hold them (one
    sentence's several positions count once). None when no member occurs."""
    ranked = sorted(counts, key=lambda ph: (ph not in written, -len(set(sentences.get(ph, ()))), -counts[ph], len(ph), ph))
    for phrase in ranked:
        if not reads_as_label(phrase):
            continue
        for sentence in sentences.get(phrase, ()):
            written = as_written(phrase, sentence)
            if written:
                return written
    return None


def as_written(phrase: str, sentence: str) -> str | None:
    """The phrase as the sentence writes it: the span whose words start as the phrase's words do, in order
    (whole words, the last one to its end), or None."""
    words = re.findall(r"\w+", phrase)
    if not words or len(sentence.lower()) != len(sentence):
        return None
    stems = [re.escape(w if len(w) <= 4 else w[:max(4, len(w) - 2)]) + r"\w*" for w in words]
    # words run on across spaces, hyphens and apostrophes, not across quote marks or punctuation ("Turkey to “de")
    hit = re.search(r"(?<!\w)" + r"(?:[\s\-–’'/]+|(?<=\d),(?=\d))".join(stems) + r"(?![\-–]\w)", sentence, re.IGNORECASE)
    return hit.group(0) if hit else None


def merge_phrases(phrases: list[str], *, threshold: float | None = None,
                  rules: AnalysisRules | None = None) -> dict[str, str]:
    """Each phrase's cluster anchor (its most frequent, then most central, member): phrases (with repeats,
    which count) clustered by cosine similarity, compared without reversal words and common words."""
    rules = rules or AnalysisRules.load()
    threshold = stance_lexicon().issues.merge_threshold if threshold is None else threshold
    counts = Counter(phrases)
    distinct = sorted(counts, key=lambda p: (-counts[p], len(p), p))
    stripped = [_key(strip_reversals(p, rules)) for p in distinct]
    common = _common_words(stripped)
    keys = [" ".join(w for w in k.split() if w.casefold() not in common) or k for k in stripped]
    vectors = embed(keys)
    clusters: list[_Cluster] = []
    for n, vector in enumerate(vectors):
        best, best_score = None, threshold
        for cluster in clusters:
            score = float(vector @ cluster.total) / float(np.linalg.norm(cluster.total) or 1.0)
            if score >= best_score:
                best, best_score = cluster, score
        if best is None:
            clusters.append(_Cluster([n], vector.copy()))
        else:
            best.members.append(n)
            best.total = best.total + vector
    mapping = {}
    for cluster in clusters:
        anchor = _anchor(cluster, distinct, counts, vectors)
        mapping.update({distinct[m]: anchor for m in cluster.members})
    return mapping


def _common_words(keys: list[str]) -> set[str]:
    """Names in many of the corpus's issue phrases ("Syria", "US"): places and parties that would otherwise
    pull every phrase about them into one issue. They are left out of the embedding; lower-case words
    ("ballistic", "nuclear") say what an issue is about and stay."""
    share = stance_lexicon().issues.common_share
    frequency = Counter(w.casefold() for k in keys for w in set(k.split()) if w[:1].isupper())
    return {w for w, n in frequency.items() if n >= 3 and n > share * len(keys)}


def _anchor(cluster: _Cluster, distinct: list[str], counts: Counter, vectors: np.ndarray) -> str:
    """A cluster's anchor phrase: its most frequent; among equals, the one closest to the others."""
    top = max(counts[distinct[m]] for m in cluster.members)
    tied = [m for m in cluster.members if counts[distinct[m]] == top]
    if len(tied) == 1:
        return distinct[tied[0]]
    centre = cluster.total / (np.linalg.norm(cluster.total) or 1.0)
    return distinct[max(tied, key=lambda m: (float(vectors[m] @ centre), -len(distinct[m]), distinct[m]))]


@dataclass(frozen=True, slots=True)
class _Word:
    """One tagged word of a phrase: its text, offset, part of speech, tag and lemma."""

    text: str
    idx: int
    pos: str
    tag: str
    lemma: str


_TAGGED: dict[str, tuple[_Word, ...]] = {}
_TAGGING = ("tok2vec", "tagger", "attribute_ruler", "lemmatizer")  # no parser or NER: a phrase needs its tags


def tag_phrases(phrases: list[str]) -> None:
    """Tag the phrases not tagged yet, in one batch (the tagger only), into the process cache."""
    todo = list(dict.fromkeys(p for p in phrases if p and p not in _TAGGED))
    if not todo:
        return
    from redline.nlp import load_pipeline  # spaCy loads only when open-mode issues are labelled

    nlp = load_pipeline()
    with nlp.select_pipes(enable=[name for name in _TAGGING if name in nlp.pipe_names]):
        for phrase, doc in zip(todo, nlp.pipe(todo, batch_size=256)):
            _TAGGED[phrase] = tuple(_Word(t.text, t.idx, t.pos_, t.tag_, t.lemma_.lower()) for t in doc
                                    if not t.is_punct and not t.is_space)


def _tagged(phrase: str) -> tuple[_Word, ...]:
    """A phrase's tagged words (tagged now when not cached)."""
    tag_phrases([phrase])
    return _TAGGED[phrase]


@lru_cache(maxsize=65536)
def label_form(phrase: str) -> str:
    """The phrase as an issue label ("the YPG's removal" -> "YPG's removal"), or "" when it makes no
    proposition: no common noun outside the vague heads (after tagging), e.g. "he", "2019", "Syria"."""
    words = open_issue_words()
    tokens = _tagged(phrase)
    content = [t for t in tokens if t.pos == "NOUN" and t.lemma not in words.vague and t.text.lower() not in words.vague]
    nouns = [t for t in tokens if t.pos == "NOUN"]
    named = [t for t in tokens if t.pos == "PROPN" or (t.pos == "ADJ" and t.text[:1].isupper())]
    # an adjective that says what a vague head is about makes it specific ("nuclear issues", not "new issues")
    specific = [t for t in tokens if t.pos == "ADJ" and t.lemma not in words.vague_modifiers]
    if not (content or (nouns and (named or specific))):
        return ""
    start = 0
    while start < len(tokens) - 1 and (tokens[start].pos in words.drop_leading or tokens[start].tag == "PRP$"):
        start += 1
    label = phrase[tokens[start].idx:tokens[-1].idx + len(tokens[-1].text)]
    return re.sub(r"^[\"“‘']+|[\"”’']+$", "", label).strip()


@lru_cache(maxsize=65536)
def reads_as_label(phrase: str) -> bool:
    """True for a phrase that can name an issue: two or more words, or one plural noun ("sanctions");
    never a single function word, a bare verb or a bare singular noun ("halt", "act")."""
    tokens = _tagged(phrase)
    if len(tokens) >= 2:
        return True
    return bool(tokens) and tokens[0].tag in ("NNS", "NNPS")


def normalise_issues(positions: list[Position], *, profile: CaseProfile | None = None) -> list[Position]:
    """The positions with their issue replaced by the issue they are placed on (merged across articles, or
    the profile's key); a position left out keeps its own. The input is left unchanged."""
    found = map_issues(positions, profile=profile)
    return [replace(p, issue=where.key) if where.key is not None else replace(p)
            for p, where in zip(positions, found.placements)]
