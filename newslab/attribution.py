"""Label who speaks in each sentence of a news text: the claims ledger of lesson 03, by rules.

`find_attribution(text)` returns one row per sentence with `attribution_type` from the
vocabulary of `data/claims.csv`, the `cue` words that decided it and the source as
described (the speaker or document only, never the rest of the sentence). The rules, in order:

1. Quoted words: a sentence inside quotation marks, in a paragraph with a speech verb
   ("said", "added", "told", ...): `named_source` when the speaker has a name,
   `anonymous_person_quoted` when not ("one cadre"); "he"/"she" is the last speaker.
2. A source with a verb of saying or finding: "According to X", "X said ...", "..., X said",
   "..., said X", "X, the mayor, told ...", "a survey by X found", "records show", and acts
   of speech ("apologised for", "pledged to", "condemned", "spoke at"). The source
   is classified: documents, reports, surveys, polls and data are `document`; unnamed people
   described by role are `several_anonymous_sources` or `one_anonymous_source`; people with
   a name and organisations ("the ministry", "police") are `named_source`. "reports" after
   "earlier", "other", "preliminary", ... is the noun ("Earlier reports from X had said"), a
   word such as "Survey" inside a name is the organisation, and a passive verb can name its
   source after "by" ("described as the worst by officials", "revealed by the ministry").
   The frame at the end covers the sentence ("..., reports X."); a verb of saying in "-ing"
   ("X has filed a suit, alleging that") gives the sentence's subject; coordinated verbs
   ("he condemned ... and said") the first verb's subject. The progressive counts ("exit polls
   are suggesting", "the coast guard is confirming"), so does "a statement from X"; a court
   "ruled that", a body "agreed to" or "opposed" a plan, and an appositive between dashes
   ("Ivo Kask — the minister — proposed") is cut like one between commas; "Those who fled"
   are unnamed people and "Members of the X Union" speak for a named body; a date before the
   name ("On Monday Ana Vesk") and an adverb after it ("officials first warned") are not part
   of the source.
3. Carry-over: "She added ...", "It also showed ..." takes the previous source of the
   paragraph (a sentence with no such cue does not).
4. The reporter reasoning aloud: a sentence opening with "As ..., " (a reason) or
   "This is because", "This means": `reporters_inference`.
5. A hedge with nobody named ("reportedly", "possibly", "is expected to", "is forecast to",
   "presumed to be", "appears to", "reports say"):
   `hedge_no_source`.
6. Anything else is an `unattributed_assertion`.

Rules cannot read meaning: treat the table as a first draft to check by hand.
"""

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import partial

import pandas as pd

from newslab import vocabulary
from newslab.sentences import split_sentences
from newslab.textfile import check_text

DOCUMENT = "document"
# Reporting verbs of the grammars' inventory (saying, arguing, complaining, promising, urging,
# disagreeing) that the older lists lacked, each in every finite form: base, "-s", past.
# Left out: verbs with a common sense that is not saying ("recalled" products, "conceded
# defeat", "protested corruption", "urged ... and", "ever observed").
REPORTING_LEMMAS = ("complain", "disagree", "vow", "threaten", "disclose", "mention",
                    "respond", "propose", "caution", "criti[cs]ise", "criti[cz]ize", "praise",
                    "dispute", "demand", "contend", "emphasi[sz]e", "stress", "repeat",
                    "boast", "lament", "speculate", "testify", "remark", "insist", "reply",
                    "object", "encourage", "discourage", "confess", "affirm", "reaffirm",
                    "retort", "divulge", "recount", "note", "detail", "cite",
                    "outline", "oppose")  # fmt: skip


def _finite_forms(lemma: str) -> str:
    """A pattern for a verb's base, third person and past: "urge" -> urge|urges|urged."""
    if lemma.endswith("y"):
        return rf"{lemma}|{lemma[:-1]}ies|{lemma[:-1]}ied"
    if lemma.endswith("e"):
        return rf"{lemma}|{lemma}s|{lemma}d"
    if lemma.endswith("ss"):
        return rf"{lemma}|{lemma}es|{lemma}ed"
    return rf"{lemma}|{lemma}s|{lemma}ed"


REPORTING_VERBS = "|".join([_finite_forms(lemma) for lemma in REPORTING_LEMMAS] +
                           [r"(?:made|makes|make)\s+(?:it\s+)?clear"])
TYPES = list(vocabulary.TYPES)  # the course's one vocabulary, see newslab.vocabulary
SPEECH = (r"(?:said|says|added|adds|told|tells|asked|explained|warned|claimed|insisted|"
          r"announced|stated|states|noted|declared|replied|continued|commented|wrote|writes|"
          r"recalled|remarked|stressed|admitted|acknowledged|conceded|promised|urged|concluded|"
          r"(?:(?:has|have|had|was|were|is|are)\s+been\s+)?quoted\s+as\s+saying)")  # fmt: skip
# Verbs that attribute a claim outside quotation marks: saying, and documents finding.
CLAIM = (r"(?:said|says|added|adds|told|tells|explained|warned|claimed|insisted|"
         r"announced|stated|noted|declared|replied|continued|say|reported|reports|found|"
         r"finds|show|shows|showed|suggests|suggested|estimate|estimates|estimated|expect|"
         r"expects|believe|believes|blamed|blames|confirmed|denied|argued|predicted|registered|"
         r"recorded|indicate|indicates|indicated|attributed|suggest|revealed|reveals|accused|"
         r"accuses|claims|reiterated|(?:is|are|was|were|has\s+been|have\s+been)\s+"
         # the progressive of a verb of saying or finding: "exit polls are suggesting"
         r"(?:now\s+|also\s+|still\s+)?(?:reporting|saying|claiming|suggesting|indicating|"
         r"predicting|warning|estimating|forecasting|projecting|stating|arguing|insisting|"
         r"alleging|denying|telling|accusing|showing|confirming|blaming|criti[cs]i[sz]ing|"
         r"condemning|announcing|admitting|acknowledging|urging|disputing|"
         r"rejecting)|"
         r"give|gives|gave|put|puts|states|commented|comments|suspect|suspects|"
         r"forecast|forecasts|predict|predicts|announces|confirms|denies|warns|admitted|"
         r"acknowledged|alleged|alleges|wrote|writes|concluded|concludes|claim|fears?|feared|"
         r"proclaim(?:s|ed)?|maintain(?:s|ed)?|quoted|state|described|describes|spoke|speaks|"
         r"apologi[sz](?:ed|es)(?:\s+for)?|(?:promised|promises|pledged|pledges)(?:\s+to)?|"
         r"requested|requests|agreed|agrees|rejected|rejects|dismissed|dismisses|advised|"
         r"advises|recommended|recommends|explain|explains|asked|asks|heard|"
         r"calls?\s+for|called\s+for|(?:is|are|was|were|has\s+been|have\s+been)\s+"
         r"(?:calling\s+for|speaking)|"
         r"condemned|condemns|refutes|refuted|asserted|asserts|assured|assures|"
         r"(?:issued|released|published|made)\s+(?:an?\s+|a\s+joint\s+)?(?:apology|apologies|"
         r"statements?|warnings?|denials?|appeals?|announcements?)(?:\s+for)?|"
         # a stance put into words: "voiced concern", "is concerned that", "urged X to"
         r"(?:expressed|expresses|voiced|voices)\s+(?:(?:their|its|his|her|deep|grave|"
         r"serious)\s+)?(?:concerns?|doubts?|opposition|regret|support|hopes?|fears?|dismay|"
         r"anger|outrage|confidence|disappointment|surprise|sympathy|condolences)|"
         r"(?:is|are|was|were)\s+(?:also\s+|now\s+|still\s+)?(?:concerned|worried|confident|"
         r"convinced|adamant|hopeful|optimistic|happy|pleased|glad|satisfied|disappointed|"
         r"sure|certain|proud|unhappy|upset|angry|sorry|relieved|surprised)\s+"
         # "that" may be left out before a clause: "was happy the council agreed"
         r"(?:that\b|(?=(?:the|he|she|they|it|we|his|her|their|its)\s+[\w’'-]+\s+[a-z]+ed\b))|urged|urges|rule[sd]?\s+(?:out|that)|"
         r"(?:has|have|had)\s+written|"
         # a will or a refusal put into words: "intends to", "refused to", "is reluctant to"
         r"(?:intends|intended|refused|refuses|agreed|agrees|"
         r"(?:is|are|was|were|has\s+been|have\s+been)\s+"
         r"(?:reluctant|unwilling|determined|eager|keen|willing))\s+to|"
         rf"{REPORTING_VERBS})")  # fmt: skip
# Verbs that attribute only when a document is the source: "official figures give the toll".
DOCUMENT_ONLY_VERBS = {"give", "gives", "gave", "put", "puts"}
QUOTES_OPEN = "“\""
QUOTES_CLOSE = "”\""
SPEECH_WORD = re.compile(rf"\b{SPEECH}\b")
# The full stop of a title's abbreviation stays in a source: "Dr. Ana Vesk", "Gov. Ivo Kask".
TITLE_STOP = "(?:" + "|".join(rf"(?<=\b{title})" for title in (
    "Dr", "Mr", "Mrs", "Ms", "Prof", "Gen", "Sen", "Rep", "Gov", "Lt", "Col", "Sgt", "Capt",
    "Rev", "Supt", "Insp", "Det", "Cmdr", "Adm")) + r")\."  # fmt: skip
ACCORDING = re.compile(r"\b[Aa]ccording to\s+((?:[^,.;“”()]|(?<=\b[A-Z])\.|\.(?=\w)|"
                       rf"{TITLE_STOP})+"
                       r"(?:\([^()]*\))?)"
                       r"(?:,\s+(?P<name>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’.-]*){1,3}),)?")  # fmt: skip
# A verb of saying and "that" end the source of "according to": a new clause begins.
VERB_THEN_THAT = re.compile(rf"\s+{CLAIM}\s+that\b")
# A name followed by an article starts a new phrase: "According to the Fire Ministry a ferry
# sank" (no comma), not "According to the head of the ministry".
NAME_THEN_ARTICLE = re.compile(r"\b[A-Z][\w’'-]*(?P<cut>\s+(?:a|an|the)\s+\S)")
# A speaker right after a closing quotation mark: ”, said X  /  ,” X said
# A source to the end of its phrase; initials keep their full stops ("the U.S. State Department").
WHO_TO_THE_END = rf"(?:[^,.;“”\"]|(?<=\b[A-Z])\.|{TITLE_STOP})+"
QUOTE_THEN_VERB = re.compile(rf"[”\"]\s*{SPEECH}\s+(?P<who>{WHO_TO_THE_END})")
QUOTE_THEN_SPEAKER = re.compile(rf"[”\"]\s*(?P<who>[^“”\",.;]+(?:,\s[^“”\",.;]+,)?)\s+"
                                rf"{SPEECH}\b(?!\s+(?:to|for)\b)")  # fmt: skip
SAID_BEFORE = re.compile(rf"(?:^|[,;”\"]|(?<![A-Z])\.)\s*((?:[\w’'-]+\s+){{0,7}}?[\w’'-]+)"
                         rf"(?:,?\s+(?:also|has|have|had)\s+(?:(?:also|has|have|had)\s+)?|\s+)"
                         rf"{SPEECH}\b"
                         r"(?!\s+(?:to|for)\b)")  # fmt: skip
# A quotation opened after a colon or semicolon, by a clause that opens with its speaker:
# Manmohan Singh addressed his country: "We intend ..."
QUOTE_AFTER_COLON = re.compile(r"(?:^|[.!?]\s+)(?P<clause>[A-Z][^.:;“”\"]{2,150}?)"
                               r"(?P<mark>[:;])\s*[“\"]")  # fmt: skip
SHORT_QUOTE = re.compile(r"[“\"][^“”\"\s]+(?:\s[^“”\"\s]+)?[”\"]")  # a word or two
TITLE_WORDS = {"former", "late", "acting", "deputy", "then", "senior", "vice"}
# A speaker who calls something by quoted words: The police called the death "sudden".
CALLED_QUOTE = re.compile(r"(?:^|[.;]\s)\s*(?P<who>(?:[\w’'-]+\s+){0,6}?[\w’'-]+)\s+"
                          r"(?:(?:has|have|had)\s+)?(?:also\s+)?(?:called|described|labell?ed|termed)\s+"
                          r"[^“”\".;]{1,80}?[“\"]")  # fmt: skip
# Sources outside quotation marks; the source ends before an auxiliary ("officials have said").
AUXILIARY = (r"(?:(?:also|had|has|have|earlier|later|again|then|now|previously|repeatedly|"
             r"publicly|separately|both|first|still|once|initially|originally|subsequently|"
             r"never|continued?s?\s+to|on\s+[A-Z][a-z]+day|[a-z]+ed\s+and|"
             r"[a-z]{3,}ly|however|nonetheless|therefore|though)"
             r"\s+){0,3}")  # fmt: skip
# "to" or "for" after the verb: "is said to be", "asked for" say nothing, but "to" before the
# person spoken to does ("apologised to Britons", "complained to the ministry"), after a verb
# of saying (`TO_SOMEONE_VERBS`; not "agreed to a ceasefire", "responded to his home"); people
# are also known by the endings of agent nouns ("spoke to supporters", "complained to regulators").
NOT_TO_A_VERB = (r"(?!\s+to\b(?!\s+(?:the|a|an|his|her|their|its|him|them|us|me|reporters|"
                 r"journalists|[A-Z]\w*|[a-z]+ing|[a-z]+(?:ers|ors|ists|ents|ants))\b)|"
                 r"\s+for\b)")  # fmt: skip
# A verb right after "who" or "which" is the relative clause's: "officials who asked not to be
# named said".
NOT_RELATIVE = r"(?<!\bwho)(?<!\bwhich)(?<!\bwhom)"
# ... nor after "who" and an auxiliary or an adverb: "Ana Vesk, who has sharply criticized".
IN_A_RELATIVE_CLAUSE = re.compile(r",\s+(?:who|which)\s+(?:(?:has|have|had)\s+)?(?:[a-z]+ly\s+)?"
                                  r"(?:(?:also|long|often)\s+)?$")  # fmt: skip
# A day after an appositive: "Franz Jung, the defence minister, today said".
DAY_AFTER_APPOSITIVE = r"(?:(?<=,)\s+(?:today|yesterday|tonight|on\s+[A-Z][a-z]+day))?"
LEADING = re.compile(rf"^(?P<who>[^,;“”\"]{{1,90}}?(?:,\s[^,;“”\"]{{1,130}}?,)?)"
                     rf"{DAY_AFTER_APPOSITIVE}{NOT_RELATIVE}\s+{AUXILIARY}(?P<verb>{CLAIM})\b{NOT_TO_A_VERB}"
                     r"(?!\s*[.!?]?$)")  # fmt: skip
# A phrase of circumstance before the name, closed by a comma: "Speaking at the pier, X".
OPENER_BEFORE_NAME = re.compile(r"^(?:Speaking|Asked|Commenting|Writing|Addressing|Responding|"
                                r"In|At|On|During|After|Before)\s")  # fmt: skip
# A comma put between a name and its verb: "Police official Ivo Kask, claimed the ...".
NAME_COMMA_VERB = re.compile(rf"(?:^|,\s+)(?P<who>(?:[A-Z][\w’'.-]*\s+|[a-z]+\s+){{0,12}}?"
                             rf"[A-Z][\w’'.-]+\s+[A-Z][\w’'.-]+),"
                             rf"(?=\s+(?:(?:has|have|had)\s+)?(?P<verb>{CLAIM})\b)")  # fmt: skip
# After a comma, semicolon, "and" or "but": a source and its verb, at the end or inside.
AFTER_A_JOIN = (rf"(?:[,;](?:\s+(?:and|but)\b)?|\band\b|\bbut\b|\bthat\b|\bas\b|\bwhile\b)\s+"
                rf"(?P<who>[^,;“”\"]{{1,70}}?(?:,\s[^,;“”\"]{{1,130}}?,)?)\s+{AUXILIARY}"
                rf"(?P<verb>{CLAIM})")  # fmt: skip
AT_END = re.compile(rf"{AFTER_A_JOIN}\s*[.!?”\"]*$")
INSIDE = re.compile(rf"{AFTER_A_JOIN}\b{NOT_TO_A_VERB}")
INVERTED = re.compile(rf",\s+(?P<verb>{SPEECH})\s+(?P<who>{WHO_TO_THE_END})")
# The frame at the end covers the whole sentence: "X has claimed that ..., reports Y."
CLAUSE_AFTER_VERB = re.compile(r"\b(?:that|would|will|could|can|may|might|should)\b")
INVERTED_AT_END = re.compile(rf",\s+(?P<verb>{SPEECH}|reports|reported)\s+"
                             rf"(?P<who>{WHO_TO_THE_END})\s*[.!?]?$")  # fmt: skip
# "reports" after one of these words is the noun, not the verb: "Earlier reports ... said".
# (Capitalised "Media", "News", "Press" or "Local" only open a sentence: "Sky News reports".)
NOUN_REPORTS = re.compile(r"(?:(?:^(?:Media|News|Press|Local)|\b(?:[Oo]ther|[Ss]ome|[Mm]any|"
                          r"[Ss]everal|media|news|local|press|[Uu]nconfirmed|[Ee]arlier|[Ee]arly|"
                          r"[Ii]nitial|[Pp]reliminary|no|[Rr]ecent|[Ff]urther|[Tt]he|[Tt]hese|"
                          r"[Tt]hose|\d+|two|three|four|five|six|seven|eight|nine|ten|"
                          r"media\s+(?:have|has|had)))"
                          r"\s+reports\b|"
                          r"\b\w+\s+reports\b(?=(?:\s+[\w-]+){0,5}\s+(?:indicate|show|say|"
                          r"suggest|state|claim|confirm)\b))")  # fmt: skip
# A source named after a passive verb: "described as the worst since 1982 by officials".
BY_AGENT = re.compile(r"(?:\b(?:described|estimated|reported|confirmed|put|called|recorded|rated|"
                      r"ranked|named|declared|critici[sz]ed|condemned|blamed|revealed|"
                      r"announced|disclosed|stated|claimed|denied|alleged|disputed|praised|"
                      r"questioned|predicted|forecast|suggested|recommended|rejected|"
                      r"notified|informed|recogni[sz]ed|acknowledged|identified|certified|"
                      r"verified|listed)\b[^,;“”\"]{0,60}?\bby\s+"
                      # verbs of thinking and telling only with "by" right after them:
                      # "is thought by police to", not "believed to be a house owned by X"
                      r"|\b(?:thought|believed|considered|told|warned|assured|advised|accused|"
                      r"quoted|cited)\s+by\s+"
                      # a speech act named by a noun: "an announcement by Kenyan police"
                      r"|\b(?:announcement|statement|declaration|warning|admission|appeal|"
                      r"pledge|remark|comment|claim|allegation|criticism|accusation)s?\s+"
                      r"(?:(?:(?:was|were|has\s+been|have\s+been)\s+)?(?:issued|made|released|"
                      r"voiced)\s+)?by\s+"
                      # a message read or sent out from someone: "read a statement from X"
                      r"|\b(?:statement|letter|message|announcement|communiqu[eé])\s+"
                      r"(?:from|on\s+behalf\s+of)\s+(?=(?:the\s+)?(?:[A-Z]|[a-z]{1,3}-[A-Z])))"
                      r"(?P<who>[^,.;:“”\"]+)")  # fmt: skip
MESSAGE_SIGN = re.compile(r"statement|letter|message|announcement|communiqu")  # speed: "from X"
# The agent ends before "to", "as" or "that" and what follows: "revealed by the ministry to be X".
AFTER_AGENT = re.compile(r"\s+(?:(?:to|as|that|about|regarding|concerning)\s|[a-z]{2,}ing\b|"
                         r"(?:ever\s+)?(?:since|after|before|when|while|until|because)\s)"
                         r".*$")  # fmt: skip
# The commonest irregular verbs in the past: "The storm caught many off guard and ...".
IRREGULAR_PAST = (r"(?:caught|took|made|gave|left|came|went|rose|fell|hit|struck|began|became|"
                  r"brought|built|bought|sent|spent|kept|held|won|lost|ran|saw|met|led|"
                  r"drove|broke|shook|tore|threw|grew|knew|sold|paid|cut|put|set|shut|sank|"
                  r"froze|flew|fled|fought|stood|wore|woke|swept|spread)")  # fmt: skip
# A verb in the present before "and": "The dome continues to rise and scientists".
FINITE_VERB = re.compile(r"\s(?:[a-z]+(?:es|ed)|" + IRREGULAR_PAST + r")\s(?:.*\s)?(?:and|but)\s")
# Words that make a phrase a clause rather than a source: "150 people have been killed".
CLAUSE_WORDS = re.compile(r"\b(?:is|are|was|were|has|have|had|been)\b")
# A word that opens a clause: the source comes after it ("... soon after the council said").
CLAUSE_OPENER = re.compile(r"(?:^|\s)(?:after|before|because|since|until|when|while|although|"
                           r"though|once|(?<!along\s)with|if|as)\s", re.IGNORECASE)  # fmt: skip
# A comparison before the verb: "rose more than predicted" names nobody.
COMPARISON_END = re.compile(r"\b(?:than|as)$")
# A passive verb ends the phrase: "37 people are reported missing" names nobody.
PASSIVE_END = re.compile(r"\b(?:is|are|was|were|been|be|being)(?:\s+[a-z]+ly)?$")
# An appositive between dashes, read as one between commas: "Ivo Kask — the minister —".
DASH_APPOSITIVE = re.compile(r"\s+[—–]\s+(?P<inside>[^—–,]+?)\s+[—–](?:\s+|$)")
DASH_AT_END = re.compile(r"\s+[—–]\s*$")
BRACKETED_NOTE = re.compile(r"\s*\[[^\[\]]*\]")  # "[pr: na-ran-HO]", "[sic]": an editor's note
PARTICIPLE = re.compile(r"\s+(?:obtained|seen|cited|quoted|reviewed)\s+by\b.*$")
# "according to which": the source is the thing named before it ("files according to which").
ACCORDING_TO_WHICH = re.compile(r"(?P<who>\w+)\s+according\s+to\s+wh(?:ich|om)\b")
# "we learned through a leak published in X that": the document is the source.
LEARNED_THROUGH = re.compile(r"\b(?:learned|learnt|heard)\s+(?:through|from)\s+"
                             r"(?P<who>[^,;“”\"]+?)\s+that\b")  # fmt: skip
# "as reported in a press release from X", "as stated by X": the document or person.
AS_REPORTED = re.compile(r"\bas\s+(?:was\s+)?(?:reported|stated|announced|noted|confirmed|"
                         r"revealed|disclosed|published)\s+(?:in|by)\s+"
                         r"(?P<who>[^,.;“”\"]+)")  # fmt: skip
# A noun that points back to the figure just given: "The figure comes from ...".
POINTS_BACK = re.compile(r"^(?:The|This|That|These|Those)\s+(?:figures?|numbers?|estimates?|"
                         r"totals?|counts?)\s+(?:comes?|came|is\s+based|was\s+based)\s+"
                         r"(?:from|on)\b")  # fmt: skip
# Words that end a source: an adverb after it ("Zapatero then claimed"), a relative clause
# ("officials at the hospital where he is treated"), a relative word before it ("in which
# diplomats are reporting").
ADVERB_AFTER = re.compile(r"(?:\s+(?:also|then|later|again|now|further|previously|earlier|too|"
                          r"first|still|once|initially|originally|subsequently|never|"
                          r"having|[a-z]+ly))+$")  # fmt: skip
# A day after a name or an organisation: "The U.S. military yesterday said" (but "Early
# results ... held today show" keeps it).
# "Hospital reports early on Saturday morning": the time is not part of the source.
TIME_OF_DAY_AFTER = re.compile(r"\s+(?:(?:early|late|earlier|later)\s+)?on\s+[A-Z][a-z]+day"
                               r"(?:\s+(?:morning|afternoon|evening|night))?$")  # fmt: skip
DAY_AFTER = re.compile(r"\s+(?:yesterday|today|tonight|Monday|Tuesday|Wednesday|Thursday|"
                       r"Friday|Saturday|Sunday)$")  # fmt: skip
# A date or a day before a name is not part of the source: "On Wednesday Ana Vesk", "On March
# 2, 2009 the Courier", "2009 the Courier" (the year after a comma), "Yesterday Ana Vesk".
MONTHS = (r"(?:January|February|March|April|May|June|July|August|September|October|November|"
          r"December)")  # fmt: skip
DATE_BEFORE_NAME = re.compile(rf"^(?:(?:On|By|In|Since|Early|Late)\s+)?(?:(?:Monday|Tuesday|"
                              rf"Wednesday|Thursday|Friday|Saturday|Sunday|Yesterday|Today)"
                              rf"(?:\s+(?:morning|afternoon|evening|night))?|"
                              rf"{MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+(?:1[89]|20)\d\d)?|"
                              rf"\d{{1,2}}\s+{MONTHS}(?:\s+(?:1[89]|20)\d\d)?|"
                              rf"(?:1[89]|20)\d\d),?\s+(?=(?:the\s+)?[A-Z])")  # fmt: skip
NOUN_BEFORE_WHO = re.compile(r"(?P<noun>(?<![\w’'-])(?:[A-Z][\w’'.-]*\s+){0,3}[\w’'-]+),\s*$")
SPOKEN_TO = re.compile(r"(?<!\bclose)\s+to\s+(?:the\s+|a\s+)?(?:[A-Z]|reporters\b|"
                       r"journalists\b).*$")  # fmt: skip
ROLE_TO = re.compile(r"\b(?:ambassador|envoy|emissary|delegate|representative|adviser|advisor|"
                     r"consul|nominee|successor|heir)\s+to\s+(?:the\s+)?[A-Z]",
                     re.IGNORECASE)  # fmt: skip
# "who asked not to be named" and "who spoke on condition of anonymity" stay; "who spoke to
# the AP" goes.
RELATIVE_CLAUSE = re.compile(r"\s+(?:(?:where|which|whose)\s|who\s+(?:spoke|talked)\s+to\b).*$")
RELATIVE_BEFORE = re.compile(r"^(?:in\s+which|in\s+whom|where|whereas|as|while|which|whom|"
                             r"however|meanwhile|moreover|instead|nevertheless),?\s+",
                             re.IGNORECASE)  # fmt: skip
# A name right before ", the manager of X said" (the closing comma left out).
NAME_BEFORE_ROLE = re.compile(r"(?:^|[.;]\s+)(?P<name>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){1,3}),\s*$")
# A name, then who they are with no closing comma before the verb: "Frank Cain, a lecturer at
# the University of X has told".
NAME_THEN_UNCLOSED_ROLE = re.compile(r"(?:^|[.;]\s+)(?P<name>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)"
                                     r"{1,3}),\s+(?:a|an)\s[^,;“”\"]{20,}$")  # fmt: skip
# A subject with a first verb, then "and" before the verb of saying: "he condemned the
# waste and said", "Ivo Kask visited the pier and told reporters".
COORDINATED_VERBS = re.compile(r"^(?P<subject>he|she|they|[A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+)"
                               r"{0,3})\s+(?:[a-z]+ly\s+)?[a-z]+(?:ed|s)\b[^,;]*\s(?:and|but)$")
NOT_AUX = r"(?!(?:is|was|are|were|has|have|had)\b)"
# A subject with a first verb, then "and" and a verb of saying with "that": "The statement is
# signed by 67 academies, and notes that ...", "The board met on Monday and warned that".
COORDINATED_CLAIM = re.compile(rf"^(?P<who>(?:The|A|An|This)\s+(?:{NOT_AUX}[a-z][\w-]*\s+)?"
                               rf"{NOT_AUX}[a-z][\w-]*)\s+(?!(?:called|named)\b)"
                               rf"(?:is|was|are|were|has|have|had|[a-z]+ed)\b[^;“”\"]*?,?\s+and\s+"
                               rf"(?P<verb>{CLAIM})\s+that\b")  # fmt: skip
# A phrase of place or time before the source: "In the interview Zapatero".
PLACE_OR_TIME_BEFORE = re.compile(r"^(?:In|At|On|During|After|Before|From|Speaking\s+\w+|"
                                  r"Asked\s+\w+)\s.*?\s(?P<name>(?:the\s+)?[A-Z][\w’'-]+"
                                  r"(?:\s+[A-Z][\w’'-]+)*)$")  # fmt: skip
WHERE_THEN_SOURCE = re.compile(r"\s(?:where(?:as)?|that)\s(?P<rest>(?:[A-Z]|(?:the|a|an|some|"
                               r"many|police|officials)\s).+)$")  # not "a group that investigated"
WHO_IS = re.compile(r"\s+(?:who\s+(?:is|are|was|were|has|have|had)\s|that\s+[a-z]+ed\s).*$")
PLAIN_NAME = re.compile(r"[A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+){0,3}")  # "Franz Josef Jung"
NAME_THEN_CIRCUMSTANCE = re.compile(r"^(?P<name>[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*)\s+"
                                    r"(?:at|in|on|during)\s+(?:a|an|the|his|her|their)\s")
WHO_APPOSITIVE = re.compile(r",\s+(?:who|which)\s[^,]*,?$")
# An appositive that points back to the subjects before it: "X and Y, both part of Z, said".
BOTH_OF_THEM = re.compile(r"(?:both|all|each)\s", re.IGNORECASE)
# People the story has already named, referred back to: "The pair claim that ...".
BACK_REFERENCE = re.compile(r"^(?:the\s+(?:pair|couple|duo|trio|former|latter)|"
                            r"(?:both|the\s+two)\s+(?:men|women|sides|parties|countries|"
                            r"governments|leaders|companies))$",
                            re.IGNORECASE)  # fmt: skip
PERSON_PRONOUN = re.compile(r"^(?:he|she)(?:\s+also)?$", re.IGNORECASE)
SUBJECT_PRONOUN = re.compile(r"\s(?P<pronoun>he|she|they|it)$")
PRONOUN = re.compile(r"^(?:he|she|they|it|the\s+source|the\s+official)(?:\s+also)?$",
                     re.IGNORECASE)  # fmt: skip
# People described by what they are, not by name; each takes "s" in the plural.
PEOPLE_NOUNS = ("source", "resident", "insider", "worker", "cadre", "observer", "diplomat",
                "analyst", "employee", "manager", "member", "trader", "organi[sz]er",
                "engineer", "firefighter", "critic", "expert", "doctor", "activist",
                "neighbou?r", "villager", "investigator", "farmer", "correspondent",
                "economist", "scientist", "researcher", "academic", "lawyer", "protester",
                "soldier", "teacher", "nurse", "student", "passenger", "survivor", "relative",
                "officer", "astronomer", "physician", "surgeon", "scholar", "historian",
                "prosecutor", "investor", "shareholder", "voter", "consumer", "parent",
                "forecaster", "meteorologist", "geologist", "biologist", "physicist",
                "proponent", "opponent", "supporter", "campaigner", "advocate", "reporter",
                "journalist", "columnist", "photographer", "citizen", "medic", "paramedic",
                "rescuer", "inspector", "negotiator", "pilot", "miner", "volunteer", "elder",
                "detainee", "prisoner", "inmate", "hostage", "victim", "refugee", "delegate",
                "lawmaker", "legislator", "monitor", "bystander", "onlooker")  # fmt: skip
OTHER_PEOPLE = ("person", "someone", "fisherman", "witness", "eyewitness", "spokesperson",
                "spokesman",
                "spokeswoman")  # fmt: skip
OTHER_PEOPLE_PLURAL = ("people", "fishermen", "witnesses", "eyewitnesses", "spokespeople",
                       "spokesmen",
                       "spokeswomen", "authorities", "locals", "families")  # fmt: skip
# People known only by what they did: "Those who oppose the plan", "Some of those who fled".
THOSE_WHO = re.compile(r"^(?:(?:some|many|most|all|several|few)\s+of\s+)?those\s+who\s",
                       re.IGNORECASE)  # fmt: skip
# "officials" but not "official police figures" (a document of the police)
OFFICIALS = (r"officials?(?!\s+(?:police|government|briefing|statement|report|figures|data|"
             r"records?|documents?|results?)\b)")  # fmt: skip
ANONYMOUS_WORDS = re.compile(
    r"\b(?:" + "|".join([OFFICIALS, *(f"{noun}s?" for noun in PEOPLE_NOUNS), *OTHER_PEOPLE,
                         *OTHER_PEOPLE_PLURAL]) + r")\b", re.IGNORECASE)  # fmt: skip
PLURAL_WORDS = re.compile(
    r"\b(?:" + "|".join(["officials", *(f"{noun}s" for noun in PEOPLE_NOUNS),
                         *OTHER_PEOPLE_PLURAL, "multiple", "several", "many", "two", "three",
                         "four", "five"]) + r")\b", re.IGNORECASE)  # fmt: skip
# A person described only by a title, however unique: "The launch director of Atlantis".
ROLE_NOUNS = (r"(?:minister|director|manager|secretary|chairman|chairwoman|chair|chief|head|"
              r"officer|commander|governor|mayor|ambassador|adviser|advisor|leader|editor|"
              r"executive|inspector|president|coordinator|administrator|premier|senator|"
              r"superintendent|archbishop|bishop|chancellor|commissioner|counsel|envoy|"
              r"attorney|coroner|ombudsman|"
              r"spokes(?:man|woman|person))")  # fmt: skip
ROLE_ONLY = re.compile(rf"^(?:the|a|an)\s+(?:[\w’'-]+\s+){{0,4}}?{ROLE_NOUNS}"
                       r"(?:\s+(?:of|for|at|from|in)\s+[^,]*)?$", re.IGNORECASE)  # fmt: skip
# A title of a place, then the holder's name with no comma: "The President of Norvania Ivo
# Kask" (a one-word place, then a name of two or three words).
TITLE_OF_PLACE_THEN_NAME = re.compile(rf"^(?i:the\s+(?:[\w’'-]+\s+){{0,3}}?{ROLE_NOUNS})\s+"
                                      r"(?:of|for)\s+[A-Z][\w’'-]+"
                                      r"(?:\s+[A-Z][\w’'.-]+){2,3}$")  # fmt: skip
# A statement with no sender named stands as a document: "according to a statement issued today".
STATEMENT_ALONE = re.compile(r"^(?:[Aa]n?|[Tt]he)\s+(?:(?:joint|written|brief|press)\s+)?"
                             r"(?:statement|announcement|communiqu[eé])(?:\s+(?:issued|released|"
                             r"published|made)(?:\s+[a-z]+)*)?$")  # fmt: skip
# Sources joined by "and" or "along with": a named one first names them all.
JOINED_SOURCES = re.compile(r"\s+(?:and|along\s+with)\s+")
ENDS_WITH_A_NAME = re.compile(r"[A-Z][\w’'.-]+\s+[A-Z][\w’'.-]+$")  # "... Ana Vesk"
# A person known only by relation or office to a named person or country.
RELATION_OF_A_NAME = re.compile(rf"^(?:[A-Z][\w.-]*\s+){{0,3}}[A-Z][\w.-]*['’]s\s+"
                                rf"(?:[\w-]+\s+){{0,2}}(?:(?i:{ROLE_NOUNS})|daughter|son|wife|husband|mother|father|"
                                r"brother|sister|widow|widower|lawyer|partner)$")  # fmt: skip
# Bodies in the plural with no name: "International humanitarian organisations and human
# rights watchdogs", "aid agencies".
UNNAMED_BODIES = re.compile(r"^(?:[A-Z][a-z-]+\s+)?(?:[a-z-]+\s+){0,3}(?:organi[sz]ations|groups|"
                            r"agencies|charities|watchdogs|governments|unions|companies|firms)"
                            r"(?:\s+(?:and|or)\s+(?:[a-z-]+\s+){0,3}[a-z-]+s)?$")  # fmt: skip
# A capitalised title standing for the one person who holds it: "the Premier", "the Mayor".
THE_TITLE = re.compile(r"^[Tt]he\s+(?:Prime\s+Minister|Premier|Mayor|President|Pope|Governor|"
                       r"Chancellor|Archbishop|Queen|King|Senator|Chief\s+Executive)$")  # fmt: skip
TITLE_THEN_NAME = re.compile(rf"\b(?i:{ROLE_NOUNS}),?\s+"
                             r"(?P<name>[A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]*){1,3})$")  # fmt: skip
# A role, then the name: "Chief Operating Officer of Microsoft, Kevin Turner".
ROLE_THEN_NAME = re.compile(r"^[^,]+,\s+[A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+){1,3}$")
# A name, then who they are: "Leroy Cain, the American manager of the mission".
NAME_THEN_ROLE = re.compile(r"^[A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+){1,3},\s")
HEAD_END = re.compile(r"\s(?:of|in|for|at|from|with|who|that|on)\s")
NAME_AFTER_ROLE = re.compile(ANONYMOUS_WORDS.pattern + r",?\s+[A-Z][a-z]+")
DOCUMENT_WORDS = re.compile(
    r"\b(?:records?|documents?|papers|data|reports?|surveys?|polls?|study|studies|results|"
    r"figures|statistics|census|filings?|files|audit|analysis|minutes|memo|letter|"
    r"transcripts?|articles?|leaks?|videos?|footage|recordings?|tapes?|story|stories|"
    r"websites?|web\s+sites?|blogs?|books?|press\s+releases?|bulletins?|communiqu[eé]s?|"
    r"dossiers?|cables?|e-?mails?)\b",
    re.IGNORECASE)  # fmt: skip
INCLUDING_NAMES = re.compile(r"\b(?:including|such\s+as|among\s+them)\s+(?:the\s+)?[A-Z]")
NAMED_CALLED = re.compile(r"\b(?:named|called)\s+[A-Z]")
OUTLET_WORDS = re.compile(r"websites?|web\s+sites?|blogs?", re.IGNORECASE)
UNNAMED_REPORTS = re.compile(r"^(?:other|some|many|several|media|news|newspaper|local|unconfirmed|"
                             r"earlier|early|initial|press)?\s*reports$",
                             re.IGNORECASE)  # fmt: skip
ORGANISATION_WORDS = re.compile(
    r"\b(?:police|council|ministry|government|commission|authority|board|service|company|"
    r"agency|office|department|court|union|bureau|institute|university|hospital|army|"
    r"military|embassy|committee|charity|operator|firm|parliament|administration|division|"
    r"federation|association|foundation|organi[sz]ation|newspaper|magazine|website|network|"
    r"channel|station|team|party|club|inquiry|tribunal|hearing|jury)\b",
    re.IGNORECASE)  # fmt: skip
INFERENCE_START = re.compile(r"^(?:As\s+(?!of\b|well\b|a result\b|for\b|many\b|much\b|high\b|"
                             r"low\b|few\b|long\b|soon\b|far\b|(?:a\s+)?part\b|expected\b|"
                             r"usual\b|a sign\b)"
                             # "As the dispute continues, ...": a time, not a reason
                             r"(?![^,]*\b(?:continues|continued|goes\s+on|went\s+on|unfolds|"
                             r"unfolded|progresses|progressed)\s*,)"
                             r"[^,]+,|This is because\b|This means\b|That is why\b)")  # fmt: skip
HEDGES = re.compile(r"\b(?:reportedly|allegedly|apparently|it appears|there appears? to be|"
                    r"appears? to|it seems|seems? to|rumou?red|"
                    r"(?:is|are|was|were) (?:still |also |now |widely |not )?"
                    r"(?:(?:said|believed|expected|thought|reported|forecast|predicted|"
                    r"presumed|rumou?red|alleged) to|suspected|feared|"
                    r"reported)|it is (?:believed|thought|understood)|"
                    r"(?:has|have|had) (?:also )?been reported|reports say|^reports (?:on|about)|"
                    r"(?:^|\bbut |\band )reports of (?!the\b)|"
                    r"there (?:has|have|had) (?:also )?been reports?|"
                    r"there (?:were|was|are|is) (?:also )?(?:[a-z]+ )?reports? (?:of|that)|"
                    r"supposedly|purportedly|presumably|possibly|(?:believed|presumed) to be|"
                    r"(?:might|may|could) have been|(?:is|are|was|were|has been|have been) "
                    r"blamed (?:on|for)|(?:early|initial|first|unconfirmed|erroneous|false|"
                    r"conflicting|"
                    r"news|media) reports|(?:is|are|was|were) projected to|"
                    r"(?:is|are|was|were) (?:widely )?expected(?=\s*[.!?]?$)|"
                    r"(?:has|have|had) been described as|"
                    # a passive verb of judging with nobody named: "is considered shallow",
                    # "has been widely criticized", "Widely regarded as" (not "... by X")
                    r"(?:(?:is|are|was|were|has been|have been|had been) (?:also |widely |"
                    r"generally |often |now )?|widely )(?:considered|regarded as|seen as|"
                    r"viewed as|critici[sz]ed|condemned|mentioned(?! as\b)|cited)(?! by\b)|"
                    r"speculations? (?:was|were|has been|have been) (?:made|raised)|"
                    r"(?:speculations?|rumou?rs?) (?:that|of)|"
                    r"media (?:has|have|had) (?:[a-z]+ )?reports)\b",
                    re.IGNORECASE)  # fmt: skip
# "a leader from the council": one person not named, described by where they belong ("a
# group called X" is named; "an official police briefing" is the police's).
INDEFINITE = re.compile(r"^(?:a|an)\s+[\w-]+(?:\s+[\w-]+)?\s+(?:from|of|for|at|in|with)\s"
                        r"(?!.*\b(?:called|named)\b)", re.IGNORECASE)  # fmt: skip
DETERMINERS = {"a", "an", "the", "one", "two", "some", "multiple", "several", "many", "he",
               "she", "they", "this", "that", "local", "unnamed", "its", "their", "his",
               "her", "it", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
               "dozens", "hundreds", "thousands", "most", "all", "both"}  # fmt: skip

# Words that open a sentence with a capital without being a name: "Amongst the accused".
OPENING_WORDS = {"amongst", "among", "outside", "inside", "after", "before", "during",
                 "following", "however", "meanwhile", "despite", "although", "while", "when",
                 "since", "because", "if", "in", "on", "at", "for", "with", "without", "under",
                 "over", "both", "all", "most", "few", "each", "every", "other", "others",
                 "there", "here", "then", "now", "today", "yesterday", "also", "still", "yet",
                 "but", "and", "or", "so", "earlier", "later", "these", "those", "we", "i",
                 "you", "our", "my", "your", "no", "only", "even", "such", "any", "either",
                 "neither", "what", "why", "how", "where", "who", "please", "let"}  # fmt: skip
# Verbs of finding that attribute a claim only for a document, or with "that": "a poll
# found 40%", "police found that ..." but not "villagers found the recorder".
FINDING_VERBS = {"found", "finds", "show", "shows", "showed"}
# Verbs of promising say something only before "to" or "that": "promised to pay", not
# "promised women as one of its perks".
# "agreed to", "agreed that", "agreed with the assessment that": a claim; "agreed a deal": not.
PROMISE_AFTER = re.compile(r"\s+(?:to|that)\b|\s+with\s+(?:the|this|that|his|her|their|its)\s+"
                           r"[\w-]+\s+that\b")  # fmt: skip
PROMISING_VERBS = {"promised", "promises", "pledged", "pledges", "agreed", "agrees"}
# Verbs of urging say something only before someone and "to", or "that": "urged residents to
# leave", not "visited the port and urged reform".
URGE_AFTER = re.compile(r"\s+(?:[\w’'-]+\s+){1,4}?to\s+[a-z]+|\s+that\b")
URGING_VERBS = {"urged", "urges"}
TO_SOMEONE = re.compile(r"\s+to\s")
TO_SOMEONE_VERBS = re.compile(r"(?:said|says|explain(?:s|ed)?|complain(?:s|ed)?|"
                              r"apologi[sz](?:es|ed)|wr(?:ote|ites)|sp(?:oke|eaks)|"
                              r"admit(?:s|ted)|announc(?:es|ed)|declar(?:es|ed)|"
                              r"mention(?:s|ed)|confess(?:es|ed)|stat(?:es|ed)|insist(?:s|ed)|"
                              r"(?:made|makes)\s+(?:it\s+)?clear|describ(?:es|ed)|"
                              r"reveal(?:s|ed)|disclos(?:es|ed))")  # fmt: skip
# A verb of saying in "-ing" before "that", in a clause of its own: the source is the
# sentence's subject ("X has filed a lawsuit, alleging that ...", "X sued the firm stating
# that ...", "he agreed after assuring them that ...").
SAYING_ING = re.compile(r"\b(?:saying|stating|claiming|alleging|insisting|arguing|warning|"
                        r"assuring|explaining|complaining|denying|admitting|noting|"
                        r"suggesting|declaring|announcing|confirming|revealing|maintaining|"
                        r"reporting|asserting|contending|threatening|vowing|promising)"
                        r"(?:\s+[\w’'-]+){0,2}?\s+that\b")  # fmt: skip
# The subject a sentence opens with, after a phrase of time or place ("In the end, he"): up
# to a comma or the first auxiliary or verb in the past.
OPENING_PHRASE = re.compile(r"^(?:(?:In|At|On|During|After|Before)\b[^,]{0,40}|"
                            r"(?:Last|This|Earlier|Later)(?:\s+\w+)?),\s+")  # fmt: skip
SUBJECT = re.compile(r"^(?P<who>[^,;“”\"]+?)(?:,|\s+(?:has|have|had|was|were|is|are|will|"
                     r"would|can|could|[a-z]+ed)\b)")  # fmt: skip
# "in what it claims to be", "in what officials called": a characterisation by someone.
IN_WHAT_X_CALLED = re.compile(r"\bin\s+what\s+(?P<who>[\w’'.-]+(?:\s+[\w’'.-]+){0,3}?)\s+"
                              r"(?P<verb>claims?|claimed|calls?|called|describes?|described|"
                              r"terms?|termed)\b")  # fmt: skip
# "sources state that", "the inquiry heard that" (not "the state of West Bengal").
NEEDS_THAT = {"state", "heard"}
# Verbs that also mean an event ends or goes on say something only before "that", "by
# saying" or a quotation: "the study concluded that", not "the festival concluded yesterday",
# "fighting has continued in the capital".
ENDING_VERBS = {"concluded", "concludes", "continued"}
SAYING_AFTER = re.compile(r"\s*(?:that\b|by\s+saying\b|:|,?\s*[“\"])")

# A verb's form after a determiner, a preposition or a number is a noun or an adjective: "the
# suspect", "trials of alleged criminals", "the claims of", "the two states".
# A verb of saying in the infinitive after a noun or an aim is not a report ("in a bid to
# encourage", "plans to announce"); after a verb that reports it is ("continued to insist").
INFINITIVE_BEFORE = re.compile(r"\b(?:bid|attempt|effort|order|plans?|planning|hopes?|hoping|"
                               r"aims?|aiming|wants?|wanted|intends?|intended|expected|set|"
                               r"due|going|trying|tried|seeks?|sought|way)\s+to\s+$")  # fmt: skip
NOUN_BEFORE = re.compile(r"\b(?:the|a|an|its|their|his|her|these|those|this|of|for|with|"
                         r"against|about|into|over|amid|despite|regarding|concerning|became|become|becomes|two|three|four|five|six|seven|"
                         r"eight|nine|ten|several|many)\s+$",
                         re.IGNORECASE)  # fmt: skip
# A verb's form followed by "are", "is", ...: a noun ("the accused are", "the forecast is").
NOUN_AFTER = re.compile(r"\s+(?:are|is|were|was)\b")
VERBS_ALSO_NOUNS = {"claim", "claims", "estimate", "estimates", "forecast", "forecasts",
                    "suspect", "suspects", "show", "shows"}  # fmt: skip
NUMBER_AFTER = re.compile(r"\s+(?:\d|another\b|a\s+further\b|an\s+extra\b)")  # "added 24 points"
SPEAKER_AHEAD = 4  # sentences after a quotation in which to look for its speaker
Speaker = tuple[str, str] | None  # (cue, who)

COLUMNS = ["sentence_id", "attribution_type", "cue", "source_described", "kind", "text"]


@dataclass
class Source:
    """Who or what a sentence rests on, and the words that say so."""

    label: str
    cue: str
    described: str


def _names_a_document(phrase: str) -> bool:
    """True when a document word describes the source, not when it is part of a name
    ("a survey by X" but not "the Geological Survey")."""
    for match in DOCUMENT_WORDS.finditer(phrase):
        before = phrase[:match.start()].split()
        in_a_name = match.group(0)[0].isupper() and bool(before) and before[-1][:1].isupper()
        after = phrase[match.end():].split()
        if OUTLET_WORDS.fullmatch(match.group(0)) and after and after[0][:1].isupper():
            in_a_name = True  # "the blog Daily Kos" is a named outlet, "a website" a document
        if not in_a_name:
            return True
    return False


def _has_name(phrase: str) -> bool:
    """True when `phrase` names someone: a capitalised word that is not the first word only."""
    words = [w.strip("“”\"'’()") for w in phrase.split()]
    capitals = [w for w in words[1:] if w[:1].isupper()] if words else []
    first_is_name = bool(words) and (words[0][:1].isupper() or
                                     re.match(r"[a-z]{1,3}-[A-Z]", words[0]) is not None) and \
        words[0].lower() not in DETERMINERS and words[0].lower() not in OPENING_WORDS
    return first_is_name or bool(capitals)


def classify_source(phrase: str) -> str:
    """The attribution type for a source as described ("multiple sources", "Mira Tanaka",
    "a survey by Fenwick Polling")."""
    phrase = phrase.strip()
    if BACK_REFERENCE.match(phrase):
        return "named_source"
    joined = JOINED_SOURCES.split(phrase, maxsplit=1)
    if len(joined) == 2 and ENDS_WITH_A_NAME.search(joined[0]) and \
            classify_source(joined[0]) == "named_source" and _unnamed_people(joined[1]):
        return "named_source"  # "Prime Minister Ana Vesk and officials": a name among them
    if RELATION_OF_A_NAME.match(phrase):
        return "one_anonymous_source"  # "Ana Vesk's daughter", "Norvania's president"
    if UNNAMED_BODIES.match(phrase) or THOSE_WHO.match(phrase):
        return "several_anonymous_sources"  # "International aid agencies", "Those who fled"
    if UNNAMED_REPORTS.match(phrase):
        return "hedge_no_source"
    if _names_a_document(phrase) or STATEMENT_ALONE.match(phrase):
        return DOCUMENT
    if NAME_THEN_ROLE.match(phrase) or THE_TITLE.match(phrase) or (
            TITLE_OF_PLACE_THEN_NAME.match(phrase) and  # not "the head of Kestrel Ferries Group"
            not re.search(r"(?i)\b(?:group|inc|ltd|corporation)\b", phrase) and
            not ORGANISATION_WORDS.search(" ".join(phrase.split()[-2:]))):
        return "named_source"
    if ROLE_ONLY.match(phrase):
        return "one_anonymous_source"
    if ROLE_THEN_NAME.match(phrase):
        return "named_source"  # "Chief Operating Officer of Microsoft, Kevin Turner"
    if INCLUDING_NAMES.search(phrase) or NAMED_CALLED.search(phrase):
        return "named_source"  # "many news sources including Radio Kestrel", "a man named X"
    if PEOPLE_OF_A_NAME.match(phrase):
        return "named_source"  # "Members of the Varnholm Teachers Union"
    if _unnamed_people(phrase) and not NAME_AFTER_ROLE.search(phrase):
        head = HEAD_END.split(phrase)[0]  # "one cadre" of "one cadre in charge of workers"
        if PLURAL_WORDS.search(head):
            return "several_anonymous_sources"
        return "one_anonymous_source"
    if INDEFINITE.match(phrase):
        return "one_anonymous_source"
    if ORGANISATION_WORDS.search(phrase) or _has_name(phrase):
        return "named_source"
    return "one_anonymous_source"


ORGANISATION_BEFORE = re.compile(rf"\s+{ORGANISATION_WORDS.pattern}")  # "refugee agency"


# People who work for or belong to a named body, with no number before them: "Members of the
# Varnholm Teachers Union", "Biologists from Red Shore Relief" (but "two officials of X", and
# "Residents of Port Ellery" are people of a place, not a body's voice).
MEMBER_NOUNS = ("member", "employee", "worker", "scientist", "researcher", "biologist",
                "geologist", "physicist", "astronomer", "engineer", "doctor", "expert",
                "analyst", "economist", "lawyer", "activist", "campaigner", "volunteer",
                "investigator", "inspector", "monitor", "delegate")  # fmt: skip
PEOPLE_PLURAL = "|".join(f"{noun}s" for noun in MEMBER_NOUNS)
PEOPLE_OF_A_NAME = re.compile(rf"^(?i:(?:the\s+)?(?:{PEOPLE_PLURAL})"
                              r"\s+(?:of|from|at)\s+(?:the\s+)?)[A-Z][\w’'-]*"
                              r"(?:\s+(?:[A-Z][\w’'-]*|of|and|for|the))*$")  # fmt: skip


def _unnamed_people(phrase: str) -> bool:
    """True when a people noun describes the source ("two officials"), not when it is part of
    a name ("Reporters Without Borders")."""
    return any((match.group(0)[0].islower() or match.start() == 0) and
               not ORGANISATION_BEFORE.match(phrase, match.end())
               for match in ANONYMOUS_WORDS.finditer(phrase))


def _is_a_role(phrase: str) -> bool:
    """True for a person described by role ("a commander of the army", "the mayor of X"),
    not an organisation or a document."""
    return phrase.split()[0].lower() in {"a", "an", "the"} and \
        not ORGANISATION_WORDS.search(phrase) and not _names_a_document(phrase)


def _looks_like_source(phrase: str) -> bool:
    """True when a phrase before a verb of saying names a source rather than a thing."""
    return bool(UNNAMED_REPORTS.match(phrase) or _names_a_document(phrase)
                or THOSE_WHO.match(phrase)
                or ANONYMOUS_WORDS.search(phrase) or ORGANISATION_WORDS.search(phrase)
                or _has_name(phrase) or PRONOUN.match(phrase)
                or BACK_REFERENCE.match(phrase))  # fmt: skip


def _clean_source(phrase: str) -> str:
    """The speaker or document only: no participle ("obtained by ..."), and an appositive
    kept only when it is the name ("The mayor, Jane Roe" but "Roe" from "Roe, the mayor")."""
    phrase = DASH_APPOSITIVE.sub(r", \g<inside>, ", phrase)  # "Ivo Kask — the minister —"
    phrase = DASH_AT_END.sub("", phrase)  # the close of a dash cut off before the source
    phrase = BRACKETED_NOTE.sub("", PARTICIPLE.sub("", phrase.strip().rstrip(",")))
    phrase = DATE_BEFORE_NAME.sub("", phrase)
    parts = [part.strip() for part in phrase.split(",") if part.strip()]
    if len(parts) >= 2:
        first, second = parts[0], parts[1]
        bare = re.sub(r"^the\s+(?=[A-Z])", "", second)  # "the Orrin Valley Water Company"
        second_is_name = _has_name(bare) and bare.split()[0].lower() not in DETERMINERS \
            and bare.split()[0].lower() not in {"from", "in", "of", "at", "near"} \
            and bare.split()[0].lower() not in {"who", "which", "speaking", "however",
                                                 "including"} \
            and not (PLAIN_NAME.fullmatch(first) and re.search(ROLE_NOUNS, second, re.IGNORECASE))
        phrase = f"{first}, {second}" if second_is_name else first
        if second_is_name and OPENER_BEFORE_NAME.match(first):
            phrase = second  # "Speaking at the pier on Monday, Harbour chair Jane Roe"
    phrase = RELATIVE_CLAUSE.sub("", phrase)
    if not ROLE_TO.search(phrase):  # "the ambassador to Norvania, Ivo Kask" keeps its "to"
        phrase = SPOKEN_TO.sub("", phrase)  # "said X to the AFP agency"
    phrase = TIME_OF_DAY_AFTER.sub("", phrase)
    day = DAY_AFTER.search(phrase)
    if day:
        last = phrase[:day.start()].split()[-1] if phrase[:day.start()].split() else ""
        if last[:1].isupper() or ORGANISATION_WORDS.fullmatch(last) or \
                ANONYMOUS_WORDS.fullmatch(last):
            phrase = phrase[:day.start()]
    return ADVERB_AFTER.sub("", phrase)


def _only_named_in_quotes(body: str) -> bool:
    """True when the quotation marks only set off a word or two ("Landis' "A" sample") and
    nobody speaks or calls anything in the sentence: a name or term, not quoted words."""
    rest = SHORT_QUOTE.sub("", body)
    return len(rest.split()) >= 3 and \
        not any(mark in rest for mark in QUOTES_OPEN + QUOTES_CLOSE) and \
        not SPEECH_WORD.search(body) and not CALLED_QUOTE.search(body)


def _person_name(described: str) -> str:
    """The name alone of a source described with a title before it, for "he" or "she" in a
    later sentence: "New Zealand Prime Minister Helen Clark" -> "Helen Clark"."""
    titled = TITLE_THEN_NAME.search(described)
    return titled["name"] if titled else described


def _pronoun_label(pronoun: str) -> str:
    """The type for a speaker known only by a pronoun, with no one named before it in the
    text: "he" or "she" stands for a person the story named earlier (`named_source`); "the
    source" or "the official" for one it did not."""
    return "named_source" if PERSON_PRONOUN.match(pronoun) else "anonymous_person_quoted"


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
    """(cue, speaker) of the quotation in a paragraph: the first speech verb next to a
    closing quotation mark, else the first outside quotation marks."""
    if not SPEECH_WORD.search(paragraph):
        called = CALLED_QUOTE.search(paragraph)
        who = _clean_source(_source_phrase(called["who"])) if called else ""
        if called and _looks_like_source(who):
            return "called", who
        introduced = QUOTE_AFTER_COLON.search(paragraph)
        subject = _named_subject(introduced["clause"]) if introduced else ""
        return (introduced["mark"], subject) if subject else None
    for pattern in (QUOTE_THEN_VERB, QUOTE_THEN_SPEAKER):
        match = pattern.search(paragraph)
        if match:
            verb = SPEECH_WORD.search(match.group(0))
            who = _source_after_verb(match["who"]) if pattern is QUOTE_THEN_VERB \
                else _source_phrase(match["who"])
            return (verb.group(0) if verb else "said"), _clean_source(who)
    outside = re.sub(r"“[^”]*”|\"[^\"]*\"", "", paragraph)
    match = SAID_BEFORE.search(outside)
    if match and not re.match(r"(?i)it\b", match.group(1)):
        verb = re.search(SPEECH, match.group(0)[len(match.group(1)):])
        who = match.group(1)
        if who.lower() in {"and", "but", "then"} or BOTH_OF_THEM.match(who):
            # "X has described ... as “...”, and said"; "X and Y, both part of Z, said"
            subject = _claimed_source(outside[:match.start(1)])
            return (subject.cue, subject.described) if subject else None
        named_before = NAME_BEFORE_ROLE.search(outside[:match.start(1)])
        if named_before and re.match(r"(?i)(?:the|a|an)\s", who):
            who = f"{named_before['name']}, {who}"  # "Leroy Cain, the manager of X said"
        return (verb.group(0) if verb else "said"), _clean_source(_source_phrase(who))
    return None


def _named_subject(clause: str) -> str:
    """The person a clause opens with, when it opens with a name, titles and all ("Former
    mayor Marc Morial summed up his view"): else ""."""
    words = clause.split()
    subject: list[str] = []
    for word in words[:6]:
        if word[:1].isupper() or word.lower() in TITLE_WORDS or \
                re.fullmatch(ROLE_NOUNS, word, re.IGNORECASE):
            subject.append(word)
        else:
            break
    while subject and not subject[-1][:1].isupper():
        subject.pop()
    name = " ".join(subject)
    if not subject or subject[0].lower() in OPENING_WORDS | DETERMINERS or \
            not re.search(r"[A-Z]\S*\s+[A-Z]|^[A-Z]\S+$", name):
        return ""
    return name


def _quoted_speaker(body: str, following: list[str], paragraph: Callable[[], Speaker],
                    earlier: Speaker) -> Speaker:
    """(cue, speaker) of a sentence with quoted words: named in the sentence itself ("X said",
    "X has confirmed ... by saying"), else the last speaker of a quotation earlier in the
    paragraph, else the first named in the next sentences ("“...” Then: “...,” said X."),
    else the paragraph's (`paragraph()`, worked out once per paragraph)."""
    own = _speaker(body)
    if own is None:
        claimed = _claimed_source(body)
        if claimed is not None and claimed.label != "hedge_no_source":
            own = claimed.cue, claimed.described
    return own or earlier or (_speaker(" ".join([body, *following])) if following else None) \
        or paragraph()


def _source_phrase(phrase: str) -> str:
    """The source's words in a phrase before a verb: no "but"/"and" in front, after the
    last "and" when the phrase is a clause ("150 were killed and officials"), and after a
    word that opens a clause ("This comes soon after the council"), and only the pronoun
    after a phrase of place or time ("In the video she")."""
    coordinated = COORDINATED_VERBS.match(phrase.strip())
    if coordinated:
        return coordinated["subject"]  # "he condemned the waste and said": "he"
    phrase = RELATIVE_BEFORE.sub("", re.sub(r"(?i)^(?:but|and)\s+", "", phrase.strip()))
    phrase = WHO_IS.sub("", phrase)  # "The police who are investigating", "a group that met"
    phrase = WHO_APPOSITIVE.sub("", phrase)  # "Ana Vesk, who has chaired ... since ...,"
    if re.search(r"\s(?:and|but)\s", phrase) and (CLAUSE_WORDS.search(phrase) or
                                                 FINITE_VERB.search(phrase)):
        phrase = re.split(r"\s(?:and|but)\s", phrase)[-1]
    where = WHERE_THEN_SOURCE.search(phrase)
    if where and not CLAUSE_WORDS.search(where["rest"]):
        phrase = where["rest"]  # "a meeting where Mr Howard", "a quay that port officers"
        # (but not "the hospital where the crew is treated", a clause inside the source)
    pronoun = SUBJECT_PRONOUN.search(phrase)
    if pronoun:
        return pronoun["pronoun"]  # "In the video she": the speaker is "she"
    place = PLACE_OR_TIME_BEFORE.match(phrase)
    if place:
        return place["name"]  # "In the interview Zapatero"
    return CLAUSE_OPENER.split(phrase)[-1]


def _source_after_verb(phrase: str) -> str:
    """The source's words after a verb ("..., said Liu after the race"): up to a word that
    opens a clause, and a name without the circumstance that follows it ("McCain at a final
    event in Arizona")."""
    phrase = CLAUSE_OPENER.split(phrase.strip())[0]
    circumstance = NAME_THEN_CIRCUMSTANCE.match(phrase)
    return circumstance["name"] if circumstance else phrase


def _short_enough(who: str) -> bool:
    """True for a source of at most 12 words, or of sources joined by "and" of at most 12 words
    each ("The World Health Organization and the Food and Agriculture Organization")."""
    return len(who.split()) <= 12 or (len(who.split()) <= 24 and all(
        len(part.split()) <= 12 and _has_name(part) for part in JOINED_SOURCES.split(who, 1)))


def _closes_an_appositive(body: str, verb_start: int) -> bool:
    """True when the comma before the verb at `verb_start` closes a subject and its
    appositive ("The mayor, Ana Vesk, announced"), so the verb's source comes before it."""
    leading = LEADING.match(body)
    return leading is not None and leading.start("verb") == verb_start and \
        "," in leading["who"]


def _claimed_source(body: str) -> Source | None:
    """The source of a sentence outside quotation marks, or None (rule 2 of the module)."""
    which = ACCORDING_TO_WHICH.search(body)
    if which:  # "files according to which ...": the files
        return Source(classify_source(which["who"]), "according to", which["who"])
    learned = LEARNED_THROUGH.search(body)
    if learned:
        who = _clean_source(learned["who"])
        return Source(classify_source(who), learned.group(0).split()[0], who)
    reported = AS_REPORTED.search(body) if "as " in body else None
    if reported:
        who = _clean_source(reported["who"])
        if _looks_like_source(who):
            return Source(classify_source(who), " ".join(reported.group(0).split()[:2]), who)
    according = ACCORDING.search(body)
    if according:
        source = re.sub(r"\s+on\s+[A-Z][a-z]+day$", "", according.group(1).strip())
        source = VERB_THEN_THAT.split(source)[0]  # "according to officials and X alleged that"
        run_on = NAME_THEN_ARTICLE.search(source)
        if run_on:  # no comma after the source
            source = source[:run_on.start("cut")]
        cue = according.group(0).split()[0] + " to"
        if according["name"] and _is_a_role(source):  # "a commander of the army, Ann Lee,"
            return Source("named_source", cue, f"{source}, {according['name']}")
        return Source(classify_source(source), cue, _clean_source(source))
    what = IN_WHAT_X_CALLED.search(body) if "what" in body else None
    if what:  # "in what it claims to be": the subject's words ("it") or the named source's
        who = what["who"]
        if SUBJECT_PRONOUN.search(" " + who):
            subject = SUBJECT.match(OPENING_PHRASE.sub("", body))
            who = _clean_source(subject["who"]) if subject else ""
        if who and _looks_like_source(who) and len(who.split()) <= 8:
            return Source(classify_source(who), what["verb"], who)
    coordinated = COORDINATED_CLAIM.match(body) if " and " in body else None
    if coordinated:  # "The statement is signed by 67 academies, and notes that ..."
        return Source(classify_source(coordinated["who"]), coordinated["verb"], coordinated["who"])
    candidates = []
    masked = NOUN_REPORTS.sub(lambda match: match.group(0)[:-7] + "Reports", body) \
        if "reports" in body else body
    for pattern in (INVERTED_AT_END, AT_END, LEADING, NAME_COMMA_VERB, INVERTED, INSIDE):
        for match in pattern.finditer(masked):
            words = body[match.start("who"):match.end("who")]
            who = _clean_source(_source_after_verb(words) if pattern in (INVERTED, INVERTED_AT_END)
                                else _source_phrase(words))
            unclosed = NAME_THEN_UNCLOSED_ROLE.search(body[:match.end("who")]) \
                if pattern in (INSIDE, AT_END) else None
            if unclosed:  # "Dr Frank Cain, a lecturer at the University of X has told"
                who = unclosed["name"]
            if pattern is INVERTED_AT_END and (len(who.split()) > 8 or CLAUSE_WORDS.search(who)
                                               or CLAUSE_AFTER_VERB.search(who)):
                continue  # ", told reporters that 200 people were ...": not a speaker
            if pattern in (INVERTED, INVERTED_AT_END) and \
                    _closes_an_appositive(masked, match.start("verb")):
                continue  # "The mayor, Ana Vesk, announced her resignation": not ", said X"
            if who.lower() == "who":  # "predicted by economists, who forecast ..."
                before = NOUN_BEFORE_WHO.search(body[:match.start("who")])
                who = before["noun"] if before else who
            someone = SPEECH_WORD.fullmatch(match["verb"]) is not None and \
                len(who.split()) <= 6 and who.split()[0].lower() in {"a", "an", "the", "one"}
            after = body[match.end("verb"):]
            if NOUN_BEFORE.search(body[max(0, match.start("verb") - 10):match.start("verb")]):
                continue  # "the suspect", "trials of alleged criminals"
            if re.search(r"\bto,?\s*$", words):
                continue  # "cut rates on Monday to, encourage spending": an infinitive
            if INFINITIVE_BEFORE.search(body[max(0, match.start("verb") - 30):match.start("verb")]):
                continue  # "in a bid to encourage the country": an aim, not a report
            if IN_A_RELATIVE_CLAUSE.search(body[max(0, match.start("verb") - 40):
                                                match.start("verb")]) and \
                    not re.match(r"\s+that\b", body[match.end("verb"):]):
                continue  # "X, who has sharply criticized the bill, has ordered": not the frame
            if PASSIVE_END.search(who) or COMPARISON_END.search(who) or (
                    match["verb"] in DOCUMENT_ONLY_VERBS and not _names_a_document(who)) or (
                    match["verb"] in FINDING_VERBS and not _names_a_document(who)
                    and not re.match(r"\s+that\b", after)) or (
                    match["verb"] in PROMISING_VERBS and not PROMISE_AFTER.match(after)
                    ) or (match["verb"] in URGING_VERBS and not URGE_AFTER.match(after)
                    ) or (match["verb"] in NEEDS_THAT and not re.match(r"\s+that\b", after)) or (
                    match["verb"] in ENDING_VERBS and not SAYING_AFTER.match(after)) or (
                    match["verb"] == "heard" and not ORGANISATION_WORDS.search(who)) or (

                    NOUN_AFTER.match(after) and (match["verb"].endswith("ed")
                                                 or match["verb"] in VERBS_ALSO_NOUNS)) or (
                    match["verb"] in {"added", "adds"} and NUMBER_AFTER.match(after)) or (
                    match["verb"].endswith("ed") and re.match(r"\s+by\b", after)) or (
                    TO_SOMEONE.match(after) and not TO_SOMEONE_VERBS.fullmatch(match["verb"])):
                continue  # "37 are reported missing", "more than predicted", "the toll gives"
            if who and _short_enough(who) and (_looks_like_source(who) or someone):
                candidates.append((match["verb"], who))
                break
        if candidates:
            break
    saying = SAYING_ING.search(body) if not candidates and "ing" in body else None
    if saying and NOUN_BEFORE.search(body[max(0, saying.start() - 10):saying.start()]):
        saying = None  # "after a warning that": the noun
    subject = SUBJECT.match(OPENING_PHRASE.sub("", body)) if saying else None
    if subject:
        who = _clean_source(subject["who"])
        if _looks_like_source(who) and len(who.split()) <= 8:
            candidates.append((saying.group(0).split()[0], who))
    agent = BY_AGENT.search(body) if "by" in body or MESSAGE_SIGN.search(body) else None
    agent_who = _clean_source(AFTER_AGENT.sub("", agent["who"])) if agent else ""
    if not candidates and agent and _looks_like_source(agent_who):
        candidates.append(("by", agent_who))
    if not candidates:
        return None
    verb, who = candidates[0]
    return Source(classify_source(who), verb, who)


def find_attribution(text: str, furniture: Mapping[int, str] | None = None) -> pd.DataFrame:
    """Return one row per sentence of `text` with its attribution type, cue and source."""
    check_text(text)
    sentences = split_sentences(text, furniture)
    by_paragraph: dict[int, list[str]] = {}
    for number, body in zip(sentences["paragraph"], sentences["text"], strict=True):
        by_paragraph.setdefault(number, []).append(body)
    paragraph_speakers: dict[int, Speaker] = {}

    def paragraph_speaker(number: int) -> Speaker:
        if number not in paragraph_speakers:
            paragraph_speakers[number] = _speaker(" ".join(by_paragraph[number]))
        return paragraph_speakers[number]

    rows = []
    last_speaker = Source("anonymous_person_quoted", "", "")
    previous: Source | None = None  # the last source of the current paragraph
    inside = False
    current_paragraph = None
    quote_speaker: Speaker = None  # the last quotation's speaker in the paragraph
    position = 0  # of the sentence in its paragraph
    for sentence in sentences.itertuples(index=False):
        body = sentence.text
        if sentence.paragraph != current_paragraph:
            current_paragraph, inside, previous = sentence.paragraph, False, None
            quote_speaker, position = None, 0
        position += 1
        was_inside = inside
        inside = _quote_state(body, inside)
        quoted = was_inside or (any(mark in body for mark in QUOTES_OPEN + QUOTES_CLOSE)
                                and not _only_named_in_quotes(body))
        if quoted:
            following = by_paragraph[sentence.paragraph][position:position + SPEAKER_AHEAD]
            speaker = quote_speaker = _quoted_speaker(
                body, following, partial(paragraph_speaker, sentence.paragraph), quote_speaker)
        else:
            speaker = None
        result = Source("unattributed_assertion", "", "")
        claimed = None if quoted and speaker else _claimed_source(body)
        inference = INFERENCE_START.search(body)
        hedge = HEDGES.search(body)
        if quoted and speaker:
            verb, who = speaker
            marks = [mark for mark in "“”\"" if mark in body]
            cue = "; ".join(([verb] if verb in body else []) + ([" ".join(marks)] if marks
                                                                 else []))  # fmt: skip
            if PRONOUN.match(who):
                result = Source(last_speaker.label, cue, _person_name(last_speaker.described)) \
                    if last_speaker.described else Source(_pronoun_label(who), cue, who)
            else:
                label = classify_source(who)  # a name, a document, or an unnamed person
                if label not in ("named_source", DOCUMENT, "several_anonymous_sources"):
                    label = "anonymous_person_quoted"  # one unnamed person's own words
                result = last_speaker = Source(label, cue, who)
            previous = result
        elif claimed and PRONOUN.match(claimed.described) and previous is not None:
            result = Source(previous.label, claimed.cue, _person_name(previous.described))
        elif not claimed and previous is not None and (points_back := POINTS_BACK.match(body)):
            result = Source(previous.label, points_back.group(0), previous.described)
        elif claimed and not PRONOUN.match(claimed.described) and \
                claimed.label != "hedge_no_source":
            result = previous = claimed
            if claimed.label == "named_source":
                last_speaker = claimed  # a later “...,” she said. refers back to her
        elif inference:
            opening = inference.group(0)
            cue = "As" if opening.startswith("As") else opening
            if hedge:
                cue += "; " + hedge.group(0)
            result = Source("reporters_inference", cue, "the reporter")
        elif hedge or (claimed and claimed.label == "hedge_no_source"):
            cue = hedge.group(0) if hedge else claimed.cue if claimed else ""
            result = Source("hedge_no_source", cue, "")
        rows.append({"sentence_id": sentence.sentence_id, "attribution_type": result.label,
                     "cue": result.cue, "source_described": result.described,
                     "kind": sentence.kind, "text": body})  # fmt: skip
    return pd.DataFrame(rows, columns=COLUMNS)
