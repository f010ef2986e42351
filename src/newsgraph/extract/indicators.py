"""The indicator of a figure: what it measures, as a short normalized noun phrase.

Found from the parse: the subject of "reached" / "amounted to", the object of
"bring ... to" / "increase ... to", the noun a figure modifies or is "worth";
generic heads ("volume of", "amount of") give way to what they measure. A
subject pronoun ("it increased by 20%") takes the previous figure's indicator.
"""

from __future__ import annotations

import re

from ..kb.lexicon import cue_forms, titles
from ..record import Quantity
from .quantities_kb import tables
from .quantities_change import bound_phrase
from .units import is_counted, is_money

_GENERIC = frozenset(
    "amount volume level value total sum figure mark worth tune size share number rate record "
    "increase decrease growth decline rise drop fall gain reduction jump high low percent percentage "
    "cent".split()
)
#: verbs whose object, not their subject, is what a figure measures
_TRANSITIVE = frozenset(
    "increase increased increasing bring bringing raise raised boost boosted expand expanded "
    "reduce reduced cut double doubled triple invest make making made makes have has had "
    "see saw seen carry carried conduct conducted attract attracted lower lowered lowering lowers raising raises "
    "reducing reduces cutting cuts boosting expanding doubling tripling increases brings set sets setting".split()
)
_DROP_WORDS = re.compile(  # and a figure's unit the parser hung on the noun: "(2.5) pct inflation target",
    # or the conjunction before it: "(nine pct) and mining production"
    r"^(?:the|a|an|our|their|its|his|her|this|that|these|those|total|overall|whole|pct|percent|per\s+cent|and|or)\s+",
    re.I,
)
_NUMERIC = re.compile(r"^[\d.,]+$|^(?:about|over|nearly|some|around|almost|more|than|up|to|such|other|further)$", re.I)


def indicator_for(doc: object, sent: object, q: Quantity, previous: str | None) -> str | None:
    found = _indicator(sent, q, previous)
    if found is None or found == previous or found in _NOT_MEASURES:
        material = _material(sent, q)  # "They amount to 2,000 tonnes of gold": gold
        return material or found
    return found


#: what a subject can be that a figure does not measure
_NOT_MEASURES = frozenset({"state", "we", "they", "it", "government", "company"})


def _material(sent: object, q: Quantity) -> str | None:
    """What a measured amount is of: "70 million tonnes *of ore*", "$5 billion *of exports*",
    and what a sum of money is in: "$500 million *in loans*", "$2.3 billion in sales"."""
    if _counted(q.unit) or q.unit in ("percent", "fraction", "pp"):
        return None
    head = _head_of(sent, q)
    chain = [head] if head is not None else []
    of = _of_object(head) if head is not None else None
    while of is not None and (of.lower_ in _NUMBER_WORDS or _unit_word(of.lower_)):  # type: ignore[attr-defined]
        chain.append(of)  # "hundreds of thousands of tons of grain", "billions of dollars (in losses)"
        of = _of_object(of)
    if head is not None and head.dep_ == "dobj":  # type: ignore[attr-defined]
        chain.append(head.head)  # type: ignore[attr-defined]  # "caused $2 billion in losses": "in" on the verb
    if of is None and is_money(q.unit):
        of = next((found for token in chain if (found := _in_object(token)) is not None), None)
    return phrase(of) if of is not None and of.pos_ in ("NOUN", "PROPN") and of.ent_type_ not in (
        "GPE", "NORP", "PERSON", "ORG", "DATE") else None  # type: ignore[attr-defined]


def _in_object(token: object) -> object | None:
    """The bare noun after "in" that a sum of money is made of ("in direct budget support"); not
    a place, a time or a thing with its determiner ("in the project", "in 2021", "in Kenya")."""
    prep = next((c for c in token.rights if c.dep_ == "prep" and c.lower_ == "in"), None)  # type: ignore[attr-defined]
    noun = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
    if noun is None or noun.pos_ != "NOUN" or noun.lower_ in _GENERIC or _NOT_MATERIAL.fullmatch(noun.lower_) \
            or any(c.dep_ in ("det", "poss", "nummod") for c in noun.children):  # type: ignore[attr-defined]
        return None
    return noun


_NOT_MATERIAL = re.compile(r"(?:year|quarter|month|week|day|period|time|term|half|total|cash|kind|place)s?")  # "in total", "in cash"


def _indicator(sent: object, q: Quantity, previous: str | None) -> str | None:
    if _counted(q.unit) and q.unit != "fraction":
        counted = _from_quantity_text(q, sent.doc.text[q.span[1]:q.span[1] + 80])  # type: ignore[attr-defined]
        done = _done_to(sent, q) if counted in _HEADCOUNTS else None
        return f"{counted} {done}" if done else counted
    head = _head_of(sent, q)
    if head is None:
        return None
    if q.unit in ("percent", "fraction"):  # "two-thirds of the population": a share of it
        share = _share_of(head, q)
        if share:
            return share
    if head.pos_ == "VERB":  # type: ignore[attr-defined]  # "investment exceeds a trillion rubles": its own verb
        return _from_verb(head, q, previous)
    done = next((_ACTIONS[c.lower_] for c in head.children  # type: ignore[attr-defined]
                 if c.dep_ in ("relcl", "acl") and c.lower_ in _ACTIONS), None)
    if done and not _counted(q.unit):  # "170 billion rubles that should be invested", "5 billion allocated for"
        material = _material(sent, q)
        return f"{material} {done}" if material else done
    return _walk(head, q, previous)


_HEADCOUNTS = frozenset({"people", "persons", "residents", "citizens", "civilians", "children"})


def _done_to(sent: object, q: Quantity) -> str | None:
    """What the counted people underwent, from the passive verb they are the subject of:
    "43,000 people were evacuated" -> "evacuated", "were classified as unemployed" -> "unemployed"."""
    head = _head_of(sent, q)
    if head is None or head.dep_ != "nsubjpass" or head.head.tag_ != "VBN":  # type: ignore[attr-defined]
        return None
    verb = head.head  # type: ignore[attr-defined]
    complement = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"), None)
    state = next((c for c in complement.children if c.dep_ in ("pobj", "amod", "acomp")), None) \
        if complement is not None else None
    return state.lower_ if state is not None and state.pos_ == "ADJ" else verb.lower_


def _share_of(head: object, q: Quantity) -> str | None:
    """"18 percent of Uzbekistan's trade" measures a share of that trade."""
    of = _of_object(head)
    if of is None or _in(of, q):
        return None
    what = phrase(of)
    return f"share of {what}" if what else None


def _counted(unit: str | None) -> bool:
    return is_counted(unit)


def _from_quantity_text(q: Quantity, after: str) -> str:
    """The counted thing as written: "195 combatants"; after the figure where its text is all
    number words ("tens of thousands *of Hasidic pilgrims*")."""
    words = q.text.split()[len(bound_phrase(q.text).split()):]  # "approximately 100 new passenger cars"
    words = [w for w in words if not _NUMERIC.match(w) and not w[:1].isdigit()]
    words = [w for w in words if w.lower() not in _NUMBER_WORDS]
    if [w for w in words if w.lower() != "of"]:  # "195 heads of state" keeps its "of"; "tens of" is a number
        while words and words[0].lower() == "of":
            words = words[1:]  # "two million of the pilgrims"
        return normalize(" ".join(words)) or ""
    following = re.match(r"\s+of\s+((?:[\w'-]+\s+){0,3}[\w'-]+)", after)
    last = (q.unit or "").split()[-1:] or [""]
    stem = last[0][:max(3, len(last[0]) - 2)].lower()  # "city" -> "ci": "cities"
    words = following.group(1).split() if following else []
    for i, word in enumerate(words):
        if stem and word.lower().startswith(stem):
            return " ".join(words[: i + 1]).lower()
    return q.unit or ""


_NUMBER_WORDS = frozenset(
    "a an one two three four five six seven eight nine ten eleven twelve dozen dozens hundred "
    "hundreds thousand thousands million millions billion billions record tens scores".split()
)


def _head_of(sent: object, q: Quantity) -> object | None:
    span = sent.doc.char_span(q.span[0], q.span[1], alignment_mode="expand")  # type: ignore[attr-defined]
    tokens = list(span) if span is not None else []
    if not tokens:
        return None
    inside = {t.i for t in tokens}
    heads = [t for t in tokens if t.head.i not in inside or t.head.i == t.i]
    return heads[0] if heads else tokens[-1]


def _walk(token: object, q: Quantity, previous: str | None) -> str | None:
    for _ in range(6):
        head = token.head  # type: ignore[attr-defined]
        if head.i == token.i:  # type: ignore[attr-defined]
            return _from_verb(head, q, previous) if head.pos_ in ("VERB", "AUX") else None
        if head.pos_ in ("VERB", "AUX"):
            return _from_verb(head, q, previous)
        if head.lower_ in _CHANGE_NOUNS and (changed := _changed(head, q)) is not None:
            return changed  # "a 60% increase in bilateral trade": the trade
        if head.pos_ in ("NOUN", "PROPN") and head.lower_ not in _GENERIC and token.dep_ not in ("appos", "conj") \
                and not _unit_word(head.lower_):  # "to only 53 pct from 56 pct": not "pct"
            return phrase(head, q.span)
        token = head
    return None


def _unit_word(word: str) -> bool:
    """A unit's or a currency's name as written ("pct", "tonnes", "dlrs", "rubles")."""
    kb = tables()
    return word in kb.unit or word in kb.currency


_CHANGE_NOUNS = frozenset("increase decrease growth decline rise drop fall gain reduction jump".split())


def _changed(noun: object, q: Quantity) -> str | None:
    """What a change noun's "in" or "of" object names ("increase in bilateral trade", "growth of
    exports"); not the figure itself ("growth of 2.5 pct") nor a time ("a rise in 2021")."""
    for prep in noun.rights:  # type: ignore[attr-defined]
        if prep.dep_ != "prep" or prep.lower_ not in ("in", "of"):
            continue
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if obj is not None and not _in(obj, q) and not obj.like_num \
                and obj.ent_type_ not in ("DATE", "PERCENT", "MONEY") and not _unit_word(obj.lower_):
            return phrase(obj, q.span)
    return None


def _from_verb(verb: object, q: Quantity, previous: str | None) -> str | None:
    children = list(verb.children)  # type: ignore[attr-defined]
    action = _ACTIONS.get(verb.lower_)  # type: ignore[attr-defined]
    subject = next((c for c in children if c.dep_ == "nsubj"), None)
    acted_on = any(c.dep_ == "dobj" and _holds(c, q) for c in children) and (subject is None or _an_actor(subject))
    if action and (acted_on or any(c.dep_ == "nsubjpass" and _in(c, q) for c in children)):  # "... should be invested"
        material = _material(verb.sent, q)  # type: ignore[attr-defined]
        return f"{material} {action}" if material else action  # "exported 40 million tonnes of wheat"
    obj = next((c for c in children if c.dep_ == "dobj" and not _holds(c, q)
                and not (c.like_num or c.lower_ in ("fold", "times"))), None)  # "increase 1.5-fold to ...": no object
    subj = next((c for c in children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if verb.lower_ in _TRANSITIVE and obj is not None:  # type: ignore[attr-defined]
        return phrase(obj)
    if subj is not None and subj.pos_ == "PRON":  # "our trade is growing: ... it amounted to $5 billion"
        return _antecedent_in_sentence(subj) or previous
    if subj is not None and not _in(subj, q):  # "Germany pledged $500 million in loans": loans
        doer = _an_actor(subj) or subj.lower_ in titles() or (  # type: ignore[attr-defined]
            any(c.dep_ == "dobj" and _holds(c, q) for c in children) and not _MEASURING.match(verb.lower_))  # type: ignore[attr-defined]
        return (_material(verb.sent, q) if doer else None) or phrase(subj)  # type: ignore[attr-defined]
    if verb.dep_ in ("xcomp", "conj", "advcl", "ccomp") and verb.head.i != verb.i:  # type: ignore[attr-defined]
        return _from_verb(verb.head, q, previous)  # type: ignore[attr-defined]
    return phrase(obj) if obj is not None else None


def _antecedent_in_sentence(pronoun: object) -> str | None:
    """What "it" stands for when an earlier clause of its sentence has a noun subject ("Our
    mutual trade is increasing: last year it went up by over 15 percent"): that subject."""
    if pronoun.lower_ != "it":  # type: ignore[attr-defined]
        return None
    earlier = [t for t in pronoun.sent if t.i < pronoun.i and t.dep_ in ("nsubj", "nsubjpass")  # type: ignore[attr-defined]
               and t.pos_ == "NOUN" and t.lower_ not in _GENERIC and not _an_actor(t)
               and t.head.lower_ not in cue_forms()  # "Oil traders said ...": who speaks, not a measure
               and not any(c.ent_type_ in ("GPE", "ORG", "PERSON", "NORP") for c in t.lefts)]  # "Exxon's subsidiary"
    return phrase(earlier[-1]) if earlier else None


#: verbs whose subject is what the figure after them measures ("investment totalled $5 billion")
_MEASURING = re.compile(r"(?:reach|total|exceed|top|amount|stand|stood|surpass|equal|approach|pass|cross|near|hit)")


def _an_actor(token: object) -> bool:
    """A doer, not a measure: a pronoun, a named party, "the state" ("oil exports are earning $1
    billion a day" keeps its subject)."""
    return token.pos_ in ("PRON", "PROPN") or token.ent_type_ in ("GPE", "ORG", "PERSON", "NORP") \
        or token.lower_ in _NOT_MEASURES or token.lower_ in _ACTOR_NOUNS  # type: ignore[attr-defined]


_ACTOR_NOUNS = frozenset({"companies", "country", "countries", "farmers", "region", "regions", "city", "cities",
                          "province", "republic", "ministry", "fund", "bank", "side", "sides", "producers",
                          "manufacturers", "enterprises", "budget", "authorities"})


def _action_forms() -> dict[str, str]:
    """Verbs whose object is the measured amount, in their written forms, and the noun of each act."""
    base = {
        "export": "exports", "import": "imports", "produce": "production", "process": "processing",
        "spend": "spending", "allocate": "allocation", "invest": "investment", "pay": "payments",
        "earn": "earnings", "sell": "sales", "buy": "purchases", "purchase": "purchases", "lose": "losses",
        "save": "savings", "build": "construction", "construct": "construction", "deliver": "deliveries",
        "supply": "supplies", "ship": "shipments", "consume": "consumption", "generate": "generation",
        "harvest": "harvest", "transfer": "transfers", "donate": "donations", "lend": "lending",
        "borrow": "borrowing", "extract": "extraction", "transport": "transportation", "mine": "mining",
        "collect": "collection", "provide": "provision", "disburse": "disbursement",
    }
    irregular = {"spent": "spend", "paid": "pay", "sold": "sell", "bought": "buy", "lost": "lose", "built": "build",
                 "lent": "lend"}
    out: dict[str, str] = {}
    for verb, noun in base.items():
        stem = verb[:-1] if verb.endswith("e") else verb
        double = verb + verb[-1] if verb in ("ship",) else verb
        stem_y = verb[:-1] + "i" if verb.endswith("y") else None
        forms = {verb, verb + "s", stem + "ed", stem + "ing", double + "ed", double + "ing", verb + "es"}
        if stem_y:
            forms |= {stem_y + "es", stem_y + "ed"}
        out.update({form: noun for form in forms})
    out.update({form: base[verb] for form, verb in irregular.items()})
    return out


_ACTIONS = _action_forms()


def _in(token: object, q: Quantity) -> bool:
    return q.span[0] <= token.idx < q.span[1]  # type: ignore[attr-defined]


def _holds(token: object, q: Quantity) -> bool:
    """Whether the figure is ``token`` or one of its conjuncts ("include 5.5 thousand km of state
    roads and more than 1.4 thousand km of local roads")."""
    return _in(token, q) or any(_in(c, q) for c in token.conjuncts)  # type: ignore[attr-defined]


def phrase(token: object, figure: tuple[int, int] | None = None) -> str | None:
    """The normalized noun phrase headed by ``token`` (generic heads give way to their "of" object),
    without the modifiers up to the ``figure`` it holds ("a 124,000 tonne surplus": surplus)."""
    if token.lower_ in _GENERIC:  # type: ignore[attr-defined]
        of = _of_object(token)
        if of is not None and not of.like_num and not _unit_word(of.lower_):  # type: ignore[attr-defined]
            token = of  # "the volume of trade"; not "growth of 2.5 pct"
    left = [c for c in token.lefts if c.dep_ in ("compound", "amod", "nmod", "npadvmod")]  # type: ignore[attr-defined]
    if figure is not None:
        holding = [c.i for c in left if any(figure[0] <= t.idx < figure[1] for t in c.subtree)]
        left = [c for c in left if not holding or c.i > max(holding)]
    start = min([token.i] + [c.left_edge.i for c in left])  # type: ignore[attr-defined]
    end = token.i + 1  # type: ignore[attr-defined]
    of = _of_object(token)
    if of is not None and of.ent_type_ not in ("GPE", "NORP", "PERSON", "DATE", "PERCENT", "MONEY", "CARDINAL", "QUANTITY") \
            and not of.like_num and not _unit_word(of.lower_) \
            and not (figure is not None and figure[0] <= of.idx < figure[1]):  # type: ignore[attr-defined]
        end = of.i + 1  # "the volume of trade"; not "a profit of 682.4 mln", the figure itself
    # a slice of tokens, not doc.text: reading doc.text walks the whole document each time
    return normalize(token.doc[start:end].text)  # type: ignore[attr-defined]


def _of_object(token: object) -> object | None:
    prep = next((c for c in token.rights if c.dep_ == "prep" and c.lower_ == "of"), None)  # type: ignore[attr-defined]
    if prep is None:
        return None
    return next((c for c in prep.children if c.dep_ == "pobj"), None)


def normalize(text: str) -> str | None:
    text = " ".join(text.split()).lower()
    previous = None
    while previous != text:
        previous, text = text, _DROP_WORDS.sub("", text)
    text = text.strip(" ,.;:'\"")
    return text or None
