"""The forms of ordinary newswire text that find_figures and find_attribution must handle.

Every sentence here is invented for the course: the places, people and organisations are
fictional (Dunmore, Lake Orrin, the Orrin Valley Water Company, Ana Vesk, ...).
"""

import pandas as pd
import pytest

from newslab.attribution import find_attribution
from newslab.figures import find_figures, parse_number_words


def figures_of(text: str) -> list[tuple]:
    table = find_figures(text)
    return [(None if pd.isna(row.value) else row.value, row.qualifier,
             None if pd.isna(row.low) else row.low, None if pd.isna(row.high) else row.high,
             row.stated_unit) for row in table.itertuples()]


@pytest.mark.parametrize(("text", "expected"), [
    ("Dunmore counted 14,200 voters.", [(14200, "none", 14200, 14200, "")]),
    ("The dam cost 3.4 billion crowns.", [(3_400_000_000, "none", 3_400_000_000,
                                           3_400_000_000, "crowns")]),
    ("Eleven boats were lost.", [(11, "none", 11, 11, "")]),
    ("Two dozen nurses walked out.", [(24, "none", 24, 24, "")]),
    ("The strike lasted twenty-one days.", [(21, "none", 21, 21, "")]),
    ("A third of the wells are dry.", [(0.3333, "none", 0.3333, 0.3333, "fraction")]),
    ("Rents rose 4.5% last year.", [(4.5, "none", 4.5, 4.5, "percent")]),
    ("The fine was €1,200.", [(1200, "none", 1200, 1200, "euros")]),
    ("The company lost $3 million.", [(3_000_000, "none", 3_000_000, 3_000_000, "dollars")]),
    ("Between 40 and 60 homes flooded.", [(None, "range", 40, 60, "")]),
    ("Fares rose 5 to 7 percent.", [(None, "range", 5, 7, "percent")]),
    ("The lake fell 3-4 metres.", [(None, "range", 3, 4, "metres")]),
    ("At least three ferries sank.", [(3, "at least", 3, None, "")]),
    ("More than a million fish died.", [(1_000_000, "more than", 1_000_000, None, "")]),
    ("Up to 80 people could lose their jobs.", [(80, "up to", None, 80, "")]),
    ("As many as 600 birds were counted.", [(600, "as many as", None, 600, "")]),
    ("Almost 30 percent of the lake is frozen.", [(30, "almost", None, 30, "percent")]),
])  # fmt: skip
def test_figure_forms(text: str, expected: list[tuple]) -> None:
    got = figures_of(text)
    assert len(got) == len(expected), got
    for mine, theirs in zip(got, expected, strict=True):
        assert mine[1:] == pytest.approx(theirs[1:]) if isinstance(theirs[0], float) \
            else mine == theirs, (mine, theirs)


@pytest.mark.parametrize("text", [
    "The vote is on 9 June 2025.", "The vote is on June 9.", "The vote is on 2025-06-09.",
    "The vote is on 09/06/2025.", "The hall opened in 1958.", "The ferry leaves at 17:45.",
    "The ferry leaves at 6 p.m.", "Call 555-0199 for tickets.", "It was her 31st race.",
    "The Gale-9 drone and an F-16 flew by.", "See page 12, section 4.1.",
    "The festival runs from 3 to 5 August.", "Dozens of boats and hundreds of people came.",
    "The two-week closure ended.", "One official was there.",
])  # fmt: skip
def test_not_figures(text: str) -> None:
    assert find_figures(text).empty, find_figures(text)[["value_text", "qualifier"]]


def test_a_date_beside_a_figure_keeps_the_figure() -> None:
    table = find_figures("The mayor, Jane Roe, told reporters that 200 people were evacuated "
                         "on 3 May 2024.")
    assert table["value"].tolist() == [200]


def test_small_number_words_count_unless_left_out() -> None:
    text = "The council closed two schools."
    assert find_figures(text)["value"].tolist() == [2]
    assert find_figures(text, small_words=False).empty
    assert find_figures("The council closed at least two schools.",
                        small_words=False)["value"].tolist() == [2]


def test_parse_number_words() -> None:
    assert parse_number_words("two hundred and fifty") == 250
    assert parse_number_words("a dozen") == 12
    assert parse_number_words("three million") == 3_000_000
    with pytest.raises(ValueError, match="not a number"):
        parse_number_words("several")


def label_of(text: str, sentence: int = 0) -> tuple[str, str]:
    row = find_attribution(text).iloc[sentence]
    return row["attribution_type"], row["source_described"]


@pytest.mark.parametrize(("text", "label", "source"), [
    ("Water board chair Ana Vesk said the pipes were old.", "named_source",
     "Water board chair Ana Vesk"),
    ("Vesk, the chair, told reporters the pipes were old.", "named_source", "Vesk"),
    ("The chair, Ana Vesk, told reporters that 300 homes had no water on 2 March 2025.",
     "named_source", "The chair, Ana Vesk"),
    ("According to the ministry, the pipes were old.", "named_source", "the ministry"),
    ("Its owner, the Orrin Valley Water Company, said the pipes were old.", "named_source",
     "Its owner, the Orrin Valley Water Company"),
    ("The pipes were old, police said.", "named_source", "police"),
    ("According to budget documents, the town spent 3 million dollars.", "document",
     "budget documents"),
    ("Roughly 40 percent of voters backed the plan, a poll by Lakeside Research found.",
     "document", "a poll by Lakeside Research"),
    ("Records show the pipes were last replaced in 1970.", "document", "Records"),
    ("Two engineers who asked not to be named said the pipes were old.",
     "several_anonymous_sources", "Two engineers who asked not to be named"),
    ("A plumber said the pipes were old.", "one_anonymous_source", "A plumber"),
    ("“The pipes are old,” said Ana Vesk, the chair.", "named_source", "Ana Vesk"),
    ("“The pipes are old,” a plumber told reporters.", "anonymous_person_quoted", "a plumber"),
    ("The repairs are expected to take a year.", "hedge_no_source", ""),
    ("The pipes appear to have burst in the frost.", "hedge_no_source", ""),
    ("The pipes burst on Sunday.", "unattributed_assertion", ""),
])  # fmt: skip
def test_attribution_forms(text: str, label: str, source: str) -> None:
    assert label_of(text) == (label, source)


@pytest.mark.parametrize(("text", "label", "source"), [
    ("Ana Vesk said the pipes were old. She added that 40 homes had no water.",
     "named_source", "Ana Vesk"),
    ("A survey by Lakeside Research found rents had risen. It also showed that 30 percent "
     "of tenants were behind.", "document", "A survey by Lakeside Research"),
])  # fmt: skip
def test_carry_over_to_the_next_sentence_of_the_paragraph(text: str, label: str,
                                                          source: str) -> None:
    assert label_of(text, 1) == (label, source)


def test_no_carry_over_across_paragraphs_or_without_a_cue() -> None:
    labels = find_attribution("Ana Vesk said the pipes were old. The lake froze.\n\n"
                              "She added that it was cold.")
    assert labels["attribution_type"].tolist() == ["named_source", "unattributed_assertion",
                                                   "unattributed_assertion"]


@pytest.mark.parametrize(("text", "label", "source"), [
    # A parenthesised abbreviation ends the source of "according to".
    ("According to the Lake Orrin Survey Office (LOSO) a magnitude 4.1 tremor shook Dunmore.",
     "named_source", "the Lake Orrin Survey Office (LOSO)"),
    # "Survey", "Report" inside a name are the organisation, not a document.
    ("The Dunmore Geological Survey said the tremor was shallow.", "named_source",
     "The Dunmore Geological Survey"),
    # "reports" after "earlier", "other", "preliminary", ... is the noun, not the verb.
    ("Earlier reports from the water board had said the dam was safe.", "document",
     "Earlier reports from the water board"),
    ("Preliminary reports by the Dunmore Fire Service say that two barns burned.", "document",
     "Preliminary reports by the Dunmore Fire Service"),
    ("Other reports say that the dam leaked.", "hedge_no_source", ""),
    ("There are no reports of injuries, but reports say the road is closed.",
     "hedge_no_source", ""),
    # ... but a name ending in "News" still reports.
    ("Dunmore News reports that the dam leaked.", "named_source", "Dunmore News"),
    # Verbs of measuring: "registered", "recorded".
    ("The Orrin Valley Seismic Office registered the tremor at magnitude 4.1.",
     "named_source", "The Orrin Valley Seismic Office"),
    # The source after "and" at the end of a clause, not the clause.
    ("Forty homes have been flooded and officials say the river is still rising.",
     "several_anonymous_sources", "officials"),
    ("The roads are closed but the Dunmore council says they will reopen.", "named_source",
     "the Dunmore council"),
    # A source named after a passive verb.
    ("The storm, described as the worst in a decade by officials, cut power to 900 homes.",
     "several_anonymous_sources", "officials"),
    # "official" as an adjective is not an unnamed official.
    ("Six people were hurt, according to an official police statement.", "named_source",
     "an official police statement"),
])  # fmt: skip
def test_attribution_forms_of_real_news(text: str, label: str, source: str) -> None:
    assert label_of(text) == (label, source)


@pytest.mark.parametrize(("text", "expected"), [
    ("No less than six barns burned.", [(6, "at least", 6, None, "")]),
    ("Not fewer than 40 boats sailed.", [(40, "at least", 40, None, "")]),
    ("Fewer than 40 boats sailed.", [(40, "fewer than", None, 40, "")]),
])  # fmt: skip
def test_a_negated_ceiling_is_a_floor(text: str, expected: list[tuple]) -> None:
    assert figures_of(text) == expected


def test_small_words_do_not_count_the_sources_themselves() -> None:
    sources = "According to two harbour officials, 300 boats sailed."
    assert find_figures(sources, small_words=True)["value"].tolist() == [300]
    counted = "Police said two officials were arrested."
    assert find_figures(counted, small_words=True)["value"].tolist() == [2]


# Third round (issue 16): forms the second round's real-news split missed, written here
# for the course (fictional places and people).
@pytest.mark.parametrize(("text", "expected"), [
    ("Several tremors above magnitude 4.5 shook Dunmore.", [(4.5, "above", 4.5, None, "")]),
    ("The water at Lake Orrin rose above 12 metres.", [(12, "above", 12, None, "metres")]),
    ("The fort at Dunmore held 1500 soldiers in 1850.", [(1500, "none", 1500, 1500, "")]),
])  # fmt: skip
def test_above_is_a_floor_and_an_older_year_is_not_a_figure(text: str,
                                                            expected: list[tuple]) -> None:
    assert figures_of(text) == expected


@pytest.mark.parametrize("text", [
    "In 1788, a fort was built at Dunmore.", "The pier at Dunmore has stood since 1871.",
    "The ferry left Dunmore at 2245 UTC.", "The tremor struck at 0415 local time (1615 GMT).",
])  # fmt: skip
def test_older_years_and_times_without_a_colon_are_not_figures(text: str) -> None:
    assert find_figures(text).empty, find_figures(text)[["value_text", "qualifier"]]


@pytest.mark.parametrize(("text", "label", "source"), [
    # Passive reporting with nobody named is a hedge, not a source.
    ("An explosion at the Dunmore mill killed six, while 40 people are reported missing.",
     "hedge_no_source", ""),
    ("There have also been reports that a second dam at Lake Orrin leaked.",
     "hedge_no_source", ""),
    ("Twelve cases of flu have been reported in Dunmore since May.", "hedge_no_source", ""),
    ("Initial reports suggest that a gas leak caused the blast.", "hedge_no_source", ""),
    # ... but an active "has reported" still names its source.
    ("The Dunmore Courier has reported that the pier is closed.", "named_source",
     "The Dunmore Courier"),
    # Hedges and verbs the list lacked.
    ("The storm apparently cut the ferry line to Lake Orrin.", "hedge_no_source", ""),
    ("Provisional results indicate that Ana Vesk lost her seat by 40 votes.", "document",
     "Provisional results"),
    ("The Dunmore Courier attributed the fire to a faulty heater.", "named_source",
     "The Dunmore Courier"),
    # A capitalised word that is not a name.
    ("Authorities say the bridge at Dunmore will reopen.", "several_anonymous_sources",
     "Authorities"),
    ("A correspondent for the Orrin Herald reports that the roads are closed.",
     "one_anonymous_source", "A correspondent for the Orrin Herald"),
    # The source's words only: no clause before it, no auxiliary after it, and the name
    # after a role kept.
    ("The closure comes days after the Dunmore council said the pier was unsafe.",
     "named_source", "the Dunmore council"),
    ("On the far shore, officials have said that two boats sank.",
     "several_anonymous_sources", "officials"),
    ("According to a captain of the Orrin ferries, Piet Marr, the boats will run.",
     "named_source", "a captain of the Orrin ferries, Piet Marr"),
    ("According to police, Ana Vesk, 42, was arrested.", "named_source", "police"),
    # "As a sign of ..." opens a purpose, not the reporter's reasoning.
    ("As a sign of thanks, Dunmore's fishermen gave the crew 200 crowns.",
     "unattributed_assertion", ""),
])  # fmt: skip
def test_attribution_forms_of_the_third_round(text: str, label: str, source: str) -> None:
    assert label_of(text) == (label, source)


# The fourth round: forms missed on the third round's frozen split (now `dev3`), each written
# again here in invented sentences.
@pytest.mark.parametrize(("text", "label", "source"), [
    # A speaker named in an appositive before an auxiliary, and adverbs after a name.
    ("Dunmore's mayor, Ana Vesk, has stated that “the pier will reopen in May.”",
     "named_source", "Ana Vesk"),
    ("Piet Marr then claimed that the toll would fall.", "named_source", "Piet Marr"),
    # Verbs of saying the list lacked, and a long appositive.
    ("Ana Vesk, who has chaired the Lake Orrin Water Board since the county first set up the "
     "board and its fishing rules, revealed in the Dunmore Courier that the dam leaked.",
     "named_source", "Ana Vesk"),
    ("The Orrin Fishers' Union accused the council of hiding the report.", "named_source",
     "The Orrin Fishers' Union"),
    ("Asked about the bridge, Piet Marr reiterated his call for a new one.", "named_source",
     "Piet Marr"),
    ("Dunmore claims its harbour is the oldest on the lake.", "named_source", "Dunmore"),
    ("Radio Orrin is reporting that the ferry sank.", "named_source", "Radio Orrin"),
    ("Talks on the dam continue, in which diplomats are reporting progress.",
     "several_anonymous_sources", "diplomats"),
    # Documents: figures that "give" a toll, an article, files "according to which", a leak.
    ("The council's official figures give the death toll at 12.", "document",
     "The council's official figures"),
    ("An article in the Dunmore Courier said the plan was “a failure.”", "document",
     "An article in the Dunmore Courier"),
    ("The county has released files according to which the dam was unsafe.", "document",
     "files"),
    ("This week we learned through a leak published in the Orrin Herald that the mayor will "
     "resign.", "document", "a leak published in the Orrin Herald"),
    # A speaker who "called" something by quoted words.
    ("The police called the fire “deliberate and planned”.", "named_source", "The police"),
    # Someone not named, described by where they belong; initials kept in a source.
    ("In response, a leader from the Orrin fishers' council said no change was needed.",
     "one_anonymous_source", "a leader from the Orrin fishers' council"),
    ("“The pier is closed,” said a spokesman for the U.N. office in Dunmore.",
     "anonymous_person_quoted", "a spokesman for the U.N. office in Dunmore"),
    # The source's words only: no relative clause after it.
    ("Officials at the Dunmore hospital where the crew is treated said two were hurt.",
     "several_anonymous_sources", "Officials at the Dunmore hospital"),
    # Passive reporting with nobody named.
    ("It has also been reported that the ferry will stop.", "hedge_no_source", ""),
    ("Reports on the number of boats lost ranged from four to nine.", "hedge_no_source", ""),
])  # fmt: skip
def test_attribution_forms_of_the_fourth_round(text: str, label: str, source: str) -> None:
    assert label_of(text) == (label, source)


@pytest.mark.parametrize(("text", "label", "source"), [
    # A pronoun after a phrase of place or time carries the source over.
    ("Ana Vesk announced her plan on Monday. In the interview she says the pier will close.",
     "named_source", "Ana Vesk"),
    # A noun that points back to the figure just given.
    ("The Dunmore Courier reported that 40 boats sank. The figure comes from the harbour log.",
     "named_source", "The Dunmore Courier"),
    # "she said" after a quotation refers back to the last person named, in an earlier
    # paragraph too.
    ("Ana Vesk said the pier was closed.\n\n“It is a scandal,” she said.", "named_source",
     "Ana Vesk"),
])  # fmt: skip
def test_carry_over_of_the_fourth_round(text: str, label: str, source: str) -> None:
    assert label_of(text, 1) == (label, source)


@pytest.mark.parametrize(("text", "expected"), [
    ("A magnitude seven point one earthquake struck Lake Orrin.", [(7.1, "none", 7.1, 7.1, "")]),
    ("Sales reached one-point-five million crowns.",
     [(1_500_000, "none", 1_500_000, 1_500_000, "crowns")]),
    ("The victims were between the ages of 15 and 18.", [(None, "range", 15, 18, "")]),
    ("She was 25 years old.", [(25, "none", 25, 25, "")]),
])  # fmt: skip
def test_figure_forms_of_the_fourth_round(text: str, expected: list[tuple]) -> None:
    assert figures_of(text) == expected


@pytest.mark.parametrize("text", [
    # A number before a singular noun is a compound modifier, hyphen or not.
    "It returned after a thirteen day mission.", "A 19 year old sailor was rescued.",
    "They dug a more than 300 metre long tunnel.", "The six nation talks resumed.",
    "The shop was shut for a twenty-four hour period.",
])  # fmt: skip
def test_compound_modifiers_without_a_hyphen_are_not_figures(text: str) -> None:
    assert find_figures(text, small_words=True).empty, find_figures(text)[["value_text"]]


# The fifth round: forms missed on the fourth round's frozen split (now `dev4`), written again
# in invented sentences.
@pytest.mark.parametrize(("text", "label", "source"), [
    # Verbs of saying and suspecting the lists lacked.
    ("The Dunmore port director states that the pier is safe.", "one_anonymous_source",
     "The Dunmore port director"),
    ("Harbour chair Ana Vesk commented that the figure is too low.", "named_source",
     "Harbour chair Ana Vesk"),
    ("Local authorities suspect that a gas leak caused the fire.",
     "several_anonymous_sources", "Local authorities"),
    # Every people noun counts as plural in the plural ("managers" was missing).
    ("Managers at the Dunmore mill said the shifts would end.", "several_anonymous_sources",
     "Managers at the Dunmore mill"),
    ("Rents rose more than predicted by economists, who forecast a rise of 2%.",
     "several_anonymous_sources", "economists"),
    ("The cause is unknown, but reports indicate that the pump failed.", "hedge_no_source", ""),
    ("The video indicates that the crew left early.", "document", "The video"),
    # Hedges the list lacked.
    ("The ferry, supposedly the oldest on the lake, sank.", "hedge_no_source", ""),
    ("The fire might have been started by a heater.", "hedge_no_source", ""),
    ("The blackout has been blamed on a storm.", "hedge_no_source", ""),
    ("The blast hit Dunmore, with early reports saying two died.", "hedge_no_source", ""),
    ("Press reports say that no boats were lost.", "hedge_no_source", ""),
    # Words kept around a source.
    ("The pier reopened, although Dunmore and Lake Orrin said it was unsafe.", "named_source",
     "Dunmore and Lake Orrin"),
    ("The council officially confirmed the closure.", "named_source", "The council"),
    # A role and a name; a title with no name.
    ("Council spokesman, Piet Marr, said the roads were clear.", "named_source",
     "Council spokesman, Piet Marr"),
    ("The Orrin Valley harbour minister said the pier would close.", "one_anonymous_source",
     "The Orrin Valley harbour minister"),
    # A document's author kept: "released by".
    ("According to a report released by the Orrin Valley Water Company, 40 pipes leaked.",
     "document", "a report released by the Orrin Valley Water Company"),
])  # fmt: skip
def test_attribution_forms_of_the_fifth_round(text: str, label: str, source: str) -> None:
    assert label_of(text) == (label, source)


@pytest.mark.parametrize(("text", "sentence", "label", "source"), [
    # Each quotation has its own speaker, also when a paragraph holds two.
    ("“The smoke is thick,” said Ana Vesk. Piet Marr said that “I saw 50 boats. They are "
     "still coming.”", 2, "named_source", "Piet Marr"),
    # The speaker named later in the paragraph.
    ("“The pier is closed. It will stay closed,” said Ana Vesk.", 0, "named_source",
     "Ana Vesk"),
    # A speaker "quoted as saying", and one who confirmed "by saying".
    ("A senior ferry officer has been quoted as saying that “we lost two boats.”", 0,
     "anonymous_person_quoted", "A senior ferry officer"),
    ("A spokesman for the Dunmore council has confirmed the closure by saying that “the pier "
     "is unsafe.”", 0, "anonymous_person_quoted", "A spokesman for the Dunmore council"),
    # Quoted words of several people stay plural; a name before ", the manager of X said".
    ("On Monday, Dunmore officials said the leak was “likely linked” to the storm.", 0,
     "several_anonymous_sources", "Dunmore officials"),
    ("Piet Marr, the harbour manager of Dunmore said that “the quay is safe.”", 0,
     "named_source", "Piet Marr"),
    # "said X to the Y news agency": the speaker only.
    ("“The roads are shut,” said an official for the Orrin rescue team to the Dunmore Courier.",
     0, "anonymous_person_quoted", "an official for the Orrin rescue team"),
    # A phrase of place or time before the speaker.
    ("Ana Vesk said the pier was old. In the interview Vesk also described the quay as "
     "“a ruin.”", 1, "named_source", "Vesk"),
])  # fmt: skip
def test_quotation_speakers_of_the_fifth_round(text: str, sentence: int, label: str,
                                               source: str) -> None:
    assert label_of(text, sentence) == (label, source)


@pytest.mark.parametrize(("text", "expected"), [
    ("The plan saved about half a million jobs.",
     [(500_000, "about", 450_000, 550_000, "")]),
    ("The FTSE 100 fell 52 points and the S&P 500 lost 7%.",
     [(52, "none", 52, 52, ""), (7, "none", 7, 7, "percent")]),
    ("Officials say three boats sank. The three were towed to Dunmore.",
     [(3, "none", 3, 3, "")]),
    ("At 0719 UTC (6.19 on Friday evening local time) a magnitude 6.4 quake struck.",
     [(6.4, "none", 6.4, 6.4, "")]),
    ("The ferry will sail again two days from Wednesday.", []),
])  # fmt: skip
def test_figure_forms_of_the_fifth_round(text: str, expected: list[tuple]) -> None:
    assert figures_of(text) == expected


# The sixth round: forms missed on the fifth round's frozen split (now `dev5`), written again
# in invented sentences.
@pytest.mark.parametrize(("text", "expected"), [
    # A time to a fraction of a second is a duration, in seconds; a clock time is not.
    ("Vesk won the Dunmore mile in 4:03.84, ahead of Marr.",
     [(243.84, "none", 243.84, 243.84, "")]),
    ("The relay team finished in 1:02:05.5 at 14:05.", [(3725.5, "none", 3725.5, 3725.5, "")]),
    # "one" counts after a qualifier.
    ("Vesk won by under one second.", [(1, "under", None, 1, "")]),
    # A change from one figure to another is two figures, not a range.
    ("The toll rose from 125 to 149 overnight.",
     [(125, "none", 125, 125, ""), (149, "none", 149, 149, "")]),
    ("Between 125 and 149 boats sailed from 10 to 12 May.", [(None, "range", 125, 149, "")]),
    # A share with decimals after a name is a figure; "Pier 4" is a name.
    ("Marr led Vesk 45.95 to 45.19 at Pier 4.",
     [(45.95, "none", 45.95, 45.95, ""), (45.19, "none", 45.19, 45.19, "")]),
])  # fmt: skip
def test_figure_forms_of_the_sixth_round(text: str, expected: list[tuple]) -> None:
    assert figures_of(text) == expected


@pytest.mark.parametrize("text", [
    # Years said in words, numbers in names, and the numbers in a sporting event's name.
    "Vesk ended her twenty twelve campaign in Dunmore.",
    "The pier was built after World War Two.",
    "Vesk swam the women's 400 metre medley.",
    "Dunmore won the men's 4 x 100 metre relay.",
])  # fmt: skip
def test_years_in_words_names_and_event_names_are_not_figures(text: str) -> None:
    assert find_figures(text).empty, find_figures(text)[["value_text"]]


@pytest.mark.parametrize(("text", "sentence", "label", "source"), [
    # Words between a source and its verb: an appositive and a day, "continued to".
    ("Piet Marr, the Dunmore harbour manager, today said that the quay would close.", 0,
     "named_source", "Piet Marr"),
    ("Outside the court, Vesk continued to proclaim her innocence.", 0, "named_source",
     "Vesk"),
    # Verbs the lists lacked ("claim", "fears"); people referred back to ("The pair").
    ("Mayor Piet Marr fears that the dam may fail.", 0, "named_source", "Mayor Piet Marr"),
    ("The pair claim that the boat sank.", 0, "named_source", "The pair"),
    # A source inside a clause opened by "that" or "where".
    ("The ferry left from a quay that Dunmore port officers believe was unsafe.", 0,
     "several_anonymous_sources", "Dunmore port officers"),
    ("The vote followed a meeting where Ana Vesk told the council the pier was unsafe.", 0,
     "named_source", "Ana Vesk"),
    # Finding something is not a claim unless it is a document's, or with "that".
    ("Villagers found the ferry's data recorder.", 0, "unattributed_assertion", ""),
    ("Investigators found that the pump failed.", 0, "several_anonymous_sources",
     "Investigators"),
    # A verb's form used as a noun, or adding a number, is not saying.
    ("Amongst the dozen accused are two Dunmore ferry officers.", 0, "unattributed_assertion",
     ""),
    ("The council said Vesk won the first round. She added 24 points in the final.", 1,
     "unattributed_assertion", ""),
    # Hedges the list lacked.
    ("There were erroneous reports by the Dunmore media that the dam had failed.", 0,
     "hedge_no_source", ""),
    ("Vesk is projected to win the Dunmore seat.", 0, "hedge_no_source", ""),
    ("The verdict came on Monday. Appeals are expected.", 1, "hedge_no_source", ""),
    ("In what have been described as show trials, ten men confessed.", 0, "hedge_no_source",
     ""),
])  # fmt: skip
def test_attribution_forms_of_the_sixth_round(text: str, sentence: int, label: str,
                                              source: str) -> None:
    assert label_of(text, sentence) == (label, source)


@pytest.mark.parametrize(("text", "sentence", "label", "source"), [
    # The speaker after the verb, without the circumstance that follows.
    ("“I was shocked,” said Vesk after the race.", 0, "named_source", "Vesk"),
    ("“The lake is safe,” said Marr at a meeting in Dunmore.", 0, "named_source", "Marr"),
    # "the local police" is an organisation, not one local.
    ("“The line is clear,” said the local police, in a statement.", 0, "named_source",
     "the local police"),
    # "she" with nobody named before it in the text: a person the story named earlier.
    ("“The crew are safe,” she said.", 0, "named_source", "she"),
    # A quotation opened after a colon by a clause that names its speaker.
    ("Mayor Piet Marr addressed the town on the radio: “We will rebuild the pier.”", 0,
     "named_source", "Mayor Piet Marr"),
    # Quotation marks around a word or two set off a name, not someone's words.
    ("The council said the test was positive. Vesk's “B” sample will be tested next week.", 1,
     "unattributed_assertion", ""),
])  # fmt: skip
def test_quotation_speakers_of_the_sixth_round(text: str, sentence: int, label: str,
                                               source: str) -> None:
    assert label_of(text, sentence) == (label, source)


# The seventh round: forms missed on the sixth round's frozen split (now `dev6`), written
# again in invented sentences.
@pytest.mark.parametrize(("text", "sentence", "label", "source"), [
    # Speech acts the lists lacked; "apologised for" and "pledged to" keep their preposition.
    ("Ana Vesk, head of the Dunmore dairy, apologised for the spill.", 0, "named_source",
     "Ana Vesk"),
    ("To open the appeal, Piet Marr has pledged to give 600 crowns.", 0, "named_source",
     "Piet Marr"),
    ("Lake Orrin has requested Dunmore send more boats.", 0, "named_source", "Lake Orrin"),
    ("Port Ellery mayor Rhea Moss spoke at the harbour on Tuesday.", 0, "named_source",
     "Port Ellery mayor Rhea Moss"),
    ("Authorities asserted that the water is safe.", 0, "several_anonymous_sources",
     "Authorities"),
    ("The Varnholm Courier on Tuesday condemned the closure of the pier.", 0, "named_source",
     "The Varnholm Courier"),
    # A name and its appositive in mid-sentence, before the verb.
    ("In an interview published on Friday, Ivo Kask, Premier of Varnholm, acknowledged that "
     "the dam leaked.", 0, "named_source", "Ivo Kask"),
    # A capitalised title stands for the one person who holds it.
    ("Ivo Kask toured the dam. At the end of the visit, the Premier agreed that it leaked.", 1,
     "named_source", "the Premier"),
    # Coordinated verbs; more people nouns.
    ("Dunmore and Varnholm astronomers have detected and confirmed that the comet is bright.", 0,
     "several_anonymous_sources", "Dunmore and Varnholm astronomers"),
    # "according to" with full stops inside a name; unnamed newspaper reports.
    ("According to Courier.com and the Varnholm Times, the pier is closed.", 0, "named_source",
     "Courier.com and the Varnholm Times"),
    ("According to the U.S. Harbour Secretary Ivo Kask, the pier is closed.", 0, "named_source",
     "the U.S. Harbour Secretary Ivo Kask"),
    ("According to newspaper reports, the pier is closed.", 0, "hedge_no_source", ""),
    ("However other reports state that the pier is open.", 0, "hedge_no_source", ""),
    ("There were reports of broken windows in Dunmore.", 0, "hedge_no_source", ""),
    ("At least 40 people are still believed to be missing.", 0, "hedge_no_source", ""),
    # "close to" is part of the source; "who spoke to X" is not.
    ("This is according to two sources close to the Dunmore council who spoke to the Courier.",
     0, "several_anonymous_sources", "two sources close to the Dunmore council"),
    # A relative word before the source; a verb's form after a determiner or preposition.
    ("The fund asked for 31 million crowns, which the Partnership claims would save lives.", 0,
     "named_source", "the Partnership"),
    ("Police are still looking for the suspect that killed Ivo Kask on 1 May.", 0,
     "unattributed_assertion", ""),
    ("The courts are similar to military trials of alleged smugglers.", 0,
     "unattributed_assertion", ""),
    ("Sqoot promised free drinks as one of its perks.", 0, "unattributed_assertion", ""),
])  # fmt: skip
def test_attribution_forms_of_the_seventh_round(text: str, sentence: int, label: str,
                                                source: str) -> None:
    assert label_of(text, sentence) == (label, source)


@pytest.mark.parametrize(("text", "sentence", "label", "source"), [
    # "concluded" with a pronoun; a quotation after which "and said" follows its speaker.
    ("Ivo Kask spoke about the dam. “It will hold,” he concluded.", 1, "named_source",
     "Ivo Kask"),
    ("Harbour master Piet Marr has described the attack as “cowardly”, and said that the "
     "quay will stay shut.", 0, "named_source", "Harbour master Piet Marr"),
])  # fmt: skip
def test_quotation_speakers_of_the_seventh_round(text: str, sentence: int, label: str,
                                                 source: str) -> None:
    assert label_of(text, sentence) == (label, source)


@pytest.mark.parametrize(("text", "expected"), [
    ("The cuts could halve its budget of 10 million crowns, or cut it in half.",
     [(10_000_000, "none", 10_000_000, 10_000_000, "crowns"),
      (0.5, "none", 0.5, 0.5, "fraction")]),
    ("The crossing took more than a half an hour.", [(0.5, "more than", 0.5, None, "fraction")]),
])  # fmt: skip
def test_figure_forms_of_the_seventh_round(text: str, expected: list[tuple]) -> None:
    assert figures_of(text) == expected


@pytest.mark.parametrize("text", [
    # Ward and room numbers, seasons, emergency numbers, compound modifiers, "the two" alone.
    "Visitors should avoid wards 23 and 29.", "Dunmore missed the 2008–09 playoffs.",
    "A 911 call was made from the pier.", "The ferry has a three megapixel camera.",
    "The Courier mixed the two up on Monday.",
])  # fmt: skip
def test_references_seasons_and_emergency_numbers_are_not_figures(text: str) -> None:
    assert find_figures(text).empty, find_figures(text)[["value_text"]]


# The eighth round: forms missed on the seventh round's frozen split (now `dev7`), written
# again in invented sentences.
@pytest.mark.parametrize(("text", "sentence", "label", "source"), [
    # A role, then the name after a comma; a relative clause inside the subject.
    ("Chief engineer of the Dunmore dam, Piet Marr, attributed the leak to the frost.", 0,
     "named_source", "Chief engineer of the Dunmore dam, Piet Marr"),
    ("The Dunmore police who are investigating the fire say that it was lit on purpose.", 0,
     "named_source", "The Dunmore police"),
    ("A review group that inspected the pier concluded that it was unsafe.", 0,
     "one_anonymous_source", "A review group"),
    # A verb of the relative clause is not the sentence's verb.
    ("Two officials who asked not to be named said the pier was shut.", 0,
     "several_anonymous_sources", "Two officials who asked not to be named"),
    # Verbs the lists lacked, "both" and "now" before them, "yesterday" after an organisation.
    ("Lake Orrin has rejected the charge.", 0, "named_source", "Lake Orrin"),
    ("Ana Vesk and Piet Marr have both dismissed the plan.", 0, "named_source",
     "Ana Vesk and Piet Marr"),
    ("The Courier and the Varnholm Times are now reporting that the pier is shut.", 0,
     "named_source", "The Courier and the Varnholm Times"),
    ("The Dunmore council yesterday said that the quay is safe.", 0, "named_source",
     "The Dunmore council"),
    ("Ivo Kask announced a plan. He has asked the council to pay for repairs.", 1,
     "named_source", "Ivo Kask"),
    ("Ana Vesk has been speaking at a meeting in Dunmore.", 0, "named_source", "Ana Vesk"),
    ("The inquiry heard that the crew had been warned.", 0, "named_source", "The inquiry"),
    ("Dunmore families heard that the ferry had sunk.", 0, "unattributed_assertion", ""),
    # More people nouns, an organisation's division, a story as a document, "the former".
    ("Opponents of the dam say it will flood the valley.", 0, "several_anonymous_sources",
     "Opponents of the dam"),
    ("But his opponents said the vote was rigged.", 0, "several_anonymous_sources",
     "his opponents"),
    ("However, the 'ferry division' reported a loss.", 0, "named_source",
     "the 'ferry division'"),
    ("According to the Courier story, the pier will close.", 0, "document",
     "the Courier story"),
    ("Dunmore Steel is ready to talk, the former said on Sunday.", 0, "named_source",
     "the former"),
    ("The press group Reporters of the Lake condemned the closure.", 0, "named_source",
     "The press group Reporters of the Lake"),
    # A clause before "and" is not part of the source; passive agents and hedges.
    ("The dam continues to crack and engineers fear it may fail.", 0,
     "several_anonymous_sources", "engineers"),
    ("The pier has been rated the worst in Varnholm by the Harbour Federation.", 0,
     "named_source", "the Harbour Federation"),
    ("Arson is suspected in the fire at the Dunmore mill.", 0, "hedge_no_source", ""),
    ("Strong winds are blamed for the damage.", 0, "hedge_no_source", ""),
    ("The Courier obtained two reports on a farm believed to be the site of the spill.", 0,
     "hedge_no_source", ""),
    ("At the moment there are 2 reports of injuries.", 0, "unattributed_assertion", ""),
    ("Ana Vesk and Piet Marr became suspects after the fire.", 0, "unattributed_assertion",
     ""),
    ("The ruling party in the state of Varnholm kept power.", 0, "unattributed_assertion", ""),
])  # fmt: skip
def test_attribution_forms_of_the_eighth_round(text: str, sentence: int, label: str,
                                               source: str) -> None:
    assert label_of(text, sentence) == (label, source)


@pytest.mark.parametrize(("text", "sentence", "label", "source"), [
    # "he" or "she" later in the paragraph is the named person, without the title.
    ("Harbour Minister Rhea Moss spoke in Dunmore. She accuses Varnholm of lying.", 1,
     "named_source", "Rhea Moss"),
    ("The Dunmore port office yesterday said the toll is “absolutely false”.", 0,
     "named_source", "The Dunmore port office"),
    ("Ivo Kask has described the plan as “wild speculation” in a speech.", 0, "named_source",
     "Ivo Kask"),
])  # fmt: skip
def test_quotation_speakers_of_the_eighth_round(text: str, sentence: int, label: str,
                                                source: str) -> None:
    assert label_of(text, sentence) == (label, source)


@pytest.mark.parametrize(("text", "expected"), [
    ("He asked the council to approve $225m in aid.",
     [(225_000_000, "none", 225_000_000, 225_000_000, "dollars")]),
    ("The bill was defeated 48 to 49 in the Varnholm senate.",
     [(48, "none", 48, 48, ""), (49, "none", 49, 49, "")]),
    ("The Dunmore Harbour's 500 index fell 1.95%.", [(1.95, "none", 1.95, 1.95, "percent")]),
])  # fmt: skip
def test_figure_forms_of_the_eighth_round(text: str, expected: list[tuple]) -> None:
    assert figures_of(text) == expected


@pytest.mark.parametrize("text", [
    # Points in time before or after an event, categories, routes, footnotes, names, pairs.
    "The vote came two weeks after the storm.", "Then again two hours later the ferry sank.",
    "What will Dunmore be like in 20 years' time?", "It became a category 4 storm.",
    "An avalanche on route 40 buried the road.", "The lake freezes every winter[1].",
    "He built a Ten Commandments monument.", "Between the two shootings, Marr fled.",
])  # fmt: skip
def test_points_in_time_categories_and_names_are_not_figures(text: str) -> None:
    assert find_figures(text).empty, find_figures(text)[["value_text"]]


@pytest.mark.parametrize(("text", "expected"), [
    ("A hundred thousand people marched in Port Ellery.",
     [(100_000, "none", 100_000, 100_000, "")]),
    ("The Kestrel Bay ferry is almost two and a half years late.",
     [(2.5, "almost", None, 2.5, "")]),
    ("Varnholm will send 3000-3500 volunteers.", [(None, "range", 3000, 3500, "")]),
    ("Fares rose by $1.50 to $9.75 in Dunmore.",
     [(1.5, "none", 1.5, 1.5, "dollars"), (9.75, "none", 9.75, 9.75, "dollars")]),
    # "one" before a person or a unit of time is a count.
    ("The storm killed one person and injured 12.",
     [(1, "none", 1, 1, ""), (12, "none", 12, 12, "")]),
    ("The Dunmore permit is valid for one year.", [(1, "none", 1, 1, "")]),
    ("Six crew died and one other passenger was lost.",
     [(6, "none", 6, 6, ""), (1, "none", 1, 1, "")]),
])  # fmt: skip
def test_figure_forms_of_the_ninth_round(text: str, expected: list[tuple]) -> None:
    assert figures_of(text) == expected


@pytest.mark.parametrize("text", [
    # Compound modifiers with a measure in the singular, coordinates, "one" that counts nothing.
    "The 40 ton crane reached Kestrel Bay.", "Varnholm tested a 50 gigaton model.",
    "The new 250+ seat ferry left Dunmore.", "Marr joined the 1400 strong militia.",
    "The buoy drifted to 12.5° N, 40.2°W.", "One of the ferries sank off Dunmore.",
    "“We are fine,” said one worker.", "The new pier is longer than the old one.",
])  # fmt: skip
def test_measures_coordinates_and_pronoun_one_are_not_figures(text: str) -> None:
    assert find_figures(text).empty, find_figures(text)[["value_text"]]


@pytest.mark.parametrize(("text", "label", "source"), [
    # Reporting verbs of a fuller inventory, in their finite forms, and phrases of saying.
    ("Varnholm officials made clear that the ferry would not sail.",
     "several_anonymous_sources", "Varnholm officials"),
    ("Witnesses disagreed on how long the storm lasted.", "several_anonymous_sources",
     "Witnesses"),
    ("Many citizens of Port Ellery complained that the ferry was late.",
     "several_anonymous_sources", "Many citizens of Port Ellery"),
    ("Mayor Ivo Kask vowed that the pier would reopen.", "named_source", "Mayor Ivo Kask"),
    ("The Varnholm Courier strongly discourages readers from sending photographs.",
     "named_source", "The Varnholm Courier"),
    ("Dunmore officials encouraged residents to leave.", "several_anonymous_sources",
     "Dunmore officials"),
    # An adverb between the source and its verb; a coordinated subject stays whole.
    ("Jane Roe strongly disputes the figures.", "named_source", "Jane Roe"),
    ("Marr's lawyers however insisted that he was innocent.", "several_anonymous_sources",
     "Marr's lawyers"),
    ("Both Dunmore and Varnholm have recently warned Marr against the plan.", "named_source",
     "Both Dunmore and Varnholm"),
    # A verb's form after a number is a noun; unnamed "reports of" something is a hedge.
    ("The two states meet in Dunmore.", "unattributed_assertion", ""),
    ("The ferry left Dunmore, but reports of looting in the harbour are spreading.",
     "hedge_no_source", ""),
    # "to" before the person spoken to, after a verb of saying; not after other verbs.
    ("Harbour chief Ana Vesk apologised to the families of Dunmore.", "named_source",
     "Harbour chief Ana Vesk"),
    ("Many residents of Kestrel Bay have complained to the council about the noise.",
     "several_anonymous_sources", "Many residents of Kestrel Bay"),
    ("The Varnholm rebels agreed to a ceasefire.", "unattributed_assertion", ""),
    ("Medics responded to the fire in Dunmore.", "unattributed_assertion", ""),
    # A verb of saying in "-ing" before "that": the sentence's subject is the source.
    ("Ivo Kask has filed a lawsuit against Dunmore, alleging that the pier is unsafe.",
     "named_source", "Ivo Kask"),
    ("Residents of Port Ellery, who drink from the Sallow River, sued the council stating "
     "that the water was unsafe.", "several_anonymous_sources", "Residents of Port Ellery"),
    ("Security was tight after a warning that rebels could attack Dunmore.",
     "unattributed_assertion", ""),
])  # fmt: skip
def test_attribution_forms_of_the_ninth_round(text: str, label: str, source: str) -> None:
    assert label_of(text) == (label, source)


@pytest.mark.parametrize(("text", "label", "source"), [
    # The reporting frame at the end covers the sentence, "reports" included.
    ("Ten Varnholm ships were unharmed by the storm, reports the Kestrel Bay Courier.",
     "named_source", "the Kestrel Bay Courier"),
    ("Ivo Kask has said the pier is safe, said the Varnholm Courier.", "named_source",
     "the Varnholm Courier"),
    ("The mayor, Jane Roe, told reporters that the budget was balanced.", "named_source",
     "The mayor, Jane Roe"),
    # A name, then who they are, with no closing comma before the verb.
    ("Dr Ana Vesk, a lecturer in law and history at the University of Varnholm has told "
     "reporters that the pier is unsafe.", "named_source", "Dr Ana Vesk"),
    # "the" stays before a title after a phrase of place or time.
    ('Speaking to some two thousand workers in Dunmore the Mayor called for a "return to '
     'work".', "named_source", "the Mayor"),
])  # fmt: skip
def test_frames_and_appositives_of_the_ninth_round(text: str, label: str, source: str) -> None:
    assert label_of(text) == (label, source)


@pytest.mark.parametrize(("text", "sentence", "label", "source"), [
    # "concluded" and "continued" say something only before "that", "by saying" or a quotation.
    ("The Kestrel Bay festival concluded yesterday with a concert.", 0,
     "unattributed_assertion", ""),
    ("Fighting between the rebels and the army has continued in Dunmore.", 0,
     "unattributed_assertion", ""),
    ("The audit concluded that the pier was unsafe.", 0, "document", "The audit"),
    # People named before, referred back to: "Both sides".
    ("Both sides however declared they would keep the truce.", 0, "named_source",
     "Both sides"),
    # Coordinated verbs: the subject of the first verb speaks.
    ("Ivo Kask visited the pier and told reporters that it was safe.", 0, "named_source",
     "Ivo Kask"),
    ('Mayor Ivo Kask spoke in Dunmore. In his speech, he praised the crews and said that "the '
     'harbour will reopen".', 1, "named_source", "Ivo Kask"),
])  # fmt: skip
def test_verbs_of_events_back_references_and_coordinated_verbs(text: str, sentence: int,
                                                              label: str, source: str) -> None:
    assert label_of(text, sentence) == (label, source)


@pytest.mark.parametrize(("text", "source"), [
    # A passive verb of saying names its source after "by", up to "to" or "as".
    ("The name of the drowned sailor has been revealed by the Varnholm coastguard to be Tomas "
     "Vell.", "the Varnholm coastguard"),
    ("The closure of the pier was announced by the Kestrel Bay Council.",
     "the Kestrel Bay Council"),
    ("The figures were disputed by Ivo Kask as too low.", "Ivo Kask"),
])  # fmt: skip
def test_passive_verbs_of_saying_name_their_agent(text: str, source: str) -> None:
    assert label_of(text) == ("named_source", source)


@pytest.mark.parametrize(("text", "expected"), [
    # A result after a named side is a score (two figures), not a name's number nor a range.
    ("Kestrel Rovers beat Dunmore 3-1 on Saturday.", [(3, "none", 3, 3, ""),
                                                      (1, "none", 1, 1, "")]),
    ("The Harbour Hawks defeated Orrin Valley 27 points to 9 in the final.",
     [(27, "none", 27, 27, ""), (9, "none", 9, 9, "")]),
    ("Dunmore lost to Kestrel Rovers 0-2 at home.", [(0, "none", 0, 0, ""),
                                                     (2, "none", 2, 2, "")]),
])  # fmt: skip
def test_scores_after_a_named_side_of_the_tenth_round(text: str, expected: list[tuple]) -> None:
    assert figures_of(text) == expected


@pytest.mark.parametrize("text", [
    "The ferry left Dunmore at 0545 hours, the coastguard said.",
    "The alarm sounded at 2245 hours GMT.",
    "The leak was found two hours into the crossing.",
    "The gang's number 3 was arrested in Lake Orrin.",
])  # fmt: skip
def test_military_times_times_into_and_ranks_are_not_figures_tenth_round(text: str) -> None:
    assert figures_of(text) == []


@pytest.mark.parametrize(("text", "label", "source"), [
    # A passive verb of telling or thinking names its agent after "by".
    ("The crews were notified of the closure by Ivo Kask, head of the Dunmore port authority.",
     "named_source", "Ivo Kask"),
    ("The fire is thought by Varnholm police to have started in the kitchen.", "named_source",
     "Varnholm police"),
    ("The fishermen were warned by the Kestrel Bay coastguard that the pier was unsafe.",
     "named_source", "the Kestrel Bay coastguard"),
    # ... but not a "by" further on that belongs to something else.
    ("The target was believed to be a house owned by Mayor Ivo Kask.", "hedge_no_source", ""),
    # "as reported in" or "by" a document or a person.
    ("The ferry service was suspended, as reported in a press release from the Orrin Valley "
     "Water Company.", "document", "a press release from the Orrin Valley Water Company"),
    ("The dam will be rebuilt, as noted in the minutes of the Kestrel Bay Council.", "document",
     "the minutes of the Kestrel Bay Council"),
    # Published documents: a website, a book, a press release, a bulletin.
    ("According to a Dunmore fishing website, the catch fell by half.", "document",
     "a Dunmore fishing website"),
    ("A new book claims that the harbour was built on a marsh.", "document", "A new book"),
    ("A council bulletin says that the ferries will run again in May.", "document",
     "A council bulletin"),
    # ... but a blog or website with its name is a named outlet.
    ("According to the blog Harbour Watch, the pier will close.", "named_source",
     "the blog Harbour Watch"),
    # People described by their work.
    ("Paramedics said that two swimmers were treated for shock.",
     "several_anonymous_sources", "Paramedics"),
    ("Rescuers later announced that the crew had been found.", "several_anonymous_sources",
     "Rescuers"),
    # An editor's note in brackets is not part of the source.
    ("The harbour master of Dunmore, Ivo Kask [pr: ee-vo kask], said the pier was unsafe.",
     "named_source", "The harbour master of Dunmore, Ivo Kask"),
    # Speculation without a source is a hedge.
    ("Speculations were made that the ferry had struck a rock.", "hedge_no_source", ""),
])  # fmt: skip
def test_attribution_forms_of_the_tenth_round(text: str, label: str, source: str) -> None:
    assert label_of(text) == (label, source)


@pytest.mark.parametrize(("text", "label", "source"), [
    # "According to X" with no comma: a name followed by an article starts the claim.
    ("According to the Varnholm Fire Service a cargo ship ran aground near the pier.",
     "named_source", "the Varnholm Fire Service"),
    # "reports" is a noun (a document) when a plural verb follows it; the time is left out.
    ("Harbour reports late on Monday evening indicate that two boats sank.", "document",
     "Harbour reports"),
    ("Coastguard reports show that the ferry turned back.", "document", "Coastguard reports"),
    # A verb of saying in the infinitive of an aim is not a report.
    ("Mayor Ivo Kask has been touring Dunmore in a bid to encourage the town to recycle.",
     "unattributed_assertion", ""),
    ("The council plans to announce new fares for Lake Orrin.", "unattributed_assertion", ""),
    # A group of unnamed sources that names some of them is named.
    ("Several officials including Mayor Ivo Kask said the pier would close.", "named_source",
     "Several officials including Mayor Ivo Kask"),
])  # fmt: skip
def test_attribution_frames_of_the_tenth_round(text: str, label: str, source: str) -> None:
    assert label_of(text) == (label, source)


@pytest.mark.parametrize(("text", "expected"), [
    # "one" after a limit is a count.
    ("Only one ferry reached Dunmore.", [(1, "none", 1, 1, "")]),
    ("Twelve crew were rescued and only one has died.", [(12, "none", 12, 12, ""),
                                                         (1, "none", 1, 1, "")]),
    ("All but one boat returned to Kestrel Bay.", [(1, "none", 1, 1, "")]),
])  # fmt: skip
def test_one_after_a_limit_counts_of_the_tenth_round(text: str, expected: list[tuple]) -> None:
    assert figures_of(text) == expected


@pytest.mark.parametrize(("text", "label", "source"), [
    # A title "to" a place or body keeps its "to" and the name after it.
    ("The Kestrian ambassador to Norvania, Ivo Kask, apologized today to the mayor.",
     "named_source", "The Kestrian ambassador to Norvania, Ivo Kask"),
    ("The council's envoy to the Orrin Valley Water Company, Ana Vesk, said that talks failed.",
     "named_source", "The council's envoy to the Orrin Valley Water Company, Ana Vesk"),
    # ... while a speaker's audience after "to" still goes: "said X to the AFP agency".
    # A person "named" or "called" X is named; a place after the name is left out.
    ("A fisherman named Ivo Kask, from Dunmore, has confessed to stealing the boat.",
     "named_source", "A fisherman named Ivo Kask"),
    # Verbs of admitting before "to" and an "-ing" form.
    ("Ivo Kask has confessed to stealing the harbour's boat.", "named_source", "Ivo Kask"),
    ("The Orrin Valley Water Company admitted to polluting Lake Orrin.", "named_source",
     "The Orrin Valley Water Company"),
])  # fmt: skip
def test_titles_names_and_admissions_of_the_tenth_round(text: str, label: str,
                                                        source: str) -> None:
    assert label_of(text) == (label, source)


@pytest.mark.parametrize(("text", "label", "source"), [
    # "agreed with the assessment that": a claim.
    ("Mayor Ivo Kask has agreed with the assessment that the pier is unsafe.", "named_source",
     "Mayor Ivo Kask"),
    # A speech act named by a noun, with its agent after "by".
    ("The storm led to an announcement by Dunmore police which stated that the pier was shut.",
     "named_source", "Dunmore police"),
    ("The ferries stopped after a warning issued by the Kestrel Bay coastguard.",
     "named_source", "the Kestrel Bay coastguard"),
    # A counsel or an envoy described only by the title is one unnamed person.
    ("The legal counsel of the Orrin Valley Water Company has agreed with the view that the "
     "dam is safe.", "one_anonymous_source",
     "The legal counsel of the Orrin Valley Water Company"),
    # "Local media have reports that": unnamed reports, a hedge.
    ("Local media have reports that a fisherman found the missing boat.", "hedge_no_source",
     ""),
])  # fmt: skip
def test_speech_nouns_and_agreement_of_the_tenth_round(text: str, label: str,
                                                       source: str) -> None:
    assert label_of(text) == (label, source)


@pytest.mark.parametrize(("text", "expected"), [
    # A number before a vehicle's part in the singular describes the vehicle.
    ("A 6 carriage train with 240 people aboard left Dunmore.", [(240, "none", 240, 240, "")]),
    ("The 18 wheel truck overturned near Lake Orrin.", []),
    # An age group is not a count.
    ("Schools for pupils age 16+ in Kestrel Bay stay open.", []),
    ("Residents aged 65+ can ride the ferry free.", []),
])  # fmt: skip
def test_vehicles_and_age_groups_of_the_tenth_round(text: str, expected: list[tuple]) -> None:
    assert figures_of(text) == expected


@pytest.mark.parametrize(("text", "label", "source"), [
    # "in what X claims/called/described as": X's characterisation; "it" is the subject.
    ("The Dunmore council has closed the pier in what it claims to be an effort to prevent "
     "accidents.", "named_source", "The Dunmore council"),
    ("Soldiers fired on the crowd in what the Kestrel Bay Council described as a massacre.",
     "named_source", "the Kestrel Bay Council"),
    ("Police arrested six men in what officials called a raid on smugglers.",
     "several_anonymous_sources", "officials"),
])  # fmt: skip
def test_characterisations_of_the_tenth_round(text: str, label: str, source: str) -> None:
    assert label_of(text) == (label, source)


@pytest.mark.parametrize(("text", "label", "source"), [
    # A passive verb of judging with nobody named is a hedge; with "by X" it names X.
    ("The reef near Port Ellery is considered the oldest on the coast.", "hedge_no_source", ""),
    ("The new ferry toll has been widely criticized in Dunmore.", "hedge_no_source", ""),
    ("Widely regarded as the best pilot in Kestrel Bay, Tomas Vell retired on Friday.",
     "hedge_no_source", ""),
    ("The toll was criticized by the Dunmore council.", "named_source", "the Dunmore council"),
    # Speculation and rumour with nobody named.
    ("Crowds gathered in Halden Vale after speculation that the mill would close.",
     "hedge_no_source", ""),
])  # fmt: skip
def test_judgements_with_nobody_named_of_the_twelfth_round(text: str, label: str,
                                                           source: str) -> None:
    assert label_of(text) == (label, source)


@pytest.mark.parametrize(("text", "label", "source"), [
    # Reporting verbs of the inventory in every finite form: note, detail, cite.
    ("Harbour master Lena Fisk notes that the pier is unsafe.", "named_source",
     "Harbour master Lena Fisk"),
    ("Crown prosecutor, Ivo Kask, detailed a series of frauds at the port.", "named_source",
     "Crown prosecutor, Ivo Kask"),
    ("The Varnholm Courier cites falling sales as evidence that the port is in trouble.",
     "named_source", "The Varnholm Courier"),
    # A speech act named by its noun, singular or plural, issued, released or made.
    ("The Varnholm Pilots Association, a group of harbour pilots, has released a statement "
     "urging owners to slow down.", "named_source", "The Varnholm Pilots Association"),
    ("The Kestrel Bay Weather Office has issued warnings for more rain.", "named_source",
     "The Kestrel Bay Weather Office"),
    # A stance put into words: voiced concern, is concerned that, urged someone to.
    ("Red Shore Relief expressed concern over the shortage of tents.", "named_source",
     "Red Shore Relief"),
    ("The Halden Vale Water Board is concerned that the dam may leak.", "named_source",
     "The Halden Vale Water Board"),
    ("Dev Arkell urged residents to leave Marrow Island before the storm.", "named_source",
     "Dev Arkell"),
    ("The mayor of Dunmore visited the quay and urged reform.", "unattributed_assertion", ""),
    # A verb of saying with "to" and the people spoken to.
    ("Mara Lind spoke to supporters in Dunmore, dismissing the plan as a trick.",
     "named_source", "Mara Lind"),
    # An imperative is nobody's claim.
    ("Please note that the ferry to Marrow Island leaves at noon.", "unattributed_assertion",
     ""),
])  # fmt: skip
def test_reporting_verbs_and_speech_acts_of_the_twelfth_round(text: str, label: str,
                                                              source: str) -> None:
    assert label_of(text) == (label, source)


@pytest.mark.parametrize(("text", "label", "source"), [
    # People nouns (elders, prisoners) and a number word before them are not names.
    ("Four prisoners claimed they were beaten in the Port Ellery jail.",
     "several_anonymous_sources", "Four prisoners"),
    ("Meanwhile, elders of the river villages demanded that the dam be opened.",
     "several_anonymous_sources", "elders of the river villages"),
    ("American and Norvanian geologists say the slope is unstable.",
     "several_anonymous_sources", "American and Norvanian geologists"),
    # A named person among unnamed ones names the source.
    ("The vote was delayed, according to Harbour chair Jane Roe and port officials.",
     "named_source", "Harbour chair Jane Roe and port officials"),
    # A person known only by relation or office to someone named.
    ("Ivo Kask's daughter says her father will stand again.", "one_anonymous_source",
     "Ivo Kask's daughter"),
    ("Norvania's president says the border will stay open.", "one_anonymous_source",
     "Norvania's president"),
    # Bodies in the plural with no name.
    ("International aid organisations and relief groups have voiced concern over the camps.",
     "several_anonymous_sources", "International aid organisations and relief groups"),
    # A name with a lower-case particle.
    ("The court fined the firm, although al-Rashan denies the charges.", "named_source",
     "al-Rashan"),
])  # fmt: skip
def test_who_the_source_is_of_the_twelfth_round(text: str, label: str, source: str) -> None:
    assert label_of(text) == (label, source)


@pytest.mark.parametrize(("text", "label", "source"), [
    # Where the source ends: before a verb of saying and "that" after "according to", before
    # a participle after "by", before a weekday after a name; "along with" joins sources.
    ("Two boats sank according to coastguard officers and port staff alleged that the pilots "
     "were drunk.", "several_anonymous_sources", "coastguard officers and port staff"),
    ("The fines follow remarks made by Harbour chair Jane Roe calling the owners \"reckless\".",
     "named_source", "Harbour chair Jane Roe"),
    ("Harbour chair Jane Roe, along with port director Ivo Kask, issued a statement claiming "
     "that the quay was safe.", "named_source",
     "Harbour chair Jane Roe, along with port director Ivo Kask"),
    ("The count was slow in Halden Vale and observers along with two parties have complained "
     "of fraud.", "several_anonymous_sources", "observers along with two parties"),
    # A title of a place, then the holder's name with no comma, is a named person; a title of
    # an organisation is not.
    ("The President of Norvania Ivo Kask Monday, in a speech to parliament, stated that the "
     "port \"will stay open\".", "named_source", "The President of Norvania Ivo Kask"),
    ("The head of Kestrel Ferries Group said the fares would rise.", "one_anonymous_source",
     "The head of Kestrel Ferries Group"),
])  # fmt: skip
def test_where_the_source_ends_of_the_twelfth_round(text: str, label: str, source: str) -> None:
    assert label_of(text) == (label, source)


@pytest.mark.parametrize(("text", "label", "source"), [
    # A noun-phrase subject, a first verb, then "and" and a verb of saying with "that".
    ("The letter was sent to the Dunmore council on Monday and warns that the dam may fail.",
     "document", "The letter"),
    # A statement with no sender named is a document; a company's statement is the company's.
    ("Ferries were cancelled in Kestrel Bay, according to a statement issued last night.",
     "document", "a statement issued last night"),
    ("The quay reopened, according to a company statement.", "named_source",
     "a company statement"),
    # A verb of saying in a relative clause frames the sentence only with "that".
    ("Ana Vesk, who has sharply criticized the ferry toll, has ordered an inquiry.",
     "unattributed_assertion", ""),
    ("Ana Vesk, who has stated that the toll is unfair, will lead the inquiry.",
     "named_source", "Ana Vesk"),
    # A stance: "has ruled out".
    ("Dev Arkell has ruled out any rise in ferry fares.", "named_source", "Dev Arkell"),
    # "was mentioned" with nobody named is a hedge; "mentioned as" names someone as something.
    ("A second ferry route was also mentioned to show the port's ambitions.",
     "hedge_no_source", ""),
    ("Tomas Vell was mentioned as a candidate for mayor.", "unattributed_assertion", ""),
    # A comma put between a name and its verb.
    ("Harbour pilot Rhea Moss, claimed the quay was unsafe.", "named_source",
     "Harbour pilot Rhea Moss"),
])  # fmt: skip
def test_statements_relative_clauses_and_stances_of_the_twelfth_round(text: str, label: str,
                                                                      source: str) -> None:
    assert label_of(text) == (label, source)


@pytest.mark.parametrize(("text", "expected"), [
    # A score with a colon and one digit after it is two counts (a time has two-digit minutes).
    ("Kestrel Bay won the cup with 3:1 the score at the whistle.",
     [(3, "none", 3, 3, ""), (1, "none", 1, 1, "")]),
    ("The ferry to Marrow Island left at 9:45.", []),
    # A range of clock times with a dot or four digits before "local time" or "UTC".
    ("The pier is closed from 07.00 to 13.00 local time.", []),
    ("Flights over Halden Vale stop from 0700 to 1300 UTC.", []),
    # "the two" before an irregular plural stands for people already counted.
    ("Two women boarded the ferry in Dunmore. Later, cameras recorded the two women leaving "
     "the quay.", [(2, "none", 2, 2, "")]),
    # "member" before a plural: the number counts the members.
    ("The treaty is signed by 12 of the 27 member states of the Harbour League.",
     [(12, "none", 12, 12, ""), (27, "none", 27, 27, "")]),
    ("A 15 member committee will run the port.", []),
])  # fmt: skip
def test_scores_times_and_counts_of_the_twelfth_round(text: str, expected: list[tuple]) -> None:
    assert figures_of(text) == expected


@pytest.mark.parametrize(("text", "label", "source"), [
    # A will or a refusal put into words is the named body's stance.
    ("However, the Dunmore council has been reluctant to raise the ferry toll.",
     "named_source", "the Dunmore council"),
    ("Northgate Ferries refused to comment on the delays.", "named_source", "Northgate Ferries"),
    ("The port authority of Kestrel Bay intends to close the old quay.", "named_source",
     "The port authority of Kestrel Bay"),
])  # fmt: skip
def test_wills_and_refusals_of_the_twelfth_round(text: str, label: str, source: str) -> None:
    assert label_of(text) == (label, source)


@pytest.mark.parametrize(("text", "label", "source"), [
    # A comma put between a name and its verb, after an opening phrase.
    ("Speaking at the pier on Monday, Harbour chair Jane Roe, admitted that the quay was "
     "unsafe.", "named_source", "Harbour chair Jane Roe"),
    # A speech noun as the subject of a passive with its agent.
    ("This statement was made by Norvania's port minister Ivo Kask.", "named_source",
     "Norvania's port minister Ivo Kask"),
])  # fmt: skip
def test_commas_and_passive_speech_nouns_of_the_twelfth_round(text: str, label: str,
                                                              source: str) -> None:
    assert label_of(text) == (label, source)


@pytest.mark.parametrize(("text", "label", "source"), [
    # An adverb of time or sequence between the source and its verb.
    ("Harbour officials first warned that the quay could flood.", "several_anonymous_sources",
     "Harbour officials"),
    ("Ana Vesk still claimed she had paid the fine.", "named_source", "Ana Vesk"),
    ("The Dunmore council once denied that the ferry was late.", "named_source",
     "The Dunmore council"),
    # A day or a date before the name is not part of the source.
    ("On Thursday Ivo Kask, the harbour master, said that the pier would reopen.",
     "named_source", "Ivo Kask"),
    ("On May 4, 2021 the Varnholm Courier reported that the ferry had been sold.",
     "named_source", "the Varnholm Courier"),
    ("Yesterday Mara Lind told reporters that the dam was safe.", "named_source",
     "Mara Lind"),
    # The full stop of a title's abbreviation stays in the source.
    ("According to harbour surgeon Dr. Rhea Moss, the diver was unhurt.", "named_source",
     "harbour surgeon Dr. Rhea Moss"),
    ("The quay will close, said Gov. Tomas Vell.", "named_source", "Gov. Tomas Vell"),
])  # fmt: skip
def test_adverbs_dates_and_titles_around_the_source_of_the_thirteenth_round(
        text: str, label: str, source: str) -> None:
    assert label_of(text) == (label, source)


@pytest.mark.parametrize(("text", "label", "source"), [
    # The progressive of a verb of saying or finding.
    ("Early surveys are suggesting a narrow win for the Harbour Party.", "document",
     "Early surveys"),
    ("Fenwick Polling is predicting a turnout of 60 percent.", "named_source",
     "Fenwick Polling"),
    ("Ferry workers are now warning of unsafe hulls.", "several_anonymous_sources",
     "Ferry workers"),
    # A guard: a demand as an act ("are demanding an apology") stays an assertion.
    ("The Vell family and their lawyer are demanding an apology from the ferry company.",
     "unattributed_assertion", ""),
    # A hedge denied is still a hedge.
    ("The river is not expected to fall until Friday.", "hedge_no_source", ""),
    # People known by what they did, and eyewitnesses.
    ("Those who live near the quay say that the noise has grown.",
     "several_anonymous_sources", "Those who live near the quay"),
    ("Some of those who fled the flood said that the water rose in minutes.",
     "several_anonymous_sources", "Some of those who fled the flood"),
    ("Eyewitnesses say that the ferry turned too fast.", "several_anonymous_sources",
     "Eyewitnesses"),
])  # fmt: skip
def test_progressives_denied_hedges_and_unnamed_people_of_the_thirteenth_round(
        text: str, label: str, source: str) -> None:
    assert label_of(text) == (label, source)


@pytest.mark.parametrize(("text", "label", "source"), [
    # The comma that closes an appositive is not the comma of ", said X".
    ("The Norvanian Prime Minister, Ivo Kask, announced his resignation on June 5 after the "
     "ruling Harbour Party lost seats.", "named_source", "The Norvanian Prime Minister, Ivo Kask"),
    # A participle before "by" is passive: nobody speaks.
    ("The council has approved a ferry plan proposed by the harbour board.",
     "unattributed_assertion", ""),
    # A verb of saying after a preposition is a noun.
    ("The port will open an inquiry into claims that the ferry was overloaded.",
     "unattributed_assertion", ""),
    # Passive verbs of recognising name their agent, which ends before a clause.
    ("She was recognised as the oldest ferry pilot by Fenwick Records ever since her rival "
     "retired.", "named_source", "Fenwick Records"),
    # A statement from someone names its sender.
    ("At the pier, the harbour chair read a statement from Ivo Kask about the closure.",
     "named_source", "Ivo Kask"),
    # A people noun before an organisation word describes the organisation.
    ("According to the Varnholm refugee agency, 300 families have left the island.",
     "named_source", "the Varnholm refugee agency"),
    # People who speak for a named body.
    ("Members of the Varnholm Teachers Union say that the schools are too cold.",
     "named_source", "Members of the Varnholm Teachers Union"),
    ("Biologists from Red Shore Relief say that the seals have returned.", "named_source",
     "Biologists from Red Shore Relief"),
    # A guard: an unnamed body after the people noun keeps them unnamed.
    ("Elders of several villages said that the well had dried up.",
     "several_anonymous_sources", "Elders of several villages"),
])  # fmt: skip
def test_commas_participles_agents_and_bodies_of_the_thirteenth_round(
        text: str, label: str, source: str) -> None:
    assert label_of(text) == (label, source)


@pytest.mark.parametrize(("text", "label", "source"), [
    # "As a part of" gives a purpose, not the reporter's reasoning.
    ("As a part of the harbour festival, a crew of volunteers sailed the old ferry.",
     "unattributed_assertion", ""),
    # A verb after "to" is an infinitive, not the frame of a source.
    ("The bank cut its rate by 1%, from 5% to 4%, on Monday to, encourage spending.",
     "unattributed_assertion", ""),
    # A clause before "and" with an irregular verb in the past.
    ("The storm caught many off guard and forecasters explain that it moved slowly.",
     "several_anonymous_sources", "forecasters"),
])  # fmt: skip
def test_purposes_infinitives_and_clauses_of_the_thirteenth_round(text: str, label: str,
                                                                  source: str) -> None:
    assert label_of(text) == (label, source)


@pytest.mark.parametrize(("text", "expected"), [
    # "-plus" after a number is a floor.
    ("The Courier ran two dozen-plus stories on the ferry.",
     [(24, "more than", 24, None, "")]),
    ("A 300-plus crowd met the ferry.", [(300, "more than", 300, None, "")]),
    # "over the age of": the qualifier reaches past "the age of".
    ("Islanders over the age of sixteen may vote.", [(16, "over", 16, None, "")]),
    ("Children under the age of 12 sail free.", [(12, "under", None, 12, "")]),
    # "X or Y" is a range, "one" included.
    ("Divers found one or two wrecks.", [(None, "range", 1, 2, "")]),
    ("The storm sank 20 or 30 boats.", [(None, "range", 20, 30, "")]),
    # Two numbers joined before the one noun they describe are a compound modifier.
    ("Dunmore was hit by a 100 or 200 year storm.", []),
    # A year in words, closing a phrase of time.
    ("The quay was built in two thousand seven.", []),
    ("The council built two thousand seven hundred homes.",
     [(2700, "none", 2700, 2700, "")]),
    # "the other two" named before.
    ("Divers will inspect the other two wrecks tomorrow.", []),
])  # fmt: skip
def test_floors_ranges_and_years_of_the_thirteenth_round(text: str, expected: list[tuple]) -> None:
    assert figures_of(text) == expected


@pytest.mark.parametrize(("text", "label", "source"), [
    # Named bodies joined by "and", each of up to twelve words, and an appositive that points
    # back to them ("both members of ...").
    ("The Harbour Board for Ports of Varnholm and the Kestrel Bay Ferry Workers Association "
     "have stated that the quay is unsafe.", "named_source",
     "The Harbour Board for Ports of Varnholm and the Kestrel Bay Ferry Workers Association"),
    ("The Harbour Board and the Ferry Workers Association, both members of the Island "
     "Council, have stated that the quay is \"unsafe.\"", "named_source",
     "The Harbour Board and the Ferry Workers Association"),
])  # fmt: skip
def test_joined_named_bodies_of_the_thirteenth_round(text: str, label: str, source: str) -> None:
    assert label_of(text) == (label, source)


@pytest.mark.parametrize(("text", "label", "source"), [
    # A long title before the name, a stray comma, then an auxiliary and the verb.
    ("Norvanian Minister of Ports and Harbours and deputy party leader Ivo Kask, has "
     "criticised the ferry plan in a speech.", "named_source",
     "Norvanian Minister of Ports and Harbours and deputy party leader Ivo Kask"),
    # "As X continues, ..." gives a time, not the reporter's reason: the hedge decides.
    ("As the strike at the port continues, ferries were reportedly sent to Kestrel Bay.",
     "hedge_no_source", ""),
    # A feeling about a clause, with or without "that", is the named person's stance.
    ("Jane Roe was happy the council reopened the quay.", "named_source", "Jane Roe"),
    ("The harbour board was pleased that the ferry ran on time.", "named_source",
     "The harbour board"),
    # A guard: a feeling about a thing is not a stance on a claim.
    ("Jane Roe was happy with the new quay.", "unattributed_assertion", ""),
])  # fmt: skip
def test_long_titles_times_and_feelings_of_the_thirteenth_round(text: str, label: str,
                                                                source: str) -> None:
    assert label_of(text) == (label, source)


@pytest.mark.parametrize(("text", "label", "source"), [
    # A source and its verb in a clause opened by "as" or "while", after a verb of saying
    # used as an aim ("to demand").
    ("The island parties staged protests to demand a lower toll as the union said the wages "
     "were too low.", "named_source", "the union"),
    ("Crews blocked the quay to demand repairs while harbour officials said the work would "
     "take a week.", "several_anonymous_sources", "harbour officials"),
    # A guard: "as usual" is not a clause with a source.
    ("The ferry was late as usual, officials said.", "several_anonymous_sources", "officials"),
])  # fmt: skip
def test_sources_in_as_and_while_clauses_of_the_thirteenth_round(text: str, label: str,
                                                                 source: str) -> None:
    assert label_of(text) == (label, source)


@pytest.mark.parametrize(("text", "expected"), [
    # Numbers that name or place something, not counts: a model's code after a dash, a house
    # number before a street, a flight's number (digit by digit too), an emergency number
    # after "calls to", a clock time in words or with a point before a time zone, older years
    # in a list or a range of years.
    ("The Kestrel K220-300 left Dunmore with 140 passengers.", [(140, "none", 140, 140, "")]),
    ("Protesters gathered outside 12 Harbour Street in Dunmore.", []),
    ("Orrin Air Flight 4417 landed with 96 people on board.", [(96, "none", 96, 96, "")]),
    ("Orrin Air Flight 7-1-2 was diverted to Kestrel Bay.", []),
    ("The boy made three calls to 911 before help came.", [(3, "none", 3, 3, "")]),
    ("The ferry sank at about eight twenty-five p.m. on Friday.", []),
    ("The first boats left at 04.30 UTC.", []),
    ("The river flooded Dunmore in 1640, 1702, and between 1811–1813.", []),
    # A guard: a range of counts stays a range.
    ("Between 1200–1500 people fled Dunmore.", [(None, "range", 1200, 1500, "")]),
    # "a third" before another word is an ordinal; before "of", a time or nothing, a share.
    ("Dunmore held a third public meeting on the dam.", []),
    ("Ferry fares fell by a third in May.", [(0.3333, "none", 0.3333, 0.3333, "fraction")]),
    ("Dunmore's council wants half those seats.", [(0.5, "none", 0.5, 0.5, "fraction")]),
    # Number words: "and" inside a hundred-and-thousand, a hyphen before a scale, "One" at
    # the start before a person, "one" before an infant, and a duration with "for".
    ("The island paid one hundred and fifty thousand crowns to each family.",
     [(150000, "none", 150000, 150000, "crowns")]),
    ("Four-hundred residents had to leave.", [(400, "none", 400, 400, "")]),
    ("One person died in the Dunmore fire.", [(1, "none", 1, 1, "")]),
    ("The ferry carried 40 adults and one infant.",
     [(40, "none", 40, 40, ""), (1, "none", 1, 1, "")]),
    ("She had been mayor of Dunmore for six years before the vote.", [(6, "none", 6, 6, "")]),
])  # fmt: skip
def test_codes_addresses_clock_words_and_joined_number_words_of_the_fourteenth_round(
        text: str, expected: list[tuple]) -> None:
    assert figures_of(text) == expected


@pytest.mark.parametrize(("text", "label", "source"), [
    # The progressive of verbs already in the inventory ("is confirming", "are blaming").
    ("The Norvan Coast Guard is confirming the loss of the ferry.", "named_source",
     "The Norvan Coast Guard"),
    ("In the Orrin Valley, officials are blaming the storm for the flood.",
     "several_anonymous_sources", "officials"),
    ("The harbour board is criticising the new toll.", "named_source", "The harbour board"),
    # A court's ruling, a will agreed to, a perfect of "write", and a stance against a bill.
    ("The Orrin High Court ruled that the toll was lawful.", "named_source",
     "The Orrin High Court"),
    ("In February, Norvania had agreed to stop the tolls in exchange for aid.", "named_source",
     "Norvania"),
    ("Ana Vesk had written a message praising the crews.", "named_source", "Ana Vesk"),
    ("The Dunmore fishing union opposed the Harbour Bill.", "named_source",
     "The Dunmore fishing union"),
    # An appositive between dashes is cut like one between commas.
    ("Ivo Kask — Norvanian Minister of Ports — proposed the toll.", "named_source", "Ivo Kask"),
    # Guards: "demanding" and "blame" as a noun stay out ("demanding" is an act, not speech).
    ("Crews stopped work, and the families are demanding an apology from the ferry company.",
     "unattributed_assertion", ""),
    ("Dunmore police are yet to place blame on anyone for the fire.",
     "unattributed_assertion", ""),
])  # fmt: skip
def test_progressives_rulings_and_dash_appositives_of_the_fourteenth_round(
        text: str, label: str, source: str) -> None:
    assert label_of(text) == (label, source)


@pytest.mark.parametrize(("text", "label", "source"), [
    # Hedges with nobody named: the passive of forecasting or presuming with "to", and the
    # adverbs "possibly" and "presumably".
    ("The closures are forecast to affect nearly 9,000 Dunmore families.", "hedge_no_source",
     ""),
    ("The fire is presumed to have started in the Dunmore boatyard.", "hedge_no_source", ""),
    ("One of the crew, presumed to be the captain, was found near Kestrel Bay.",
     "hedge_no_source", ""),
    ("The toll must pass a second vote, possibly in the spring, before it takes effect.",
     "hedge_no_source", ""),
    ("The ferry was presumably sold to a firm in Norvania.", "hedge_no_source", ""),
    # A guard: a forecast with its source named stays the source's.
    ("The Orrin weather office forecast that the storm would reach Dunmore on Friday.",
     "named_source", "The Orrin weather office"),
])  # fmt: skip
def test_passive_forecasts_and_hedging_adverbs_of_the_fourteenth_round(
        text: str, label: str, source: str) -> None:
    assert label_of(text) == (label, source)
