"""Records for the store tests: one realistic record built by hand, and synthetic ones.

Also a writer for the crash test: ``write(db, count, batch)`` stores
``synthetic(0..count-1)`` in batches (run in a subprocess that gets killed).
"""

from __future__ import annotations

import sys
from pathlib import Path

from newsgraph.record import (
    Change, Claim, Entity, Event, Mention, Quantity, Quote, Record, Role, Time, document_id,
)

TEXT = (
    "Prime Minister of the Republic of Kazakhstan Alikhan Smailov met with the Chinese "
    "Ambassador to Kazakhstan Zhang Xiao in Astana. "
    "Last year trade between Kazakhstan and China rose by 34% to a record $24 billion. "
    "The parties aim to reach $35 billion by 2030. "
    "\"We value the \"strategic\" partnership with China,\" he said. "
    "Zhang Xiao noted that Chinese investment reached about $23.5 billion over the past 17 years."
)


def span(text: str, phrase: str, nth: int = 0) -> tuple[int, int]:
    """The span of the ``nth`` occurrence of ``phrase`` in ``text``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(phrase, start + 1)
    return (start, start + len(phrase))


def _inside(text: str, context: str, phrase: str) -> tuple[int, int]:
    start = text.index(context) + context.index(phrase)
    return (start, start + len(phrase))


def sentence(text: str, phrase: str) -> tuple[int, int]:
    """The span of the sentence containing ``phrase``."""
    at = text.index(phrase)
    start = text.rfind(". ", 0, at)
    start = 0 if start < 0 else start + 2
    end = text.find(". ", at)
    return (start, len(text) if end < 0 else end + 1)


def realistic() -> Record:
    """A record with every item kind, spans checked against the text."""
    t = TEXT
    entities = (
        Entity(id="E1", key="person:alikhan-smailov", type="PERSON", name="Alikhan Smailov",
               country="KZ",
               roles=(Role(title="Prime Minister", of="KZ", span=span(t, "Prime Minister")),),
               mentions=(Mention(span=span(t, "Alikhan Smailov")),
                         Mention(span=span(t, "Prime Minister"), kind="title"),
                         Mention(span=_inside(t, " he said", "he"), kind="pronoun"))),
        Entity(id="E2", key="person:zhang-xiao", type="PERSON", name="Zhang Xiao", country="CN",
               roles=(Role(title="Ambassador", of="CN", to="KZ", span=span(t, "Ambassador")),
                      Role(title="Envoy", of="CN")),
               mentions=(Mention(span=span(t, "Zhang Xiao")),
                         Mention(span=span(t, "Zhang Xiao", 1)))),
        Entity(id="E3", key="country:KZ", type="COUNTRY", name="Kazakhstan",
               mentions=(Mention(span=span(t, "Kazakhstan")),
                         Mention(span=span(t, "Kazakhstan", 1)))),
        Entity(id="E4", key="country:CN", type="COUNTRY", name="China",
               mentions=(Mention(span=span(t, "Chinese"), kind="demonym"),
                         Mention(span=span(t, "China")))),
        Entity(id="E5", key="location:astana", type="LOCATION", name="Astana", country="KZ",
               mentions=(Mention(span=span(t, "Astana")),)),
    )
    times = (
        Time(span=span(t, "Last year"), text="Last year", type="DATE", value="2022"),
        Time(span=span(t, "by 2030"), text="by 2030", type="DATE", value="2030"),
        Time(span=span(t, "the past 17 years"), text="the past 17 years", type="DURATION",
             value="P17Y"),
        Time(span=span(t, "Astana"), text="Astana", type="SET", value=None),
    )
    quantities = (
        Quantity(span=span(t, "34%"), text="34%", value=34.0, unit="percent"),
        Quantity(span=span(t, "a record $24 billion"), text="a record $24 billion",
                 value=24e9, unit="USD"),
        Quantity(span=span(t, "$35 billion"), text="$35 billion", value=35e9, unit="USD"),
        Quantity(span=span(t, "about $23.5 billion"), text="about $23.5 billion",
                 value=23.5e9, unit="USD", approx=True, high=24e9),
    )
    claims = (
        Claim(id="C1", indicator="trade turnover", subject=("country:CN", "country:KZ"),
              value=24e9, unit="USD", period="2022", kind="actual",
              change=Change(value=34.0, unit="percent", direction="up",
                            basis="previous period"),
              qualifiers=("record",), evidence=sentence(t, "rose by 34%"),
              span=span(t, "a record $24 billion")),
        Claim(id="C2", indicator="trade turnover", subject=("country:CN", "country:KZ"),
              value=35e9, unit="USD", period="2030", kind="target",
              evidence=sentence(t, "$35 billion"), span=span(t, "$35 billion")),
        Claim(id="C3", indicator="investment", subject=("country:CN",), value=23.5e9,
              unit="USD", period="P17Y", kind="cumulative", speaker="E2", approx=True,
              change=Change(value=None, unit=None, direction=None),
              evidence=sentence(t, "Chinese investment")),
    )
    events = (
        Event(id="V1", type="CONSULT", cameo="040", actors=("E1",), targets=("E2",),
              date="2023-09-01", place="E5", topics=("trade", "investment"),
              evidence=sentence(t, "met with"), trigger="met"),
        Event(id="V2", type="STATEMENT", cameo=None, actors=("E2",), date=None),
    )
    quotes = (
        Quote(speaker="E1", span=span(t, "\"We value the \"strategic\" partnership with China,\""),
              cue="said", direct=True),
        Quote(speaker=None, span=sentence(t, "Chinese investment"), cue="noted", direct=False),
    )
    return Record(id=document_id(t, "2023-09-01"), text=t, date="2023-09-01",
                  title="Alikhan Smailov meets with Ambassador of China", source="primeminister.kz",
                  url="https://primeminister.kz/en/news/1", entities=entities, times=times,
                  quantities=quantities, claims=claims, events=events, quotes=quotes)


_COUNTRIES = (("KZ", "Kazakhstan"), ("CN", "China"), ("UZ", "Uzbekistan"), ("RU", "Russia"))


def synthetic(i: int) -> Record:
    """A small, deterministic record number ``i`` (every item kind, spans valid)."""
    code_a, name_a = _COUNTRIES[i % 4]
    code_b, name_b = _COUNTRIES[(i + 1) % 4]
    date = f"20{10 + i % 14:02d}-{1 + i % 12:02d}-{1 + i % 28:02d}"
    text = (f"Report {i}: {name_a} and {name_b} signed agreement number {i}. "
            f"Trade between them reached {i + 1} million dollars in {date[:4]}.")
    figure = f"{i + 1} million dollars"
    a = Entity(id="E1", key=f"country:{code_a}", type="COUNTRY", name=name_a,
               mentions=(Mention(span=span(text, name_a)),))
    b = Entity(id="E2", key=f"country:{code_b}", type="COUNTRY", name=name_b,
               mentions=(Mention(span=span(text, name_b)),))
    evidence = sentence(text, "Trade between")
    return Record(
        id=document_id(text, date), text=text, date=date, title=f"Report {i}", source="synthetic",
        entities=(a, b),
        times=(Time(span=(text.rindex(date[:4]), text.rindex(date[:4]) + 4),
                    text=date[:4], type="DATE", value=date[:4]),),
        quantities=(Quantity(span=span(text, figure), text=figure, value=(i + 1) * 1e6,
                             unit="USD"),),
        claims=(Claim(id="C1", indicator="trade turnover", subject=tuple(sorted((a.key, b.key))),
                      value=(i + 1) * 1e6, unit="USD", period=date[:4], kind="actual",
                      evidence=evidence, span=span(text, figure)),),
        events=(Event(id="V1", type="AGREE", cameo="057", actors=("E1",), targets=("E2",),
                      date=date, topics=("trade",), evidence=sentence(text, "signed")),),
        quotes=(Quote(speaker="E1", span=sentence(text, "signed"), cue=None, direct=False),),
    )


def write(db: str, count: int, batch: int) -> None:
    """Store synthetic(0..count-1) in batches (the crash test's writer)."""
    from newsgraph.store import Store

    with Store.open(db, timeout=30) as store:
        for first in range(0, count, batch):
            store.add([synthetic(i) for i in range(first, min(first + batch, count))])


if __name__ == "__main__":
    write(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]))
    print("done", Path(sys.argv[1]).name)
