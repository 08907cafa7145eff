"""An undated work cited as '(Mayo Clinic, n.d.)', and a references-section line matched
to the title it holds the most of."""

from __future__ import annotations

from bluntgraph import draft_claims
from bluntgraph.extract.references import references_in
from bluntgraph.extract.rules import _match_entry
from bluntgraph.model import Reference

TEXT = """Shingles basics

Shingles causes a painful rash (Mayo Clinic, n.d.). Shingles causes nerve pain (Lee, n.d.).
The vaccine reduces shingles in older adults (Smith, 2020).

References

Mayo Clinic Staff. (n.d.). Shingles: symptoms and causes. Mayo Clinic. https://example.org/shingles
Smith, J. (2020). Zoster vaccine efficacy in adults over 60. Vaccine Journal, 12(3), 45-50.
"""


def test_a_marker_without_a_date_cites_the_undated_entry() -> None:
    references = tuple(references_in(TEXT))
    cited = {
        (c.subject, c.object): c.attribution.references
        for c in draft_claims(TEXT, references=references).claims
    }
    assert cited[("shingles", "painful_rash")] == ("mayond",)
    assert cited[("vaccine", "shingles")] == ("smith2020",)
    # nobody named Lee is in the list: an undated marker cites nothing it cannot find
    assert cited[("shingles", "nerve_pain")] == ()


def test_of_two_titles_a_line_holds_the_longer_match_wins() -> None:
    short = Reference("patel2020", "article", (("title", "Gout"), ("year", "2020")))
    long = Reference(
        "lund2020", "article", (("title", "Gout in older women: a cohort"), ("year", "2020"))
    )
    line = "Lund K. Gout in older women: a cohort. Joint Health. 2020;4:1-9."
    assert _match_entry(line, (short, long)) == "lund2020"
    assert _match_entry("Patel R. Gout. Rheumatology Notes. 2020;4:1-3.", (short, long)) == (
        "patel2020"
    )
