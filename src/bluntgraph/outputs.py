"""``bluntgraph build``'s output folder: every file written, or none changed.

Each output is written into a hidden staging folder inside the output folder
(``.bluntgraph-staging-<pid>-…``); only when all of them succeeded, and every
target was checked, are they moved into place, one ``os.replace`` each, so a
failure never leaves a half-written file, and files of yours already in the
folder are left alone. A move that fails (or Ctrl-C or SIGTERM between two moves) puts
back the files already moved, so the folder never holds half of one build's
files and half of another's. A staging folder left by a killed build is removed by
the next build into the same folder. An output folder that is or lies inside
the corpus folder is refused (one holding it is fine: the outputs are files at
its top).

Two builds into one folder at the same time never mix their files: moving the
staged files into place holds an exclusive lock (``flock``) on the output
folder itself, so the second build waits for the first one's moves (a
fraction of a second) and its own set of files then replaces the first
one's whole. No lock file is left behind.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Literal

import networkx as nx

from ._atomic import give_usual_permissions, terminate_unwinds
from .checks import findings_document, format_markdown
from .errors import OutputError
from .export.bibtex import format_bibtex
from .export.tables import claims_frame, entities_frame, frame_csv, sources_frame
from .graph import graphml_ready
from .kg import KnowledgeGraph

__all__ = ["OUTPUTS", "STAGING_PREFIX", "write_outputs"]

Writer = Callable[[KnowledgeGraph, Path], None]


def _csv(frame_of: Callable[[KnowledgeGraph], object]) -> Writer:
    def write(kg: KnowledgeGraph, path: Path) -> None:
        with path.open("w", encoding="utf-8", newline="") as stream:
            stream.write(frame_csv(frame_of(kg)))  # type: ignore[arg-type]

    return write


def _bibtex(kg: KnowledgeGraph, path: Path) -> None:
    path.write_text(format_bibtex(kg.corpus.references), encoding="utf-8")


def _graphml(kg: KnowledgeGraph, path: Path) -> None:
    # lxml's writer always (a core dependency): networkx's default picks it only when
    # lxml is installed, and the other writer gives other bytes
    nx.write_graphml_lxml(graphml_ready(kg.graph), path, encoding="utf-8")


def _findings_json(kg: KnowledgeGraph, path: Path) -> None:
    text = json.dumps(findings_document(kg.findings), ensure_ascii=False, indent=2)
    path.write_text(text + "\n", encoding="utf-8")


def _findings_md(kg: KnowledgeGraph, path: Path) -> None:
    path.write_text(format_markdown(kg.findings, kg.corpus), encoding="utf-8")


def _graph_html(kg: KnowledgeGraph, path: Path) -> None:
    kg.to_html(path)


def _rdf(kg: KnowledgeGraph, path: Path) -> None:
    from .rdf import write_rdf  # one streaming writer at every size; the format by extension

    write_rdf(kg.corpus, path, findings=kg.findings)


#: (file name, writer) for every file ``bluntgraph build`` writes, in order
OUTPUTS: list[tuple[str, Writer]] = [
    ("claims.csv", _csv(lambda kg: claims_frame(kg.corpus))),
    ("entities.csv", _csv(lambda kg: entities_frame(kg.corpus))),
    ("sources.csv", _csv(lambda kg: sources_frame(kg.corpus))),
    ("references.bib", _bibtex),
    ("graph.graphml", _graphml),
    ("findings.json", _findings_json),
    ("findings.md", _findings_md),
    ("graph.html", _graph_html),
    ("graph.ttl", _rdf),
    ("graph.trig", _rdf),
    ("graph.jsonld", _rdf),
]


#: the hidden folder each build stages its files in, inside the output folder;
#: ``<prefix><pid>-<random>``, so a killed build's leftovers are recognised and removed
STAGING_PREFIX = ".bluntgraph-staging-"
_ACTIVE: set[Path] = set()


@contextlib.contextmanager
def _folder_lock(out_dir: Path) -> Iterator[None]:
    """Hold an exclusive lock on the output folder: other builds into it wait for it.

    The lock is taken on the folder itself (``flock`` on its descriptor), so
    no lock file is left in it. Where ``fcntl`` is missing (Windows) or the
    file system refuses the lock (some NFS set-ups), builds are not
    serialised; each one's files are still moved whole.
    """
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        yield
        return
    descriptor = os.open(out_dir, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        with contextlib.suppress(OSError):  # a file system without locks: no lock
            fcntl.flock(descriptor, fcntl.LOCK_EX)
        yield
    finally:
        os.close(descriptor)  # closing releases the lock


def _refuse_corpus_folder(kg: KnowledgeGraph, out_dir: Path) -> None:
    """Refuse an output folder that is or lies inside the corpus folder (links followed).

    A folder holding the corpus is fine (``build --corpus mine --out .``): a
    build writes only the files of ``OUTPUTS`` at its top, never into a sub-folder.
    """
    root = kg.corpus.root
    if root is None:
        return
    corpus, out = Path(root).resolve(), out_dir.resolve()
    if out == corpus:
        raise OutputError(
            f"refusing to write to {out_dir}: it is the corpus folder {root}, whose "
            "references.bib it would overwrite; choose an output folder apart from the corpus"
        )
    if out.is_relative_to(corpus):
        raise OutputError(
            f"refusing to write to {out_dir}: it lies inside the corpus folder {root}, "
            "where outputs would mix with the corpus's own files; choose an output folder "
            "apart from the corpus"
        )


def refuse_corpus_file(kg: KnowledgeGraph, target: Path) -> None:
    """Refuse an output file that is or lies inside the corpus folder (links followed).

    ``view -o corpus/sources.yaml`` would replace the corpus's own file with
    a page; like :func:`write_outputs` for a folder, the commands writing one
    file say so and write nothing.
    """
    root = kg.corpus.root
    if root is None:
        return
    corpus, out = Path(root).resolve(), target.resolve()
    if out == corpus or out.is_relative_to(corpus):
        raise OutputError(
            f"refusing to write to {target}: it lies inside the corpus folder {root}, whose "
            "files it could overwrite; choose a file outside the corpus"
        )


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, ValueError):
        return True
    return True


def _remove_stale_staging(out_dir: Path) -> None:
    """Remove staging folders left by builds that were killed (their process is gone)."""
    try:
        entries = list(out_dir.iterdir())
    except OSError:
        return
    for entry in entries:
        if not entry.name.startswith(STAGING_PREFIX) or entry in _ACTIVE:
            continue
        pid_text = entry.name[len(STAGING_PREFIX) :].partition("-")[0]
        if not pid_text.isdigit():
            continue
        pid = int(pid_text)
        if pid == os.getpid() or not _alive(pid):
            shutil.rmtree(entry, ignore_errors=True)


def _check_targets(out_dir: Path) -> None:
    """Fail before anything is moved if any target cannot be replaced by a file."""
    for name, _ in OUTPUTS:
        target = out_dir / name
        if target.is_dir() and not target.is_symlink():
            raise OutputError(
                f"cannot write {target}: a folder of that name is in the way "
                "(move or remove it); nothing was changed"
            )


def write_outputs(
    kg: KnowledgeGraph,
    out_dir: Path,
    progress: Callable[[str], None] | None = None,
) -> list[Path]:
    """Write every output of ``OUTPUTS`` into ``out_dir``; returns the paths written.

    All or nothing: the files are staged in a hidden folder inside ``out_dir``
    (so a mount point works) and moved into place only when every one was
    written and every target was checked. Refuses (:class:`OutputError`) an
    ``out_dir`` that is or lies inside the corpus folder. SIGTERM, like
    Ctrl-C, leaves no staging folder (see :func:`~bluntgraph._atomic.terminate_unwinds`).
    """
    with terminate_unwinds():
        return _write_outputs(kg, Path(out_dir), progress)


def _write_outputs(
    kg: KnowledgeGraph, out_dir: Path, progress: Callable[[str], None] | None
) -> list[Path]:
    _refuse_corpus_folder(kg, out_dir)
    made = [out_dir, *out_dir.parents]  # the folders this build makes, deepest first
    made = made[: next(i for i, p in enumerate(made) if os.path.lexists(p) or p == p.parent)]
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        _remove_stale_staging(out_dir)
        staging = Path(tempfile.mkdtemp(prefix=f"{STAGING_PREFIX}{os.getpid()}-", dir=out_dir))
    except OSError as exc:
        if out_dir.exists() and not out_dir.is_dir():
            raise OutputError(
                f"cannot write to {out_dir}: it is a file, not a folder; give a folder"
            ) from None
        raise OutputError(f"cannot write to {out_dir}: {exc.strerror}") from exc
    _ACTIVE.add(staging)
    try:
        for name, writer in OUTPUTS:
            if progress:
                progress(f"writing {name}")
            writer(kg, staging / name)
        for name, _ in OUTPUTS:
            give_usual_permissions(staging / name)
        with _folder_lock(out_dir):  # another build's moves never interleave with these
            _check_targets(out_dir)
            return _move_into_place(staging, out_dir)
    except OSError as exc:
        raise OutputError(f"cannot write to {out_dir}: {exc.strerror or exc}") from exc
    finally:
        shutil.rmtree(staging, ignore_errors=True)
        _ACTIVE.discard(staging)
        if sys.exc_info()[0] is not None:  # failed or interrupted: no empty folder left
            with contextlib.suppress(OSError):
                for folder in made:
                    folder.rmdir()


def _move_into_place(staging: Path, out_dir: Path) -> list[Path]:
    """Move the staged outputs into ``out_dir``; if one cannot be, put back those it replaced.

    Each file the move replaces is kept first (a hard link in the staging
    folder, or a copy), so a target that refuses to be replaced (a file of
    another owner in a sticky folder, an immutable one) or Ctrl-C between two
    moves leaves the previous build's set of files whole, not half old and
    half new.
    """
    moved: list[tuple[Path, Path | None]] = []  # (target, its previous file, if any)
    try:
        for name, _ in OUTPUTS:
            target = out_dir / name
            keep = staging / f"previous-{name}"
            previous = _keep(target, keep)
            try:
                os.replace(staging / name, target)
            except OSError as exc:
                raise OutputError(
                    f"cannot replace {target}: {exc.strerror or exc}; "
                    f"the files in {out_dir} were left as they were"
                ) from exc
            if previous != "unkept":
                moved.append((target, keep if previous == "kept" else None))
    except BaseException:
        for target, kept in reversed(moved):
            with contextlib.suppress(OSError):
                if kept is None:
                    target.unlink()
                else:
                    os.replace(kept, target)
        raise
    return [out_dir / name for name, _ in OUTPUTS]


def _keep(target: Path, keep: Path) -> Literal["absent", "kept", "unkept"]:
    """Keep ``target``'s file as ``keep`` before it is replaced: "kept", or "absent" if none.

    "unkept" if it exists but can be neither linked nor copied (unreadable):
    the move then goes ahead, but that one file cannot be put back.
    """
    if not os.path.lexists(target):
        return "absent"
    try:
        os.link(target, keep, follow_symlinks=False)
    except OSError:  # a file system without hard links, or a file that may not be linked
        try:
            shutil.copy2(target, keep, follow_symlinks=False)
        except OSError:
            return "unkept"
    return "kept"
