"""`add --replace --reanchor` takes the new text whatever the length of the lost claims' ids.

Before, the claims whose quote the new text lost were recognised by the entry of
validate's problem line ("claim '<id>'"), which shortens an id longer than 60
characters with '…': with such an id (most drafted ids of real articles) the
problem was not recognised as expected, and the whole add was undone ("nothing
was written").
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bluntgraph.cli import main

from .conftest import corpus_with_article

# long enough that its drafts' ids ('<id>-draft-0') are shortened in problem lines
_ID = "hay-fever-remedies-what-a-pharmacist-says-about-tablets-and-sprays-in-spring"
_TEXT = (
    "Hay fever remedies\n\n"
    "Antihistamine tablets can cause daytime drowsiness in about 20% of people.\n\n"
    "Steroid sprays relieve nasal congestion within a week.\n\n"
    "Eye drops may cause brief stinging when first used.\n"
)


@pytest.fixture
def curated(tmp_path: Path, stand_in: None) -> tuple[Path, Path]:
    root, article = corpus_with_article(tmp_path, _TEXT, file=f"{_ID}.txt")
    assert main(["review", "--corpus", str(root), "--accept-all"]) == 0
    return root, article


def _claims(root: Path) -> list[dict[str, object]]:
    data = yaml.safe_load((root / "claims" / f"{_ID}.yaml").read_text(encoding="utf-8"))
    return list(data["claims"])


def test_a_lost_claim_with_a_long_id_is_kept_to_mend_and_the_new_text_taken(
    curated: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    root, article = curated
    before = {str(c["id"]): c for c in _claims(root)}
    assert all(len(i) > 60 for i in before), before
    capsys.readouterr()
    article.write_text(_TEXT.replace("daytime", "morning"), encoding="utf-8")
    code = main(["add", str(article), "--corpus", str(root), "--id", _ID, "--replace",
                 "--reanchor"])  # fmt: skip
    out = capsys.readouterr()
    assert code == 1, out
    assert "nothing was written" not in out.err
    assert "morning drowsiness" in (root / "texts" / f"{_ID}.txt").read_text(encoding="utf-8")
    after = {str(c["id"]): c for c in _claims(root)}
    lost = [i for i, c in before.items() if "daytime" in str(c["quote"])]
    assert len(lost) == 1
    assert after[lost[0]] == before[lost[0]]  # kept as it was, for a person to mend
    assert "1 curated claim no longer matches the new text" in out.err


def test_two_lost_claims_whose_ids_share_their_first_60_characters_are_both_kept(
    curated: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    root, article = curated
    before = {str(c["id"]): c for c in _claims(root)}
    capsys.readouterr()
    article.write_text(_TEXT.replace("daytime", "morning").replace("brief", "mild"),
                       encoding="utf-8")
    code = main(["add", str(article), "--corpus", str(root), "--id", _ID, "--replace",
                 "--reanchor"])  # fmt: skip
    out = capsys.readouterr()
    assert code == 1, out
    assert "2 curated claims no longer match the new text" in out.err
    text = (root / "texts" / f"{_ID}.txt").read_text(encoding="utf-8")
    assert "morning drowsiness" in text and "mild stinging" in text
    after = {str(c["id"]): c for c in _claims(root)}
    assert all(after[i] == c for i, c in before.items())
