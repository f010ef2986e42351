"""Events from reports: reports of the same event become one event listing every report.

Two reports are of one event when they have the same type and the same signature
(the same sides: countries, or people for a domestic event, see ``keys.signature``),
they name the same people, and their dates agree: two days at most ``window_days``
apart (the same day where a date is just its document's), or a month (week) that
holds the day. Dates vaguer than a month, and undated reports, merge only within one
document. Reports merge only when their sentences name the same two people at least,
and only meetings, calls and visits merge at all: that keeps merged events right at
the cost of leaving some reports of one event apart. Each report joins at most one
event, so counts never double.
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_left, bisect_right, insort
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from .keys import MAX_MERGE_SPAN_DAYS
from .model import MergedEvent, Source

# Types whose reports are merged: a meeting, call or visit is told again and again (in a
# release's title and body, in several outlets). Other types (agreements, statements,
# support, sanctions...) are distinct acts, however alike they read: one visit brings
# several agreements between the same two people on the same day.
MERGED_TYPES = frozenset({"CONSULT"})
# Reports merge only when their sentences name the same two people: a country, a title
# or one person alone ("the President discussed...") says too little to tell two talks
# apart, and so does a meeting only planned, hoped for or held "several times".
MIN_SHARED_PEOPLE = 2


@dataclass(frozen=True, slots=True, kw_only=True)
class Report:
    """One event as one document reports it."""

    doc_id: str
    seq: int
    type: str
    signature: str
    persons: frozenset[str]  # the people its sentence names
    participants: tuple[str, ...]
    lo: date | None
    hi: date | None
    date: str | None
    cameo: str | None
    trigger: str | None
    topics: tuple[str, ...]
    source: Source

    @property
    def span_days(self) -> int:
        return (self.hi - self.lo).days if self.lo and self.hi else 10**6


_WORD = re.compile(r"\w+")


def named(persons: Iterable[str], text: str) -> frozenset[str]:
    """The person keys whose last name the sentence itself writes ("person:vladimir-putin"
    needs "Putin"): a title or a pronoun resolved to someone is not enough to merge on."""
    words = {w.lower() for w in _WORD.findall(text)}
    return frozenset(k for k in persons if k.rsplit("-", 1)[-1].split(":")[-1] in words)


def report_from(row: Mapping[str, Any], topics: tuple[str, ...] = ()) -> Report:
    """A report from a row of ``store.resolve_queries`` (event columns)."""
    lo, hi = row["date_lo"], row["date_hi"]
    evidence = None if row["evidence_start"] is None else (row["evidence_start"], row["evidence_end"])
    text = row["evidence_text"] or ""
    source = Source(doc_id=row["doc_id"], doc_date=row["doc_date"], title=row["title"],
                    evidence=evidence, evidence_text=text, event_id=row["local_id"])
    return Report(
        doc_id=row["doc_id"], seq=row["seq"], type=row["type"], signature=row["signature"],
        persons=named(row["persons"].split(), text), participants=tuple(row["participants"].split()),
        lo=date.fromisoformat(lo) if lo else None, hi=date.fromisoformat(hi) if hi else None,
        date=row["date"], cameo=row["cameo"], trigger=row["trigger"], topics=topics, source=source,
    )


def _order(r: Report) -> tuple[Any, ...]:
    return (r.lo is None, r.span_days, r.lo or date.max, r.doc_id, r.seq)


@dataclass(slots=True)
class _Cluster:
    anchor: Report
    reports: list[Report] = field(default_factory=list)
    persons: set[str] = field(default_factory=set)
    docs: set[str] = field(default_factory=set)

    def add(self, report: Report) -> None:
        self.reports.append(report)
        self.persons |= report.persons
        self.docs.add(report.doc_id)


def _people_agree(a: frozenset[str] | set[str], b: frozenset[str] | set[str]) -> bool:
    """Both reports name the same two people at least (the two sides of a meeting)."""
    return len(a & b) >= MIN_SHARED_PEOPLE


def _dates_agree(anchor: Report, report: Report, window_days: int, same_doc: bool) -> bool:
    if report.lo is None or anchor.lo is None:
        return same_doc and report.lo is None
    if anchor.span_days == 0 and report.span_days == 0:
        if not same_doc and (_dated_by_document(anchor) or _dated_by_document(report)):
            return report.lo == anchor.lo
        return abs((report.lo - anchor.lo).days) <= window_days
    if max(anchor.span_days, report.span_days) <= MAX_MERGE_SPAN_DAYS:
        return report.lo <= anchor.hi and anchor.lo <= report.hi  # type: ignore[operator]
    return same_doc and report.date == anchor.date


def _dated_by_document(report: Report) -> bool:
    """A date that is the document's own: often all a text says, so it tells apart
    neither a meeting from the next day's one nor a call from a later one."""
    return bool(report.date and report.source.doc_date
                and report.date[:10] == report.source.doc_date[:10])


def _accepts(cluster: _Cluster, report: Report, window_days: int) -> bool:
    same_doc = report.doc_id in cluster.docs
    if report.type not in MERGED_TYPES:
        return False
    return (_people_agree(cluster.persons, report.persons)
            and _dates_agree(cluster.anchor, report, window_days, same_doc))


def cluster(reports: Iterable[Report], *, window_days: int = 3) -> list[list[Report]]:
    """Reports grouped into events; each report in exactly one group."""
    groups: dict[tuple[str, str], list[Report]] = {}
    for report in reports:
        groups.setdefault((report.type, report.signature), []).append(report)
    out: list[list[Report]] = []
    for key in sorted(groups):
        out += _cluster_group(groups[key], window_days)
    return out


class _Clusters:
    """The clusters of one group, found by their anchor's first day (not by scanning all)."""

    def __init__(self, window_days: int) -> None:
        self.window = window_days
        self.all: list[_Cluster] = []
        self.by_day: list[tuple[int, int]] = []  # (anchor's first day, index in all)
        self.by_doc: dict[str, list[int]] = {}

    def home(self, report: Report) -> int | None:
        """The cluster that takes the report: the nearest day, else the most reported."""
        if report.type not in MERGED_TYPES:
            return None  # an event of its own: no need to look for company
        taking = [i for i in self._candidates(report) if _accepts(self.all[i], report, self.window)]
        return min(taking, key=lambda i: self._rank(i, report), default=None)

    def _rank(self, index: int, report: Report) -> tuple[int, int, int]:
        cluster = self.all[index]
        near = 0
        if report.span_days == 0 and cluster.anchor.lo is not None and report.lo is not None:
            near = abs((cluster.anchor.lo - report.lo).days)
        return (near, -len(cluster.reports), -index)

    def _candidates(self, report: Report) -> set[int]:
        found = set(self.by_doc.get(report.doc_id, ()))
        if report.lo is not None and report.hi is not None:
            reach = self.window + MAX_MERGE_SPAN_DAYS
            lo = bisect_left(self.by_day, (report.lo.toordinal() - reach, -1))
            hi = bisect_right(self.by_day, (report.hi.toordinal() + reach, len(self.all)))
            found.update(index for _, index in self.by_day[lo:hi])
        return found

    def add(self, report: Report) -> None:
        index = self.home(report)
        if index is None:
            index = len(self.all)
            self.all.append(_Cluster(anchor=report))
            if report.lo is not None:
                insort(self.by_day, (report.lo.toordinal(), index))
        home = self.all[index]
        if report.doc_id not in home.docs:
            self.by_doc.setdefault(report.doc_id, []).append(index)
        home.add(report)


def _cluster_group(reports: list[Report], window_days: int) -> list[list[Report]]:
    clusters = _Clusters(window_days)
    for report in sorted(reports, key=_order):
        clusters.add(report)
    return [c.reports for c in clusters.all]


def _ranked(values: Iterable[str]) -> tuple[str, ...]:
    counts = Counter(values)
    return tuple(v for v, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def event_id(anchor: Report) -> str:
    """A stable id: the group and the report the event is anchored on."""
    text = f"{anchor.type}|{anchor.signature}|{anchor.doc_id}|{anchor.seq}"
    return "M" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:15]


def merged(reports: list[Report], names: Mapping[str, str]) -> MergedEvent:
    """One merged event from its reports (the first is its anchor)."""
    anchor = reports[0]
    participants = _ranked(k for r in reports for k in r.participants)
    cameo = _ranked(r.cameo for r in reports if r.cameo)
    trigger = _ranked(r.trigger.lower() for r in reports if r.trigger)
    sources = sorted((r.source for r in reports), key=lambda s: (s.doc_date or "", s.doc_id))
    return MergedEvent(
        id=event_id(anchor), type=anchor.type, cameo=cameo[0] if cameo else None,
        date=anchor.date, participants=participants,
        participant_names=tuple(names.get(k, k) for k in participants),
        topics=_ranked(t for r in reports for t in r.topics), reports=tuple(sources),
        trigger=trigger[0] if trigger else None,
    )


def sort_key(event: MergedEvent) -> tuple[str, str]:
    return (event.date or "9999", event.id)
