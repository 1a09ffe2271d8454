"""A bounded pool of worker processes that yields results as they finish.

Why not `ProcessPoolExecutor.map`: it submits every item at once (a 100,000-file load held every
path's future, and every finished extraction queued behind the writer), and it yields in input
order, so one slow document held back all the finished ones behind it. Here at most `window`
items are in flight; results come back in the order they finish; each worker process runs
`initializer` once (the extractor's registry, and its language model once it has one, are loaded
once per process, never per document).

A worker that dies (out of memory, a crash in a parser library) breaks the pool: the items that
were in flight are then run again one at a time, each in a pool of its own, so the item that
kills its process is reported as failed and the others go on; the rest of the items get a new
pool.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

__all__ = ["WorkerDied", "imap_unordered"]


class WorkerDied(RuntimeError):
    """The process running an item died (the item is reported with this as its outcome)."""


def imap_unordered(
    fn: Callable[[T], R],
    items: Iterable[T],
    *,
    workers: int,
    window: int | None = None,
    initializer: Callable[..., Any] | None = None,
    initargs: tuple[Any, ...] = (),
) -> Iterator[tuple[T, R | WorkerDied]]:
    """(item, fn(item)) for every item, as they finish, with at most `window` in flight
    (default 4 per worker). An item whose process died gives a WorkerDied instead of a result."""
    window = max(1, window or 4 * workers)
    source = iter(items)
    while True:
        broken: list[T] = []
        with ProcessPoolExecutor(max_workers=workers, initializer=initializer, initargs=initargs) as pool:
            running: dict[Future, T] = {}
            exhausted = False
            while True:
                while not exhausted and len(running) < window:
                    try:
                        item = next(source)
                    except StopIteration:
                        exhausted = True
                        break
                    try:
                        running[pool.submit(fn, item)] = item
                    except BrokenProcessPool:
                        broken.append(item)
                        break
                if broken or not running:
                    break
                done, _ = wait(running, return_when=FIRST_COMPLETED)
                for future in done:
                    item = running.pop(future)
                    try:
                        yield item, future.result()
                    except BrokenProcessPool:
                        broken.append(item)
                if broken:
                    break
            if broken:
                broken += list(running.values())
                for future in running:
                    future.cancel()
        if not broken:
            return
        for item in broken:  # one at a time, each alone: the one that kills its process is known
            yield item, _alone(fn, item, initializer, initargs)


def _alone(
    fn: Callable[[T], R], item: T, initializer: Callable[..., Any] | None, initargs: tuple
) -> R | WorkerDied:
    with ProcessPoolExecutor(max_workers=1, initializer=initializer, initargs=initargs) as pool:
        try:
            return pool.submit(fn, item).result()
        except BrokenProcessPool:
            return WorkerDied(
                "the process extracting it died (out of memory, or a crash in a parser library)"
            )
