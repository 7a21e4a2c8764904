"""Closed-class words live in data files, not in code: an AST walk over the extraction stage packages finds
every set, tuple or list literal of two or more lower-case words, and each must be dependency labels or a
schema enum on the allow-lists below. A new word list in code fails here; put it in
redline/data/function_words.yaml (or the stage's own lexicon) and read it with redline.datafiles.word_set."""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from pathlib import Path

import spacy.glossary

from redline.nlp import load_pipeline

ROOT = Path(__file__).resolve().parents[1]
SCANNED = ("redline/positions", "redline/events", "redline/quotes", "redline/actors")
# a lower-case word, with the apostrophe of clitics ("'ll") and the underscore of data keys ("igo_ngo")
WORD = re.compile(r"^[a-z'][a-z_'-]*$")

# Dependency labels are the parser's tag set, not English words: ClearNLP's labels as the shipped English
# pipeline predicts them, plus the Universal Dependencies / Stanford labels some rules also accept (obj, obl,
# iobj, flat, tmod). POS tags and entity labels are upper case, so the word pattern never matches them.
DEPENDENCY_LABELS = frozenset({
    "acl", "acomp", "advcl", "advmod", "agent", "amod", "appos", "attr", "aux", "auxpass", "case", "cc", "ccomp",
    "compound", "conj", "csubj", "csubjpass", "dative", "dep", "det", "dobj", "expl", "intj", "mark", "meta",
    "neg", "nmod", "npadvmod", "nsubj", "nsubjpass", "nummod", "oprd", "parataxis", "pcomp", "pobj", "poss",
    "preconj", "predet", "prep", "prt", "punct", "quantmod", "relcl", "xcomp",
    "obj", "obl", "iobj", "flat", "tmod",
})
TMOD = "tmod"  # Stanford Dependencies' temporal modifier: in neither spaCy's glossary nor the English parser

# Schema enums: the values of a record field or the keys of a data file, named where the schema is
# defined. Each entry is (module, the literal's words): why it is no word list.
SCHEMA_ENUMS: dict[tuple[str, frozenset[str]], str] = {
    ("redline/positions/model.py", frozenset({"demand", "precondition", "red_line", "open", "offer", "reject"})):
        "Position.stance values (STANCES)",
    ("redline/positions/learned.py", frozenset({"learned", "rescored", "combined"})):
        "positions_model.yaml `pipeline:` values",
    ("redline/positions/learned.py", frozenset({"rule", "subject", "agent", "speaker", "mention"})):
        "the learned model's candidate-source feature names",
    ("redline/positions/lexicon.py", frozenset({"object", "voice"})):
        "stance_cues.yaml `holder:` values",
    ("redline/positions/holder.py", frozenset({"country", "group"})): "actor kinds (actors.dictionary.KINDS)",
    ("redline/positions/holder.py", frozenset({"group", "organisation"})): "actor kinds (actors.dictionary.KINDS)",
    ("redline/positions/holder.py", frozenset({"country", "organisation", "group"})):
        "actor kinds (actors.dictionary.KINDS)",
    ("redline/actors/coref.py", frozenset({"organisation", "group"})): "actor kinds (actors.dictionary.KINDS)",
    ("redline/actors/dictionary.py", frozenset({"person", "organisation", "country", "group"})):
        "actor kinds (KINDS itself)",
    ("redline/actors/dictionary.py", frozenset({"countries", "organisations", "people", "cues"})):
        "actors.yaml top-level sections",
    ("redline/actors/dictionary.py", frozenset({"countries", "organisations", "people"})):
        "actors.yaml sections of entries",
    ("redline/actors/dictionary.py", frozenset({"people", "person"})): "an actors.yaml section and its kind",
    ("redline/actors/clusters.py", frozenset({"apposition", "title", "description"})):
        "the sources of a person's role (SOURCES)",
    ("redline/events/model.py", frozenset({"occurred", "announced", "planned", "threatened", "hypothetical"})):
        "Event.status values (STATUSES)",
    ("redline/events/rolechoice.py", frozenset({"source", "target"})):
        "the Event fields the role model chooses, one weight vector each (SIDES)",
    ("redline/events/threats.py", frozenset({"announced", "planned", "threatened", "hypothetical"})):
        "Event.status values other than occurred",
    ("redline/events/stage.py", frozenset({"announced", "planned"})): "Event.status values",
    ("redline/events/lexicon.py", frozenset({
        "reporting", "intent_verbs", "intent_adjectives", "planning", "planning_nouns", "readiness",
        "content_verbs", "needs_content", "light_verbs", "relation_nouns", "access_nouns", "open_verbs",
        "motion_verbs", "transfer_verbs", "military_assets", "aid_objects", "police_assets", "crowd_words",
        "quantity_nouns", "stative_passives", "aspect_verbs", "aim_nouns", "target_prepositions",
        "reciprocal_prepositions", "mediation_words"})): "keys of redline/data/events/lexicon.yaml",
    ("redline/events/lexicon.py", frozenset({
        "reporting", "intent_verbs", "intent_adjectives", "planning", "readiness", "content_verbs", "light_verbs",
        "open_verbs", "motion_verbs", "transfer_verbs", "aspect_verbs", "stative_passives"})):
        "keys of redline/data/events/lexicon.yaml read as verb lemmas",
    ("redline/quotes/lexicon.py", frozenset({"speech", "attitude", "intention", "object_speaker", "object_content"})):
        "cue_verbs.yaml cue classes",
    ("redline/quotes/detector.py", frozenset({"speech", "attitude", "intention", "object_speaker", "object_content"})):
        "cue_verbs.yaml cue classes (the detector's features)",
    ("redline/quotes/detector.py", frozenset({"models", "quotes"})): "the shipped model's path under redline/data",
}


@dataclass(frozen=True, slots=True)
class WordLiteral:
    """A set, tuple or list literal in code whose members are all lower-case words."""

    path: str
    line: int
    words: frozenset[str]

    def __str__(self) -> str:
        return f"{self.path}:{self.line} {sorted(self.words)}"


def word_literals(root: Path, packages: tuple[str, ...]) -> list[WordLiteral]:
    """Every literal of two or more lower-case word strings in the packages' modules."""
    found = []
    for package in packages:
        for path in sorted((root / package).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
            for node in ast.walk(tree):
                if not isinstance(node, (ast.Set, ast.Tuple, ast.List)) or len(node.elts) < 2:
                    continue
                values = [e.value for e in node.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)]
                if len(values) == len(node.elts) and all(WORD.match(v) for v in values):
                    found.append(WordLiteral(path.relative_to(root).as_posix(), node.lineno, frozenset(values)))
    return sorted(found, key=lambda lit: (lit.path, lit.line))


def disallowed(literals: list[WordLiteral]) -> list[WordLiteral]:
    """The literals that are neither dependency labels nor an allowed schema enum: word lists in code."""
    return [lit for lit in literals
            if not lit.words <= DEPENDENCY_LABELS and (lit.path, lit.words) not in SCHEMA_ENUMS]


def test_architecture_words_scan_finds_a_planted_word_list(tmp_path: Path) -> None:
    module = tmp_path / "redline" / "positions" / "planted.py"
    module.parent.mkdir(parents=True)
    module.write_text(
        'PRONOUNS = frozenset({"he", "she"})\n'
        'DEPS = ("nsubj", "dobj")\n'
        'TAGS = {"PROPN", "PRON"}\n'
        'def f(t):\n    return t.lower_ in ["would", "\'ll"] or t.lower_ == "only"\n',
        encoding="utf-8")
    found = disallowed(word_literals(tmp_path, ("redline/positions",)))
    assert [(lit.line, lit.words) for lit in found] == [(1, {"he", "she"}), (5, {"would", "'ll"})]


def test_architecture_words_no_word_list_literal_in_the_stages() -> None:
    found = disallowed(word_literals(ROOT, SCANNED))
    assert not found, ("word lists belong in redline/data (function_words.yaml, read with datafiles.word_set); "
                       "found in code:\n" + "\n".join(map(str, found)))


def test_architecture_words_dependency_allow_list_holds_only_parser_labels() -> None:
    """The allow-list cannot let words through: each entry is a label of the shipped parser or spaCy's."""
    parser = {label.lower() for label in load_pipeline().get_pipe("parser").labels}
    known = parser | {key for key in spacy.glossary.GLOSSARY if key.islower()}
    assert DEPENDENCY_LABELS - known == {TMOD}
