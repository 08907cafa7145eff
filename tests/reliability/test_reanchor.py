"""``reanchor`` changes the sha256 values and nothing else, atomically, with a backup."""

from __future__ import annotations

import hashlib

import pytest

from bluntgraph.cli import main
from tests.conftest import CorpusMaker

TEXT = "Statins can cause muscle pain. Caffeine delays sleep."


def sources_yaml(digest: str, style: str = "'") -> str:
    return (
        "# my sources, with comments that must survive\n"
        "name: statins\n"
        "sources:\n"
        "  - id: a          # keep this comment\n"
        "    title: 'the e-mail: see e, e and e'\n"
        "    publisher: Example Press\n"
        "    kind: consumer-health\n"
        "    text: texts/a.txt\n"
        f"    sha256: {style}{digest}{style}\n"
    )


@pytest.mark.parametrize("style", ["'", '"', ""])
def test_only_the_hash_changes(make_corpus: CorpusMaker, style: str) -> None:
    root = make_corpus(texts={"a": TEXT})
    before = sources_yaml("e", style)
    (root / "sources.yaml").write_text(before, encoding="utf-8")
    assert main(["reanchor", "--corpus", str(root)]) == 0
    after = (root / "sources.yaml").read_text(encoding="utf-8")
    new = hashlib.sha256(TEXT.encode()).hexdigest()
    assert after == sources_yaml(new, style)
    assert (root / "sources.yaml.bak").read_text(encoding="utf-8") == before
    assert not [p for p in root.iterdir() if p.name.endswith(".tmp")]


def test_failed_write_leaves_sources_untouched(
    make_corpus: CorpusMaker, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    root = make_corpus(texts={"a": TEXT})
    before = sources_yaml("e")
    (root / "sources.yaml").write_text(before, encoding="utf-8")
    real = os.replace

    def failing(src: object, dst: object) -> None:
        if str(dst).endswith("sources.yaml"):
            raise OSError(28, "No space left on device")
        real(src, dst)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "replace", failing)
    assert main(["reanchor", "--corpus", str(root)]) == 2
    assert (root / "sources.yaml").read_text(encoding="utf-8") == before


@pytest.mark.parametrize(
    "content, says",
    [(b"sources: [\xff\xfe]\n", "not UTF-8"), (b"sources: {a: 1}\n", "'sources:' list"),
     (b"- a\n- b\n", "'sources:' list"), (b"sources: [\n", "malformed YAML"),
     (b"[" * 5000 + b"]" * 5000, "")],
)  # fmt: skip
def test_unusual_sources_file_is_a_clean_refusal(
    make_corpus: CorpusMaker, capsys: pytest.CaptureFixture[str], content: bytes, says: str
) -> None:
    root = make_corpus(texts={"a": TEXT})
    (root / "sources.yaml").write_bytes(content)
    assert main(["reanchor", "--corpus", str(root)]) in (1, 2)
    err = capsys.readouterr().err
    assert "internal error" not in err and says in err
    assert (root / "sources.yaml").read_bytes() == content


def test_a_sources_file_not_in_utf8_is_told_as_validate_tells_it(
    make_corpus: CorpusMaker, capsys: pytest.CaptureFixture[str]
) -> None:
    """reanchor said 'not UTF-8 (byte 67) (save the file as UTF-8)' where validate says
    where, as an editor counts, and how to convert a Latin-1 file."""
    root = make_corpus(texts={"a": TEXT})
    content = sources_yaml("0" * 64).replace("Example Press", "Café Press").encode("latin-1")
    (root / "sources.yaml").write_bytes(content)
    assert main(["validate", "--corpus", str(root)]) == 1
    told = capsys.readouterr().err.splitlines()[0]
    assert told.startswith("sources.yaml: line 6, column 19 (byte 0xe9) is not UTF-8 (save it")
    assert main(["reanchor", "--corpus", str(root)]) == 1
    (line, summary) = capsys.readouterr().err.splitlines()
    assert line == f"bluntgraph: {told}" and "nothing was written" in summary
    assert (root / "sources.yaml").read_bytes() == content
