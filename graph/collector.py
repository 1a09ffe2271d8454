"""Python's cyclic garbage collector paused while large answers are read and hashed.

A page of an answer is millions of small lists, dicts and strings, none of them in a reference
cycle; while they live, every few thousand new objects set off a collection, and the full ones
walk everything alive. Reading and hashing the whole graph (the fingerprint at 10,000 documents)
spent more time in those collections than in the work itself (BENCHMARKS.md). Reference counting
still frees everything as it goes; only cycle detection waits until the block ends.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def paused() -> Iterator[None]:
    """The collector off for the block (left as it was when it was already off)."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
