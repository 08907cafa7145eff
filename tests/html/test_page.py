"""The HTML page without a browser: self-contained, text inert, views, layout, writing."""

from __future__ import annotations

import base64
import hashlib
import html
import json
import math
import os
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

from bluntgraph import KnowledgeGraph, OutputError, load_corpus
from bluntgraph.cli import main
from bluntgraph.errors import QueryError, UnknownTermError
from bluntgraph.export.html import (
    PHYSICS_LIMIT,
    graph_html,
    iframe_html,
    resolve_focus,
    view_nodes,
    write_html,
)
from bluntgraph.graph import FINDING_RELATIONS
from tests.html.conftest import HOSTILE, HREF, IMG, JS_URL, SCRIPT, SVG

CSP = re.compile(
    r"default-src 'none'; script-src 'sha256-[A-Za-z0-9+/]{43}=' 'sha256-[A-Za-z0-9+/]{43}=' "
    r"'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; "
    r"form-action 'none'"
)


class _Elements(HTMLParser):
    """Every start tag of a page with its attributes, and the text of <title>."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.title = ""
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_title = tag == "title"

    def handle_endtag(self, tag: str) -> None:
        self._in_title = False

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data


def _elements(page: str) -> _Elements:
    parser = _Elements()
    parser.feed(page)
    parser.close()
    return parser


def page_data(page: str) -> dict[str, Any]:
    """The JSON document the page draws from."""
    start = page.index('<script type="application/json" id="bluntgraph-data">')
    start = page.index(">", start) + 1
    end = page.index("</script>", start)
    data: dict[str, Any] = json.loads(page[start:end])
    return data


def claim_level(page: str) -> dict[str, Any]:
    """The claim-level graph the page draws on its "every claim" level."""
    data: dict[str, Any] = page_data(page)["graph"]
    return data


def _texts(value: Any) -> list[str]:
    """Every string inside a JSON value."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [t for v in value.values() for t in _texts(v)]
    if isinstance(value, list):
        return [t for v in value for t in _texts(v)]
    return []


# ---------------------------------------------------------------- self-contained


def test_page_requests_nothing_and_declares_a_strict_policy(hostile_kg: KnowledgeGraph) -> None:
    page = hostile_kg.to_html()
    tags = _elements(page).tags
    policies = [str(a["content"]) for t, a in tags if t == "meta" and a.get("http-equiv")]
    assert len(policies) == 1 and CSP.fullmatch(policies[0])
    # the two hashes are those of the page's two scripts: nothing else may run
    scripts = re.findall(r"<script>(.*?)</script>", page, flags=re.DOTALL)
    hashes = [
        "'sha256-" + base64.b64encode(hashlib.sha256(code.encode()).digest()).decode() + "'"
        for code in scripts
    ]
    assert len(scripts) == 2 and all(h in policies[0] for h in hashes)
    # the policy comes before any script or style
    assert page.index("Content-Security-Policy") < page.index("<style>") < page.index("<script")
    linked = [(t, a) for t, a in tags if "src" in a or "href" in a]
    assert linked == [("link", {"rel": "icon", "href": "data:,"})]
    assert "cdnjs" not in page and "bootstrap" not in page.lower()
    assert "sourceMappingURL" not in page


def test_page_is_three_scripts_and_no_markup_from_the_corpus(hostile_kg: KnowledgeGraph) -> None:
    page = hostile_kg.to_html()
    tags = [t for t, _ in _elements(page).tags]
    assert tags.count("script") == 3
    for tag in ("img", "svg", "a", "iframe", "object", "embed", "form"):
        assert tag not in tags
    for hostile in (SCRIPT, IMG, SVG, HREF):
        assert hostile not in page  # only ever escaped


def test_hostile_text_reaches_the_page_intact_as_data(hostile_kg: KnowledgeGraph) -> None:
    page = hostile_kg.to_html()
    texts = "\n".join(_texts(page_data(page)))
    for hostile in HOSTILE:
        assert hostile in texts
    assert _elements(page).title == f"corpus {SCRIPT} — bluntgraph evidence graph"
    assert html.escape(f"corpus {SCRIPT}") in page


def test_only_http_urls_become_links(hostile_kg: KnowledgeGraph) -> None:
    nodes = {n["id"]: n for n in claim_level(hostile_kg.to_html())["nodes"]}
    assert "link" not in nodes["source:evil"]
    assert nodes["source:plain"]["link"] == 'https://example.org/a?b=<c>&d="e"'
    assert ["url", JS_URL] in nodes["source:evil"]["tip"]["rows"]


def test_rebuilding_gives_the_same_page(hostile_kg: KnowledgeGraph) -> None:
    assert hostile_kg.to_html() == hostile_kg.to_html()


def test_the_graph_is_not_modified(hostile_kg: KnowledgeGraph) -> None:
    before = hostile_kg.graph.copy()
    hostile_kg.to_html(focus="symptom_s", depth=1, kinds="claim,entity")
    assert nx.utils.graphs_equal(before, hostile_kg.graph)
    assert dict(before.nodes(data=True)) == dict(hostile_kg.graph.nodes(data=True))


# ---------------------------------------------------------------- what it shows


def test_every_node_and_edge_is_drawn_with_a_legend(hostile_kg: KnowledgeGraph) -> None:
    data = claim_level(hostile_kg.to_html())
    graph = hostile_kg.graph
    assert [n["id"] for n in data["nodes"]] == list(graph)
    assert len(data["edges"]) == graph.number_of_edges()
    shapes = {n["kind"]: n["vis"]["shape"] for n in data["nodes"]}
    assert shapes == {"source": "square", "claim": "dot", "entity": "diamond",
                      "reference": "triangle"}  # fmt: skip
    labels = [item["label"] for item in data["legend"]["nodes"]]
    assert {"source", "claim", "claim in a conflict", "reference"} <= set(labels)
    assert "entity: drug class" in labels and "entity: symptom" in labels
    colours = {n["vis"]["color"]["background"] for n in data["nodes"] if n["kind"] == "entity"}
    assert len(colours) > 3  # entities coloured by type
    edge_labels = {e["vis"]["label"] for e in data["edges"]}
    assert {"asserts", "subject", "object", "cites", "broader", "contradicts"} <= edge_labels


def test_conflicts_are_red_dashed_edges_that_explain_the_finding(
    hostile_kg: KnowledgeGraph,
) -> None:
    data = claim_level(hostile_kg.to_html())
    conflicts = [e for e in data["edges"] if e["vis"].get("dashes")]
    relations = set(FINDING_RELATIONS.values())
    expected = [(u, v) for u, v, r in hostile_kg.graph.edges(data="relation") if r in relations]
    assert sorted((e["from"], e["to"]) for e in conflicts) == sorted(expected)
    assert len(conflicts) == 2  # the 'unsupported' finding has no pair, so no edge
    for edge in conflicts:
        assert edge["vis"]["color"]["color"] == "#d62728"
    contradiction = next(e for e in conflicts if e["vis"]["label"] == "contradicts")
    tip = contradiction["tip"]
    assert tip["title"].startswith("contradiction (error)")
    rows = dict((row[0], row[1]) for row in tip["rows"] if row[0] != "quote")
    assert rows["finding"] == "F001"
    assert rows["why"] == f"they disagree {SCRIPT} {HREF}"
    assert rows["rule"] == "opposite-direction-same-statistic"
    quotes = [row[1] for row in tip["rows"] if row[0] == "quote"]
    corpus = hostile_kg.corpus
    assert quotes == [f"“{corpus.claim_by_id[c].quote}”" for c in ("evil-causes", "plain-no-cause")]
    claim = next(n for n in data["nodes"] if n["id"] == "claim:evil-causes")
    assert claim["vis"]["color"]["border"] == "#d62728"
    findings = dict((row[0], row[1]) for row in claim["tip"]["rows"])["findings"]
    assert findings == ["F001: contradicts plain-no-cause", "F002: in_tension_with evil-reduces"]
    assert data["counts"]["conflicts"] == 2


def test_claim_tooltip_has_quote_source_and_citations(hostile_kg: KnowledgeGraph) -> None:
    data = claim_level(hostile_kg.to_html())
    claim = next(n for n in data["nodes"] if n["id"] == "claim:evil-causes")
    rows = {row[0]: row[1] for row in claim["tip"]["rows"]}
    assert rows["quote"] == f"“{hostile_kg.corpus.claim_by_id['evil-causes'].quote}”"
    assert rows["source"] == f"{SCRIPT} {HREF} (evil)"
    assert rows["cites"] == [f"evil2020: {SCRIPT} and {HREF} (2020)"]
    assert rows["certainty"] == "probable (“most”)"
    assert rows["population"] == "class A users"
    assert rows["evidence"] == f"cited · “{SVG}”"


def test_entity_tooltip_has_label_synonyms_and_identifiers(hostile_kg: KnowledgeGraph) -> None:
    data = claim_level(hostile_kg.to_html())
    entity = next(n for n in data["nodes"] if n["id"] == "entity:symptom_s")
    rows = {row[0]: row[1] for row in entity["tip"]["rows"]}
    assert entity["tip"]["title"] == f"symptom {IMG}"
    assert rows["synonyms"] == f"{SCRIPT}, {HREF}"
    assert rows["identifiers"] == [f"mesh: {SCRIPT}", f"url: {JS_URL}"]
    assert rows["type"] == "symptom"


def test_title_names_the_corpus_and_counts(hostile_kg: KnowledgeGraph) -> None:
    page = hostile_kg.to_html()
    assert "2 sources · 6 claims · 8 entities · 1 reference · 2 conflicts" in page


# ---------------------------------------------------------------- views


def test_focus_by_id_label_synonym_or_claim(hostile_kg: KnowledgeGraph) -> None:
    graph, vocab = hostile_kg.graph, hostile_kg.vocabulary
    assert resolve_focus(graph, "symptom_s", vocab) == "entity:symptom_s"
    assert resolve_focus(graph, f"SYMPTOM {IMG}", vocab) == "entity:symptom_s"
    assert resolve_focus(graph, SCRIPT, vocab) == "entity:symptom_s"  # a synonym
    assert resolve_focus(graph, "evil-causes", vocab) == "claim:evil-causes"
    assert resolve_focus(graph, "source:plain", vocab) == "source:plain"
    assert resolve_focus(graph, "evil2020", vocab) == "reference:evil2020"


def test_unknown_focus_names_close_matches(hostile_kg: KnowledgeGraph) -> None:
    with pytest.raises(UnknownTermError, match="did you mean: symptom_s"):
        hostile_kg.to_html(focus="symptom_z")


def test_unknown_focus_suggests_entities_whose_label_contains_it() -> None:
    import bluntgraph

    kg = bluntgraph.load()
    with pytest.raises(UnknownTermError) as raised:
        kg.to_html(focus="blunt")  # a part of a name, too short for a near spelling
    assert "emotional_blunting" in raised.value.suggestions
    with pytest.raises(UnknownTermError, match="no entity, claim, source or reference"):
        kg.to_html(focus="zzzz")


def test_depth_counts_hops_in_either_direction(hostile_kg: KnowledgeGraph) -> None:
    graph, vocab = hostile_kg.graph, hostile_kg.vocabulary
    nodes, focus = view_nodes(graph, focus="therapy_t", depth=0, vocabulary=vocab)
    assert (nodes, focus) == (["entity:therapy_t"], "entity:therapy_t")
    nodes, _ = view_nodes(graph, focus="therapy_t", depth=1, vocabulary=vocab)
    around = {"entity:therapy_t", "claim:evil-treats", "claim:plain-therapy", "source:evil"}
    # claims point at it, the source's interest too; the claims' sources are kept
    assert set(nodes) == around | {"source:plain"}
    nodes, _ = view_nodes(graph, focus="therapy_t", depth=2, vocabulary=vocab)
    assert {"entity:condition_c", "source:plain"} <= set(nodes)


def test_kinds_keep_only_those_nodes(hostile_kg: KnowledgeGraph) -> None:
    graph = hostile_kg.graph
    data = claim_level(hostile_kg.to_html(kinds=["entity", "reference"]))
    assert {n["kind"] for n in data["nodes"]} == {"entity", "reference"}
    shown = {n["id"] for n in data["nodes"]}
    assert all(e["from"] in shown and e["to"] in shown for e in data["edges"])
    assert len(shown) == sum(1 for _, k in graph.nodes(data="kind") if k in ("entity", "reference"))
    # the focus is kept even if its kind is not asked for; hops go through shown nodes only
    nodes, _ = view_nodes(graph, focus="evil-causes", depth=1, kinds="entity")
    assert set(nodes) == {"claim:evil-causes", "entity:drug_a1", "entity:symptom_s",
                          "entity:class_a_users"}  # fmt: skip


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"kinds": "claims"}, "unknown node kind 'claims'"),
        ({"kinds": []}, "no node kind given"),
        ({"focus": "drug_a1", "depth": -1}, "depth must be a whole number"),
        ({"focus": "drug_a1", "depth": 1.5}, "depth must be a whole number"),
    ],
)
def test_bad_view_arguments_are_query_errors(
    hostile_kg: KnowledgeGraph, kwargs: dict[str, Any], message: str
) -> None:
    with pytest.raises(QueryError, match=message):
        hostile_kg.to_html(**kwargs)


# ---------------------------------------------------------------- size


def _big_graph(claims: int) -> nx.MultiDiGraph:
    graph = nx.MultiDiGraph(name="big")
    for s in range(20):
        graph.add_node(f"source:s{s}", kind="source", id=f"s{s}", title=f"Source {s}")
    for e in range(200):
        graph.add_node(f"entity:e{e}", kind="entity", id=f"e{e}", label=f"entity {e}",
                       entity_type="drug" if e % 2 else "symptom")  # fmt: skip
    graph.add_node("entity:alone", kind="entity", id="alone", label="alone", entity_type="concept")
    for c in range(claims):
        node = f"claim:c{c}"
        subject, obj = f"e{c % 200}", f"e{(c * 7) % 200}"
        graph.add_node(node, kind="claim", id=f"c{c}", quote=f"quote {c}", source=f"s{c % 20}",
                       subject=subject, predicate="causes", object=obj)  # fmt: skip
        graph.add_edge(f"source:s{c % 20}", node, key="asserts", relation="asserts")
        graph.add_edge(node, f"entity:{subject}", key="subject", relation="subject")
        graph.add_edge(node, f"entity:{obj}", key="object", relation="object")
    return graph


def test_large_graphs_get_positions_and_no_physics() -> None:
    graph = _big_graph(1800)
    data = claim_level(graph_html(graph))
    assert len(data["nodes"]) == graph.number_of_nodes() > PHYSICS_LIMIT
    assert data["physics"] is False
    points = [(n["vis"]["x"], n["vis"]["y"]) for n in data["nodes"]]
    assert all(math.isfinite(x) and math.isfinite(y) for x, y in points)
    assert len(set(points)) == len(points)  # nobody sits on anybody
    assert graph_html(graph) == graph_html(graph)  # seeded: same layout every time


def test_small_graphs_use_the_browsers_physics(hostile_kg: KnowledgeGraph) -> None:
    data = claim_level(hostile_kg.to_html())
    assert data["physics"] is True
    assert all("x" not in n["vis"] for n in data["nodes"])


# ---------------------------------------------------------------- writing


def test_to_html_writes_utf8_and_returns_the_page(
    hostile_kg: KnowledgeGraph, tmp_path: Path
) -> None:
    target = tmp_path / "graph.html"
    page = hostile_kg.to_html(target)
    assert target.read_bytes() == page.encode("utf-8")
    assert "— bluntgraph evidence graph</title>" in target.read_text(encoding="utf-8")


def test_write_is_all_or_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "graph.html"
    target.write_text("old", encoding="utf-8")

    def fail(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OutputError, match="No space left on device"):
        write_html("<!DOCTYPE html>new", target)
    assert target.read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.html"]
    with pytest.raises(OutputError, match="cannot write"):
        write_html("x", tmp_path / "missing" / "graph.html")


# ---------------------------------------------------------------- notebooks


def test_iframe_carries_the_page_escaped_and_sandboxed(hostile_kg: KnowledgeGraph) -> None:
    page = hostile_kg.to_html()
    frame = iframe_html(page, height=400)
    tags = _elements(frame).tags
    assert [tag for tag, _ in tags] == ["div", "iframe"]
    attrs = tags[1][1]
    assert attrs["srcdoc"] == page  # the parser unescapes it back to the very page
    assert attrs["sandbox"] == "allow-scripts"
    assert "height:400px" in str(attrs["style"])
    with pytest.raises(QueryError):
        iframe_html(page, height=0)


def test_show_returns_an_ipython_html_object(hostile_kg: KnowledgeGraph) -> None:
    pytest.importorskip("IPython")
    from IPython.display import HTML

    shown = hostile_kg.show(focus="drug_a1", depth=1, height=300)
    assert isinstance(shown, HTML)
    assert '<iframe srcdoc="&lt;!DOCTYPE html&gt;' in str(shown.data)


# ---------------------------------------------------------------- command line


def test_view_writes_view_html(
    hostile_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    monkeypatch.chdir(tmp_path)
    assert main(["view", "--corpus", str(hostile_dir), "--focus", "therapy T", "--depth", "1"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("wrote view.html: 5 of 17 nodes within 1 hop of therapy T")
    data = page_data((tmp_path / "view.html").read_text(encoding="utf-8"))
    assert data["focus"] == "entity:therapy_t" and len(data["graph"]["nodes"]) == 5


def test_view_options(hostile_dir: Path, tmp_path: Path) -> None:
    target = tmp_path / "entities.html"
    assert main(["view", "--corpus", str(hostile_dir), "--kinds", "entity", "-o", str(target)]) == 0
    kinds = {n["kind"] for n in claim_level(target.read_text(encoding="utf-8"))["nodes"]}
    assert kinds == {"entity"}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--focus", "nothing-like-it"], "unknown entity, claim, source or reference"),
        (["--kinds", "claims"], "unknown kind 'claims'"),
        (["--depth", "-1"], "not a whole number of hops"),
        (["--depth", "two"], "not a whole number of hops"),
        (["-o", "missing/view.html"], "cannot write"),
    ],
)
def test_view_bad_input_is_one_line_and_no_file(
    hostile_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str], args: list[str], message: str,
) -> None:  # fmt: skip
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    assert _exit_code(["view", "--corpus", str(hostile_dir), *args]) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err
    assert len([line for line in err.splitlines() if "error:" in line]) == 1
    assert list(work.iterdir()) == []


def _exit_code(argv: list[str]) -> int:
    """main's exit code, also when argparse exits on a usage error."""
    try:
        return main(argv)
    except SystemExit as exc:
        return int(exc.code or 0)


def test_build_writes_graph_html(hostile_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert main(["build", "--corpus", str(hostile_dir), "--out", str(out), "--quiet"]) == 0
    page = (out / "graph.html").read_text(encoding="utf-8")
    assert len(claim_level(page)["nodes"]) == KnowledgeGraph(load_corpus(hostile_dir)).graph.order()
    assert page_data(page)["level"] == "map"


# ---------------------------------------------------------------- the map level


def test_the_map_has_one_edge_per_relation_with_its_claims(hostile_kg: KnowledgeGraph) -> None:
    data = page_data(hostile_kg.to_html())
    assert data["level"] == "map"
    edges = {e["id"]: e for e in data["map"]["edges"] if e["claims"]}
    expected: dict[str, list[str]] = {}
    for claim in hostile_kg.corpus.claims:
        key = f"rel:{claim.subject}|{claim.predicate}|{claim.object}"
        expected.setdefault(key, []).append(claim.id)
    assert {k: e["claims"] for k, e in edges.items()} == expected
    # the asserted and the denied claim share one edge: sources for and against
    both = edges["rel:drug_a1|causes|symptom_s"]
    assert both["claims"] == ["evil-causes", "plain-no-cause"]
    assert both["from"] == "entity:drug_a1" and both["to"] == "entity:symptom_s"
    assert both["verb"] == "causes" and both["denied"] == "does not cause"
    assert both["says"] == f"drug {SVG} causes symptom {IMG}"
    nodes = {n["id"] for n in data["map"]["nodes"]}
    ends = {f"entity:{e}" for c in hostile_kg.corpus.claims for e in (c.subject, c.object)}
    assert nodes == ends  # entities only, those the claims relate
    isa = [e for e in data["map"]["edges"] if e["predicate"] == "broader"]
    assert ("entity:drug_a1", "entity:drug_class_a") in {(e["from"], e["to"]) for e in isa}
    sizes = {n["id"]: n["vis"]["size"] for n in data["map"]["nodes"]}
    assert sizes["entity:symptom_s"] > sizes["entity:therapy_t"]  # sized by claims


def test_claims_carry_what_the_panel_and_filters_need(hostile_kg: KnowledgeGraph) -> None:
    data = page_data(hostile_kg.to_html())
    claims = data["claims"]
    assert set(claims) == {c.id for c in hostile_kg.corpus.claims}
    record = claims["evil-causes"]
    claim = hostile_kg.corpus.claim_by_id["evil-causes"]
    assert record["quote"] == claim.quote and record["source"] == "evil"
    text = hostile_kg.corpus.source_by_id["evil"].text
    # the words around the quote, cut at a word with an ellipsis where the text goes on
    assert text[: claim.start].endswith(record["before"].removeprefix("…"))
    assert text[claim.end :].startswith(record["after"].removesuffix("…"))
    assert record["after"].endswith("…") and " users." in record["after"]
    assert record["certainty"] == "probable" and record["cue"] == "most"
    assert record["population"] == "class A users"
    assert record["cites"] == [f"evil2020: {SCRIPT} and {HREF} (2020)"]
    assert record["draft"] is False
    assert record["findings"] == ["F001", "F002"]
    assert claims["evil-treats"]["findings"] == ["F003"]  # single-claim findings too
    # each finding once, with every claim it involves
    findings = data["findings"]
    assert sorted(findings) == ["F001", "F002", "F003"]
    assert findings["F001"]["claims"] == ["evil-causes", "plain-no-cause"]
    assert findings["F001"]["message"] == f"they disagree {SCRIPT} {HREF}"
    assert set(data["conflictKinds"]) == set(FINDING_RELATIONS)
    assert data["sources"]["plain"]["link"] == 'https://example.org/a?b=<c>&d="e"'
    assert "link" not in data["sources"]["evil"]


def test_findings_are_read_from_the_graph_without_a_list(hostile_kg: KnowledgeGraph) -> None:
    data = page_data(graph_html(hostile_kg.graph))
    assert sorted(data["findings"]) == ["F001", "F002"]  # the pairwise ones drawn as edges
    assert data["claims"]["evil-causes"]["before"] == ""  # no corpus, no context


def test_draft_claims_are_marked(hostile_kg: KnowledgeGraph) -> None:
    graph = hostile_kg.graph.copy()
    graph.nodes["claim:plain-therapy"]["status"] = "draft"
    claims = page_data(graph_html(graph))["claims"]
    assert [c for c, record in claims.items() if record["draft"]] == ["plain-therapy"]


def test_a_map_focus_draws_the_relations_of_the_claims_kept(hostile_kg: KnowledgeGraph) -> None:
    data = page_data(hostile_kg.to_html(focus="therapy_t", depth=1))
    relations = {e["id"] for e in data["map"]["edges"] if e["claims"]}
    assert relations == {"rel:therapy_t|treats|condition_c"}
    widths = {n["id"]: n["vis"]["borderWidth"] for n in data["map"]["nodes"]}
    assert widths == {"entity:therapy_t": 4.0, "entity:condition_c": 1.5}  # the focus stands out
    data = page_data(hostile_kg.to_html(kinds="entity"))
    assert data["map"]["edges"] == [] and data["claims"] == {}


def test_kinds_claim_source_keeps_the_sources_of_the_claims(hostile_kg: KnowledgeGraph) -> None:
    nodes, _ = view_nodes(
        hostile_kg.graph, focus="symptom_s", depth=1, kinds="claim,source",
        vocabulary=hostile_kg.vocabulary,
    )  # fmt: skip
    claims = {n for n in nodes if n.startswith("claim:")}
    assert claims and {n for n in nodes if n.startswith("source:")} == {
        f"source:{hostile_kg.graph.nodes[c]['source']}" for c in claims
    }


def test_level_claims_opens_on_the_claim_graph(hostile_kg: KnowledgeGraph) -> None:
    assert page_data(hostile_kg.to_html(level="claims"))["level"] == "claims"
    with pytest.raises(QueryError, match="unknown level 'entities'"):
        hostile_kg.to_html(level="entities")


def test_view_level_option(hostile_dir: Path, tmp_path: Path) -> None:
    target = tmp_path / "claims.html"
    argv = ["view", "--corpus", str(hostile_dir), "--level", "claims", "-o", str(target)]
    assert main(argv) == 0
    assert page_data(target.read_text(encoding="utf-8"))["level"] == "claims"
