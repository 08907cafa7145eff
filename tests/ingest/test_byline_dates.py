"""A byline giving several dates: the article's is the one it says was published.

Found with a paper's text of my own (zinc and colds): "Received: 3 January 2021;
Accepted: 10 April 2021; Published: 12 May 2021" gave 2021-01-03, the first date of
the line, and "Updated 4 June 2024 | First published 2 March 2019" the update (a page's
metadata gives the first publication, as htmldate is asked to).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bluntgraph.ingest import read_article


@pytest.mark.parametrize(
    ("byline", "date"),
    [
        ("Mara Holt1 and Ben Ode2\nReceived: 3 January 2021; Accepted: 10 April 2021; "
         "Published: 12 May 2021", "2021-05-12"),
        ("By Mara Holt | Updated 4 June 2024 | First published 2 March 2019", "2019-03-02"),
        ("By Mara Holt | Updated 4 June 2024", "2024-06-04"),  # the only date it gives
    ],
)
def test_the_published_date_of_a_byline(tmp_path: Path, byline: str, date: str) -> None:
    path = tmp_path / "zinc.txt"
    path.write_text(f"Zinc lozenges and the common cold\n\n{byline}\n\n"
                    "Zinc lozenges may shorten colds in adults.\n", encoding="utf-8")
    article = read_article(path)
    assert article.date == date
    assert article.authors[0] == "Mara Holt"
