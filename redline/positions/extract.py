"""Each party's stance on each issue, with the sentence that shows it: the call behind the "positions" stage.

    extract_positions(doc, actors, quotes, published="2026-02-11")

Extraction does not depend on a case profile: a position's issue is the normalised issue phrase of this
article, with the phrase as written (`issue_text`, offsets). The deal space maps phrases onto a profile's
issues when the store is queried (`redline.dealspace.map_issues`), so a store gives the same matrix whether
the profile was named at ingest or at query.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from redline.datafiles import word_set

from .conditions import condition_findings
from .context import home_state
from .evaluate import evaluation_findings
from .finding import Finding
from .holder import FIRST_PERSON, NON_OFFICIAL, THIRD_PERSON, Holder, HolderResolver
from .issues import open_issues, phrase_label
from .learned import config as model_config
from .learned import shipped_model
from .lexicon import StanceLexicon, stance_lexicon
from .modal import modal_findings
from .model import Position
from .phrases import phrase_hits
from .similar import similar_findings
from .stance import cue_findings
from .syntax import conjuncts, deontic

COORDINATED_RELATIVES = word_set("relatives.coordinated_antecedent_relatives")  # "Britain or France, which"
ANAPHORIC_OBJECTS = word_set("pronouns.anaphoric_objects")  # "reject it": no issue on its own


@dataclass(frozen=True, slots=True)
class _Voice:
    """Who voiced a finding and whether that is an official voice; whether it is reported second-hand."""

    via: str | None
    official: bool
    reported: bool
    party: str | None = None  # the party the voice speaks for, when it is an official one


def extract_positions(doc: Doc, actors, quotes, *, published: str | None = None,
                      source: str | None = None) -> list[Position]:
    """The positions of a parsed article: party, stance, issue, who voiced it, and the evidence sentence.

    `actors` is the article's ActorIndex (None works, with less to go on), `quotes` its quotes, `source`
    its publisher (its state is the one an office named without a state belongs to: "the Home Office").
    """
    if len(doc) == 0:
        return []
    from redline.actors import ActorDictionary

    lexicon = stance_lexicon()
    dictionary = ActorDictionary.load()
    resolver = HolderResolver(doc, actors, quotes, lexicon=lexicon, dictionary=dictionary,
                              home=home_state(source, dictionary))
    rules = rule_positions(doc, quotes, resolver=resolver, published=published)
    model = shipped_model()
    if model is None:
        return rules
    # one pipeline whatever the case: the shipped model's configuration chooses it, never a profile
    if model_config()["pipeline"] == "rescored":
        # the rules find; the model gives each finding a calibrated confidence and drops the unlikely ones
        return model.rescore(doc, actors, quotes, rules, resolver=resolver)
    if model_config()["pipeline"] == "combined":
        # the rules' findings the model keeps, and the model's own for the holders the rules found nothing for
        return _unique(model.combine(doc, actors, quotes, rules, published=published, resolver=resolver))
    # the learned classifier decides, over the rules' findings and the other holders of each sentence
    return _unique(model.predict(doc, actors, quotes, rules, published=published, resolver=resolver))


def rule_positions(doc: Doc, quotes, *, resolver: HolderResolver, published: str | None = None) -> list[Position]:
    """The positions the hand-written rules find (the learned classifier's candidates and features)."""
    lexicon = resolver.lexicon
    held = [(f, _holders(f, resolver, lexicon)) for f in _findings(doc, quotes, lexicon)]
    held = _innermost([(f, h) for f, h in held if h])
    positions: list[Position] = []
    recent: list[tuple[int, list[str]]] = []  # (sentence start, issues) of the last findings with a clear issue
    for finding, holders in held:
        issues = _issues(finding, resolver, lexicon, recent)
        if not issues:
            continue
        voice = _voice(finding, resolver, lexicon)
        positions.extend(_position(finding, h, issue, voice, published) for h in holders for issue in issues)
    return _unique(positions)


def _findings(doc: Doc, quotes: list, lexicon: StanceLexicon) -> list[Finding]:
    """Every finding of the article in text order: cue words, conditions, then cue-less quoted sentences."""
    hits = phrase_hits(doc, lexicon)
    quoted = [(q.start, q.end) for q in quotes or () if q.end > q.start]
    found: list[Finding] = []
    for sent in doc.sents:
        inside = [h for h in hits if sent.start <= h[0] < sent.end]
        found.extend(cue_findings(sent, lexicon, inside))
        found.extend(condition_findings(sent, lexicon))
        found.extend(modal_findings(sent, lexicon, quoted))
    found.extend(evaluation_findings(doc, quoted, lexicon))
    claimed = {f.sentence.start for f in found}
    found.extend(similar_findings(doc, quotes, claimed, lexicon))
    return sorted(found, key=lambda f: (f.sentence.start, f.cue.i))


def _innermost(held: list[tuple[Finding, list[Holder]]]) -> list[tuple[Finding, list[Holder]]]:
    """The findings without those another one refines: a demand whose object holds the same party's more
    telling cue ("pressure Trump to ..., including demanding concessions"; "insisted that X must be a
    precondition"), and a modal clause that holds or sits in a cue's clause ("should be not to allow")."""
    cues = [(f, {h.party for h in hs}) for f, hs in held if f.kind == "cue"]
    conditioned = {f.cue.head.head.i for f, _ in held if f.kind == "condition" and f.stance == "precondition"}
    conditioned |= {f.cue.head.i for f, _ in held if f.kind == "condition" and f.cue.dep_ == "prep"}
    kept = []
    for finding, holders in held:
        if finding.kind == "cue" and finding.cue.i in conditioned:
            continue  # "will never agree to talks unless X": the precondition says it all
        # the words after the cue in its own clause (not in clauses coordinated with it)
        coordinated = {t.i for c in finding.cue.children if c.dep_ == "conj" for t in c.subtree}
        inside = {t.i for t in finding.cue.subtree if t.i > finding.cue.i and t.i not in coordinated}
        parties = {h.party for h in holders}
        if finding.kind == "cue" and finding.stance == "demand" and any(
            other is not finding and other.cue.i in inside and parties & theirs for other, theirs in cues
        ):
            continue
        if finding.kind == "modal" and any(
            other.cue.i in {t.i for t in finding.cue.subtree} or finding.cue.i in {t.i for t in other.cue.subtree}
            for other, _ in cues
        ):
            continue
        kept.append((finding, holders))
    return kept


def _holders(finding: Finding, resolver: HolderResolver, lexicon: StanceLexicon) -> list[Holder]:
    """The parties holding a finding: its subject words; else the issue's possessor; else the speaker of
    the quote it sits in (a clause whose subject is no party: "talks would never happen unless ...")."""
    if finding.kind == "cue" and deontic(finding.cue, lexicon) and resolver.quote_at(finding.cue.idx) is not None:
        voice = resolver.of_speaker(resolver.quote_at(finding.cue.idx))  # "X should not allow them", said Y
        if voice is not None:
            return [voice]
    found = []
    for token in _with_antecedents(finding.holders):
        holder = resolver.of_token(token)
        if holder is not None and all(h.party != holder.party for h in found):
            found.append(holder)
    if found or not (finding.kind != "cue" or _may_fall_back(finding.holders, lexicon)):
        return found
    if finding.owner is not None:
        owner = resolver.of_token(finding.owner)
        if owner is not None:
            return [owner]
    quote = resolver.quote_near(finding.cue)
    speaker = resolver.of_speaker(quote) if quote is not None else None
    return [speaker] if speaker is not None else []


def _may_fall_back(tokens: list[Token], lexicon: StanceLexicon) -> bool:
    """True when the subject words name no one in particular ("it", "the administration", none): the
    voice of the sentence holds it."""
    return all(
        (t.pos_ == "PRON" and (t.lower_ in FIRST_PERSON or t.lower_ in THIRD_PERSON))
        or (t.lemma_.lower() in lexicon.collective_heads and not any(c.dep_ in ("amod", "compound", "poss", "relcl") for c in t.children)
            and any(c.dep_ == "det" and c.lower_ == "the" for c in t.children))  # "the administration"
        for t in tokens
    )


def _with_antecedents(tokens: list[Token]) -> list[Token]:
    """Holder words with a relative pronoun's coordinated antecedents ("Britain or France, which ...")."""
    found = []
    for token in tokens:
        if token.lower_ in COORDINATED_RELATIVES and token.head.dep_ == "relcl":
            found.extend(t for t in conjuncts(token.head.head) if t not in found)
        elif token not in found:
            found.append(token)
    return found


def _issues(finding: Finding, resolver: HolderResolver, lexicon: StanceLexicon,
            recent: list[tuple[int, list[str]]]) -> list[str]:
    """The finding's issue phrases (a vague object -- "the move" -- takes the issue of a finding in the
    previous two sentences)."""
    labels = open_issues(finding, lexicon, lambda t: _is_party_word(t, resolver))
    sentence_start = finding.sentence.start
    if labels:
        recent.append((sentence_start, labels))
        return labels
    if not finding.objects and finding.cue.pos_ == "NOUN" and finding.stance == "demand":
        return []  # "De Mistura's objective", with nothing said of it
    # a vague object ("the move", "something") or none: the issue of a finding just before, else the words
    # a bare cue ("the HNC boycotted entirely") takes an issue of its own sentence too; a vague object
    # ("excessive demands") only one from before, as anaphora reaches back
    reach = sentence_start + (1 if not finding.objects else 0)
    if recent and recent[-1][0] < reach and _sentences_between(finding, recent[-1][0]) <= 2:
        return recent[-1][1]  # anaphora reaches back; within one sentence "excessive demands" stays itself
    vague = [phrase_label(o, lexicon, lambda t: _is_party_word(t, resolver)) for o in finding.objects
             if o.pos_ != "PRON" or o.lower_ in lexicon.vague_objects and o.lower_ not in ANAPHORIC_OBJECTS]
    return [v for v in vague if v][:1]


def _sentences_between(finding: Finding, start: int) -> int:
    """How many sentence starts lie between a token index and the finding's sentence."""
    doc = finding.sentence.doc
    return sum(1 for t in doc[start:finding.sentence.start] if t.is_sent_start)


def _is_party_word(token: Token, resolver: HolderResolver) -> bool:
    """True for a possessive to leave out of an issue: a pronoun, or a state or organisation (not a person:
    "Assad's departure" keeps its name)."""
    if token.pos_ == "PRON":
        return True
    holder = resolver.of_token(token)
    return holder is not None and holder.via is None


def _voice(finding: Finding, resolver: HolderResolver, lexicon: StanceLexicon) -> _Voice:
    """Who voiced the finding (the quote's speaker), whether officially, and whether it is second-hand."""
    quote = resolver.speaking(resolver.quote_near(finding.cue))
    text = finding.sentence.text.lower()
    reported = any(marker in text for marker in lexicon.reported_markers)
    if quote is None:
        return _Voice(None, True, reported)
    speaker = getattr(quote, "speaker", None)
    words = (speaker or "").lower().split()
    if words and words[-1] in lexicon.reported_sources:
        return _Voice(None, True, True)
    actor = resolver.actors.by_name(speaker) if speaker and resolver.actors is not None else None
    official = actor is None or getattr(actor, "sector", None) not in NON_OFFICIAL
    if actor is not None and getattr(actor, "sector", None) == "media" and getattr(actor, "kind", None) == "organisation":
        return _Voice(None, True, True)
    party = resolver.of_speaker(quote) if official else None
    return _Voice(actor.name if actor is not None else None, official, reported, party.party if party else None)


def _position(finding: Finding, holder: Holder, issue: str, voice: _Voice, published: str | None) -> Position:
    """One Position record."""
    sent = finding.sentence
    if voice.party is not None and voice.party != holder.party:
        voice = _Voice(None, True, voice.reported)  # Turkey rejecting "the American proposal" voices no US position
    via = holder.via or voice.via
    if via == holder.party:
        via = None  # "Iran wants ...": the party voiced it itself
    official = holder.official and (voice.official or voice.via is None or voice.via == holder.via)
    if holder.via is not None and voice.via is not None and holder.via != voice.via:
        official = holder.official and voice.official
    return Position(
        actor=holder.party, actor_country=holder.country, issue=issue, stance=finding.stance, official=official,
        reported=voice.reported, via=via, text=sent.text, start=sent.start_char, end=sent.end_char, date=published,
    )


def _unique(positions: list[Position]) -> list[Position]:
    """The positions without repeats of one (party, stance, issue) in one sentence."""
    seen, kept = set(), []
    for p in positions:
        key = (p.actor, p.stance, p.issue, p.start)
        if key not in seen:
            seen.add(key)
            kept.append(p)
    return kept
