"""Event rules: triggers and their inflections, the clause's intent, refusal and demand,
word pairs, participants and the order of a sentence's events.

The sentences are written for these tests (not taken from the evaluation data).
"""

from __future__ import annotations

import pytest

from conftest import span_problems
from newsgraph.extract.events_lexicon import lemma_candidates, noun_forms, trigger_forms, verb_forms
from newsgraph.record import Article, Event, Record, document_id

DATE = "2024-03-05"


def _extract(pipeline, text: str) -> Record:
    record = pipeline.extract(Article(id=document_id(text, DATE), text=text, date=DATE))
    assert span_problems(record) == []
    return record


def _first(record: Record) -> Event | None:
    """The sentence's main event: the first that is not a STATEMENT."""
    events = [e for e in record.events if e.type != "STATEMENT"]
    return events[0] if events else None


def _names(record: Record, ids: tuple[str, ...]) -> set[str]:
    return {e.name for e in record.entities if e.id in ids}


# --- the lexicon ----------------------------------------------------------------------

def test_regular_inflections():
    assert verb_forms("ban") == ("ban", "bans", "banned", "banning")
    assert verb_forms("deny") == ("deny", "denies", "denied", "denying")
    assert verb_forms("condemn") == ("condemn", "condemns", "condemned", "condemning")
    assert verb_forms("negotiate") == ("negotiate", "negotiates", "negotiated", "negotiating")
    assert noun_forms("embargo")[1] == "embargos" and noun_forms("inquiry")[1] == "inquiries"
    assert "tie" in lemma_candidates("ties") and "relation" in lemma_candidates("relations")


def test_irregular_forms_and_parts_of_speech():
    forms = trigger_forms()
    assert forms["fought"].trigger.type == "FIGHT"
    assert forms["withdrew"].trigger.type == "RETREAT"
    assert forms["deported"].trigger.type == "COERCE" and forms["deported"].trigger.cameo.startswith("17")
    assert forms["ultimatum"].trigger.type == "THREATEN"


# --- types from the verb and its clause -------------------------------------------------

@pytest.mark.parametrize(("text", "kind"), [
    ("Norway condemned the decision of Sweden on Monday.", "DISAPPROVE"),
    ("Chile accused Peru of violating the border treaty.", "DISAPPROVE"),
    ("Kenya deported three journalists from Uganda last week.", "COERCE"),
    ("Thailand has severed diplomatic ties with Cambodia.", "SANCTION"),
    ("Brazil restored diplomatic relations with Paraguay on Friday.", "SUPPORT"),
    ("Spain will support the bid of Portugal to host the games.", "AGREE"),
    ("Egypt is ready to send food aid to Sudan.", "AGREE"),
    ("Iran will impose sanctions on Iraq, the minister said.", "THREATEN"),
    ("Denmark said it will not accept the proposal from Norway.", "REJECT"),
    ("Ghana threatened to impose sanctions on Togo.", "THREATEN"),
    ("Mali agreed to provide troops to Niger.", "AGREE"),
    ("Cuba will boycott the summit in Mexico unless Mexico lifts the ban.", "THREATEN"),
    ("Bolivia issued an ultimatum to Chile on Tuesday.", "THREATEN"),
    ("Canada lifted its sanctions on Venezuela.", "CONCEDE"),
    ("The navy of Greece imposed a naval blockade on Turkey.", "FIGHT"),
])
def test_the_event_type_of_a_sentence(pipeline, text, kind):
    event = _first(_extract(pipeline, text))
    assert event is not None and event.type == kind, (text, event)


def test_a_demand_by_the_speaker_of_the_addressed(pipeline):
    record = _extract(pipeline, "France said that Italy must withdraw its troops from Libya.")
    demand = _first(record)
    assert demand is not None and demand.type == "DEMAND"
    assert _names(record, demand.actors) == {"France"} and "Italy" in _names(record, demand.targets)


def test_our_own_must_is_no_demand(pipeline):
    record = _extract(pipeline, '"We must strengthen our trade with Chile," the Peruvian president said.')
    assert not any(e.type == "DEMAND" for e in record.events)


def test_the_main_verb_goes_first(pipeline):
    record = _extract(pipeline, "Ghana threatened on Monday to impose sanctions on Togo.")
    assert record.events[0].type == "THREATEN"


def test_a_negated_meeting_is_no_event(pipeline):
    record = _extract(pipeline, "Argentina and Chile have not met for a long time.")
    assert not any(e.type in ("CONSULT", "REJECT") for e in record.events)


# --- participants ----------------------------------------------------------------------

def test_the_subject_of_a_readiness_is_the_actor(pipeline):
    record = _extract(pipeline, "Japan is ready to provide aid to Nepal.")
    event = _first(record)
    assert event is not None and _names(record, event.actors) == {"Japan"}


def test_a_light_verb_gives_its_subject_and_partner(pipeline):
    record = _extract(pipeline, "Yesterday Peru held a meeting with Ecuador in Lima.")
    event = _first(record)
    assert event is not None and event.type == "CONSULT"
    assert _names(record, event.actors + event.targets) == {"Peru", "Ecuador"}


def test_one_named_side_is_enough_outside_quotes(pipeline):
    record = _extract(pipeline, "Denmark accepted the compromise on fishing quotas.")
    event = _first(record)
    assert event is not None and event.type == "AGREE" and _names(record, event.actors) == {"Denmark"}


def test_a_common_noun_actor_still_makes_a_hostile_event(pipeline):
    record = _extract(pipeline, "Armed men demolished several homes near the village.")
    event = _first(record)
    assert event is not None and event.type == "COERCE" and event.actors == ()


# --- what is no event -------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    '"Thank you very much, Mr President," Vladimir Putin said to Emmanuel Macron.',
    '"I know you have a great deal of work to do," Vladimir Putin told Emmanuel Macron.',
    '"We live under this treaty," Vladimir Putin told Emmanuel Macron.',
    "Peru continued to refuse to fulfil the Lima agreements and the Quito format accords.",
    "The leaders stressed the importance of the full implementation of the ceasefire agreement.",
    "Chile said that Bolivia must comply with the border agreement.",
])
def test_courtesies_and_references_are_no_events(pipeline, text):
    record = _extract(pipeline, text)
    assert not any(e.type in ("SUPPORT", "AGREE") for e in record.events), record.events


def test_occupying_a_position_is_no_fighting(pipeline):
    record = _extract(pipeline, "Today the Lima Institute of Mining occupies a strong position among universities.")
    assert not any(e.type == "FIGHT" for e in record.events), record.events
    record = _extract(pipeline, "Peruvian troops occupied the town of Tacna on Monday.")
    assert any(e.type == "FIGHT" for e in record.events), record.events


def test_a_planned_act_inside_a_request_is_no_event(pipeline):
    record = _extract(pipeline, "Kenya thanked Uganda for its response to the request to deploy troops.")
    assert not any(e.type == "MOBILIZE" for e in record.events)


def test_a_fronted_year_dates_the_sentence(pipeline):
    record = _extract(pipeline, "In 2019, when he was in Moscow, Viktor Orban and Vladimir Putin "
                                "launched a joint project on nuclear energy.")
    assert any(e.type == "COOPERATE" and e.date == "2019" for e in record.events), record.events


@pytest.mark.parametrize(("text", "date"), [
    # the date is the object of "on", which hangs on "talks": far from the word, still its own
    ("Olaf Scholz informed Emmanuel Macron about his talks with the President of the Republic of "
     "Kazakhstan Kassym-Jomart Tokayev in Berlin on February 28.", "2024-02-28"),
    # "for 2022-2024" belongs to the plan, not to the meeting: the meeting keeps the document's date
    ("Several papers were signed following the meeting between Olaf Scholz and Emmanuel Macron, including "
     "a joint roadmap between France and Germany for 2025-2027.", DATE),
])
def test_a_date_the_parse_attaches_to_the_trigger_dates_it_however_far(pipeline, text, date):
    record = _extract(pipeline, text)
    meetings = [e for e in record.events if e.type == "CONSULT"]
    assert meetings and meetings[0].date == date, record.events


@pytest.mark.parametrize(("text", "absent"), [
    ("Domestic demand in Brazil grew strongly last year.", "DEMAND"),
    ("The crimes committed by the militia in Chad are under investigation.", "AGREE"),
    ("The frozen assets of Iran were transferred to Iraq.", "SANCTION"),
    ("Right after the end of the talks in Oslo, Russia fired at Ukraine.", "SANCTION"),
    ("Finland said the new rule does not contribute to trade with Estonia.", "REJECT"),
    ("A cultural cluster is to be built on Cape Khrustalny, in accord with the instructions of President "
     "Vladimir Putin.", "AGREE"),
])
def test_words_that_name_no_act(pipeline, text, absent):
    record = _extract(pipeline, text)
    assert not any(e.type == absent for e in record.events), record.events


def test_a_modifier_names_the_kind_of_strike(pipeline):
    record = _extract(pipeline, "Russian missile strikes hit Odesa in Ukraine on Monday.")
    assert any(e.type == "FIGHT" for e in record.events) and not any(e.type == "PROTEST" for e in record.events)


def test_their_demands_are_an_act(pipeline):
    record = _extract(pipeline, "Poland rejected the demands of Belarus on Friday.")
    assert _first(record).type == "REJECT"


def test_an_ordered_act_is_the_event(pipeline):
    record = _extract(pipeline, "The governor ordered patrols by police after riots in the city.")
    assert not any(e.type == "DEMAND" for e in record.events)
    assert any(e.type == "MOBILIZE" for e in record.events)


def test_the_higher_report_of_one_event_stands(pipeline):
    record = _extract(pipeline, "Before the visit, Olaf Scholz discussed trade with Emmanuel Macron.")
    consults = [e for e in record.events if e.type == "CONSULT"]
    assert len(consults) == 1 and consults[0].trigger == "discussed"


def test_depth_counts_hops_to_the_root(pipeline):
    from newsgraph.extract.events_frames import depth

    doc = pipeline.nlp("Ghana threatened to impose sanctions.")
    root = next(t for t in doc if t.dep_ == "ROOT")
    assert depth(root) == 0 and all(depth(t) > 0 for t in doc if t.i != root.i)


def test_a_time_that_is_its_sentence_root_ends_the_climb(pipeline):
    # a root token is its own head: the climb to the time's head word must stop there
    from spacy.tokens import Doc

    from newsgraph.extract.events import _dates_trigger
    from newsgraph.record import Time

    words = ["Talks", "in", "Brussels", ":", "April", "6"]
    doc = Doc(pipeline.nlp.vocab, words=words, spaces=[True, True, False, True, True, False],
              heads=[4, 0, 1, 4, 4, 4], deps=["nsubj", "prep", "pobj", "punct", "ROOT", "nummod"],
              pos=["NOUN", "ADP", "PROPN", "PUNCT", "PROPN", "NUM"])
    april = doc[4]
    time = Time(span=(april.idx, april.idx + len("April 6")), text="April 6", type="DATE", value="2024-04-06")
    assert _dates_trigger(doc[:], time, doc[0]) is False


def test_a_country_foreign_to_the_acting_persons_is_a_party(pipeline):
    # two agents (a minister and his ministry), both Norwegian: Malawi is the aid's target
    record = _extract(pipeline, "The Norwegian Foreign Ministry and Norwegian Minister Lars Dahl sent food "
                                "aid to Malawi.")
    aid = next(e for e in record.events if e.type == "AID")
    assert "Malawi" in _names(record, aid.targets), record.events


def test_the_home_country_of_the_acting_persons_is_circumstance(pipeline):
    record = _extract(pipeline, "Vladimir Putin thanked Xi Jinping for coming to Russia.")
    assert not any("Russia" in _names(record, e.actors + e.targets) for e in record.events), record.events


def test_a_capital_at_the_head_of_a_party_stands_for_its_government(pipeline):
    record = _extract(pipeline, "Nouakchott rejected the proposal of Senegal on Tuesday.")
    event = _first(record)
    assert event.type == "REJECT"
    assert {e.country for e in record.entities if e.id in event.actors} == {"MR"}, record.events


def test_a_capital_that_is_only_a_place_is_no_party(pipeline):
    record = _extract(pipeline, "Chile opened an embassy in Lusaka on Tuesday.")
    assert not any("Lusaka" in _names(record, e.actors + e.targets) for e in record.events), record.events


def test_the_people_of_a_country_by_plural_demonym_act(pipeline):
    record = _extract(pipeline, "Israel and the Palestinians reached an agreement on water on Monday.")
    event = _first(record)
    assert event.type == "AGREE" and _names(record, event.actors) >= {"Israel", "Palestine"}, record.events


def test_they_is_never_a_single_person(pipeline):
    # "they" is plural: with one person in the text, it is someone else, not that person
    record = _extract(pipeline, "The Bolivian miners said they will release Governor Pablo Ruiz and two of "
                                "his aides on Monday.")
    event = _first(record)
    assert "Pablo Ruiz" not in _names(record, event.actors), record.events
    assert "Pablo Ruiz" in _names(record, event.targets), record.events


def test_a_country_before_a_comma_is_no_demonym_of_the_title_after_it(pipeline):
    # "in Haiti, Foreign Minister X said": the comma parts Haiti from the title; it stays the target
    record = _extract(pipeline, "Norway pledged 300 engineers to the relief mission in Haiti, Foreign Minister "
                                "Ola Berg said.")
    event = _first(record)
    assert "Haiti" in _names(record, event.targets), record.events


_READOUT_TITLE = "Meeting with President of Kazakhstan Kassym-Jomart Tokayev"


def _readout(pipeline, text: str) -> Record:
    """A readout under a meeting headline."""
    return pipeline.extract(Article(id=document_id(text, DATE), text=text, date=DATE, title=_READOUT_TITLE))


def test_the_headline_meeting_takes_place_where_the_host_welcomes_the_guest(pipeline):
    record = _readout(pipeline, "Vladimir Putin held talks with Kassym-Jomart Tokayev. Vladimir Putin: Mr President, "
                                "it is a pleasure to welcome you in Kazan. We visited Astana last year.")
    main = record.events[0]
    assert main.trigger == "Meeting" and _names(record, (main.place,)) == {"Kazan"}, record.events


def test_the_headline_meeting_takes_place_at_the_facility_the_host_names(pipeline):
    record = _readout(pipeline, "Vladimir Putin: Mr President, thank you for coming here, to the Russian Far East, "
                                "to our new Amur River Bridge. It is a pleasure.")
    main = record.events[0]
    assert main.trigger == "Meeting" and _names(record, (main.place,)) == {"Amur River Bridge"}, record.events


def test_a_visit_elsewhere_is_no_place_of_the_headline_meeting(pipeline):
    record = _readout(pipeline, "Vladimir Putin held talks with Kassym-Jomart Tokayev. They recalled the visit to "
                                "Astana last year.")
    assert record.events[0].trigger == "Meeting" and record.events[0].place is None, record.events


def test_a_readout_meeting_takes_its_topics_from_what_was_discussed(pipeline):
    record = _readout(pipeline, "Vladimir Putin met with Kassym-Jomart Tokayev in the Kremlin. The leaders discussed "
                                "trade and transport links. They also discussed a vote in the UN Security Council.")
    main = record.events[0]
    assert "trade" in main.topics and "security" not in main.topics, record.events


def test_the_interlocutors_are_the_sides_of_the_readout_and_other_politicians_are_not(pipeline):
    record = _readout(pipeline, "Vladimir Putin met with Kassym-Jomart Tokayev in the Kremlin. The interlocutors "
                                "agreed to expand trade. Vladimir Putin thanked Kazakh politicians for their support.")
    agreed = next(e for e in record.events if e.type == "AGREE")
    assert _names(record, agreed.actors) == {"Vladimir Putin", "Kassym-Jomart Tokayev"}, record.events
    thanked = next(e for e in record.events if e.evidence and "thanked" in record.text[slice(*e.evidence)])
    assert "Kassym-Jomart Tokayev" not in _names(record, thanked.actors + thanked.targets), record.events


def test_a_readout_meeting_without_a_discussed_sentence_takes_the_topics_the_text_dwells_on(pipeline):
    record = _readout(pipeline, "Vladimir Putin met with Kassym-Jomart Tokayev in the Kremlin. Putin: Our trade "
                                "grew by a third. Energy projects are going well, and trade in grain is rising. "
                                "Tokayev: We count on your energy supplies. The security situation is calm.")
    main = record.events[0]
    assert main.topics[:2] == ("trade", "energy") and "security" not in main.topics, record.events


@pytest.mark.parametrize(("text", "target"), [
    ("Norway's prime minister visits Chile next week.", "Chile"),
    ("The President of Peru will visit Ghana on March 12.", "Ghana"),
    ("The Prime Minister of Fiji received the Ambassador of Italy.", "Italy"),
])
def test_a_visited_or_received_party_is_a_target_and_a_dated_future_visit_counts(pipeline, text, target):
    event = _first(_extract(pipeline, text))
    assert event is not None and event.type == "CONSULT"
    assert target in _names(_extract(pipeline, text), event.targets)


def test_an_undated_future_discussion_is_no_event(pipeline):
    record = _extract(pipeline, "We will further discuss these issues with Chile at a later date.")
    assert [e for e in record.events if e.type == "CONSULT"] == []


@pytest.mark.parametrize("text", [
    "The President thanked the Prime Minister and invited him to visit Chile.",
    "If you visit Lima, you will see the new museum.",
])
def test_an_invited_or_conditional_visit_is_no_visit(pipeline, text):
    record = _extract(pipeline, text)
    assert [e for e in record.events if e.type == "CONSULT"] == []


def test_only_the_visited_party_itself_is_a_target(pipeline):
    record = _extract(pipeline, "The Red Cross has not been visiting our Chilean prisoners of war, Peru said.")
    assert all("Chile" not in _names(record, e.targets) for e in record.events if e.type == "CONSULT")


def test_receiving_a_thing_is_no_meeting(pipeline):
    record = _extract(pipeline, "Chile received a medal for its pavilion at the fair.")
    assert [e for e in record.events if e.type == "CONSULT"] == []
    record = _extract(pipeline, "The President of Peru received the Chilean Ambassador.")
    event = _first(record)
    assert event is not None and event.type == "CONSULT" and "Chile" in _names(record, event.targets)


@pytest.mark.parametrize(("text", "target"), [
    ("Peruvian agents attempted to hack into email servers used by Chilean army officers.", "Chile"),
])
def test_a_directed_act_without_a_parsed_target_takes_the_country_after_it(pipeline, text, target):
    record = _extract(pipeline, text)
    event = _first(record)
    assert event is not None and target in _names(record, event.targets)


@pytest.mark.parametrize(("text", "call"), [
    ("Olaf Scholz called Joe Biden on Monday.", ("Olaf Scholz", "Joe Biden")),
    ("Alexander Lukashenko called President of Ukraine Volodymyr Zelenskyy.", ("Alexander Lukashenko", "Volodymyr Zelenskyy")),
    ("Olaf Scholz called Joe Biden a good friend.", None),
    ("Olaf Scholz called the decision of Joe Biden unwise.", None),
    ("The party led by Olaf Scholz was called the SPD.", None),
    ("Olaf Scholz called off his talks with Joe Biden.", None),
])
def test_calling_a_party_is_a_telephone_call(pipeline, text, call):
    record = _extract(pipeline, text)
    calls = [e for e in record.events if e.cameo == "041"]
    if call is None:
        assert calls == [], calls
    else:
        assert len(calls) == 1 and _names(record, calls[0].actors) == {call[0]} \
            and _names(record, calls[0].targets) == {call[1]}, calls


@pytest.mark.parametrize(("text", "actor"), [
    ("Kenya thanked the doctors who worked since the start of the Ugandan invasion.", "Uganda"),
    ("Peru rebuilt the towns after the invasion by Chile.", "Chile"),
])
def test_a_noun_trigger_names_its_own_doer(pipeline, text, actor):
    record = _extract(pipeline, text)
    invasion = next(e for e in record.events if e.trigger == "invasion")
    assert _names(record, invasion.actors) == {actor}, invasion


def test_a_telephone_conversation_phrase_is_one_event(pipeline):
    record = _extract(pipeline, "Olaf Scholz had a telephone conversation with Joe Biden.")
    calls = [e for e in record.events if e.cameo == "041"]
    assert len(calls) == 1 and _names(record, calls[0].actors) == {"Olaf Scholz"} \
        and _names(record, calls[0].targets) == {"Joe Biden"}


def test_what_a_speaker_condemns_is_not_the_speakers_act(pipeline):
    record = _extract(pipeline, "Olaf Scholz condemned the bombings in Lyon.")
    bombing = next(e for e in record.events if e.trigger == "bombings")
    assert bombing.actors == () and _first(record).type == "DISAPPROVE"
    record = _extract(pipeline, "Norway completed the withdrawal of its troops.")
    assert _names(record, _first(record).actors) == {"Norway"}


def test_a_meeting_agreed_on_takes_the_date_of_the_verb_that_holds_it(pipeline):
    record = _extract(pipeline, "The presidents of Chile and Peru agreed to hold the fifth meeting of the "
                                "Bilateral Commission on Trade, Energy and Transport in September 2026 in Lima.")
    session = next(e for e in record.events if e.trigger == "meeting")
    agreed = next(e for e in record.events if e.type == "AGREE")
    assert session.date == "2026-09" and agreed.date == DATE
    assert _names(record, (session.place,)) == {"Lima"}


def test_receiving_information_from_someone_is_no_meeting(pipeline):
    record = _extract(pipeline, "The President of Chile received detailed reports from the intelligence "
                                "services on the situation in Peru and Bolivia.")
    assert [e for e in record.events if e.type == "CONSULT"] == []


def test_an_act_in_a_clause_of_purpose_is_an_aim_not_an_event(pipeline):
    record = _extract(pipeline, "The Chilean and Peruvian delegations held the second round of talks near the "
                                "Bolivian border in order to reach a lasting ceasefire.")
    assert [e.trigger for e in record.events] == ["talks"]
    talks = record.events[0]
    assert _names(record, talks.actors + talks.targets) == {"Chile", "Peru"} and talks.date == DATE


def test_the_act_a_need_or_an_attempt_is_to_is_no_event(pipeline):
    record = _extract(pipeline, "The President of Chile stressed the need to impose new sanctions on Peru.")
    assert [e for e in record.events if e.type == "SANCTION"] == []
    record = _extract(pipeline, "Chile imposed new sanctions on Peru.")
    assert [e.type for e in record.events] == ["SANCTION"]


def test_a_year_inside_the_object_dates_the_object_not_the_act(pipeline):
    record = _extract(pipeline, "The parliament of Chile condemned the massacre of 1932 in a resolution.")
    assert [(e.type, e.date) for e in record.events if e.type == "DISAPPROVE"] == [("DISAPPROVE", DATE)]


def test_a_round_of_talks_still_to_come_has_no_date_unless_given(pipeline):
    record = _extract(pipeline, "The third round of talks between Chile and Peru is to take place shortly.")
    assert [(e.type, e.date) for e in record.events] == [("CONSULT", None)]


def test_an_act_of_force_named_in_a_quote_without_its_doer_is_not_the_speakers(pipeline):
    record = _extract(pipeline, "\"Shelling villages and then calling it peace is a lie,\" Olaf Scholz said.")
    assert [e for e in record.events if e.type in ("ASSAULT", "FIGHT", "COERCE")] == []


@pytest.mark.parametrize("text", [
    "Vladimir Putin met with Anna Brown, whose son was killed in Donbass.",
    "The President stated that Mariupol was completely destroyed.",
])
def test_who_did_a_one_sided_act_in_the_passive_is_unknown(pipeline, text):
    record = _extract(pipeline, text)
    acts = [e for e in record.events if e.type in ("ASSAULT", "COERCE")]
    assert all(not e.actors for e in acts), [(e.type, _names(record, e.actors)) for e in acts]


def test_the_parties_named_beside_a_passive_discussion_held_it(pipeline):
    record = _extract(pipeline, "Several topics related to Russian-Senegalese cooperation were discussed.")
    assert [(e.type, _names(record, e.actors)) for e in record.events] == [("CONSULT", {"Russia", "Senegal"})]


@pytest.mark.parametrize("text", [
    "I hope that you will promote closer cooperation between Russia and Pakistan, as well as partnership in "
    "the Afghan settlement.",
    "Both sides noted the expediency of developing practical cooperation between Russia and Pakistan, as discussed by "
    "President of Belarus Alexander Lukashenko and Chancellor of Germany Angela Merkel.",
])
def test_cooperation_between_two_parties_is_theirs(pipeline, text):
    record = _extract(pipeline, text)
    found = [_names(record, e.actors) | _names(record, e.targets) for e in record.events if e.type == "COOPERATE"]
    assert found and all({"Russia", "Pakistan"} <= parties for parties in found), found
    assert not any(parties & {"Belarus", "Germany", "Afghanistan"} for parties in found), found


@pytest.mark.parametrize(("text", "actors", "targets"), [
    ("\"I appreciate Canada's support for Ukraine,\" Volodymyr Zelenskyy stressed.", {"Canada"}, {"Ukraine"}),
    ("Volodymyr Zelenskyy also noted Lithuania's continued support for Ukraine's movement to the European Union.",
     {"Lithuania"}, {"Ukraine", "European Union"}),
])
def test_the_possessor_of_help_for_someone_gives_it(pipeline, text, actors, targets):
    record = _extract(pipeline, text)
    found = [(_names(record, e.actors), _names(record, e.targets)) for e in record.events if e.type == "SUPPORT"]
    assert found == [(actors, targets)]


def test_the_possessor_of_help_for_no_one_named_may_be_the_one_helped(pipeline):
    record = _extract(pipeline, "The United States has become a true leader in Ukraine's international support.")
    assert not any(_names(record, e.actors) == {"Ukraine"} for e in record.events)


@pytest.mark.parametrize("text", [
    "Volodymyr Zelenskyy noted that Ukraine looks forward to the visit of Justin Trudeau to our country.",
    "We look forward to visiting Paris with Emmanuel Macron.",
])
def test_an_awaited_visit_is_no_visit(pipeline, text):
    assert [e for e in _extract(pipeline, text).events if e.type == "CONSULT"] == []


def test_an_events_evidence_leaves_out_the_closing_mark_of_the_sentence_before(pipeline):
    text = ("\"The deficit must stop,\" Olaf Scholz added. \"We must act now to pass the budget.\"\n"
            "    In the meantime, Olaf Scholz met Emmanuel Macron in Paris.")
    record = _extract(pipeline, text)
    meeting = next(e for e in record.events if e.type == "CONSULT")
    assert record.text[meeting.evidence[0]:meeting.evidence[1]].startswith("In the meantime")


def test_the_place_of_an_event_is_on_its_branch_of_the_sentence(pipeline):
    record = _extract(pipeline, (
        "President Ana Lima held talks with a delegation of senators led by Pablo Rojas in Lima. "
        "Ana Lima met with Pablo Rojas, the father of a soldier killed in Donbass."
    ))
    names = {e.id: e.name for e in record.entities}
    meetings = [(record.text[e.evidence[0]:e.evidence[0] + 14], names.get(e.place or ""))
                for e in record.events if e.type == "CONSULT" and e.evidence]
    assert meetings == [("President Ana ", "Lima"), ("Ana Lima met w", None)]


def test_a_nominal_event_between_two_parties_has_the_first_for_its_actor(pipeline):
    record = _extract(pipeline, "Vladimir Putin informed Viktor Orban about the talks between Russia and Ukraine.")
    talks = [(_names(record, e.actors), _names(record, e.targets)) for e in record.events
             if e.type == "CONSULT" and _names(record, e.targets) == {"Ukraine"}]
    assert talks == [({"Russia"}, {"Ukraine"})]


def test_who_spoke_during_talks_with_someone_took_part_in_them(pipeline):
    text = ("President of Ukraine Volodymyr Zelenskyy expressed support for the initiative of Polish President "
            "Andrzej Duda to conclude a new agreement. He said this during a meeting with media representatives "
            "following talks with Andrzej Duda in Kyiv.")
    record = _extract(pipeline, text)
    talks = [(_names(record, e.actors), _names(record, e.targets)) for e in record.events if e.type == "CONSULT"]
    # "He" is the subject before, not the president named inside a phrase; the meeting with the media
    # alone names no one met, and is no event
    assert talks == [({"Volodymyr Zelenskyy"}, {"Andrzej Duda"})]


def test_offered_greetings_are_praise_not_an_agreement(pipeline):
    record = _extract(pipeline, "Vladimir Putin: I would like to offer my sincere greetings to all officers of the "
                                "Federal Customs Service on their professional holiday.")
    assert [(e.type, _names(record, e.targets)) for e in record.events] == [("SUPPORT", {"Federal Customs Service"})]
