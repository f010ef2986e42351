"""What a trigger's clause makes of it: CAMEO's rules for intent, refusal and demands.

- "X will support Y", "X is ready to send troops": an intent to cooperate, AGREE (CAMEO 03);
  "X will impose sanctions", "X will boycott ... unless ...": a threat, THREATEN (CAMEO 13).
- "X did not agree", "X will not accept": a refusal, REJECT (CAMEO 12); a hostile act
  that did not happen is no event.
- "X said Y must withdraw": a demand by X of Y, DEMAND (CAMEO 10).
- An object or modifier can name another event: "sever ties" (SANCTION), "naval blockade"
  (FIGHT), "violate a ceasefire" (FIGHT); see ``kb/event_pairs.csv``.
The events of one sentence are ranked by how high their trigger stands in the parse:
the main verb's event first ("threatened to impose sanctions": THREATEN).
"""

from __future__ import annotations

from typing import Any

from ..kb.lexicon import Trigger
from ..nlp.inflection import verb_forms
from ..nlp.tokens import with_lower
from .events_lexicon import lemma_candidates, pairs

Token = Any

_COOPERATIVE = {"SUPPORT": "032", "AID": "033", "CONCEDE": "035", "RETREAT": "035", "CONSULT": "036",
                "AGREE": None}
_HOSTILE = {"SANCTION": "132", "PROTEST": "133", "COERCE": "137", "ASSAULT": "138", "FIGHT": "138"}
#: nouns that also name a state of things ("domestic demand", "security threats"): an act only
#: when someone's ("their demands", "a threat by X") or made ("issued a threat")
_ABSTRACT = frozenset({"demand", "demands", "threat", "threats"})
_MAKING = frozenset("issue issued issues make made makes present presented reject rejected rejects meet met "
                    "accept accepted renew renewed repeat repeated carry carried".split())
_REFUSABLE = frozenset({"AGREE", "SUPPORT", "CONCEDE", "REQUEST"})
_FUTURE = frozenset({"will", "would", "shall", "'ll", "wo"})
_INTENT_HEADS = frozenset(
    "ready willing prepared plan plans planned planning intend intends intended intending going "
    "aim aims aimed determined resolved eager".split()
)
_MUST = frozenset({"must", "should"})
_FIRST_PERSON = frozenset({"i", "we"})
_PAIR_DEPS = frozenset({"dobj", "nsubjpass", "amod", "compound", "advmod", "prt", "npadvmod", "attr", "pobj"})


def reframe(token: Token, trigger: Trigger) -> Trigger | None:
    """The event ``trigger`` makes in its clause (None: no event)."""
    if negated(token):
        if trigger.type in _REFUSABLE:  # "will not accept", "did not agree", "would not support"
            return Trigger(type="REJECT", cameo="120")
        # "they have not met since May", "does not contribute": no event, and no refusal
        return None if trigger.type in _COOPERATIVE or trigger.type in _HOSTILE else trigger
    if not _intended(token):
        return trigger
    if _conditional(token) or trigger.type in _HOSTILE:
        return Trigger(type="THREATEN", cameo=_HOSTILE.get(trigger.type, "130"))
    if trigger.type in _COOPERATIVE and trigger.type != "CONSULT":
        return Trigger(type="AGREE", cameo=_COOPERATIVE[trigger.type] or trigger.cameo)
    return trigger


def paired(token: Token, trigger: Trigger | None) -> Trigger | None:
    """The event an object or modifier makes of ``token`` ("sever ties"), else ``trigger``."""
    words = _dependents(token) if token.pos_ == "VERB" or trigger is not None else set()
    for lemmas, made in pairs().get(token.lower_, ()):
        if words & lemmas:  # a verb and its object ("sever ties"), or a trigger noun ("deployment of peacekeepers")
            return made
    own = set(lemma_candidates(token.lower_))
    for child in token.children:
        if child.dep_ in ("amod", "compound"):
            for lemmas, made in pairs().get(child.lower_, ()):
                if own & lemmas:
                    return made
    return trigger


def _dependents(token: Token) -> set[str]:
    out: set[str] = set()
    for child in token.children:
        if child.dep_ == "prep":
            child = next((c for c in child.children if c.dep_ == "pobj"), child)
        if child.dep_ in _PAIR_DEPS:
            out.update(lemma_candidates(child.lower_))
            out.update(w for c in child.children if c.dep_ in ("compound", "amod")
                       for w in lemma_candidates(c.lower_))
            out.update(w for c in child.children if c.dep_ == "prep" and c.lower_ == "of"  # "dollars of aid"
                       for o in c.children if o.dep_ == "pobj" for w in lemma_candidates(o.lower_))
    return out


def negated(token: Token) -> bool:
    return any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no") for c in token.children) or (
        token.dep_ == "xcomp" and any(c.dep_ == "neg" for c in token.head.children)
        and token.head.pos_ in ("VERB", "AUX"))


def _intended(token: Token) -> bool:
    """Future or intended: "will support", "is ready to help", "plans to impose"."""
    if any(c.dep_ in ("aux", "auxpass") and c.lower_ in _FUTURE for c in token.children):
        return True
    head = token.head
    if token.dep_ in ("xcomp", "pcomp", "advcl") and head.lower_ in _INTENT_HEADS:
        return True
    if token.dep_ == "pcomp" and head.dep_ == "prep" and head.head.lower_ in ("committed", "ready"):
        return True
    if token.dep_ in ("dobj", "nsubjpass") and token.pos_ == "NOUN":
        return _intended(head) if head.pos_ in ("VERB", "AUX") and head.i != token.i else False
    return False


def _conditional(token: Token) -> bool:
    """"... unless the president steps down": a conditional threat."""
    return any(c.dep_ == "advcl" and any(m.lower_ == "unless" for m in c.children) for c in token.children)


def is_demand(token: Token) -> bool:
    """"X said Y must release the prisoners", "a warning that it must pay": X demands of Y."""
    if token.pos_ != "VERB" or not any(c.dep_ == "aux" and c.lower_ in _MUST for c in token.children):
        return False
    subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.lower_ in _FIRST_PERSON:
        return False
    return token.dep_ in ("ccomp", "acl")


def demand_verbs(doc: Any) -> list[Token]:
    """The verbs of ``doc`` that ``is_demand``, in text order (reached from their "must", not by visiting every token)."""
    heads = {t.head.i: t.head for t in with_lower(doc, _MUST) if t.dep_ == "aux"}
    return [heads[i] for i in sorted(heads) if is_demand(heads[i])]


def depth(token: Token) -> int:
    """Hops from ``token`` to its sentence's root."""
    n = 0
    while token.head.i != token.i and n < 50:  # spaCy makes a new Token object at each access
        token, n = token.head, n + 1
    return n


_CLIMB = frozenset({"xcomp", "acomp", "pcomp", "conj", "advcl", "ccomp"})
_LIGHT = frozenset({"dobj", "attr", "pobj"})
_SAYERS = frozenset({"it", "they", "he", "she"})


#: nouns a meeting is counted in: "the first round of negotiations"
ROUNDS = frozenset({"round", "rounds", "series", "session", "sessions"})


def subject_of(token: Token) -> Token | None:
    """The subject of the clause ``token`` depends on: "Japan is ready to send troops",
    "Norway said it will support", "X staged demonstrations", "X held talks"."""
    node = token
    for _ in range(6):
        subject = next((c for c in node.children if c.dep_ in ("nsubj", "agent")), None)
        if subject is not None and node.i != token.i and not (
                subject.lower_ in _SAYERS and node.dep_ == "ccomp"):
            return subject
        if node.dep_ not in _CLIMB and not (node.pos_ in ("NOUN", "PROPN") and node.dep_ in _LIGHT):
            return None
        if node.dep_ == "ccomp" and (subject is None or subject.lower_ not in _SAYERS):
            return None
        if node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head.lower_ in ROUNDS:
            node = node.head.head  # "X held the first round of negotiations"
            continue
        if node.dep_ == "pobj" and node.head.lower_ not in ("in", "for", "on"):
            return None
        node = node.head.head if node.dep_ == "pobj" else node.head
        if node.dep_ == "prep":
            node = node.head
    return None


def clause_children(token: Token) -> list[Token]:
    """``token``'s dependents and, for a noun that a light verb governs ("held talks with Y",
    "issued an ultimatum to Y"), the verb's "with", "to", "against" and "on" phrases."""
    children = list(token.children)
    if token.pos_ == "VERB":  # "concluded agreements with X"
        children += [c for o in token.children if o.dep_ == "dobj" for c in o.children
                     if c.dep_ == "prep" and c.lower_ in ("with", "between")]
    if token.dep_ == "pobj" and token.head.lower_ == "on" and token.head.head.pos_ in ("VERB", "AUX"):
        children += [c for c in token.head.head.children  # "was in Paris on a visit"
                     if c.dep_ == "prep" and c.lower_ in ("in", "to") and c.i != token.head.i]
    if token.pos_ in ("NOUN", "PROPN") and token.dep_ in ("dobj", "attr") and token.head.pos_ in ("VERB", "AUX"):
        children += [c for c in token.head.children
                     if c.dep_ == "dative" or (c.dep_ == "prep" and c.lower_ in ("with", "to", "against", "on"))]
    return children


def not_an_event(token: Token, trigger: Trigger) -> bool:
    """Uses that report no event: courtesies ("Thank you very much", "thank you for coming"),
    other senses ("crimes committed by", "demonstrate that", "a great deal", "domestic demand"),
    opinions ("we agree with that"), a planned act ("a plan to build"), a document in force
    ("under the 1990 treaty"), a named past event ("during the Battle of Waterloo")."""
    if _other_sense(token):
        return True
    if trigger.type == "AGREE" and token.tag_ == "VBP" and any(
            c.dep_ == "nsubj" and c.lower_ in _FIRST_PERSON for c in token.children):
        return True
    if token.dep_ == "acl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
        return True
    if trigger.type == "AGREE" and token.pos_ == "NOUN" and (
            (token.dep_ == "pobj" and token.head.lower_ == "under") or _kept_or_broken(token)):
        return True
    return token.text[:1].isupper() and token.i > token.sent.start and token.nbor(-1).lower_ == "the"


#: what is done with an agreement already made: "refuse to fulfil the Minsk agreements",
#: "the implementation of the accords", "in violation of the deal"
_KEEPING = frozenset(form for lemma in ("fulfil fulfill implement comply honour honor observe respect violate "
                                        "breach abide adhere uphold enforce ignore undermine sabotage").split()
                     for form in verb_forms(lemma)) | frozenset(
    "implementation fulfilment fulfillment compliance observance violation violations breach breaches".split())


def _kept_or_broken(token: Token) -> bool:
    """An agreement that someone keeps or breaks: an agreement made before, no event now."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head  # "fulfil the Minsk agreements and the Normandy format accords"
    head = token.head
    if token.dep_ == "pobj" and head.dep_ == "prep":
        head = head.head  # "comply with the agreement", "the implementation of the accords"
    elif token.dep_ not in ("dobj", "nsubjpass"):
        return False
    return head.lower_ in _KEEPING


def _other_sense(token: Token) -> bool:
    """A trigger word in a sense that names no act."""
    lower = token.lower_
    if lower in ("thank", "thanks"):
        reason = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "for"), None)
        return reason is None or any(c.dep_ == "pcomp" for c in reason.children)
    if lower in ("committed", "commit", "commits"):
        return not any(c.dep_ == "xcomp" or (c.dep_ == "prep" and c.lower_ == "to") for c in token.children)
    if lower.startswith("demonstrat") and token.pos_ == "VERB":
        return any(c.dep_ in ("dobj", "ccomp") for c in token.children)  # showing, not protesting
    if lower == "deal":
        return any(c.lower_ in ("great", "good") for c in token.children)
    if lower in ("accord", "accordance") and token.head.lower_ == "in":
        return True  # "in accord with the instructions of the President": a manner, not a treaty
    if lower in _ABSTRACT and token.pos_ == "NOUN":
        return not (token.head.lower_ in _MAKING or any(
            c.dep_ in ("poss", "ccomp", "acl") or (c.dep_ == "prep" and c.lower_ in ("by", "from"))
            for c in token.children))
    return False


def unnamed_actor(token: Token) -> bool:
    """The clause names its actor by a common noun that is no entity ("armed men burned ...",
    "thousands of demonstrators"): an event whose actor the record cannot name."""
    if token.pos_ == "NOUN" and token.dep_ in ("nsubj", "dobj", "pobj") and token.lower_.endswith(("ors", "ers")):
        return True  # "demonstrators", "protesters": the noun is the actor
    if token.pos_ != "VERB" and not (token.pos_ == "NOUN" and token.dep_ == "dobj"):
        return False  # a verb, or the object of a light verb ("staged a rally")
    subject = next((c for c in token.children if c.dep_ in ("nsubj", "agent")), None) or subject_of(token)
    return subject is not None and subject.pos_ in ("NOUN", "PROPN")


def embedded(token: Token) -> list[Token]:
    """The clauses a framing verb holds ("agreed to provide ...", "demanded that Y ...") and
    the nouns they act on ("offered its mediation")."""
    out = [c for c in token.children if c.dep_ in ("xcomp", "ccomp")]
    out += [o for c in out for o in c.children if o.dep_ == "dobj"]
    return out
