"""Checking many articles: in this process, or in worker processes that load
the models once each and send plain results back. The results come back in
the order of the jobs, whatever the number of workers, so every report is
byte-identical for any ``--jobs``.

A job is (article id, source, translation, options); a source or
translation is a path, or an ``Inline`` document from a manifest."""

from __future__ import annotations

import os
import sys
from collections import Counter
from dataclasses import dataclass
from typing import Callable, Iterable

from .errors import InputError


@dataclass(frozen=True)
class Inline:
    """A document given inside a manifest (a ninjs item), not as a file."""

    name: str  # where it was given, for messages: manifest:line
    text: str
    fmt: str = "ninjs"


@dataclass(frozen=True)
class Outcome:
    """What one job gives back: the result, or why its input was unusable,
    and what the worker's session noticed and loaded."""

    result: object  # ArticleResult
    unusable: str | None
    notices: tuple[str, ...]
    signatures: tuple[str, ...]


def _read(doc, input_format, art_id):
    from .readers import read_article, read_text_as

    if isinstance(doc, Inline):
        return read_text_as(doc.text, doc.fmt, art_id, doc.name)
    return read_article(doc, input_format, art_id)


def check_one(session, job, input_format, reference=None, single: bool = False) -> Outcome:
    """One job in ``session``. An input that cannot be read or whose language
    cannot be told is an entry in the report (``format.unreadable``) when the
    run has several jobs; alone, it is the run's error."""
    from .pipeline import check_article, unusable_result

    art_id, sp, tp, opts = job
    session.opts = opts
    before = len(session.notices)
    try:
        result = check_article(session, _read(sp, input_format, art_id), _read(tp, input_format, art_id), reference)
        reason = None
    except InputError as e:
        if single:
            raise
        reason = str(e)
        result = unusable_result(art_id, reason, opts.policy, source=str(getattr(tp, "name", tp)))
    sigs = tuple(sorted(session.model_signatures()))
    return Outcome(result, reason, tuple(session.notices[before:]), sigs)


# -- worker processes -----------------------------------------------------------------------------

_WORKER: dict = {}


def _init(opts, input_format, reference, threads: int) -> None:
    from .pipeline import Session

    # the CPUs shared out among the workers, before any model library is imported
    for var in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS"):
        os.environ.setdefault(var, str(threads))
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    _WORKER.update(session=Session(opts), input_format=input_format, reference=reference)


def _work(job) -> Outcome:
    w = _WORKER
    return check_one(w["session"], job, w["input_format"], w["reference"])


def run(jobs: list, session, input_format=None, reference=None, workers: int = 1,
        on_done: Callable[[int, Outcome], None] | None = None) -> Iterable[Outcome]:
    """Each job's outcome, in job order. ``workers`` > 1 checks them in that
    many processes (spawned, so a loaded model or a thread of this process
    is never forked); ``on_done`` is called as each one is ready."""
    if reference is not None:
        reference = _read(reference, input_format, "reference")
    single = len(jobs) == 1
    if workers <= 1 or single:
        for n, job in enumerate(jobs):
            out = check_one(session, job, input_format, reference, single)
            if on_done:
                on_done(n, out)
            yield out
        return
    import multiprocessing as mp

    ctx = mp.get_context("spawn")
    n = min(workers, len(jobs))
    threads = max(1, worker_count(0) // n)
    with ctx.Pool(n, initializer=_init, initargs=(session.opts, input_format, reference, threads)) as pool:
        # chunks of one: articles differ in length, and order is kept by imap
        for n, out in enumerate(pool.imap(_work, jobs, chunksize=1)):
            for msg in out.notices:  # the worker printed it; the report lists it once
                if msg not in session.notices:
                    session.notices.append(msg)
            session.extra_signatures.update(out.signatures)
            if on_done:
                on_done(n, out)
            yield out


def worker_count(value: int) -> int:
    """--jobs: 0 means one per CPU this process may use."""
    if value < 0:
        raise InputError(f"--jobs: {value} is not a number of processes (0 means one per CPU)")
    if value == 0:
        try:
            return len(os.sched_getaffinity(0))
        except AttributeError:  # not on Linux
            return os.cpu_count() or 1
    return value


class Progress:
    """A progress bar on stderr when stderr is a terminal; nothing otherwise
    (a CI log wants no control characters)."""

    def __init__(self, total: int, enabled: bool | None = None):
        self.total = total
        on = sys.stderr.isatty() if enabled is None else enabled
        self._bar = None
        if on and total > 1:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress as Bar, TextColumn, TimeRemainingColumn

            self._bar = Bar(TextColumn("checking"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                            TextColumn("{task.description}"), transient=True,
                            console=Console(stderr=True))
            self._task = self._bar.add_task("", total=total)
            self._bar.start()

    def done(self, n: int, out: Outcome) -> None:
        if self._bar is not None:
            self._bar.update(self._task, advance=1, description=str(out.result.id)[-40:])

    def close(self) -> None:
        if self._bar is not None:
            self._bar.stop()


class Tally:
    """What a run's end needs of its results, without keeping them: the
    verdicts, the rules that fired at minor or above, and the exit status."""

    def __init__(self) -> None:
        self.count = 0
        self.verdicts: Counter = Counter()
        self.rules: dict[str, Counter] = {}
        self.status = 0

    @classmethod
    def of(cls, results) -> "Tally":
        t = cls()
        for r in results:
            t.add(r)
        return t

    def add(self, r, fail_on=None) -> None:
        from .decide import exit_status

        self.count += 1
        self.verdicts[r.verdict.value] += 1
        for f in r.findings:
            if f.severity > 0 and not f.suppressed:
                self.rules.setdefault(f.rule, Counter())[f.severity.label] += 1
        self.status = max(self.status, exit_status([r], fail_on))

    def table(self) -> str:
        """The run in a few lines for the terminal: verdicts, then the rules
        that fired at minor or above, most frequent first."""
        lines = [f"mtcheck: {self.count} article(s): "
                 + ", ".join(f"{self.verdicts[v]} {v}" for v in ("block", "review", "pass") if self.verdicts[v])]
        if self.rules:
            width = max(len(k) for k in self.rules)
            lines.append(f"  {'rule':<{width}}  critical  major  minor")
            for rule, c in sorted(self.rules.items(), key=lambda kv: (-sum(kv[1].values()), kv[0])):
                lines.append(f"  {rule:<{width}}  {c['critical']:>8}  {c['major']:>5}  {c['minor']:>5}")
        return "\n".join(lines) + "\n"
