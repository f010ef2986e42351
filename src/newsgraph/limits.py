"""Limits on one document's extraction: how long it may take and how long its text may be.

``time_limit(seconds)`` arms a real-time timer (``signal.setitimer``) whose
handler raises :class:`TimeLimitExceeded` in the code that is running, and
yields a :class:`Deadline` whose ``check()`` raises the same once the time is
up. The timer only works in the main thread of a POSIX process, and is not
armed when one is already running (someone else's ``SIGALRM`` is left alone);
elsewhere (Dask and server worker threads, Windows) only the checks bound the
time: the pipeline checks between a batch's documents and between extractors,
so a document stops at the next step after its limit. The exception derives from
``BaseException`` so that the ``except Exception`` of an extractor or a
third-party parser cannot swallow it; the pipeline turns it into an
:class:`~newsgraph.errors.ExtractionError`.

The handler's exception can also be lost where Python cannot pass it on (the
alarm comes while a garbage-collector callback or a ``__del__`` runs, which only
print it); the checks catch that case too, at the next step.

A signal is seen between Python bytecodes, so a single long call into C
(a regular expression, one spaCy component) finishes before the limit bites;
``max_chars`` bounds those.
"""

from __future__ import annotations

import math
import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import count
from typing import Any

from .errors import ExtractionError

#: default seconds one document may take (0 disables the limit)
DEFAULT_TIME_LIMIT = 60.0
#: default longest text extracted, in characters (spaCy's own default max_length)
DEFAULT_MAX_CHARS = 1_000_000

_tokens = count(1)
_armed: list[int] = [0]  # the token of the timer running now; 0 when none


class TimeLimitExceeded(BaseException):
    """Raised inside the code that runs past its ``time_limit``."""

    def __init__(self, seconds: float) -> None:
        super().__init__(f"took longer than {seconds:g} s")
        self.seconds = seconds


@dataclass(frozen=True, slots=True)
class Deadline:
    """When a ``time_limit`` body must have ended; ``check()`` between steps enforces it."""

    seconds: float
    ends: float = math.inf  # time.monotonic() value; inf: no limit

    def expired(self) -> bool:
        return time.monotonic() >= self.ends

    def check(self) -> None:
        """Raise :class:`TimeLimitExceeded` once the time is up."""
        if self.expired():
            raise TimeLimitExceeded(self.seconds)


def can_limit_time() -> bool:
    """Whether ``time_limit`` arms a timer here (main thread, POSIX, no timer already running)."""
    return (hasattr(signal, "setitimer")
            and threading.current_thread() is threading.main_thread()
            and signal.getitimer(signal.ITIMER_REAL)[0] == 0)


@contextmanager
def time_limit(seconds: float) -> Iterator[Deadline]:
    """Raise :class:`TimeLimitExceeded` in the body once it has run ``seconds``; 0 or less: no limit.

    Yields the :class:`Deadline` for the body's own checks (the only bound where no timer is armed)."""
    if seconds <= 0:
        yield Deadline(seconds)
        return
    deadline = Deadline(seconds, time.monotonic() + seconds)
    if not can_limit_time():
        yield deadline
        return
    token = next(_tokens)
    previous = signal.signal(signal.SIGALRM, _handler(token, seconds))
    _armed[0] = token
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield deadline
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        _armed[0] = 0
        signal.signal(signal.SIGALRM, previous)


def _handler(token: int, seconds: float) -> Any:
    def on_alarm(signum: int, frame: Any) -> None:
        if _armed[0] == token:  # a late signal from a timer already disarmed is ignored
            _armed[0] = 0
            raise TimeLimitExceeded(seconds)

    return on_alarm


def too_slow(where: str, seconds: float) -> ExtractionError:
    """The error of a document that ran past the time limit."""
    return ExtractionError(f"took longer than {seconds:g} s (the per-document time limit, --time-limit)",
                           where=where)


def too_long(where: str, size: int, max_chars: int) -> ExtractionError | None:
    """The error of a text over ``max_chars`` characters; None when it fits (or 0 disables the check)."""
    if max_chars <= 0 or size <= max_chars:
        return None
    return ExtractionError(f"text is {size:,} characters, over the {max_chars:,} limit (--max-chars)",
                           where=where)
