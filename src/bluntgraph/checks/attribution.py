"""Rules about what a source says its evidence is, and what it has to sell."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from ..model import OPPOSITE_DIRECTION, Claim, Reference, Study
from . import wording
from .compare import comparable_measure, direction, outcome_and_exposure, overlaps, same_figure
from .engine import CheckContext, Draft, rule

__all__ = [
    "appeal_denied",
    "described_study_not_cited",
    "figure_without_source",
    "matching_references",
    "promotes_own_interest",
    "proof_from_observation",
    "proof_from_one_study",
    "research_claim_without_reference",
    "untraceable_work",
]


#: at most this many characters (a full stop, spaces) between consecutive sentences
_SENTENCE_GAP = 3


def _one_appeal(ctx: CheckContext, passages: list[list[Claim]]) -> list[list[Claim]]:
    """Passages joined when they follow each other in the text and share the appeal's cue.

    Consecutive: the second starts at most a full stop and a space or two
    after the first ends (read from the offsets alone, so every engine
    agrees without the source texts).
    """
    joined: list[list[Claim]] = []
    for passage in passages:
        if joined:
            last = joined[-1]
            before = max(last, key=lambda c: c.end)
            after = min(passage, key=lambda c: c.start)
            cue = (after.attribution.cue or "").casefold()
            if (
                before.source == after.source
                and cue
                and cue == (before.attribution.cue or "").casefold()
                and 0 <= after.start - before.end <= _SENTENCE_GAP
            ):
                last.extend(passage)
                continue
        joined.append(list(passage))
    return joined


def _what(ctx: CheckContext, claims: list[Claim]) -> str:
    return wording.join(list(dict.fromkeys(ctx.statistic(c) for c in claims)))


def _cited_elsewhere(ctx: CheckContext, claim: Claim) -> bool:
    """Whether the same source cites a reference for this relation in another claim.

    The other claim must say at least as much: the same predicate (or a
    causal or relieving one of the same direction; any causal one backs an
    association between the same two terms, either way round), the appeal's
    outcome (not a kind of it: research on antibiotic-associated diarrhoea
    is not research on all diarrhoea), an exposure that is the appeal's or a
    kind of it (a work on one statin is research on statins), a population
    that meets it (an unstated one meets any), and — when the appeal gives a
    figure — a figure of the same measure that overlaps it.
    """
    vocab = ctx.vocabulary
    for other in ctx.claims_by_source.get(claim.source, ()):
        if other.id == claim.id or not other.attribution.references or other.negated:
            continue
        if claim.negated or (other.condition and not claim.condition):
            continue
        q, o = claim.quantity, other.quantity
        if q is not None and (
            o is None
            or o.unit != q.unit
            or comparable_measure(vocab, other) != comparable_measure(vocab, claim)
            or not overlaps(o, q)
        ):
            continue
        if claim.population and other.population and not vocab.related(
            claim.population, other.population
        ):
            continue
        causal = "prevalence" not in (claim.predicate, other.predicate)
        # the other claim's terms as the appeal's subject and object, and whether its
        # outcome (its object; what occurs, for prevalence) stands as the appeal's subject
        if other.predicate == claim.predicate or (
            causal
            and direction(claim.predicate) != 0
            and direction(claim.predicate) == direction(other.predicate)
        ):
            pairs = [(other.subject, other.object, other.predicate == "prevalence")]
        elif claim.predicate == "associated_with" and causal and direction(other.predicate) != 0:
            pairs = [(other.subject, other.object, False), (other.object, other.subject, True)]
        else:
            continue
        # an exposure may be a kind of the appeal's (a work on one statin is research on
        # statins), the outcome may not: a work on a kind of it ("antibiotic-associated
        # diarrhoea") does not back a claim about all of it ("diarrhoea")
        if any(
            vocab.is_a(subject, claim.subject)
            and vocab.is_a(obj, claim.object)
            and (
                vocab.is_a(claim.subject, subject)
                if outcome_first
                else vocab.is_a(claim.object, obj)
            )
            for subject, obj, outcome_first in pairs
        ):
            return True
    return False


#: words before an appeal's cue saying the evidence is lacking: "no good evidence", "not
#: enough research shows", "isn't any evidence" (not "not all studies show", "not only")
_LACKING = re.compile(
    r"(?:\b(?:no|never|nor|little|without|insufficient|inadequate|scant|lacks?|lacking|"
    r"absence\s+of|lack\s+of)|\bnot(?!\s+(?:all|only)\b)|n['’]t)\s+(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)


def appeal_denied(claim: Claim) -> bool:
    """Whether the claim's quote says the evidence its appeal names is lacking: "There is
    no good evidence that …", "No studies show …", "little research suggests …".

    Saying that evidence is missing is no appeal to it: the claim rests on nothing cited,
    but does not pretend otherwise.
    """
    cue = claim.attribution.cue
    if not cue:
        return False
    at = claim.quote.casefold().find(cue.casefold())
    return at > 0 and _LACKING.search(claim.quote[:at]) is not None


@rule("research-claim-without-reference", "unsupported", "warning")
def research_claim_without_reference(ctx: CheckContext) -> Iterator[Draft]:
    """A claim appeals to research or trials and cites no reference.

    Looks at claims whose attribution kind is ``research-appeal`` ("studies
    suggest", "research shows", "in clinical trials", "well-documented")
    and whose attribution lists no BibTeX key. Not reported when the same
    source cites a reference for the same relation elsewhere — typically
    its reference list — so a reader can check the research it appeals to
    (the cited claim must be at least as specific, about the appeal's own
    outcome rather than a kind of it, and give an overlapping figure when
    the appeal gives one). Claims that quote the same passage
    (or overlapping ones) are reported together, and so are consecutive
    sentences that rest on the same appeal ("Some studies suggest X. This
    would account for Y.").
    """
    appeals = [
        c
        for c in ctx.claims_by_attribution.get("research-appeal", ())
        if not c.attribution.references
        and not appeal_denied(c)
        and not _cited_elsewhere(ctx, c)
    ]
    for claims in _one_appeal(ctx, ctx.passages(appeals)):
        cue = claims[0].attribution.cue or "research"
        # "experts increasingly view" appeals to a consensus of unnamed people, not to
        # research: the message must say what the source leans on
        people = set(re.findall(r"[a-z]+", cue.casefold())) & _UNNAMED_AUTHORITIES
        what = "experts" if people else "research"
        found = "those experts hold" if people else "that research found"
        marks = _citation_marks(claims)
        cites = (
            f"but its citation mark {marks} is linked to no entry of references.bib"
            if marks
            else "but cites no reference"
        )
        yield Draft(
            f"{ctx.where_all(claims)} appeals to {what} (“{cue}”) for: {_what(ctx, claims)}; "
            f"{cites}, so a reader cannot check what {found}.{_unread(marks)}",
            tuple(claims),
        )


#: a citation mark in a quote: "[2]", "[^2]", "[1, 3]", "[2–4]", "(Smith et al., 2019)"
_CITATION_MARK = re.compile(
    r"\[\^?\d+(?:\s*[,–-]\s*\d+)*\]"
    r"|\((?:[A-Z][\w'’-]+)(?:\s+(?:et\s+al\.?|(?:and|&)\s+[A-Z][\w'’-]+))?,?\s+(?:19|20)\d\d[a-z]?\)"
)


def _citation_marks(claims: Sequence[Claim]) -> str:
    """The citation marks the claims' quotes carry ("“[^2]”"), for claims that cite no key:
    the source does cite something, which the corpus did not link (its entry unread)."""
    marks = dict.fromkeys(m for c in claims for m in _CITATION_MARK.findall(c.quote))
    return wording.join([f"“{m}”" for m in marks])


def _unread(marks: str) -> str:
    """What to do about citation marks no reference answers."""
    if not marks:
        return ""
    return (
        " If the article's reference list gives the work, add its entry to references.bib (if "
        "it is not there) and its key to the claim's attribution."
    )


#: words of an appeal cue naming unnamed people rather than research ("experts say")
_UNNAMED_AUTHORITIES = frozenset(
    {"expert", "experts", "doctor", "doctors", "scientist", "scientists", "specialist",
     "specialists", "clinician", "clinicians", "physician", "physicians", "researcher",
     "researchers"}
)  # fmt: skip


@rule("untraceable-work", "vague-attribution", "info")
def untraceable_work(ctx: CheckContext) -> Iterator[Draft]:
    """A claim rests on a study or review the source does not identify.

    Looks at claims whose attribution kind is ``unidentified-work`` ("one
    study estimates", "a 2021 review", "per recent reviews") and that cite
    no reference: the work cannot be traced. Warning when the claim carries
    a figure (a number with no traceable origin), info otherwise. Claims
    that quote overlapping passages, or consecutive sentences naming the
    work with the same words ("A 2021 review explains X. Instead, it
    involves Y."), are reported together: one work, one finding.
    """
    vague = [
        c
        for c in ctx.claims_by_attribution.get("unidentified-work", ())
        if not c.attribution.references
    ]
    for claims in _one_appeal(ctx, ctx.passages(vague)):
        cue = claims[0].attribution.cue or "a study"
        figure = any(c.quantity for c in claims)
        yield Draft(
            f"{ctx.where_all(claims)} attributes {_what(ctx, claims)} to “{cue}” — a work it "
            f"neither names nor cites, so the {'figure' if figure else 'claim'} cannot be traced "
            "to its origin.",
            tuple(claims),
            severity="warning" if figure else None,
        )


def _backed_elsewhere(ctx: CheckContext, claim: Claim) -> bool:
    """Whether the same source gives this figure elsewhere with its evidence."""
    q = claim.quantity
    assert q is not None
    outcome, exposure = outcome_and_exposure(claim)
    vocab = ctx.vocabulary
    for other in ctx.claims_by_source.get(claim.source, ()):
        o = other.quantity
        if (
            other.id == claim.id
            or o is None
            or other.negated
            or other.attribution.kind == "none"
            or o.unit != q.unit
            or comparable_measure(vocab, other) != comparable_measure(vocab, claim)
            or not same_figure(o, q)
        ):
            continue
        other_outcome, other_exposure = outcome_and_exposure(other)
        if vocab.related(outcome, other_outcome) and (
            exposure is None or other_exposure is None or vocab.related(exposure, other_exposure)
        ):
            return True
    return False


@rule("figure-without-source", "unsupported", "warning")
def figure_without_source(ctx: CheckContext) -> Iterator[Draft]:
    """A figure stated with no evidence at all: no reference, no study, not even "studies show".

    Looks at statistics (claims with a quantity, not denied) that the source
    asserts in its own voice with attribution kind ``none``. A bare number is
    as unsupported as one introduced by "research shows" — more so, since
    nothing hints at where it comes from. Not reported when the same source
    gives the same figure elsewhere with its evidence (a summary restating
    the body); a wider range it cites ("5–35%") does not source its own
    "about 15%". Claims that quote overlapping passages are reported together.
    """
    bare = [
        c
        for c in ctx.claims_by_attribution.get("none", ())
        if c.quantity is not None
        and not c.negated
        and c.attribution.mode == "asserts"
        and not c.attribution.references
        and not _backed_elsewhere(ctx, c)
    ]
    for claims in ctx.passages(bare):
        marks = _citation_marks(claims)
        if marks:
            # the source cites something for it: the corpus did not link what
            yield Draft(
                f"{ctx.where_all(claims)} states a figure whose citation mark {marks} is linked "
                f"to no entry of references.bib: {_what(ctx, claims)}. A reader cannot tell "
                f"where the number comes from.{_unread(marks)}",
                tuple(claims),
            )
            continue
        yield Draft(
            f"{ctx.where_all(claims)} states a figure with no source at all: {_what(ctx, claims)}. "
            "It names no study, review or reference, so a reader cannot tell where the number "
            "comes from.",
            tuple(claims),
        )


#: words by which a source says a claim is proven ("proves", "proof", "conclusively");
#: not a "proof-of-concept" study, nor "child-proof"
_PROOF = re.compile(
    r"(?<![-‐])\b(?:prov(?:e|es|ed|en|ing)|proof(?![-‐ ]+of[-‐ ]+(?:concept|principle))|"
    r"conclusive(?:ly)?|definitive(?:ly)?|"
    r"beyond\s+(?:any\s+|all\s+)?(?:reasonable\s+)?doubt|once\s+and\s+for\s+all|"
    r"irrefutabl[ey]|indisputabl[ey]|undeniabl[ey])\b",
    re.IGNORECASE,
)
#: words before a proof word, in its clause, that deny, question or defer the proof ("no
#: single study proves", "does not prove", "whether it proves", "a lack of proof", "more
#: trials are needed to prove", "is yet to be proven")
_NO_PROOF = re.compile(
    r"\b(?:no|not|never|nothing|none|neither|nor|cannot|without|whether|hardly|nobody|"
    r"lack(?:s|ed|ing)?|little|insufficient|far\s+from|yet\s+to|fail(?:s|ed)?\s+to)\b"
    r"|n[’']t\b|\bto(?:\s+be)?\s*$",
    re.IGNORECASE,
)
#: the study that says what comes before it: "…, a new trial proves", "…, the study shows"
_SAID_BY = re.compile(
    r",\s*((?:(?:a|an|the|this|one|new|large|small|recent|\d{4})\s+)*"
    r"(?:study|trial|review|cohort|survey|experiment|research|researchers|scientists)\s*)$",
    re.IGNORECASE,
)
#: where a clause starts: the end of a sentence, a semicolon or colon, or "but"
_CLAUSE = re.compile(r"[.!?;:]\s|\bbut\b", re.IGNORECASE)
#: words quoted in the quote: someone else's words ("“science has proven it”")
_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"")
#: evidence from more than one study: a review, a meta-analysis, studies, research
_MANY_STUDIES = re.compile(
    r"\b(?:reviews?|meta-?analys[ie]s|pooled|umbrella|guidelines?|consensus|overview|"
    r"literature|research|evidence|studies|trials|surveys|cohorts|experiments|papers|data)\b",
    re.IGNORECASE,
)
#: a work that brings many studies together: what a title calls itself
_SYNTHESIS = re.compile(
    r"\b(?:reviews?|meta-?analys[ie]s|pooled analys[ie]s|overview|umbrella)\b", re.IGNORECASE
)
#: words naming one study ("a new study", "one small trial", "this cohort")
_ONE_STUDY = re.compile(
    r"\b(?:study|trial|survey|cohort|experiment|paper|poll|case[- ]control|cross[- ]sectional|"
    r"registry)\b",
    re.IGNORECASE,
)
#: designs that assign who is exposed: a trial can show a cause
_TRIAL = re.compile(
    r"\b(?:randomi[sz]ed|randomly\s+assigned|placebo|controlled\s+trial|RCT)\b", re.IGNORECASE
)
#: designs that only observe who was exposed: they show a link, not a cause
_OBSERVATIONAL = re.compile(
    r"\b(?:cohort|survey|poll|case[- ]control|cross[- ]sectional|observational|registry|"
    r"database|population[- ]based|retrospective)\b",
    re.IGNORECASE,
)


def _proof_word(claim: Claim) -> str | None:
    """The word by which the source says the claim is proven, or None.

    A cue (certainty or attribution) must hold a proof word, and the quote
    must use one as the source's own: not inside quotation marks (someone
    else's words), not denied or questioned in its clause ("no single study
    proves", "does not prove", "whether this proves"), not in a question.
    A quote without a proof word leaves the cue to be read on its own.
    """
    cues = " ".join(c for c in (claim.certainty.cue, claim.attribution.cue) if c)
    if _PROOF.search(cues) is None:
        return None
    quote = claim.quote
    quoted = [m.span() for m in _QUOTED.finditer(quote)]
    seen = False
    for match in _PROOF.finditer(quote):
        seen = True
        start = match.start()
        if any(a < start < b for a, b in quoted):
            continue
        clause = quote[:start]
        boundaries = list(_CLAUSE.finditer(clause))
        if boundaries:
            clause = clause[boundaries[-1].end() :]
        # "X does not cause Y, a new trial proves": the denial is what is proven
        said_by = _SAID_BY.search(clause)
        if said_by is not None:
            clause = said_by.group(1)
        rest = re.split(r"(?<=[.!?])\s", quote[start:], maxsplit=1)[0]
        if _NO_PROOF.search(clause) or rest.rstrip().endswith("?"):
            continue
        return match.group(0)
    if seen:
        return None
    for cue in (claim.certainty.cue, claim.attribution.cue):
        found = _PROOF.search(cue or "")
        if found is not None and not _NO_PROOF.search(cue or ""):
            return found.group(0)
    return None


@dataclass(frozen=True)
class _Evidence:
    """The one study a claim rests on, as the message names it, and its design's words."""

    named: str  # "a 2024 cohort of 12,400 people", "“One small trial”", "lee2019 (“…”)"
    design: str  # words that may say the design: the study's, the cue's, the cited title


def _one_study(ctx: CheckContext, claim: Claim) -> _Evidence | None:
    """The single study a claim rests on, or None if it rests on more (or on no study).

    One study: a study the source describes (``attribution.study``, unless
    its design is a review), a described study, an unidentified work or a
    research appeal whose words name one study and no more ("a new study",
    "one small trial"; not "studies", "a review"), or one cited work that
    its title, or the claim's words, show to be one study (not a review).
    """
    attribution = claim.attribution
    cues = " ".join(c for c in (attribution.cue, claim.certainty.cue) if c)
    study = attribution.study
    if study is not None:
        if _MANY_STUDIES.search(study.design or ""):
            return None
        words = _study_words(study)
        article = "an" if words[0] in "aeio" else "a"
        return _Evidence(f"{article} {words}", f"{study.design or ''} {cues}")
    kind = attribution.kind
    if kind == "described-study":
        return _Evidence(f"the study it describes (“{attribution.cue or 'a study'}”)", cues)
    if kind in ("unidentified-work", "research-appeal"):
        if _ONE_STUDY.search(cues) and not _MANY_STUDIES.search(cues):
            return _Evidence(f"“{attribution.cue or cues}”", cues)
        return None
    keys = list(dict.fromkeys(attribution.references))
    if kind != "cited" or len(keys) != 1:
        return None
    reference = ctx.corpus.reference_by_key.get(keys[0])
    title = (reference.title if reference is not None else None) or ""
    named = f"{keys[0]} (“{title}”)" if title else keys[0]
    if _MANY_STUDIES.search(title):
        return None
    if _ONE_STUDY.search(title) or _TRIAL.search(title):
        return _Evidence(named, f"{title} {cues}")
    words = f"{cues} {claim.quote}"
    if _ONE_STUDY.search(words) and not _MANY_STUDIES.search(words):
        return _Evidence(named, words)
    return None


def _design_name(word: str) -> str:
    """A design word as a noun phrase: "cohort" -> "cohort study", "survey" stays."""
    word = word.casefold()
    return word if word in ("survey", "poll", "registry") else f"{word} study"


#: attributions to a work: "A study … proves that" reports the study in the source's own
#: words, so its proof word is the source's (an expert's or a belief's is not)
_WORK_KINDS = frozenset(("cited", "described-study", "unidentified-work"))


@rule("proof-from-one-study", "unsupported", "warning")
def proof_from_one_study(ctx: CheckContext) -> Iterator[Draft]:
    """A claim called proven on the strength of one study.

    Claims the source asserts in its own voice (or reports of a work in its
    own words: "a study … proves that"), firmly (certainty
    ``certain``), asserted or denied ("proves that X does not cause Y"),
    whose certainty or attribution cue says it is proven ("proves",
    "proof", "conclusively", "definitively", "beyond doubt") while the
    evidence given is one study: a study it describes (a 2024 cohort of
    12,400 people), one it names without identifying it ("a new study", "one
    small trial"), or one cited work that its title or the claim's words show
    to be one study. Not reported when the proof word is
    denied, questioned or deferred in its clause ("no single study proves",
    "this does not prove", "does it prove …?", "a larger trial is needed to
    prove"), names a "proof-of-concept" study, when it is inside quotation marks
    (someone else's words), or when the evidence is more than one study (a
    review, a meta-analysis, "studies"). When the design only observes who
    was exposed (a cohort, a survey, a case-control or cross-sectional
    study, a registry) and the claim is of a cause or an effect, the message
    says such a design shows a link, not a cause (of a denial, the general
    reason: one study's sample, to be repeated). Claims of one passage, and
    a source's claims resting on the same described study, are one finding.
    """
    proven: list[Claim] = []
    evidence: dict[str, tuple[str, _Evidence]] = {}
    for claim in _proof_cued(ctx):
        # a denial called proven is the same overclaim ("proves that X does not cause Y");
        # a denied proof ("no single study proves …") is left by _proof_word
        if claim.attribution.mode != "asserts" and claim.attribution.kind not in _WORK_KINDS:
            continue  # a quoted expert's or a reported belief's words, not the source's
        if claim.certainty.level != "certain":
            continue
        word = _proof_word(claim)
        if word is None:
            continue
        found = _one_study(ctx, claim)
        if found is None:
            continue
        proven.append(claim)
        evidence[claim.id] = (word, found)
    for claims in _one_per_study(ctx, proven):
        words = wording.join(list(dict.fromkeys(f"“{evidence[c.id][0]}”" for c in claims)))
        studies = list(dict.fromkeys(evidence[c.id][1] for c in claims))
        named = wording.join(list(dict.fromkeys(s.named for s in studies)))
        designs = " ".join(s.design for s in studies)
        trial = _TRIAL.search(designs)
        observed = None if trial else _OBSERVATIONAL.search(designs)
        # a design that observes cannot show a cause; of a denial the general reason is said
        causal = any(
            not c.negated and OPPOSITE_DIRECTION.get(c.predicate, 0) != 0 for c in claims
        )
        keys = tuple(sorted({k for c in claims for k in c.attribution.references}))
        # the relation called proven; the populations its claims name are detail here
        relations = wording.join(
            list(dict.fromkeys(ctx.says(c, population=False) for c in claims))
        )
        if observed is not None and causal:
            design = _design_name(observed.group(0))
            why = (
                f"{wording.capital('an' if design[0] in 'aeio' else 'a')} {design} observes who "
                "was exposed and what happened to them: it can show that the two go together, "
                "not that one causes the other. Read it as a link one study found, not as proof "
                "of a cause, and look for randomised trials or a systematic review before "
                "relying on it."
            )
        else:
            why = (
                "One study shows what happened in its own sample; a finding is settled only when "
                "other studies repeat it. Read it as one study's result, not as proof, and look "
                "for other studies or a systematic review that confirm it."
            )
        yield Draft(
            f"{ctx.where_all(claims)} calls “{relations}” proven ({words}), but the "
            f"evidence it gives is one study: {named}. {why}",
            tuple(claims),
            keys,
        )


@rule("proof-from-observation", "unsupported", "info")
def proof_from_observation(ctx: CheckContext) -> Iterator[Draft]:
    """A cause called proven on many studies that only observe who was exposed.

    Claims the source asserts in its own voice (or reports of a work in its
    own words), firmly (certainty ``certain``), of a cause or an effect (a
    predicate with a direction; not denied), called proven by a proof word
    read as ``proof-from-one-study`` reads it ("proves", "beyond doubt",
    "conclusively"), whose evidence is more than one study and whose words
    — the described study's design, the cues, the cited works' titles, the
    claim's own — say the studies observe ("a meta-analysis of 40 cohort
    studies", "cohort studies prove", "a review of observational studies")
    and name no randomised trial. Evidence of one study is
    ``proof-from-one-study``'s. However many such studies agree, they show
    that exposure and outcome go together; the people exposed may differ in
    other ways that explain it. Claims of one passage are one finding.
    """
    proven: list[Claim] = []
    designs: dict[str, tuple[str, str]] = {}
    for claim in _proof_cued(ctx):
        if claim.attribution.mode != "asserts" and claim.attribution.kind not in _WORK_KINDS:
            continue  # a quoted expert's or a reported belief's words, not the source's
        if claim.certainty.level != "certain" or claim.negated:
            continue
        if OPPOSITE_DIRECTION.get(claim.predicate, 0) == 0:
            continue  # no cause or effect: nothing a design could fail to show
        word = _proof_word(claim)
        if word is None or _one_study(ctx, claim) is not None:
            continue
        study = claim.attribution.study
        titles = [
            r.title or ""
            for k in claim.attribution.references
            if (r := ctx.corpus.reference_by_key.get(k)) is not None
        ]
        words = " ".join(
            [study.design or "" if study else "", claim.attribution.cue or "",
             claim.certainty.cue or "", claim.quote, *titles]
        )  # fmt: skip
        observed = _OBSERVATIONAL.search(words)
        if observed is None or _TRIAL.search(words) or not _MANY_STUDIES.search(words):
            continue
        proven.append(claim)
        designs[claim.id] = (word, observed.group(0))
    for claims in ctx.passages(proven):
        words = wording.join(list(dict.fromkeys(f"“{designs[c.id][0]}”" for c in claims)))
        kinds = list(dict.fromkeys(_design_plural(designs[c.id][1]) for c in claims))
        keys = tuple(sorted({k for c in claims for k in c.attribution.references}))
        relations = wording.join(
            list(dict.fromkeys(ctx.says(c, population=False) for c in claims))
        )
        cited = [
            f"{k} (“{r.title}”)" if (r := ctx.corpus.reference_by_key.get(k)) and r.title else k
            for k in keys
        ]
        # what the source calls its evidence ("A meta-analysis of 40 cohort studies"): a
        # study's size may count studies here, not people
        cues = [f"“{c.attribution.cue}”" for c in claims if c.attribution.cue]
        given = wording.join(list(dict.fromkeys(cited or cues))) or "studies of that kind"
        kind = wording.join(kinds)
        yield Draft(
            f"{ctx.where_all(claims)} calls “{relations}” proven ({words}), but the evidence "
            f"it gives, {given}, rests on {kind}: they observe who was exposed and what "
            "happened to them, and however many agree, they show that the two go together — "
            "the people exposed may differ in other ways that explain it. Read it as a "
            "consistent link, not as proof of a cause, unless the work itself argues one.",
            tuple(claims),
            keys,
        )


def _design_plural(word: str) -> str:
    """An observing design as a plural noun phrase: "cohort" -> "cohort studies"."""
    word = word.casefold()
    if word == "registry":
        return "registries"
    if word in ("survey", "poll"):
        return f"{word}s"
    return f"{word} studies"


def _proof_cued(ctx: CheckContext) -> list[Claim]:
    """The claims whose certainty or attribution cue holds a proof word, each once.

    The attribution cue is read for the attribution kinds that can name one
    study (a claim of another kind rests on one study only through its
    ``study``, and is found by its certainty cue).
    """
    # cues repeat ("may", "according to"): each distinct one is searched once
    known: dict[str | None, bool] = {None: False}

    def proof(cue: str | None) -> bool:
        found = known.get(cue)
        if found is None:
            found = known[cue] = _PROOF.search(cue or "") is not None
        return found

    found: dict[str, Claim] = {c.id: c for c in ctx.cued_claims if proof(c.certainty.cue)}
    for kind in _STUDY_KINDS:
        for claim in ctx.claims_by_attribution.get(kind, ()):
            if proof(claim.attribution.cue):
                found[claim.id] = claim
    return list(found.values())


#: the attribution kinds whose claims may rest on one study without a ``study``
_STUDY_KINDS = ("described-study", "unidentified-work", "research-appeal", "cited")


def _study_words(study: Study) -> str:
    parts = [study.design or "study"]
    if study.year is not None:
        parts.insert(0, str(study.year))
    if study.size is not None:
        parts.append(f"of {study.size:,} people")
    return " ".join(parts)


_WORD = re.compile(r"[a-z0-9]+")


def matching_references(ctx: CheckContext, claim: Claim) -> list[tuple[Reference, list[str]]]:
    """The references.bib entries that fit a described study, with what matches.

    An entry fits when it agrees with the description where both say
    something — its year is the study's year, the sample size appears as a
    number in its title, abstract or note, its title names the claim's
    subject or object (labels and synonyms, is-a classes included) — and at
    least two of these match, the year and a title naming the outcome only
    not being enough (many works of a year share an outcome: the study is
    named by what it tested, or by its size); a title that says it reviews
    many studies ("a review", "a meta-analysis") never fits one study
    described (a trial), nor the other way round. Best fits first.
    """
    study = claim.attribution.study
    if study is None:
        return []
    vocab = ctx.vocabulary
    names: set[str] = set()
    #: the names of what the study tested (the claim's subject, its classes)
    tested: set[str] = set()
    for entity_id in (claim.subject, claim.object):
        for known in (entity_id, *vocab.classes(entity_id)):
            entity = vocab.entities.get(known)
            if entity is not None:
                found = {n.casefold() for n in (entity.label, *entity.synonyms) if len(n) > 2}
                names |= found
                if entity_id == claim.subject:
                    tested |= found
    index = _reference_index(ctx)
    # one search per title tells whether any name is in it
    any_name = re.compile(
        "|".join(f" {re.escape(n)} " for n in sorted(names, key=len, reverse=True)) or "(?!)"
    )
    size = None if study.size is None else str(study.size)
    fits = []

    # a review of many studies is not the one study described, nor one study a review
    review = bool(_SYNTHESIS.search(study.design or ""))

    def consider(entry: _Entry, same_year: bool) -> None:
        if study.design and bool(_SYNTHESIS.search(entry.title)) != review:
            return
        matched = [f"year {study.year}"] if same_year else []
        if size is not None and size in entry.numbers:
            matched.append(f"sample size {study.size}")
        titled = any_name.search(entry.title) is not None
        if len(matched) + titled < 2:
            return
        if titled:
            named = sorted(n for n in names if f" {n} " in entry.title)
            if same_year and len(matched) == 1 and not tested & set(named):
                # a year and an outcome fit many works: the study is named by what it tested
                # or how many it enrolled
                return
            matched.append(f"title words ({', '.join(named)})")
        fits.append((entry.reference, matched))

    # An entry fits only with two of year, size and title, so it holds the size or names
    # a name in its title; a name is in a title only if the name's first word is.
    # An entry of another year never fits: only the entries of the study's year and
    # those without a year are read (all of them for a study without a year).
    year = None if study.year is None else str(study.year)
    for group in (_ALL,) if year is None else (year, _UNDATED):
        filed = index.filed(group)
        candidates: dict[int, _Entry] = {}
        for entry in filed.by_number.get(size, ()) if size is not None else ():
            candidates[id(entry)] = entry
        for name in names:
            for entry in filed.by_word.get(name.split(" ")[0], ()):
                candidates[id(entry)] = entry
        for entry in candidates.values():
            consider(entry, year is not None and entry.year is not None)
    return sorted(fits, key=lambda fit: (-len(fit[1]), fit[0].key))


@dataclass(frozen=True)
class _Entry:
    """What :func:`matching_references` compares of a references.bib entry, read once."""

    reference: Reference
    year: str | None  # stripped
    numbers: frozenset[str]  # the numbers of its title, abstract and note, without commas
    title: str  # its words, case-folded, space-separated and padded


@dataclass(frozen=True)
class _Filed:
    """Entries filed by the numbers they hold and the words of their titles."""

    by_number: dict[str, list[_Entry]]
    by_word: dict[str, list[_Entry]]


_ALL = "*all*"  # group of every entry
_UNDATED = "*undated*"  # group of the entries without a year


class _ReferenceIndex:
    """The references.bib entries by year; each year's entries read and filed when first asked."""

    def __init__(self, references: Sequence[Reference]) -> None:
        self.by_year: dict[str, list[Reference]] = defaultdict(list)
        for ref in references:
            year = ref.year
            self.by_year[_UNDATED if year is None else year.strip()].append(ref)
        self.by_year[_ALL] = list(references)
        self._entries: dict[int, _Entry] = {}
        self._filed: dict[str, _Filed] = {}

    def filed(self, group: str) -> _Filed:
        """The entries of one year (or ``_UNDATED``, ``_ALL``), filed by number and word."""
        found = self._filed.get(group)
        if found is None:
            by_number: dict[str, list[_Entry]] = defaultdict(list)
            by_word: dict[str, list[_Entry]] = defaultdict(list)
            for ref in self.by_year.get(group, ()):
                entry = self._entry(ref)
                for number in entry.numbers:
                    by_number[number].append(entry)
                for word in set(entry.title.split()):
                    by_word[word].append(entry)
            found = self._filed[group] = _Filed(dict(by_number), dict(by_word))
        return found

    def _entry(self, ref: Reference) -> _Entry:
        entry = self._entries.get(id(ref))
        if entry is None:
            text = " ".join(ref.get(f) or "" for f in ("title", "abstract", "note"))
            entry = self._entries[id(ref)] = _Entry(
                ref,
                ref.year.strip() if ref.year is not None else None,
                frozenset(n.replace(",", "") for n in re.findall(r"\d[\d,]*", text)),
                " " + " ".join(_WORD.findall((ref.title or "").casefold())) + " ",
            )
        return entry


def _reference_index(ctx: CheckContext) -> _ReferenceIndex:
    """The references, read once per run and filed by year."""
    return ctx.shared("reference-index", lambda: _ReferenceIndex(ctx.corpus.references))


def _one_per_study(ctx: CheckContext, described: list[Claim]) -> list[list[Claim]]:
    """The claims grouped by passage, and passages of one source describing one study joined.

    A news story that names "a 2024 cohort of 12,400 adults" in its title, its
    lead and two later paragraphs rests on one uncited work: one finding.
    """
    passages = ctx.passages(described)
    parent = list(range(len(passages)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    first_with: dict[tuple[str, Study], int] = {}
    for n, passage in enumerate(passages):
        for claim in passage:
            if claim.attribution.study is not None:
                key = (claim.source, claim.attribution.study)
                parent[find(n)] = find(first_with.setdefault(key, n))
    joined: dict[int, list[Claim]] = defaultdict(list)
    for n, passage in enumerate(passages):
        joined[find(n)].extend(passage)
    return [ctx.in_order(claims) for _, claims in sorted(joined.items())]


@rule("described-study-not-cited", "vague-attribution", "info")
def described_study_not_cited(ctx: CheckContext) -> Iterator[Draft]:
    """A study described well enough to identify (year, size, design) but not cited.

    Looks at claims whose attribution kind is ``described-study`` and that
    cite no reference. Unlike an untraceable appeal ("one study"), the
    source gives enough to find the work; when an entry of references.bib
    fits the description (year, sample size, title words — see
    :func:`matching_references`), the finding suggests it. Claims of one
    passage, and every claim of a source describing the same study, are one
    finding.
    """
    described = [
        c
        for c in ctx.claims_by_attribution.get("described-study", ())
        if not c.attribution.references
    ]
    for claims in _one_per_study(ctx, described):
        studies = list(dict.fromkeys(c.attribution.study for c in claims if c.attribution.study))
        about = wording.join([_study_words(s) for s in studies]) or "a study"
        suggestions: dict[str, tuple[Reference, list[str]]] = {}
        for claim in claims:
            for ref, matched in matching_references(ctx, claim):
                suggestions.setdefault(ref.key, (ref, matched))
        message = (
            f"{ctx.where_all(claims)} rests “{_what(ctx, claims)}” on a {about} it describes "
            "but does not cite."
        )
        if suggestions:
            fits = "; ".join(
                f"{key} (“{ref.title or key}”: {', '.join(matched)})"
                for key, (ref, matched) in suggestions.items()
            )
            message += (
                f" references.bib has an entry that fits: {fits} — cite it if it is that study."
            )
        else:
            message += " No entry of references.bib fits; add the work and cite it."
        yield Draft(message, tuple(claims))


@rule("promotes-own-interest", "conflict-of-interest", "warning")
def promotes_own_interest(ctx: CheckContext) -> Iterator[Draft]:
    """A source recommends, as a treatment, what its publisher sells or promotes.

    For each source with ``interests`` (entity ids of what its publisher
    sells), collects its claims that present one of them — or a kind of it,
    or a class it belongs to (is-a either way) — as treating, reducing or
    recommended for something (not denied). The message names the source's
    kind (a provider's marketing page is advertising by design) and its own
    words about the interest.
    """
    vocab = ctx.vocabulary
    for source in sorted(ctx.corpus.sources, key=lambda s: s.id):
        if not source.interests:
            continue
        promoting = [
            c
            for c in ctx.claims_by_source.get(source.id, ())
            if not c.negated
            and (direction(c.predicate) < 0 or c.predicate == "recommends")
            and any(vocab.related(c.subject, interest) for interest in source.interests)
        ]
        if not promoting:
            continue
        interests = [ctx.label(i) for i in source.interests]
        offered = wording.join(list(dict.fromkeys(ctx.label(c.subject) for c in promoting)))
        targets = wording.join(list(dict.fromkeys(ctx.label(c.object) for c in promoting)))
        note = f" (“{source.interests_note}”)" if source.interests_note else ""
        cited = sum(1 for c in promoting if c.attribution.references)
        if len(promoting) == 1:
            backing = "it cites a reference" if cited else "it cites no reference"
        else:
            backing = f"{cited or 'none'} of them cite{'s' * (cited == 1)} a reference"
        yield Draft(
            f"{source.id} is {'a' if source.kind == 'other' else f'a {source.kind}'} source "
            "whose publisher sells or promotes "
            f"{wording.join(interests)}{note}. In {len(promoting)} claim"
            f"{'s' * (len(promoting) > 1)} it presents {offered} as a treatment or "
            f"recommendation for {targets}; {backing}. Read these as promotion as well as "
            "advice.",
            tuple(promoting),
        )
