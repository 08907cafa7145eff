"""The RDF vocabularies bluntgraph writes: its own closed namespace, and the standard ones.

:class:`BG` holds the few terms no standard vocabulary has (a claim's
certainty, what kind of evidence a source appeals to, the checks'
findings…). It is closed: a misspelled term raises ``AttributeError``
instead of minting a new IRI. Its terms are described for other RDF tools
in the ontology file shipped as ``data/ontology/bluntgraph.ttl``.

Everything else reuses a standard vocabulary; the subsets of the Web
Annotation (:class:`OA`), BIBO, CiTO, nanopublication (:class:`NP`) and
SPDX vocabularies bluntgraph uses are closed the same way, so a typo in
the exporter fails loudly too.

Examples
--------
>>> str(BG.Claim)
'https://w3id.org/bluntgraph/vocab#Claim'
>>> BG.cuases
Traceback (most recent call last):
...
AttributeError: term 'cuases' not in namespace 'https://w3id.org/bluntgraph/vocab#'
"""

# No ``from __future__ import annotations`` here: DefinedNamespace reads the
# class annotations at run time to know its terms.

from rdflib.namespace import DefinedNamespace, Namespace
from rdflib.term import URIRef

__all__ = [
    "BG",
    "BG_NAMESPACE",
    "BIBO",
    "CITO",
    "NP",
    "OA",
    "PREDICATE_TERMS",
    "SPDX",
]

#: the IRI every bluntgraph vocabulary term starts with
BG_NAMESPACE = "https://w3id.org/bluntgraph/vocab#"


class BG(DefinedNamespace):
    """bluntgraph's own terms: only what PROV-O, Web Annotation, SKOS, BIBO and schema.org lack.

    Literal-valued enumerations (section, certainty level, attribution kind
    and mode, bound, time course, source kind, entity type, finding kind and
    severity) hold the corpus format's words as plain strings; the shipped
    SHACL shapes list the allowed values.
    """

    _fail = True
    _NS = Namespace(BG_NAMESPACE)

    # classes
    Corpus: URIRef  # a corpus: articles, their claims, the vocabulary and the cited works
    Claim: URIRef  # one assertion by one source, anchored to its exact words (an rdf:Statement)
    Finding: URIRef  # a problem a check found among claims or references

    # the claim predicates (the corpus format's closed list), used as rdf:predicate
    causes: URIRef
    worsens: URIRef
    reduces: URIRef
    treats: URIRef
    recommends: URIRef
    associatedWith: URIRef
    symptomOf: URIRef
    prevalence: URIRef
    definedAs: URIRef
    sameAs: URIRef
    distinctFrom: URIRef
    actsOn: URIRef  # also the entity fact "acts_on" (same meaning: mechanism)
    increases: URIRef
    decreases: URIRef
    safeFor: URIRef
    interactsWith: URIRef

    # order and name/value pairs
    position: URIRef  # 1-based place of a source, claim, entity, reference or finding
    key: URIRef  # the name half of a name/value node (its value is rdf:value)

    # claims: what is asserted
    negated: URIRef  # xsd:boolean: the source denies the relation
    population: URIRef  # the entity (a population) the claim is about
    condition: URIRef  # the scope the source attaches, in its words
    timeCourse: URIRef  # onset, transient, persistent…
    timeReference: URIRef  # what the time course counts from: while-taking, after-stopping…
    soleCause: URIRef  # xsd:boolean: the subject is said to be the only cause
    quantity: URIRef  # the claim's statistic (a schema:QuantitativeValue)
    measure: URIRef  # what the statistic measures (e.g. proportion_affected)
    bound: URIRef  # how to read low/high: exact, range, up_to, at_least, approximately
    certainty: URIRef  # certain, probable, possible, speculative
    certaintyCue: URIRef  # the hedge word ("may", "often")
    facet: URIRef  # a name/value qualifier node (bg:key, rdf:value)

    # claims: where and on what evidence
    section: URIRef  # title, summary, body, faq…
    attributionKind: URIRef  # cited, described-study, unidentified-work, research-appeal, …
    attributionCue: URIRef  # the words of the appeal ("studies suggest")
    expert: URIRef  # the named expert the source relies on
    attributionMode: URIRef  # asserts (the source's own voice) or reports (someone else found)
    referenceList: URIRef  # rdf:List fixing the order of cited references
    study: URIRef  # the study the attribution describes (#study: year, size, design)
    studyYear: URIRef  # xsd:integer: the year the source gives for the study
    studySize: URIRef  # xsd:integer: how many people the source says the study had
    studyDesign: URIRef  # the design the source names (survey, randomized trial…)

    # entities
    entityType: URIRef  # drug, drug_class, condition, symptom, population…
    synonymList: URIRef  # rdf:List fixing the order of skos:altLabel values
    broaderList: URIRef  # rdf:List fixing the order of skos:broader values
    actsOnList: URIRef  # rdf:List fixing the order of bg:actsOn values
    disjointWith: URIRef  # an entity that cannot describe the same thing
    disjointWithList: URIRef  # rdf:List fixing the order of bg:disjointWith values
    memberIf: URIRef  # a class membership rule node: bg:key (a fact) and rdf:value (an entity)
    takes: URIRef  # a population takes this drug or class
    hasCondition: URIRef  # a population has this condition
    duration: URIRef  # a population's duration (e.g. long-term)
    xref: URIRef  # an external identifier node: bg:key (scheme) and rdf:value (identifier)
    closeXref: URIRef  # the same for a close but not identical concept (skos:closeMatch)

    # sources
    sourceKind: URIRef  # consumer-health, provider-marketing, peer-reviewed…
    textPath: URIRef  # the article text's file, relative to the corpus folder
    interest: URIRef  # an entity the publisher sells or promotes
    interestList: URIRef  # rdf:List fixing the order of bg:interest values
    interestsNote: URIRef  # what the source says about itself, in words

    # references
    entryType: URIRef  # the BibTeX entry type (article, misc…)
    bibtexField: URIRef  # one BibTeX field, verbatim: bg:key (field name) and rdf:value

    # curation: drafts an extractor proposed, not yet reviewed
    status: URIRef  # draft (a claim) or proposed (an entity); absent when curated
    confidence: URIRef  # xsd:decimal from 0 to 1: the extractor's confidence in a draft
    cue: URIRef  # a word of the quote that made the extractor propose the claim
    cueList: URIRef  # rdf:List fixing the order of bg:cue values

    # findings
    findingKind: URIRef  # contradiction, scope-drift, unsupported…
    rule: URIRef  # the name of the check's rule
    severity: URIRef  # error, warning, info
    involves: URIRef  # a claim or reference the finding is about
    claimList: URIRef  # rdf:List fixing the order of a finding's claims
    detail: URIRef  # a name/value node of extra detail
    ClaimPair: URIRef  # two of a finding's claims that clash with each other
    pair: URIRef  # a finding's ClaimPair (its claim–claim edges in the graph)
    firstClaim: URIRef  # the first claim of a ClaimPair
    secondClaim: URIRef  # the second claim of a ClaimPair


#: model predicate (corpus format word) -> its bluntgraph term
PREDICATE_TERMS: dict[str, URIRef] = {
    "causes": BG.causes,
    "worsens": BG.worsens,
    "reduces": BG.reduces,
    "treats": BG.treats,
    "recommends": BG.recommends,
    "associated_with": BG.associatedWith,
    "symptom_of": BG.symptomOf,
    "prevalence": BG.prevalence,
    "defined_as": BG.definedAs,
    "same_as": BG.sameAs,
    "distinct_from": BG.distinctFrom,
    "acts_on": BG.actsOn,
    "increases": BG.increases,
    "decreases": BG.decreases,
    "safe_for": BG.safeFor,
    "interacts_with": BG.interactsWith,
}


class OA(DefinedNamespace):
    """The W3C Web Annotation terms bluntgraph uses to anchor a claim to its words."""

    _fail = True
    _NS = Namespace("http://www.w3.org/ns/oa#")

    Annotation: URIRef
    SpecificResource: URIRef
    TextQuoteSelector: URIRef
    TextPositionSelector: URIRef
    hasBody: URIRef
    hasTarget: URIRef
    hasSource: URIRef
    hasSelector: URIRef
    motivatedBy: URIRef
    describing: URIRef
    exact: URIRef
    prefix: URIRef
    suffix: URIRef
    start: URIRef
    end: URIRef


class BIBO(DefinedNamespace):
    """The Bibliographic Ontology terms bluntgraph uses for references and authors."""

    _fail = True
    _NS = Namespace("http://purl.org/ontology/bibo/")

    Document: URIRef
    AcademicArticle: URIRef
    Article: URIRef
    Book: URIRef
    Chapter: URIRef
    Proceedings: URIRef
    Report: URIRef
    Thesis: URIRef
    Manual: URIRef
    Webpage: URIRef
    authorList: URIRef
    doi: URIRef
    pmid: URIRef
    volume: URIRef
    issue: URIRef
    pages: URIRef
    isbn: URIRef
    issn: URIRef


class CITO(DefinedNamespace):
    """The Citation Typing Ontology terms bluntgraph uses for citations."""

    _fail = True
    _NS = Namespace("http://purl.org/spar/cito/")

    cites: URIRef
    citesAsEvidence: URIRef


class NP(DefinedNamespace):
    """The nanopublication schema terms of a claim's nanopublication."""

    _fail = True
    _NS = Namespace("http://www.nanopub.org/nschema#")

    Nanopublication: URIRef
    hasAssertion: URIRef
    hasProvenance: URIRef
    hasPublicationInfo: URIRef


class SPDX(DefinedNamespace):
    """The SPDX terms for a text's checksum (as DCAT uses them)."""

    _fail = True
    _NS = Namespace("http://spdx.org/rdf/terms#")

    Checksum: URIRef
    checksum: URIRef
    algorithm: URIRef
    checksumValue: URIRef
    checksumAlgorithm_sha256: URIRef
