"""What `civicgraph load` shows while it works and when it ends.

On a terminal: a Rich progress bar with the files done of the total, the facts stored so far,
the rate in files per second and the time left. Always: one summary line at the end, on stderr.
"""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text

from graph.facts import Batch
from graph.store import Store


class FactCounter:
    """The store, counting the facts (relationships other than MENTIONS) that upserts write.

    The load pipeline reports each file as it is read; what it writes goes through the store in
    groups, so counting here gives the facts actually stored, without changing the pipeline."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self.facts = 0

    def upsert(self, batch: Batch, replaces: list[str] = ()) -> None:  # type: ignore[assignment]
        self._store.upsert(batch, replaces)
        self.facts += sum(1 for rel in batch.rels if rel.get("type") != "MENTIONS")

    def __getattr__(self, name: str) -> Any:
        return getattr(self._store, name)


class _Rate(ProgressColumn):
    """Files per second, once there is a rate to show."""

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text("" if speed is None else f"{speed:.1f} files/s", style="progress.data.speed")


def load_progress(console: Console) -> Progress:
    """The bar `load` shows on a terminal: fields `facts` and `file` are updated per file."""
    return Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("files, {task.fields[facts]} facts"),
        _Rate(),
        TimeElapsedColumn(),
        TextColumn("left"),
        TimeRemainingColumn(),
        TextColumn("{task.fields[file]}", markup=False),
        console=console,
        transient=True,
    )


def load_summary_line(summary: Any, facts: int, seconds: float) -> str:
    """`loaded 5 of 5 documents (0 unchanged, 0 failed), 136 facts stored, in 1.2 s (4.2 documents/s)`."""
    seen = summary.read + len(summary.failed)
    rate = f", {seen / seconds:.1f} documents/s" if seconds > 0 and seen else ""
    bits = [f"{summary.unchanged} unchanged", f"{len(summary.failed)} failed"]
    if summary.skipped:
        bits.append(f"{len(summary.skipped)} skipped")
    if summary.replaced:
        bits.append(f"{summary.replaced} replaced")
    return (
        f"loaded {summary.loaded} of {seen} documents ({', '.join(bits)}), "
        f"{facts} facts stored, in {seconds:.1f} s{rate}"
    )
