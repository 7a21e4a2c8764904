"""Stance classification from cue words: which stance a cue shows in its clause, on what, held by whom.

Verbs ("demand", "reject", "refused to negotiate"), predicative adjectives ("ready to discuss",
"non-negotiable"), nouns that name their holder ("Trump's demand", "preconditions put forward by
Washington") and multi-word phrases ("a red line", "off the table", "draw the line at") each read their
clause differently; negation flips or drops a stance as the lexicon says.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from .finding import Finding
from .lexicon import Cue, Phrase, StanceLexicon
from .syntax import (OBJECTS, agents, conjuncts, direct_objects, governing_verb, has_child, is_passive, negation,
                     prep_objects, subjects)

COPULAS = frozenset({"be", "remain", "stay", "seem", "appear", "become"})
WH_WORDS = frozenset({"what", "whatever", "which", "how"})
NOUN_PREPS = frozenset({"for", "on", "to", "of", "over", "about", "against", "regarding", "that"})
PARTYLIKE = frozenset({"PROPN", "PRON"})


def cue_findings(sent: Span, lexicon: StanceLexicon, phrases: list[tuple[int, int, Phrase]]) -> list[Finding]:
    """Every stance a cue word or phrase shows in the sentence."""
    found: list[Finding] = []
    if sent.text.rstrip(" ”\"'’").endswith("?"):
        return found  # a question takes no position
    in_phrase = {i for start, end, _ in phrases for i in range(start, end)}
    for start, end, phrase in phrases:
        finding = _phrase_finding(sent, sent.doc[start:end], phrase, lexicon)
        if finding is not None:
            found.append(finding)
    cue_words = lexicon.cue_words
    for token in sent:
        if token.i in in_phrase or (token.lemma_.lower() not in cue_words and token.lower_ not in cue_words):
            continue  # the cheap test first: most words are no cue
        if _in_condition(token, lexicon) or _hedged(token, lexicon):
            continue
        finding = _token_finding(sent, token, lexicon)
        if finding is not None:
            found.append(finding)
    return found


def _in_condition(token: Token, lexicon: StanceLexicon) -> bool:
    """True for a word inside an "if"/"unless" clause: what it says is hypothetical (conditions.py reads it)."""
    marks = lexicon.condition_marks | lexicon.condition_marks_only | lexicon.condition_marks_negated
    current = token
    for _ in range(8):
        if current.dep_ == "advcl" and any(c.dep_ == "mark" and (c.lower_ in marks or _so_long_as(c)) for c in current.children):
            return not _asks(current.head, lexicon)
        if current.head is current:
            return False
        current = current.head
    return False


def _hedged(token: Token, lexicon: StanceLexicon) -> bool:
    """True for a cue the sentence only guesses at: under "appears to" / "seems to", in an indirect
    question ("how far it is ready to ...", "whether it would accept") or in a clause used as a subject."""
    current = token
    for _ in range(6):
        if current.dep_ in ("csubj", "csubjpass"):
            return True
        if current.pos_ in ("VERB", "AUX") and any(
            c.lower_ in ("how", "whether") or any(g.lower_ == "how" for g in c.children) for c in current.children
            if c.dep_ in ("advmod", "mark")
        ):
            return True
        if current.dep_ == "xcomp" and current.head.lemma_.lower() in lexicon.hedges:
            return True
        if current.dep_ not in ("xcomp", "acomp", "prep", "pobj", "pcomp", "amod", "compound", "dobj", "aux") or current.head is current:
            return False
        current = current.head
    return False


def _asks(head: Token, lexicon: StanceLexicon) -> bool:
    """True when an "if" clause hangs from "it is unclear": an indirect question, not a condition."""
    return any(c.dep_ == "acomp" and c.lemma_.lower() in lexicon.question_adjectives for c in head.children)


def _so_long_as(mark: Token) -> bool:
    """True for the "as" of "so long as" / "as long as"."""
    return mark.lower_ == "as" and mark.i > 0 and mark.doc[mark.i - 1].lower_ == "long"


def _token_finding(sent: Span, token: Token, lexicon: StanceLexicon) -> Finding | None:
    """The stance one token shows as a verb, adjective or noun cue, or None."""
    lemma = token.lemma_.lower()
    if token.pos_ == "VERB" and token.dep_ in ("dobj", "pobj", "nsubj", "nsubjpass") and lemma in lexicon.nouns:
        return _noun_finding(sent, token, lexicon.nouns[lemma], lexicon)  # "Erdoğan's calls" tagged a verb
    if token.pos_ in ("VERB", "AUX") and lemma in lexicon.verbs:
        return _verb_finding(sent, token, lexicon.verbs[lemma], lexicon)
    if token.pos_ == "ADJ" and (lemma in lexicon.adjectives or token.lower_ in lexicon.adjectives):
        return _adjective_finding(sent, token, lexicon.adjectives.get(lemma) or lexicon.adjectives[token.lower_], lexicon)
    if token.pos_ in ("NOUN", "PROPN") and lemma in lexicon.nouns:
        return _noun_finding(sent, token, lexicon.nouns[lemma], lexicon)
    if token.pos_ == "VERB" and token.lower_ in lexicon.adjectives and token.dep_ in ("acomp", "amod"):
        return _adjective_finding(sent, token, lexicon.adjectives[token.lower_], lexicon)  # "prepared", "determined"
    return None


def _stance(cue: Cue, token: Token, lexicon: StanceLexicon, stance: str | None = None) -> str | None:
    """The stance a cue shows given its negation (None: no position)."""
    neg = negation(token, lexicon)
    if neg.never:
        return cue.never
    if neg.negated:
        return cue.negated
    return stance if stance is not None else cue.stance


def _verb_finding(sent: Span, verb: Token, cue: Cue, lexicon: StanceLexicon) -> Finding | None:
    """A verb cue: its subject holds the stance, its complement or object is the issue."""
    if verb.dep_ == "amod":  # "a U.S.-proposed ceasefire plan": the noun is the issue
        return _participle_finding(sent, verb, cue, lexicon)
    if _requested(verb, lexicon) or _under_adjective_cue(verb, lexicon):
        return None  # "urged X not to attend", "not averse to negotiating": the outer cue reads it
    if verb.dep_ == "relcl" and any(c.dep_ == "advmod" and c.lower_ in ("where", "when") for c in verb.children):
        return None  # "where we want to be": a relative clause of place or time
    stance, objects, special = cue.stance, [], False
    for prep, prep_stance in cue.prep_stances.items():
        against = prep_objects(verb, frozenset({prep}))
        if against:
            stance, objects, special = prep_stance, against, True
    if not objects and cue.preps:
        objects = prep_objects(verb, cue.preps)
        if not objects and has_child(verb, ("prt",), cue.preps):  # "give in to X", "rule out X"
            objects = [c for c in verb.children if c.dep_ in OBJECTS] + prep_objects(verb, frozenset({"to", "on", "over"}))
        if not objects and not has_child(verb, ("prt", "prep"), cue.preps):
            return None
    if not special and cue.needs and not _meets(verb, cue.needs):
        return None
    if cue.not_with and (_meets(verb, cue.not_with) or has_child(verb, ("prep",), cue.not_with)):
        return None
    if cue.deontic and not _deontic(verb, lexicon):
        return None
    if _complement_is_cue(verb, lexicon) or _no_comment(verb, lexicon) or _asks_question(verb):
        return None
    stance = _stance(cue, verb, lexicon, stance)
    if stance is None:
        return None
    if is_passive(verb) and not agents(verb):
        return None  # "the sum demanded", "it was rejected": nobody named holds it
    objects = _issue_objects(objects, verb, lexicon)
    if any(o.lower_ in WH_WORDS for o in objects) or has_child(verb, ("dobj", "pobj"), WH_WORDS):
        return None  # "what Iran can offer" is no offer
    if objects and all(o.lemma_.lower() in lexicon.not_issues or o.lower_ in lexicon.not_issues for o in objects):
        return None  # "rejected reports that ...": a denial, not a position
    if cue.holder == "object":  # "a plan that incensed Turkey": Turkey rejects the plan
        held = [c for c in verb.children if c.dep_ == "dobj"]
        issue = [_antecedent(c) for c in verb.children if c.dep_ == "nsubj"]
        return Finding(stance, verb, sent, conjuncts(held[0]), _expand(issue, lexicon)) if held and issue else None
    if cue.holder == "voice":  # "Syria requires post-Assad leadership", Tillerson said
        return Finding(stance, verb, sent, [], _expand(objects, lexicon), kind="voice")
    if stance == "demand":
        objects = objects + _purposes(objects)
    return Finding(stance, verb, sent, subjects(verb), _expand(objects, lexicon))


def _purposes(objects: list[Token]) -> list[Token]:
    """Purpose clauses of a wanted action, which are wanted too ("intends to maintain a presence ... to
    provide a bulwark against Iranian influence, ensure the departure of the regime")."""
    found = []
    for obj in objects:
        if obj.pos_ != "VERB":
            continue
        for clause in obj.children:
            if clause.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children):
                found.append(clause)
    return found


def _issue_objects(objects: list[Token], verb: Token, lexicon: StanceLexicon) -> list[Token]:
    """The issue words of a verb cue: given prepositional objects unless they name a party and a
    complement says what is asked ("called on the government to intervene"); else the verb's own."""
    complements = [c for c in verb.children if c.dep_ in ("xcomp", "ccomp")]
    if objects and complements and all(_partylike(o, lexicon) for o in objects):
        return complements
    objects = objects or _verb_objects(verb, lexicon)
    if not objects and any(c.dep_ in ("nsubjpass",) for c in verb.children):
        objects = [c for c in verb.children if c.dep_ == "nsubjpass"]  # "participation has been blocked"
    if not objects:  # "will not stand by and watch an attack": the coordinated verb's object
        objects = [o for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB" for o in _verb_objects(c, lexicon)]
    objects = [_antecedent(o) for o in objects]
    # dates are no issues; a possessor parsed as an object ("rejected Erdoğan['s] calls") neither
    return [o for o in objects if o.ent_type_ not in ("DATE", "TIME") and not has_child(o, ("case",))]


def _antecedent(token: Token) -> Token:
    """What a relative pronoun stands for ("forces, whom Ankara never accepted" -> forces)."""
    if token.lower_ in ("who", "whom", "which", "that") and token.head.dep_ == "relcl":
        return token.head.head
    return token


def _under_adjective_cue(verb: Token, lexicon: StanceLexicon) -> bool:
    """True for a verb complementing a stance adjective ("ready to negotiate", "averse to negotiating")."""
    head = verb.head
    if verb.dep_ == "pcomp" and head.dep_ == "prep":
        head = head.head
    elif verb.dep_ != "xcomp":
        return False
    return head.pos_ == "ADJ" and head.lemma_.lower() in lexicon.adjectives


def _requested(verb: Token, lexicon: StanceLexicon) -> bool:
    """True for the complement of a demand made to someone ("urged X not to attend", "asked them to
    reject"); "insisted it would not participate" is the insisting party's own position."""
    if verb.dep_ not in ("xcomp", "ccomp"):
        return False
    head = lexicon.verbs.get(verb.head.lemma_.lower())
    if head is None or head.stance != "demand" or verb.head.pos_ not in ("VERB", "AUX"):
        return False
    if head.needs and not _meets(verb.head, head.needs):
        return False  # "officials told the Guardian [Baghdad has asked ...]": no demand
    addressee = any(c.dep_ in ("dobj", "dative") for c in verb.head.children) or any(
        c.dep_ == "prep" and c.lower_ in ("on", "with", "to") for c in verb.head.children)
    return addressee


def _deontic(verb: Token, lexicon: StanceLexicon) -> bool:
    """True unless the cue's clause complement states a fact ("insisted that Sochi is a complement")."""
    clauses = [c for c in verb.children if c.dep_ in ("ccomp", "acl") and c.pos_ in ("VERB", "AUX")]
    if not clauses:
        return True
    clause = clauses[0]
    modal = any(c.dep_ == "aux" and c.lower_ in lexicon.deontic_modals | {"would", "will", "'ll"} for c in clause.children)
    return modal or clause.tag_ == "VB"


def _asks_question(verb: Token) -> bool:
    """True for a cue whose clause complement is a question ("asked why we are fighting ...")."""
    for clause in (c for c in verb.children if c.dep_ == "ccomp"):
        first = clause.left_edge
        if first.lower_ in ("why", "what", "how", "who", "when", "where", "whether") or first.tag_ in ("WRB", "WP"):
            return True
    return False


def _no_comment(verb: Token, lexicon: StanceLexicon) -> bool:
    """True for "declined to comment", "refused to confirm": no position."""
    if verb.lemma_.lower() not in lexicon.negating_verbs:
        return False
    return any(c.dep_ == "xcomp" and c.lemma_.lower() in lexicon.no_comment for c in verb.children)


def _meets(verb: Token, needs: frozenset[str]) -> bool:
    """True when the verb has one of the complements the cue needs."""
    deps = {c.dep_ for c in verb.children}
    if "nsubjpass" in deps:
        deps.add("dobj")  # "the plan was advanced by the Russians"
    preps = {c.lower_ for c in verb.children if c.dep_ == "prep"}
    checks = {
        "xcomp": "xcomp" in deps, "ccomp": "ccomp" in deps, "dobj": "dobj" in deps, "oprd": "oprd" in deps,
        "as": "as" in preps,
        "prep_for": "for" in preps, "prep_to": "to" in preps, "prep_into": "into" in preps, "prep_with": "with" in preps,
        "dobj_xcomp": "dobj" in deps and "xcomp" in deps,
    }
    return any(checks.get(need, False) for need in needs)


def _complement_is_cue(verb: Token, lexicon: StanceLexicon) -> bool:
    """True for a negating verb whose complement is itself a cue ("declined to discuss")."""
    if verb.lemma_.lower() not in lexicon.negating_verbs:
        return False
    return any(c.dep_ == "xcomp" and c.lemma_.lower() in lexicon.verbs for c in verb.children)


def _verb_objects(verb: Token, lexicon: StanceLexicon) -> list[Token]:
    """The issue words of a verb cue: its clause or infinitive complement, else its object or prepositional
    object; when the object is a party ("urged Russia to ..."), the complement."""
    complements = [c for c in verb.children if c.dep_ in ("xcomp", "ccomp")]
    direct = direct_objects(verb)
    if direct and all(_partylike(d, lexicon) for d in direct) and not complements:
        # "lobbying Iraqi officials for access to Mount Sinjar": what is asked for, not of whom
        asked = [o for o in prep_objects(verb, frozenset({"for", "on", "over", "about"})) if not _partylike(o, lexicon)]
        if asked:
            return asked
    if direct and not (complements and direct[0].pos_ in PARTYLIKE | {"NOUN"} and _partylike(direct[0], lexicon)):
        return direct
    if complements:
        return complements
    if direct:
        return direct
    return [o for o in prep_objects(verb, lexicon.issues.keep_preps) if not _partylike(o, lexicon)]


def _partylike(token: Token, lexicon: StanceLexicon) -> bool:
    """True for a word that names a party rather than an issue (a name, pronoun or "the government")."""
    lemma = token.lemma_.lower()
    return token.pos_ in PARTYLIKE or lemma in lexicon.collective_heads or lemma in lexicon.party_nouns


def _expand(objects: list[Token], lexicon: StanceLexicon) -> list[Token]:
    """Issue head words: light complement verbs stepped through ("ready to discuss X" -> X), coordinated
    objects split ("limits on X, and an end to Y")."""
    heads: list[Token] = []
    for obj in objects:
        for token in (conjuncts(obj) if _split(obj) else [obj]):
            for head in _through_light(token, lexicon, 0):
                if head not in heads:
                    heads.append(head)
    return heads


def _split(token: Token) -> bool:
    """True when coordinated objects are separate issues ("limits on X, and an end to Y"), False when they
    are one ("fighters and their wives", "repatriate and prosecute their citizens")."""
    group = conjuncts(token)
    if len(group) < 2:
        return False
    if token.pos_ in ("VERB", "AUX"):
        return all(any(c.dep_ in OBJECTS or c.dep_ == "prep" for c in t.children) for t in group)
    return any(any(c.dep_ in ("prep", "acl", "compound", "amod", "relcl") for c in t.children) for t in group)


def _through_light(token: Token, lexicon: StanceLexicon, depth: int) -> list[Token]:
    """The objects of a light verb ("discuss", "address", "focus on") or of a stance adjective ("willing
    to get rid of X"), else the token itself."""
    if depth > 3:
        return [token]
    if token.pos_ == "ADJ" and token.lemma_.lower() in lexicon.adjectives:
        inner = [c for c in token.children if c.dep_ in ("xcomp", "ccomp")]
        return [h for i in inner for h in _through_light(i, lexicon, depth + 1)] or [token]
    if token.pos_ not in ("VERB", "AUX") or token.lemma_.lower() not in lexicon.light_verbs or has_child(token, ("prt",)):
        return [token]  # "take back" is no light verb
    inner = [c for c in token.children if c.dep_ in OBJECTS and c.lower_ not in WH_WORDS]
    inner = inner or prep_objects(token, lexicon.issues.keep_preps)
    inner = inner or [c for c in token.children if c.dep_ in ("xcomp", "ccomp", "acomp")]
    if not inner:
        return [token]
    return [h for i in inner for c in conjuncts(i) for h in _through_light(c, lexicon, depth + 1)]


def _adjective_finding(sent: Span, adj: Token, cue: Cue, lexicon: StanceLexicon) -> Finding | None:
    """A predicative adjective: "ready to discuss X" (the subject holds it), "X is non-negotiable" (the
    subject is the issue, held by its possessor or whoever says so)."""
    if adj.dep_ == "amod" and adj.pos_ == "ADJ":
        return None
    stance = _stance(cue, adj, lexicon)
    if stance is None:
        return None
    complements = [c for c in adj.children if c.dep_ in ("xcomp", "ccomp")]
    complements += prep_objects(adj, cue.preps or frozenset({"to", "about", "on"}))
    if complements:
        return Finding(stance, adj, sent, subjects(adj), _expand(complements, lexicon))
    return _said_of(sent, adj, stance, lexicon) if cue.said_of else None


def _said_of(sent: Span, cue: Token, stance: str, lexicon: StanceLexicon) -> Finding:
    """A predicate cue ("X is non-negotiable", "X is off the table", "Y views X as a red line"): the issue
    is what it is said of, the holder the viewer, the issue's possessor, or the voice of the sentence."""
    verb = governing_verb(cue)
    if verb.lemma_.lower() in COPULAS or verb is cue:
        issue = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c is not cue), None)
        objects = [issue] if issue is not None else []
        owner = _possessor(issue) if issue is not None else None
        region = None if objects else (sent.start, cue.i)
        return Finding(stance, cue, sent, [], _expand(objects, lexicon) or _nouns_before(sent, cue), region, owner)
    issue = next((c for c in verb.children if c.dep_ in OBJECTS and c is not cue and not cue.is_ancestor(c) and c.i != cue.i), None)
    if issue is None:  # "was seen by Kurdish leaders as a deal-breaker": the passive subject
        issue = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    objects = [issue] if issue is not None else []
    return Finding(stance, cue, sent, subjects(verb), _expand(objects, lexicon), None, _possessor(issue) if issue is not None else None)


def _nouns_before(sent: Span, cue: Token) -> list[Token]:
    """Heads of the noun phrases before the cue in its sentence (a predicate whose subject the parse lost)."""
    return [c.root for c in sent.noun_chunks if c.end <= cue.i and c.root.pos_ == "NOUN"][-2:]


def _possessor(token: Token | None) -> Token | None:
    """The possessive modifier of a noun ("our missiles", "the Islamic Republic's capabilities")."""
    if token is None:
        return None
    return next((c for c in token.children if c.dep_ == "poss"), None)


def _noun_finding(sent: Span, noun: Token, cue: Cue, lexicon: StanceLexicon) -> Finding | None:
    """A noun cue that names its holder ("Trump's demand that ...", "Iraqi pre-conditions include ...")."""
    if cue.preps and not prep_objects(noun, cue.preps):
        return None
    stance = cue.stance
    if stance is None:
        return None
    if cue.deontic and not _deontic(noun, lexicon):
        return None  # "his insistence that there was no distinction": a claim
    holders = _noun_holders(noun)
    verb = noun.head
    if not holders and noun.dep_ in ("dobj", "nsubjpass") and verb.lemma_.lower() in lexicon.noun_cue_verbs:
        holders = subjects(verb)
    if not holders and noun.dep_ == "attr" and verb.lemma_.lower() in COPULAS and verb.dep_ == "ccomp":
        # "the west has insisted that Assad's departure must be a precondition": the insisting party's
        issue = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        return Finding(stance, noun, sent, subjects(verb.head), _expand(issue, lexicon)) if issue else None
    if not holders and cue.own_holder:
        return None
    if not cue.own_holder and not holders:
        return _said_of(sent, noun, stance, lexicon)
    return Finding(stance, noun, sent, holders, _expand(_noun_objects(noun, lexicon), lexicon))


def _noun_holders(noun: Token) -> list[Token]:
    """Who a noun cue belongs to: possessor, party modifier, or by-phrase ("put forward by Washington")."""
    for child in _word_parts(noun):
        if child.dep_ == "poss":
            return conjuncts(child)
    before = noun.doc[noun.i - 1] if noun.i > 0 else None
    if before is not None and before.dep_ == "case" and before.head.pos_ == "PROPN" and before.head.i < noun.i:
        return [before.head]  # "Erdoğan 's calls" with the possessor parsed apart
    for child in _word_parts(noun):
        # a name, or a capitalised adjective ("Iraqi") that is not merely opening the sentence ("Other")
        if child.dep_ in ("compound", "amod") and (child.pos_ == "PROPN" or child.tag_ == "JJ" and child.text[:1].isupper() and not child.is_sent_start):
            return [child]
        if child.dep_ == "acl":
            found = [a for g in child.children if g.dep_ == "agent" for a in g.children if a.dep_ == "pobj"]
            if found:
                return conjuncts(found[0])
        if child.dep_ == "prep" and child.lower_ in ("by", "from"):
            found = [c for c in child.children if c.dep_ == "pobj"]
            if found:
                return conjuncts(found[0])
    return []


def _word_parts(noun: Token) -> list[Token]:
    """The children of a noun and of the parts of its hyphenated word ("Iraqi [pre]-[conditions]")."""
    parts = [noun]
    i = noun.i
    while i >= 2 and noun.doc[i - 1].text == "-" and not noun.doc[i - 2].whitespace_:
        parts.append(noun.doc[i - 2])
        i -= 2
    return [c for part in parts for c in part.children if c not in parts and c.text != "-"]


def _noun_objects(noun: Token, lexicon: StanceLexicon) -> list[Token]:
    """What a noun cue is about: its complement clause or prepositional object, the list after a colon,
    or, as the subject of "include"/"be", that verb's objects."""
    found = [c for c in noun.children if c.dep_ in ("acl", "ccomp") and c.pos_ in ("VERB", "AUX") and not has_child(c, ("agent",))]
    # "assurances that Syrian Kurds will be entitled ...": a content clause the parse took for a relative one
    found += [c for c in noun.children if c.dep_ == "relcl" and any(m.dep_ == "mark" for m in c.children)]
    found += [o for c in noun.children if c.dep_ == "prep" and c.lower_ in NOUN_PREPS for o in c.children if o.dep_ in ("pobj", "pcomp")]
    if not found:
        found = [t for t in noun.subtree if t.i > noun.i and t.dep_ == "appos" and t.pos_ == "NOUN"]
    if not found and noun.dep_ in ("nsubj", "nsubjpass") and noun.head.lemma_.lower() in ("include", "be", "involve", "comprise"):
        found = direct_objects(noun.head)
    if not found and noun.dep_ == "dobj":  # "gave assurances to X that ...": the clause hangs from the verb
        found = [c for c in noun.head.children if c.dep_ == "ccomp"]
    return found


def _participle_finding(sent: Span, verb: Token, cue: Cue, lexicon: StanceLexicon) -> Finding | None:
    """"a U.S.-proposed plan", "its proposed conference": the noun is the issue, its modifier the holder."""
    if cue.stance is None:
        return None
    noun = verb.head
    holders = [c for c in verb.children if c.dep_ in ("npadvmod", "compound") and c.pos_ == "PROPN"]
    holders = holders or [c for c in noun.children if c.dep_ in ("poss", "compound") and c.pos_ in PARTYLIKE]
    if not holders and noun.dep_ in OBJECTS and noun.head.lemma_.lower() in lexicon.noun_cue_verbs:
        holders = subjects(noun.head)  # "he set out a proposed timetable"
    if not holders:
        return None
    return Finding(cue.stance, verb, sent, holders, [noun])


def _phrase_finding(sent: Span, span: Span, phrase: Phrase, lexicon: StanceLexicon) -> Finding | None:
    """A multi-word cue: "draw the line at X" takes the words after it; "a red line", "off the table" and
    "not negotiable" are said of something."""
    if phrase.stance is None:
        return None
    if phrase.role == "object":
        last = span[-1]
        objects = [c for c in last.children if c.dep_ in ("pobj", "pcomp")] or [t for t in sent if t.i >= span.end and t.dep_ == "pobj"][:1]
        verb = governing_verb(span[0])
        return Finding(phrase.stance, span.root, sent, subjects(verb), _expand(objects, lexicon))
    stance = phrase.stance
    if negation(span.root, lexicon).negated and phrase.role == "noun":
        return None
    return _said_of(sent, span.root, stance, lexicon)


@lru_cache(maxsize=4)
def _matcher(vocab_id: int, vocab) -> PhraseMatcher:
    """The compiled phrase matcher of the lexicon's multi-word cues for one vocabulary."""
    del vocab_id  # part of the cache key only
    from .lexicon import stance_lexicon

    matcher = PhraseMatcher(vocab, attr="LOWER")
    for n, phrase in enumerate(stance_lexicon().phrases):
        text = " ".join(phrase.words)
        forms = dict.fromkeys((text, text.replace("'", "’")))  # straight and curly apostrophes
        matcher.add(str(n), [_pattern(vocab, form) for form in forms])
    return matcher


def _pattern(vocab, text: str) -> Doc:
    """A pattern Doc for a phrase, split as the pipeline's tokenizer splits it ("non-negotiable")."""
    from redline.nlp import load_pipeline

    nlp = load_pipeline()
    if nlp.vocab is vocab:
        return nlp.make_doc(text)
    return Doc(vocab, words=text.split())


def phrase_hits(doc: Doc, lexicon: StanceLexicon) -> list[tuple[int, int, Phrase]]:
    """(start, end, phrase) of every multi-word cue in the document, longest first where they overlap."""
    matcher = _matcher(id(doc.vocab), doc.vocab)
    hits = sorted(((s, e, lexicon.phrases[int(doc.vocab.strings[m])]) for m, s, e in matcher(doc)), key=lambda h: (h[0], -(h[1] - h[0])))
    kept: list[tuple[int, int, Phrase]] = []
    for hit in hits:
        if not kept or hit[0] >= kept[-1][1]:
            kept.append(hit)
    return kept
