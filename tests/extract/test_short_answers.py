"""A short FAQ answer ("No.") drafts its question's relation only when nothing after it
in the answer says the same in words of its own."""

from __future__ import annotations

from bluntgraph import draft_claims

FAQ = """Tea and sleep

FAQ

Does green tea cause insomnia?

No. Green tea does not cause insomnia.

Does black tea cause headaches?

No.

Black tea does not cause headaches.

Does coffee cause insomnia?

Yes, in some people.
"""


def test_an_answer_restated_in_words_is_one_draft() -> None:
    drafts = [(c.quote, c.subject, c.object, c.negated) for c in draft_claims(FAQ).claims]
    assert ("Green tea does not cause insomnia.", "green_tea", "insomnia", True) in drafts
    assert ("Black tea does not cause headaches.", "black_tea", "headaches", True) in drafts
    assert not any(quote == "No." for quote, *_ in drafts), drafts
    # an answer that says no more than yes or no still gives the question's relation
    assert ("Yes, in some people.", "coffee", "insomnia", False) in drafts
