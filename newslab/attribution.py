"""Label who speaks in each sentence of a news text: the claims ledger of lesson 03, by rules.

`find_attribution(text)` returns one row per sentence with `attribution_type` from the
vocabulary of `data/claims.csv`, the `cue` words that decided it and the source as
described. The rules, in order:

1. Quoted words: a sentence inside quotation marks, in a paragraph with a speech verb
   ("said", "added", "told", ...): `named_source` when the speaker has a name,
   `anonymous_person_quoted` when not ("one cadre"); "he"/"she" inherits the last speaker.
2. "According to ..." or "<source> said/told": plural unnamed sources are
   `several_anonymous_sources`, one unnamed source `one_anonymous_source`, a name
   `named_source`.
3. The reporter reasoning aloud: a sentence opening with "As ..., " (a reason) or
   "This is because", "This means": `reporters_inference`.
4. A hedge with nobody named ("reportedly", "it appears", "is said to", "allegedly"):
   `hedge_no_source`.
5. Anything else is an `unattributed_assertion`.

Rules cannot read meaning: treat the table as a first draft to check by hand.
"""

import re
from collections.abc import Mapping

import pandas as pd

from newslab import vocabulary
from newslab.sentences import split_sentences
from newslab.textfile import check_text

TYPES = list(vocabulary.TYPES)  # the course's one vocabulary, see newslab.vocabulary
SPEECH = r"(?:said|says|added|adds|told|tells|asked|explained|warned|claimed|insisted)"
QUOTES_OPEN = "“\""
QUOTES_CLOSE = "”\""
SPEECH_WORD = re.compile(rf"\b{SPEECH}\b")
ACCORDING = re.compile(r"\b[Aa]ccording to\s+([^,.;“”]+)")
SAID_AFTER = re.compile(rf"[,”\"]\s*{SPEECH}\s+([^,.;“”\"]+)")
SAID_BEFORE = re.compile(rf"(?:^|[,.;”\"])\s*((?:[\w’'-]+\s+){{0,7}}?[\w’'-]+)"
                         rf"\s+{SPEECH}\b(?!\s+to\b)")
PRONOUN = re.compile(r"^(?:he|she|they|the\s+source|the\s+official)\b", re.IGNORECASE)
ANONYMOUS_WORDS = re.compile(
    r"\b(?:sources?|officials?|residents?|insiders?|people|person|workers?|cadres?|"
    r"witness(?:es)?|someone|observers?|diplomats?|analysts?|employees?|managers?|"
    r"members?|traders?)\b", re.IGNORECASE)  # fmt: skip
PLURAL_WORDS = re.compile(
    r"\b(?:sources|officials|residents|insiders|people|workers|cadres|witnesses|observers|"
    r"diplomats|analysts|employees|members|traders|multiple|several|many)\b",
    re.IGNORECASE)  # fmt: skip
INFERENCE_START = re.compile(r"^(?:As\s+(?!of\b|well\b|a result\b|for\b)[^,]+,|This is because\b|"
                             r"This means\b|That is why\b)")  # fmt: skip
HEDGES = re.compile(r"\b(?:reportedly|allegedly|it appears|there appears? to be|appears? to|"
                    r"it seems|seems? to|(?:is|are|was|were) said to|rumou?red|"
                    r"(?:is|are) believed to)\b", re.IGNORECASE)  # fmt: skip

COLUMNS = ["sentence_id", "attribution_type", "cue", "source_described", "kind", "text"]


def _has_name(phrase: str) -> bool:
    """True when `phrase` names someone: a capitalised word that is not the first word only."""
    words = [w.strip("“”\"'’()") for w in phrase.split()]
    capitals = [w for w in words[1:] if w[:1].isupper()] if words else []
    first_is_name = bool(words) and words[0][:1].isupper() and words[0].lower() not in {
        "a", "an", "the", "one", "two", "some", "multiple", "several", "many", "he", "she",
        "they", "this", "that", "local", "unnamed"}
    return first_is_name or bool(capitals)


def classify_source(phrase: str) -> str:
    """The attribution type for a source as described ("multiple sources", "Mira Tanaka")."""
    phrase = phrase.strip()
    if ANONYMOUS_WORDS.search(phrase):
        if PLURAL_WORDS.search(phrase):
            return "several_anonymous_sources"
        return "one_anonymous_source"
    if _has_name(phrase):
        return "named_source"
    return "one_anonymous_source"


def _quote_state(text: str, inside: bool) -> bool:
    """Whether a quotation is still open after `text`, given whether it was open before."""
    if "“" not in text and "”" not in text and '"' not in text:
        return inside
    for char in text:
        if char == "“":
            inside = True
        elif char == "”":
            inside = False
        elif char == '"':
            inside = not inside
    return inside


def _speaker(paragraph: str) -> tuple[str, str] | None:
    """(cue, speaker) for the first speech verb outside quotation marks in a paragraph."""
    if not SPEECH_WORD.search(paragraph):
        return None
    match = SAID_AFTER.search(paragraph)
    if match:
        verb = re.search(SPEECH, match.group(0))
        return (verb.group(0) if verb else "said"), match.group(1).strip()
    outside = re.sub(r"“[^”]*”|\"[^\"]*\"", "", paragraph)
    match = SAID_BEFORE.search(outside)
    if match and not re.match(r"(?i)it\b", match.group(1)):
        verb = re.search(SPEECH, match.group(0)[len(match.group(1)):])
        return (verb.group(0) if verb else "said"), match.group(1).strip()
    return None


def find_attribution(text: str, furniture: Mapping[int, str] | None = None) -> pd.DataFrame:
    """Return one row per sentence of `text` with its attribution type, cue and source."""
    check_text(text)
    sentences = split_sentences(text, furniture)
    paragraphs: dict[int, str] = {}
    for number, body in zip(sentences["paragraph"], sentences["text"], strict=True):
        paragraphs[number] = f"{paragraphs[number]} {body}" if number in paragraphs else body
    rows = []
    last_quoted = "anonymous_person_quoted"
    inside = False
    current_paragraph = None
    for sentence in sentences.itertuples(index=False):
        body = sentence.text
        if sentence.paragraph != current_paragraph:
            current_paragraph, inside = sentence.paragraph, False
        was_inside = inside
        inside = _quote_state(body, inside)
        quoted = was_inside or any(mark in body for mark in QUOTES_OPEN + QUOTES_CLOSE)
        speaker = _speaker(paragraphs[sentence.paragraph]) if quoted else None
        label, cue, source = "unattributed_assertion", "", ""
        according = ACCORDING.search(body)
        said = _speaker(body)
        inference = INFERENCE_START.search(body)
        hedge = HEDGES.search(body)
        if quoted and speaker:
            verb, who = speaker
            if PRONOUN.match(who):
                label = last_quoted
            else:
                label = "named_source" if classify_source(who) == "named_source" \
                    else "anonymous_person_quoted"
                last_quoted = label
            marks = [mark for mark in "“”\"" if mark in body]
            cue = "; ".join(([verb] if verb in body else []) + ([" ".join(marks)] if marks
                                                                 else []))  # fmt: skip
            source = who
        elif according:
            source = re.sub(r"\s+on\s+[A-Z][a-z]+day$", "", according.group(1).strip())
            label, cue = classify_source(source), according.group(0).split()[0] + " to"
        elif said and not quoted and ANONYMOUS_WORDS.search(said[1]) or \
                said and not quoted and _has_name(said[1]) and not inference:
            verb, source = said
            label, cue = classify_source(source), verb
        elif inference:
            label = "reporters_inference"
            opening = inference.group(0)
            cue = "As" if opening.startswith("As") else opening
            if hedge:
                cue += "; " + hedge.group(0)
            source = "the reporter"
        elif hedge:
            label, cue = "hedge_no_source", hedge.group(0)
        rows.append({"sentence_id": sentence.sentence_id, "attribution_type": label,
                     "cue": cue, "source_described": source, "kind": sentence.kind,
                     "text": body})  # fmt: skip
    return pd.DataFrame(rows, columns=COLUMNS)
