"""Who holds a position: the party (state, group, organisation) behind a phrase, and who voiced it.

A person speaks for what they represent: an official, adviser or minister for their state, a UN envoy for
the UN (found in their role: "UN special envoy"), an armed group's spokesperson for the group. An analyst,
expert or journalist gives a party's position too, but not an official one. A group phrase speaks for the
state its modifier names ("Iranian officials", "US negotiators").
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc, Span, Token

from redline.datafiles import word_set

from . import context
from .lexicon import StanceLexicon
from .profile import CaseProfile

NON_OFFICIAL = word_set("groups.non_official", "sectors.yaml")
FIRST_PERSON = word_set("pronouns.first_person")
THIRD_PERSON = word_set("pronouns.third_person")
RELATIVE = word_set("relatives.relative_pronouns")
STATE_POSSESSED = word_set("nouns.state_possessed")  # "Iran's government", "their country"
ANAPHORIC_SUBJECTS = word_set("pronouns.anaphoric_subjects")
COMMENTATORS = word_set("groups.commentators", "sectors.yaml")
POLITICAL_GROUPS = word_set("groups.political_groups", "sectors.yaml")
OWN_VOICE_BODIES = word_set("groups.own_voice_bodies", "sectors.yaml")
CONTINUATION = 400  # characters between a quote and the one it runs on from


@dataclass(frozen=True, slots=True)
class Holder:
    """The party holding a position, its country, who voiced it, and whether that voice is official."""

    party: str
    country: str | None
    via: str | None
    official: bool


class HolderResolver:
    """Resolves phrases of one article to parties through the actor index, quotes and dictionary."""

    def __init__(self, doc: Doc, actors: Any, quotes: list, *, lexicon: StanceLexicon,
                 profile: CaseProfile | None = None, dictionary: Any = None, home: str | None = None) -> None:
        self.doc, self.actors, self.lexicon, self.profile = doc, actors, lexicon, profile
        self.dictionary = dictionary
        self.home = home  # the publisher's state (context.home_state), or None
        self.quotes = sorted((q for q in quotes or () if q.end > q.start), key=lambda q: q.end - q.start)
        self._resolved: dict[tuple[int, int], Holder | None] = {}  # (token index, depth) -> of_token's answer

    def quote_at(self, char: int) -> Any | None:
        """The tightest quote whose content holds this character offset, or None."""
        return next((q for q in self.quotes if q.start <= char < q.end), None)

    def quote_near(self, token: Token) -> Any | None:
        """The quote a word sits in; else the quote with a speaker nearest to it in its sentence (a
        condition often trails the reported clause: "[its fighters can return] only if ...")."""
        quote = self.quote_at(token.idx)
        if quote is not None:
            return quote
        sent = token.sent
        near = [q for q in self.quotes if q.start < sent.end_char and q.end > sent.start_char and getattr(q, "speaker", None)]
        return min(near, key=lambda q: min(abs(q.start - token.idx), abs(q.end - token.idx)), default=None)

    def of_token(self, token: Token, depth: int = 0) -> Holder | None:
        """The party a subject, possessor or agent token stands for (its noun phrase), or None.

        Answers are kept per token: the rules, the candidates and the issue filters ask about the same
        words, and the answer depends on nothing but the article."""
        key = (token.i, depth)
        if key not in self._resolved:
            self._resolved[key] = self._of_token(token, depth)
        return self._resolved[key]

    def _of_token(self, token: Token, depth: int) -> Holder | None:
        """`of_token`, computed."""
        lower = token.lower_ if token.pos_ == "PRON" else ""  # "US" is no "us"
        if lower in FIRST_PERSON:
            quote = self.quote_at(token.idx)
            if quote is not None and getattr(self.speaking(quote), "speaker", None) is None:
                return self._of_earlier(token, depth, kind="any")  # “We will ...,” he said: no speaker named
            return self.of_speaker(quote) if quote is not None else None
        span = _phrase(token)
        holder = self._of_actor(self._actor_at(span.start_char, span.end_char)) if self.actors is not None else None
        if holder is not None:
            return holder
        if depth > 3:
            return None
        if lower in RELATIVE and token.head.dep_ == "relcl":
            return self.of_token(token.head.head, depth + 1)
        if lower in THIRD_PERSON:
            # an unresolved pronoun in a reported clause usually is its source ("officials say they ..."),
            # in a subordinate clause the main clause's subject ("the resolution ..., though it called for")
            source = _reporting_subject(token) or _main_subject(token) or _earlier_subject(token)
            if source is not None:
                return self.of_token(source, depth + 1)
            quote = self.quote_at(token.idx)
            holder = self.of_speaker(quote) if quote is not None and not quote.direct else None
            return holder if holder is not None else self._of_earlier(token, depth)
        return self.of_words(span) or self._of_earlier(token, depth)

    def speaking(self, quote: Any) -> Any | None:
        """The quote itself when it has a speaker; else the quote with a speaker just before it (a
        quotation running on over several sentences: "... ,” Hunt said. “If you're going to ...")."""
        if quote is None or getattr(quote, "speaker", None):
            return quote
        before = [q for q in self.quotes if q.end <= quote.start + 1 and quote.start - q.end < CONTINUATION and getattr(q, "speaker", None)]
        return max(before, key=lambda q: q.end, default=None)

    def of_speaker(self, quote: Any) -> Holder | None:
        """The party of a quote's speaker (a canonical actor name, or the group phrase as written)."""
        quote = self.speaking(quote)
        name = getattr(quote, "speaker", None)
        if not name:
            return None
        actor = self.actors.by_name(name) if self.actors is not None else None
        if actor is not None:
            return self._of_actor(actor)
        return self._of_text(name)

    def of_words(self, span: Span) -> Holder | None:
        """`_of_words`, with a people's authorities or forces as the body that governs or fights for it in
        the article's setting ("Kurdish authorities" in Syria: the Kurdish-led administration)."""
        holder = self._of_words(span)
        if any(t.dep_ == "compound" and t.head.i == span.root.i for t in span):
            return holder  # "Kurdish peshmerga forces": the phrase names its force itself
        return self._people_body(holder, span.root.lower_)

    def _of_words(self, span: Span) -> Holder | None:
        """A group phrase ("Iranian officials", "Kurdish militias", "the west"), a document of a body ("the
        security council resolution") or a profile alias, as a party."""
        head = span.root
        lemma = head.lemma_.lower()
        if head.lower_ in STATE_POSSESSED and any(c.dep_ == "poss" for c in head.children):
            return self.of_token(next(c for c in head.children if c.dep_ == "poss"))
        if self.profile is not None:
            named = self.profile.party_in(span.text)
            if named is not None:
                return Holder(named, None, None, True)
        people = self.lexicon.peoples.get(head.lower_)
        if people is not None:
            return Holder(self._profiled(people), None, None, True)
        entry = self._entry(head.text)  # "the Iranians", "Damascus"
        if entry is not None:
            return self._of_entry(entry)
        if lemma in self.lexicon.document_heads or head.lower_ in self.lexicon.document_heads:
            return self._of_document(head)
        modifiers = [t.text for t in span if t.i != head.i]
        if lemma in self.lexicon.collective_heads or head.lower_ in self.lexicon.collective_heads:
            return self._country_in(modifiers, official=True)
        if lemma in self.lexicon.group_heads or head.lower_ in self.lexicon.group_heads:
            return self._people_in(modifiers) or self._body_attached(head)
        return None

    def _body_attached(self, head: Token) -> Holder | None:
        """An armed or political group named in a group phrase's attachments ("opposition groups, under
        the umbrella of the High Negotiations Committee")."""
        if self.actors is None:
            return None
        for token in head.subtree:
            if token.i == head.i or token.pos_ != "PROPN":
                continue
            actor = self._actor_at(token.idx, token.idx + len(token))
            if actor is not None and getattr(actor, "kind", None) in ("group", "organisation") and getattr(actor, "sector", None) in POLITICAL_GROUPS:
                return self._of_actor(actor)
        return None

    def _of_document(self, head: Token) -> Holder | None:
        """The body a document speaks for: named in its modifiers or by-phrase ("passed by the council")."""
        left = [c for c in head.children if c.dep_ in ("compound", "amod", "poss", "nmod")]
        if left and self.actors is not None:
            start, end = min(c.left_edge.idx for c in left), max(c.right_edge.idx + len(c.right_edge) for c in left)
            holder = self._of_actor(self._actor_at(start, end))
            if holder is not None:
                return holder
        for child in head.children:
            if child.dep_ in ("acl", "relcl"):
                for agent in (a for g in child.children if g.dep_ == "agent" for a in g.children if a.dep_ == "pobj"):
                    holder = self.of_token(agent, 2)
                    if holder is not None:
                        return holder
        words = [t.text for c in left for t in c.subtree]
        entry = self._entry(" ".join(words[-2:])) if len(words) >= 2 else None  # "security council"
        if entry is not None:
            return self._of_entry(entry)
        return self._country_in(words, official=True) if left else None

    def _people_in(self, words: list[str]) -> Holder | None:
        """The people or movement one of the words names ("Kurdish"), as a party."""
        for word in words:
            people = self.lexicon.peoples.get(word.lower())
            if people is not None:
                return Holder(self._profiled(people), None, None, True)
        return None

    def _of_text(self, text: str) -> Holder | None:
        """A group phrase given as text (a quote's unresolved speaker: "Iranian officials"), a people's
        authorities or forces as their body (`of_words`)."""
        words = text.split()
        return self._people_body(self._of_text_plain(text), words[-1].lower() if words else "")

    def _of_text_plain(self, text: str) -> Holder | None:
        """`_of_text` before a people's phrase is read as its body."""
        if self.profile is not None:
            named = self.profile.party_in(text)
            if named is not None:
                return Holder(named, None, None, True)
        words = text.replace("’", "'").split()
        if not words:
            return None
        last = words[-1].lower()
        if last in self.lexicon.collective_heads:
            return self._country_in(words[:-1], official=True)
        if last in self.lexicon.group_heads:
            return self._people_in(words[:-1])
        return None

    def _country_in(self, words: list[str], *, official: bool) -> Holder | None:
        """The country (by name, alias or demonym) or people that one of the words names."""
        for size in (3, 2, 1):
            for i in range(len(words) - size + 1):
                text = " ".join(words[i:i + size]).strip("'’s").strip()
                people = self.lexicon.peoples.get(text.lower())
                if people:
                    return Holder(self._profiled(people), None, None, official)
                entry = self._entry(text)
                if entry is not None:
                    return Holder(self._profiled(entry.name), entry.country, None, official)
        return None

    def _entry(self, text: str) -> Any | None:
        """The dictionary's country or organisation entry a written form names, or None."""
        if self.dictionary is None or not text:
            return None
        # the dictionary's forms are case-sensitive; "the security council" is its "Security Council"
        for form in dict.fromkeys((text, text.title() if text.islower() and " " in text else text)):
            for surface in self.dictionary.surfaces.get(form, ()):
                entry = surface.entry
                if entry is not None and entry.kind in ("country", "organisation", "group"):
                    return entry
        return None

    def _of_entry(self, entry: Any) -> Holder | None:
        """A dictionary entry (country, organisation, group) as a party."""
        if entry.kind == "organisation" and entry.sector == "media":
            return None
        if (entry.kind == "organisation" and entry.country and entry.sector != "igo_ngo"
                and entry.sector not in POLITICAL_GROUPS):
            return self._country_holder(entry.country, via=None, official=True)
        code = entry.country if entry.kind == "country" else _state_code(entry.country, entry.sector)
        return Holder(self._profiled(entry.name), code, None, True)

    def _actor_at(self, start: int, end: int) -> Any | None:
        """The actor a span names, or None."""
        try:
            return self.actors.at(start, end)
        except (AttributeError, IndexError):
            return None

    def _of_actor(self, actor: Any | None) -> Holder | None:
        """The party an actor stands for, or None (media outlets and private people hold no positions)."""
        if actor is None:
            return None
        actor = context.full_name(self.actors, actor)
        kind, sector = getattr(actor, "kind", None), getattr(actor, "sector", None)
        if kind == "country":
            return Holder(self._profiled(actor.name), actor.country, None, True)
        if kind == "group":
            return Holder(self._profiled(actor.name), _state_code(actor.country, sector), None, True)
        if kind == "organisation":
            if sector == "media":
                return None
            if sector in POLITICAL_GROUPS:  # a party or movement speaks for itself, not for its state
                return Holder(self._profiled(actor.name), None, None, True)
            if actor.country is None and sector != "igo_ngo":
                stated = self._of_unstated_office(actor, actor.name)
                if stated is not None:
                    return stated
            if sector == "igo_ngo" or actor.country is None:
                return Holder(self._profiled(actor.name), actor.country, None, True)
            return self._country_holder(actor.country, via=actor.name, official=sector != "expert")
        # a person: their organisation when their role names one, else their state
        role, country = actor.role, actor.country
        if sector is None and country is None and role is None:
            sector, country, role = self._known_person(actor.name)
        official = sector not in NON_OFFICIAL
        body = self._body_in_role(role) if sector not in COMMENTATORS else None
        if body is not None:
            return Holder(self._profiled(body.name), _state_code(body.country, body.sector), actor.name, official)
        if country is None and sector not in NON_OFFICIAL and sector not in POLITICAL_GROUPS and sector != "civilian":
            return self._of_unstated_office(actor, role)
        if sector == "civilian" or sector in POLITICAL_GROUPS or country is None:
            return None  # an opposition politician or a fighter whose group is not named speaks for no state
        return self._country_holder(country, via=actor.name, official=official)

    def _known_person(self, name: str) -> tuple[str | None, str | None, str | None]:
        """Sector, country and role of a person the actor stage left bare, from the dictionary (its forms
        are case-sensitive: "De Mistura" opening a sentence is "de Mistura")."""
        if self.dictionary is None or not name:
            return None, None, None
        for form in (name, name[:1].lower() + name[1:]):
            for surface in self.dictionary.surfaces.get(form, ()):
                entry = surface.entry
                if entry is not None and entry.kind == "person":
                    office = entry.offices[-1] if entry.offices else None
                    return (office.sector if office else entry.sector), (office.country if office else entry.country), (office.role if office else None)
        return None, None, None

    def _country_holder(self, code: str, *, via: str | None, official: bool) -> Holder | None:
        """The state with this ISO code as a party."""
        entry = self.dictionary.by_code.get(code) if self.dictionary is not None else None
        name = entry.name if entry is not None else code
        return Holder(self._profiled(name), code, via, official)

    def _body_in_role(self, role: str | None) -> Any | None:
        """The organisation or armed group a role names ("UN special envoy", "SDF spokesman"), or None."""
        if not role or self.dictionary is None:
            return None
        words = role.replace("’", "'").split()
        for i in range(len(words)):
            for size in (4, 3, 2, 1):
                text = " ".join(words[i:i + size]).removesuffix("'s")
                entry = self._entry(text)
                if entry is not None and entry.kind in ("organisation", "group") and entry.sector in OWN_VOICE_BODIES:
                    return entry
                if entry is not None and entry.kind == "country":
                    return None  # "adviser to Iran's supreme leader": the state, by country
        return None

    # -- context: what the article said before stands in for what a phrase leaves unsaid (context.py) --

    def _of_unstated_office(self, actor: Any, office: str | None) -> Holder | None:
        """The state of a government body or official whose name or role names no state ("the Ministry of
        Commerce", "Vice-Minister of Commerce Wang Shouwen"): a state in its words, else the publisher's (a
        paper leaves its own state's offices unqualified: "the Home Office"), else the state of the voice just
        before it. None for anything else."""
        if not context.is_government(office):
            return None  # "a western official", "a diplomat", a parliament: their state is not the last voice's
        named = self._country_in((office or "").replace(",", " ").split(), official=True)
        if named is not None and named.country:
            return self._country_holder(named.country, via=actor.name, official=True)
        code = self.home or context.voice_state(self.quotes, context.first_mention(actor))
        return self._country_holder(code, via=actor.name, official=True) if code else None

    def _people_body(self, holder: Holder | None, head: str) -> Holder | None:
        """A people's authorities or forces (holders.yaml `people_bodies`) as the body of the article's
        setting; any other holder as it is."""
        if holder is None or holder.country is not None:
            return holder
        body = context.people_body(holder.party, head, self._setting)
        if body is None:
            return holder
        entry = self._entry(body)
        return self._of_entry(entry) if entry is not None else Holder(self._profiled(body), None, None, True)

    def _setting(self, states: Iterable[str]) -> str | None:
        """Of the given states, the one the article names most (None on a tie or when it names none)."""
        counts = {code: 0 for code in states}
        for actor in getattr(self.actors, "actors", ()) or ():
            if actor.kind == "country" and actor.country in counts:
                counts[actor.country] += len(actor.mentions)
        ranked = sorted(counts.items(), key=lambda kv: -kv[1])
        if not ranked or ranked[0][1] == 0 or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
            return None
        return ranked[0][0]

    def _of_earlier(self, token: Token, depth: int, kind: str | None = None) -> Holder | None:
        """The holder a pronoun or role noun that names none stands for ("he said", "the ministry said"):
        the nearest earlier subject or quote speaker, of its kind (a person for "he", a body for "it"),
        in its sentence or the few before. `kind` overrides what the word itself says ("any" for the "we" of
        a quotation whose speaker the quote stage left unnamed)."""
        kind = (kind or context.points_back(token)) if depth <= 3 else None
        if kind is None or token.dep_ not in ("nsubj", "nsubjpass", "pobj"):
            return None
        for source, quote in context.earlier_sources(token, self.actors, self.quotes):
            if kind != "any" and context.kind_of(self.actors, source, quote) != kind:
                continue
            holder = self.of_speaker(quote) if quote is not None else self.of_token(source, depth + 1)
            if holder is not None:
                return holder
        return None

    def _profiled(self, name: str) -> str:
        """The profile's name for a party (its aliases may merge several actors), else the name."""
        if self.profile is not None:
            return self.profile.party(name) or name
        return name


def _state_code(country: str | None, sector: str | None) -> str | None:
    """The country code a group or body holds positions under: none for a non-state actor (the guideline's
    `actor_country` is null for armed groups, movements and parties), the state's for one that governs."""
    return country if sector == "government" else None


def _reporting_subject(pronoun: Token) -> Token | None:
    """The subject of the speech verb whose reported clause holds the pronoun ("[officials] say they ...")."""
    current = pronoun.head
    for _ in range(5):
        if current.dep_ == "ccomp":
            return next((c for c in current.head.children if c.dep_ == "nsubj" and c.lower_ not in THIRD_PERSON), None)
        if current.dep_ not in ("conj", "xcomp", "advcl", "acomp") or current.head is current:
            return None
        current = current.head
    return None


def _main_subject(pronoun: Token) -> Token | None:
    """The subject of the main clause a pronoun's subordinate clause hangs from, when it is no pronoun."""
    verb = pronoun.head
    if pronoun.dep_ not in ("nsubj", "nsubjpass") or verb.dep_ not in ("advcl", "conj"):
        return None
    subject = next((c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subject if subject is not None and subject.pos_ != "PRON" else None


def _earlier_subject(pronoun: Token) -> Token | None:
    """The last noun subject before a "they"/"it" subject in its sentence, agreeing in number ("the
    opposition groups ... are opposed to X; they still put their faith in Y")."""
    if pronoun.dep_ not in ("nsubj", "nsubjpass") or pronoun.lower_ not in ANAPHORIC_SUBJECTS:
        return None
    plural = pronoun.lower_ == "they"
    for token in reversed(pronoun.doc[pronoun.sent.start:pronoun.i]):
        if token.dep_ in ("nsubj", "nsubjpass") and token.pos_ in ("NOUN", "PROPN"):
            many = token.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in token.children)
            return token if many == plural else None
    return None


def _phrase(token: Token) -> Span:
    """The noun phrase a token heads, without relative clauses, appositions or coordinated phrases."""
    doc = token.doc
    cut = {"relcl", "appos", "conj", "cc", "acl", "punct", "prep", "advcl"}
    left = token.i
    for child in token.lefts:
        if child.dep_ not in cut:
            left = min(left, child.left_edge.i)
    right = token.i
    for child in token.rights:
        if child.dep_ in ("case",):  # "Iran 's"
            right = max(right, child.i)
    return doc[left:right + 1]
