"""A plain text's superscript footnote numbers cite its list; a title that asks is read.

Found by adding a text of my own (iron deficiency in pregnancy), copied from a
page that marks its sources with superscript digits ("in the UK.¹"): the
digits stayed glued to the sentence, so no claim cited entry 1 or 2; an entry
whose title ends with a question mark ("… How much and how often? Mol
Aspects Med. 2020;75:100865.") took the journal into its title and lost its
volume and pages; and the page's "Was this page helpful? Yes / No" was text.
"""

from __future__ import annotations

from pathlib import Path

from bluntgraph import load_corpus, validate_corpus
from bluntgraph.ingest import read_article
from tests.ingest.conftest import corpus_with_article

_TEXT = """\
Iron deficiency in pregnancy: what you need to know

Written by Sarah Mensah, midwife | Last reviewed: 12 March 2024

Iron deficiency anaemia affects about 1 in 4 pregnant women in the UK.¹ Severe anaemia \
increases the risk of premature birth and low birth weight.² A BMI over 30 kg/m² and \
a count of 10⁹ cells are figures, not markers.

Taking iron every other day may cause fewer side effects than daily doses.³

References
1. National Institute for Health and Care Excellence (NICE). Anaemia – iron deficiency: \
Clinical Knowledge Summary. 2021. https://cks.nice.org.uk/topics/anaemia-iron-deficiency/
2. Rahman MM, Abe SK, Rahman MS, et al. Maternal anemia and risk of adverse birth and health \
outcomes in low- and middle-income countries: systematic review and meta-analysis. \
Am J Clin Nutr. 2016;103(2):495-504.
3. Stoffel NU, von Siebenthal HK, Moretti D, Zimmermann MB. Oral iron supplementation in \
iron-deficient women: How much and how often? Mol Aspects Med. 2020;75:100865.

Was this page helpful? Yes / No
"""


def test_superscript_numbers_are_markers(tmp_path: Path) -> None:
    path = tmp_path / "iron.txt"
    path.write_text(_TEXT, encoding="utf-8")
    text = read_article(path).text
    assert "in the UK.[1] Severe anaemia" in text and "low birth weight.[2]" in text
    assert "30 kg/m² and a count of 10⁹ cells" in text  # an exponent stays
    assert "helpful" not in text


def test_the_claims_cite_the_entries_the_numbers_give(tmp_path: Path) -> None:
    root, _ = corpus_with_article(tmp_path, _TEXT, file="iron.txt")
    assert validate_corpus(root) == []
    corpus = load_corpus(root, include_drafts=True)
    works = {r.key: r for r in corpus.references}
    stoffel = works["stoffel2020"]
    assert (stoffel.title, stoffel.get("journal"), stoffel.get("volume"), stoffel.get("pages")) \
        == ("Oral iron supplementation in iron-deficient women: How much and how often?",
            "Mol Aspects Med", "75", "100865")
    cited = {c.quote: c.attribution.references for c in corpus.claims}
    birth = next(refs for quote, refs in cited.items() if "premature birth" in quote)
    assert birth == ("rahman2016",)
    one_in_four = next(refs for quote, refs in cited.items() if "1 in 4" in quote)
    assert one_in_four == ("nice2021",)
