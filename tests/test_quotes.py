"""Quotes and attribution (issue 6): direct quotes, reported speech from the parse, stances,
nominal cues, unnamed sources; each with its speaker, its cue and a span that covers its text."""

from __future__ import annotations

import pytest

from conftest import span_problems
from newsgraph.extract.quotes_direct import normalized
from newsgraph.extract.quotes_verbs import cue_nouns, inflect, verb_frames
from newsgraph.record import Article, Record

MAYOR = "Maria Lopez, the mayor of Springfield, visited the site on Monday.\n\n"


def run(pipeline, text: str) -> Record:
    record = pipeline.extract(Article(id="t", text=text))
    assert span_problems(record) == []
    return record


def quotes(record: Record) -> list[tuple[str | None, str, str | None, bool]]:
    """``(speaker name, quoted text, cue, direct)`` of every quote, in text order."""
    names = {e.id: e.name for e in record.entities}
    return [(names.get(q.speaker) if q.speaker else None, record.text[q.span[0]:q.span[1]], q.cue, q.direct)
            for q in record.quotes]


def only(record: Record) -> tuple[str | None, str, str | None, bool]:
    found = quotes(record)
    assert len(found) == 1, found
    return found[0]


# --- the verb lexicon ------------------------------------------------------------------------

@pytest.mark.parametrize(("lemma", "forms"), [
    ("plan", {"plan", "plans", "planned", "planning"}),
    ("cite", {"cite", "cites", "cited", "citing"}),
    ("deny", {"deny", "denies", "denied", "denying"}),
    ("stress", {"stress", "stresses", "stressed", "stressing"}),
    ("visit", {"visit", "visits", "visited", "visiting"}),
])
def test_regular_verbs_are_inflected(lemma, forms):
    assert inflect(lemma) == forms


def test_irregular_forms_come_from_the_table():
    frames = verb_frames()
    assert frames["said"].lemma == "say" and frames["told"].lemma == "tell"
    assert "sayed" not in frames
    assert frames["vowed"].content >= {"x"} and frames["criticized"].content == {"o"}
    assert "claim" in cue_nouns() and "claims" in cue_nouns()


def test_doubled_apostrophes_read_as_marks_keep_offsets():
    text = "''We will rebuild it,'' she said."
    assert len(normalized(text)) == len(text)
    assert normalized(text).startswith('" We will')


# --- reported speech -------------------------------------------------------------------------

def test_clause_after_the_cue_keeps_that(pipeline):
    record = run(pipeline, MAYOR + "Maria Lopez said that the new bridge would open in May.")
    assert only(record) == ("Maria Lopez", "that the new bridge would open in May", "said", False)


def test_clause_before_the_cue(pipeline):
    record = run(pipeline, MAYOR + "The new bridge will open in May, Maria Lopez said.")
    assert only(record)[:3] == ("Maria Lopez", "The new bridge will open in May", "said")


def test_parenthetical_cue_takes_the_sentence(pipeline):
    record = run(pipeline, MAYOR + "The new bridge, Maria Lopez said, will open in May.")
    speaker, text, cue, _ = only(record)
    assert (speaker, cue) == ("Maria Lopez", "said")
    assert text.startswith("The new bridge") and text.endswith("will open in May")


def test_infinitive_object_and_preposition_contents(pipeline):
    record = run(pipeline, MAYOR + "Lopez vowed to rebuild the bridge. Lopez criticized the state budget. "
                                   "Lopez called for an inquiry into the collapse.")
    found = {(cue, text) for _, text, cue, _ in quotes(record)}
    assert found == {("vowed", "to rebuild the bridge"), ("criticized", "the state budget"),
                     ("called", "an inquiry into the collapse")}
    assert {speaker for speaker, *_ in quotes(record)} == {"Maria Lopez"}


def test_urged_someone_to_do_something(pipeline):
    record = run(pipeline, MAYOR + "Lopez urged residents to avoid the area.")
    assert only(record)[1:3] == ("residents to avoid the area", "urged")


def test_participle_takes_the_subject_of_its_verb(pipeline):
    record = run(pipeline, MAYOR + "Lopez spoke to reporters on Tuesday, saying that repairs would cost $4 million.")
    assert ("Maria Lopez", "that repairs would cost $4 million", "saying", False) in quotes(record)


def test_possessor_of_a_claim(pipeline):
    record = run(pipeline, MAYOR + "Engineers rejected Lopez's claim that the bridge was unsafe.")
    assert ("Maria Lopez", "that the bridge was unsafe", "claim", False) in quotes(record)


def test_unnamed_source_of_speech_has_no_speaker(pipeline):
    record = run(pipeline, MAYOR + "Officials said the bridge would reopen next year.")
    assert only(record) == (None, "the bridge would reopen next year", "said", False)


def test_unnamed_source_of_a_stance_is_not_quoted(pipeline):
    assert quotes(run(pipeline, MAYOR + "Many residents want to rebuild the old bridge.")) == []


def test_date_after_a_preposition_is_not_content(pipeline):
    assert quotes(run(pipeline, MAYOR + "Lopez spoke on Thursday.")) == []


# --- direct quotes ---------------------------------------------------------------------------

def test_abbreviated_title_in_the_attribution_and_the_quote_going_on(pipeline):
    text = MAYOR + '"We will rebuild it," Ms. Lopez said. "It will take a year."'
    speaker, quoted, cue, direct = only(run(pipeline, text))
    assert (speaker, cue, direct) == ("Maria Lopez", "said", True)
    assert quoted.startswith("We will rebuild it") and quoted.endswith("It will take a year.")


def test_a_second_attribution_between_quotes_is_not_merged(pipeline):
    text = MAYOR + '"We will rebuild it," Lopez said, adding later, "It will take a year."'
    found = quotes(run(pipeline, text))
    assert found[0][1] == "We will rebuild it,"


def test_doubled_apostrophes_as_quotation_marks(pipeline):
    text = MAYOR + "''We will rebuild it,'' Ms. Lopez said."
    assert only(run(pipeline, text))[:2] == ("Maria Lopez", "We will rebuild it,")


def test_signed_quote(pipeline):
    text = MAYOR + "\u201cRebuild the bridge before winter comes.\u201d \u2015 Maria Lopez"
    assert only(run(pipeline, text))[:2] == ("Maria Lopez", "Rebuild the bridge before winter comes.")


def test_quoted_title_is_not_speech(pipeline):
    text = MAYOR + 'On "Meet the Press," Lopez said the bridge would open in May.'
    assert only(run(pipeline, text))[1:4] == ("the bridge would open in May", "said", False)


def test_quote_opening_mid_sentence_takes_the_sentence(pipeline):
    text = MAYOR + 'The old bridge was "a disaster waiting to happen," Lopez said.'
    assert only(run(pipeline, text))[:2] == ("Maria Lopez", 'The old bridge was "a disaster waiting to happen,')


def test_attribution_of_the_next_sentence_is_not_taken(pipeline):
    text = MAYOR + 'Residents call the bridge "a relic." Lopez said that it would be replaced.'
    assert only(run(pipeline, text))[1:3] == ("that it would be replaced", "said")


def test_a_quoted_paragraph_continues_the_speaker_before(pipeline):
    text = MAYOR + '"We will rebuild it," Lopez said.\n\n"The work starts in spring and ends in the fall."'
    found = quotes(run(pipeline, text))
    assert found[-1][:2] == ("Maria Lopez", "The work starts in spring and ends in the fall.")


def test_a_headline_label_ends_with_its_line(pipeline):
    text = "Maria Lopez: The Bridge Will Reopen\n\nThe mayor of Springfield visited the site on Monday."
    record = run(pipeline, text)
    assert [t for _, t, cue, _ in quotes(record) if cue == ":"] == ["The Bridge Will Reopen"]


def test_possessor_of_comments_on_something(pipeline):
    record = run(pipeline, MAYOR + "Lopez's comments on the collapse angered the engineers.")
    assert ("Maria Lopez", "the collapse", "comments", False) in quotes(record)


def test_calling_something_a_name(pipeline):
    record = run(pipeline, MAYOR + 'Lopez called the old bridge "a disgrace" on Monday.')
    assert any(cue == "called" and text.startswith("the old bridge") and "disgrace" in text
               for _, text, cue, _ in quotes(record))


def test_clause_after_the_cue_wins_over_one_before_a_semicolon(pipeline):
    record = run(pipeline, MAYOR + "It is an unlikely outcome; Lopez says the bridge will reopen in May.")
    assert only(record)[:2] == ("Maria Lopez", "the bridge will reopen in May")


def test_clause_after_a_time_phrase(pipeline):
    record = run(pipeline, MAYOR + "Lopez said after the meeting she would not resign.")
    speaker, text, cue, _ = only(record)
    assert (speaker, cue) == ("Maria Lopez", "said") and text.endswith("she would not resign")


def test_speaker_is_not_taken_from_the_subjects_relative_clause(pipeline):
    record = run(pipeline, MAYOR + "Engineers who met Maria Lopez said that the bridge was unsafe.")
    assert only(record) == (None, "that the bridge was unsafe", "said", False)


def test_object_pronoun_is_no_content(pipeline):
    assert quotes(run(pipeline, MAYOR + "Lopez criticized him.")) == []


def test_passive_with_a_named_agent(pipeline):
    record = run(pipeline, MAYOR + "The state budget was criticized by Lopez on Monday.")
    assert only(record)[:3] == ("Maria Lopez", "The state budget", "criticized")


def test_reported_speech_is_no_voice_for_i(pipeline):
    from newsgraph.extract.quotes import Voices

    record = run(pipeline, MAYOR + "Lopez said that I was wrong about the bridge.")
    i = record.text.index(" I ") + 1
    assert Voices(record.quotes).at(i) == (None, None)


def test_speaker_labels_in_capitals_are_the_persons_of_the_text(pipeline):
    text = ("Maria Lopez, the mayor of Springfield, spoke to the host Tom Baker.\n\n"
            "BAKER: Will the bridge reopen this year?\n\n"
            '"LOPEZ: It will, and the work starts in spring.')
    record = run(pipeline, text)
    assert [(s, t) for s, t, cue, _ in quotes(record) if cue == ":"] == [
        ("Tom Baker", "Will the bridge reopen this year?"),
        ("Maria Lopez", "It will, and the work starts in spring."),
    ]
    baker = next(e for e in record.entities if e.name == "Tom Baker")
    assert any(record.text[m.span[0]:m.span[1]] == "BAKER" for m in baker.mentions)


def test_a_written_message_is_quoted_by_its_sender(pipeline):
    text = ("Maria Lopez, the mayor of Springfield, sent a message of greetings to the festival.\n\n"
            'The message reads, in part:"The festival brings our city together every summer."')
    assert only(run(pipeline, text)) == (
        "Maria Lopez", "The festival brings our city together every summer.", "message reads", True)
    text = 'The message reads, in part: "The festival brings our city together every summer."'
    assert only(run(pipeline, text))[:2] == (None, "The festival brings our city together every summer.")


def test_a_headline_naming_an_address_makes_the_text_its_speakers_words(pipeline):
    body = "Dear citizens! Maria Lopez here. We will rebuild the bridge by spring, and I thank every worker."
    record = pipeline.extract(Article(id="t", text=body, title="We will rebuild - address by Mayor Maria Lopez"))
    assert quotes(record) == [("Maria Lopez", body, "address", True)]
    text = "We will rebuild - address by Mayor Maria Lopez\n\n" + body
    assert quotes(run(pipeline, text)) == [("Maria Lopez", body, "address", True)]


def test_a_headline_opening_with_speech_by_makes_the_text_its_speakers_words(pipeline):
    body = "Dear citizens! We will rebuild the bridge by spring."
    record = pipeline.extract(Article(id="t", text=body, title="Speech by Mayor Maria Lopez at the city council"))
    assert quotes(record) == [("Maria Lopez", body, "speech", True)]


def test_he_after_a_quote_is_its_speaker_not_a_person_it_names(pipeline):
    text = ("Mayor Tom Reed opened the fair on Sunday. \"I have written many times to Governor Paul "
            "Hart and to the council: we need the bridge,\" he said.")
    speaker, said, cue, direct = only(run(pipeline, text))
    assert (speaker, cue, direct) == ("Tom Reed", "said", True) and said.startswith("I have written")


def test_a_straight_mark_before_a_word_opens_a_quote(pipeline):
    text = ("The city is ready to rebuild the bridge. This was stated by Mayor Tom Reed on the radio. "
            "\"I have spoken about the bridge many times,\" he said.")
    found = quotes(run(pipeline, text))
    assert ("Tom Reed", "The city is ready to rebuild the bridge", "stated", False) in found
    assert [q for q in found if q[2] == "spoken"] == []


def test_this_was_said_by_attributes_the_sentence_before(pipeline):
    text = ("The new terminal will open in May. This was announced by President of Lithuania Ona Vaitkus "
            "at a briefing.")
    assert only(run(pipeline, text)) == ("Ona Vaitkus", "The new terminal will open in May", "announced", False)


def test_a_titled_name_with_a_colon_inside_a_quote_is_no_speaker_label(pipeline):
    text = ("Mayor Tom Reed opened the fair on Sunday. \"We sent letters to the ministry and to President Paul Hart: "
            "the bridge cannot wait,\" he said.")
    found = quotes(run(pipeline, text))
    assert [q for q in found if q[2] == ":"] == [] and found[0][0] == "Tom Reed"


def test_a_wish_joined_to_a_reported_clause_is_part_of_it(pipeline):
    record = run(pipeline, "Maria Lopez stressed that Chile will keep its ports open and does not intend "
                           "to raise the fees this year.")
    speaker, content, cue, direct = only(record)
    assert (speaker, cue, direct) == ("Maria Lopez", "stressed", False)
    assert content.endswith("does not intend to raise the fees this year")


def test_according_to_after_an_opening_phrase_takes_the_rest_of_the_sentence(pipeline):
    record = run(pipeline, "Anna Berg met the mayors on Monday. In addition, according to Anna Berg, "
                           "the reconstruction of the bridges will start in spring.")
    speaker, content, cue, _direct = only(record)
    assert (speaker, cue) == ("Anna Berg", "according to")
    assert content.startswith("the reconstruction of the bridges")


def test_according_to_a_persons_adviser_is_not_the_person(pipeline):
    record = run(pipeline, "President Taras Melnyk spoke on Monday. According to the President's adviser, "
                           "the talks with the creditors will resume in May.")
    found = [q for q in quotes(record) if q[2] == "according to"]
    assert found and found[0][0] is None


@pytest.mark.parametrize(("text", "content"), [
    ("The second problem, according to Anna Berg, is the shortage of grain in the ports.",
     "The second problem, according to Anna Berg, is the shortage of grain in the ports"),
    ("Pedro Alves reminded that, according to Anna Berg, the bridge will be rebuilt by May.",
     "the bridge will be rebuilt by May"),
    ("That is why, according to Anna Berg, the region needs new roads and schools.",
     "the region needs new roads and schools"),
])
def test_according_to_inside_a_sentence(pipeline, text: str, content: str):
    found = [q for q in quotes(run(pipeline, text)) if q[2] == "according to"]
    assert [(q[0], q[1]) for q in found] == [("Anna Berg", content)]


def test_according_to_which_names_no_source(pipeline):
    record = run(pipeline, "The parliament adopted a law, according to which the citizens may return home.")
    assert not [q for q in quotes(record) if q[2] == "according to"]


def test_a_speaker_label_with_a_scraped_caption_is_one_persons_turn(pipeline):
    # kremlin.ru labels keep the photo caption: the name again, surname first, glued to the office
    text = ("President of Russia Vladimir Putin: Mr Orlov, how are the collections going?\n\n"
            "Head of the Federal Customs Service Pavel Orlov Orlov PavelHead of the Federal Customs Service: "
            "Good afternoon. Collections rose by a fifth this year.\n\n"
            "Vladimir Putin: Good.\n\n"
            "Irina Volkova Volkova IrinaMoscow Mayor(retranslated): The new line opens in May.")
    record = run(pipeline, text)
    assert [(s, t) for s, t, cue, _ in quotes(record) if cue == ":"] == [
        ("Vladimir Putin", "Mr Orlov, how are the collections going?"),
        ("Pavel Orlov", "Good afternoon. Collections rose by a fifth this year."),
        ("Vladimir Putin", "Good."),
        ("Irina Volkova", "The new line opens in May."),
    ]
    persons = {e.name: e for e in record.entities if e.type == "PERSON"}
    assert set(persons) == {"Vladimir Putin", "Pavel Orlov", "Irina Volkova"}
    orlov = persons["Pavel Orlov"]
    assert {record.text[m.span[0]:m.span[1]] for m in orlov.mentions if m.kind == "name"} >= {"Pavel Orlov", "Orlov Pavel"}
    assert [(r.title, r.of) for r in orlov.roles] == [("Head", "the Federal Customs Service")]
    assert [r.title for r in persons["Irina Volkova"].roles] == ["Mayor"]


def test_as_long_as_a_clause_goes_on_is_no_aside(pipeline):
    # "continue" is a verb of saying ("..., he continued"), and "as X said" an aside; "As long as ..." is neither
    record = run(pipeline, "As long as this criminal invasion of Peru continues, the Chilean state is suffering losses.")
    assert [q for q in quotes(record) if q[2] == "continues"] == []



def test_a_titled_label_is_a_turn_whatever_roles_the_person_has_elsewhere(pipeline):
    # the role of the label and the role named earlier are one role; the label is still a label
    text = ("Taking part were Governor of the Amur Region Anna Berg and Minister of Transport Pavel Orlov.\n\n"
            "President of Russia Vladimir Putin: Good afternoon. Ms Berg, please.\n\n"
            "Amur Region Governor Anna Berg: Thank you. The bridge opens in May.\n\n"
            "Minister of Transport Pavel Orlov: The trains will run from June.")
    record = run(pipeline, text)
    assert [(s, t) for s, t, cue, _ in quotes(record) if cue == ":"] == [
        ("Vladimir Putin", "Good afternoon. Ms Berg, please."),
        ("Anna Berg", "Thank you. The bridge opens in May."),
        ("Pavel Orlov", "The trains will run from June."),
    ]
    berg = next(e for e in record.entities if e.name == "Anna Berg")
    assert [(r.title, r.of) for r in berg.roles] == [("Governor", "the Amur Region")]


def test_the_company_or_the_bank_said_is_the_one_named_before(pipeline):
    text = ("The Bank of Peru said banks must set aside at least 25 pct of their loans. The bank said it was keeping "
            "its system. Andes Mining Corp said output rose. The state mining company said prices would fall.")
    found = [(s, cue) for s, _t, cue, _d in quotes(run(pipeline, text))]
    assert found == [("Bank of Peru", "said"), ("Bank of Peru", "said"), ("Andes Mining Corp", "said"),
                     ("Andes Mining Corp", "said")]


def test_the_company_said_after_two_companies_has_no_speaker(pipeline):
    text = "Andes Mining Corp and Pacific Steel Corp signed a deal. The company said output would rise."
    found = [(s, cue) for s, _t, cue, _d in quotes(run(pipeline, text))]
    assert found == [(None, "said")]


def test_a_second_reporting_verb_parsed_under_the_first_report_keeps_its_speaker(pipeline):
    record = run(pipeline, "Governor Igor Babushkin reported that the construction of Astrakhan's eastern bypass "
                           "motorway had resumed and also noted that the length of another bypass would be 20 kilometres.")
    assert [(q[0], q[2]) for q in quotes(record)] == [("Igor Babushkin", "reported"), ("Igor Babushkin", "noted")]


def test_turns_whose_label_the_ner_tagged_in_part_or_not_at_all(pipeline):
    # "Dmitry Kozak: ..." where the NER found only "Kozak" (the surname pass adds it), and "Ao Li: ..."
    # where it found the name elsewhere only: each label still ends the turn before
    text = ("Vladimir Putin met Deputy Chief of Staff Dmitry Kozak and Ao Li, a reporter. "
            "Vladimir Putin: What is the status? Dmitry Kozak: Its status has remained at zero. "
            "Vladimir Putin: And you? Ao Li: Good afternoon, Mr President.")
    record = run(pipeline, text)
    assert [(s, t) for s, t, cue, _ in quotes(record) if cue == ":"] == [
        ("Vladimir Putin", "What is the status?"),
        ("Dmitry Kozak", "Its status has remained at zero."),
        ("Vladimir Putin", "And you?"),
        ("Ao Li", "Good afternoon, Mr President."),
    ]


def test_said_that_where_the_parse_took_that_for_an_object(pipeline):
    text = ("Minister of Infrastructure Oleksandr Kubrakov said that in the framework of the Large Construction "
            "program it is planned to update about 300 man-made structures this year. In Moscow, "
            "the President of Russia noted that the city had been liberated.")
    record = pipeline.extract(Article(id="t", text=text, date="2022-04-01"))
    assert [(s, t[:28], cue) for s, t, cue, _ in quotes(record)] == [
        ("Oleksandr Kubrakov", "that in the framework of the", "said"),
        ("Vladimir Putin", "that the city had been liber", "noted"),  # the title, not the "Russia" in it
    ]


def test_the_company_is_the_one_whose_name_had_a_corporate_word(pipeline):
    text = ("Reuters Holdings Plc said it had reached agreement with the exchange. The company said in a "
            "statement the agreement covered level-2 quotes.")
    record = run(pipeline, text)
    assert [s for s, _t, _cue, _ in quotes(record)] == ["Reuters", "Reuters"]


def test_a_mark_that_closes_a_quote_opens_none_and_summed_up_attributes(pipeline):
    # '... our states and peoples," Zelenskyy summed up': the mark after "states ... ," closes the quote
    text = ('"We are determined to open them for the benefit of our states and peoples," Volodymyr Zelenskyy '
            'summed up. For his part, the Prime Minister stressed that every effort should be made.')
    record = run(pipeline, text)
    assert [(s, t[:20], cue) for s, t, cue, _ in quotes(record)] == [
        ("Volodymyr Zelenskyy", "We are determined to", "summed"), (None, "that every effort sh", "stressed")]


def test_a_first_lady_is_titled_and_speaks_for_herself_not_her_country(pipeline):
    text = ("First Lady of Ukraine Olena Zelenska met with First Lady of Turkey Emine Erdoğan in Kyiv. "
            "First Lady of Turkey Emine Erdoğan noted the importance of the project.")
    record = run(pipeline, text)
    roles = {e.name: [(r.title, r.of) for r in e.roles] for e in record.entities if e.type == "PERSON"}
    assert roles == {"Olena Zelenska": [("First Lady", "UA")], "Emine Erdoğan": [("First Lady", "TR")]}
    assert [(s, cue) for s, _t, cue, _ in quotes(record)] == [("Emine Erdoğan", "noted")]


def test_a_quote_without_its_opening_mark_does_not_start_at_the_last_closing_one(pipeline):
    # the second quote lost its opening mark; the one before closes at 'policy,"' and opens nothing
    text = ('"We will fight until they stop their aggressive policy," Volodymyr Zelenskyy said. The Head of '
            'State is convinced that the G20 should act. I think the G20 should put an end to this. At least '
            'to express its position," the President summed up.')
    record = run(pipeline, text)
    assert [(s, t[:22]) for s, t, _cue, _ in quotes(record) if t.startswith("Volodymyr")] == []
