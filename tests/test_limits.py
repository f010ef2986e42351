"""Per-document limits: a slow document is reported and skipped, an over-long text refused, the batch goes on."""

from __future__ import annotations

import signal
import threading
import time

import pytest

from newsgraph.errors import ExtractionError
from newsgraph.extract import registry
from newsgraph.extract.registry import register
from newsgraph.limits import TimeLimitExceeded, can_limit_time, time_limit, too_long
from newsgraph.pipeline import Pipeline
from newsgraph.record import Article, Record, document_id

SLOW = "XYZZY-SLOW"
BRIEFLY_SLOW = "BRIEFLY-SLOW-MARKER"
needs_timer = pytest.mark.skipif(not hasattr(signal, "setitimer"), reason="needs signal.setitimer (POSIX)")


def spin(seconds: float) -> None:
    """Busy Python work (not a sleep) for ``seconds``."""
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        sum(range(100))


def article(text: str, origin: str | None = None) -> Article:
    return Article(id=document_id(text, None), text=text, origin=origin)


# --- the mechanism ----------------------------------------------------------------------------

@needs_timer
def test_time_limit_interrupts_busy_code_and_cleans_up():
    before = signal.getsignal(signal.SIGALRM)
    started = time.perf_counter()
    with pytest.raises(TimeLimitExceeded, match="took longer than 0.2 s"):
        with time_limit(0.2):
            spin(5)
    assert 0.15 < time.perf_counter() - started < 1.5
    assert signal.getsignal(signal.SIGALRM) is before
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


@needs_timer
def test_time_limit_interrupts_sleep_and_is_not_swallowed_by_except_exception():
    with pytest.raises(TimeLimitExceeded):
        with time_limit(0.1):
            try:
                time.sleep(5)
            except Exception:  # noqa: BLE001 - what a careless extractor might do
                pytest.fail("TimeLimitExceeded must not be an Exception")


@needs_timer
def test_an_alarm_lost_by_the_body_is_caught_by_the_next_check():
    # Python drops an exception raised inside a gc callback or __del__ (it only prints it);
    # a body that catches the first TimeLimitExceeded stands in for that here.
    swallowed = 0
    with pytest.raises(TimeLimitExceeded):
        with time_limit(0.1) as deadline:
            try:
                spin(5)
            except TimeLimitExceeded:
                swallowed += 1
            deadline.check()
    assert swallowed == 1
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def test_deadline_checks():
    with time_limit(0) as unlimited:
        unlimited.check()
        assert not unlimited.expired()
    with time_limit(30) as deadline:
        deadline.check()
        assert not deadline.expired()


@needs_timer
def test_fast_body_is_untouched_and_no_late_alarm_fires():
    with time_limit(0.05):
        value = sum(range(1000))
    spin(0.15)  # a stray alarm would raise here
    assert value == 499500


def test_zero_disables_the_limit():
    with time_limit(0):
        if hasattr(signal, "getitimer"):
            assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
        spin(0.05)


def test_off_the_main_thread_only_the_checks_bound_the_time():
    outcome: list[object] = []

    def work() -> None:
        outcome.append(can_limit_time())
        with time_limit(0.05) as deadline:
            spin(0.2)  # no timer: not interrupted ...
            outcome.append("done")
            deadline.check()  # ... but the check bites
        outcome.append("not reached")

    def guarded() -> None:
        try:
            work()
        except TimeLimitExceeded as exc:
            outcome.append(str(exc))

    thread = threading.Thread(target=guarded)
    thread.start()
    thread.join(10)
    assert outcome == [False, "done", "took longer than 0.05 s"]


@needs_timer
def test_a_timer_someone_else_armed_is_left_alone():
    fired: list[int] = []
    previous = signal.signal(signal.SIGALRM, lambda *_: fired.append(1))
    try:
        signal.setitimer(signal.ITIMER_REAL, 0.3)
        assert not can_limit_time()
        with time_limit(0.05):
            spin(0.1)  # not interrupted: the other timer is running
        time.sleep(0.4)
        assert fired == [1]
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def test_too_long_message():
    assert too_long("a.txt", 10, 0) is None and too_long("a.txt", 10, 10) is None
    error = too_long("a.txt", 1_234_567, 1_000_000)
    assert error.line() == "a.txt: text is 1,234,567 characters, over the 1,000,000 limit (--max-chars)"


# --- in the pipeline --------------------------------------------------------------------------

@pytest.fixture
def slow_extractor(pipeline):
    """A registered extractor that spins for 30 s on a text containing SLOW (1 s with BRIEFLY_SLOW);
    removed afterwards."""

    @register("slow", requires=["article", "entities"], provides=["slow"])
    def run(ctx):
        if BRIEFLY_SLOW in ctx.article.text:
            spin(1)
        elif SLOW in ctx.article.text:
            spin(30)
        return {"slow": ()}

    yield "slow"
    registry._REGISTRY.pop("slow", None)


@needs_timer
def test_slow_document_is_reported_and_the_batch_goes_on(slow_extractor, pipeline):
    texts = ["Kazakhstan and China met in Astana.", f"This one hangs: {SLOW}.", "Russia and India traded."]
    steps = Pipeline(nlp=pipeline.nlp, time_limit=0.5)
    started = time.perf_counter()
    outcomes = list(steps.run(article(t, f"b.jsonl:line {i + 1}") for i, t in enumerate(texts)))
    assert time.perf_counter() - started < 10
    assert [type(o) for o in outcomes] == [Record, ExtractionError, Record]
    assert outcomes[1].line() == "b.jsonl:line 2: took longer than 0.5 s (the per-document time limit, --time-limit)"
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def test_off_the_main_thread_a_slow_document_stops_at_the_next_step(slow_extractor, pipeline):
    # Dask and server workers run the pipeline in threads, where no timer can be armed:
    # the slow step runs to its end, then the check between steps reports the document.
    texts = [f"This one is slow: {BRIEFLY_SLOW}.", "Russia and India traded."]
    steps = Pipeline(nlp=pipeline.nlp, time_limit=0.5)
    outcomes: list[object] = []
    thread = threading.Thread(target=lambda: outcomes.extend(
        steps.run(article(t, f"w{i}.txt") for i, t in enumerate(texts))))
    thread.start()
    thread.join(60)
    assert [type(o) for o in outcomes] == [ExtractionError, Record]
    assert outcomes[0].line() == "w0.txt: took longer than 0.5 s (the per-document time limit, --time-limit)"


class _HangingNlp:
    """A stand-in for spaCy that hangs on one text (in a batch or alone)."""

    def __init__(self, real):
        self.real = real

    def pipe(self, texts):
        for text in texts:
            yield self(text)

    def __call__(self, text):
        if SLOW in text:
            spin(30)
        return self.real(text)


@needs_timer
def test_a_hanging_parse_is_reported_for_its_document_only(pipeline):
    texts = ["China and Kazakhstan.", f"Bad {SLOW}.", "Russia and India."]
    steps = Pipeline(nlp=_HangingNlp(pipeline.nlp), time_limit=0.3)
    started = time.perf_counter()
    outcomes = list(steps.run(article(t, f"f{i}.txt") for i, t in enumerate(texts)))
    assert time.perf_counter() - started < 10  # the batch's 0.9 s, then 0.3 s alone
    assert [type(o) for o in outcomes] == [Record, ExtractionError, Record]
    assert outcomes[1].line().startswith("f1.txt: took longer than 0.3 s")


def test_over_long_text_is_refused_before_parsing(pipeline):
    texts = ["China and Kazakhstan.", "word " * 50, "Russia and India."]
    outcomes = list(Pipeline(nlp=pipeline.nlp, max_chars=100).run(article(t, f"g{i}.txt") for i, t in enumerate(texts)))
    assert [type(o) for o in outcomes] == [Record, ExtractionError, Record]
    assert outcomes[1].line() == "g1.txt: text is 250 characters, over the 100 limit (--max-chars)"
    unlimited = list(Pipeline(nlp=pipeline.nlp, max_chars=0).run([article("word " * 50)]))
    assert isinstance(unlimited[0], Record)


def test_defaults_are_on(pipeline):
    assert pipeline.time_limit == 60 and pipeline.max_chars == 1_000_000
