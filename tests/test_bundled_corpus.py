"""The bundled corpus: valid, anchored, and curated to the design's standard."""

from __future__ import annotations

import re
from collections import Counter

from bluntgraph import Corpus, bundled_corpus_path
from bluntgraph.loading import sha256_of

PATTERNS = {
    "mesh": r"^[DC]\d{6,9}$",
    "chebi": r"^CHEBI:\d+$",
    "atc": r"^[A-Z]\d{2}[A-Z]{0,2}\d{0,2}$",
    "pmid": r"^\d{1,9}$",
}


def test_every_quote_is_verbatim_at_its_offsets(bundled: Corpus) -> None:
    for claim in bundled.claims:
        text = bundled.source_by_id[claim.source].text
        assert text[claim.start : claim.end] == claim.quote, claim.id


def test_texts_match_their_recorded_hashes(bundled: Corpus) -> None:
    root = bundled_corpus_path()
    for source in bundled.sources:
        assert sha256_of(root / source.text_path) == source.sha256


def test_well_over_a_hundred_claims_from_every_source(bundled: Corpus) -> None:
    assert len(bundled.claims) > 100
    per_source = Counter(c.source for c in bundled.claims)
    assert set(per_source) == {s.id for s in bundled.sources}
    assert min(per_source.values()) >= 10


def test_restatements_are_their_own_claims(bundled: Corpus) -> None:
    sections = Counter(c.section for c in bundled.claims)
    assert sections["faq"] > 0 and sections["summary"] > 0 and sections["body"] > 0


def test_every_statistic_has_a_population_and_bound(bundled: Corpus) -> None:
    statistics = [c for c in bundled.claims if c.quantity and c.quantity.unit == "percent"]
    assert statistics
    for claim in statistics:
        assert claim.quantity is not None
        assert claim.quantity.bound and (claim.quantity.low is not None)


def test_external_identifiers_are_well_formed(bundled: Corpus) -> None:
    for entity in bundled.entities:
        for scheme, value in entity.xrefs:
            if scheme in PATTERNS:
                assert re.match(PATTERNS[scheme], value), (entity.id, scheme, value)
    for reference in bundled.references:
        if reference.pmid:
            assert re.match(PATTERNS["pmid"], reference.pmid)
        if reference.doi:
            assert reference.doi.startswith("10.")


def test_is_a_chain_reaches_antidepressant(bundled: Corpus) -> None:
    from bluntgraph import Vocabulary

    vocab = Vocabulary(bundled)
    drugs = [e.id for e in bundled.entities if e.type == "drug"]
    assert vocab.is_a("sertraline", "ssri") and vocab.is_a("sertraline", "antidepressant")
    assert any(vocab.is_a(d, "antidepressant") for d in drugs)


def test_no_url_is_invented(bundled: Corpus) -> None:
    # The texts give no URLs (see the corpus's sources.md); none may appear.
    assert all(source.url is None for source in bundled.sources)
