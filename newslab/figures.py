"""Find the figures in a news text: the table lesson 02 builds by hand, made by rules.

`find_figures(text)` returns one row per figure with the columns of `data/figures.csv`
that can be read off the text: value, value_text, qualifier, low, high, low_inclusive,
bounds_rule, quote, sentence_id (plus figure_id, stated_unit, start, end and kind). What a
figure counts, where, and on whose word are judgements left to the reader.

What counts as a figure:
- digits, with thousands separators ("30,000", or Indian "1,50,000"), decimals ("2.5") and a
  scale word ("1.2 million", "250bn");
- number words: "twelve", "two dozen", "two hundred", "a million", and fractions ("a third",
  "two-thirds", "half of"), small ones too ("two canneries", "three years"); pass
  ``small_words=False`` to count "two" to "nine" in words in mid-sentence only after a
  qualifier ("at least three");
- a range ("between 300 and 400", "6 to 8", "10-15 percent", "one or two") is one row:
  qualifier and bounds_rule "range", no value, both bounds; a change ("rose from 125 to 149")
  is two figures;
- a time to a fraction of a second ("4:03.84") is a duration, in seconds;
- "one" only after a qualifier ("in under one second"), before a person or a unit of time
  ("killing one person", "valid for one year") or opening a range ("one or two");
- "-plus" after a number is a floor ("two dozen-plus": more than 24), and a qualifier reaches
  past "the age of" ("over the age of eighteen");
- "and a half" after a number in words ("two and a half years" is 2.5).
The unit is captured where the words say it (`stated_unit`): percent, a currency, a measure
("kilometres", "tonnes") or "fraction"; what a count counts is left to the reader.

What does not count: dates in the usual formats ("3 May 2024", "May 3", "2024-05-03",
"03/05/2024"), years (1900-2099 written without a comma, an older year in "In 1789,", a list
or range of older years: "in 1640, 1702 and between 1811–1813") and decades, clock times
("14:05", "6 a.m.", "2245 UTC", "04.30 UTC", "eight twenty-five p.m."), phone numbers,
ordinals ("21st", "a third public meeting"), digits inside a name or code (COVID-19, K-300,
A320, K220-300, Version 2.1, "Pier 4", "Flight 4417", a house number: "12 Harbour Street",
"World War Two", the numbers of a sporting event: "the women's 400 metre medley"), years said
in words ("twenty twelve", "in two thousand five"), seasons ("2008–09"), emergency numbers ("a
911 call", "calls to 911"), ward, room, page, section or clause numbers, compound modifiers
("two-week", "a 109 ton vehicle", "a 500 or 1,000 year flood"), coordinates ("15.0° N"),
points in time ("four years ago", but "for six years before" is a duration), vague plurals
("hundreds"), "one" as a pronoun ("one of them") and a count of the sources themselves ("Two
officials who asked not to be named said", "according to two officials"). "No less than"
and "not fewer than" are read as the floor they are ("at least").

Qualifiers and the bounds they give come from `newslab.bounds`, the course's one rules table.
"""

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

import pandas as pd

from newslab import bounds as rules
from newslab.bounds import QUALIFIERS
from newslab.sentences import split_sentences
from newslab.textfile import check_text

SCALES = {"thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
          "trillion": 1_000_000_000_000, "bn": 1_000_000_000, "tn": 1_000_000_000_000}  # fmt: skip
CURRENCY_BEFORE = {"US$": "dollars", "$": "dollars", "€": "euros", "£": "pounds", "¥": "yen"}
# The currency signs as a pattern, longest first ("US$" before "$").
_CURRENCY = "(?:" + "|".join(re.escape(sign) for sign in sorted(CURRENCY_BEFORE, key=len,
                                                                  reverse=True)) + ")"
MONTHS = ("January|February|March|April|May|June|July|August|September|October|November|"
          "December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec")  # fmt: skip

NUMBER = re.compile(
    r"(?<![\w.,])"  # not glued to a word, a decimal point or a separator
    r"(?P<digits>\d{1,3}(?:,\d{3})+|\d{1,2}(?:,\d{2})+,\d{3}|\d+)"
    r"(?P<decimals>\.\d+)?"
    r"(?P<scale>\s+(?:thousand|million|billion|trillion)\b|(?:bn|tn)\b)?"
)
QUALIFIER_BEFORE = re.compile(r"\b(" + "|".join(QUALIFIERS) + r")\s+(?:some\s+|magnitude\s+|"
                              r"the\s+ages?\s+of\s+)?" +
                              _CURRENCY + r"?\s?$", re.IGNORECASE)  # fmt: skip
# FTSE 100, Standard & Poor's 500
NAME_BEFORE = re.compile(r"(?<![.!?]\s)(?<!^)\b(?:[A-Z][a-z]+(?:['’]s)?|[A-Z][A-Z&]+)\s$")
EMERGENCY_NUMBERS = {"911", "999", "112", "000"}
CALL_AFTER = re.compile(r"\s+(?:call|calls|caller|callers|operator|dispatcher)\b", re.IGNORECASE)
CALL_BEFORE = re.compile(r"\b(?:dial(?:l?ed|s|ing)?|call(?:ed|s|ing)?|phoned)\s+(?:to\s+)?$",
                         re.IGNORECASE)  # "dialled 999", "two calls to 911"
# The number in a sporting event's name: "the men's 400 metre medley", "4 x 100 metre relay".
EVENT_BEFORE = re.compile(r"\b(?:men|women|boys|girls)['’]s\s+(?:\d+\s*x\s*)?$", re.IGNORECASE)
EVENT_AFTER = re.compile(r"\s*x\s*\d")
# A house number: "10 Harbour Street", "221 Baker St." (the number before a street's name).
STREET_AFTER = re.compile(r"\s+(?:[A-Z][\w'’.-]*\s+){1,3}(?:Street|St\.|Road|Rd\.|Avenue|Ave\.|"
                          r"Lane|Boulevard|Drive|Place|Terrace|Crescent)(?!\w)")
# A model's code before a dash: "A330-200", "Tu-154M-100" (a letter in the token before it).
MODEL_BEFORE = re.compile(r"[A-Za-z][\w]*\d-$")
# A year in a list of years after "in": "in 920, 1612 and 1821" (each closes its item).
YEAR_LIST_BEFORE = re.compile(r"\b(?:[Ii]n|since|until)\s(?:\d{3,4},\s(?:and\s)?)*$")
YEAR_LIST_AFTER = re.compile(r",?\s(?:and\s)?(?:between\s)?\d{4}\b")
# A clock time in words: "at seven forty-three p.m.", "six o'clock".
CLOCK_AFTER = re.compile(r"\s*(?:[ap]\.\s?m\.|[ap]m\b|o['’]clock\b)", re.IGNORECASE)
CLAUSE_END = re.compile(r",\s+and\s+|;\s+|\s+but\s+|[,.!?]?[”\"]")  # a quotation ends it too

# Spans that hold digits but no figure; found first, and no figure may overlap them.
DATES_AND_TIMES = re.compile("|".join([
    r"\b\d{4}-\d{1,2}-\d{1,2}\b",                                        # 2024-05-03
    r"\b(?:19|20)\d{2}[–-]\d{2}\b(?![–-]\d)",                               # the 2008–09 season
    r"\b(?:[Bb]etween|[Ff]rom|[Ii]n)\s+1[0-8]\d{2}\s?[–-]\s?1[0-8]\d{2}\b"
    r"(?!\s*[a-z])",                              # in 1821–1823 (not "1200–1500 people")
    r"\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b",                                # 03/05/2024
    rf"\b\d{{1,2}}(?:\s*(?:-|–|to|and)\s*\d{{1,2}})?(?:st|nd|rd|th)?\s+(?:of\s+)?"
    rf"(?:{MONTHS})\b\.?(?:,?\s+\d{{4}})?",                              # 3 May 2024, 12 to 14 July
    rf"\b(?:{MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?:,\s*\d{{4}})?",  # May 3, Sept. 5, 2024
    r"\b\d{1,2}(?::\d{2}){1,2}(?![.:]\d)(?:\s*[ap]\.?\s?m\b\.?)?",       # 14:05, 3:15 a.m.
    r"\b\d{1,2}\s*[ap]\.?m\b\.?",                                        # 6 a.m., 7 pm
    r"\b(?:(?:[01]\d|2[0-3])[0-5]\d\s*(?:-|–|to|and)\s*)?"
    r"(?:[01]\d|2[0-3])[0-5]\d\s+(?:hours\s+|hrs\s+)?"
    r"(?:UTC|GMT|BST|CET|local time)\b",                    # 2245 (hours) UTC, 0700 to 1300 UTC
    r"\b0\d[0-5]\d\s+(?:hours|hrs)\b",                                      # 0600 hours
    r"\b\d{1,2}\.\d{2}(?:\s*(?:-|–|to|and)\s*\d{1,2}\.\d{2})?\s+"
    r"(?:on\s+\w+\s+(?:morning|afternoon|evening|night)\s+)?"
    r"(?:local\s+time|[ap]\.?m\b\.?|(?:UTC|GMT|BST|CET)\b)",  # 6.19 local time, 03.00 UTC
]))  # fmt: skip
REFERENCES_AND_PHONES = re.compile("|".join([
    r"(?i:\b(?:page|pages|pp?\.|section|sections|chapter|clause|article|paragraph|table|"
    r"figure|annex|appendix|item|line|version|no\.|number|wards?|rooms?|gates?|platforms?|category|"
    r"route|highway|interstate|flights?)\s+\d+(?:\.\d+)*(?:\s*(?:and|to|-)\s*"
    r"\d+(?:\.\d+)*)*)",                                                 # page 14, section 3.2
    r"(?<![\w,.])(?:\+\d{1,3}[\s-]?)?(?:\(\d{2,5}\)\s?)?\d{2,5}(?:[\s-]\d{2,5}){1,4}(?!\w|,\d)",
]))  # fmt: skip
PHONE_DIGITS = 7  # a phone-like span needs at least this many digits
SCORE_WITH_A_COLON = re.compile(r"(?<![\d:.])\d:\d(?![\d:.])")
# Two round hundreds joined by a dash are a range, not a phone number: "1000-1300 troops".
ROUND_RANGE = re.compile(r"(?P<low>\d+00)\s?[-–]\s?(?P<high>\d+00)")
COORDINATE_AFTER = re.compile(r"\s?°\s?[NSEW]\b")
# A time measured to a fraction of a second is a duration, never a clock time: "4:03.84"
# (minutes:seconds), "1:59:40.2" (hours:minutes:seconds). Its value is in seconds.
STOPWATCH = re.compile(r"(?<![\w.:,])(?:(?P<hours>\d{1,2}):)?(?P<minutes>\d{1,2}):"
                       r"(?P<seconds>[0-5]\d\.\d+)(?![\w:]|\.\d)")  # fmt: skip

MILLIONS_AFTER = re.compile(r"m(?![\w-])")  # after a currency sign: "$225m"
CURRENCY_SYMBOL = re.compile(_CURRENCY + r"\s?$")
UNIT_AFTER = re.compile(
    r"^\s?(?P<unit>%|percent\b|per\s+cent\b|percentage\s+points?\b|"
    r"dollars?\b|euros?\b|pounds?\b|crowns?\b|yen\b|yuan\b|rupees?\b|"
    r"square\s+(?:kilomet(?:re|er)s?|km|miles?|met(?:re|er)s?)\b|"
    r"kilomet(?:re|er)s?\b|km\b|miles?\b|met(?:re|er)s?\b|millimet(?:re|er)s?\b|mm\b|"
    r"centimet(?:re|er)s?\b|cm\b|tonnes?\b|tons?\b|kilograms?\b|kg\b|hectares?\b|litres?\b|"
    r"liters?\b)", re.IGNORECASE)  # fmt: skip
UNIT_NAMES = [
    (r"%|percent|per\s+cent", "percent"), (r"percentage\s+points?", "percentage points"),
    (r"dollars?", "dollars"), (r"euros?", "euros"), (r"pounds?", "pounds"),
    (r"crowns?", "crowns"), (r"yen", "yen"), (r"yuan", "yuan"), (r"rupees?", "rupees"),
    (r"square\s+(?:kilomet(?:re|er)s?|km)", "square kilometres"),
    (r"square\s+miles?", "square miles"), (r"square\s+met(?:re|er)s?", "square metres"),
    (r"kilomet(?:re|er)s?|km", "kilometres"), (r"miles?", "miles"),
    (r"millimet(?:re|er)s?|mm", "millimetres"), (r"centimet(?:re|er)s?|cm", "centimetres"),
    (r"met(?:re|er)s?", "metres"), (r"tonnes?|tons?", "tonnes"),
    (r"kilograms?|kg", "kilograms"), (r"hectares?", "hectares"), (r"lit(?:re|er)s?", "litres"),
]  # fmt: skip
UNIT_NAMES = [(re.compile(pattern, re.IGNORECASE), name) for pattern, name in UNIT_NAMES]

UNITS_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
               "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
               "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
               "nineteen": 19}  # fmt: skip
TENS_WORDS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
              "eighty": 80, "ninety": 90}  # fmt: skip
SCALE_WORDS = {"dozen": 12, "hundred": 100, "thousand": 1_000, "million": 1_000_000,
               "billion": 1_000_000_000, "trillion": 1_000_000_000_000}  # fmt: skip
SMALL_WORDS = {"two", "three", "four", "five", "six", "seven", "eight", "nine"}
_CARDINAL = "|".join(sorted([*UNITS_WORDS, *TENS_WORDS], key=len, reverse=True))
_SCALE = "|".join(SCALE_WORDS)
# "and" joins number words only after a scale word, and only to a number without one ("two
# hundred and fifty"): in "between two and five" or "two hundred and three hundred" it joins two
# numbers, the ends of a range.
WORD_NUMBER = re.compile(
    rf"(?<![\w-])(?:(?:a|an)\s+(?:{_SCALE})\b(?:\s+(?:thousand|million|billion|trillion)\b)*"
    rf"|(?:{_CARDINAL})(?:-(?:{_CARDINAL}))?(?:(?:\s+|-)(?:{_SCALE})\b"
    rf"(?:\s+and(?=\s+(?:{_CARDINAL})(?:-(?:{_CARDINAL}))?\b(?!\s+(?:{_SCALE})\b))"
    rf"|(?<=hundred)\s+and(?=\s+(?:{_CARDINAL})(?:-(?:{_CARDINAL}))?\s+"
    rf"(?:thousand|million|billion)\b))?"
    rf"|\s+(?:{_CARDINAL})\b(?:-(?:{_CARDINAL}))?)*)"
    rf"(?!\w|-(?!plus\b))", re.IGNORECASE)  # fmt: skip
# "-plus" after a number makes it a floor: "two dozen-plus reports", "a 100-plus crowd".
PLUS_AFTER = re.compile(r"-plus\b", re.IGNORECASE)
# After "a third" or "a quarter" as a share comes "of", a phrase of time or place, or nothing:
# before another word it is an ordinal ("a third nuclear test", "a fifth term").
_FRACTION_MAY_PRECEDE = ("of|in|on|at|by|to|from|for|since|over|under|last|this|next|than|and|"
                         "or|but|more|less|fewer|the|its|their|his|her|a|an|each|every|between|"
                         "during|after|before|when|while|as|century|mile|percent|per|were|was|"
                         "are|is|had|have|has|will|would|could|can|may|said|say|says|who|which|"
                         "that")
FRACTIONS = {"half": 0.5, "third": 0.3333, "quarter": 0.25, "fifth": 0.2, "tenth": 0.1,
             "two-thirds": 0.6667, "three-quarters": 0.75, "two thirds": 0.6667,
             "three quarters": 0.75}  # fmt: skip
FRACTION = re.compile(r"(?<![\w-])(?:(?:a|one)\s+(?P<one>third|quarter|fifth|tenth)\b"
                      rf"(?!\s+(?!(?:{_FRACTION_MAY_PRECEDE})\b)[a-z])"
                      r"|(?P<many>two[-\s]thirds|three[-\s]quarters)\b"
                      r"|(?:a\s+)?(?P<half>half)(?=\s+(?:of|the|a|an|those|these|its|their|his|her|our|all)\b)|(?<=\bin\s)(?P<in_half>half)\b)",
                      re.IGNORECASE)  # fmt: skip
SOURCE_NOUNS = re.compile(r"^(?:\s+\w+){0,2}?\s+(?:officials|sources|diplomats|insiders|"
                          r"witnesses|analysts|observers|spokes(?:men|women|people))\b",
                          re.IGNORECASE)  # fmt: skip
SPEECH_OR_ACCORDING = re.compile(r"\b(?:said|say|says|told|according\s+to)\b", re.IGNORECASE)
AND_A_HALF = re.compile(r"\s+and\s+a\s+half\b(?:\s+(?P<scale>thousand|million|billion)\b)?",
                        re.IGNORECASE)  # fmt: skip
HALF_A_SCALE = re.compile(r"\bhalf\s+an?\s+(?P<scale>dozen|hundred|thousand|million|billion)\b",
                          re.IGNORECASE)  # fmt: skip
PRONOUN_VERB_AFTER = re.compile(r"(?:\s+(?:were|are|was|is|had|have|has|will|would|could|can|"
                                r"who|remain|remained|up|down|out|together|apart|and|or)\b|"
                                r"\s*[,.;])")  # fmt: skip
# "one" before a person or a unit of time counts: "one other victim", "for one year" (but not
# "one of them", "the old one", "one day", nor the speaker of "said one worker").
ONE_COUNTS = re.compile(r"\s+(?:other\s+|more\s+)?(?:person|man|woman|child|victim|patient|"
                        r"passenger|soldier|officer|worker|student|member|kidnapper|suspect|infant|baby|"
                        r"boy|girl|adult|resident|employee|"
                        r"year|month|week|hour|minute|decade|century)\b")  # fmt: skip
ONE_LIMITED = re.compile(r"\b(?:[Oo]nly|[Jj]ust|[Aa]ll\s+but)\s+$")
SPEAKER_BEFORE = re.compile(r"\b(?:said|says|told|according\s+to)\s+$", re.IGNORECASE)
TIME_WORDS = {"ago", "from", "later", "earlier", "after", "before", "time", "into"}  # of TIME_AGO
THE_BEFORE = re.compile(r"\bthe\s+(?:other\s+)?$", re.IGNORECASE)  # "the (other) two"
# "the two (political) parties", "the two women": a plural, regular or not
PLURAL_AFTER = re.compile(r"\s+(?:[a-z]+\s+)?(?:[a-z]+s|(?:wo)?men|children|people)\b")
# (not after "for": "for six years before the vote" is a duration)
TIME_AGO = re.compile(rf"(?<![\w-])(?<!\b[Ff]or\s)"
                      rf"(?:\d+|(?:{_CARDINAL})(?:-(?:{_CARDINAL}))?|a|an)\s+"
                      r"(?:years?|months?|weeks?|days?|hours?|minutes?|decades?)(?:['’]s?)?\s+(?:ago\b|"
                      r"later\b|earlier\b|after\b|before\b|time\b|into\b|from\s+"
                      r"(?:now|today|tomorrow|Monday|Tuesday|Wednesday|Thursday|Friday|"
                      r"Saturday|Sunday)\b)",
                      re.IGNORECASE)  # fmt: skip
# Speed: quick signs that a slower pattern can match. Each starts with a digit or a capital,
# which the regular expression engine finds fast; without a sign the pattern is not searched.
DIGIT = re.compile(r"\d")
DATE_SIGN = re.compile(rf"\d(?:[-–/.:]\d|\s*[ap]\.?m\b|"
                       rf"\d{{3}}\s+(?:UTC|GMT|BST|CET|local|hours|hrs))|"
                       rf"(?:{MONTHS})\b")  # fmt: skip
PHONE_SIGN = re.compile(r"\d{2,5}[\s-]\d{2,5}")
LETTERS = re.compile(r"[a-z]+")
REFERENCE_WORDS = {"page", "pages", "p", "pp", "section", "sections", "chapter", "clause",
                   "article", "paragraph", "table", "figure", "annex", "appendix", "item",
                   "line", "version", "no", "number", "ward", "wards", "room", "rooms", "gate",
                   "gates", "platform", "platforms", "category", "route", "highway",
                   "interstate", "flight", "flights"}  # fmt: skip
FRACTION_WORDS = {"half", "third", "quarter", "fifth", "tenth", "thirds", "quarters"}
NUMBER_WORDS = {*UNITS_WORDS, *TENS_WORDS, *SCALE_WORDS, *FRACTION_WORDS}
QUALIFIER_LAST_WORDS = ({qualifier.split()[-1] for qualifier in QUALIFIERS}
                        | {"some", "us", "magnitude", "of"})  # "over the age of"
WORD_GAPS = re.compile(r"[\s-]+")
PHONE_CHARACTERS = re.compile(r"[\d\s()+-]+")
ACCORDING_TO_BEFORE = re.compile(r"\baccording\s+to\s+$", re.IGNORECASE)
NEGATION_BEFORE = re.compile(r"\b(?:no|not)\s+$", re.IGNORECASE)
NEGATED_CEILINGS = {"less than", "fewer than", "under"}
RANGE_JOIN = re.compile(r"^\s*(?:-|–|—|to|or)\s*" + _CURRENCY + r"?\s*$")  # "one or two"
# "one" before "or" or "to" and a larger number opens a range: "one or two detonators".
ONE_OPENS_A_RANGE = re.compile(rf"\s+(?:or|to)\s+(?!one\b)(?:{_CARDINAL}|\d)", re.IGNORECASE)
# "rose from 125 to 149", "rose by $1.23 to $75.99": a change, two figures, not a range.
CHANGE_FROM = re.compile(r"\b(?:rose|rising|risen|rises?|fell|falling|fallen|falls?|"
                         r"increas(?:ed|es|ing|e)|decreas(?:ed|es|ing|e)|dropp(?:ed|ing)|drops?|"
                         r"climb(?:ed|s|ing)?|jump(?:ed|s|ing)?|grew|grown|grows?|growing|went|"
                         r"raised|lowered|revised|chang(?:ed|ing)|tak(?:ing|es)|took|bringing|"
                         r"brought|up|down)\b[^,.;]{0,40}\b(?:from|by)\s+" + _CURRENCY + r"?\s?$",
                         re.IGNORECASE)  # fmt: skip
# "The bill was defeated 48 to 49": a tally of votes or a score, two figures, not a range.
TALLY_BEFORE = re.compile(r"\b(?:defeated|passed|approved|rejected|carried|won|lost|beat|"
                          r"voted|vote\s+of|score\s+of|drew)\s+(?:by\s+)?$",
                          re.IGNORECASE)  # fmt: skip
# A result after a named side is a score, not a name's number: "Brazil beat Australia 2-0",
# "the hosts lost to Norvania 1-3", "defeated the Harbour Hawks 32 points to 12".
SCORE_BEFORE = re.compile(r"\b(?:defeated|defeats|defeating|beat|beats|beaten|beating|edged|"
                          r"thrashed|routed|trounced|overcame|outscored|(?:lost|losing|loses|"
                          r"fell)\s+to|(?:drew|drawn|draws|drawing|tied|ties)\s+with)\s+"
                          r"(?:the\s+)?(?:[A-Z][\w’'.-]*\s+){1,4}$")  # fmt: skip
BETWEEN = re.compile(r"\bbetween\s+(?:the\s+ages\s+of\s+)?" + _CURRENCY + r"?\s?$",
                     re.IGNORECASE)  # fmt: skip
AND_BETWEEN = re.compile(r"\s+and\s+" + _CURRENCY + r"?\s?")  # the rest of "between X and Y"
# A number before a singular noun is part of a compound modifier, not a count: "a thirteen
# day mission", "a 19 year old soldier", "a 300 metre long tunnel", "the six nation talks".
# A measure in the singular after a number is one too: "a 109 ton vehicle", "a 100 gigaton
# bomb", "a 290+ seat jet", "a 9 carriage train"; so is "strong" ("a 1400 strong army").
YEAR_PHRASE_BEFORE = re.compile(r"\b(?:in|since|until|by|from)\s+$", re.IGNORECASE)
PHRASE_END = re.compile(r"\s*(?:[,.;:!?)]|$)")
AGE_BEFORE = re.compile(r"\b(?:[Aa]ge[sd]?|[Aa]ge[sd]?\s+of)\s+$")
SINGULAR_NOUN_AFTER = re.compile(r"^\+?[\s-]+(?:day|week|month|year|hour|minute|decade|metre|"
                                 r"meter|kilometre|kilometer|mile|storey|story|nation|"
                                 r"megapixel|inch|foot|gallon|seat|member|man|person|lane|"
                                 r"bedroom|party|game|ton|tonne|(?:kilo|mega|giga)ton|litre|"
                                 r"liter|acre|hectare|gram|kilogram|(?:kilo|mega|giga)?watt|"
                                 r"strong|carriage|car|coach|wagon|wheel|engine|deck)\b"
                                 r"(?![-'’]s\b)",
                                 re.IGNORECASE)  # fmt: skip
# Two numbers joined before one noun they both describe: "a 500 or 1,000 year flood".
JOINED_MODIFIER = re.compile(r"-?\s+(?:or|to)\s+")
# "member" before a plural, with spaces: "the 27 member states", "92 member academies" count
# the states and academies (but "a 15 member committee" and "the six nation talks" are
# modifiers: talks among six nations).
NOUN_ADJUNCT_THEN_PLURAL = re.compile(r"^ member [a-z]+(?:s|ies)\b")
# A decimal in words: "seven point one", "one-point-five million".
DIGIT_WORDS = {"zero": 0, "oh": 0, **{word: UNITS_WORDS[word] for word in
                                      ["one", "two", "three", "four", "five", "six", "seven",
                                       "eight", "nine"]}}  # fmt: skip
WORD_DECIMAL = re.compile(
    rf"(?<![\w-])(?P<whole>(?:{_CARDINAL})(?:-(?:{_CARDINAL}))?)[\s-]point"
    rf"(?P<decimals>(?:[\s-](?:{'|'.join(DIGIT_WORDS)}))+)"
    rf"(?P<scale>[\s-](?:{_SCALE}))?(?![\w-])", re.IGNORECASE)  # fmt: skip

COLUMNS = ["figure_id", "value", "value_text", "qualifier", "low", "high", "low_inclusive",
           "bounds_rule", "stated_unit", "quote", "sentence_id", "kind", "start",
           "end"]  # fmt: skip


@dataclass
class Number:
    """One number found in a sentence: where it is, what it says and its value."""

    start: int
    end: int
    value: float | int
    words: bool = False
    scale: int = 1


def parse_number(text: str) -> float | int:
    """The value of a written number: "30,000" -> 30000, "1.2 million" -> 1200000."""
    match = NUMBER.fullmatch(text.strip())
    if match is None:
        raise ValueError(f"{text!r} is not a number written in digits.")
    return _digits_value(match)


def _digits_value(match: re.Match) -> float | int:
    value: float | int = int(match["digits"].replace(",", ""))
    if match["decimals"]:
        value = float(f"{value}{match['decimals']}")
    if match["scale"]:
        value = value * SCALES[match["scale"].strip().lower()]
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return value


def parse_number_words(text: str) -> int:
    """The value of a number in words: "two dozen" -> 24, "two hundred and fifty" -> 250."""
    total = current = 0
    words = re.split(r"[\s-]+", text.strip().lower())
    if not words or words == [""]:
        raise ValueError(f"{text!r} is not a number written in words.")
    for word in words:
        if word in {"and"}:
            continue
        if word in {"a", "an"}:
            current = 1
        elif word in UNITS_WORDS:
            current += UNITS_WORDS[word]
        elif word in TENS_WORDS:
            current += TENS_WORDS[word]
        elif word in {"dozen", "hundred"}:
            current = max(current, 1) * SCALE_WORDS[word]
        elif word in SCALE_WORDS:
            total += max(current, 1) * SCALE_WORDS[word]
            current = 0
        else:
            raise ValueError(f"{text!r} is not a number written in words ({word!r}).")
    return total + current


@dataclass(frozen=True)
class Clues:
    """What a sentence holds, read once: whether it has a digit, and its words in lower case.
    Speed: the slower patterns run only on sentences whose clues say they can match."""

    digits: bool
    words: frozenset[str]
    first_digit: int = 0


def clues_of(sentence: str) -> Clues:
    digit = DIGIT.search(sentence)
    return Clues(digit is not None, frozenset(LETTERS.findall(sentence.lower())),
                 digit.start() if digit else 0)


def _time_ago_spans(sentence: str) -> list[tuple[int, int]]:
    """Spans of "four years ago", "two days from Wednesday": a point in time, not a figure."""
    return [match.span() for match in TIME_AGO.finditer(sentence)]


def date_spans(sentence: str) -> list[tuple[int, int]]:
    """Spans of dates and clock times in a sentence (3 May 2024, May 3, 14:05, 6 a.m.)."""
    return [match.span() for match in DATES_AND_TIMES.finditer(sentence)]


_COURSE_DATE_SPANS = date_spans


def _not_figure_spans(sentence: str, clues: Clues | None = None) -> list[tuple[int, int]]:
    """Spans of dates, times, phone numbers and references (page 14) in a sentence."""
    clues = clues or clues_of(sentence)
    spans = []
    if date_spans is not _COURSE_DATE_SPANS:
        spans = date_spans(sentence)  # another date finder was put in (a benchmark)
    elif clues.digits and DATE_SIGN.search(sentence):
        spans = date_spans(sentence)
    if not clues.words.isdisjoint(TIME_WORDS):
        spans += _time_ago_spans(sentence)
    if not clues.digits or not (PHONE_SIGN.search(sentence) or clues.words & REFERENCE_WORDS):
        return spans
    for match in REFERENCES_AND_PHONES.finditer(sentence):
        piece = match.group(0)
        digits = sum(char.isdigit() for char in piece)
        looks_like_phone = PHONE_CHARACTERS.fullmatch(piece) is not None
        if looks_like_phone and digits < PHONE_DIGITS:
            continue
        pair = ROUND_RANGE.fullmatch(piece.strip())
        if pair and int(pair["low"]) < int(pair["high"]):
            continue
        spans.append(match.span())
    return spans


def _digits_not_a_figure(text: str, start: int, end: int, match: re.Match) -> bool:
    """True for digits that belong to a name, a code, a year or an ordinal."""
    before = text[max(0, start - 40):start]
    after = text[end:end + 3]
    digits = match["digits"]
    if SCORE_WITH_A_COLON.match(text, start) or SCORE_WITH_A_COLON.match(
            text, start - 2 if start >= 2 and text[start - 1] == ":" else len(text)):
        return False  # "2:1 the score": a score is two counts (a time has two-digit minutes)
    if MODEL_BEFORE.search(text[max(0, start - 12):start]):
        return True  # A330-200: a model's code
    if start > 0 and text[start - 1] in "-/#:+" + "\u2010\u2011" \
            and not (text[start - 1] == "-" and text[start - 2:start - 1].isdigit()):
        return True  # COVID-19, K-300, 3/4, #5, 10:30, UTC+2 (but 10-15 is a range)
    if after[:1].isalpha() or after[:1] in "-\u2010\u2011" and after[1:2].isalpha() \
            and not PLUS_AFTER.match(text, end):
        return True  # 21st, 19th, 4x4, 300-series (but "100-plus" is a floor)
    if after[:1] == ":" and after[1:2].isdigit():
        return True  # 14:05
    if after[:1] == "." and after[1:2].isdigit():
        return True  # version numbers that the pattern did not take as decimals
    if "," not in digits and not match["decimals"] and len(digits) == 4 \
            and 1900 <= int(digits) <= 2099 and not match["scale"]:
        return True  # a year
    if len(digits) == 4 and 1000 <= int(digits) < 1900 and not match["decimals"] \
            and re.search(r"\b(?:[Ii]n|since|until)\s$", before) and after[:1] in ",.;":
        return True  # an older year, in a phrase of time: "In 1789, ..."
    if 3 <= len(digits) <= 4 and 500 <= int(digits) < 1900 and not match["decimals"] \
            and YEAR_LIST_BEFORE.search(before) and YEAR_LIST_AFTER.match(text, end):
        return True  # a year that opens a list of years: "in 920, 1612 and 1821"
    if "," not in digits and not match["decimals"] and STREET_AFTER.match(text, end):
        return True  # a house number: "10 Harbour Street"
    if COORDINATE_AFTER.match(text, end):
        return True  # a latitude or longitude: "15.0° N, 87.5°W"
    if text[start - 1:start] == "[" and text[end:end + 1] == "]":
        return True  # a footnote mark: "every day[1]"
    if digits in EMERGENCY_NUMBERS and (CALL_AFTER.match(text[end:end + 12])
                                        or CALL_BEFORE.search(before)):
        return True  # "a 911 call", "dialled 999": a phone number
    if EVENT_BEFORE.search(before) or EVENT_AFTER.match(text[end:end + 12]):
        return True  # an event's name: "the women's 400 metre medley", "the 4 x 100 metre relay"
    return bool(NAME_BEFORE.search(before)) and "," not in digits and int(digits) < 1000 \
        and not match["decimals"] and not SCORE_BEFORE.search(text[max(0, start - 60):start])
    # "Apollo 11" is a name; "Howard 45.95" is a share; "beat Australia 2-0" is a score


def _whole(value: float | int) -> float | int:
    """An integer when the value is a whole number (1.5 * 1000 -> 1500)."""
    return int(value) if isinstance(value, float) and value.is_integer() else value


def _overlaps(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(span[0] < end and start < span[1] for start, end in spans)


def _digit_numbers(sentence: str, blocked: list[tuple[int, int]],
                   clues: Clues | None = None) -> list[Number]:
    numbers: list[Number] = []
    if clues is not None and not clues.digits:
        return numbers
    if ":" in sentence:
        numbers = _stopwatch_times(sentence, blocked)
        blocked = blocked + [(number.start, number.end) for number in numbers]
    for match in NUMBER.finditer(sentence, clues.first_digit if clues else 0):
        start, end = match.span()
        if not match["scale"] and MILLIONS_AFTER.match(sentence, end) and \
                CURRENCY_SYMBOL.search(sentence[max(0, start - 4):start]):
            if not _overlaps((start, end + 1), blocked):  # "$225m": millions of dollars
                numbers.append(Number(start, end + 1, _whole(_digits_value(match) * 1_000_000),
                                      scale=1_000_000))
            continue
        if _overlaps((start, end), blocked) or _digits_not_a_figure(sentence, start, end, match):
            continue
        scale = SCALES[match["scale"].strip().lower()] if match["scale"] else 1
        numbers.append(Number(start, end, _digits_value(match), scale=scale))
    return numbers


def _stopwatch_times(sentence: str, blocked: list[tuple[int, int]]) -> list[Number]:
    """Race times and other durations to a fraction of a second ("4:03.84" -> 243.84 s)."""
    numbers = []
    for match in STOPWATCH.finditer(sentence):
        if _overlaps(match.span(), blocked):
            continue
        seconds = int(match["hours"] or 0) * 3600 + int(match["minutes"]) * 60 + \
            float(match["seconds"])
        numbers.append(Number(*match.span(), _whole(round(seconds, 6))))
    return numbers


def _word_number_matches(sentence: str, lower: str, present: set[str],
                         first: int) -> Iterator[re.Match]:
    """What `WORD_NUMBER.finditer(sentence, first)` gives, faster: without a scale word
    ("a million" can start at "a"), a match can only start where a number word does, so the
    pattern is tried there only."""
    if present & SCALE_WORDS.keys() or len(lower) != len(sentence):
        yield from WORD_NUMBER.finditer(sentence, first)
        return
    starts = sorted({index for word in present for index in _occurrences(lower, word)})
    free = first
    for start in starts:
        if start >= free and (match := WORD_NUMBER.match(sentence, start)):
            free = match.end()
            yield match


def _occurrences(text: str, word: str) -> Iterator[int]:
    """Every index at which `word` occurs in `text`."""
    index = text.find(word)
    while index >= 0:
        yield index
        index = text.find(word, index + 1)


def _word_numbers(sentence: str, blocked: list[tuple[int, int]], small_words: bool,
                  clues: Clues | None = None) -> list[Number]:
    """Number words and fractions that count something (see the module docstring)."""
    numbers: list[Number] = []
    lower = sentence.lower()
    words = (clues or clues_of(sentence)).words
    present = NUMBER_WORDS & words
    if not present:
        return numbers  # speed: no number word, nothing to search for
    if "point" in words:
        numbers = _word_decimals(sentence, blocked)
    if "half" in words:
        numbers += [Number(*match.span(), SCALE_WORDS[match["scale"].lower()] // 2, words=True,
                           scale=SCALE_WORDS[match["scale"].lower()])
                    for match in HALF_A_SCALE.finditer(sentence)
                    if not _overlaps(match.span(), blocked)]  # "half a million"
    blocked = blocked + [(number.start, number.end) for number in numbers]
    first = min(lower.find(word) for word in present)  # search from the first one on
    if len(lower) != len(sentence):
        first = 0  # lower case changed the length ("İ"): offsets differ, search it all
    for match in FRACTION.finditer(sentence, max(0, first - 4)) \
            if not FRACTION_WORDS.isdisjoint(present) else ():
        if _overlaps(match.span(), blocked):
            continue
        key = (match["one"] or match["many"] or match["half"] or match["in_half"]).lower() \
            .replace(" ", "-")
        numbers.append(Number(*match.span(), FRACTIONS[key], words=True))
    for match in _word_number_matches(sentence, lower, present, max(0, first - 3)):
        start, end = match.span()
        phrase = match.group(0)
        words = WORD_GAPS.split(phrase.lower())
        if _overlaps((start, end), blocked) or words in (["a"], ["an"]) or \
                words == ["one"] and not _qualifier_before(sentence, start) and \
                not (phrase.lower() == "one" and ONE_COUNTS.match(sentence, end)
                     and not SPEAKER_BEFORE.search(sentence[max(0, start - 16):start])) and \
                not (phrase.lower() == "one"
                     and ONE_LIMITED.search(sentence[max(0, start - 12):start])) \
                and not (phrase.lower() == "one" and ONE_OPENS_A_RANGE.match(sentence, end)):
            continue  # "one" is a count after a qualifier ("in under one second"), before
            # a person or a unit of time ("killing one person", "valid for one year") and
            # after a limit ("only one survived", "all but one boat")
        first_in_sentence = sentence[:start].strip(" “\"‘'(") == ""
        small = len(words) == 1 and words[0] in SMALL_WORDS
        if small and not small_words and not first_in_sentence and \
                not _qualifier_before(sentence, start):
            continue
        opens_the_source = (small or words == ["one"]) and (
            first_in_sentence or ACCORDING_TO_BEFORE.search(sentence[max(0, start - 20):start]))
        if opens_the_source and SOURCE_NOUNS.match(sentence[end:]) \
                and SPEECH_OR_ACCORDING.search(sentence):
            continue  # "Two officials who asked not to be named said": the sources, counted
        if sentence[max(0, start - 7):start].lower() == "number ":
            continue  # "number one"
        if CLOCK_AFTER.match(sentence, end):
            continue  # "at seven forty-three p.m.": a clock time
        if _year_in_words(words) or _year_of_this_century(sentence, start, end, words) or (
                not first_in_sentence and phrase[:1].isupper() and (
                NAME_BEFORE.search(sentence[max(0, start - 40):start])
                or re.match(r"\s+[A-Z]", sentence[end:end + 3]))):
            continue  # "his twenty twelve campaign"; "World War Two"
        if small and THE_BEFORE.search(sentence[max(0, start - 10):start]) and (
                PRONOUN_VERB_AFTER.match(sentence[end:]) or
                (words == ["two"] and PLURAL_AFTER.match(sentence[end:]))):
            continue  # "the three were released", "between the two shootings": a pair named
            # before ("the five mission specialists" may be a new count, and stays)
        # any scale word of its own: "one hundred and fifty to five hundred" keeps its 150
        scale = max((SCALE_WORDS[word] for word in words if word in SCALE_WORDS), default=1)
        value: float | int = parse_number_words(phrase)
        and_a_half = AND_A_HALF.match(sentence, end)
        if and_a_half:  # "two and a half years", "three and a half million"
            after = SCALE_WORDS[and_a_half["scale"].lower()] if and_a_half["scale"] else 1
            value, end = _whole((value + 0.5) * after), and_a_half.end()
            scale = max(scale, after)
        numbers.append(Number(start, end, value, words=True, scale=scale))
    return numbers


def _year_in_words(words: list[str]) -> bool:
    """True for a year said as two numbers: "twenty twelve", "nineteen eighty-four"."""
    if len(words) < 2 or words[0] not in TENS_WORDS and UNITS_WORDS.get(words[0], 0) < 10:
        return False
    return words[1] in TENS_WORDS or UNITS_WORDS.get(words[1], 0) >= 10


def _year_of_this_century(sentence: str, start: int, end: int, words: list[str]) -> bool:
    """True for "two thousand five" as a year: 2000 to 2099 in words, after "in", "since",
    ... and closing its phrase ("signed in two thousand five."), not a count before a noun."""
    return words[:2] == ["two", "thousand"] and len(words) > 2 and \
        YEAR_PHRASE_BEFORE.search(sentence[max(0, start - 8):start]) is not None and \
        PHRASE_END.match(sentence, end) is not None and \
        2000 < parse_number_words(" ".join(words)) < 2100


def _word_decimals(sentence: str, blocked: list[tuple[int, int]]) -> list[Number]:
    """Decimals written in words: "seven point one" -> 7.1, "one-point-five million"."""
    numbers = []
    for match in WORD_DECIMAL.finditer(sentence):
        if _overlaps(match.span(), blocked):
            continue
        digits = "".join(str(DIGIT_WORDS[word]) for word in
                         WORD_GAPS.split(match["decimals"].strip(" -").lower()))
        value = float(f"{parse_number_words(match['whole'])}.{digits}")
        scale = SCALE_WORDS[match["scale"].strip(" -").lower()] if match["scale"] else 1
        numbers.append(Number(*match.span(), _whole(round(value * scale, 6)), words=True,
                              scale=scale))
    return numbers


def _modifies_a_noun(sentence: str, number: Number) -> bool:
    """True for a number before a singular noun ("a thirteen day mission"): a compound
    modifier, not a count (one is singular anyway)."""
    if AGE_BEFORE.search(sentence[max(0, number.start - 8):number.start]) and \
            sentence[number.end:number.end + 1] == "+":
        return True  # "students age 16+": an age group, not a count
    modifier = SINGULAR_NOUN_AFTER.match(sentence[number.end:])
    if modifier and NOUN_ADJUNCT_THEN_PLURAL.match(sentence[number.end:]):
        return False  # "67 of the 92 member academies": the number counts the academies
    return number.value != 1 and modifier is not None


def _stated_unit(sentence: str, number: Number) -> str:
    """The unit the words give: a currency sign before, or %, percent, a currency or a
    measure after; "fraction" for fractions; empty otherwise."""
    if isinstance(number.value, float) and number.words and number.value < 1:
        return "fraction"
    symbol = CURRENCY_SYMBOL.search(sentence[max(0, number.start - 4):number.start])
    if symbol:
        return CURRENCY_BEFORE[symbol.group(0).strip()]
    after = UNIT_AFTER.match(sentence[number.end:number.end + 30])
    if after:
        unit = after["unit"]
        for pattern, name in UNIT_NAMES:
            if pattern.fullmatch(unit):
                return name
    return ""


def _ranges(sentence: str, numbers: list[Number]) -> list[tuple[Number, Number, int]]:
    """Pairs of numbers that form a range, with where the range's words begin."""
    pairs = []
    for first, second in zip(numbers, numbers[1:], strict=False):
        between_words = sentence[first.end:second.start]
        before = sentence[max(0, first.start - 28):first.start]
        opening = BETWEEN.search(before)
        if opening and AND_BETWEEN.fullmatch(between_words):
            pairs.append((first, second, first.start - (len(before) - opening.start())))
        elif RANGE_JOIN.match(between_words) and first.value < second.value \
                and not (first.words and between_words.strip() in {"-", "–"}) \
                and not CHANGE_FROM.search(sentence[max(0, first.start - 60):first.start]) \
                and not TALLY_BEFORE.search(sentence[max(0, first.start - 30):first.start]) \
                and not SCORE_BEFORE.search(sentence[max(0, first.start - 60):first.start]):
            pairs.append((first, second, first.start))
    return pairs


def bounds(value: float | int, qualifier: str) -> tuple[object, object, bool, str]:
    """(low, high, low_inclusive, bounds_rule) by the course's rules (`newslab.bounds`)."""
    result = rules.compute(value, qualifier)
    return result.low, result.high, result.low_inclusive, result.rule


def _quote(sentence: str, begin: int) -> str:
    """The figure's passage: from its qualifier to the end of its clause."""
    rest = sentence[begin:]
    cut = CLAUSE_END.search(rest)
    if cut:
        rest = rest[:cut.start()]
    return rest.rstrip(" .!?;:,”’\"")


def _qualifier_before(body: str, start: int) -> re.Match | None:
    """The qualifier right before a number ("more than "), if any. The last word before the
    number is looked up first: the full pattern only runs when it can end a qualifier."""
    before = body[max(0, start - 30):start]
    words = before.rstrip().rstrip("$€£¥").rsplit(None, 1)
    if not words or words[-1].lower() not in QUALIFIER_LAST_WORDS:
        return None
    return QUALIFIER_BEFORE.search(before)


def _sentence_figures(body: str, small_words: bool) -> list[dict]:
    """The figures of one sentence, in reading order, with offsets into the sentence."""
    clues = clues_of(body)
    blocked = _not_figure_spans(body, clues)
    numbers = sorted(_digit_numbers(body, blocked, clues) +
                     _word_numbers(body, blocked, small_words, clues),
                     key=lambda number: number.start)
    modifiers = {id(number) for number in numbers if _modifies_a_noun(body, number)}
    for first, second in zip(numbers, numbers[1:], strict=False):
        if id(second) in modifiers and JOINED_MODIFIER.fullmatch(body[first.end:second.start]):
            modifiers.add(id(first))  # "a 500 or 1,000 year flood": both describe the flood
    numbers = [number for number in numbers if id(number) not in modifiers]
    ranges = _ranges(body, numbers)
    in_range = {id(number) for first, second, _ in ranges for number in (first, second)}
    rows = []
    for first, second, begin in ranges:
        low, high = first.value, second.value
        if second.scale > 1 and first.scale == 1:
            low = _whole(first.value * second.scale)  # "$10–$15 billion": both in billions
        rows.append({"value": None, "value_text": body[begin:second.end], "qualifier": "range",
                     "low": low,
                     "high": high, "low_inclusive": True, "bounds_rule": "range",
                     "stated_unit": _stated_unit(body, second), "begin": begin,
                     "start": first.start, "end": second.end})  # fmt: skip
    for number in numbers:
        if id(number) in in_range:
            continue
        qualifier_match = _qualifier_before(body, number.start)
        qualifier = qualifier_match.group(1).lower() if qualifier_match else "none"
        if qualifier == "none" and PLUS_AFTER.match(body, number.end):
            qualifier = "more than"  # "two dozen-plus": more than 24
        if qualifier in NEGATED_CEILINGS and NEGATION_BEFORE.search(
                body[max(0, number.start - 40):number.start - len(qualifier_match.group(0))]):
            qualifier = "at least"  # "no less than six" is a floor, not a ceiling
        begin = number.start - len(qualifier_match.group(0)) if qualifier_match \
            else number.start
        low, high, low_inclusive, rule = bounds(number.value, qualifier)
        rows.append({"value": number.value, "value_text": body[number.start:number.end],
                     "qualifier": qualifier, "low": low, "high": high,
                     "low_inclusive": low_inclusive, "bounds_rule": rule,
                     "stated_unit": _stated_unit(body, number), "begin": begin,
                     "start": number.start, "end": number.end})  # fmt: skip
    return sorted(rows, key=lambda row: row["start"])


def find_figures(text: str, furniture: Mapping[int, str] | None = None,
                 small_words: bool = True) -> pd.DataFrame:
    """Return one row per figure in `text` (see the module docstring for the rules).

    `furniture` maps paragraph numbers to page-furniture kinds, as for `split_sentences`;
    the column `kind` carries it. A text with no figures gives an empty table.
    `small_words=False` leaves out "two" to "nine" written as words in mid-sentence unless a
    qualifier comes first.
    """
    check_text(text)
    sentences = split_sentences(text, furniture)
    rows = []
    fields = [sentences[column].tolist() for column in ["text", "sentence_id", "kind", "start"]]
    for body, sentence_id, kind, offset in zip(*fields, strict=True):
        for row in _sentence_figures(body, small_words):
            begin = row.pop("begin")
            row["quote"] = _quote(body, begin)
            row.update({"sentence_id": sentence_id, "kind": kind, "start": offset + row["start"],
                        "end": offset + row["end"]})  # fmt: skip
            rows.append(row)
    numbers = [row[column] for row in rows for column in ["value", "low", "high"]
               if row[column] is not None]
    number_type = "Int64" if all(isinstance(v, int) for v in numbers) else "Float64"
    columns = {column: pd.array([row[column] for row in rows], dtype=number_type)
               for column in ["value", "low", "high"]}
    table = pd.DataFrame(rows, columns=COLUMNS[1:])
    table.insert(0, "figure_id", [f"F{number}" for number in range(1, len(table) + 1)])
    for column, values in columns.items():
        table[column] = values
    table["low_inclusive"] = table["low_inclusive"].astype(bool)
    for column in ["start", "end"]:
        table[column] = table[column].astype(int)
    return table
