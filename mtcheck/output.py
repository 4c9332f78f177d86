"""Writing reports: each format's writer fed as the results come, then
every file written atomically (a temporary file in the same folder, fsync,
rename over the target only once all of them are complete), so that a
crash, a bad input or Ctrl-C never leaves a half-written report."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Iterable


def _mode(path: Path) -> int:
    """What a plain ``open(path, "w")`` would give: the file's own mode if it
    exists, else 0666 less the umask (a temporary file is 0600)."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask


def write_atomic(path: str | os.PathLike, data: str | Iterable[str]) -> None:
    write_all([(Path(path), [data] if isinstance(data, str) else data)])


def write_all(files: list[tuple[Path, Iterable[str]]]) -> None:
    """Each (path, pieces) written to a temporary file beside it; then all
    renamed into place, or none if any failed."""
    done: list[tuple[str, Path]] = []
    try:
        for path, pieces in files:
            path = Path(path)
            path.parent.mkdir(parents=True, exist_ok=True)
            mode = _mode(path)
            fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
            done.append((tmp, path))
            os.fchmod(fd, mode)
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
                for piece in pieces:
                    fh.write(piece)
                fh.flush()
                os.fsync(fh.fileno())
        for tmp, path in done:
            os.replace(tmp, path)
    except BaseException:
        for tmp, _ in done:
            try:
                os.unlink(tmp)
            except OSError:
                pass
        raise


DEFAULT_FORMATS = ("html", "md", "json")


def targets(formats: list[str], output: Path | None, out_dir: Path, name: str) -> list[tuple[str, Path | None]]:
    """Where each format goes: ``output`` for the one format (None: stdout
    for '-'), else ``out_dir/name.ext``, GitHub workflow commands to stdout."""
    from .errors import InputError
    from .render import extension

    if output is not None and len(formats) != 1:
        raise InputError("--output takes exactly one --format")
    if output is not None:
        return [(formats[0], None if str(output) == "-" else output)]
    return [(fmt, None if fmt == "github" else out_dir / f"{name}{extension(fmt)}") for fmt in formats]


class Reports:
    """The reports of one run: one writer per format, fed each result as it
    comes (``add``), written when the run ends (``finish``). ``output`` is one
    file for the one format ('-': stdout); else each format goes to
    ``out_dir/name.ext`` (GitHub workflow commands to stdout, and the
    Markdown report to $GITHUB_STEP_SUMMARY when that is set)."""

    def __init__(self, formats: list[str], output: Path | None, out_dir: Path, name: str, mode: str,
                 fail_on=None) -> None:
        from .render import writer

        self._targets = targets(formats, output, out_dir, name)
        self._writers = {fmt: writer(fmt, mode, fail_on) for fmt in formats}
        self._fed = list(self._writers.values())
        self._summary = None
        if "github" in formats and os.environ.get("GITHUB_STEP_SUMMARY"):  # GitHub shows it on the job's page
            self._summary = self._writers.get("md")
            if self._summary is None:
                self._summary = writer("md", mode, fail_on)
                self._fed.append(self._summary)

    def add(self, result) -> None:
        for w in self._fed:
            w.add(result)

    def finish(self, meta) -> list[Path]:
        """Write every report; the files written."""
        import sys

        from .errors import InputError

        files = [(dest, self._writers[fmt].finish(meta)) for fmt, dest in self._targets if dest is not None]
        write_all(files)
        for fmt, dest in self._targets:
            if dest is None:
                for piece in self._writers[fmt].finish(meta):
                    sys.stdout.write(piece)
        if self._summary is not None:
            try:
                with open(os.environ["GITHUB_STEP_SUMMARY"], "a", encoding="utf-8") as fh:
                    for piece in self._summary.finish(meta):
                        fh.write(piece)
            except OSError as e:
                raise InputError(f"GITHUB_STEP_SUMMARY: cannot write ({e.strerror})") from None
        return [dest for dest, _ in files]

    def close(self) -> None:
        for w in self._fed:
            w.close()
