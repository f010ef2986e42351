"""Reported speech, beliefs and stances from the dependency parse.

A verb of ``kb/quote_verbs.csv`` whose subject names a source attributes its
complement: "X said *(that) the plan would fail*", "*The plan will fail*, X said",
"*The plan*, X said, *will fail*", "X vowed *to veto it*", "X urged *voters to turn out*",
"X criticized *the plan*", "X called *the plan a disaster*", "X called for *an inquiry*",
"As X noted, *trade grew*". A verb without a subject of its own takes its head's
("X tweeted, saying ...", "X went on to say ..."); a relative clause's takes the noun
it describes ("Smith, who said ..."). A noun of ``kb/quote_nouns.csv`` attributes its
clause to its possessor ("Trump's claim *that ...*").

The content runs over the complement's words (with "that", without the punctuation
at its edges and without the attributions it holds: "..., saying ..."), inside the
cue's paragraph. A source that names no entity ("officials said") leaves the
speaker unknown; such a quote is kept only for a verb of saying with a clause.
"""

from __future__ import annotations

import bisect
from functools import cache
from typing import Any

from ..kb.lexicon import titles
from ..nlp.tokens import with_lower
from ..record import Quote
from .names import MentionIndex, SpanSet, overlaps
from .quotes_verbs import Frame, cue_nouns, verb_frames

Token = Any  # spacy.tokens.Token
Span = tuple[int, int]

_MARKS = frozenset('"\u201c\u201d\u2018\u2019')
_RELATIVE = frozenset({"who", "that", "which"})
_INHERIT = frozenset({"conj", "xcomp", "advcl"})
_NESTED = frozenset({"conj", "advcl", "parataxis"})
#: kinds of verb whose clause is quoted even when the source names no entity ("officials said"):
#: saying; a belief, a stance or a finding ("the poll shows ...") needs a named holder. Adding
#: "show" quotes more (PolNeAR dev content F1 +0.008) with fewer right sources (-0.017).
_UNNAMED = frozenset({"say"})


class _Paragraphs:
    """The paragraph (text between line breaks) around an offset."""

    def __init__(self, text: str) -> None:
        self.breaks = [i for i, c in enumerate(text) if c == "\n"]
        self.size = len(text)

    def around(self, offset: int) -> Span:
        i = bisect.bisect_left(self.breaks, offset)
        start = self.breaks[i - 1] + 1 if i > 0 else 0
        return start, self.breaks[i] if i < len(self.breaks) else self.size


def reported(doc: Any, index: MentionIndex, taken: SpanSet, *, text: str | None = None) -> list[Quote]:
    """Attributions by verbs of saying, thinking, wanting and judging, outside ``taken``.

    ``text``: the document's text, when the caller has it (``doc.text`` walks every token)."""
    frames, nouns = verb_frames(), cue_nouns()
    paragraphs = _Paragraphs(doc.text if text is None else text)
    quotes = []
    for token in with_lower(doc, _cue_words()):
        frame = frames.get(token.lower_)
        quote = None
        if token.pos_ == "NOUN" and token.lower_ in nouns:
            quote = _nominal(token, index, paragraphs.around(token.idx))
        if quote is None and frame is not None and (token.pos_ not in ("NOUN", "PROPN") or _verb_as_noun(token)):
            quote = _attribution(token, frame, index, paragraphs.around(token.idx))
        if quote is not None and not overlaps(taken, quote.span):
            quotes.append(quote)
            taken.append(quote.span)
    return quotes


@cache
def _cue_words() -> frozenset[str]:
    """Every word ``reported`` looks at: the verbs of ``verb_frames`` and the nouns of ``cue_nouns``."""
    return frozenset(verb_frames()) | frozenset(cue_nouns())


def _verb_as_noun(token: Token) -> bool:
    """A verb the tagger took for a noun ("Trump/compound claims/NOUN that ...")."""
    return token.dep_ == "ROOT" and any(c.dep_ == "ccomp" for c in token.children)


def _attribution(verb: Token, frame: Frame, index: MentionIndex, para: Span) -> Quote | None:
    subject = subject_of(verb)
    if subject is None:
        return _passive(verb, frame, index, para)
    if not para[0] <= subject.idx < para[1]:
        return None
    span = content_span(verb, frame, para)
    if span is None:
        return None
    speaker = speaker_of(subject, index, verb.idx)
    if speaker is None and not (frame.kind in _UNNAMED and any(c.dep_ == "ccomp" for c in verb.children)):
        return None
    return Quote(speaker=speaker, span=span, cue=verb.text, direct=False)


def _passive(verb: Token, frame: Frame, index: MentionIndex, para: Span) -> Quote | None:
    """"The plan was criticized by Smith": what is judged or reported, by the agent (named)."""
    patient = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    by = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    if patient is None or by is None:
        return None
    if patient.lower_ in ("this", "that") and frame.kind == "say":
        return _said_before(verb, by, index, para)
    if "o" not in frame.content or patient.pos_ == "PRON":
        return None
    speaker = speaker_of(by, index)
    span = _words(list(patient.subtree), para)
    if speaker is None or span is None:
        return None
    return Quote(speaker=speaker, span=span, cue=verb.text, direct=False)


def _said_before(verb: Token, by: Token, index: MentionIndex, para: Span) -> Quote | None:
    """"Ukraine is ready for talks. This was stated by President Zelenskyy": the sentence
    before, in the same paragraph, by the agent (named)."""
    sent = verb.sent
    if sent.start == 0 or verb.doc[sent.start].lower_ not in ("this", "that"):
        return None
    before = verb.doc[sent.start - 1].sent
    speaker = speaker_of(by, index)
    span = _words(list(before), para)
    if speaker is None or span is None:
        return None
    return Quote(speaker=speaker, span=span, cue=verb.text, direct=False)


def _nominal(noun: Token, index: MentionIndex, para: Span) -> Quote | None:
    """"Trump's claim that ...", "his determination to act alone", "Clinton's comments on the
    shooting": the clause, or the object of the noun's preposition, by the possessor."""
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is None:
        return None
    clause = next((c for c in noun.children if c.dep_ in ("acl", "ccomp") and c.i > noun.i), None)
    if clause is not None and clause.left_edge.lower_ in ("that", "to"):
        span = _words(list(clause.subtree), para)
    else:
        span = _prep_object(noun, cue_nouns()[noun.lower_], para)
    speaker = speaker_of(owner, index)
    if span is None or speaker is None:
        return None
    return Quote(speaker=speaker, span=span, cue=noun.text, direct=False)


def subject_of(verb: Token) -> Token | None:
    """The subject of ``verb``, or of the verb it hangs from; ``None`` in the passive."""
    for _ in range(3):
        kids = list(verb.children)
        if any(c.dep_ in ("nsubjpass", "auxpass") for c in kids):
            return None
        subject = min((c for c in kids if c.dep_ == "nsubj"), key=lambda c: abs(c.i - verb.i), default=None)
        if subject is None and verb.pos_ == "NOUN":
            subject = next((c for c in kids if c.dep_ == "compound" and c.i < verb.i), None)
        if subject is not None:
            if subject.lower_ in _RELATIVE and verb.dep_ == "relcl":
                return verb.head
            return subject
        if verb.dep_ not in _INHERIT or verb.head.i == verb.i:  # a root is its own head
            return None
        reporting = verb.head.head if verb.dep_ == "conj" and verb.head.dep_ == "ccomp" else None
        if reporting is not None and verb.lower_ in verb_frames() and reporting.lower_ in verb_frames():
            verb = reporting  # "X reported that the work had resumed and also noted that ...": X noted it
            continue
        verb = verb.head
    return None


def speaker_of(subject: Token, index: MentionIndex, before: int | None = None) -> str | None:
    """The entity the subject names: its head word's, else the first in the phrase before ``before``
    and outside its clauses ("a spokesman for *the Kremlin*", not "delegates who backed *Trump*")."""
    found = index.at(subject.idx, subject.idx + len(subject.text))
    if found is not None:
        return found
    clauses = [c for c in subject.children if c.dep_ in ("relcl", "acl")]
    words = [t for t in subject.subtree if not any(_under(t, c) for c in clauses)
             and (before is None or subject.idx > before or t.idx < before)]
    if _is_title(subject) and any(t.dep_ == "prep" and t.head == subject for t in words):
        words.reverse()  # "President of Ukraine Volodymyr Zelenskyy": the holder named last, not the place
    for word in words:
        found = index.at(word.idx, word.idx + len(word.text))
        if found is not None:
            return found
    return None


def _is_title(head: Token) -> bool:
    """Whether a noun with the words compounded before it is a title ("President", "First Lady")."""
    before = [c.lower_ for c in head.children if c.dep_ == "compound" and c.i < head.i]
    return head.lower_ in titles() or " ".join([*before, head.lower_]) in titles()


def content_span(verb: Token, frame: Frame, para: Span) -> Span | None:
    """Where ``verb``'s content lies, by the first of its frame's kinds that it has."""
    kids: dict[str, Token] = {}
    for child in verb.children:
        if para[0] <= child.idx < para[1]:
            kids[child.dep_] = _nearest(verb, [c for c in (kids.get(child.dep_), child) if c is not None])
    if "ccomp" not in kids and "c" in frame.content:
        kids |= {"ccomp": c for c in verb.children if _bare_clause(verb, c)}
        if "dobj" in kids and "ccomp" not in kids:
            kids |= {"ccomp": c for c in kids["dobj"].subtree if _that_clause(c)}
    if "c" in frame.content and "ccomp" in kids:
        return _words(_own(kids["ccomp"]), para)
    aside = verb.dep_ == "parataxis" or (verb.dep_ == "advcl" and verb.head.pos_ in ("VERB", "AUX")
                                         and any(c.lower_ == "as" for c in verb.children))  # not "As long as X continues"
    if aside and "c" in frame.content:
        return _words([t for t in _own(verb.head) if not _under(t, verb)], para)
    if "x" in frame.content and "xcomp" in kids:
        first = kids.get("dobj") if "dobj" in kids and kids["dobj"].i < kids["xcomp"].i else kids["xcomp"]
        return _words(_between(first, kids["xcomp"]), para)
    if "n" in frame.content and (named := _naming(verb)):
        return _words(named, para)
    if "o" in frame.content and "dobj" in kids and kids["dobj"].pos_ != "PRON":
        return _words(list(kids["dobj"].subtree), para)
    return _prep_object(verb, frame.preps, para)


def _naming(verb: Token) -> list[Token]:
    """What a verb of naming names and calls it: "called *Trump a liar*", "called *the bridge "a disgrace"*"."""
    named = [c for c in verb.children if c.dep_ in ("dobj", "oprd") and c.i > verb.i]
    if len(named) >= 2 and named[-1].dep_ == "oprd":
        return _between(named[0], named[-1])
    if named and named[0].dep_ == "dobj" and any(t.text in _MARKS for t in named[0].subtree):
        return list(named[0].subtree)
    return []


def _nearest(verb: Token, tokens: list[Token]) -> Token | None:
    """The token nearest ``verb``, one after it first (a clause before it is often misattached)."""
    after = [t for t in tokens if t.i > verb.i]
    return min(after or tokens, key=lambda t: abs(t.i - verb.i), default=None)


def _bare_clause(verb: Token, child: Token) -> bool:
    """A clause with its own subject and no conjunction after a verb of saying, which the
    parser took for an adverbial ("The mayor said after the vote *she would not ...*")."""
    return (child.dep_ == "advcl" and child.i > verb.i and any(c.dep_ == "nsubj" for c in child.children)
            and not any(c.dep_ == "mark" for c in child.children))


def _that_clause(token: Token) -> bool:
    """A "that" clause the parser hung on the listener ("told a meeting of leaders *that ...*")."""
    return token.dep_ in ("relcl", "acl") and any(c.dep_ == "mark" and c.lower_ == "that" for c in token.children)


def _prep_object(head: Token, preps: frozenset[str], para: Span) -> Span | None:
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ in preps:
            obj = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)
            if obj is not None and obj.ent_type_ not in ("DATE", "TIME"):
                return _words(list(obj.subtree), para)
    return None


def _own(head: Token) -> list[Token]:
    """``head``'s subtree without the attributions it holds ("..., saying ...", "... and added ...");
    a wish or a plan joined to the clause is its content ("stressed that Ukraine will resist and
    does not intend to give up ...")."""
    frames = verb_frames()
    subtree = list(head.subtree)
    inner = [t for t in subtree if t is not head and t.dep_ in _NESTED and t.lower_ in frames
             and t.pos_ not in ("NOUN", "PROPN") and not (t.dep_ == "conj" and frames[t.lower_].kind == "want")]
    if not inner:
        return subtree
    return [t for t in subtree if not any(_under(t, v) for v in inner)]


def _under(token: Token, head: Token) -> bool:
    return head.left_edge.i <= token.i <= head.right_edge.i and (token.i == head.i or head in token.ancestors)


def _between(first: Token, last: Token) -> list[Token]:
    """The tokens from ``first``'s subtree to the end of ``last``'s."""
    return list(first.doc[first.left_edge.i:last.right_edge.i + 1])


def _words(tokens: list[Token], para: Span) -> Span | None:
    """The span of ``tokens`` inside the paragraph ``para``, without punctuation at either edge."""
    words = [t for t in tokens if para[0] <= t.idx < para[1] and (not t.is_punct or t.text in "%$")]
    if not words or not any(t.is_alpha or t.like_num for t in words):
        return None
    return words[0].idx, words[-1].idx + len(words[-1].text)


