"""The offline rule-based extractor: cue phrases, terms, figures, hedges and evidence.

For every sentence (see :mod:`~bluntgraph.extract.segment`), each relation
cue (:data:`~bluntgraph.extract.cues.RELATION_CUES`) takes its subject from
the terms before it and its object from the terms after it, within its
clause; coordinated terms ("depression, anxiety and stress") give one claim
each. Terms are the vocabulary's (:class:`~bluntgraph.extract.terms.TermMatcher`)
or, where the vocabulary has none, the noun phrase in that position (a
proposed entity). Negation comes from negspacy's NegEx component on a blank
spaCy pipeline (no model is loaded); hedges, figures and evidence from the
cue lists of :mod:`~bluntgraph.extract.cues`.
"""

from __future__ import annotations

import functools
import itertools
import re
from bisect import bisect_left, bisect_right, insort
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from typing import Any

from ..errors import MissingExtraError
from ..model import Attribution, Certainty, Entity, Quantity, Reference
from .calibration import confidence as calibrated
from .cues import (
    CERTAIN_CUES,
    CERTAINTY_CUES,
    CHANGE_PREDICATE,
    DESCRIBED_WORK,
    EXPERIENCE_CUE,
    RELATION_CUES,
    RESEARCH_APPEAL,
    SPEECH,
    WORK_FINDS,
)
from .pipeline import ExtractionContext, Proposal, guess_type, slug
from .references import cited_names
from .safety import find_doses, plain_safety, safety_shapes
from .segment import Sentence, lines, sentences
from .statistics import Statistic, find_statistics
from .terms import TermMatch, TermMatcher, inflections, lower_same_length, singulars

__all__ = ["RuleExtractor"]


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


_STOP = _wordset(
    """
    a an the this that these those it its it's they them their there here he she his her we
    our you your i my me is are was were be been being am do does did doing have has had
    having can could may might must shall should will would also often sometimes usually not
    no never just only even still very more most less least much many some any all both each
    every other another such so too quite rather really already yet again however which who
    whom whose what when where why how if then than because while although though but and or
    nor as at by for from in into of on onto to with without about against between through
    during before after above below up down out over under within among per via like
    including especially e.g. i.e. etc one ones something someone people person thing things
    way ways lot lots kind type types form forms yes well always it's that's there's what's
    you're they're we're don't doesn't isn't aren't can't won't how i've we've you've
    they've i'm i'd we'd you'd i'll itself themselves himself herself yourself ourselves
    case cases instance instances situation situations longer anymore according
    """
)
_ADVERB = re.compile(
    r"^(?:\w+ly|also|often|can|may|might|could|would|will|not|does|do|is|are|was|were|be|"
    r"been|even|still|just|only|sometimes|usually)$",
    re.IGNORECASE,
)
_POPULATION_BEFORE = re.compile(
    r"\b(?:people|patients|individuals|adults|those|users|persons|children|women|men)\s+"
    r"(?P<verb>with|who have|who has|taking|who take|who are taking|on|using|who use|"
    r"receiving|treated with)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
#: ", which softens the bones, is" right before a cue: the relative clause to step over
_RELATIVE_BETWEEN = re.compile(
    r",\s*(?:which|who)\b[^,;:()]{1,80},\s*(?:(?:is|are|was|were|can|may|might|could|will|"
    r"has|have|had|be|been|often|also|usually|commonly|sometimes)\s+)*$",
    re.IGNORECASE,
)
#: what makes the next word a noun or a gerund, not the verb of a relation
_NOT_A_VERB = re.compile(
    r"\b(?:the|a|an|its|their|his|her|our|your|my)\s+$",
    re.IGNORECASE,
)
#: a participle after these is an adjective: "reduced appetite", "with increased risk"
#: a gerund after these names an activity: "tips like reducing stress", "for restoring"
_GERUND_BEFORE = re.compile(
    r"\b(?:like|such as|including|for|of|from|about|without|by)\s+(?:\w+ly\s+)?$",
    re.IGNORECASE,
)
#: a name for an aspect of what follows "of": "side effects (of X)", "use (of X)"
_ASPECT_OF = re.compile(r"^(?:side[- ]effects?|adverse effects?|effects?|use|misuse|overuse)$",
                        re.IGNORECASE)
#: a present participle after a comma: ", leading to X", ", causing X"
_PARTICIPLE_CUE = re.compile(r"(?:leading|causing|resulting|triggering|contributing|giving)\b",
                             re.IGNORECASE)
#: a reverse cue that names a member of a list: "(, and) the side effects of X"
_EFFECTS_OF = re.compile(
    r"(?:an? |the )?(?:\w+[- ]){0,2}?(?:side[- ]effects?|adverse effects?)\s+of", re.IGNORECASE)
_MEMBER_BEFORE = re.compile(r"(?:,\s*(?:and|or)?|\band\b|\bor\b)\s*$", re.IGNORECASE)
#: "(One of the drugs used to treat X) is Y": the copula after the object names the subject
_NAMED_AFTER = re.compile(r"\s*(?:\([^()]*\)\s*)?,?\s*(?:is|are)\s+(?!(?:not|also|often|"
                          r"usually|very|more|less|common|rare|likely)\b)", re.IGNORECASE)
#: "has strong evidence for", "is effective for": the gerund after it is what the subject does
_FOR_DOING = re.compile(
    r"\b(?:evidence|effective|useful|helpful|beneficial|proven|promising|successful|known)\s+"
    r"(?:\w+ly\s+)?(?:for|at)\s+(?:\w+ly\s+)?$",
    re.IGNORECASE,
)
#: the verb before "evidence for", "effective for": the subject is before it
_HAS_VERB = re.compile(r"\b(?:has|have|had|shows?|showed|is|are|was|were|be|been|seems?|"
                       r"appears?)\b(?!.*\b(?:has|have|had|is|are|was|were)\b)", re.IGNORECASE)
#: a second verb of change after a first in the same clause: "lowered LDL cholesterol (by
#: 30%) and reduced heart attacks" (after "caused fatigue and", "reduced appetite" is a noun)
_SECOND_CHANGE = re.compile(
    r"\b(?:lowered|raised|reduced|increased|improved|decreased|cut|boosted|shortened|"
    r"lengthened|relieved|eased|halved|doubled)\s[^,;:.()]{1,80}?\sand\s+$", re.IGNORECASE)
_ADJECTIVAL = re.compile(
    r"\b(?:the|a|an|with|of|have|has|had|cause|causes|caused|entail|entails|show|shows|"
    r"include|includes|including|experience|experiences|and|or|to|into)\s+$|,\s*$",
    re.IGNORECASE,
)
_LACK = re.compile(r"\b(?:inability|lack|loss|absence|reduction|decrease)\b", re.IGNORECASE)
#: "… and can worsen": the verb shares the subject of the verb before "and"
#: "… of people with X are overweight": the verb after a counted population
_STAT_COPULA = re.compile(
    r"\s+(?:(?:also|often|now|still)\s+)?(?P<verb>are|is|were|was)\b(?:\s+(?:also|often|now|"
    r"still|considered|classed as|classified as))?(?:\s+(?:an?|the))?",
    re.IGNORECASE,
)
#: the words right before a relative pronoun: up to four, none a preposition or verb form
_TRAILING_NP = re.compile(
    r"(?<![\w'’-])(?P<np>(?:(?!(?:with|for|of|in|on|at|by|from|to|than|and|or)\b)"
    r"[A-Za-z][\w'’-]*\s+){0,3}(?!(?:with|for|of|in|on|at|by|from|to|than|and|or)\b)"
    r"[A-Za-z][\w'’-]*)\s*,?\s*$",
    re.IGNORECASE,
)
_VP_JOINED = re.compile(
    r"\s(?:and|but)\s+(?:(?:can|may|might|could|will|would|also|often|usually|sometimes|"
    r"then|even|later|eventually|thus|therefore)\s+)*$",
    re.IGNORECASE,
)
#: "can cause nausea, worsen reflux and …": a verb phrase listed after a comma (a verb
#: right after the comma: no subject of its own)
_VP_LISTED = re.compile(
    r",\s*(?:(?:can|may|might|could|will|would|also|often|usually|sometimes|even)\s+)*$",
    re.IGNORECASE,
)
_BY_MEANS = re.compile(r"(?P<object>[^.;:]{0,60}?)\s(?P<by>by|through|with)\s+(?P<means>\w+ing\b)",
                       re.IGNORECASE)
_MEANS_PREDICATES = frozenset({"reduces", "treats", "causes", "worsens", "increases", "decreases"})
_PRIVATIVE = re.compile(
    r"\b(?:inability|unable|lack|loss|reduction|reduced|absence|decrease|decreased|"
    r"diminished|blunted|lessened)\b",
    re.IGNORECASE,
)
_PRIVATIVE_LABEL = re.compile(
    r"^(?:reduced|decreased|diminished|loss of|lack of|inability to|absence of|lower)\b"
)
_RESTORE = re.compile(r"restor|improv|re-engage|re-establish|rebuild|regain|bring back|return",
                      re.IGNORECASE)
#: "similar effects", "these symptoms": a general noun that points back to what was named;
#: "the same weight loss" names its own head
_ANAPHORIC = re.compile(
    r"^(?:similar|such|the same|these|those|this|that)\s+(?:\w+\s+)?(?:effects?|symptoms?|"
    r"problems?|issues?|results?|changes?|things?|feelings?|outcomes?|reactions?|signs?|"
    r"cases?|conditions?|experiences?|benefits?|risks?|consequences?)\b",
    re.IGNORECASE,
)
def _include(text: str) -> re.Match[str] | None:
    """The "<head> of X include …" construction of a sentence, unless it is a predicate noun.

    "…is a symptom of a condition, including depression" names examples of the
    condition: the symptom_of cue reads it.
    """
    found = list(_INCLUDE.finditer(text))
    if not found:
        # "<head> is X" only as the sentence's subject ("Another option is …")
        found = [m for m in _INCLUDE_IS.finditer(text) if len(re.sub(
            r"^\W*(?:one|some|many|a few) of\s+", "", text[: m.start()]).split()) <= 3
                 and not _DESCRIBED.match(text, m.end())]
    for match in found:
        if re.search(r"\b(?:is|are|be|was|were|as)\s+(?:an?\s+|the\s+|one of the\s+)?"
                     r"(?:\w+\s+)?$", text[: match.start()], re.IGNORECASE) and not re.search(
                r"\bthere\s+(?:is|are|can be|may be)\s+(?:\w+\s+){0,2}$", text[: match.start()],
                re.IGNORECASE):
            continue  # "X is a symptom of Y, including …"; but "There are many causes of Y,
            # including …" names them
        if _VERBAL_BEFORE.search(text[: match.start("head")]):
            continue  # "Statin use can cause aches when …": "cause" is the verb, not a head
        return match
    return None


#: what makes the next word a verb ("can cause", "to treat", "it causes", "commonly causes")
_VERBAL_BEFORE = re.compile(
    r"\b(?:can|may|might|could|will|would|should|must|does|do|did|to|not|it|they|he|she|we|"
    r"you|who|which|that|also|often|sometimes|usually|rarely|"
    r"(?!(?:early|only|family|daily|weekly|monthly|yearly|elderly|likely|deadly|costly)\b)"
    r"\w+ly)\s+$",
    re.IGNORECASE,
)


_COMPOUND = re.compile(
    r"\b(?P<agent>[A-Za-z][\w]*)-(?P<how>induced|caused|driven|triggered|related|associated|"
    r"linked)\b",
    re.IGNORECASE,
)
#: what names no cause of its own before "-induced": "drug-induced liver injury"
_GENERIC_AGENTS = frozenset(("drug", "drugs", "medication", "medicine", "treatment", "therapy"))
_VERB_COORD = re.compile(r"^\s*,?\s*(?:and|or|and/or|but also|but)\s+(?:\w+ly\s+)?$")
_COUNTED = re.compile(
    r"^(?:two|three|four|five|several|many|some|a few|various|multiple|a number of|"
    r"different|a range of)\b",
    re.IGNORECASE,
)
_ACTIVITY = re.compile(
    r"\s*(?P<verb>[A-Za-z]+ing)\b(?:\s+(?:to|from|off|out|up|down|on)\b)?\s*"
)
#: words in -ing that start a clause without naming an activity
_NOT_GERUNDS = frozenset({
    "according", "including", "regarding", "concerning", "during", "following", "considering",
    "excluding", "nothing", "something", "anything", "everything", "morning", "evening",
    "thing", "spring", "king", "ring", "bring", "sing", "string", "wing", "ping",
})
_HELPS = re.compile(r"\s*(?:[.;!?]|,|$)")
_MODAL = re.compile(r"\b(?:can|may|might|could|will|would|should|must|does|do|did)\b",
                    re.IGNORECASE)
_VERB_FORM = re.compile(r"^\w+(?:ed|ing)$", re.IGNORECASE)
#: the relations a group of people can be the scope of
_EFFECTS = frozenset({"causes", "increases", "decreases", "reduces", "worsens", "treats"})
#: what a draft says its subject does to its object (see _State.agents)
_ACTS = _EFFECTS | {"associated_with", "prevents"}
#: "(side effects) such as", ", like", "including": the members named next
_SUCH_AS = re.compile(r"\s*,?\s*(?:such as|like|including|e\.g\.,?)\s+", re.IGNORECASE)
#: a pronoun that makes a sentence naming one term link it with what the pronoun stands for
_COOCCURRING_PRONOUN = re.compile(r"\b(?:it|its|this|they|them|their|these)\b", re.IGNORECASE)
#: "(have) a higher risk of", "(had) a lower chance of": how the people's risk differs
_RISK_AFTER_CUE = re.compile(
    r"\s*(?:an?\s+)?(?:(?:much|slightly|significantly|two-fold|\d+%)\s+)?(?P<way>higher|greater|"
    r"increased|raised|elevated|lower|reduced|decreased|smaller)\s+(?:risk|chance|odds|"
    r"likelihood|rates?)\s+of\b", re.IGNORECASE)
_HIGHER = frozenset({"higher", "greater", "increased", "raised", "elevated"})
#: the wording that makes an effect a change in how likely its object is, between the
#: effect's verb and its object: "(raises) the risk of getting a", "(cut) their chances of",
#: "(halves) your odds of catching a", "(lowers) the lifetime risk of dying from" — what
#: :meth:`RuleExtractor._effect` reads as a risk and the confidence's ``gap`` does not count
_RISK_WORDING = re.compile(
    r"\b(?:(?:the|your|their|his|her|its|our|one's|a\s+person's)\s+)?(?:(?:relative|overall|"
    r"lifetime|absolute)\s+)?(?:risks?|chances?|odds|likelihood|rates?|incidence)\s+(?:of|for)\b"
    r"(?:\s+(?:getting|developing|catching|contracting|having|suffering(?:\s+from)?|"
    r"dying\s+(?:of|from))\b)?(?:\s+(?:an?|the|your|their)\b)?", re.IGNORECASE)
#: how long it takes to do something, as an outcome: "(the) time it takes (people) to fall
#: asleep", "the time needed to recover", "how long it takes to get to sleep"
_TIME_TO = re.compile(
    r"\s*(?P<time>(?:the\s+|your\s+|their\s+)?(?:(?:average|mean|total)\s+)?(?:time|length of "
    r"time|how long)\s+(?:(?:it|that it)\s+(?:takes|took|takes?\s+(?:you|them|people|patients))\s+|"
    r"(?:needed|taken|required|spent)\s+|(?:it\s+)?)?to\s+(?P<done>(?!be\b)[a-z]+(?:\s+(?:asleep|up|"
    r"off|down|back|better|well|sleep|to sleep|home|over|again))?))\b", re.IGNORECASE)
#: the start of the risk wording at a cue's end: "cuts (the risk)", "halves (your odds)"
_RISK_NOUN_END = re.compile(r"(?:(?:the|your|their|his|her|its|our)\s+)?(?:risks?|chances?|odds|"
                            r"likelihood|rates?|incidence)$", re.IGNORECASE)
#: a name that is a scale of something, whose percentage change is not a change in risk
_SCALE_NAME = re.compile(
    r"\b(?:scores?|levels?|severity|intensity|duration|length|frequency|pressure|counts?|"
    r"concentrations?|weight|mass|density|volume|size)$", re.IGNORECASE)
#: ", a sugar, (may)": an appositive right before the verb
_APPOSITIVE_END = re.compile(
    r",\s*(?:a|an|one|another|the)\s+[^,;:()]{1,60}?,\s*(?:(?:may|might|can|could|will|would|also|"
    r"often|usually|does|do|did|not)\s+)*$", re.IGNORECASE)
#: "X is a Y (that …)", "X, a Y (that …)": Y is X's class; the relative clause is about X
_COPULA_CLASS = re.compile(
    r"^(?P<named>.*?\S)\s*(?:,\s*(?:a|an|one|another)\s+|\s+(?:is|are|was|were)\s+"
    r"(?:(?:a|an|one|another)\s+)?)[^,;:()]{1,60}$", re.IGNORECASE)
#: "X is a Y (used to)" right before a participle cue: Y is X's class, the cue is about X
_CLASS_PARTICIPLE = re.compile(
    r"^\W*(?P<named>[^,;:()]*?\S)\s+(?:is|are|was|were)\s+(?:also\s+|often\s+)?(?:an?|one|another|"
    r"the)\s+(?:[\w-]+\s+){1,3}?(?P<used>(?:(?:commonly|often|mainly|mostly|usually|also|widely)\s+)?"
    r"(?:used|taken|given|prescribed)\s*(?:to|for)?\s*)?$", re.IGNORECASE)
#: "should take", "should avoid": advice to the people (or condition) before it
_SHOULD_DO = re.compile(
    r"\bshould\s+(?P<no>not\s+|never\s+)?(?P<verb>try|consider|use|take|avoid|stop)\b",
    re.IGNORECASE)
#: the relations an effect size (odds ratio, hazard ratio, relative risk) can measure
_RATIO_PREDICATES = frozenset({"causes", "increases", "decreases", "reduces", "worsens",
                               "associated_with"})
#: what a group is doing, which sets it apart: "travellers crossing five time zones",
#: "adults working night shifts" (a word in -ing that is no preposition)
_DOING = r"(?!(?:during|including|according|regarding|concerning|excluding)\b)[a-z]{3,}ing\b"
#: when or where a relation held, not who: "during the trial", "over the study period" ("in
#: the first trimester" is left to the group: "women in the first trimester" may be whom)
_SETTING_START = (r"(?:during|throughout|(?:at|over|after|before|by|within)\s+(?:the|a|an|"
                  r"this|that|their|its|each|every)\b)")
#: "(… atrial fibrillation) in healthy young adults": the people a relation holds for, with
#: what is said of them up to the clause's end ("in older women living in nursing homes",
#: "in older adults with dementia living in care homes", "in people who live at home")
_GROUP = (
    r"(?:in|among|for(?=\s+(?:some|many|most)\s))\s+(?:(?P<share>some|many|most|all|the)\s+)?"
    r"(?P<group>(?:[a-z][\w-]*\s+){0,3}?"
    r"(?:people|patients|adults|children|women|men|users|individuals|smokers|seniors|"
    r"teenagers|adolescents|infants|travell?ers|athletes|workers|residents)"
    rf"(?:\s+(?!{_SETTING_START})(?:with|without|taking|on|over|under|aged|living|staying|who|"
    r"recently|newly|admitted|discharged|diagnosed|receiving|using|undergoing|"
    rf"{_DOING})(?:\s+(?!{_SETTING_START})[\w-]+){{1,7}})?)"
)
#: (a citation may end the clause: "in adults over 60 (Smith et al., 2019).", "… [2].")
#: a group and what is said of it: "children | who take it every night"
_QUALIFIED = re.compile(
    r"(?P<who>.+?)\s+(?P<what>(?:with|without|taking|on|over|under|aged|living|staying|who|"
    rf"recently|newly|admitted|discharged|diagnosed|receiving|using|undergoing|{_DOING})\b.*)")
#: a word that points back at something said before
_POINTING = re.compile(r"\b(?:it|its|them|this|these|those|that|they|their)\b", re.IGNORECASE)
#: a capitalised word of a name: "DreamEasy", "Nature's"
_CAPITALISED_WORD = re.compile(r"[A-Z][\w'’-]*(?=\s+$|\s+\S|$)")
#: a product's form after the term its name contains: "(Melatonin) Gummies", "Extra Strength
#: Tablets", "Lozenges"
_PRODUCT_FORM = re.compile(
    r"(?:\s+(?:Extra|Max(?:imum)?|Strength|Plus|Kids|Children's|Adult|Sleep|Night|Fast|Rapid|"
    r"Release|Forte|Ultra|Original))*\s+(?:Gumm(?:y|ies)|Capsules?|Caps|Softgels?|Tablets?|"
    r"Drops|Sprays?|Syrups?|Lozenges?|Chews|Chewables?|Patch(?:es)?|Powders?|Teas?|Oils?|"
    r"Creams?|Gels?|Shots?|Liquids?|Formula|Supplements?|Spray)\b")
#: a product's whole name: capitalised words, a brand word among them, and its form
_PRODUCT_NAME = re.compile(
    r"(?:[A-Z][\w'’-]*\s+)*?(?:[A-Z][a-z]+[A-Z][\w'’-]*|[A-Z][\w'’-]*\s+[A-Z][\w'’-]*)"
    rf"(?:\s+[A-Z][\w'’-]*)*?{_PRODUCT_FORM.pattern}")
#: when or where, after the group: "(in adults) during the trial", "at the end of the study"
_SETTING = rf"(?:\s+{_SETTING_START}(?:\s+[\w-]+){{1,5}}?)?"
#: ("only in people who are deficient", "especially in older adults": still for whom)
_IN_GROUP = re.compile(
    rf"\s+(?:(?:only|especially|particularly|mainly|mostly)\s+)?{_GROUP}{_SETTING}"
    r"(?=\s*(?:\([^()]*\)\s*|\[[^\]]*\]\s*)*(?:[,.;:]|$))", re.IGNORECASE)
#: "In people with diabetes, …", "Among women over 50, …", "For healthy people living at
#: home, …": the group a sentence opens with (after a label, "Summary: …", or inside a
#: quotation, "“For …"; "for" is no purpose here, a comma ends the group)
_FRONTED_GROUP = re.compile(
    r"\s*(?:(?:[A-Z][\w-]*\s+){0,2}?[A-Z][\w-]*:\s+)?[\"“‘']?\s*(?P<phrase>"
    + _GROUP.replace(r"for(?=\s+(?:some|many|most)\s)", "for", 1)
    + r")\s*(?:\([^()]*\)\s*|\[[^\]]*\]\s*)*,\s*", re.IGNORECASE)
#: the people a described study was of: "A study of 2,941 older patients (proves that)"
_STUDIED = re.compile(
    r"\b(?:study|survey|review|trial|meta-analysis|analysis|cohort)\s+(?:of|with|in|among|"
    r"involving)\s+(?:more than\s+|over\s+|nearly\s+|about\s+|almost\s+|some\s+)?\d[\d,]*\s+"
    r"(?P<who>(?:[a-z][\w-]*\s+){0,2}?(?:people|patients|adults|children|women|men|users|"
    r"individuals|smokers|seniors|teenagers|adolescents|infants|athletes|workers|inpatients|"
    r"outpatients|volunteers)(?:\s+(?:aged|over|under)\s+\d+(?:\s*(?:–|-|to)\s*\d+)?"
    r"(?:\s+(?:and|or)\s+(?:over|older|above|under|younger))?)?)\b", re.IGNORECASE)
#: a study named with whom it was in, without a count, and what it found: "a large trial in
#: people aged 65 and over found (that …)"
_STUDIED_IN = re.compile(
    r"\b(?:study|studies|survey|review|reviews|trial|trials|meta-analysis|analysis|cohort)\s+"
    + _GROUP.replace("(?:in|among|for(?=\\s+(?:some|many|most)\\s))", "(?:in|among|of)", 1)
    + r"(?=" + WORK_FINDS.pattern + r")", re.IGNORECASE)
#: a lead-in clause that names the group what follows its colon is about: "The evidence in
#: older adults is weaker: …", "Among smokers the picture differs: …"
_LEAD_IN_GROUP = re.compile(rf"\b{_GROUP}(?=[^:;.!?]*:\s)", re.IGNORECASE)
#: what may stand between an effect's object and its figure: "reduces falls (by) 20%"
_TO_FIGURE = re.compile(r"\s*(?:by|of)?\s*")
#: a personal pronoun (or "people") right before a word: that word is its verb
_AFTER_PRONOUN = re.compile(r"(?:^|\W)(?:i|we|you|they|he|she|people)\s+$", re.IGNORECASE)
#: a past participle: regular, or one of the irregular ones articles use in the passive
_PARTICIPLE = re.compile(
    r"^(?:\w+ed|seen|shown|found|given|known|done|made|taken|thought|told|written|"
    r"held|kept|led|left|meant|put|set|brought|bought|sold|run|grown|drawn)$",
    re.IGNORECASE,
)
#: "statin users (often) …", "long-term PPI users …": the users of a thing, before a verb
_USERS_SUBJECT = re.compile(
    r"(?<![\w-])(?P<what>[A-Za-z][\w-]*(?:\s+[A-Za-z][\w-]*)?)\s+users\s+"
    r"(?:(?:may|might|can|could|often|also|commonly|frequently|sometimes|usually|will|do|"
    r"seldom|never|\w+ly)\s+)*$", re.IGNORECASE)
_POPULATION_SUBJECT = re.compile(
    r"\b(people|patients|individuals|adults|those|users|persons|children|women|men)\s+"
    r"(?:with|who have|who take|who took|who used|who were taking|taking|on|using)\s+"
    r"[^,.;:]{1,60}?\s+"
    r"(?:(?:may|might|can|could|often|also|commonly|frequently|sometimes|usually|will|do|"
    r"seldom|never|\w+ly)\s+)*$",
    re.IGNORECASE,
)
#: "these symptoms", "this effect"; "that" only where it can point back — at a clause's
#: start or after a preposition ("of that effect"): after a verb ("studies show that fish
#: oil …") or a noun it introduces a clause whose subject is the term itself
_DEMONSTRATIVE = re.compile(
    r"\b(?:these|this|those|such)\s+$"
    r"|(?:^|[^\w\s]\s*|\b(?:of|in|with|for|from|on|by|about|at|to|and|but|or|after|before|"
    r"during|like)\s+)that\s+$",
    re.IGNORECASE,
)
#: "(Metformin), or Glucophage, (lowers …)": another name between commas, before the verb
_OR_NAME = re.compile(r"(?<=[\w)]),\s+or\s+(?P<alias>[A-Za-z][\w'’-]*(?:\s+[\w'’-]+){0,3})\s*,"
                      r"\s*(?:(?:can|may|might|could|will|would|does|do|also|often|usually|"
                      r"sometimes|not|\w+ly)\s+)*$", re.IGNORECASE)
_GENERIC = re.compile(
    r"^(?:the|this|these|that|those|your|such|their)\s+(?P<head>medications?|medicines?|"
    r"drugs?|pills?|tablets?|capsules?|supplements?|vitamins?|herbs?|remedy|remedies|"
    r"conditions?|disorders?|illness)$"
)
_DRUGLIKE = ("drug", "drug_class", "brand")
#: someone a cause makes do something: "cause people (the individual, you) to …"
_PERSON = re.compile(
    r"(?:the\s+|some\s+|many\s+|most\s+)?(?:people|persons?|individuals?|patients?|someone|you|"
    r"them|him|her|us|children|adults|women|men|users|sufferers)\b", re.IGNORECASE)
_MADE_TO = re.compile(r"\s+to\s+(?:(?:often|sometimes|also)\s+)?(?P<verb>[a-z]+)\b", re.IGNORECASE)
#: "cause people to develop X": X is what is caused
_UNDERGONE = _wordset("develop get experience have suffer notice")
#: no object after an imperative's verb: "Do not stop on your own", "Never stop suddenly"
_NO_OBJECT = re.compile(r"\s*(?:(?:on\s+(?:your|their|his|her|one's)\s+own|by\s+yourself|"
                        r"suddenly|abruptly|alone|at\s+once)\b\s*)+(?:[.;:!?,]|$)",
                        re.IGNORECASE)
#: what ends an imperative's clause: "Do not stop it; stopping can …"
_ADVICE_END = re.compile(r"[;:]|\s[—–]\s")
#: "symptoms of a UTI", "signs of dehydration": what they are signs of
_SIGNS_OF = re.compile(r"(?:(?:any|the|some)\s+)?(?:symptoms?|signs?|problems?)\s+of\s+"
                       r"(?P<of>.+)", re.IGNORECASE)
#: what "people taking it" never takes
_NOT_TAKEN = ("symptom", "condition", "population")
#: the users a share counts, of nothing named: "of users", "of regular users"
_USERS = re.compile(
    r"(?:the\s+|all\s+)?(?P<modifier>[\w-]+\s+)?(?:users|patients|people|individuals|persons)",
    re.IGNORECASE)
#: how long or how often something is used, before its name: "Long-term SSRI use"
_USE_MODIFIER = re.compile(r"\b(?P<modifier>long-term|short-term)\s+$", re.IGNORECASE)
_TAKEN_LIKE = (*_DRUGLIKE, "substance")
_GENERIC_TYPES = {
    "medication": _DRUGLIKE, "medicine": _DRUGLIKE, "drug": _DRUGLIKE, "pill": _DRUGLIKE,
    "tablet": _DRUGLIKE, "capsule": _DRUGLIKE, "supplement": _TAKEN_LIKE,
    "vitamin": _TAKEN_LIKE, "herb": _TAKEN_LIKE, "remedy": (*_TAKEN_LIKE, "therapy"),
    "remedie": (*_TAKEN_LIKE, "therapy"),
    "condition": ("condition",), "disorder": ("condition",), "illnes": ("condition",),
}  # fmt: skip
#: generic words for what people take that a text gives no type to ("echinacea", "fish oil"
#: are guessed concepts): "the supplement" may mean such a term when a draft said it acts
_TAKEN_HEADS = frozenset({"supplement", "vitamin", "herb", "remedy", "remedie"})
#: a bare generic word ("the drug", "this medication"): it points back, it names no new term
_GENERIC_HEAD = re.compile(
    r"(?:medications?|medicines?|drugs?|pills?|tablets?|capsules?|supplements?|vitamins?|"
    r"herbs?|remedy|remedies|conditions?|disorders?|illness(?:es)?)", re.IGNORECASE)
#: what follows a noun phrase's head (not "the medication dose": a compound)
_HEAD_ENDS = re.compile(
    r"\s*(?:[^\w\s]|$)|\s+(?:is|are|was|were|can|may|might|could|will|would|should|must|"
    r"does|do|did|has|have|had|also|often|usually|not|and|or|but|to|in|for|with|of|at|on|by|"
    r"from|as|that|which|who|alone|itself)\b", re.IGNORECASE)
#: the determiner of a definite description right before its head ("the drug")
_DEFINITE_BEFORE = re.compile(r"\b(?:the|this|that|these|those|your|such)\s+$", re.IGNORECASE)
#: what a text says a thing is: "Allopurinol is a medication", "Gout is a form of arthritis"
_SAID_KIND = re.compile(
    r"(?<![\w-])(?P<name>[A-Za-z][\w'’-]*(?:\s+[A-Za-z][\w'’-]*){0,2}?)"
    r"(?:\s*\([^()]{1,40}\))?,?\s+(?:is|are|was|were)\s+(?:also\s+|still\s+)?"
    r"(?:an?\s+|the\s+|one\s+of\s+the\s+)?(?:[\w-]+\s+){0,2}?(?P<kind>medications?|medicines?|"
    r"drugs?|supplements?|pills?|tablets?|antibiotics?|painkillers?|vaccines?|"
    r"conditions?|diseases?|disorders?|illness(?:es)?|infections?|(?:forms?|types?) of arthritis)"
    r"(?=\s*(?:[,.;:()]|$)|\s+(?:that|which|used|taken|given|prescribed|for|to|with|in|and|or|"
    r"made|sold|available|commonly|often|derived|known|called|approved|who|where)\b)",
    re.IGNORECASE)
_KIND_OF = {"medication": "drug", "medicine": "drug", "drug": "drug", "supplement": "drug",
            "pill": "drug", "tablet": "drug", "antibiotic": "drug", "painkiller": "drug",
            "vaccine": "drug"}  # the rest: a condition


def _said_kinds(text: str) -> dict[str, str]:
    """The types a text gives its terms in so many words, by lower-case name.

    "Allopurinol is a medication" → drug; "Gout is a painful condition" → condition.
    """
    said: dict[str, str] = {}
    for match in _SAID_KIND.finditer(text):
        words = match.group("name").split()
        while words and _is_stop(words[0]):
            words = words[1:]
        if not words or any(_is_stop(w) for w in words) or _GENERIC_HEAD.fullmatch(words[-1]):
            continue
        kind = match.group("kind").lower()
        head = kind.split()[0].rstrip("s") if not kind.endswith("arthritis") else "condition"
        said.setdefault(" ".join(words).casefold(), _KIND_OF.get(head, "condition"))
    return said
#: a clause that opens with a pronoun subject: "(, but) it …", "and they …"
#: "…, and some studies suggest (that) it causes …": an appeal before the pronoun
_APPEAL_BEFORE = (
    r"(?:(?:(?:some|many|most|other|more|recent|new|several)\s+)?(?:studies|research|evidence|"
    r"trials|experts|researchers|scientists|data|reviews)\s+(?:also\s+)?(?:suggests?|shows?|"
    r"indicates?|finds?|found|says?|reports?)\s+(?:that\s+)?)?")
_PRONOUN_CLAUSE = re.compile(
    rf"\s*,?\s*(?:(?:but|yet|and|though|although)\s+)?{_APPEAL_BEFORE}(?:it|they)\b",
    re.IGNORECASE)
#: the same after the first clause's object: "X raises Y, and (studies suggest) it causes Z"
_PRONOUN_CLAUSE_END = re.compile(
    rf"[,;]\s*(?:(?:but|yet|and)\s+)?{_APPEAL_BEFORE}(?:it|they)\s+"
    r"(?:(?:may|might|can|could|also|often|does|do|did|will|would)\s+){0,2}$", re.IGNORECASE)
_PRONOUN = re.compile(r"^(?:it|this|they|these|them|that|those|he|she)$", re.IGNORECASE)
#: "those" that a phrase after it defines ("those with asthma", "those who smoke"): no anaphora
_THOSE_WHO = re.compile(r"\W*those\s+(?:with|who|whose|taking|on|aged|over|under|living|"
                        r"having|without)\b", re.IGNORECASE)
#: an abbreviated binomial, one word: "C. difficile", "H. pylori", "E. coli" (never the
#: epithet alone, as if the initial ended a sentence)
_BINOMIAL = (r"(?<![\w.])[A-Z]\.\s?(?!(?:also|and|or|the|is|are|was|were|in|of|to|for|with|"
             r"but|as|at|by|on)\b)[a-z]{3,}\b")
_BINOMIAL_RE = re.compile(_BINOMIAL)
#: "X-associated ", "X-related " right before a term: the term's kind, part of its name
_KIND_COMPOUND_BEFORE = re.compile(
    rf"(?:(?-i:{_BINOMIAL})|\b[A-Za-z][\w]*)-(?:related|associated|linked)\s+$", re.IGNORECASE)
_WORD = re.compile(
    rf"{_BINOMIAL}|\d+-[A-Za-z][A-Za-z0-9'’\-]*|[A-Za-z][A-Za-z0-9'’\-]*|\d+(?:\.\d+)?%?")
_CLAUSE_LEFT = re.compile(
    # "Dr Ruiz says statins cause …": a speech verb opens the clause it reports
    rf"\b{SPEECH}\s+(?=\w)|"
    # "Doctors believe statins cause …": so does a verb of belief ("is believed to" is a hedge)
    r"\b(?:believe[sd]?|think|thinks|assumes?|suspects?)\s+(?!to\b)(?=\w)|"
    # "Research shows (studies prove, doctors say, the trial found) X causes Y": a verb of
    # finding or saying opens the clause it reports, with or without "that" ("found in",
    # "reported by", "shown to", "known as" are cues or hedges, not reports)
    r"\b(?:shows?|showed|shown|proves?|proved|proven|finds|found|confirms?|confirmed|"
    r"demonstrates?|demonstrated|reveals?|revealed|indicates?|indicated|say|warn|claims?|"
    r"claimed|argues?|argued|reports?|reported|agree|suggest|knows?|knew)\s+(?!(?:that|to|in|"
    r"on|by|with|for|at|of|as|no|not|up|out|among|during|after|before|from|when|if|how|what|"
    r"why|whether|it|its|them|their|his|her|our|this|these|those|me|us|you|your)\b)(?=\w)|"
    r"[.;:!?—]|\s[–-]\s|\b(?:that|which|who|because|when|whether|if|while|although|though|"
    r"but|so|since|unless|whereas|yes|no(?!\s+(?:longer|more|one|doubt)\b))\b|,\s*(?:and|but|or)?\s*(?=(?:it|they|he|she|this|"
    r"we|you)\b)",
    re.IGNORECASE,
)
_CLAUSE_RIGHT = re.compile(
    r"[.;:!?—]|\s[–-]\s|,\s*(?:which|but|because|while|although|though|so|who|whereas|as|"
    r"when|if|since|and (?:it|they|this|he|she|these|the(?!\s+(?:\w+[- ]){0,2}?(?:side[- ]effects?|"
    r"adverse effects?|use|misuse) of\b)))\b|\b(?:because|although|though|"
    r"whereas|unless|but|which|while|so that|rather than|especially if|if)\b|"
    # ", and water-based exercise may help …": a new clause with a subject and a verb of its own
    r",\s*(?:and|but|or)\s+(?=(?:[\w-]+\s+){1,3}(?:may|can|might|could|will|would|is|are|"
    r"was|were|has|have|also|often)\b)",
    re.IGNORECASE,
)
_COORD_WORDS = (
    r"(?:[\s,/&+]|\band\b|\bor\b|\bnor\b|\bas well as\b|\band/or\b|\bincluding\b|"
    r"\bsuch as\b|\blike\b|\bespecially\b|\bparticularly\b|\bnotably\b|\be\.g\.|\bi\.e\.|"
    r"\bplus\b|\beither\b|\bboth\b|\balso\b|\bthe\b|\ba\b|\ban\b|\bother\b|\bsome\b|"
    r"\bcertain\b|\bmany\b|\bseveral\b|\bvarious\b|\bclasses of\b|\btypes of\b|\bkinds of\b|"
    r"\b(?:long-term |regular |heavy |daily )?(?:use|intake|consumption|doses?) of\b|"
    r"\b(?:side[- ]effects?|adverse effects?) of\b)*"
)
_COORD_GAP = re.compile(rf"^{_COORD_WORDS}$", re.IGNORECASE)
_PARENS = re.compile(r"\([^()]*\)")
#: a looser list separator: the first member's own head noun ("caffeine use or a medical
#: condition") and a gerund opening the next member ("…, or having a thyroid disorder")
_LOOSE_GAP = re.compile(
    rf"^(?:(?P<head>[A-Za-z][\w-]*)\s*)??(?P<coord>{_COORD_WORDS}?)\s*(?:\b(?P<gerund>"
    r"[A-Za-z]{2,}ing)(?:\s+(?:the|a|an|your|their|his|her|some|more|less|any))?)?$",
    re.IGNORECASE,
)
#: gerunds that name no act of their own in a list: "having X", "taking X" is X
_TRANSPARENT_GERUNDS = frozenset({
    "having", "taking", "using", "adding", "starting", "trying", "getting", "receiving",
    "doing", "practising", "practicing", "attending", "joining", "seeing", "following",
})
_NOT_GERUNDS_IN_LISTS = frozenset({
    "during", "including", "regarding", "concerning", "following", "according", "being",
    "nothing", "something", "anything", "everything", "morning", "evening", "spring",
    "thing", "king", "ring", "string", "bring", "sing", "sibling", "ceiling",
})


def _loose_coordination(gap: str) -> re.Match[str] | None:
    """``gap`` as a list separator with a head noun before it or a gerund after it."""
    match = _LOOSE_GAP.match(gap)
    if match is None or not (match.group("head") or match.group("gerund")):
        return None
    if not re.search(r"[,/&+]|\b(?:and|or|nor|such as|like|including|as well as)\b",
                     match.group("coord"), re.IGNORECASE):
        return None  # a separator is still needed: "caffeine intake" alone is one name
    head = match.group("head")
    if head is not None and (_is_stop(head) or _VERB_FORM.match(head) or head[0].isdigit()):
        return None
    gerund = match.group("gerund")
    if gerund is not None and gerund.lower() in _NOT_GERUNDS_IN_LISTS:
        return None
    return match
_HEDGE_VERB = re.compile(
    r"\b(?:(?:is|are|was|were)\s+(?:thought|believed|known|said|expected|likely|unlikely|"
    r"suspected|reported|considered|presumed)|(?:appears?|seems?|tends?)|"
    r"(?:is|are)\s+(?:also\s+)?(?:able|unable))\s+to\b",
    re.IGNORECASE,
)
_MARKER_BRACKETS = re.compile(r"\[\d{1,3}(?:\s*[,–-]\s*\d{1,3})*\]")
_NP_CUT = re.compile(
    r"\b(?:in|for|to|with|by|among|during|after|before|from|on|at|through|within|than|"
    r"because|when|while|if|that|which|who|where|as|since|until|without|into|about|"
    r"is|are|was|were|be|been|can|may|might|will|would|could|should|do|does|did|has|have|"
    r"had|not|also|often|than|via|alongside|besides|versus|vs)\b",
    re.IGNORECASE,
)
_LEAD = re.compile(
    r"^(?:(?:the|a|an|this|that|these|those|its|their|your|our|his|her|some|many|most|all|"
    r"any|other|such|same|certain|several|each|every|both|more|less|also|often|just|even|only|"
    r"can|may|might|could|would|will|should|must|does|do|did|is|are|was|were|be|been|not|"
    r"no|yes|very|really|commonly|usually|sometimes|frequently|especially|like|including|"
    r"and|or|of|in|for|to|with|by|on|at|from|taking|using|"
    r"(?:use|intake|consumption|misuse|overuse)\s+of)\s+)+",
    re.IGNORECASE,
)
#: what ends the reach of a negation: a semicolon, a colon or a dash between clauses ("Never
#: stop it on your own: high blood pressure raises …" denies nothing after the colon)
#: where a denial's reach ends: a semicolon, a colon, a dash, and the "that" after a verb of
#: proof ("no study proves that X causes Y", "this trial does not prove that …": the proof is
#: denied, not the relation, which the certainty then calls speculative)
_NEGATION_SCOPE = re.compile(
    r";|:\s|\s[—–]\s|—|\b(?:prove[sdn]?|proving|establish(?:es|ed)?)\s+that\b|"
    # "X does not cause Y, and it (X) reduces Z": a cue after ", and" is a clause of its own
    # (a list after the denied cue, "does not cause A, B, and C", is before no other cue)
    r",\s*and\b|"
    # "X alone does not lower Y, while X with Z lowers it": a contrast opens a clause the
    # denial before it does not reach (nor one after it: "X lowers Y, but X alone does not")
    r",\s*(?:while|whereas|but|yet|although|though)\b|\bwhereas\b", re.IGNORECASE
)
_NEGATION_EXTRA = ["no longer", "not always", "does not", "do not", "did not", "is not", "are not",
                   # "capsules are unlikely to prevent UTIs", "failed to cut infections": the
                   # relation denied (how sure: "unlikely" is a probable certainty cue)
                   "unlikely to", "fail to", "fails to", "failed to"]
#: words that open a clause a denial before them does not reach (beside negspacy's "but",
#: "which", "although", …)
_NEGATION_ENDS = ["because", "since", "whereas", "so that", "as a result", "which is why",
                  "that is why"]
_EXPERT_NAME = (
    r"(?P<name>(?:Dr\.?\s+|Prof\.?\s+|Professor\s+)?[A-Z][a-zA-Z'’-]+(?:\s+[A-Z]\.)?"
    r"(?:\s+[A-Z][a-zA-Z'’-]+){0,2}(?:,\s*(?:[A-Z][A-Za-z.]{1,7})(?:\s*,\s*[A-Z][A-Za-z.]{1,7})*"
    r"(?=[\s,.]))?)"
)
_BYLINE = re.compile(
    rf"(?m)^\s*(?:[Bb]y|[Ww]ritten by|(?:[Mm]edically )?[Rr]eviewed by)\s+{_EXPERT_NAME}"
)
#: who the speaker is, between the name and the verb: ", a cardiologist at …,", ", who leads …,"
_APPOSED_ROLE = r"(?:,\s+(?:a|an|the|who|whose)\s[^,;:.!?“”\"]{1,120},)?"
_SPEECH_AFTER = re.compile(rf"{_EXPERT_NAME}{_APPOSED_ROLE}\s+{SPEECH}\b")
_SPEECH_BEFORE = re.compile(rf"\b{SPEECH}\s+{_EXPERT_NAME}")
_ACCORDING = re.compile(rf"\b[Aa]ccording to\s+{_EXPERT_NAME}")
_PRONOUN_SPEECH = re.compile(rf"\b(?:he|she|they)\s+{SPEECH}\b|\b{SPEECH}\s+(?:he|she)\b",
                             re.IGNORECASE)
_INCLUDE_HEAD = (
    r"\b(?P<head>symptoms?|signs?|manifestations?|causes?|treatments?|therap(?:y|ies)|"
    r"treatment options?|options?|side[- ]effects?|adverse effects?|risk factors?|types?|forms?|"
    r"examples?|reasons?|management|strategies|approaches|steps|ways|tips|"
    r"(?:other |alternate |alternative )(?:terms?|names?|phrases?|labels?|words?)|"
    r"(?:terms?|names?|phrases?|labels?) for)\b(?P<mid>[^.;:!?]{0,80}?)\s+"
    r"(?:may |can |often |commonly |also |usually )?"
)
_USE_OF = re.compile(r"\s*(?:the\s+)?(?:(?:long-term|regular|heavy|daily)\s+)?"
                     r"(?:use|intake|consumption|misuse|overuse)\s+of\s+", re.IGNORECASE)
#: a head of the "<head> include …" construction as a whole name ("symptoms")
_INCLUDE_HEAD_WORD = re.compile(r"(?:\w+\s+)?(?:symptoms?|signs?|side[- ]effects?|effects?|"
                                r"causes?|treatments?|options?)", re.IGNORECASE)
_INCLUDE = re.compile(
    _INCLUDE_HEAD + r"(?:include|includes|including|consist of|consists of|range from|involve|"
    r"involves|entail|entails|(?P<like>like|such as))\b:?",
    re.IGNORECASE,
)
#: "Symptoms are usually worse …", "Side effects are mild": what they are like, not a list
_DESCRIBED = re.compile(
    r"\s*(?:(?:usually|often|generally|typically|mostly|very|quite|more|less|much|also|"
    r"not|sometimes|rarely)\s+)*(?:worse|better|greater|higher|lower|milder|stronger|"
    r"weaker|longer|shorter|common|rare|mild|severe|similar|different|likely|unlikely|"
    r"temporary|\w+(?:ous|ive|ful|ble|ic|ed|ent|ant|ary|al))\b",
    re.IGNORECASE,
)
#: "Another option is X": only as the sentence's subject
_INCLUDE_IS = re.compile(_INCLUDE_HEAD + r"(?:is|are)\b:?", re.IGNORECASE)
#: what the head of "<head> of X include Y" makes of Y: (predicate, Y is the subject)
_INCLUDE_HEADS = {
    "symptom": ("symptom_of", True), "sign": ("symptom_of", True),
    "manifestation": ("symptom_of", True), "cause": ("causes", True),
    "treatment": ("treats", True), "therapy": ("treats", True), "therapie": ("treats", True),
    "option": ("treats", True), "effect": ("causes", False), "factor": ("associated_with", True),
    "type": ("defined_as", True), "form": ("defined_as", True), "example": ("defined_as", True),
    "reason": ("causes", True), "management": ("recommends", True),
    "strategie": ("recommends", True), "approache": ("recommends", True),
    "step": ("recommends", True), "way": ("recommends", True), "tip": ("recommends", True),
    "term": ("same_as", False), "name": ("same_as", False), "phrase": ("same_as", False),
    "label": ("same_as", False), "word": ("same_as", False), "for": ("same_as", False),
}  # fmt: skip
_COPULA = re.compile(
    r"\s(?:is|are|was|were)\s+(?:also\s+|often\s+|usually\s+|actually\s+|not\s+|just\s+|"
    r"simply\s+|really\s+|merely\s+|only\s+)?(?:an?|one of the|the)\s",
    re.IGNORECASE,
)
_AGENTS = frozenset({"drug", "drug_class", "brand"})
#: what people take, which an interaction is with ("the effect of statins", "with alcohol")
_INTERACTING = _AGENTS | {"substance"}
_NOT_NAMES = _wordset(
    """
    The This That These Those It They He She We You Research Studies Experts Doctors
    Scientists According Some Many Most Other Yes No However People Patients
    """
)
#: "[2]", "[1, 3–5]", or a bare superscript after a word ("as shown.2"); never the digits
#: after a decimal point or a thousands comma ("from 3.2 to 1.7", "4,1"): a figure, not a marker
_MARKER = re.compile(
    r"\[(\d{1,3}(?:\s*[,–-]\s*\d{1,3})*)\]|(?<=[a-z.,)])(?<!\d[.,])(\d{1,2})(?=\s|$)"
)
_AUTHOR_YEAR = re.compile(
    r"\b(?P<author>[A-Z][a-zA-Z'’-]+)(?:\s+[A-Z]{1,3})?(?:\s+(?:et al\.?|and colleagues|"
    r"and [A-Z][a-zA-Z'’-]+|&\s*[A-Z][a-zA-Z'’-]+))?,?\s*\(?(?P<year>(?:19|20)\d\d|n\.\s?d\.)\)?"
)
#: an organisation before a year: "(World Health Organization, 2017)", "the American
#: Psychiatric Association (2013)", APA's first citation "(World Health Organization [WHO], 2019)"
_BODY_YEAR = re.compile(
    r"\b(?P<body>[A-Z][\w'’&-]*(?:\s+(?:[A-Z][\w'’&-]*|of|and|for|the|on|in|&))*)"
    r"(?:\s*\[(?P<acronym>[A-Z][A-Za-z&]{1,10})\])?,?\s*\(?(?P<year>(?:19|20)\d\d\b|n\.\s?d\.)"
)


def _cited_year(year: str) -> str:
    """The year a citation marker gives, as a reference's ``year`` field: "" for "n.d."."""
    return "" if year.startswith("n") else year
_URL = re.compile(r"https?://\S+")
#: a noun after a term that names its lack, excess or harm rather than the term itself
_TURNING_NOUN = re.compile(
    r"[ -](?:deficiency|deficiencies|deficient|deficit|deficits|insufficiency|insufficient|"
    r"depletion|shortage|excess|"
    r"overdose|overload|toxicity|poisoning|withdrawal|allergy|allergies|intolerance|"
    r"resistance)\b",
    re.IGNORECASE,
)


@dataclass
class _Term:
    """A term in a sentence: a vocabulary entity id or a noun phrase to propose."""

    start: int  # offsets relative to the sentence
    end: int
    name: str
    known: bool
    parenthetical: bool = False


@dataclass
class _State:
    """What earlier sentences tell later ones: the topic, the last subject, experts."""

    last_subject: str | None = None
    last_object: str | None = None
    #: the first term of the previous sentence (what "it" and "this" most often mean)
    prev_first: str | None = None
    #: what the previous sentence named (its terms and its claims' subjects and objects)
    prev_names: set[str] = field(default_factory=set)
    #: every term mentioned so far, in order, and whether it was written in the plural
    mentions: list[tuple[str, bool]] = field(default_factory=list)
    #: what the previous sentence named, in the order written (its subject first), and
    #: whether in the plural: "it" means a singular one, "they" a plural one
    prev_order: list[tuple[str, bool]] = field(default_factory=list)
    #: whether each term was last written in the plural ("numbness" is not; "falls" is)
    plural: dict[str, bool] = field(default_factory=dict)
    #: every term and every proposed name so far, in order (what "the drug" points back to)
    named: list[str] = field(default_factory=list)
    #: what drafts so far said acts, treats or is linked to something (their subjects):
    #: what "the supplement", "the herb" most likely mean, whatever their type
    agents: set[str] = field(default_factory=set)
    #: the noun phrases sentences opened with ("Cranberry juice is sold for …")
    opened: set[str] = field(default_factory=set)
    #: what drafts so far said each thing treats or relieves (what advice about it is for)
    used_for: dict[str, str] = field(default_factory=dict)
    expert: str | None = None
    expert_paragraph: int = -1
    experts: dict[str, str] = field(default_factory=dict)


class _Negation:
    """negspacy's NegEx on a blank spaCy pipeline: is a span of a sentence negated?"""

    def __init__(self) -> None:
        import spacy
        from negspacy.negation import Negex  # noqa: F401  (registers the factory)
        from negspacy.termsets import termset

        terms = termset("en")  # type: ignore[no-untyped-call]
        # "not cause" is a pseudo-negation in the clinical list ("not cause for concern");
        # in an article "does not cause" denies the relation
        terms.remove_patterns({"pseudo_negations": ["not cause"]})  # type: ignore[no-untyped-call]
        terms.add_patterns({"preceding_negations": _NEGATION_EXTRA})  # type: ignore[no-untyped-call]
        # "X is not recommended for Y because it can cause Z": a reason (or a contrast) opens
        # a clause of its own, which the denial before it does not reach
        terms.add_patterns({"termination": _NEGATION_ENDS})  # type: ignore[no-untyped-call]
        # "nausea, with or without vomiting": both, neither denied
        terms.add_patterns({"pseudo_negations": ["with or without"]})  # type: ignore[no-untyped-call]
        self.nlp = spacy.blank("en")
        self.nlp.add_pipe("sentencizer")
        self.negex: Any = self.nlp.add_pipe(
            "negex", config={
                "neg_termset": terms.get_patterns(),  # type: ignore[no-untyped-call]
                "ent_types": ["CUE"],
            }
        )

    def negated(self, sentence: str, start: int, end: int) -> str | None:
        """The negation word that negates ``sentence[start:end]``, or None.

        Only the cue's own clause is read: "Do not stop it suddenly; stopping can cause
        reflux" does not deny that stopping causes reflux.
        """
        lo, hi = _reach(sentence, start, end)
        bounds = [m.end() for m in _NEGATION_SCOPE.finditer(sentence, lo, start)]
        lo = bounds[-1] if bounds else lo
        after = _NEGATION_SCOPE.search(sentence, end, hi)
        hi = after.start() if after is not None else hi
        sentence, start, end = sentence[lo:hi], start - lo, end - lo
        doc = self.nlp.make_doc(sentence)
        for name, component in self.nlp.pipeline:
            if name == "sentencizer":
                doc = component(doc)
        span = doc.char_span(start, end, label="CUE", alignment_mode="expand")
        if span is None:
            return None
        doc.ents = [span]
        doc = self.negex(doc)
        if not doc.ents[0]._.negex:
            return None
        preceding, following, _ = self.negex.process_negations(doc)
        for _, s, e in preceding + following:
            return str(doc[s:e].text)
        return "not"


def _check_extra() -> None:
    try:
        import ahocorasick  # noqa: F401
        import negspacy  # noqa: F401
        import pysbd  # noqa: F401
        import spacy  # noqa: F401
    except ImportError as exc:
        raise MissingExtraError("drafting claims", "extract") from exc


#: how big or how sure a change is ("a clear improvement", "a small increase", "a modest
#: reduction"): words that describe the change, never a name on their own
_DEGREE = _wordset(
    """
    clear small large modest slight significant marked substantial big dramatic sharp moderate
    major minor meaningful notable considerable noticeable important huge tiny greater smaller
    larger bigger further overall real true measurable sustained
    """
)


def _degree_only(words: list[str]) -> bool:
    """Whether ``words`` are only how big a change is ("clear", "small but significant")."""
    kept = [w for w in words if w.lower() not in ("but", "and", "yet")]
    return bool(kept) and all(w.lower() in _DEGREE for w in kept)


#: words in -ly that are no adverbs: "a single yearly dose", "early treatment", "belly fat"
_LY_NOUNS_ADJECTIVES = _wordset(
    """
    daily weekly monthly yearly nightly hourly quarterly early elderly family belly jelly
    oily holy silly ugly curly lonely lovely friendly deadly costly orderly sickly supply
    assembly anomaly
    """
)


def _lower_first(phrase: str) -> str:
    """``phrase`` with its first letter in lower case: "Taking vitamin D" → "taking vitamin D"."""
    return phrase[:1].lower() + phrase[1:]


def _is_stop(word: str) -> bool:
    lowered = word.lower().replace("’", "'")
    return lowered in _STOP or (lowered.endswith("ly") and len(lowered) > 4
                                and lowered not in _LY_NOUNS_ADJECTIVES) or (
        lowered.endswith("fold") and lowered[:-4].rstrip("-") in _FOLDS)  # "twofold": how much


#: what "-fold" multiplies ("twofold", "10-fold"); "threefold" ends no term's name
_FOLDS = frozenset(("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                    "hundred", "thousand", "many", *map(str, range(2, 101))))


#: what puts a verb in the next word: a subject pronoun, or "to" after a word that takes one
_VERB_SLOT = re.compile(
    r"(?:\b(?:i|you|we|they|he|she)|\b(?:important|necessary|essential|best|better|hard|easy|"
    r"difficult|possible|able|unable|want|wants|wanted|need|needs|needed|try|tries|trying|how|"
    r"have|has|had|going|used|helps?|aim|aims|began|begin|start|starts|continue|continues|"
    r"decide|choose|learn|way|ways|time)\s+to)\s+$",
    re.IGNORECASE,
)


#: verbs that open a relative clause's words ("(who) take statins at high doses"): never
#: a modifier of the noun after them
_COMMON_VERBS = _wordset(
    """
    take takes took use uses used have has had get gets got eat eats ate drink drinks drank
    need needs stop stops start starts try tries make makes made give gives gave feel feels
    felt keep keeps kept avoid avoids skip skips see sees saw find finds found say says said
    go goes went become becomes became live lives work works smoke smokes receive receives
    """
)
#: how much of something: "large amounts of", "lots of", "high doses of", "too much"
_AMOUNT_OF = re.compile(
    r"(?:(?:a\s+)?lots?\s+of|plenty\s+of|a\s+(?:great|good)\s+deal\s+of|too\s+(?:much|many)|"
    r"(?:(?:very|too|fairly|extra)\s+)?(?:large|small|high|low|big|huge|heavy|excessive|"
    r"moderate|extra|regular)\s+(?:amounts?|doses?|quantities|volumes?|servings?|numbers?)\s+of|"
    r"(?:amounts?|doses?|quantities)\s+of)\s+(?:the\s+)?",
    re.IGNORECASE,
)
#: nouns that hand their meaning to the "of" phrase after them
_LIGHT_NOUNS = frozenset({
    "use", "misuse", "overuse", "abuse", "intake", "consumption", "exposure", "amount",
    "amounts", "dose", "doses", "levels", "level", "quantities", "quantity", "lack",
})
#: a season or time of day: when something is common, not a group of people
_SEASON = re.compile(
    r"\b(?:winter|summer|spring|autumn|fall|season|seasons|morning|mornings|evening|evenings|"
    r"night|nights|daytime|weekend|weekends|holidays?)\b",
    re.IGNORECASE,
)
#: "the expectation of side effects", "fear of needles": a state of mind and what it is about
_MENTAL_OF = re.compile(
    r"^\s*(?:the\s+|a\s+|an\s+|your\s+|their\s+)?(?P<np>(?:expectations?|anticipation|fears?|"
    r"worry|worries|beliefs?|perceptions?|awareness|thoughts?))\s+(?:of|about|that)\s+"
    r"(?:the\s+|a\s+|an\s+)?$",
    re.IGNORECASE,
)
_PP_HEAD = re.compile(r"([A-Za-z][\w'’-]*)\s+(?:at|in|on|with|during|for|from|of|alongside)\s+"
                      r"(?:the\s+|a\s+|an\s+)?(?:\w+\s+){0,2}$")
#: "Caffeine taken late in the day can …": a noun, a participle and what it is modified by
_REDUCED = re.compile(
    r"^\s*(?P<np>[A-Za-z][^,;:]{0,40}?)\s+(?:\w+ed|taken|given|drunk|eaten|seen|done|made|"
    r"worn)\s+(?:in|at|before|after|during|with|by|for|late|early|too|daily|\d)\b",
    re.IGNORECASE,
)


_DURATION = re.compile(
    r"\b(?:for|over)\s+(?:more than\s+|less than\s+|at least\s+|up to\s+|over\s+)?"
    r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|twelve|several|many|a few)"
    r"\s+(?:days?|weeks?|months?|years?|decades?)(?:\s+or\s+(?:longer|more))?",
    re.IGNORECASE,
)
_RISK_OF = re.compile(
    r"(?:\d+(?:\.\d+)?\s*%\s+|\d+(?:\.\d+)?\s*(?:-|\s)?fold\s+)?(?:(?:higher|greater|increased|"
    r"elevated|raised|lower|reduced|decreased|smaller|small|slight|significant|modest)\s+)?"
    r"(?:risks?|chances?|odds|likelihood|number|rates?|frequency|severity|duration|length|"
    r"incidence)\s+(?:of|for)\s+(?:an?\s+|the\s+)?",
    re.IGNORECASE,
)
#: people named by their role or as a crowd: in a sentence, never one side of a link
_BARE_PEOPLE = _wordset(
    """
    people person persons patient patients individual individuals user users customer
    customers participant participants researcher researchers doctor doctors scientist
    scientists expert experts reader readers adults children women men
    """
)
#: "(within a week of) stopping the tablet": what a symptom going away after is
_STOPPING = re.compile(
    r"\W*(?:[\w-]+\s+){0,6}?(?P<verb>stopping|quitting|discontinuing|coming off|giving up)\s+"
    r"(?:taking\s+)?(?P<what>(?:the|this|that|these|those|your|their)\s+)?", re.IGNORECASE)
#: coming to have a condition, before its name: "the risk of getting (developing) diabetes"
_GETTING = re.compile(
    r"(?:getting|developing|catching|contracting|suffering(?:\s+from)?|dying\s+(?:of|from))\s+",
    re.IGNORECASE)
#: "Doses above 2 grams a day": an amount is not part of a name
_AMOUNT = re.compile(
    r"\b(?:(?:above|below|over|under|of|at|exceeding|more than|less than|up to)\s+)?"
    r"\d+(?:\.\d+)?\s*(?:mg|g|grams?|milligrams?|micrograms?|mcg|iu|units?|ml|cups?|glasses|"
    r"drinks|servings)\b(?:\s+(?:a|per|each)\s+(?:day|week|night))?",
    re.IGNORECASE,
)

#: "Muscle aches blamed on statins …": a noun phrase, then a past participle that modifies it
_MODIFIED_HEAD = re.compile(
    r"^\s*(?P<np>[A-Za-z][\w'’-]*(?:\s+[A-Za-z][\w'’-]*){0,3}?)\s+(?:\w+ed|taken|given|seen|"
    r"made|done|thought|known|linked|tied)\s+(?:on|to|with|by|from|after|in)\s",
    re.IGNORECASE,
)


def _comma_list(rest: str, at: int) -> list[_Term]:
    """The items of "A, B in C and D, E and F": commas part them first.

    A prepositional phrase after an item's words is not part of it ("pins and
    needles in the hands and feet" names no feet); the words before it may
    still be two items joined by "and". Fewer than three commas' parts: []
    (not a comma list).
    """
    parts = rest.split(",")
    if len(parts) < 3:
        return []
    found: list[_Term] = []
    cursor = 0
    for part in parts:
        where = rest.find(part, cursor)
        cursor = where + len(part)
        cut = _NP_CUT.search(part)
        head = part[: cut.start()] if cut else part
        for piece in re.split(r"\b(?:and|or)\b", head):
            lead = _LEAD.match(piece.strip())
            start = where + head.find(piece) + (len(piece) - len(piece.lstrip())) + (
                lead.end() if lead else 0)
            name = rest[start : where + head.find(piece) + len(piece)].strip().rstrip(".;:!?")
            if not name:
                continue
            if len(name.split()) > 5 or _is_stop(name.split()[0]):
                return []
            found.append(_Term(at + start, at + start + len(name), name, False))
    return found


#: adverbs that end a clause after its object
_TRAILING = frozenset({"first", "again", "later", "now", "instead", "immediately", "soon",
                       "today", "daily", "regularly", "afterwards", "anyway"})


def _opens_phrase(before: str) -> bool:
    """Whether a word after ``before`` opens its clause's noun phrase (only modifiers before)."""
    words = _LEAD.sub("", before.strip() + " ").split()
    return len(words) <= 2 and not any(_is_stop(w) or _VERB_FORM.match(w) for w in words)


def _not_a_verb_here(text: str, start: int, cue_text: str) -> bool:
    """Whether the cue word at ``start`` is a noun, an activity or an adjective there.

    "the causes", "tips like reducing stress" (an activity; but "X has good evidence for
    reducing Y" is what X does), "may entail reduced facial expressions", "caused fatigue
    and reduced appetite" (an adjective; but "lowered LDL and reduced heart attacks" is a
    second verb of change).
    """
    near = max(0, start - _CUE_ROOM)
    lowered = cue_text.lower()
    if _NOT_A_VERB.search(text, near, start) and not re.match(r"(?:a|an|the)\s", lowered):
        return True
    if lowered.endswith("ing") and _GERUND_BEFORE.search(text, near, start) and \
            not _FOR_DOING.search(text, near, start):
        return True
    return lowered.endswith("ed") and _ADJECTIVAL.search(text, near, start) is not None and \
        not _SECOND_CHANGE.search(text, near, start)


def _noun_phrase(text: str, from_end: bool) -> tuple[int, int] | None:
    """The span of the noun phrase at the start (or end) of ``text``, or None."""
    text_wo = _PARENS.sub(lambda m: " " * len(m.group()), text)
    # "blood pressure [1]": a citation marker is not part of a phrase; nor is a hedge
    # ("Daylight is thought to slow …": daylight, not "thought")
    text_wo = _MARKER_BRACKETS.sub(lambda m: " " * len(m.group()), text_wo)
    text_wo = _HEDGE_VERB.sub(lambda m: " " * len(m.group()), text_wo)
    text_wo = _AMOUNT.sub(lambda m: " " * len(m.group()), text_wo)
    # "… knee pain (Morgan et al." cut by the sentence splitter: an unclosed parenthesis
    text_wo = re.sub(r"\([^()]*$", lambda m: " " * len(m.group()), text_wo)
    # "PPI use for two years or longer was …": how long is not part of the phrase
    text_wo = _DURATION.sub(lambda m: " " * len(m.group()), text_wo)
    if from_end:
        words = list(_WORD.finditer(text_wo))
        picked: list[re.Match[str]] = []
        for word in reversed(words):
            if picked and "," in text_wo[word.end() : picked[0].start()]:
                break  # "According to Tzall, substance misuse …": not across a comma
            if _is_stop(word.group()) or (word.group()[0].isdigit() and "-" not in word.group()) \
                    or (
                not picked and _PARTICIPLE.match(word.group())
            ) or _AFTER_PRONOUN.search(text_wo, 0, word.start()):  # "I think coffee …": a verb
                if picked:
                    break
                continue
            picked.insert(0, word)
            if len(picked) == 4:
                break
        if not picked or _degree_only([w.group() for w in picked]):
            return None  # "reported a clear [improvement in]": how big, not what
        before = text_wo[: picked[0].start()]
        if len(picked) == 1 and _VERB_SLOT.search(before):
            return None  # "It is important to seek …", "If you want …": a verb, not a noun
        found: tuple[int, int] | None = None
        bare = False  # a gerund or an "of" phrase: its modifiers belong to it
        while True:
            head = _PP_HEAD.search(before)
            if head is None or _is_stop(head.group(1)):
                break
            head_word = head.group(1)
            if (_VERB_FORM.match(head_word) or _PARTICIPLE.match(head_word)) and not (
                    head_word.lower().endswith("ing") and _opens_phrase(before[: head.start(1)])):
                break  # "caused by", "taking it with": a verb; "High-impact running on …" a noun
            of = re.search(r"\bof\s", head.group()) is not None
            if head_word.lower() in _LIGHT_NOUNS and of:
                break  # "heavy use of alcohol can …": alcohol
            # "Simvastatin at high doses is linked to …": the head, not the modifier; "A
            # coffee at the start of a shift can …": the first head of the chain; "Long
            # periods of sitting lead to …": a head and its "of" phrase together
            bare = (of and found is None) or head_word.lower().endswith("ing")
            found = head.start(1), picked[-1].end() if of and found is None else head.end(1)
            before = before[: head.start(1)]
        if found is not None and (bare or _opens_phrase(text_wo[: found[0]])):
            # the head's own modifiers: "High-impact running", "Long periods of sitting";
            # "High blood sugar in pregnancy …" when they open the clause (not "(who) take")
            lead = re.search(r"(?:\b[A-Za-z][\w'’-]*\s+){1,2}$", text_wo[: found[0]])
            if lead is not None:
                modifiers = lead.group().split()
                while modifiers and (_is_stop(modifiers[0]) or _VERB_FORM.match(modifiers[0])
                                     or (not bare and modifiers[0].lower() in _KIND_WORDS)):
                    modifiers = modifiers[1:]  # "A strong coffee at …": still coffee
                if modifiers and "," not in lead.group() and (bare or not any(
                        m.lower() in _COMMON_VERBS for m in modifiers)):
                    return found[0] - len(" ".join(modifiers)) - 1, found[1]
        if found is not None:
            return found
        return picked[0].start(), picked[-1].end()
    stripped = len(text_wo) - len(text_wo.lstrip())
    lead = _LEAD.match(text_wo[stripped:])
    offset = stripped + (lead.end() if lead else 0)
    risk = _RISK_OF.match(text_wo, offset)
    if risk is not None:
        offset = risk.end()  # "a 65% higher risk of B12 deficiency": the deficiency
    amount = _AMOUNT_OF.match(text_wo, offset)
    if amount is not None:
        offset = amount.end()  # "large amounts of coffee": the coffee (the caller keeps the
        # amount where it names an act: "drinking large amounts of coffee")
    if risk is not None or (lead is not None and re.search(r"\bof\s+$", lead.group())):
        doing = re.match(r"[A-Za-z]+ing\s+(?:an?|the|your|their)\s+", text_wo[offset:]) or \
            _GETTING.match(text_wo, offset)
        if doing is not None and doing.group().split()[0].lower() not in _NOT_GERUNDS:
            offset = doing.end() if doing.re is _GETTING else offset + doing.end()
            # "the risk of catching a cold", "the chances of getting diabetes": the cold, the
            # diabetes
    rest = text_wo[offset:]
    cut = _NP_CUT.search(rest)
    body = rest[: cut.start()] if cut else rest
    stop = re.search(r",|\b(?:and|or|how|what|why|whether)\b", body)
    body = body[: stop.start()] if stop else body
    # "type 2 diabetes", "stage 3 kidney disease": a numbered kind opens a name
    numbered = _NUMBERED_KIND.match(body)
    kind_end = numbered.end() if numbered is not None else 0
    words = []
    for word in _WORD.finditer(body):
        if words and _is_stop(word.group()) and word.start() >= kind_end:
            break  # "anger doesn't produce …": the phrase ends at the first function word
        if words and re.match(r"\s+(?:the|a|an|your|their|its|his|her|our|this|these|those)\b",
                              body[word.end() :], re.IGNORECASE):
            break  # "Alcohol relaxes the throat …": a word before an article is a verb
        words.append(word)
    while words and (_is_stop(words[-1].group()) or words[-1].group().lower() in _TRAILING):
        words.pop()  # "ask their doctor first": the adverb is not part of the name
    if len(words) == 1 and lead is not None and re.search(
            r"\b(?:is|are|was|were|be|been|being)\s+$", lead.group(), re.IGNORECASE) and (
            _PARTICIPLE.match(words[0].group())):
        return None  # "… was seen at high doses": a passive verb, not a noun
    if not words or len(words) > 5:
        words = words[:4]
    if not words or (any(_is_stop(w.group()) for w in words[:1]) and not kind_end) or \
            _degree_only([w.group() for w in words]) or (kind_end and words[-1].end() <= kind_end):
        return None
    return offset + words[0].start(), offset + words[-1].end()


#: a numbered kind at a name's start: "type 2 (diabetes)", "stage 3", "grade II", "class A"
_NUMBERED_KIND = re.compile(r"\s*(?:type|stage|grade|class|phase)\s+(?:\d+|[IV]{1,4}|[AB])\b",
                            re.IGNORECASE)


#: a title before an expert's name: "Dr.", "Prof.", "Professor"
_NAME_PREFIX = re.compile(r"(?:Dr\.?|Prof\.?|Professor)\s")


def _in_heading(text: str, at: int) -> bool:
    """Whether ``at`` is on a line that ends without a sentence's punctuation (a title)."""
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    line = text[start : end if end != -1 else len(text)].rstrip()
    return bool(line) and line[-1] not in ".!?:;\"”’)…"


#: a pass's progress: (sentences read, sentences in all)
_Tick = Callable[[int, int], None]
#: sentences between two progress calls (a sentence takes a few milliseconds)
_TICK_EVERY = 100


class RuleExtractor:
    """Propose claims from cue phrases, vocabulary terms, figures, hedges and evidence.

    Needs the ``extract`` extra (pysbd, pyahocorasick, negspacy); loads no
    model. ``min_confidence`` drops weaker proposals.

    Examples
    --------
    >>> from bluntgraph.extract.pipeline import ExtractionContext
    >>> proposals = list(RuleExtractor().propose(
    ...     "Caffeine may worsen insomnia.", ExtractionContext("caffeine")))
    >>> [(p.subject, p.predicate, p.object, p.certainty.level) for p in proposals]
    [('Caffeine', 'worsens', 'insomnia', 'possible')]
    """

    def __init__(self, min_confidence: float = 0.0) -> None:
        _check_extra()
        self.min_confidence = min_confidence
        self._negation: _Negation | None = None
        self._experts: dict[str, str] = {}
        self._state = _State()
        self._labels: dict[str, Entity] = {}
        self._topic_guess: str | None = None
        self._sentences: list[Sentence] = []
        self._matches: list[TermMatch] = []
        #: how many of ``_matches`` name each entity id (counted once per text: see _mentions)
        self._match_counts: Counter[str] = Counter()
        #: (matches, their starts in order, their indexes in that order): see _terms
        self._match_index: tuple[list[TermMatch] | None, list[int], list[int]] = (None, [], [])
        self._vocabulary_ids: frozenset[str] = frozenset()
        self._lowered = ""
        self._mention_counts: dict[str, int] = {}
        self._cue_counts: dict[tuple[int, int, bool], int] = {}
        #: "Metformin, or Glucophage, …": the other name a term was given, by term
        self._aliases: dict[str, str] = {}
        #: products named with a term of a class in them ("DreamEasy Melatonin Gummies"):
        #: the product's name → the class's id
        self._products: dict[str, str | None] = {}
        #: a known term named with its dose or regimen ("high-dose melatonin"): the term
        self._dosed: dict[str, str] = {}
        #: the types the text gives names in so many words (see _said_kinds)
        self._said: dict[str, str] = {}
        #: generic words ("medication") read as the thing named before: maybe still terms
        self._described: set[str] = set()
        #: the text as written (``propose`` reads it with Markdown link addresses blanked)
        self._written = ""

    # -- the pieces -----------------------------------------------------------------

    def _terms(self, sentence: Sentence, matches: list[TermMatch]) -> list[_Term]:
        if self._match_index[0] is not matches:
            # matches by start, once per list: a sentence looks only at those starting in it
            # (scanning every match for every sentence made a long text quadratic)
            order = sorted(range(len(matches)), key=lambda i: matches[i].start)
            self._match_index = (matches, [matches[i].start for i in order], order)
        _, starts, order = self._match_index
        window = order[bisect_left(starts, sentence.start) : bisect_right(starts, sentence.end)]
        found = []
        for match in [matches[i] for i in sorted(window)]:  # in the matches' own order
            if sentence.start <= match.start and match.end <= sentence.end:
                start, end = match.start - sentence.start, match.end - sentence.start
                before = sentence.text[:start]
                near = max(0, start - _CUE_ROOM)  # what ends right before the term
                if match.entity.startswith(_BOOTSTRAP_PREFIX) and _VERB_BEFORE.search(
                        sentence.text, near, start) \
                        and sentence.text[start:end].lower() != self._label(
                            match.entity).lower():
                    continue  # "the time it takes to fall asleep": a verb, not "falls"
                parenthetical = before.count("(") > before.count(")")
                kind = _KIND_COMPOUND_BEFORE.search(sentence.text, near, start)
                if kind is not None:
                    # "antibiotic-associated diarrhoea": a kind of diarrhoea, one name, even
                    # where another sentence makes plain "diarrhoea" a term
                    phrase = " ".join(sentence.text[kind.start() : end].split())
                    resolved = self._resolve_name(phrase)
                    found.append(_Term(kind.start(), end, resolved or _lower_first(phrase),
                                       resolved is not None, parenthetical))
                    continue
                turned = _TURNING_NOUN.match(sentence.text, end)
                if turned is not None:
                    # "magnesium deficiency causes cramps": the lack of the term, not the term
                    phrase = " ".join(sentence.text[start : turned.end()].split())
                    resolved = self._resolve_name(phrase)
                    found.append(_Term(start, turned.end(), resolved or _lower_first(phrase),
                                       resolved is not None, parenthetical))
                    continue
                if match.entity not in self._vocabulary_ids and _GENERIC_HEAD.fullmatch(
                        sentence.text[start:end]) and (
                        definite := _DEFINITE_BEFORE.search(sentence.text, near, start)) \
                        is not None and (
                        _HEAD_ENDS.match(sentence.text, end) or any(
                            c.pattern.match(sentence.text, end + 1) for c in RELATION_CUES)):
                    # "Allopurinol … The drug lowers uric acid": the drug named before (a
                    # term the text repeats, but not a new thing at each mention)
                    referent = self._referent(sentence.text[definite.start() : end], left=True)
                    if referent is not None and referent != match.entity:
                        found.append(_Term(start, end, referent, referent in self._labels,
                                           parenthetical))
                        continue
                product = self._product(sentence.text, start, end)
                if product is not None:
                    # "DreamEasy Melatonin Gummies cure insomnia": the product, a kind of the
                    # class its name contains, is what the sentence is about
                    name = " ".join(sentence.text[product[0] : product[1]].split())
                    resolved = self._resolve_name(name)
                    if resolved is None:
                        self._products[name] = match.entity
                    found.append(_Term(product[0], product[1], resolved or name,
                                       resolved is not None, parenthetical))
                    continue
                level = _LEVEL_BEFORE.search(sentence.text, near, start)
                measured = _LEVEL_AFTER.match(sentence.text, end) if level is not None else None
                level_end = measured.end() if measured is not None else end if (
                    level is not None and _HAVING_LEVEL.search(sentence.text, near, level.start())
                    and not _TERM_GOES_ON.match(sentence.text, end)) else None
                if level is not None and level_end is not None and not self._resolve_name(
                        sentence.text[level.start() : end]):
                    # "80% of residents have low vitamin D (levels)": a level out of range (a
                    # condition the figure counts), not vitamin D itself
                    phrase = _lower_first(" ".join(sentence.text[level.start() : level_end]
                                                   .split()))
                    resolved = self._resolve_name(phrase)
                    found.append(_Term(level.start(), level_end, resolved or phrase,
                                       resolved is not None, parenthetical))
                    continue
                dosed = _DOSE_BEFORE.search(sentence.text, near, start)
                if dosed is not None:
                    # "High-dose annual melatonin causes …": said of that dose, not of the
                    # term at any dose, so a narrower term of its own (a kind of the term)
                    phrase = _lower_first(" ".join(sentence.text[dosed.start() : end].split()))
                    resolved = self._resolve_name(phrase)
                    if resolved is None:
                        self._dosed[phrase] = match.entity
                    found.append(_Term(dosed.start(), end, resolved or phrase,
                                       resolved is not None, parenthetical))
                    continue
                found.append(_Term(start, end, match.entity, True, parenthetical))
        return found

    def _product_of(self, name: str) -> str | None:
        """The class a product's name contains ("DreamEasy Melatonin Gummies": melatonin)."""
        if name in self._products:
            return self._products[name]
        label = self._label(name)
        if not _PRODUCT_NAME.fullmatch(label):
            return None
        inside = [e.id for e in self._labels.values() if e.id != name and e.label and len(
            e.label) < len(label) and re.search(rf"(?<!\w){re.escape(e.label)}(?!\w)", label,
                                                re.IGNORECASE)]
        self._products[name] = of = max(inside, key=lambda i: len(self._label(i)), default=None)
        return of

    @staticmethod
    def _product(text: str, start: int, end: int) -> tuple[int, int] | None:
        """The span of a product's name around the term at ``start``–``end``, or None.

        A run of capitalised words around a capitalised term names a product when it
        has a product's form after the term ("Melatonin Gummies", "Zinc Lozenges") and a
        brand word before it that is not just the sentence's first word ("DreamEasy",
        "our SleepWell"): "Melatonin Gummies" alone, or "Vitamin D" in a title, is not one.
        """
        if not text[start:end][:1].isupper():
            return None
        before = list(_CAPITALISED_WORD.finditer(text[max(0, start - 80) : start]))
        lo = start
        brand = False
        for word in reversed(before):
            at = max(0, start - 80) + word.start()
            if text[at + len(word.group()) : lo].strip() or _is_stop(word.group()):
                break
            lo = at
            if at > 0 or re.search(r"[a-z][A-Z]", word.group()):
                brand = True  # "DreamEasy", or a capitalised word after the sentence's start
        after = _PRODUCT_FORM.match(text, end)
        if lo == start or after is None or not brand:
            return None
        return lo, after.end()

    def _side(
        self, sentence: str, terms: list[_Term], lo: int, hi: int, left: bool
    ) -> list[_Term]:
        """The coordinated group of terms nearest the cue between ``lo`` and ``hi``."""
        if left:
            apposed = _APPOSITIVE_END.search(sentence, lo, hi)
            if apposed is not None and _WORD.search(
                    _LEAD.sub("", sentence[lo : apposed.start()].strip() + " ")):
                # "D-mannose, a sugar, may reduce …": what the clause is about is the name
                # before the appositive, not the class the appositive puts it in
                hi = apposed.start()
            modals = list(_MODAL.finditer(sentence, lo, hi))
            modal = modals[-1] if modals else None
            between = sentence[modal.end() : hi] if modal is not None else ""
            if modal is not None and any(not (_is_stop(w) or _ADVERB.match(w))
                                         for w in _WORD.findall(between)):
                # "Coffee can delay sleep and reduce …": the subject is before "can"
                hi = modal.start()
            alias = _OR_NAME.search(sentence, lo, hi)
            if alias is not None and "," not in sentence[lo : alias.start()] and _WORD.search(
                    _LEAD.sub("", sentence[lo : alias.start()].strip() + " ")):
                # "Metformin, or Glucophage, lowers …": one subject, named twice
                named = self._side(sentence, terms, lo, alias.start(), left=True)
                if len(named) == 1:
                    self._aliases[named[0].name] = " ".join(alias.group("alias").split())
                    return named
        joined = _VP_JOINED.search(sentence, lo, hi) if left else None
        if joined is not None and joined.start() > lo:
            # "Alcohol relaxes the throat and can worsen apnea": the clause's subject
            start_terms = [t for t in terms if lo <= t.start and t.end <= joined.start()
                           and not _LEAD.sub("", sentence[lo : t.start].strip() + " ").strip()]
            if start_terms:
                return start_terms[:1]
            span = _noun_phrase(sentence[lo : joined.start()], from_end=False)
            if span is not None:
                name = sentence[lo + span[0] : lo + span[1]]
                if not _PRONOUN.match(name):
                    return [_Term(lo + span[0], lo + span[1], name, False)]
        timed = _TIME_TO.match(sentence, lo, hi) if not left else None
        if timed is not None:
            # "reduces the time it takes to fall asleep": an outcome phrase of its own ("time
            # to fall asleep"), not "time" (a span of time, no term) nor a term inside it
            name = " ".join(["time to", *timed.group("done").lower().split()])
            resolved = self._resolve_name(name)
            return [_Term(timed.start("time"), timed.end(), resolved or name,
                          resolved is not None)]
        inside = [t for t in terms if lo <= t.start and t.end <= hi]
        plain = [t for t in inside if not t.parenthetical]
        inside = plain or inside
        modified = _MODIFIED_HEAD.match(sentence, lo, hi) if left else None
        if modified is not None and not _POPULATION_HEAD.match(modified.group("np").strip()) \
                and not any(_is_stop(w) or _VERB_FORM.match(w) for w in
                            _WORD.findall(_LEAD.sub("", modified.group("np") + " "))):
            # "Muscle aches blamed on statins are caused by …": the clause's head noun, not a
            # term of the participle phrase that modifies it
            own = [t for t in inside if t.end <= modified.end("np")]
            if own:
                inside = own
            else:
                span = _noun_phrase(modified.group("np"), from_end=False)
                if span is None:
                    return []
                at = modified.start("np")
                name = sentence[at + span[0] : at + span[1]]
                resolved = self._resolve_name(name)
                return [_Term(at + span[0], at + span[1], resolved or name.lower(),
                              resolved is not None)]
        if not left and inside:
            gap = sentence[lo : min(t.start for t in inside)]
            comma = gap.rfind(",")
            if comma >= 0 and _WORD.search(_LEAD.sub("", gap[comma + 1 :].strip() + " ")) and \
                    _noun_phrase(gap[:comma], from_end=False) is not None and \
                    not _LIST_TAIL.fullmatch(gap, comma + 1):
                # "that produced the same weight loss, the difference in blood pressure …":
                # the object is the phrase before the comma, not a term of the next clause
                hi = lo + comma
                inside = []
            elif (mental := _MENTAL_OF.match(gap)) is not None:
                # "caused by the expectation of side effects": the expectation, not the side
                # effects it is about
                name = mental.group("np")
                resolved = self._resolve_name(name)
                return [_Term(lo + mental.start("np"), lo + mental.end("np"),
                              resolved or name.lower(), resolved is not None)]
            else:
                before_pp = re.match(r"^(?P<np>.*?\S)\s+(?:for|in|with|among|at|on|during|after|"
                                     r"before|from)\s+(?:\S+\s+){0,3}$", gap, re.IGNORECASE)
                if before_pp is not None and _WORD.search(
                        _LEAD.sub("", before_pp.group("np").strip() + " ")) and _noun_phrase(
                        before_pp.group("np"), from_end=False) is not None:
                    # "recommend regular exercise for knee pain": the phrase before the
                    # preposition, not the term after it
                    hi = lo + before_pp.end("np")
                    inside = []
        activity = _ACTIVITY.match(sentence, lo, hi) if left else None
        if activity is not None and inside and activity.group("verb").lower() in (
                "taking", "using", "receiving", "having", "getting") and not _AMOUNT_OF.match(
                sentence, activity.end(), hi):
            activity = None  # "Taking antidepressants can …": the drug itself; but "taking
            # high doses of vitamin D" is the act, not vitamin D
        if activity is not None and activity.group("verb").lower() in _NOT_GERUNDS:
            activity = None
        if activity is not None and not _is_stop(activity.group("verb")) and not any(
            t.start <= activity.start("verb") for t in inside
        ):
            # "Drinking coffee in the afternoon can …", "Switching to a different statin
            # often …": the activity at the clause's start
            rest_at = activity.end()
            paired = re.match(r"(?:,\s*)?(?:and|or)\s+(?P<other>[A-Za-z][\w-]*(?:\s+[A-Za-z][\w-]*)"
                              r"{0,2}?)(?:\s+(?:can|may|might|could|will|would|also|often|both|"
                              r"usually|do|does|are|is))*\s*$",
                              sentence[rest_at:hi], re.IGNORECASE)
            if paired is not None and not any(_is_stop(w) for w in paired.group("other").split()):
                # "Walking and cycling improve …", "Bloating and gas are …": two terms
                pair = [(activity.start("verb"), activity.end("verb")),
                        (rest_at + paired.start("other"), rest_at + paired.end("other"))]
                found_pair = []
                for a, b in pair:
                    word = sentence[a:b]
                    resolved = self._resolve_name(word)
                    found_pair.append(_Term(a, b, resolved or word.lower(), resolved is not None))
                return found_pair
            span = _noun_phrase(sentence[rest_at:hi], from_end=False)
            if span is not None and activity.group("verb").lower() in (
                    "taking", "using", "receiving") and not _AMOUNT_OF.match(sentence, rest_at, hi):
                taken_name = sentence[rest_at + span[0] : rest_at + span[1]]
                resolved = self._resolve_name(taken_name)
                if self._type(resolved or taken_name) in _TAKEN_LIKE:
                    # "Taking ibuprofen can cause …": the drug, as with a vocabulary term
                    return [_Term(rest_at + span[0], rest_at + span[1],
                                  resolved or _lower_first(taken_name), resolved is not None)]
            end = rest_at + span[1] if span is not None else activity.end("verb")
            phrase = " ".join(sentence[activity.start("verb") : end].split())
            resolved = self._resolve_name(phrase)
            return [_Term(activity.start("verb"), end, resolved or _lower_first(phrase),
                          resolved is not None)]
        if not inside:
            referent = self._referent(sentence[lo:hi], left)
            if referent is not None:
                return [_Term(lo, lo, referent, referent in self._labels)]
            span = _noun_phrase(sentence[lo:hi], from_end=left)
            reduced = _REDUCED.match(sentence, lo, hi) if left else None
            if reduced is not None:
                inner = _noun_phrase(reduced.group("np"), from_end=False)
                if inner is not None:
                    at = reduced.start("np")
                    span = (at - lo + inner[0], at - lo + inner[1])
            if span is None:
                return []
            start, end = lo + span[0], lo + span[1]
            name = sentence[start:end]
            if _PRONOUN.match(name) or len(name) < 3:
                return []
            if any(surname in name.split() for surname in self._experts):
                return []  # "Dr. Jane Smith, a cardiologist": the speaker, not a term
            if _ANAPHORIC.match(sentence[lo:hi].lstrip()) and self._state.last_object:
                # "can cause similar effects": what the text just named
                name = self._state.last_object
                return [_Term(start, end, name, name in self._labels)]
            return self._phrase_list(sentence, lo, hi, _Term(start, end, name, False), left)
        if not left:
            # "the individual's emotional blunting": the possessor is not the object
            while len(inside) > 1 and re.match(r"^['’]s?\b", sentence[inside[0].end :]):
                inside = inside[1:]
        ordered = sorted(inside, key=lambda t: t.start, reverse=left)
        group = [ordered[0]]
        acts: dict[int, _Term] = {}  # members named with the gerund before them
        for term in ordered[1:]:
            prev = group[-1]
            gap = sentence[term.end : prev.start] if left else sentence[prev.end : term.start]
            gap = _PARENS.sub(" ", gap).strip()
            loose = None
            if not gap or _COORD_GAP.match(gap) is None:
                loose = _loose_coordination(gap)
                if loose is None:
                    break  # no separator: a compound ("blunting symptoms"), not a list
            if left and gap.startswith(",") and _FRONTED_PHRASE.match(sentence, lo, term.start):
                break  # "In people with heart disease, fish oil raises …": the comma ends
                # the opening phrase; what it names is not a subject
            group.append(term)
            verb = loose.group("gerund") if loose is not None else None
            if verb:
                later = prev if left else term
                acts[later.start] = self._act(sentence, sentence.rfind(verb, 0, later.start),
                                              later)
        if len(group) > 1:
            # "adjusting the dose, switching medications or …": the first member's gerund
            first = min(group, key=lambda t: t.start)
            opening = re.search(r"\b(?P<verb>[A-Za-z]{2,}ing)\s+(?:(?:the|your|a|an)\s+)?$",
                                sentence[lo : first.start])
            if opening is not None and opening.group("verb").lower() not in \
                    _NOT_GERUNDS_IN_LISTS and not _is_stop(opening.group("verb")):
                acts[first.start] = self._act(sentence, lo + opening.start("verb"), first)
        if acts:
            group = [acts.get(t.start, t) for t in group]
        if left:
            group.reverse()
            tail = _NAMED_AFTER_TERM.fullmatch(sentence, group[-1].end, hi)
            if tail is not None and not any(_is_stop(w) for w in tail.group("np").split()):
                # "Iron and vitamin C reduce …" with only iron a term: the phrase too
                name = tail.group("np")
                resolved = self._resolve_name(name)
                group.append(_Term(tail.start("np"), tail.end("np"), resolved or name,
                                   resolved is not None))
            group = self._gerund(sentence, lo, group)
            head = re.search(r"([A-Za-z][\w'’-]*)\s+(?:at|in|with|during|on|for|from|alongside)\s+"
                             r"(?:[\w-]+\s+){0,2}$", sentence[lo : group[0].start])
            owner = re.search(r"([A-Za-z][\w'’-]*)\s+(?:with|in|from|alongside)\s+"
                              r"(?:[\w-]+\s+){0,4}$", sentence[lo : group[0].start])
            holder = next((t for t in terms if owner is not None and t.start <= lo + owner.start(1)
                           < t.end and lo <= t.start), None) if len(group) == 1 else None
            if holder is not None and not self._terms_between(
                    terms, holder.end, group[0].start) and self._type(holder.name) != "population" \
                    and not _POPULATION_HEAD.match(self._label(holder.name)):
                # "talk therapy with a licensed therapist can help …", "caffeine in coffee
                # raises …": the term the phrase belongs to (and its list), not the phrase's;
                # but "people with BPD feel …" is about BPD
                group = self._side(sentence, terms, lo, holder.end, left=True) or group
                head = None
            if len(group) == 1 and head is not None and not _is_stop(head.group(1)) and not \
                    _VERB_FORM.match(head.group(1)) and not _PARTICIPLE.match(
                        head.group(1)) and not any(
                        t.start <= lo + head.start(1) < t.end for t in terms):
                # "Simvastatin at high doses is linked to …": the head, not the modifier
                name = head.group(1)
                resolved = self._resolve_name(name)
                group = [_Term(lo + head.start(1), lo + head.end(1), resolved or name,
                               resolved is not None)]
        else:
            doing = re.fullmatch(r"\s*(?P<verb>[A-Za-z]{2,}ing)\s+(?:(?:the|your|their|a|an)\s+)?",
                                 sentence[lo : group[0].start])
            if doing is not None and not _is_stop(doing.group("verb")) and doing.group(
                    "verb").lower() not in _NOT_GERUNDS_IN_LISTS:
                # "… goes away after stopping statins": stopping them, not statins
                group[0] = self._act(sentence, lo + doing.start("verb"), group[0])
            for at, member in enumerate(group):
                # "…, and the side effects of SSRIs": the member is what has them
                of = re.match(r"\s+of\s+(?:the\s+|these\s+)?", sentence[member.end : hi])
                if of is not None and _ASPECT_OF.match(self._label(member.name)):
                    owner_term = next((t for t in terms if t.start == member.end + of.end()
                                       and t.end <= hi), None)
                    if owner_term is not None and at > 0:
                        group[at] = owner_term
            group = self._refine_right(sentence, terms, group, hi)
            # "bone pain and muscle weakness" with only the first a term: the phrase too
            listed = self._phrase_list(sentence, lo, hi, group[-1], left=False)[1:]
            for member in listed:
                # "nausea, bloating and diarrhoea" with nausea and diarrhoea terms: the list
                # goes on through the phrase to the term after it
                over = next((u for u in terms if member.start < u.end and u.start < member.end),
                            None)
                if over is None:
                    group.append(member)
                elif over not in group and lo <= over.start and over.end <= hi and \
                        (over.start, over.end) == (member.start, member.end) and len(
                        _CONJUNCTION.findall(sentence, group[0].start, over.start)) == 1:
                    # (one list: "its symptoms, and management and coping strategies" has
                    # a second "and", which starts a list of its own)
                    group.append(over)
            group = self._listed_before(sentence, lo, group)
        # examples in parentheses right after a member: "a non-SSRI (bupropion, ketamine)"
        for member in list(group):
            opened = re.match(r"^\s*\(", sentence[member.end :])
            if opened is None:
                continue
            close = sentence.find(")", member.end)
            group += [t for t in terms if t.parenthetical and member.end < t.start
                      and (close < 0 or t.end <= close) and lo <= t.start and t.end <= hi
                      and all(t.name != g.name for g in group)]
        group.sort(key=lambda t: t.start)
        group = [self._as_population(sentence, term) for term in group]
        for term in group:
            entity = self._labels.get(term.name)
            if entity is not None and entity.type == "concept" and _DEMONSTRATIVE.search(
                sentence[max(0, term.start - 30) : term.start]
            ):
                # "these symptoms", "this effect": what the previous sentence was about
                referent = self._state.prev_first
                if referent is not None and referent != term.name:
                    # a new term: the sentence's own list of terms keeps what it names
                    group[group.index(term)] = _Term(term.start, term.end, referent,
                                                     referent in self._labels,
                                                     term.parenthetical)
        return group

    def _after_colon(
        self, text: str, terms: list[_Term], side: list[_Term], hi: int
    ) -> list[_Term]:
        """"Two scenarios can result in X: A or B" — the counted phrase stands for A and B."""
        if len(side) != 1 or side[0].known or not _COUNTED.match(side[0].name):
            return side
        colon = text.find(":", side[0].end)
        if colon < 0:
            return side
        listed = self._side(text, terms, colon + 1, len(text), left=False)
        if len(listed) == 1 and not listed[0].known:
            # no vocabulary terms: each coordinated noun phrase after the colon
            listed = []
            for part in re.split(r",|\band\b|\bor\b", text[colon + 1 :]):
                offset = text.find(part, colon + 1)
                span = _noun_phrase(part, from_end=False)
                if span is not None and offset >= 0:
                    listed.append(_Term(offset + span[0], offset + span[1],
                                        part[span[0] : span[1]], False))
        return listed or side

    def _experienced(
        self, text: str, terms: list[_Term], left: list[_Term], cue: str
    ) -> tuple[str, list[_Term]]:
        """What "<population> <experience> Y" says: Y is a sign of their condition, or
        caused by what they take; "<people with X> have a higher risk of Y": X causes Y."""
        at = text.lower().find(cue.lower()) if cue else -1
        risk = _RISK_AFTER_CUE.match(text, at + len(cue)) if at >= 0 else None
        # a higher risk of Y is Y caused, a lower one Y reduced (as curators write it; the
        # level predicates are for substances: docs/corpus-format.md)
        way = None if risk is None else (
            "causes" if risk.group("way").lower() in _HIGHER else "reduces")
        for term in left:
            entity = self._labels.get(term.name)
            if entity is None or entity.type != "population":
                continue
            if entity.has_condition:
                predicate = "causes" if cue.lower().startswith("develop") else "symptom_of"
                condition = _Term(term.start, term.end, entity.has_condition, True)
                if way is not None:
                    return way, [condition]
                if predicate == "causes":
                    return predicate, [condition]
                return "symptom_of_reversed", [condition]
            if entity.takes:
                # "Statin users had a 9% higher (lower) risk of Y": what they take causes
                # (reduces) Y
                return way or "causes", [_Term(term.start, term.end, entity.takes, True)]
        users = _USERS_SUBJECT.search(text[:at]) if at >= 0 else None
        if users is not None:
            # "statin users had a 9% higher risk of Y": what they use (a drug-like name)
            words = users.group("what").split()
            if words[0].lower() in ("long-term", "short-term", "regular", "daily", "current",
                                    "former", "new", "heavy"):
                words = words[1:]
            name = " ".join(words)
            resolved = self._resolve_name(name)
            if name and (resolved is not None or self._type(name) in _TAKEN_LIKE) and \
                    self._type(resolved or name) in _TAKEN_LIKE:
                at_name = users.end("what") - len(name)
                return way or "causes", [_Term(at_name, users.end("what"), resolved or name,
                                              resolved is not None)]
        # no population entity: the words say it ("People with migraine often feel …")
        found = _POPULATION_SUBJECT.search(text[: text.lower().find(cue.lower())]) \
            if cue else None
        if found is not None:
            how = re.match(r"\s*(?P<verb>with|who have|who take|who took|who used|who were "
                           r"taking|taking|on|using)\s+",
                           text[found.start() + len(found.group().split()[0]) :],
                           re.IGNORECASE)
            named = [t for t in left if t.start >= found.start()]
            if how is not None:
                # what they have or take is written between "with"/"who take" and the verb
                # ("Children who take ACE inhibitors rarely develop …"), not the group's head
                after = found.start() + len(found.group().split()[0]) + how.end()
                until = at
                while (trail := re.search(r"(?:^|\s)(?:may|might|can|could|often|also|commonly|"
                                          r"frequently|sometimes|usually|will|do|seldom|never|"
                                          r"\w+ly)\s*$", text[after:until], re.IGNORECASE)):
                    until = after + trail.start()
                written = [t for t in terms if after <= t.start and t.end <= until]
                if not written and until > after:
                    span = _noun_phrase(text[after:until], from_end=False)
                    if span is not None:
                        name = text[after + span[0] : after + span[1]]
                        resolved = self._resolve_name(name)
                        written = [_Term(after + span[0], after + span[1],
                                         resolved or name, resolved is not None)]
                named = written[:1] or named
            if how is not None and named:
                if how.group("verb").lower() in ("with", "who have"):
                    if way is not None:
                        # "People with diabetes have a higher risk of …": the condition
                        after = found.start() + len(found.group().split()[0]) + how.end()
                        having = [t for t in named if t.start >= after]
                        if not having and at > after:
                            span = _noun_phrase(text[after:at], from_end=False)
                            if span is None:
                                return "associated_with", []
                            name = text[after + span[0] : after + span[1]]
                            resolved = self._resolve_name(name)
                            having = [_Term(after + span[0], after + span[1],
                                            resolved or name.lower(), resolved is not None)]
                        return way, having[:1]
                    if cue.lower().startswith("develop"):
                        return "causes", named[:1]
                    return "symptom_of_reversed", named[:1]
                agent = named[0]
                bare = re.sub(r"^(?:taking|using|on)\s+", "", agent.name, flags=re.IGNORECASE)
                if bare != agent.name:  # "taking statins": the drug, not the activity
                    resolved = self._resolve_name(bare)
                    agent = _Term(agent.end - len(bare), agent.end, resolved or bare,
                                  resolved is not None)
                return way or "causes", [agent]
        return "associated_with", []

    def _privative(self, phrase: str, objects: list[_Term]) -> list[_Term]:
        """"the inability to feel emotions" → the vocabulary's "reduced emotional response"."""
        if not _PRIVATIVE.search(phrase[:60]):
            return objects
        refined = []
        for term in objects:
            entity = self._labels.get(term.name)
            stems = {w[:5] for w in re.findall(r"[a-z]{5,}", (entity.label if entity else
                                                                term.name).lower())}
            best: tuple[int, str] | None = None
            for candidate in self._labels.values():
                for name in (candidate.label, *candidate.synonyms):
                    lowered = name.lower()
                    if not _PRIVATIVE_LABEL.match(lowered):
                        continue
                    shared = stems & {w[:5] for w in re.findall(r"[a-z]{5,}", lowered)}
                    if shared and (best is None or len(lowered) < best[0]):
                        best = (len(lowered), candidate.id)
            refined.append(term if best is None or best[1] == term.name else
                           _Term(term.start, term.end, best[1], True, term.parenthetical))
        return refined

    def _refine_right(
        self, sentence: str, terms: list[_Term], group: list[_Term], hi: int
    ) -> list[_Term]:
        """"the condition of depression" → depression; "emotional flattening or numbing" → both."""
        first = group[0]
        later = [t for t in terms if t.start >= first.end and t.end <= hi]
        if later and self._type(first.name) == "concept" and re.match(
            r"^\s*(?:of|called|known as|named)\s+(?:the\s+)?$", sentence[first.end : later[0].start]
        ):
            group = [later[0], *[t for t in group[1:] if t.start > later[0].end]]
        last = group[-1]
        tail = re.match(r"^\s*(?:,\s*)?(?:or|and|,)\s+([A-Za-z][\w-]*)\b", sentence[last.end : hi])
        words = sentence[last.start : last.end].split()
        if tail is not None and len(words) > 1 and not any(
            t.start == last.end + tail.start(1) for t in terms
        ):
            # "emotional flattening or numbing": the modifier carries over to "numbing"
            candidate = f"{' '.join(words[:-1])} {tail.group(1)}"
            resolved = self._resolve_name(candidate)
            if resolved is not None:
                at = last.end + tail.start(1)
                group = [*group, _Term(at, at + len(tail.group(1)), resolved, True)]
        return group

    def _resolve_name(self, name: str) -> str | None:
        key = " ".join(name.lower().split())
        for entity in self._labels.values():
            names = {entity.label.lower(), *(n.lower() for n in entity.synonyms)}
            if key in names or key.rstrip("s") in names or key + "s" in names:
                return entity.id
        return None

    def _as_population(self, sentence: str, term: _Term) -> _Term:
        """"people with PTSD" → the population of people with PTSD, not PTSD."""
        before = _POPULATION_BEFORE.search(sentence, max(0, term.start - _CUE_ROOM), term.start)
        if before is None:
            return term
        fact = "has_condition" if before.group("verb").lower() in ("with", "who have",
                                                                    "who has") else "takes"
        for entity in self._labels.values():
            if entity.type == "population" and getattr(entity, fact) == term.name:
                return _Term(before.start(), term.end, entity.id, True, term.parenthetical)
        return term

    @staticmethod
    def _terms_between(terms: list[_Term], start: int, end: int) -> bool:
        return any(start <= t.start and t.end <= end for t in terms)

    def _withdrawn(
        self, sentence: str, terms: list[_Term], at: int, hi: int
    ) -> tuple[_Term, _Term] | None:
        """What "… of (after) stopping X" right after ``at`` stops: (X, the act of stopping it).

        X is a term, or what a definite description ("the tablet", "the medicine") or a
        pronoun points back to, or else the noun phrase itself.
        """
        stop = _STOPPING.match(sentence, at, hi)
        if stop is None:
            return None
        lo = stop.end()
        named = [t for t in terms if lo <= t.start and t.end <= hi]
        if named and not sentence[lo : named[0].start].strip(" ,"):
            drug = named[0]
        else:
            span = _noun_phrase(sentence[lo:hi], from_end=False)
            if span is None:
                return None
            phrase = sentence[lo + span[0] : lo + span[1]]
            described = set(self._described)
            referent = self._referent(sentence[stop.start("what") : lo + span[1]], left=True) \
                if stop.group("what") or _PRONOUN.match(phrase) else None
            self._described = described  # an implied drug proposes no term "tablet"
            resolved = referent or self._resolve_name(phrase)
            pointing = bool(stop.group("what")) or _PRONOUN.match(phrase) is not None
            if pointing and (referent is None or _GENERIC_HEAD.fullmatch(self._label(referent))):
                return None  # "stopping the tablet (the spray)" with nothing named before it
            drug = _Term(lo + span[0], lo + span[1], resolved or _lower_first(phrase),
                         resolved is not None and resolved in self._labels)
        label = self._label(drug.name)
        named_as = _lower_first(label) if label[1:2].islower() else label
        phrase = f"{stop.group('verb').lower()} {named_as}"
        resolved = self._resolve_name(phrase)
        return drug, _Term(stop.start("verb"), drug.end or lo, resolved or phrase,
                           resolved is not None)

    def _act(self, sentence: str, at: int, member: _Term) -> _Term:
        """A list member after a gerund: "stopping statins" is the act, "having X" is X."""
        verb = sentence[at:member.start].split()[0].lower() if at < member.start else ""
        if verb in _TRANSPARENT_GERUNDS or not verb:
            return member  # "adding therapy", "having a thyroid disorder": what they name
        phrase = " ".join(sentence[at : member.end].split())
        resolved = self._resolve_name(phrase)
        return _Term(at, member.end, resolved or _lower_first(phrase), resolved is not None,
                     member.parenthetical)

    def _gerund(self, sentence: str, lo: int, group: list[_Term]) -> list[_Term]:
        """"Stopping caffeine suddenly can cause …": the activity, not the substance."""
        if len(group) != 1:
            return group
        term = group[0]
        before = re.fullmatch(r"\s*(?:the\s+)?(?P<verb>[A-Za-z]+ing)\s+(?:the\s+|your\s+)?",
                              sentence[lo : term.start])
        if before is None or _is_stop(before.group("verb")):
            return group
        if before.group("verb").lower() in ("taking", "using", "receiving") and \
                self._type(term.name) in _TAKEN_LIKE:
            return group  # "Taking antidepressants can help …": the drug, as curators write it
        after = re.match(r"\s+(\w+ly)\b", sentence[term.end :])
        end = term.end + (after.end() if after else 0)
        phrase = " ".join(sentence[lo + before.start("verb") : end].split())
        resolved = self._resolve_name(phrase)
        return [_Term(lo + before.start("verb"), end, resolved or _lower_first(phrase),
                      resolved is not None)]

    def _listed_before(self, sentence: str, lo: int, group: list[_Term]) -> list[_Term]:
        """"cause jitters, headaches and …" with only "headaches" a term: "jitters" too."""
        prefix = sentence[lo : group[0].start]
        parts = re.split(r"\s*(?:,\s*(?:and|or)?|\band\b|\bor\b)\s*", prefix)
        if len(parts) < 2 or parts[-1].strip():
            return group
        found: list[_Term] = []
        cursor = lo
        for part in parts[:-1]:
            if not part.strip():
                continue
            at = sentence.find(part, cursor)
            span = _noun_phrase(part, from_end=False)
            lead = _LEAD.match(part.strip())
            rest = part.strip()[lead.end() :] if lead else part.strip()
            if span is None or at < 0 or part[span[0] : span[1]] != rest or len(
                    rest.split()) > 4:
                return group  # not a plain list of noun phrases
            found.append(_Term(at + span[0], at + span[1], rest, False))
            cursor = at + len(part)
        return [*found, *group]

    def _phrase_list(
        self, sentence: str, lo: int, hi: int, nearest: _Term, left: bool
    ) -> list[_Term]:
        """"headaches, fatigue and irritability": every short noun phrase of the list."""
        found = [nearest]
        if left:
            rest_lo, rest_hi = lo, nearest.start
        else:
            rest_lo, rest_hi = nearest.end, hi
        rest = sentence[rest_lo:rest_hi]
        parts = re.split(r"\s*(?:,\s*(?:and|or)?|\band\b|\bor\b)\s*", rest)
        if left:
            parts = parts[::-1]
        if len(parts) < 2 or parts[0].strip():
            return found  # no list separator next to the phrase
        if left and rest.rstrip().endswith(",") and _FRONTED_PHRASE.match(sentence, lo):
            return found  # "In people with X or Y, fish oil raises …": the comma ends the
            # opening phrase, whose "or" does not list subjects
        if not left and not re.search(r"\b(?:and|or)\b", rest):
            return found  # "rhabdomyolysis, a serious breakdown of …": an apposition
        parts = parts[1:]
        for part in parts:
            if not part.strip():
                break
            at = sentence.find(part, rest_lo)
            span = _noun_phrase(part, from_end=left)
            if span is None or at < 0:
                break
            name = part[span[0] : span[1]]
            if _PRONOUN.match(name) or len(name.split()) > 4 or re.search(
                    r"according\s+to(?:\s+[\w'’-]+){0,2}\s*$", sentence[: at + span[0]],
                    re.IGNORECASE):  # "According to (some) doctors, …": who says it
                break
            if left and re.match(r"\s*[\"“‘']?\s*(?:in|for|among|during|after|before|with|at|"
                                 r"on|from|by|since|until)\s", part, re.IGNORECASE):
                break  # "In children, severe deficiency causes …": a setting, not a subject
            found.append(_Term(at + span[0], at + span[1], name, False))
            if not left and re.match(r"\s+(?:is|are|was|were|can|may|might|will|has|have|"
                                     r"does|do)\b", part[span[1] :]):
                found.pop()  # "insomnia, and cutting back is …": a new clause's subject
                break
            if len(part.split()) > 4:
                break  # "… and a racing heart in some people": the list ends here
        found.sort(key=lambda t: t.start)
        return found

    def _referent(self, side: str, left: bool) -> str | None:
        """What a pronoun ("it", "they") or a definite description ("the medication") means."""
        words = [w for w in _WORD.findall(side) if not _ADVERB.match(w)]
        if not words:
            return None
        near = words[-1] if left else words[0]
        if not left and _THOSE_WHO.match(side):
            return None  # "common in those with chronic pain": the people it names, not anaphora
        if left:
            # skip "to", participles and the like back to the first noun or pronoun
            for word in reversed(words[-5:]):
                lowered = word.lower().replace("’", "'").removesuffix("'s")
                if _PRONOUN.match(lowered) or not (_is_stop(word) or _VERB_FORM.match(word)):
                    near = word
                    break
        lowered = near.lower().replace("’", "'").removesuffix("'s")
        state = self._state
        if lowered in ("it", "this", "that"):
            # the article's topic, when the previous sentence was about it too — but "it" is
            # one thing: not "falls" or "bladder infections", however often the text names them
            topic = self._topic_guess
            if topic is not None and topic in state.prev_names and not self._plural(topic):
                return topic
            if state.prev_first is not None and not self._plural(state.prev_first):
                return state.prev_first
            singular = [name for name, is_plural in state.prev_order if not is_plural]
            if singular:
                return singular[0]  # "Tai chi reduces falls. It also improves balance."
            return state.prev_first or topic
        if lowered in ("they", "these", "those", "them"):
            # "they" opening a clause: what the previous sentence named in the plural, its
            # subject first ("Vitamin D supplements are given to older adults. They do not
            # …"); "these", "those", "them": the plural term named last
            plural = [name for name, is_plural in state.prev_order if is_plural] if (
                lowered == "they" and left) else []
            plural += [name for name, is_plural in reversed(state.mentions) if is_plural]
            return plural[0] if plural else state.prev_first
        phrase = " ".join(words[-2:] if left else words[:2]).lower()
        generic = _GENERIC.match(phrase)
        if generic is None:
            return None
        head = generic.group("head").rstrip("s")
        wanted = _GENERIC_TYPES[head]
        # the last term of that type the text named ("Warfarin thins the blood. The drug
        # can cause bleeding."), however it was named: a term or a phrase a draft proposed
        candidates = [name for name in reversed(state.named or [n for n, _ in state.mentions])
                      if not _GENERIC_HEAD.fullmatch(self._label(name))]
        if head in _TAKEN_HEADS:
            # "Fish oil lowers triglycerides. The supplement …": what was said to act (fish
            # oil, a guessed concept), before the substance it acts on; a term whose type is
            # only guessed ("echinacea") may be a supplement too, but never a term the
            # vocabulary types otherwise
            acting = [name for name in candidates if name in state.agents and (
                self._type(name) in wanted or self._untyped_subject(name))]
            candidates = acting + [name for name in candidates if name not in acting]
        # before those: a term its name or the vocabulary says is one ("Vitamin D is made in
        # the skin. The vitamin …": vitamin D, whatever acted before; a term whose broader
        # class is the vitamins)
        kind_of = [name for name in candidates if "condition" not in wanted
                   and self._is_kind(name, generic.group("head").lower())]
        candidates = kind_of + [n for n in candidates if n not in kind_of]
        for name in candidates:
            if name in kind_of:
                if name not in self._vocabulary_ids and not re.search(
                        rf"\b{re.escape(head)}", self._label(name), re.IGNORECASE):
                    self._described.add(generic.group("head"))
                return name  # a name holding the word ("vitamin D"): the word is no term
            if self._type(name) in wanted or (head in _TAKEN_HEADS and self._untyped_subject(
                    name)):
                if name not in self._vocabulary_ids:
                    # with no vocabulary term for it, the word itself may still name a term
                    # elsewhere ("while on medication")
                    self._described.add(generic.group("head"))
                return name
        return None

    def _is_kind(self, name: str, head: str) -> bool:
        """Whether a term is named as a kind of ``head`` ("vitamin D": a vitamin; "the
        supplement" is one, not "omega-3 supplements"), or the vocabulary says so (a
        broader class named by it, in either number)."""
        words = re.escape(head)
        label = self._label(name)
        # "vitamin D", "vitamin B12": the word and a short code; "omega-3 supplement", "blood
        # pressure medication": the word as the head — not an act ("stopping medication",
        # "medication switch")
        if re.fullmatch(rf"{words}\s+[A-Za-z]{{0,2}}\d{{0,2}}", label, re.IGNORECASE) or (
                re.search(rf"\s{words}$", label, re.IGNORECASE)
                and not re.match(r"\w+ing\b", label) and self._type(name) != "action"):
            return True
        # the vocabulary's classes of it, up the is-a links: "sertraline" is a medication
        # when it is an SSRI, an antidepressant, a psychiatric medication
        seen: set[str] = set()
        todo = list(entity.broader) if (entity := self._labels.get(name)) is not None else []
        while todo and len(seen) < 20:
            broader = todo.pop()
            if broader in seen:
                continue
            seen.add(broader)
            if re.search(rf"\b{re.escape(head.rstrip('s'))}(?:s|es)?\b",
                         f"{self._label(broader)} {broader.replace('_', ' ')}", re.IGNORECASE):
                return True
            if (above := self._labels.get(broader)) is not None:
                todo.extend(above.broader)
        return False

    def _untyped_subject(self, name: str) -> bool:
        """Whether ``name`` is a guessed concept that something was said of: what "the
        supplement" may mean (a draft's subject, or a repeated phrase a sentence opened with)."""
        if name in self._vocabulary_ids or self._type(name) != "concept":
            return False
        return name in self._state.agents or (
            name in self._state.opened and self._mentions(_Term(0, 0, name, False)) >= 2)

    def _plural(self, name: str) -> bool:
        """Whether ``name`` was last written in the plural (in the previous sentence first)."""
        for named, is_plural in self._state.prev_order:
            if named == name:
                return is_plural
        return self._state.plural.get(name, False)

    def _named_in_order(
        self, text: str, terms: list[_Term], made: list[Proposal]
    ) -> list[tuple[str, bool]]:
        """What a sentence names, in the order written, each with whether it is plural.

        Its terms ("Vitamin D supplements are …" is a plural mention of vitamin D) and the
        written subjects and objects of its claims; a sentence with neither, the noun
        phrase that opens its main clause (after a fronted phrase: "In adults with
        insomnia, melatonin …").
        """
        found: list[tuple[int, int, str, bool]] = []
        for t in terms:
            head = _PLURAL_HEAD.match(text, t.end)
            found.append((t.start, 1, t.name, head is not None or _written_plural(
                text[t.start : t.end])))
        lowered = text.lower()
        for proposal in made:
            if dict(proposal.features).get("in_quote", 0.0) != 1.0:
                continue  # not both written in the sentence
            for name in (proposal.subject, proposal.object):
                label = self._label(name).lower()
                at = lowered.find(label) if label else -1
                if at >= 0 and not any(n == name for _, _, n, _ in found):
                    found.append((at, 1, name, _written_plural(text[at : at + len(label)])))
        fronted = _FRONTED_CLAUSE.match(text)
        at = fronted.end() if fronted is not None else 0
        # a question asks about what it names; what a later "it" means is still open
        span = _noun_phrase(text[at:], from_end=False) if not found and not text.rstrip(
            ).endswith("?") else None
        if span is not None and at == 0:
            span = _after_imperative(text, span)  # "Do not take antibiotics.": antibiotics
        if span is not None:
            words = text[at + span[0] : at + span[1]].split()
            auxiliary = re.match(r"\s+(?:is|are|was|were|can|may|might|will|would|could|should|"
                                 r"do|does|did|have|has|had)\b", text[at + span[1] :])
            while words and words[-1].lower() in _COMMON_VERBS and auxiliary is None:
                words.pop()  # "Most pregnant women drink …": the verb is not the phrase's
                # (but "Probiotic drinks are sold …" ends with its noun)
            phrase = " ".join(words)
            start = at + span[0]
            term = next((t for t in terms if t.start == start and t.end == start + len(
                phrase)), None)
            if phrase and term is None and not _PRONOUN.match(phrase) and len(phrase) > 2 \
                    and not _not_a_term(phrase) and phrase.split()[-1].lower() not in _ABSTRACT \
                    and not (len(words) > 1 and all(w[:1].isupper() for w in words)):
                # a thing ("caffeine", "vitamin D supplements", "probiotic drinks"), not "the
                # experience of …", which no later "it" is about, nor a name ("Grow Therapy")
                resolved = self._resolve_name(phrase)
                found.append((start, 0, resolved or _lower_first(phrase),
                              _written_plural(phrase)))
        found.sort(key=lambda f: (f[0], f[1]))
        return [(name, plural) for _, _, name, plural in found]

    def _certainty(self, sentence: str, cue_start: int, cue_end: int) -> Certainty:
        best: tuple[int, str, str] | None = None
        # a hedge counts within 60 characters before the cue or 12 after its start: only
        # that stretch (with room for the hedge's own words) is read
        lo, hi = max(0, cue_start - 60 - _CUE_ROOM), min(len(sentence), cue_end + 12 + _CUE_ROOM)
        for level, pattern in CERTAINTY_CUES:
            for match in pattern.finditer(sentence, lo, hi):
                if match.end() < cue_start - 60:
                    continue
                if match.start() >= cue_end + 12:
                    continue
                distance = cue_start - match.end() if match.end() <= cue_start else 6
                if distance < 0:
                    distance = 0
                if best is None or distance < best[0]:
                    best = (distance, level, match.group())
        certain = _first_certain(sentence)
        if certain is not None and (re.search(r"\b(?:not|n't|never)\s+$", sentence[
                max(0, certain.start() - 8) : certain.start()], re.IGNORECASE) or (
                certain.start() >= cue_end and _OTHER_CLAUSE.search(
                    sentence, cue_end, certain.start()))):
            # "X does not cut Y, so a test is not always needed": a word of another clause,
            # and "not always" is no certainty
            certain = None
        reported = _HEDGED_REPORT.search(sentence, cue_end)
        if reported is not None and (best is None or best[0] > 60):
            # "X cuts Y by 40%, a review (had) suggested": what the work suggested
            return Certainty("probable", reported.group("verb"))
        if best is not None and best[0] <= 60:
            if certain is not None and best[2].lower() == "can" and certain.start() < cue_start:
                # "research shows that X can cause Y": shown, not merely possible
                return Certainty("certain", certain.group())
            return Certainty(best[1], best[2])
        if certain is not None:
            return Certainty("certain", certain.group())
        return Certainty()

    def _headline(
        self, text: str, matches: list[TermMatch], context: ExtractionContext,
        numbered: dict[str, str], labels: dict[str, Entity],
    ) -> list[Proposal]:
        """What a title that is a statement says ("Study proves bacon causes bowel cancer").

        Only a relation cue with both terms written in the title: a title naming two
        things ("Red meat and bowel cancer: what the evidence says") relates nothing,
        and a question asks. The title is read on its own (what it names is not what
        the first sentence's "it" means).
        """
        found = lines(text)
        if not found or found[0].section != "title" or \
                found[0].text.rstrip("*_# ").endswith("?"):
            return []
        line = found[0]
        plain = line.text.lstrip("#* ").rstrip("*_ ")
        start = line.start + line.text.find(plain)
        title = Sentence(start, start + len(plain), plain, "title", "heading")
        state, self._state = self._state, _State(experts=dict(self._experts))
        try:
            terms = self._terms(title, matches)
            attribution = self._attribution(title, self._state, context, numbered, False)
            made = [p for p in self._sentence(title, terms, attribution, self._state, labels)
                    if p.cues[0] != "co-occurrence"
                    and dict(p.features).get("in_quote", 1.0) and dict(p.features).get(
                        "verb_cue", 1.0)]
        finally:
            self._state = state
        return made

    def _attribution(
        self, sentence: Sentence, state: _State, context: ExtractionContext,
        numbered: dict[str, str], in_quote: bool,
    ) -> Attribution:
        text = sentence.text
        refs = self._citations(self._written[sentence.start : sentence.end], context.references,
                               numbered)
        if refs:
            return Attribution("cited", refs[1], refs[0], mode="reports")
        expert = self._expert(sentence, state, in_quote)
        if expert is not None:
            return Attribution("expert", expert[1], expert=expert[0], mode="reports")
        described = DESCRIBED_WORK.search(text)
        if described is not None:
            # "A 2013 study" when the article's references list one work of 2013
            year = re.search(r"\b(?:19|20)\d\d\b", described.group())
            listed = {key for key in numbered.values()}
            fits = [r.key for r in context.references if r.key in listed and year is not None
                    and (r.year or "") == year.group()]
            if len(fits) == 1:
                return Attribution("cited", described.group().strip(), (fits[0],), mode="reports")
        if described is not None and (re.search(
            r"(?:19|20)\d\d|\bone\b|\bof\b|\bper\b|\ba\b|\ban\b", described.group(), re.IGNORECASE
        ) or (WORK_FINDS.match(text, described.end()) is not None and re.match(
                r"(?:the|this|that)\s", described.group().strip(), re.IGNORECASE))):
            # "The review suggests that …", "this trial found …": the work the text speaks of
            return Attribution("unidentified-work", described.group().strip(), mode="reports")
        appeal = RESEARCH_APPEAL.search(text)
        if appeal is not None:
            return Attribution("research-appeal", appeal.group())
        belief = _LAY_BELIEF.search(text)
        if belief is not None:
            # "Many people believe it can cure a UTI": what people believe, which the source
            # reports and does not assert (no evidence is claimed either)
            return Attribution("none", belief.group(), mode="reports")
        return Attribution()

    def _citations(
        self, text: str, references: tuple[Reference, ...], numbered: dict[str, str]
    ) -> tuple[tuple[str, ...], str] | None:
        keys: list[str] = []
        cue = None
        for match in _MARKER.finditer(text):
            group = match.group(1) or match.group(2)
            numbers: list[str] = []
            for part in re.split(r"\s*,\s*", group):
                if re.search(r"[–-]", part):
                    a, b = re.split(r"\s*[–-]\s*", part)[:2]
                    if a.isdigit() and b.isdigit() and int(b) - int(a) < 20:
                        numbers += [str(n) for n in range(int(a), int(b) + 1)]
                else:
                    numbers.append(part.strip())
            for number in numbers:
                if number in numbered:
                    keys.append(numbered[number])
                    cue = match.group()
        for match in _AUTHOR_YEAR.finditer(text):
            key = _match_reference(match.group("author"), _cited_year(match.group("year")),
                                   references)
            if key is not None:
                keys.append(key)
                cue = match.group().strip(" ,()")
        for match in _BODY_YEAR.finditer(text):
            body, year = match.group("body"), _cited_year(match.group("year"))
            # "A World Health Organization (2019) report": the longest run of its words
            # (two or more: one is a surname, above) that names an organisation, from its end;
            # else the acronym in brackets after it
            starts = [w.start() for w in re.finditer(r"\S+", body) if w.group()[:1].isupper()]
            names = [(at, re.sub(r"^the\s+", "", body[at:], flags=re.IGNORECASE))
                     for at in starts if " " in body[at:]]
            if match.group("acronym"):
                names.append((starts[0], match.group("acronym")))
            for at, name in names:
                key = _match_reference(name, year, references)
                if key is not None:
                    keys.append(key)
                    cue = text[match.start("body") + at : match.end()]
                    if "(" in cue and text[match.end() : match.end() + 1] == ")":
                        cue += ")"  # "the American Psychiatric Association (2013)"
                    break
        for match in _URL.finditer(text):
            for reference in references:
                url = reference.get("url")
                if url and url.rstrip("/") == match.group().rstrip("/.,)"):
                    keys.append(reference.key)
                    cue = match.group()
        if not keys or cue is None:
            return None
        return tuple(dict.fromkeys(keys)), cue

    def _expert(self, sentence: Sentence, state: _State, in_quote: bool
                ) -> tuple[str, str] | None:
        text = sentence.text
        for pattern in (_ACCORDING, _SPEECH_BEFORE, _SPEECH_AFTER):
            for match in pattern.finditer(text):
                name = match.group("name").strip(" ,")
                first = name.replace("Dr. ", "").replace("Dr ", "").split()[0]
                if first in _NOT_NAMES:
                    continue
                full = self._full_name(name, state)
                state.expert, state.expert_paragraph = full, sentence.paragraph
                return full, match.group().strip(" ,")
        pronoun = _PRONOUN_SPEECH.search(text)
        if pronoun is not None and state.expert is not None:
            state.expert_paragraph = sentence.paragraph
            return state.expert, pronoun.group()
        if in_quote and state.expert is not None and sentence.paragraph - \
                state.expert_paragraph <= 2:
            return state.expert, "“"
        return None

    def _full_name(self, name: str, state: _State) -> str:
        surname = name.split(",")[0].split()[-1]
        known = state.experts.get(surname)
        if known is None or len(name) > len(known):
            state.experts[surname] = name
            return name
        return known

    # -- the extractor --------------------------------------------------------------

    def propose(self, text: str, context: ExtractionContext) -> Iterator[Proposal]:
        """Claims proposed for ``text``, sentence by sentence (see the module docstring).

        Two passes: the noun phrases the first pass proposes as new terms
        that the text names at least twice become terms of the second pass,
        so they are found everywhere (in lists, after pronouns, as the
        article's topic) — what lets an empty vocabulary still draft well.
        """
        if self._negation is None:
            self._negation = _Negation()
        report = context.progress

        def tick(second: bool) -> _Tick | None:
            # both passes read every sentence: the first is the first half of the work
            if report is None:
                return None
            return lambda done, total: report(done + total * second, 2 * total)

        # "[a study](https://…/ajh_hpx102)": the address is no word of the text (its words
        # are read; citations still see the address, in the text as written)
        self._written = text
        text = _without_link_targets(text)
        self._said, self._described = _said_kinds(text), set()
        first = self._run(text, context, context.entities, tick(False))
        found = _recurring_terms(text, first, {e.id for e in context.entities}, self._said,
                                 sorted(self._described))
        found = (*found, *_longer_names(first, found, {e.id for e in context.entities}))
        spelled = _spelled_out(text, context.entities)
        if spelled:
            # "Proton pump inhibitors (PPIs)": one term under both names
            names = {n.casefold() for e in spelled for n in (e.label, *e.synonyms)}
            found = (*(e for e in found if e.label.casefold() not in names and
                       e.label.casefold().rstrip("s") not in names), *spelled)
        if not found:
            proposals = first
        else:
            label = {e.id: e.label for e in found}
            abbreviations = {e.label: e.synonyms for e in spelled}
            def named(name: str) -> str:
                return label.get(name, name)

            def synonyms(p: Proposal) -> tuple[tuple[str, str, str], ...]:
                named_here = {named(x) for x in (p.subject, p.object, p.population) if x}
                return tuple((name, "synonym", abbreviation) for name in named_here
                             for abbreviation in abbreviations.get(name, ()))

            proposals = [
                replace(p, subject=named(p.subject), object=named(p.object),
                        population=None if p.population is None else named(p.population),
                        types=tuple((named(n), kind) for n, kind in p.types),
                        facts=(*((named(a), f, named(b)) for a, f, b in p.facts),
                               *synonyms(p)))
                for p in self._run(text, context, (*context.entities, *found), tick(True))
            ]  # fmt: skip
        if report is not None:
            report(1, 1)  # done (one pass is enough when the first finds no new terms)
        written = self._written
        for proposal in proposals:
            if proposal.start is not None and written is not text:
                proposal = replace(proposal, quote=written[
                    proposal.start : proposal.start + len(proposal.quote)])
            if proposal.confidence >= self.min_confidence:
                yield proposal

    def _run(
        self, text: str, context: ExtractionContext, entities: tuple[Entity, ...],
        tick: _Tick | None = None,
    ) -> list[Proposal]:
        """One pass over the text with ``entities`` as the vocabulary.

        ``tick(done, total)`` is called every :data:`_TICK_EVERY` sentences.
        """
        matcher = TermMatcher(entities)
        matches = matcher.find(text)
        labels = {e.id: e for e in entities}
        numbered = _numbered_references(self._written, context.references)
        self._prescan_experts(text)
        state = _State(experts=dict(self._experts))
        self._state, self._labels = state, labels
        self._topic_guess = _frequent_term(matches, labels, _title_span(text))
        self._matches = matches
        self._match_counts = Counter(m.entity for m in matches)
        self._vocabulary_ids = frozenset(e.id for e in context.entities)
        self._lowered = lower_same_length(text)
        self._mention_counts, self._cue_counts = {}, {}
        self._aliases = {}
        self._products = {}
        self._dosed = {}
        self._sentences = []
        all_sentences = [s for s in sentences(text) if s.section != "caption"]
        self._sentences = all_sentences
        proposals: list[Proposal] = []
        questions = _answers(text, all_sentences)
        # the drafts a short answer gave its question ("No."), with the answer's paragraph
        answered: list[tuple[int, Proposal]] = []
        proposals.extend(self._headline(text, matches, context, numbered, labels))
        quote_depth = 0
        paragraph = -1
        for number, sentence in enumerate(all_sentences):
            if tick is not None and number % _TICK_EVERY == 0:
                tick(number, len(all_sentences))
            if sentence.paragraph != paragraph:
                quote_depth, paragraph = 0, sentence.paragraph  # quotes end with their paragraph
            in_quote = quote_depth > 0 or sentence.text.lstrip().startswith(("“", '"'))
            quote_depth += sentence.text.count("“") - sentence.text.count("”")
            quote_depth = max(0, min(quote_depth, 1))
            terms = self._terms(sentence, matches)
            if sentence.section == "references":
                # a cited work's title can make a claim: it is reported, with that citation
                key = _match_entry(self._written[sentence.start : sentence.end],
                                   context.references)
                if key is None:
                    continue
                # both terms must be in the title: a term from the text before it (the
                # last subject, the topic) is not what the cited work is about
                made = [p for p in self._sentence(sentence, terms, Attribution(
                    "cited", None, (key,), mode="reports"), state, labels)
                    if p.cues != ("co-occurrence",) and dict(p.features).get("in_quote", 1.0)]
                proposals.extend(made)
                continue
            attribution = self._attribution(sentence, state, context, numbered, in_quote)
            made = list(self._sentence(sentence, terms, attribution, state, labels))
            made += self._elided(sentence, terms, made)
            question = questions.pop(sentence.start, None)
            if question is not None:
                answers = self._answered(sentence, question, made, attribution, state, labels)
                answered.extend((sentence.paragraph, p) for p in answers)
                made += answers
            proposals.extend(made)
            plain = [t for t in terms if not t.parenthetical]
            state.prev_names = {t.name for t in terms} | {p.subject for p in made} | {
                p.object for p in made}
            state.agents.update(p.subject for p in made if p.predicate in _ACTS)
            state.used_for.update((p.subject, p.object) for p in made
                                  if p.predicate in ("treats", "reduces") and not p.negated)
            specific = [t for t in plain if self._type(t.name) != "concept"] or plain
            if plain:
                state.prev_first = made[0].subject if made and made[0].subject in {
                    t.name for t in specific} else specific[0].name
                # "… Reuptake Inhibitor (SSRIs). These are …": a plural abbreviation in
                # parentheses is a plural mention of its term, which "these" can point to
                state.mentions.extend(
                    (t.name, sentence.text[t.start : t.end].lower().endswith("s")) for t in terms
                    if not t.parenthetical or (
                        bool(made) and t.name == made[0].subject
                        and sentence.text[t.start : t.end].endswith("s")
                        and sentence.text[t.start : t.end][:-1].isupper())
                )
            elif made:
                state.prev_first = made[0].subject
            state.prev_order = self._named_in_order(sentence.text, plain, made)
            opening = _noun_phrase(sentence.text, from_end=False) if not plain or \
                plain[0].start > 0 else None
            opening = _after_imperative(sentence.text, opening)
            opened = [sentence.text[opening[0] : opening[1]]] if opening is not None else []
            opened = [n for n in opened if re.fullmatch(
                r"[A-Za-z][\w'’-]*(?:\s+[A-Za-z][\w'’-]*){0,3}", n) and not _not_a_term(n)]
            # "Warfarin thins the blood.": what a sentence opens with is named too
            state.opened.update(n for n in opened if not _PRONOUN.match(n))
            if plain and not sentence.text[: plain[0].start].strip():
                state.opened.add(plain[0].name)  # the sentence opens with a term
            state.named.extend(dict.fromkeys([*(n for n in opened if not _PRONOUN.match(n)), *(
                t.name for t in plain), *(x for p in made for x in (p.subject, p.object))]))
            state.plural.update(state.prev_order)
            if not plain and not made and state.prev_order:
                # "Caffeine crosses the placenta. It can …": a sentence without a term still
                # says what it is about (not a term of some sentence before it)
                state.prev_first = state.prev_order[0][0]
        # "Colds are common in winter": when, not in whom (read until here: the sentence
        # still says what the text is about)
        proposals = [p for p in proposals if not (
            p.predicate == "prevalence" and p.object not in labels and _is_time(p.object))]
        if answered:
            # "No. Amlodipine does not cause a cough.": the answer's next sentence (or line)
            # says it in words of its own; a draft anchored on "No." would repeat the claim
            paragraph_at = {s.start: s.paragraph for s in all_sentences}
            stated = {(paragraph_at.get(p.start or -1), p.subject, p.predicate, p.object,
                       p.negated) for p in proposals if all(p is not a for _, a in answered)}
            repeated = {id(a) for paragraph, a in answered if any(
                (at, a.subject, a.predicate, a.object, a.negated) in stated
                for at in (paragraph, paragraph + 1))}  # "No." on a line of its own
            proposals = [p for p in proposals if id(p) not in repeated]
        proposals = self._not_alone(proposals)
        topic = _topic(proposals, labels)
        said_at = sorted(p.start for p in proposals if p.start is not None)
        for sentence in all_sentences:
            first = _first_word(sentence.text)
            if sentence.section == "references":
                continue
            # a proposal starts in the sentence (a sorted list: a scan of every proposal for
            # every sentence made a long text quadratic)
            said = bisect_left(said_at, sentence.end) > bisect_left(said_at, sentence.start)
            added = len(proposals)
            asked = [] if said or sentence.kind != "item" else self._question_items(
                sentence, labels)
            if asked:
                # "Who should take magnesium?" and "- People with migraines": the question
                # says what its fragments are
                proposals.extend(asked)
            elif said and topic is not None and first not in _IMPERATIVES:
                # "Contact a doctor if:" and an item that also states something ("It
                # causes distress."): the item is still a reason to consult
                reason = self._consult_reason(sentence, topic, labels)
                if reason is not None:
                    proposals.append(reason)
            elif first in _IMPERATIVES or (sentence.section == "list" and first != "" and not said):
                proposals.extend(self._recommendation(sentence, matches, topic, labels))
            for proposal in proposals[added:]:
                if proposal.start is not None:
                    insort(said_at, proposal.start)
        return self._safety(all_sentences, matches, proposals)

    def _safety(
        self, found: list[Sentence], matches: list[TermMatch], proposals: list[Proposal]
    ) -> list[Proposal]:
        """``proposals`` with the safety and interaction claims the cues cannot read.

        "There is no safe level of alcohol in pregnancy" (``safe_for``, denied)
        and "Do not combine ibuprofen with aspirin" (``interacts_with``) name
        both terms after the cue (:func:`~.safety.safety_shapes`); a safety
        claim takes the dose its sentence states ("up to 200 mg a day is
        safe"); an interaction read from "reduces the effect of" or from
        advice is kept only with a medicine or substance as its object ("the
        effects of stress" is no interaction).
        """
        kept = []
        for proposal in [*proposals, *self._safety_shapes(found, matches, proposals)]:
            if proposal.predicate == "safe_for" and proposal.quantity is None:
                doses = find_doses(proposal.quote)
                if len({d.quantity for d in doses}) == 1:
                    proposal = replace(proposal, quantity=doses[0].quantity)
            if proposal.predicate == "interacts_with" and re.search(
                    r"\b(?:effects?|effectiveness|efficacy)\b", proposal.cues[0] if proposal.cues
                    else "") and self._type(proposal.object) not in _INTERACTING:
                continue
            kept.append(proposal)
        return kept

    def _safety_shapes(
        self, found: list[Sentence], matches: list[TermMatch], proposals: list[Proposal]
    ) -> list[Proposal]:
        """The drafts of :func:`~.safety.safety_shapes`, and of :func:`~.safety.plain_safety`
        in a sentence no safety claim was drafted from."""
        said = {(p.start, p.subject, p.predicate, p.object) for p in proposals}
        safe_in = {p.start for p in proposals if p.predicate == "safe_for"}
        made = []
        for sentence in found:
            if sentence.section == "references" or sentence.text.rstrip().endswith("?"):
                continue
            terms = self._terms(sentence, matches)
            shapes = safety_shapes(sentence.text)
            if sentence.start not in safe_in and not any(
                    s.predicate == "safe_for" for s in shapes):
                shapes += plain_safety(sentence.text)
            for shape in shapes:
                subject = self._shape_term(sentence.text, terms, shape.subject_span)
                obj = self._shape_term(sentence.text, terms, shape.object_span)
                if subject == obj or _not_a_term(subject) or _PRONOUN.match(subject) or (
                        shape.predicate == "interacts_with"
                        and self._type(obj) not in _INTERACTING):
                    continue
                key = (sentence.start, subject, shape.predicate, obj)
                if key in said:
                    continue
                said.add(key)
                made.append(Proposal(
                    quote=sentence.text, start=sentence.start, section=sentence.section,
                    subject=subject, predicate=shape.predicate, object=obj,
                    negated=shape.negated, confidence=0.6, cues=(shape.cue,),
                ))  # fmt: skip
        return made

    def _shape_term(self, text: str, terms: list[_Term], span: tuple[int, int]) -> str:
        """The term a safety shape names at ``span``: the longest term inside it, else the
        phrase itself (a new term)."""
        inside = [t for t in terms if span[0] <= t.start and t.end <= span[1]]
        if inside:
            return max(inside, key=lambda t: t.end - t.start).name
        return _lower_first(" ".join(text[span[0] : span[1]].split()))

    def _question_items(self, item: Sentence, labels: dict[str, Entity]) -> list[Proposal]:
        """The claims of a list item that is a fragment under a question heading.

        "Who should (not) take X?" and "- People with migraines": X is recommended (or
        advised against) for migraines, in people with migraines (the group itself when
        it names no condition and the text has no topic); "What are the side effects of
        X?" and "- Diarrhoea": X causes diarrhoea. A full sentence says for itself what
        it claims, and is read as one.
        """
        heading = (item.heading or "").lstrip("#").strip()
        text = item.text.strip().rstrip(".;,")
        if not heading.endswith("?") or len(text.split()) > 8 or _STATEMENT.search(
                _GROUP_HAS.sub("", text)):
            return []  # ("who have type 2 diabetes" says which people, and is no statement)
        who = _WHO_SHOULD.match(heading)
        effects = _EFFECTS_QUESTION.match(heading)
        asked = who or effects
        if asked is None:
            return []
        span = _noun_phrase(asked.group("x"), from_end=False)
        if span is None:
            return []
        name = asked.group("x")[span[0] : span[1]]
        thing = _Term(0, 0, self._resolve_name(name) or _lower_first(name),
                      self._resolve_name(name) is not None)
        item_span = _noun_phrase(text, from_end=False)
        cue = heading[:60]
        made: set[tuple[str, str, str]] = set()
        if effects is not None:
            if item_span is None:
                return []
            fragment = text[item_span[0] : item_span[1]]
            outcome = self._resolve_name(fragment)
            proposal = self._proposal(item, thing, "causes", _Term(
                item_span[0], item_span[1], outcome or _lower_first(fragment),
                outcome is not None), made, confidence=0.35, cue=cue, rule="list")
            return [proposal] if proposal is not None else []
        assert who is not None
        group = self._resolve_name(text) or _lower_first(" ".join(text.split()))
        having = _GROUP_HAS.search(text)
        aim: _Term | None = None
        if having is not None and (at := _noun_phrase(having.group("np"), from_end=False)):
            condition = having.group("np")[at[0] : at[1]]
            resolved = self._resolve_name(condition)
            aim = _Term(having.start("np") + at[0], having.start("np") + at[1],
                        resolved or _lower_first(condition), resolved is not None)
        elif self._topic_guess is not None and self._type(self._topic_guess) in (
                "symptom", "condition"):
            aim = _Term(0, 0, self._topic_guess, self._topic_guess in labels)
        if aim is None:
            aim = _Term(0, len(text), group, group in labels)  # for the group, as nothing
            # else is named ("Pregnant women should not take X" does the same)
        against = who.group("not")
        if who.group("verb").lower() == "avoid":
            against = "avoid"
        proposal = self._proposal(item, thing, "recommends", aim, made, confidence=0.35,
                                  cue=cue, rule="list", negation=against.strip() if against
                                  else None, population=group)
        return [proposal] if proposal is not None else []

    def _advice_aim(self, text: str, after: int, labels: dict[str, Entity]) -> _Term | None:
        """What a piece of advice ending at ``after`` is for: its aim ("to prevent Y",
        "for Y") or else the symptom or condition the text is about, or None."""
        aimed = _ADVICE_AIM.match(text, after)
        span = _noun_phrase(aimed.group("np"), from_end=False) if aimed else None
        if aimed is not None and span is not None:
            at = aimed.start("np")
            name = aimed.group("np")[span[0] : span[1]]
            article = re.match(r"(?:the|your|their|an?)\s+", name, re.IGNORECASE)
            risk = _RISK_OF.match(name, article.end() if article else 0)
            if risk is not None and risk.end() < len(name):
                at, name = at + risk.end(), name[risk.end() :]  # "the risk of miscarriage"
            resolved = self._resolve_name(name)
            return _Term(at + span[0], at + span[0] + len(name), resolved or name,
                         resolved is not None)
        if self._topic_guess is not None and self._type(self._topic_guess) in (
                "symptom", "condition"):
            return _Term(after, after, self._topic_guess, self._topic_guess in labels)
        return None

    def _not_alone(self, proposals: list[Proposal]) -> list[Proposal]:
        """``proposals`` with the members of "X and Z reduce Y" scoped to the combination
        ("X … combined with Z", "Z … combined with X") where the text also says "X alone
        does not reduce Y".

        Drafted bare, "X reduces Y" would contradict the article's own denial of X
        alone; the text says only that the pair does.
        """
        alone = {(p.subject, p.predicate, p.object) for p in proposals if p.negated
                 and p.condition is not None and _ALONE.fullmatch(p.condition)}
        if not alone:
            return proposals
        #: the split claims of a sentence denied "alone": (start, predicate, object)
        split = {(p.start, p.predicate, p.object) for p in proposals
                 if (p.subject, p.predicate, p.object) in alone and not p.negated
                 and p.condition is None}
        scoped: list[Proposal] = []
        for proposal in proposals:
            if (proposal.start, proposal.predicate, proposal.object) not in split or \
                    proposal.negated or proposal.condition is not None:
                scoped.append(proposal)
                continue
            partners = [self._label(p.subject) for p in proposals if p.start == proposal.start
                        and p.quote == proposal.quote and p.predicate == proposal.predicate
                        and p.object == proposal.object and p.subject != proposal.subject
                        and not p.negated and p.condition is None]
            if not partners:
                # "Calcium and vitamin D reduce …" with only one of them drafted
                label = re.escape(self._label(proposal.subject))
                pair = re.search(rf"^\W*(?P<np>[A-Za-z][\w'’-]*(?:\s+[A-Za-z][\w'’-]*){{0,2}})"
                                 rf"\s+(?:and|&)\s+{label}\b|\b{label}\s+(?:and|&)\s+(?P<after>"
                                 rf"[A-Za-z][\w'’-]*(?:\s+[A-Z0-9][\w'’-]*)?)\b",
                                 proposal.quote, re.IGNORECASE)
                if pair is None:
                    scoped.append(proposal)
                    continue
                partners = [pair.group("np") or pair.group("after")]
            scoped.append(replace(proposal, condition="combined with " + " and ".join(
                dict.fromkeys(_lower_first(p) if p[1:2].islower() else p for p in partners))))
        return scoped

    def _elided(self, sentence: Sentence, terms: list[_Term], made: list[Proposal]
                ) -> list[Proposal]:
        """The claims of "…, but Z may." (a clause whose verb phrase is the first clause's).

        "Zinc does not shorten colds, but zinc lozenges may": zinc lozenges shorten colds,
        possibly; each clause keeps its own subject, polarity and certainty, the second
        copying the relation (and object) of the first. "…, but Z does not" denies it.
        """
        text = sentence.text
        elided = _ELIDED_VP.search(text)
        if elided is None or not made:
            return []
        first = [p for p in made if p.start == sentence.start and p.cues != ("co-occurrence",)
                 and p.predicate != "recommends"]
        subjects = {p.subject for p in first}
        if len(subjects) != 1:
            return []  # which clause of several the verb phrase is copied from is not clear
        at = elided.start("np")
        span = _noun_phrase(elided.group("np"), from_end=False)
        named = [t for t in terms if span is not None and (t.start, t.end) == (
            at + span[0], at + span[1])]
        if named:
            subject = named[0].name
        else:
            if span is None:
                return []
            # "zinc lozenges" where "zinc" is a term: the lozenges, not the zinc of clause one
            name = elided.group("np")[span[0] : span[1]]
            if _PRONOUN.match(name) or _not_a_term(name):
                return []
            subject = self._resolve_name(name) or _lower_first(" ".join(name.split()))
        if subject in subjects:
            return []
        aux = elided.group("aux")
        level = next((lvl for lvl, pattern in CERTAINTY_CUES if pattern.fullmatch(aux)), None)
        certainty = Certainty(level, aux) if level is not None else Certainty()
        negated = elided.group("not") is not None
        return [replace(p, subject=subject, negated=negated, certainty=certainty,
                        cues=(*(c for c in p.cues if c not in (p.certainty.cue,)), aux),
                        types=tuple(t for t in p.types if t[0] != p.subject))
                for p in first]

    def _answered(
        self, answer: Sentence, question: Sentence, made: list[Proposal],
        attribution: Attribution, state: _State, labels: dict[str, Entity],
    ) -> list[Proposal]:
        """"Does X cause Y?" answered "Yes, for some people.": the question's relation.

        Anchored on the answer (its words say whether and how surely), with the
        answer's hedge; "No" negates it.
        """
        short = _SHORT_ANSWER.search(answer.text)
        if short is None:
            return []
        asked = [p for p in self._sentence(question, self._terms(question, self._matches),
                                           attribution, state, labels, asked=True)
                 if p.cues != ("co-occurrence",)]
        said = {(p.subject, p.predicate, p.object) for p in made}
        negated = short.group("answer").lower().startswith("no")
        certainty = self._certainty(answer.text, len(answer.text), len(answer.text))
        # "Yes, in care home residents.": the answer says for whom
        group = _ANSWER_GROUP.match(answer.text, short.end())
        carried = []
        for proposal in asked:
            if (proposal.subject, proposal.predicate, proposal.object) in said:
                continue
            features = dict(proposal.features)
            features.update(in_quote=0.0, gap=1.0, clear=0.0)
            population = proposal.population
            if group is not None and population is None and group.group("group").lower() not in (
                    "people", "patients", "individuals", "users"):
                population = " ".join(group.group("group").lower().split())
                # "No, only in adults who are deficient": it does, in them
                negated = negated and not group.group("only")
            carried.append(replace(
                proposal, quote=answer.text, start=answer.start, section=answer.section,
                certainty=certainty, negated=negated, population=population,
                cues=(*proposal.cues, short.group("answer")),
                confidence=round(calibrated(features), 2), features=tuple(features.items()),
            ))  # fmt: skip
        return carried

    def _prescan_experts(self, text: str) -> None:
        experts: dict[str, str] = {}
        for pattern in (_BYLINE, _ACCORDING, _SPEECH_BEFORE, _SPEECH_AFTER):
            for match in pattern.finditer(text):
                name = match.group("name").strip(" ,")
                parts = name.replace("Dr. ", "").split(",")[0].split()
                if not parts or parts[0] in _NOT_NAMES:
                    continue
                if pattern is not _BYLINE and _in_heading(text, match.start()):
                    continue  # a title ("Ginger notes", "What the data says") quotes nobody
                if len(parts) == 1 and _NAME_PREFIX.match(name) is None and re.search(
                        rf"\b{re.escape(parts[0].lower())}\b", text) is not None:
                    continue  # "Ginger notes …" where the text also says "fresh ginger"
                surname = parts[-1]
                if len(name) > len(experts.get(surname, "")):
                    experts[surname] = name
        self._experts = experts

    def _sentence(
        self, sentence: Sentence, terms: list[_Term], attribution: Attribution, state: _State,
        labels: dict[str, Entity], asked: bool = False,
    ) -> Iterator[Proposal]:
        text = sentence.text
        if text.rstrip().endswith("?") and not asked:
            return  # a question asserts nothing (an FAQ answer may carry it: _answered)
        statistics = _elliptic_populations(text, find_statistics(text))
        cue_spans: list[tuple[int, int, str, bool, float, str]] = []
        #: cues whose subject is a counted share of people ("half of adults … have X")
        counted: set[int] = set()
        include = _include(text)
        taken: list[tuple[int, int]] = [include.span()] if include is not None else []
        # the terms by where they start, to find those around a cue without reading all
        by_start = sorted((t.start, t.end) for t in terms)
        term_starts = [a for a, _ in by_start]
        for cue in RELATION_CUES:
            for match in cue.pattern.finditer(text):
                start, end = match.span()
                # the words right before the cue (reading all of them for each cue made
                # one long sentence quadratic)
                near = max(0, start - _CUE_ROOM)
                if any(start < b and a < end for a, b in taken):
                    continue
                if any(end <= b for _, b in by_start[bisect_left(
                        term_starts, start - _CUE_ROOM) : bisect_right(term_starts, start)]):
                    continue  # the cue word is part of a term ("side effect", "treatment")
                if start > 0 and text[start - 1] == "-":
                    continue  # part of a compound ("anxiety-caused stress")
                if _not_a_verb_here(text, start, match.group()):
                    continue  # "the causes", "tips like reducing stress", "reduced appetite"
                if match.group().lower().endswith(" with") and (
                        helps := _HELPS_GROUP.match(text, start)) is not None and \
                        _helped_to_do(text, helps):
                    continue  # "helps people with obesity lose weight": a group and what it
                    # is helped to do (see _helps_group), not "helps (people) with" obesity
                if match.group().lower().endswith("ed") and re.search(
                        r"\b(?:is|are|was|were)\s+$", text[near:start], re.IGNORECASE) and re.match(
                        r"\s+(?!(?:by|in|when|after|with|during|among|if|because|through|"
                        r"for|from|to|at|on|and|or)\b)[a-z]", text[end:]):
                    continue  # "which is decreased pleasure": what it is, not what it does
                if re.search(r"\b(?:is|are|was|were)\s+to\s+$", text[near:start], re.IGNORECASE):
                    continue  # "the approach is to restore …": what the approach is
                if cue.predicate == "prevalence" and re.match(
                        r"(?:seen|found|reported)\s", match.group(), re.IGNORECASE) and (
                        noun := re.search(r"([A-Za-z][\w'’-]*)\s+$", text[near:start])) \
                        is not None and not _is_stop(noun.group(1)):
                    continue  # "at the doses found in capsules": the participle describes the
                    # noun before it ("is found in", "often seen in" keep the cue)
                head = _NOMINAL_HEAD.match(match.group())
                before_word = re.search(r"([A-Za-z][\w'’-]*)\s+$", text[near:start])
                if head is not None and before_word is not None and not _is_stop(
                        before_word.group(1)):
                    # "cognitive behavioural therapy for insomnia": "therapy" ends the
                    # subject's name; "for" alone is the cue
                    start += head.end()
                taken.append((start, end))
                cue_spans.append((start, end, cue.predicate, cue.reverse, cue.strength,
                                  match.group()))
        for match in EXPERIENCE_CUE.finditer(text):
            start, end = match.span()
            population_before = _POPULATION_SUBJECT.search(text[: start]) or \
                _USERS_SUBJECT.search(text[: start])
            risk_after = _RISK_AFTER_CUE.match(text, end)
            shares = [s for s in statistics if s.quantity.unit is not None and not (
                risk_after is not None and risk_after.start() <= s.start < risk_after.end()
            )]  # not a ratio, nor how much higher a risk is ("had a 38% higher risk of")
            if population_before is not None and not shares and not any(
                start < b and a < end for a, b in taken
            ):
                # "people with depression (often) experience X": a sign of the condition;
                # "people taking X develop Y": X causes Y
                taken.append((start, end))
                cue_spans.append((start, end, "experience", False, 0.5, match.group()))
                continue
            if statistics and any(s.end <= start for s in statistics):
                if any(start < b and a < end for a, b in taken):
                    # "experience a reduction in": the change word wins over the plain cue
                    cue_spans = [c for c in cue_spans if not (c[0] < end and start < c[1])]
                change = match.group("change")
                predicate = CHANGE_PREDICATE.get(change.lower(), "causes") if change else "causes"
                taken.append((start, end))
                cue_spans.append((start, end, predicate, False, 0.6, match.group()))
                counted.add(start)
        for figure in statistics:
            # "40–60% of people with knee pain are overweight": what the counted people are
            if figure.population is None:
                continue
            phrase_at = text.find(figure.population, figure.end)
            copula = _STAT_COPULA.match(text, phrase_at + len(figure.population)) \
                if phrase_at >= 0 else None
            if copula is not None and not any(copula.start("verb") < b and a < copula.end()
                                              for a, b in taken):
                taken.append((copula.start("verb"), copula.end()))
                cue_spans.append((copula.start("verb"), copula.end(), "causes", False, 0.5,
                                  copula.group("verb")))
                counted.add(copula.start("verb"))
        cue_spans.sort()
        # "Lowering the dose can also help": a gerund opening its clause names the activity
        # (the subject), not the relation
        cue_spans = [
            c for c in cue_spans
            if not (c[5].lower().endswith("ing") and not text[_clause_start(text, c[0]) : c[0]]
                    .strip() and _MODAL.search(text, c[1]))
        ]
        # "associated with A, B, and the side effects of C": the last member of the list, not a
        # relation of its own between A, B and C
        cue_spans = [
            c for i, c in enumerate(cue_spans)
            if not (i > 0 and c[3] and _EFFECTS_OF.match(c[5]) and _MEMBER_BEFORE.search(
                text, cue_spans[i - 1][1], c[0]) and not _clause_start(text, c[0]) > cue_spans[
                    i - 1][1])
        ]
        made: set[tuple[str, str, str]] = set()
        first_subject: str | None = None
        first_said: str | None = None
        previous_left: list[_Term] = []
        previous_subjects: list[_Term] = []
        for_group = list(self._advice_for_group(sentence, terms, made, attribution))
        yield from for_group
        for index, (start, end, predicate, reverse, strength, cue_text) in enumerate(cue_spans):
            outer_left = previous_left  # the subjects of the cue before this one
            if for_group and predicate == "recommends":
                continue  # the advice and whom it is for are drafted (_advice_for_group)
            if index > 0 and cue_spans[index - 1][2] == "recommends" and (
                    against := _SHOULD_DO.search(cue_spans[index - 1][5])) is not None and \
                    against.group("no") and re.search(r"\bto\s+$", text[cue_spans[index - 1][1]:
                                                                          start]):
                continue  # "should not take X to prevent Y": the aim of advice against X,
                # which denies no effect of X on Y
            if _AIM_BEFORE.search(text, 0, start) and (
                    denied := _DENIED_IMPERATIVE.match(text)) is not None and \
                    _clause_start(text, start) <= denied.end():
                continue  # "Never take X to prevent Y", "There is no need to take X to …": the
                # same, said as an imperative (the advice is drafted by _recommendation)
            lo = _clause_start(text, start)
            hi = _clause_end(text, end)
            if text[:start].count("(") > text[:start].count(")"):
                # a cue inside parentheses: "sadness (which is an emotion)"
                close = text.find(")", end)
                hi = min(hi, close) if close >= 0 else hi
            joined_before = index > 0 and _VERB_COORD.match(text[cue_spans[index - 1][1] : start])
            joined_after = index + 1 < len(cue_spans) and _VERB_COORD.match(
                text[end : cue_spans[index + 1][0]])
            modifier = _MODIFIED_HEAD.match(text, lo, start) if index > 0 else None
            if modifier is not None and modifier.end("np") < cue_spans[index - 1][0] < \
                    modifier.end():
                # "Pains linked to coffee are caused by …": the first cue only modifies the
                # subject of the second
                pass
            elif index > 0 and not joined_before:
                lo = max(lo, cue_spans[index - 1][1])
            elif joined_before:
                # "can produce or worsen X": both verbs share the subject before the first
                lo = _clause_start(text, cue_spans[index - 1][0])
                if index > 1:
                    lo = max(lo, cue_spans[index - 2][1])
            if joined_after:
                # … and the object after the second
                after = cue_spans[index + 1][1]
                hi = _clause_end(text, after)
                if index + 2 < len(cue_spans):
                    hi = min(hi, max(cue_spans[index + 2][0], after))
                right_lo = after
            else:
                right_lo = end
                if index + 1 < len(cue_spans):
                    hi = min(hi, max(cue_spans[index + 1][0], end))
            made_state = _MADE_STATE.search(text, end, hi) if re.fullmatch(
                r"mak(?:e|es|ing)|made", cue_text, re.IGNORECASE) else None
            if made_state is not None:
                hi = made_state.start()  # "makes colds 40% shorter": the object ends before
            left_hi = cue_spans[index - 1][0] if joined_before else start
            doing = _FOR_DOING.search(text, 0, start) if cue_text.lower().endswith("ing") else None
            verb = _HAS_VERB.search(text, lo, doing.start()) if doing is not None else None
            if verb is not None:
                left_hi = verb.start()  # "X has emerging evidence for …": X, not the evidence
            left = self._side(text, terms, lo, left_hi, left=True)
            if cue_text.startswith(",") and (apposed := self._apposed_to(text, terms, lo, start)):
                left = [apposed]  # "… with dark urine, a sign of X": the noun before the comma
            if len(left) == 1 and self._label(left[0].name).casefold() in _GENERIC_AGENTS and (
                    named_drug := next((t for t in terms if t.end < left[0].start and not text[
                        t.end : left[0].start].strip() and self._type(t.name) in _TAKEN_LIKE),
                                       None)) is not None:
                left = [named_drug]  # "antidepressant treatment may restore …": the antidepressant
            ordered = re.match(r"\W*(?P<verb>[A-Za-z]+)\s+", text[lo:left_hi]) if lo == 0 else None
            if ordered is not None and ordered.group("verb").lower() in _TAKEN and \
                    len(left) == 1 and not left[0].known and left[0].start == ordered.start(
                    "verb") and left[0].end > ordered.end():
                # "Take zinc to shorten colds": what is taken, not "take zinc"
                taken_name = text[ordered.end() : left[0].end]
                resolved = self._resolve_name(taken_name)
                left = [_Term(ordered.end(), left[0].end, resolved or taken_name,
                              resolved is not None)]
            class_lo = lo
            if index > 0 and cue_spans[index - 1][2] == "defined_as" and not text[
                    cue_spans[index - 1][1] : start].strip():
                # "Gout is a painful disease caused by …": the class was read as a cue of its
                # own; the participle right after it is still said of gout
                class_lo = _clause_start(text, cue_spans[index - 1][0])
            classed = _CLASS_PARTICIPLE.match(text[class_lo:left_hi])
            if classed is not None and (classed.group("used") or re.match(
                    r"(?:\w+ed|used|given|taken|known|seen|found|prescribed)\b", cue_text,
                    re.IGNORECASE)):
                # "Allopurinol is a medication used to prevent gout", "Gout is a disease
                # caused by uric acid": said of what the class is said of, not of the class
                said_of = self._side(text, terms, class_lo, class_lo + classed.end("named"),
                                     left=True)
                if said_of:
                    left = said_of
            shared = (_VP_JOINED.search(text, cue_spans[index - 1][1], start) or (
                _VP_LISTED.search(text, cue_spans[index - 1][1], start) if not re.match(
                    r"\w+(?:ed|ing)\b|(?:given|taken|seen|known|shown|proven)\b", cue_text,
                    re.IGNORECASE) else None)) \
                if index > 0 and not joined_before else None
            if shared is not None and not reverse and not re.match(
                    r"(?:an?|the)\s", cue_text, re.IGNORECASE) and not cue_spans[
                    index - 1][3] and not _CLAUSE_LEFT.search(text, cue_spans[index - 1][1],
                                                              shared.start()):
                # "They reduce stomach acid and treat heartburn": the second verb shares the
                # first one's subject; the first verb's object is not the second's subject
                left = previous_left
            previous_left = left
            participle = index > 0 and _PARTICIPLE_CUE.match(cue_text) is not None and re.search(
                r",\s*$", text[cue_spans[index - 1][1] : start]) is not None and not joined_before
            if participle and previous_subjects:
                # "Smoking raises blood pressure, leading to heart disease": what the main clause
                # is about leads to it, not the main verb's object
                left = previous_subjects
            pronoun_after = _PRONOUN_CLAUSE_END.search(text, cue_spans[index - 1][1], start) \
                if index > 0 and first_said is not None else None
            if first_said is not None and (pronoun_after is not None or ((not left or (
                    len(left) == 1 and left[0].start == left[0].end) or all(
                    not t.known and _not_a_term(t.name) for t in left)) and _PRONOUN_CLAUSE.match(
                    text, lo, start))):
                # "Although X is linked to Y, it can also cause Z": the subject of the
                # sentence's first clause, not of the sentence before; "X may be a side
                # effect of Y, but it is …": the word before the verb (X), not the cause;
                # "X lowers Y, and experts say it reduces Z": X, not the object Y before
                left = [_Term(lo, lo, first_said, first_said in labels)]
            elif first_said is None and (opening := self._pronoun_subject(
                    text, terms, lo, start, left)) is not None:
                # "Fluoride strengthens teeth, and experts say it prevents cavities": with no
                # cue in the first clause, "it" is still that clause's subject (fluoride), not
                # the whole clause read as one name
                left = [opening]
            described = _DESCRIBED_BEFORE.fullmatch(text, lo, start) if left and not reverse \
                and all(not t.known and t.end > t.start and " " not in t.name for t in left) \
                else None
            if described is not None:
                # "It is cheap, effective and does not cause weight gain": the words after the
                # copula say what "it" is, no term acts; what acts is what "it" means (or the
                # term the clause opens with), else nothing is drafted
                who = described.group("who")
                referent = self._referent(who, left=True) if _PRONOUN.match(who) else None
                opening = None if referent is not None else self._opening_subject(
                    text, terms, described.start("who"), described.end("who"), plural=False)
                left = [opening] if opening is not None else (
                    [_Term(lo, lo, referent, referent in labels)] if referent is not None else [])
                if not left:
                    continue
            too = _TOO_TO.search(text, lo, start) if not reverse else None
            if too is not None:
                # "Most yogurts contain too few live bacteria to prevent X", "The dose is too
                # low to prevent Y": the verb is denied, and what is "too few" or "too low" is
                # no term; what does not do it is the clause's subject
                verb = re.search(r"(?P<verb>\w+)\s+$", text[lo : too.start()])
                opening = self._opening_subject(
                    text, terms, lo, too.start(), plural=verb is not None and re.fullmatch(
                        r"is|was|has|\w+[^s\W]s", verb.group("verb"), re.IGNORECASE) is None)
                left = [opening] if opening is not None else []
                if not left:
                    continue
            relative_clause = _RELATIVE_BETWEEN.search(text, 0, start)
            if relative_clause is not None and not joined_before:
                # "Osteomalacia, which softens the bones, is treated with …": the noun
                # before the relative clause
                stepped = self._side(text, terms, _clause_start(text, relative_clause.start()),
                                     relative_clause.start(), left=True)
                left = stepped or left
            means = _BY_MEANS.match(text, end, hi) if predicate in _MEANS_PREDICATES else None
            if means is not None and not any(t.known for t in left) and any(
                means.start("means") <= t.start for t in terms if t.end <= hi
            ):
                # "a person can reduce it by changing the dose": the change reduces it
                left = self._side(text, terms, means.start("means"), hi, left=False)
                hi = means.start("by")
            right = self._side(text, terms, right_lo, hi, left=False)
            person = _PERSON.match(text, right_lo + len(text[right_lo:]) - len(
                text[right_lo:].lstrip())) if predicate == "causes" and not reverse and re.match(
                r"caus|make", cue_text, re.IGNORECASE) else None
            if person is not None and (not right or right[0].start >= person.end()):
                # "can cause people to feel drowsy": what they are made to do or undergo
                done = self._made_to(text, _Term(person.start(), person.end(),
                                                 person.group().lower(), False))
                if done is not None:
                    right = [done]
            left = self._after_colon(text, terms, left, hi)
            right = self._after_colon(text, terms, right, hi)
            statistic = _statistic_before(
                statistics, start, text,
                cue_spans[index - 1][1] if index > 0 else None,
                cue_spans[index + 1][0] if index + 1 < len(cue_spans) else None)
            if predicate == "prevalence" and statistic is not None and statistic.start >= end \
                    and not text[end : statistic.start].strip(" ,") and right:
                # "which affects 0.3–3% of pregnancies, women usually need …": what the share
                # is of ends its clause; a term after the comma belongs to the next one
                comma = text.find(",", statistic.end)
                if comma > 0:
                    right = [t for t in right if t.start < comma] or right
            if statistic is not None and statistic.quantity.unit is None and \
                    predicate not in _RATIO_PREDICATES:
                statistic = None  # an odds ratio measures an effect or a link, not a use
            if statistic is not None and statistic.population:
                phrase_at = text.find(statistic.population, statistic.end)
                if phrase_at <= start < phrase_at + len(statistic.population):
                    # a cue inside "people who take X to treat Y": not what the figure counts
                    statistic = None
            if statistic is not None and statistic.population:
                statistic = _with_setting(text, statistic)  # "… of adults in hospital"
            population: str | None = None
            condition: str | None = None
            facts: list[tuple[str, str, str]] = []
            confidence = strength
            population_of: dict[str, str | None] = {}
            if statistic is not None and statistic.population:
                found = self._populations(statistic, terms, text, left, labels, facts,
                                          users_act=statistic.end <= start)
                population = found[0][0] if found else None
                agents = [(pop, agent) for pop, agent in found if agent is not None]
                if agents and predicate in ("causes", "reduces", "worsens", "treats",
                                            "increases", "decreases"):
                    left = [_Term(0, 0, agent, agent in labels) for _, agent in agents]
                    population_of = {agent: pop for pop, agent in agents}
                    confidence += 0.05
                phrase_at = text.find(statistic.population, statistic.end)
                counted_in = [t for t in right if phrase_at >= 0 and phrase_at <= t.start and
                              t.end <= phrase_at + len(statistic.population)]
                if agents and counted_in and len(counted_in) == len(right) and \
                        right_lo < statistic.start:
                    # "Statins cause muscle pain in 5% of people taking statins": what the
                    # people take is not what it causes; the object is before the figure
                    right = self._side(text, [t for t in terms if t not in counted_in],
                                       right_lo, statistic.start, left=False)
                elif population is None and statistic.agent is None and \
                        predicate in _EFFECTS and left and start not in counted:
                    # "Ibuprofen causes stomach bleeding in about 1% of users (patients)":
                    # the users of what acts ("ibuprofen users"); "… of older adults", "… of
                    # smokers": those people, as "X occurs in 1% of smokers" says
                    users = _USERS.fullmatch(statistic.population)
                    acting = self._type(left[0].name)
                    if users is not None and (acting in _TAKEN_LIKE or (acting not in _NOT_TAKEN
                                              and users.group().lower().endswith("users"))):
                        counted_as = statistic.population
                        use = (_USE_MODIFIER.search(text, 0, left[0].start) or re.match(
                            r"(?P<modifier>long-term|short-term)\s", text[left[0].start:],
                            re.IGNORECASE)) if left[0].end > left[0].start and not users.group(
                            "modifier") else None
                        if use is not None:
                            # "Long-term SSRI use produces X in 40% of patients": long-term
                            # users
                            counted_as = f"{use.group('modifier')} {counted_as}"
                        population = self._population_of(
                            replace(statistic, takes=True, population=counted_as),
                            left[0].name, labels, facts)[0]
                    else:
                        population = self._bare_population(statistic)
            if predicate == "prevalence" and statistic is not None and statistic.population \
                    and not text[end : statistic.start].strip() and not population_of:
                # "affects 40–60% of long-term users": the counted people are the object
                name = population or self._bare_population(statistic)
                if name is not None:
                    at = text.find(statistic.population, statistic.end)
                    right = [_Term(at, at + len(statistic.population), name, name in labels)]
                    population = name
            if start in counted and statistic is not None and not population_of and \
                    _clause_start(text, start) <= statistic.start:
                # "Nearly half of adults with migraine have anxiety": no agent is counted,
                # so the figure says how common the outcome is in that population; the
                # share itself ("half", "one in five adults") is never the subject
                name = population or self._bare_population(statistic)
                if name is None or not right:
                    continue
                at = text.find(statistic.population or "", statistic.end)
                predicate, reverse = "prevalence", False
                left = right
                right = [_Term(at, at + len(statistic.population or ""), name, name in labels)
                         if at >= 0 else _Term(statistic.end, statistic.end, name,
                                               name in labels)]  # "…, and 3 in 100 develop"
                population = name
            if predicate == "experience":
                predicate, left = self._experienced(text, terms, left, cue_text)
                if not left:
                    continue
                group = _POPULATION_SUBJECT.search(text, 0, start)
                if population is None and group is not None and group.group(1).lower() not in (
                        "people", "patients", "individuals", "those", "persons", "users"):
                    # "Children who take ACE inhibitors rarely develop a cough": in children
                    head_end = group.start() + len(group.group(1))
                    head_lo = _clause_start(text, group.start())
                    span = _noun_phrase(text[head_lo:head_end], from_end=True)
                    if span is not None:
                        name = text[head_lo + span[0] : head_lo + span[1]]
                        population = self._resolve_name(name) or " ".join(name.lower().split())
            quitting = _COUNTED_QUIT.search(text, lo, start) if reverse and \
                predicate == "causes" else None
            if quitting is not None:
                # "…, and 5% stop taking it because of a rash": the rash makes people stop
                # taking the drug; the drug is not what the rash causes
                after = quitting.end("what")
                stopped_of = [t for t in terms if after <= t.start and t.end <= start]
                if not stopped_of and _PRONOUN.match(text[after:start].strip()):
                    # "it", "them": what the sentence named before, else the sentence before
                    earlier = [t for t in terms if t.end <= quitting.start()]
                    stopped_of = earlier[-1:] or previous_subjects[:1] or (
                        [_Term(after, after, r, r in labels)] if (
                            r := self._referent(text[after:start], left=True)) is not None
                        else [])
                if not stopped_of:
                    span = _noun_phrase(text[after:start], from_end=False)
                    stopped_of = [] if span is None else [_Term(
                        after + span[0], after + span[1], text[after + span[0] : after + span[1]],
                        False)]
                left = []
                for term in stopped_of[:1]:
                    drug = self._label(term.name)
                    stopped = f"stopping {_lower_first(drug) if drug[1:2].islower() else drug}"
                    resolved = self._resolve_name(stopped)
                    left = [_Term(term.start, term.end, resolved or stopped, resolved is not None)]
                if not left:
                    continue
            if predicate == "symptom_of_reversed":
                predicate, reverse = "symptom_of", True
            if predicate == "associated_with" and not reverse and (
                    risk := _RISK_AFTER_CUE.match(text, end)) is not None:
                # "X is linked to a 44% higher (a lower) risk of Y": X causes (reduces) Y, as
                # curators write a difference in risk (docs/corpus-format.md)
                predicate = "causes" if risk.group("way").lower() in _HIGHER else "reduces"
            #: objects of the cue before (by their start): its predicate and its cue
            listed_after: dict[int, tuple[str, str]] = {}
            if index > 0 and not reverse and outer_left and right and _NOMINAL_CHANGE.match(
                    cue_text) and cue_spans[index - 1][2] in _EFFECTS and not cue_spans[
                    index - 1][3] and _LIST_BEFORE.fullmatch(text, cue_spans[index - 1][1], start):
                # "Statins can cause muscle aches, a rise in blood sugar and memory problems":
                # the rise is one of what statins cause (not caused by the aches), and the
                # members after it are caused, as the first is
                left = outer_left
                first_end = min(t.end for t in right)
                listed_after = {t.start: (cue_spans[index - 1][2], cue_spans[index - 1][5])
                                for t in right if t.start >= first_end}
            subjects, objects = (right, left) if reverse else (left, right)
            if predicate == "recommends" and not reverse and subjects and all(
                    _RECOMMENDER.match(self._label(t.name)) for t in subjects) and (
                    that := _RECOMMEND_THAT.match(text, end)) is not None and (
                    that.group("verb").lower() in _IMPERATIVES or that.group(
                        "verb").lower() in _GERUNDS or that.group("verb").lower() in
                    _ADVISED_VERBS):
                # "Doctors recommend that people with gout avoid alcohol": as "People with
                # gout should avoid alcohol" (what is advised, and for the gout or the group)
                recommended = self._advised(text, that)
                if recommended is None:
                    continue
                subjects, objects = recommended
            elif predicate == "recommends" and not reverse and subjects and all(
                    _RECOMMENDER.match(self._label(t.name)) for t in subjects) and (
                    having := _ADVISED_HAVING.match(text, end)) is not None and all(
                    t.end <= having.end() for t in objects):
                # "Doctors advise people with gout to avoid alcohol": the advice is for the
                # gout (as "People with gout should avoid alcohol"), whatever the group is
                span = _noun_phrase(having.group("np"), from_end=False)
                if span is not None:
                    at = having.start("np")
                    name = having.group("np")[span[0] : span[1]]
                    resolved = self._resolve_name(name)
                    objects = [_Term(at + span[0], at + span[1], resolved or name,
                                     resolved is not None)]
            if left and not reverse and not (
                    predicate == "recommends" and all(
                        _RECOMMENDER.match(self._label(t.name)) for t in left)):
                previous_subjects = left
            via_context = False  # the subject is not written at this cue (lowers confidence)
            consult = _CONSULT_CUE.search(cue_text) if predicate == "recommends" else None
            if consult is not None and not reverse and subjects and objects and \
                    _PROFESSIONAL.search(self._label(objects[0].name)):
                # "People with a weak immune system should ask their doctor": consulting
                # the doctor is recommended for them
                who = self._label(objects[0].name)
                advice = self._consulting(who)
                having = _WITH_CONDITION.match(text, subjects[-1].end, objects[0].start) \
                    if len(subjects) == 1 and not subjects[0].known else None
                if having is not None:
                    # "Patients with kidney disease should talk to their doctor": consulting
                    # is recommended for the kidney disease, not for "patients"
                    span = _noun_phrase(having.group("np"), from_end=False)
                    if span is not None:
                        at = having.start("np")
                        name = having.group("np")[span[0] : span[1]]
                        resolved = self._resolve_name(name)
                        subjects = [_Term(at + span[0], at + span[1], resolved or name,
                                          resolved is not None)]
                elif len(subjects) == 1 and self._people(subjects[0].name) and (
                        given := _BEFORE_TAKING.search(text, objects[0].end)) is not None:
                    # "Parents should talk to a paediatrician before giving ibuprofen to a
                    # child": the parents are whom it is advised to, and it is about the
                    # treatment the "before giving" clause names ("Pregnant women should
                    # talk to their doctor": for the group, as nothing else is named)
                    until = _clause_end(text, given.end())
                    taken_then = [t for t in terms if given.end() <= t.start and t.end <= until]
                    span = _noun_phrase(text[given.end() : until], from_end=False) \
                        if not taken_then else None
                    if span is not None:
                        name = text[given.end() + span[0] : given.end() + span[1]]
                        resolved = self._resolve_name(name)
                        taken_then = [_Term(given.end() + span[0], given.end() + span[1],
                                            resolved or name, resolved is not None)]
                    if not taken_then or self._people(taken_then[0].name):
                        continue  # (what is given or taken is not said)
                    population = self._resolve_name(self._label(subjects[0].name)) or " ".join(
                        self._label(subjects[0].name).lower().split())
                    condition = text[given.start() : until].strip(" ,;:.!?")
                    subjects = taken_then[:1]
                subjects, objects = [_Term(objects[0].start, objects[0].end, advice,
                                           advice in labels)], subjects
            elif predicate == "recommends" and not reverse and objects and (
                    should := _SHOULD_DO.search(cue_text)) is not None and (subjects or (
                    subjects := self._people_before(text, lo, start + should.start()))) and not any(
                    _RECOMMENDER.match(self._label(t.name)) for t in subjects):
                # "Pregnant women should take folic acid": folic acid is recommended for
                # them; "People with gout should avoid alcohol": avoiding it is
                advised = should.group("verb").lower()
                if advised in _GERUNDS:
                    acted = []
                    for term in objects:
                        phrase = f"{_GERUNDS[advised]} {self._label(term.name)}"
                        resolved = self._resolve_name(phrase)
                        acted.append(_Term(term.start, term.end, resolved or phrase,
                                           resolved is not None))
                    objects = acted
                subjects, objects = objects, subjects
                people = [t for t in objects if self._type(t.name) == "population" or
                          self._label(t.name).casefold() in _BARE_PEOPLE]
                if people and len(people) == len(objects):
                    # "Patients should (not) take aspirin to prevent migraine": the advice is
                    # for the migraine, in the patients; the people are who it is for, not
                    # what it is for
                    aimed = _ADVICE_AIM.match(text, subjects[-1].end) if subjects[-1].end \
                        else None
                    span = _noun_phrase(aimed.group("np"), from_end=False) if aimed else None
                    if aimed is not None and span is not None:
                        at = aimed.start("np")
                        name = aimed.group("np")[span[0] : span[1]]
                        resolved = self._resolve_name(name)
                        objects = [_Term(at + span[0], at + span[1], resolved or name,
                                         resolved is not None)]
                        population = population or people[0].name
                    elif self._topic_guess is not None and self._type(self._topic_guess) in (
                            "symptom", "condition"):
                        # "Pregnant women should not take ibuprofen" in an article on back
                        # pain: advice for the topic, as a heading's advice is
                        objects = [_Term(end, end, self._topic_guess,
                                         self._topic_guess in labels)]
                        population = population or people[0].name
            elif predicate == "recommends" and not reverse and subjects and objects and all(
                    _RECOMMENDER.match(self._label(t.name)) for t in subjects) and (
                    told := _ADVISED_TO.match(text, objects[-1].end)) is not None and \
                    not _is_stop(told.group("verb")) and not _POPULATION_HEAD.match(
                    text[told.start("verb") :]):  # "… to older adults": to whom, no verb
                # "Midwives advise pregnant women to limit caffeine": limiting caffeine is
                # recommended for them (who advises it is not what is recommended)
                span = _noun_phrase(told.group("np"), from_end=False)
                if span is None:
                    continue
                at = told.start("np") + span[0]
                told_verb, _, particle = told.group("verb").lower().partition(" ")
                particle = " ".join(particle.split())  # "cut down on coffee": cutting down on
                phrase = f"{_GERUNDS.get(told_verb) or _gerund(told_verb)} " \
                    f"{particle + ' ' if particle else ''}{told.group('np')[span[0] : span[1]]}"
                resolved = self._resolve_name(phrase)
                subjects = [_Term(at, told.start("np") + span[1], resolved or phrase,
                                  resolved is not None)]
                people = [t for t in objects if self._type(t.name) == "population" or
                          self._label(t.name).casefold() in _BARE_PEOPLE]
                if people and len(people) == len(objects):
                    # "… pregnant women to limit caffeine (to prevent Y)": the women are
                    # whom it is advised to (the population), the aim or the topic what for
                    advised_for = self._advice_aim(text, told.start("np") + span[1], labels)
                    if advised_for is not None:
                        objects = [advised_for]
                        population = population or people[0].name
            elif predicate == "recommends" and not reverse and subjects and objects and (
                    all(_RECOMMENDER.match(self._label(t.name)) for t in subjects) or (
                        _BY_RECOMMENDER.search(text, 0, objects[0].start)
                        and all(_RECOMMENDER.match(self._label(t.name)) for t in objects))):
                # "Doctors recommend the lowest effective dose (for X)", "X is recommended
                # by most heart associations": the source reports what is recommended; who
                # recommends it is neither the subject nor what it is recommended for
                after = objects[-1].end  # where "for X" would be: after the last term
                if not all(_RECOMMENDER.match(self._label(t.name)) for t in subjects):
                    objects, subjects = subjects, objects  # passive: X is what they recommend
                target = re.match(r"\s*(?:for|in|to)\s+(?P<np>[^,.;:]+)",
                                  text[after : _clause_end(text, after)])
                aim: _Term | None = None
                if target is not None:
                    span = _noun_phrase(target.group("np"), from_end=False)
                    if span is not None and target.group("np")[span[0] : span[1]].split()[
                            -1].lower() not in _TIME_UNITS:  # "for the shortest time
                        at = after + target.start("np")
                        name = target.group("np")[span[0] : span[1]]
                        resolved = self._resolve_name(name)
                        aim = _Term(at + span[0], at + span[1], resolved or name,
                                    resolved is not None)
                if aim is not None and self._people(aim.name):
                    # "Doctors recommend exercise to (all) patients (with arthritis)": whom it
                    # is recommended to; what for is their condition, else the topic (as
                    # without "to …"); a specific group without one stays what it is for,
                    # as in "Older adults should take vitamin D"
                    having = re.match(r"\s+(?:with|who have|who has)\s+(?P<np>[^,.;:]+)",
                                      text[aim.end :])
                    span = _noun_phrase(having.group("np"), from_end=False) \
                        if having is not None else None
                    anyone = self._label(aim.name).casefold() in _BARE_PEOPLE
                    if having is not None and span is not None:
                        at = aim.end + having.start("np")
                        name = having.group("np")[span[0] : span[1]]
                        resolved = self._resolve_name(name)
                        population = population or (None if anyone else aim.name)
                        aim = _Term(at + span[0], at + span[1], resolved or name,
                                    resolved is not None)
                    elif anyone:
                        aim = None
                if aim is None and self._topic_guess is not None:
                    aim = _Term(hi, hi, self._topic_guess, self._topic_guess in labels)
                if aim is None:
                    continue
                subjects, objects = objects, [aim]
            if not subjects and predicate == "recommends":
                continue  # an imperative ("Always consult …"): see _recommendation
            relative = _RELATIVE_END.search(text, max(0, lo - _CUE_ROOM), lo)
            if not subjects and relative is not None and not reverse:
                # "statins are medicines that lower cholesterol": the noun before "that"
                before = _clause_start(text, relative.start())
                subjects = self._side(text, terms, before, relative.start(), left=True)
                antecedent = _TRAILING_NP.search(text, before, relative.start())
                if antecedent is not None and subjects and not any(
                        t.start >= antecedent.start("np") for t in subjects):
                    # "compared fasting with calorie restriction that produced …": the
                    # relative clause belongs to the noun right before it
                    words = antecedent.group("np").split()
                    while words and _is_stop(words[0]):
                        words = words[1:]
                    if words and not _is_stop(words[-1]):
                        name = " ".join(words)
                        at = antecedent.end("np") - len(name)
                        resolved = self._resolve_name(name)
                        subjects = [_Term(at, antecedent.end("np"), resolved or name,
                                          resolved is not None)]
                classed = _COPULA_CLASS.match(text, before, relative.start())
                if classed is not None and subjects:
                    # "Methenamine is a tablet that prevents UTIs", "… hyperemesis, a severe
                    # form of sickness that causes dehydration": what the class is said of
                    said_of = self._side(text, terms, before, classed.end("named"), left=True)
                    if said_of:
                        subjects = said_of
            if not subjects and previous_subjects and not reverse:
                # "Paracetamol is no longer recommended as a first treatment for X": the
                # subject of the sentence's cue before
                subjects = previous_subjects
                via_context = True
            if not subjects:
                fallback = first_subject or state.last_subject
                if fallback is None:
                    continue
                subjects = [_Term(0, 0, fallback, fallback in labels)]
                via_context = True
            if not objects and _HELPS.match(text, end) and self._topic_guess and \
                    self._type(self._topic_guess) in ("symptom", "condition") and (
                    re.search(r"help", cue_text, re.IGNORECASE) or (re.search(
                        r"option|choice|alternative|culprit|blame", cue_text, re.IGNORECASE)
                        and self._type(self._topic_guess) in ("symptom", "condition"))):
                # "Therapy can help.", "Bupropion could be an option.", "The drug could be
                # the culprit.": for the topic
                objects = [_Term(end, end, self._topic_guess, self._topic_guess in labels)]
            if predicate == "treats" and re.search(r"option|choice|alternative", cue_text,
                                                   re.IGNORECASE) and objects and \
                    all(self._type(o.name) == "population" for o in objects):
                # "an alternative for some patients": for them, against the topic
                objects = [_Term(end, end, self._topic_guess, self._topic_guess in labels)] \
                    if self._topic_guess and self._type(self._topic_guess) in (
                        "symptom", "condition") else []
            if not objects:
                continue
            if predicate == "reduces" and re.fullmatch(r"help(?:s|ed)?", cue_text.strip(),
                                                       re.IGNORECASE) and text[end:].strip(
                    ) and not all(self._type(o.name) in ("symptom", "condition") for o in objects):
                continue  # "helps the body absorb iron": no symptom or condition it eases
            if predicate == "associated_with" and re.match(r"involv", cue_text, re.IGNORECASE) and \
                    not reverse and subjects and all(self._type(t.name) in ("symptom", "condition")
                                                     for t in (*subjects, *objects)):
                # "Depression often involves low mood": the mood is a sign of it
                predicate, subjects, objects = "symptom_of", objects, subjects
            if predicate == "prevalence" and re.search(r"affect", cue_text, re.IGNORECASE) and \
                    not reverse and population is None and not any(
                    self._type(o.name) == "population" or _POPULATION_HEAD.match(
                        self._label(o.name)) for o in objects):
                # "caffeine can affect sleep quality": an effect on it, not how common it is
                # in a group of people
                predicate = "associated_with"
            if predicate == "symptom_of" and re.search(r"part\s+of", cue_text) and not any(
                    self._type(o.name) in ("symptom", "condition") for o in objects):
                continue  # "exercise is part of a healthy routine": no sign of anything
            if via_context:
                confidence -= 0.15
            named = _NAMED_AFTER.match(text, objects[-1].end) if not reverse and re.match(
                r"\W*(?:(?:one|some|many) of\s+)?the\s", text[lo:start], re.IGNORECASE) else None
            if named is not None and not any(t.name in self._vocabulary_ids for t in subjects):
                # "One of the medications used to treat X is Y": Y is what treats X
                named_as = self._side(text, terms, named.end(), _clause_end(text, named.end()),
                                      left=False)
                if named_as:
                    subjects = named_as
            if cue_text.lower().endswith("between") and len(right) >= 2:
                subjects, objects = right[:1], right[1:]
            if predicate in ("same_as", "distinct_from", "defined_as") and reverse is False \
                    and re.search(r"\b(?:other|another|alternative) (?:terms?|names?|words?) for",
                                  cue_text, re.IGNORECASE):
                # "other terms for X include Y": X is after the cue, the names after "include";
                # "X is simply another name for Y" names X before the cue and nothing after
                names = self._after_include(text, terms, objects[0].end) if objects else []
                if names or via_context:
                    subjects, objects = objects[:1], names or objects[1:]
                if not objects:
                    continue
            if predicate == "defined_as":
                objects = self._privative(text[start:hi], objects)
                lack = _LACK.search(cue_text)
                if lack is not None and objects and not any(
                        o.name in self._vocabulary_ids for o in objects):
                    # "X is the inability to experience emotions": that whole phrase
                    at = start + lack.start()
                    words = text[at:hi].split()[:8]
                    phrase = " ".join(words).rstrip(",;:.")
                    objects = [_Term(at, at + len(phrase), phrase, False)]
            if predicate == "reduces" and _RESTORE.search(cue_text) and self._topic_guess and \
                    not re.match(r"improv", cue_text, re.IGNORECASE):
                # "restores emotional range": what comes back is what the topic takes away
                objects = [o if self._type(o.name) in ("symptom", "condition") else
                           _Term(o.start, o.end, self._topic_guess, True) for o in objects]
                confidence -= 0.1
            if predicate in ("causes", "increases", "worsens") and not reverse and \
                    len(objects) == 1 and objects[0].end > objects[0].start and \
                    _INCLUDE_HEAD_WORD.fullmatch(self._label(objects[0].name).replace("_", " ")):
                such = _SUCH_AS.match(text, objects[0].end)
                if such is not None:
                    # "can cause side effects such as thrush": the effects it names
                    members = self._side(text, terms, such.end(), _clause_end(text, such.end()),
                                         left=False)
                    if members:
                        objects = members
            if condition is None and predicate in _EFFECTS and not reverse:
                subjects, condition = _combination(text, subjects, start, terms)
            certainty = self._certainty(text, start, end)
            negation = self._negation.negated(text, start, end) if self._negation else None
            if too is not None and negation is None:
                negation = " ".join(too.group().split())  # "too low to (prevent)"
            chance = _NOT_SIGNIFICANT.search(text, end)
            if chance is not None and (index + 1 == len(cue_spans) or cue_spans[index + 1][0] >
                                       chance.start()):
                # "X cut Y by 7%, a difference that was not statistically significant": no
                # denial of the effect but a figure that may be chance, so only possible
                if negation is not None and self._negation is not None:
                    negation = self._negation.negated(text[: chance.start()], start, end)
                if certainty.level in ("certain", "probable"):
                    certainty = Certainty("possible", chance.group("cue"))
            if negation is None and predicate == "recommends" and (
                    against := _SHOULD_DO.search(cue_text)) is not None and against.group("no"):
                negation = against.group("no").strip()  # "Runners should not take X for Y"
            modified = objects[-1] if reverse and objects else None
            if negation is not None and modified is not None and \
                    modified.start < modified.end <= start and \
                    not text[modified.end : start].strip() and self._negation is not None:
                # "Honey did not reduce cough caused by ACE inhibitors": the participle
                # describes the cough; the verb's negation does not reach into it
                base = modified.start
                negation = self._negation.negated(text[base:], start - base, end - base)
            quantity = statistic.quantity if statistic is not None else None
            group = None
            if population is None and predicate in _EFFECTS and objects[-1].end > 0:
                after = objects[-1].end
                if statistic is not None and after <= statistic.start and \
                        _TO_FIGURE.fullmatch(text, after, statistic.start):
                    after = statistic.end  # "reduces falls by 20% in older adults"
                if statistic is None or after == statistic.end:
                    group = _IN_GROUP.match(text, after)
            fronted = _FRONTED_GROUP.match(text) if population is None and group is None and \
                predicate in _EFFECTS else None
            if fronted is not None and fronted.end() <= start and all(
                    fronted.end() <= s.start or not s.end for s in subjects):
                group = fronted  # "In adults over 65, statins cause …": for whom
            if group is not None and not population_of and group.group("group").lower() not in (
                    "people", "patients", "individuals", "users"):  # "in some people": a hedge
                # "fish oil can trigger atrial fibrillation in older adults": for whom
                population = " ".join(group.group("group").lower().split())
                qualified = _QUALIFIED.match(population)
                if qualified is not None and _POINTING.search(qualified.group("what")):
                    # "in children who take it every night": "it" names nothing of its own in
                    # a population's name; the children, on the condition the clause says
                    population = qualified.group("who")
                    condition = qualified.group("what")
            if negation is not None and group is not None and (
                    group.group("share") or "").lower() in ("some", "many", "most"):
                # "does not cause headaches in most people": denied for most, not for all, so
                # it leaves room for "can cause headaches" (the claim's condition keeps the
                # scope; an assertion "in most people" still holds for them)
                condition = " ".join((group.groupdict().get("phrase") or group.group(0)).strip(
                    " ,").split())
            studied = _STUDIED.search(text, 0, start) if population is None and \
                predicate in _EFFECTS and not population_of else None
            if studied is not None:
                # "A study of 2,941 older patients proves that X does not prevent Y": the
                # people studied are whom it is said of
                population = " ".join(studied.group("who").lower().split())
            elif population is None and predicate in _EFFECTS and not population_of:
                population = _lead_in_group(text, start)
            withdrawn = self._withdrawn(text, terms, end, hi) if predicate == "reduces" and \
                reverse else None
            bare = [t for t in subjects if re.fullmatch(
                r"stopping|quitting|discontinuing|coming off|giving up", self._label(t.name),
                re.IGNORECASE)] if predicate == "reduces" and reverse and _STOPPING.match(
                text, end, hi) else []
            if bare and withdrawn is None:
                subjects = [t for t in subjects if t not in bare]  # "after stopping the spray"
                if not subjects:
                    continue  # with nothing named that it stops
            if withdrawn is not None:
                # "The rash settles within a week of stopping the antibiotic": stopping it is
                # what eases the rash, and so the antibiotic is what caused it
                withdrawn_drug, act = withdrawn
                subjects = [act if s.name == "stopping" or s.start >= act.start else s
                            for s in subjects]
                for obj in objects:
                    proposal = self._proposal(
                        sentence, withdrawn_drug, "causes", obj, made, confidence=confidence - 0.1,
                        cue=cue_text, cue_at=(start, end), certainty=certainty,
                        negation=negation,
                        attribution=_own_attribution(text, attribution, start, end),
                    )  # fmt: skip
                    if proposal is not None:
                        yield proposal
            for subject in subjects:
                for obj in objects:
                    improves = predicate == "reduces" and re.match(
                        r"(?:improv|boost|enhanc)", cue_text, re.IGNORECASE) is not None
                    proposal = self._proposal(
                        sentence, subject,
                        listed_after[obj.start][0] if obj.start in listed_after else (
                            "increases" if improves and self._type(obj.name) not in (
                                "symptom", "condition") else predicate),
                        obj, made, confidence=confidence,
                        cue=listed_after.get(obj.start, (predicate, cue_text))[1],
                        cue_at=(start, end), certainty=certainty, negation=negation,
                        attribution=_own_attribution(text, attribution, start, end),
                        population=population_of.get(subject.name, population),
                        quantity=quantity, facts=facts, condition=condition,
                    )  # fmt: skip
                    if proposal is not None:
                        yield proposal
                        if first_subject is None:
                            first_subject = proposal.subject
                            # what the first clause is about: the words before its verb
                            first_said = proposal.object if reverse else proposal.subject
            if subjects:
                state.last_subject = subjects[0].name
                state.last_object = objects[0].name
        yield from self._helps_group(sentence, terms, made, attribution)
        yield from self._compounds(sentence, terms, made, attribution)
        yield from self._includes(sentence, terms, made, attribution)
        yield from self._genus(sentence, terms, made, attribution)
        yield from self._fronted_aim(sentence, terms, made, attribution)
        yield from self._common_for(sentence, terms, made, attribution)
        if not made:
            yield from self._cooccurrence(sentence, terms, attribution, state)

    def _proposal(
        self, sentence: Sentence, subject: _Term, predicate: str, obj: _Term,
        made: set[tuple[str, str, str]], *, confidence: float, cue: str,
        certainty: Certainty | None = None, negation: str | None = None,
        attribution: Attribution | None = None, population: str | None = None,
        quantity: Quantity | None = None, facts: list[tuple[str, str, str]] | None = None,
        rule: str = "cue", cue_at: tuple[int, int] | None = None, condition: str | None = None,
    ) -> Proposal | None:
        """One proposal, unless it relates a term to itself or repeats one of ``made``."""
        if predicate == "symptom_of" and self._type(obj.name) in _AGENTS:
            # "numbness is a symptom of psychiatric medication": the drug causes it
            subject, obj, predicate = obj, subject, "causes"
        if subject.name == obj.name or any(
                not t.known and _not_a_term(t.name) for t in (subject, obj)):
            return None
        subject, obj = (
            replace(t, name=f"{state.group('what')} {_STATE_NOUN[state.group('state').lower()]}")
            if not t.known and (state := _DEFICIENT.match(t.name)) is not None else t
            for t in (subject, obj))
        if any(not t.known and t.end > t.start and _ASPECT_OF.match(self._label(t.name)) and
               _POSSESSIVE_BEFORE.search(sentence.text, 0, t.start) for t in (subject, obj)):
            return None  # "fluconazole reduces its effect": the effect of something, no term
        if predicate in ("defined_as", "same_as") and self._type(subject.name) == "population":
            return None  # "Some patients describe X as Y": what people say, not a definition
        if predicate in _EFFECTS - {"treats"} and self._type(subject.name) == "population" \
                and self._counted(sentence.text, subject.name):
            # "About half of all women will have a UTI", "52% of women in the ginger group
            # reported an improvement": the people a figure counts, never what acts
            return None
        if predicate == "causes" and obj.end > obj.start and re.match(
                r"\s+to\s+(?!the\b|a\b|an\b)\w+", sentence.text[obj.end :]) and re.match(
                r"caus|make", cue, re.IGNORECASE):
            # "can cause the individual to be misunderstood": not the individual, but what it
            # makes them do or undergo ("being misunderstood")
            done = self._made_to(sentence.text, obj)
            if done is None:
                return None
            obj = done
        predicate, quantity = self._effect(sentence.text, predicate, obj, cue, cue_at, quantity)
        # "X may reduce Y, but a trial found X does not reduce Y": both are said
        key = (subject.name, f"not {predicate}" if negation else predicate, obj.name)
        if key in made:
            return None
        made.add(key)
        aliases = [(t.name, "synonym", self._aliases[t.name]) for t in (subject, obj)
                   if t.name in self._aliases and t.name not in self._vocabulary_ids]
        if aliases:
            facts = [*(facts or ()), *aliases]
        products = [(t.name, "broader", of) for t in (subject, obj) if t.name not in
                    self._vocabulary_ids and (of := self._product_of(t.name)) is not None]
        if products:
            facts = [*(facts or ()), *products]
        dosed = [(t.name, "broader", self._dosed[t.name]) for t in (subject, obj)
                 if t.name in self._dosed and t.name not in self._vocabulary_ids]
        if dosed:
            facts = [*(facts or ()), *dosed]
        certainty = certainty or Certainty()
        attribution = attribution or Attribution()
        if attribution.kind == "none" and attribution.mode == "reports" and \
                _LAY_BELIEF.search(attribution.cue or "") is not None:
            # "Many people think X causes Y": a belief the text reports, not how sure the
            # text itself is (not "probable" from "many people", nor certain)
            certainty = Certainty("speculative", attribution.cue)
        # "should not take X": advice against, which the cue itself says (no "not" read near
        # the wrong words, what the negated feature is wary of)
        against = predicate == "recommends" and negation is not None and re.search(
            r"\b(?:not|never|no)\b|n['’]t\b", cue, re.IGNORECASE) is not None
        features = self._features(sentence, subject, obj, prior=confidence, rule=rule,
                                  cue_at=cue_at, certainty=certainty,
                                  negated=bool(negation) and not against,
                                  advice=predicate == "recommends")
        cues = [cue]
        if certainty.cue:
            cues.append(certainty.cue)
        if negation:
            cues.append(negation)
        if attribution.cue and attribution.cue != "“":
            cues.append(attribution.cue)
        if predicate == "prevalence" and population is None and quantity is not None and \
                quantity.unit == "percent" and (self._type(obj.name) == "population" or (
                    not obj.known and _POPULATION_HEAD.match(obj.name))):
            # "affects about 1 in 100 pregnant women and …": the share counts the people
            # the claim names, as "7 in 10 pregnant women have nausea" does
            population = obj.name
        types = tuple((t.name, "population") for t in (subject, obj)
                      if not t.known and t.name == population)
        types += tuple((t.name, "brand") for t in (subject, obj)
                       if t.name not in self._vocabulary_ids and self._product_of(t.name))
        types += tuple((t.name, kind) for t in (subject, obj) if t.name not in self._vocabulary_ids
                       and t.name != population and (kind := self._said.get(
                           self._label(t.name).casefold())) is not None)
        return Proposal(
            quote=sentence.text,
            start=sentence.start,
            section=sentence.section,
            subject=subject.name,
            predicate=predicate,
            object=obj.name,
            population=population,
            condition=condition,
            quantity=quantity if predicate != "same_as" else None,
            certainty=certainty,
            negated=negation is not None,
            attribution=attribution,
            confidence=round(calibrated(features), 2),
            cues=tuple(cues),
            types=types,
            facts=tuple(facts or ()),
            features=tuple(features.items()),
        )

    def _effect(
        self, text: str, predicate: str, obj: _Term, cue: str, cue_at: tuple[int, int] | None,
        quantity: Quantity | None,
    ) -> tuple[str, Quantity | None]:
        """The relation and measure as curators write them (docs/corpus-format.md).

        ``increases``/``decreases`` are the level of a substance or function; what
        raises or lowers a condition, or the risk (chance, odds, rate) of one, causes or
        reduces it ("cut the risk of a stroke", "lowers migraine attacks"). A percentage
        by which an effect changes a condition (or a symptom) is a ``risk_change`` —
        "reduces strokes by 20%" says what "reduces the risk of stroke by 20%" says —
        unless its name is a scale ("pain scores", "cold duration"); "shortens colds by
        8%" is a ``duration_change``.
        """
        if predicate not in ("increases", "decreases", "reduces", "causes", "worsens"):
            return predicate, quantity
        kind = self._type(obj.name)
        if kind in ("substance", "target"):
            return predicate, quantity
        risk = False
        if cue_at is not None and obj.end > obj.start and obj.start >= cue_at[1]:
            # the cue's first word is the verb ("cuts the risk", cue and all, "of")
            wording = re.sub(r"^\S+\s*", "", cue + text[cue_at[1] : obj.start]).strip()
            risk = _RISK_WORDING.fullmatch(wording) is not None
        scale = _SCALE_NAME.search(self._label(obj.name).replace("_", " ")) is not None
        eventful = kind in ("condition", "symptom") and not scale
        level_of_event = not scale and (
            kind == "condition" or (kind == "symptom" and predicate == "decreases"))
        if predicate in ("increases", "decreases") and (risk or level_of_event):
            predicate = "causes" if predicate == "increases" else "reduces"
        if quantity is not None and quantity.measure == "relative_change" and \
                quantity.unit == "percent" and predicate in ("reduces", "causes"):
            if re.match(r"shorten|lengthen|prolong", cue, re.IGNORECASE):
                quantity = replace(quantity, measure="duration_change")
            elif risk or eventful:
                quantity = replace(quantity, measure="risk_change")
        return predicate, quantity

    def _apposed_to(self, text: str, terms: list[_Term], lo: int, at: int) -> _Term | None:
        """The noun phrase right before the comma at ``at`` (what an appositive describes)."""
        before = [t for t in terms
                  if lo <= t.start and t.end <= at and not text[t.end : at].strip()]
        if before:
            return before[-1]
        words = list(re.finditer(r"[A-Za-z][\w'’-]*", text[lo:at]))
        kept: list[re.Match[str]] = []
        for word in reversed(words):
            if _is_stop(word.group()) or word.group().lower() in _COMMON_VERBS or \
                    _VERB_FORM.match(word.group()) or len(kept) == 3 or (
                    kept and text[lo + word.end() : lo + kept[0].start()].strip()):
                break  # "comes with | dark urine", "get | night sweats"
            kept.insert(0, word)
        if not kept:
            return None
        name = " ".join(w.group() for w in kept)
        if _PRONOUN.match(name) or _not_a_term(name):
            return None
        resolved = self._resolve_name(name)
        return _Term(lo + kept[0].start(), lo + kept[-1].end(), resolved or _lower_first(name),
                     resolved is not None)

    def _pronoun_subject(
        self, text: str, terms: list[_Term], lo: int, at: int, left: list[_Term]
    ) -> _Term | None:
        """What "it" or "they" right before a cue means when it follows a first clause.

        "X strengthens Y, and (experts say) it …", "X contains Y, and they …": the
        subject the first clause opens with (see :meth:`_opening_subject`). None
        without such a pronoun, or when the cue's left side already holds a term.
        """
        ending = _PRONOUN_CLAUSE_END.search(text, lo, at)
        if ending is not None:
            first_lo, first_hi = lo, ending.start()
            pronoun = ending.group()
        elif lo > 0 and (opening := _PRONOUN_CLAUSE.match(text, lo, at)) is not None and \
                not any(t.known or not _not_a_term(t.name) for t in left if t.end > t.start):
            joint = re.search(r"[,;]?\s*(?:\b(?:and|but|yet|because|since)\s*)?$", text[:lo])
            first_hi = joint.start() if joint is not None else lo
            first_lo = _clause_start(text, first_hi)
            subordinate = joint is not None and re.search(r"(?:because|since)\s*$", joint.group())
            if subordinate:
                # "X should not be used if Y is bloody, because it may worsen Z": "it" is what
                # the sentence's main clause opens with, not the subject of the "if" before
                first_lo = max(text.rfind(";", 0, first_hi), text.rfind(":", 0, first_hi)) + 1
            pronoun = opening.group()
        else:
            return None
        if ending is not None:
            subordinate = False
        if first_hi <= first_lo or re.search(r"\b(?:it|them|this|these)\b",
                                             text[first_lo:first_hi], re.IGNORECASE):
            return None  # "Doctors like them, and they …": the pronoun may be theirs
        plural = re.search(r"\bthey\b", pronoun, re.IGNORECASE) is not None
        subject = self._opening_subject(text, terms, first_lo, first_hi, plural)
        if subject is None or self._people(subject.name) or _RECOMMENDER.match(
                self._label(subject.name)):
            return None  # "Doctors prescribe X, and they …": who acts is not what acts
        if subordinate and not re.match(
                r"\s+(?:should|must|can|could|may|might|will|would|is|are|was|were|has|have|had|"
                r"does|do|did|\w+[^s\W]s)\b", text[subject.end : first_hi], re.IGNORECASE):
            return None  # "Doctors avoid X because it …": the subject's verb is not next to it
        return subject

    def _opening_subject(
        self, text: str, terms: list[_Term], lo: int, hi: int, plural: bool
    ) -> _Term | None:
        """The subject the clause between ``lo`` and ``hi`` opens with.

        A term at the clause's start, else its opening noun phrase up to the verb: for a
        singular subject the verb is the first word in -s after the first word
        ("Fluoride strengthens teeth": fluoride); for a plural one, the word after the
        first plural ("Nuts contain fibre": nuts). None when the clause opens with a
        pronoun.
        """
        first = [t for t in terms if lo <= t.start < hi
                 and not _LEAD.sub("", text[lo : t.start].strip() + " ").strip()]
        if first:
            return first[0]
        span = _noun_phrase(text[lo:hi], from_end=False)
        if span is None:
            return None
        words = list(_WORD.finditer(text, lo + span[0], lo + span[1]))
        kept = words[:1]
        for word in words[1:]:
            previous = kept[-1].group()
            if plural and re.search(r"[^su]s$", previous):
                break  # "Nuts contain …": the verb after the plural
            if not plural and word.group().islower() and re.search(r"[^su'’]s$", word.group()):
                break  # "Fluoride strengthens …": the verb in -s
            kept.append(word)
        name = text[kept[0].start() : kept[-1].end()]
        if _PRONOUN.match(name) or _not_a_term(name):
            return None
        resolved = self._resolve_name(name)
        return _Term(kept[0].start(), kept[-1].end(), resolved or name, resolved is not None)

    def _people_before(self, text: str, lo: int, at: int) -> list[_Term]:
        """"Patients (should …)": the people a clause opens with, which are no term."""
        who = re.fullmatch(r"\W*(?:(?:most|all|many|some)\s+)?(?P<who>[A-Za-z]+)\s*",
                           text[lo:at])
        if who is None or who.group("who").casefold() not in _BARE_PEOPLE:
            return []
        name = who.group("who").lower()
        resolved = self._resolve_name(name)
        return [_Term(lo + who.start("who"), lo + who.end("who"), resolved or name,
                      resolved is not None)]

    def _made_to(self, text: str, person: _Term) -> _Term | None:
        """What "cause <person> to <verb> …" says is caused, or None when the person is no
        person ("cause blood vessels to narrow" names no outcome of its own).

        "to develop (get, experience, have) X": X itself; "to be (become) misunderstood":
        "being misunderstood"; "to feel drowsy", "to lose weight": the act, as a gerund.
        """
        if self._type(person.name) != "population" and not _PERSON.fullmatch(
                text[person.start : person.end]):
            return None
        to = _MADE_TO.match(text, person.end)
        if to is None:
            return None
        verb, rest_at = to.group("verb").lower(), to.end()
        span = _noun_phrase(text[rest_at : _clause_end(text, rest_at)], from_end=False)
        if verb in _UNDERGONE:
            if span is None:
                return None
            s, e = rest_at + span[0], rest_at + span[1]
            resolved = self._resolve_name(text[s:e])
            return _Term(s, e, resolved or text[s:e].lower(), resolved is not None)
        words = re.match(r"\s*((?:[A-Za-z][\w'’-]*\s*){1,3})", text[rest_at : _clause_end(
            text, rest_at)])
        if words is None:
            return None
        rest = words.group(1).split()
        kept: list[str] = []
        for word in rest:
            if _is_stop(word) and word.lower() not in ("by", "up"):
                break
            kept.append(word)
        if not kept:
            return None
        phrase = " ".join([_gerund(verb if verb != "be" else "be"), *kept]).lower()
        phrase = phrase.replace("beeing", "being")
        resolved = self._resolve_name(phrase)
        end = rest_at + words.start(1) + len(" ".join(kept))
        return _Term(to.start("verb"), end, resolved or phrase, resolved is not None)

    def _counted(self, text: str, name: str) -> bool:
        """Whether a figure in ``text`` counts the people ``name`` names ("52% of women")."""
        label = self._label(name).lower()
        for statistic in find_statistics(text):
            if statistic.population:
                return True
            after = re.sub(r"^\s*of\s+(?:all\s+|the\s+)?", "", text[statistic.end :].lower())
            if after != text[statistic.end :].lower().lstrip() and after.startswith(label):
                return True
        return False

    def _features(
        self, sentence: Sentence, subject: _Term, obj: _Term, *, prior: float, rule: str,
        cue_at: tuple[int, int] | None, certainty: Certainty, negated: bool,
        advice: bool = False,
    ) -> dict[str, float]:
        """What predicts that a proposal is right (see :mod:`.calibration`).

        ``advice``: the proposal recommends, so "to prevent Y" after the advice says
        what it is for, no second relation in the clause.
        """
        text = sentence.text
        pair = (subject, obj)
        known = sum(t.name in self._vocabulary_ids for t in pair)
        repeated = sum(self._mentions(t) >= 2 for t in pair)
        written = [t for t in pair if t.end > t.start]
        gap = 0
        if cue_at is not None and len(written) == 2:
            spans = sorted([(t.start, t.end) for t in written] + [cue_at])
            for (_, a_end), (b_start, _) in itertools.pairwise(spans):
                if b_start > a_end:
                    # "reduce the risk of (getting a) stroke": the risk is the relation's
                    # wording, as "cuts" is, not words between it and its terms; so is the
                    # rest of it after a cue that holds its start ("halves the odds | of
                    # catching a")
                    held = _RISK_NOUN_END.search(text, cue_at[0], a_end) \
                        if a_end == cue_at[1] else None
                    lo = held.start() if held is not None else a_end
                    gap += len(_WORD.findall(_RISK_WORDING.sub(" ", text[lo:b_start])))
        elif len(written) < 2:
            gap = 10
        long_term = any(len(t.name.split()) >= 3 and t.name not in self._vocabulary_ids
                        for t in pair)
        other_cues = self._cue_count(sentence, cue_at, advice) - 1
        clear = rule == "cue" and len(written) == 2 and gap <= 2 and other_cues <= 0
        return {
            "bias": 1.0,
            "prior": prior,
            "verb_cue": float(rule == "cue"),
            "known": known / 2,
            "repeated": repeated / 2,
            "in_quote": float(len(written) == 2),
            "gap": min(gap, 10) / 10,
            "other_cues": min(max(other_cues, 0), 3) / 3,
            "clear": float(clear),
            "long_term": float(long_term),
            "hedged": float(certainty.level == "speculative"),
            "negated": float(negated),
            "list": float(rule == "list" or sentence.kind == "item"),
        }

    def _mentions(self, term: _Term) -> int:
        """How often the text names ``term`` (its vocabulary entity, or its words)."""
        if term.name in self._mention_counts:
            return self._mention_counts[term.name]
        if term.name in self._labels:
            count = self._match_counts.get(term.name, 0)
        else:
            forms = inflections(term.name.lower())
            count = sum(len(re.findall(rf"(?<![\w-]){re.escape(f)}(?![\w-])", self._lowered))
                        for f in forms)
        self._mention_counts[term.name] = count
        return count

    def _cue_count(self, sentence: Sentence, cue_at: tuple[int, int] | None,
                   advice: bool = False) -> int:
        """How many relation cues the cue's clause has (a crowded clause is harder to read).

        Without a cue in the sentence, the whole sentence's. With ``advice``, the aim
        after a piece of advice ("… to prevent Y") is no cue of its own.
        """
        text = sentence.text
        lo, hi = 0, len(text)
        if cue_at is not None:
            lo, hi = _clause_start(text, cue_at[0]), _clause_end(text, cue_at[1])
        key = (sentence.start + lo, sentence.start + hi, advice)
        if key not in self._cue_counts:
            spans = sorted(
                m.span() for cue in RELATION_CUES for m in cue.pattern.finditer(text, lo, hi)
                if not (cue.reverse and _EFFECTS_OF.match(m.group()) and _MEMBER_BEFORE.search(
                    text, lo, m.start()))  # "…, and the side effects of X": a list member
                and not _not_a_verb_here(text, m.start(), m.group())  # "reduced appetite"
                and not (advice and _AIM_BEFORE.search(text, lo, m.start())))
            # one cue per place: "is caused by" is matched by the passive cue and by "caused",
            # which is no second cue in the clause
            count, end = 0, -1
            for start, stop in spans:
                if start >= end:
                    count += 1
                end = max(end, stop)
            self._cue_counts[key] = count
        return max(self._cue_counts[key], 1 if cue_at is not None else 0)

    def _includes(
        self, sentence: Sentence, terms: list[_Term], made: set[tuple[str, str, str]],
        attribution: Attribution,
    ) -> Iterator[Proposal]:
        """"Symptoms of X include A, B and C", "side effects of X include …": one claim each."""
        text = sentence.text
        match = _include(text)
        if match is None:
            return
        head = match.group("head").lower().replace("-", " ").rstrip("s")
        predicate, item_is_subject = _INCLUDE_HEADS[head.split()[-1]]
        mid_terms = [t for t in terms if match.start("mid") <= t.start
                     and t.end <= match.end("mid")]
        before = [t for t in terms if t.end <= match.start("head")
                  and not text[t.end : match.start("head")].strip(" -")]
        anchor_terms = mid_terms or before
        mid = re.sub(r"^\s*(?:of|for|in)\s+", "", match.group("mid"))
        if not mid_terms and _ANAPHORIC.match(mid.strip()):
            anchor_terms = []  # "treatment of such cases": the topic (below)
        if re.match(r"^\s*(?:that|which|when|where|you|to)\b", match.group("mid")):
            anchor_terms = []  # "signs that caffeine is hurting your sleep": a clause
        mid_at = match.end("mid") - len(mid)
        span = _noun_phrase(mid, from_end=False) if mid.strip() else None
        if mid_terms and span is not None and span[1] - span[0] > mid_terms[0].end - \
                mid_terms[0].start and mid_at + span[0] <= mid_terms[0].start:
            # "symptoms of caffeine withdrawal": the whole phrase, not just "caffeine"
            name = mid[span[0] : span[1]]
            resolved = self._resolve_name(name)
            anchor_terms = [_Term(mid_at + span[0], mid_at + span[1], resolved or name,
                                  resolved is not None)]
        if not anchor_terms and span is not None and re.match(
                r"^\s*(?:of|for)\s", match.group("mid")):
            # "Early signs of dehydration include …" with no vocabulary term: the phrase
            name = mid[span[0] : span[1]]
            if not _PRONOUN.match(name):
                anchor_terms = [_Term(mid_at + span[0], mid_at + span[1], name, False)]
        like = match.groupdict().get("like") is not None
        if like and head.split()[-1] not in ("symptom", "sign", "manifestation", "effect"):
            return  # "therapies like CBT help": the relation cues read it
        if like and not mid_terms:
            # "Schizophrenia has positive symptoms like hallucinations": the signs of what
            # the clause is about, named before them; without it, no claim
            opened = _clause_start(text, match.start("head"))
            anchor_terms = [t for t in terms if opened <= t.start and t.end <= match.start(
                "head") and not t.parenthetical and re.search(
                r"\w", text[t.end : match.start("head")])][-1:]  # "positive symptoms": a kind
            span = _noun_phrase(text[opened : match.start("head")], from_end=False) \
                if not anchor_terms else None
            if span is not None and re.search(r"\w", text[opened + span[1] : match.start("head")]):
                # no term yet (a new topic): the noun phrase that opens the clause, unless
                # it is who has them ("Patients report symptoms like …")
                name = text[opened + span[0] : opened + span[1]]
                if not _POPULATION_HEAD.match(name) and not _PRONOUN.match(name):
                    resolved = self._resolve_name(name)
                    anchor_terms = [_Term(opened + span[0], opened + span[1], resolved or name,
                                          resolved is not None)]
            if not anchor_terms:
                return
        if anchor_terms:
            anchor = anchor_terms[0]
        elif (self._topic_guess or self._state.prev_first) is not None:
            fallback = self._topic_guess or self._state.prev_first
            assert fallback is not None
            anchor = _Term(0, 0, fallback, fallback in self._labels)
        else:
            return
        stop = _clause_end(text, match.end())
        items = [t for t in terms if match.end() <= t.start and t.end <= stop
                 and not t.parenthetical and not (like and (
                     self._type(t.name) == "concept" or _INCLUDE_HEAD_WORD.fullmatch(
                         self._label(t.name))))]
        rest = text[match.end():].strip()
        if not items and (not rest or rest.endswith(":")):
            # "Signs of X include:" and a list: one claim per list item
            yield from self._list_items(sentence, predicate, item_is_subject, anchor,
                                        match.group().strip())
            return
        if not items:
            rest = text[match.end() : stop]
            items = _comma_list(rest, match.end())
            for part in re.split(r",|\band\b|\bor\b", rest) if not items else ():
                offset = text.find(part, match.end())
                use = _USE_OF.match(part)
                if use is not None:  # "the use of statins": statins
                    offset, part = offset + use.end(), part[use.end() :]
                span = _noun_phrase(part, from_end=False)
                if span is not None and offset >= 0:
                    items.append(_Term(offset + span[0], offset + span[1],
                                       part[span[0] : span[1]], False))
        else:
            items += self._unnamed_members(text, items, match.end(), stop)
        certainty = self._certainty(text, match.start(), match.end())
        for item in items:
            subject, obj = (item, anchor) if item_is_subject else (anchor, item)
            proposal = self._proposal(sentence, subject, predicate, obj, made, confidence=0.55,
                                      cue=match.group().strip(), certainty=certainty,
                                      rule="list", cue_at=match.span(),
                                      attribution=attribution)
            if proposal is not None:
                yield proposal

    def _unnamed_members(
        self, text: str, items: list[_Term], start: int, stop: int
    ) -> list[_Term]:
        """"hallucinations and delusions and … emotional blunting" with one a term: the others.

        Only the members before the last term (and before a "says"), and only plain
        noun phrases of at most four words in lower case (a member with a verb, a
        quote, a name or a clause is left out).
        """
        last = max(t.end for t in items)
        speech = _SPEECH_WORD.search(text, start, last)
        last = speech.start() if speech is not None else last  # "…, says Dr Smith, MD"
        found: list[_Term] = []
        cursor = start
        pieces = []
        for clause_part in text[start:last].split(","):
            cut = _NP_CUT.search(clause_part)  # "pins and needles in the hands and feet"
            head = clause_part[: cut.start()] if cut else clause_part
            pieces += re.split(r"\band\b|\bor\b", head)
        for part in pieces:
            at = text.find(part, cursor)
            if at < 0:
                continue
            cursor = at + len(part)
            if any(at < t.end and t.start < at + len(part) for t in items):
                continue
            lead = _LEAD.match(part.strip())
            rest = part.strip()[lead.end() :] if lead else part.strip()
            span = _noun_phrase(part, from_end=False)
            if not rest or span is None or part[span[0] : span[1]] != rest or len(
                    rest.split()) > 4 or re.search(r"[\"“”'‘’()A-Z]", part) or re.match(
                    r"\w+ing\b", rest):
                continue  # "changing to …": an act, not a member
            found.append(_Term(at + span[0], at + span[1], rest, False))
        return found

    def _list_items(
        self, lead: Sentence, predicate: str, item_is_subject: bool, anchor: _Term, cue: str
    ) -> Iterator[Proposal]:
        """The list items right after ``lead``, each related to ``anchor``."""
        following = [s for s in self._sentences if s.start > lead.end]
        for item in following:
            if item.kind != "item":
                break
            made: set[tuple[str, str, str]] = set()
            terms = [t for t in self._terms(item, self._matches) if not t.parenthetical]
            if not terms:
                span = _noun_phrase(item.text, from_end=False)
                if span is None:
                    continue
                terms = [_Term(span[0], span[1], item.text[span[0] : span[1]], False)]
            for term in terms:
                subject, obj = (term, anchor) if item_is_subject else (anchor, term)
                proposal = self._proposal(item, subject, predicate, obj, made, confidence=0.5,
                                          cue=cue, rule="list")
                if proposal is not None:
                    yield proposal

    def _compounds(
        self, sentence: Sentence, terms: list[_Term], made: set[tuple[str, str, str]],
        attribution: Attribution,
    ) -> Iterator[Proposal]:
        """"SSRI-induced blunting", "trauma-driven numbness": the first causes the second.

        "X-associated Y", "X-related Y", "X-linked Y" ("ventilator-associated pneumonia",
        "smoking-related cancers") are the name of a kind of Y, a term, not a claim that X
        goes with Y: nothing is drafted from them. An outcome that is no term is at most
        two words ("liver injury"), never a clause ("headaches kill productivity").
        """
        text = sentence.text
        for match in _COMPOUND.finditer(text):
            if match.group("how").lower() in ("related", "associated", "linked") or \
                    match.group("agent").lower() in _GENERIC_AGENTS:
                continue  # a kind of Y; "drug-induced liver injury" names no drug
            agent_name = match.group("agent")
            agent = self._name_at(terms, match.start("agent"), match.end("agent"), agent_name)
            outcome_terms = [t for t in terms if t.start >= match.end("how") and
                             not text[match.end("how") : t.start].strip()]
            if outcome_terms:
                outcome = outcome_terms[0]
            else:
                span = _noun_phrase(text[match.end("how") :], from_end=False)
                at = match.end("how")
                if span is None or len(text[at + span[0] : at + span[1]].split()) > 2:
                    continue
                outcome = _Term(at + span[0], at + span[1], text[at + span[0] : at + span[1]],
                                False)
            certainty = self._certainty(text, match.start(), match.end())
            proposal = self._proposal(sentence, agent, "causes", outcome, made, confidence=0.45,
                                      cue=match.group().strip(), attribution=attribution,
                                      rule="compound", cue_at=match.span(),
                                      certainty=certainty)
            if proposal is not None:
                yield proposal

    def _name_at(self, terms: list[_Term], start: int, end: int, text: str) -> _Term:
        """The term at ``start:end`` (a vocabulary one if it names one), else the words."""
        for term in terms:
            if term.start <= start and end <= term.end and term.end - term.start <= end - start:
                return term
        resolved = self._resolve_name(text)
        return _Term(start, end, resolved or text, resolved is not None)

    def _genus(
        self, sentence: Sentence, terms: list[_Term], made: set[tuple[str, str, str]],
        attribution: Attribution,
    ) -> Iterator[Proposal]:
        """"X is a G …" with G a term: X is defined as (a kind of) G."""
        text = sentence.text
        copula = _COPULA.search(text)
        if copula is None:
            return
        before = [t for t in terms if t.end <= copula.start() and not t.parenthetical]
        if not before or len(text[before[-1].end : copula.start()].split()) > 1:
            return
        after = [t for t in terms if copula.end() <= t.start <= copula.end() + 30
                 and not t.parenthetical]
        if not after:
            return
        after = self._privative(text[copula.start():], after[:1])
        if self._type(after[0].name) == "population":
            return  # "X is an alternative for some patients": for whom, not what X is
        predicate = "defined_as"
        if re.match(r"^\s+(?:symptoms?|signs?)\b", text[after[0].end :]):
            predicate = "symptom_of"  # "one of the PTSD symptoms": a symptom of PTSD
        if any(m[0] == before[-1].name and m[2] == after[0].name for m in made):
            return
        certainty = self._certainty(text, copula.start(), copula.end())
        negation = self._negation.negated(text, copula.start(), copula.end()) \
            if self._negation else None
        if re.search(r"\bnot\b", copula.group(), re.IGNORECASE):
            negation = "not"  # "X is not a G": the "not" is inside the cue, NegEx looks before
        proposal = self._proposal(sentence, before[-1], predicate, after[0], made,
                                  confidence=0.45, cue=copula.group().strip(),
                                  rule="genus", cue_at=copula.span(),
                                  certainty=certainty, negation=negation,
                                  attribution=attribution)
        if proposal is not None:
            yield proposal

    def _common_for(
        self, sentence: Sentence, terms: list[_Term], made: set[tuple[str, str, str]],
        attribution: Attribution,
    ) -> Iterator[Proposal]:
        """"It's common for older adults to have insomnia": insomnia is common in them."""
        text = sentence.text
        common = _COMMON_FOR.search(text)
        if common is None:
            return
        who_at, who_end = common.span("who")
        group = [t for t in terms if who_at <= t.start and t.end <= who_end]
        if not group:
            span = _noun_phrase(common.group("who"), from_end=False)
            if span is None:
                return
            name = common.group("who")[span[0] : span[1]]
            resolved = self._resolve_name(name)
            group = [_Term(who_at + span[0], who_at + span[1], resolved or name,
                           resolved is not None)]
        who = group[-1]
        if self._type(who.name) != "population" and not _POPULATION_HEAD.match(
                self._label(who.name)):
            return  # "common for symptoms to fade": not a group of people
        stop = _clause_end(text, common.end())
        outcomes = [t for t in self._side(text, terms, common.end(), stop, left=False) if t.known]
        having = re.match(r"\s*(?:have|develop|experience|get|suffer from)\s+",
                          text[common.end() :])
        if not outcomes and having is not None:
            # a new topic: the words after "to have"
            at = common.end() + having.end()
            outcomes = self._side(text, terms, at, stop, left=False)
        certainty = self._certainty(text, common.start(), common.end())
        for outcome in outcomes:
            proposal = self._proposal(sentence, outcome, "prevalence", who, made, confidence=0.45,
                                      cue=common.group().strip(), rule="common",
                                      cue_at=common.span(), certainty=certainty,
                                      attribution=attribution, population=who.name)
            if proposal is not None:
                yield proposal

    def _helps_group(
        self, sentence: Sentence, terms: list[_Term], made: set[tuple[str, str, str]],
        attribution: Attribution,
    ) -> Iterator[Proposal]:
        """"X helps shift workers sleep": X increases what the group does (sleep), for them.

        "help(s) <people> (to) <verb>" says the subject makes the group better able to
        do it ("helps smokers quit" → X increases quitting, population smokers); "does
        not help" denies it and "may help" hedges it. A verb that is itself a cue ("helps
        people reduce stress") is read by the cue.
        """
        text = sentence.text
        for helps in _HELPS_GROUP.finditer(text):
            if not _helped_to_do(text, helps):
                continue
            verb = helps.group("verb").lower()
            lo = _clause_start(text, helps.start())
            subjects = [t for t in self._side(text, terms, lo, helps.start(), left=True)
                        if self._type(t.name) != "population"]
            if not subjects:
                continue
            rest = helps.group("rest").lower().split()
            if rest and (guess_type(" ".join(rest)) in ("symptom", "condition") or any(
                    self._type(t.name) in ("symptom", "condition") for t in terms
                    if helps.start("rest") <= t.start < helps.end("rest") + 40)):
                continue  # "help individuals overcome anxiety": what it does to the condition
            done = " ".join([verb, *rest])
            name = self._resolve_name(done) or (None if rest else next(
                (t.name for t in terms if self._label(t.name).casefold() == verb), None))
            if name is None:
                name = self._resolve_name(" ".join([_gerund(verb), *rest])) or " ".join(
                    [_gerund(verb), *rest])
            outcome = _Term(helps.start("verb"), helps.end("rest"), name,
                            name in self._vocabulary_ids)
            group = " ".join(helps.group("group").lower().split())
            population = None if group in _BARE_PEOPLE else self._resolve_name(group) or group
            cue_at = (helps.start(), helps.start() + len(helps.group().split()[0]))
            certainty = self._certainty(text, *cue_at)
            negation = self._negation.negated(text, *cue_at) if self._negation else None
            for subject in subjects:
                proposal = self._proposal(
                    sentence, subject, "increases", outcome, made, confidence=0.45,
                    # the group is the construction's own words, no gap before the outcome
                    cue=text[cue_at[0] : cue_at[1]], cue_at=(cue_at[0], helps.end("group")),
                    certainty=certainty,
                    negation=negation, population=population,
                    attribution=_own_attribution(text, attribution, *cue_at),
                )  # fmt: skip
                if proposal is not None:
                    yield proposal

    def _advice_for_group(
        self, sentence: Sentence, terms: list[_Term], made: set[tuple[str, str, str]],
        attribution: Attribution,
    ) -> Iterator[Proposal]:
        """Advice for (or against) a thing for a group: X recommends, population the group.

        "X is not recommended for people taking Y", "X should not be given to people who
        are severely immunocompromised", "We recommend X every year for everyone taking
        Y", "Everyone taking Y should take X": the thing advised is the subject, the
        people are the claim's population ("people taking Y" are Y's users), the advice
        is denied by "not", "never" or "avoid"; the object is what the article is about
        when that is a condition or symptom, else the group itself. Nothing is drafted
        when the group is everyone ("people", "patients" alone) or the thing is a pronoun.
        """
        text = sentence.text
        for shape in _ADVISED_FOR:
            found = shape.search(text)
            if found is None:
                continue
            names = found.groupdict()
            if names.get("thing") is not None:
                span = _noun_phrase(found.group("thing"), from_end=False)
                if span is None:
                    continue
                at = found.start("thing")
                thing_at = (at + span[0], at + span[1])
            else:
                lo = _clause_start(text, found.start())
                side = self._side(text, terms, lo, found.start("verb"), left=True)
                if len(side) != 1 or side[0].end <= side[0].start:
                    continue
                thing_at = (side[0].start, side[0].end)
            words = text[thing_at[0] : thing_at[1]]
            if _PRONOUN.match(words) or _not_a_term(words):
                continue
            inside = [t for t in terms if thing_at[0] <= t.start and t.end <= thing_at[1]]
            resolved = inside[0].name if len(inside) == 1 and (
                inside[0].start, inside[0].end) == thing_at else self._resolve_name(words)
            thing = _Term(*thing_at, resolved or words, resolved is not None)
            facts: list[tuple[str, str, str]] = []
            population, had = self._advised_group(found.group("group"), facts)
            if population is None:
                continue
            # what the group has, else what the article said the thing is for ("ClearFlow
            # clears a blocked nose. We do not recommend ClearFlow for children under six"),
            # else the article's condition, else the group itself
            topic = self._topic_guess
            aim = had or self._state.used_for.get(thing.name) or (
                topic if topic is not None and topic != thing.name and self._type(topic) in (
                    "symptom", "condition") else population)
            modal = re.compile(r"\b(?:should|is|are)\b", re.IGNORECASE).search(
                text, found.start(), found.start("verb"))
            cue_at = (modal.start() if modal is not None else found.start("verb"),
                      found.end("verb"))
            certainty = self._certainty(text, *cue_at)
            denied = names.get("no") or names.get("nob")
            if found.group("verb").lower() == "avoid":
                # "People with gout should avoid alcohol": avoiding it is what is advised, as
                # an imperative "Avoid alcohol" is drafted
                label = self._label(thing.name)
                acted = self._resolve_name(f"avoiding {label}") or f"avoiding {label}"
                thing = _Term(thing.start, thing.end, acted, acted in self._labels)
            aimed = _Term(*found.span("group"), aim, aim in self._labels) if aim in (
                had, population) else _Term(0, 0, aim, aim in self._labels)
            proposal = self._proposal(
                sentence, thing, "recommends", aimed, made,
                confidence=0.45, cue=text[cue_at[0] : cue_at[1]], cue_at=cue_at,
                certainty=certainty,
                negation=" ".join(denied.split()) if denied else None,
                population=population, facts=facts,
                attribution=_own_attribution(text, attribution, *cue_at),
            )  # fmt: skip
            if proposal is not None:
                yield proposal
                return

    def _advised_group(self, group: str, facts: list[tuple[str, str, str]]
                       ) -> tuple[str | None, str | None]:
        """The population a piece of advice names ("people taking Y" are Y's users) and
        the condition it has, if it names one ("people with gout": gout)."""
        group = " ".join(group.split())
        who = _ADVISED_WHO.fullmatch(group)
        if who is None:
            return None, None
        had = None
        rest = who.group("rest")
        if rest is not None and rest.lower().startswith("with "):
            span = _noun_phrase(rest[5:], from_end=False)
            if span is not None:
                named = rest[5:][span[0] : span[1]]
                resolved = self._resolve_name(named) or named.lower()
                had = resolved if self._type(resolved) in ("symptom", "condition") else None
        head = who.group("head").lower()
        head = "people" if head in ("everyone", "anyone", "those") else head
        taken = who.group("taken")
        if taken is not None:
            span = _noun_phrase(taken, from_end=False)
            if span is None:
                return None, None
            drug = self._resolve_name(taken[span[0] : span[1]]) or taken[span[0] : span[1]]
            label = self._label(drug)
            start, _, last = label.rpartition(" ")
            singular = singulars(last) if not last.isupper() else set()
            if singular:
                label = f"{start} {min(singular)}".strip()
            name = f"{_lower_first(label)} users"
            facts.append((name, "takes", drug))
            return self._resolve_name(name) or name, None
        if who.group("state") is not None:
            name = f"{who.group('state').lower()} {head}"  # "people who are pregnant"
        elif who.group("rest") is not None:
            name = f"{(who.group('adjective') or '').lower()} {head} {who.group('rest')}"
        elif who.group("adjective"):
            name = f"{who.group('adjective').lower()} {head}"
        else:
            return None, None  # "people", "everyone": advice for all, no group of its own
        name = " ".join(name.split())
        return self._resolve_name(name) or name, had

    def _fronted_aim(
        self, sentence: Sentence, terms: list[_Term], made: set[tuple[str, str, str]],
        attribution: Attribution,
    ) -> Iterator[Proposal]:
        """"For tension headaches, ibuprofen works well": what the fronted phrase names is treated.

        A sentence that opens with "For <condition>," and goes on with a
        treatment (a therapy, a drug, an action) as the subject of a relation
        says that treatment is for that condition.
        """
        text = sentence.text
        fronted = _FOR_AIM.match(text)
        if fronted is None:
            return
        comma = fronted.end()
        named = [t for t in terms if t.end <= comma and not t.parenthetical]
        if not named:
            # a new topic: the phrase itself ("For tension headaches")
            opening = re.match(r"\W*for\s+", text, re.IGNORECASE)
            at = opening.end() if opening is not None else 0
            span = _noun_phrase(text[at : comma - 1], from_end=False)
            if span is not None:
                name = text[at + span[0] : at + span[1]]
                resolved = self._resolve_name(name)
                named = [_Term(at + span[0], at + span[1], resolved or name,
                               resolved is not None)]
        if not named or self._type(named[-1].name) not in ("symptom", "condition"):
            return  # "For some people, …", "For most cases, …": no condition named
        aim = named[-1]
        treating = {p for s, p, _ in made for t in terms if t.name == s and t.start >= comma
                    and p in ("treats", "reduces")}
        if treating:
            return  # the sentence already says what the treatment does
        # what it does there is how it works ("targets", "blocks", "raises"), not a harm
        subjects = [t for t in terms if t.start >= comma and any(
            s == t.name and p in ("acts_on", "decreases", "increases", "defined_as")
            for s, p, _ in made) and self._type(t.name) in _TREATMENTS]
        certainty = self._certainty(text, comma, len(text))
        for subject in subjects:
            proposal = self._proposal(sentence, subject, "treats", aim, made, confidence=0.4,
                                      cue=fronted.group().strip(), rule="fronted",
                                      cue_at=fronted.span(), certainty=certainty,
                                      attribution=attribution)
            if proposal is not None:
                yield proposal

    def _people(self, name: str) -> bool:
        """Whether ``name`` names a group of people ("parents", "older adults")."""
        label = self._label(name)
        return self._type(name) == "population" or _POPULATION_HEAD.match(label) is not None \
            or _PEOPLE_WORD.fullmatch(label) is not None

    def _consulting(self, who: str) -> str:
        """The vocabulary's action of consulting ``who`` ("a doctor"), or a new name for it."""
        words = {w for w in re.findall(r"[a-z]{4,}", who.lower())} - {"help", "advice"}
        for entity in self._labels.values():
            for name in (entity.label, *entity.synonyms):
                lowered = name.lower()
                if re.match(r"(?:consult|seeing|talking to|speaking to|calling|contacting)",
                            lowered) and words & set(re.findall(r"[a-z]{4,}", lowered)):
                    return entity.id
        who = re.sub(r"^(?:the|your|their|his|her|my|our)\s+", "", who, flags=re.IGNORECASE)
        # "professional help", "medical advice": whom one asks for it
        who = re.sub(r"\s*\b(?:help|advice|care|attention|support)$", "", who, flags=re.IGNORECASE)
        if who.lower() in ("", "medical", "urgent", "emergency", "immediate", "urgent medical"):
            who = "doctor"
        if not re.match(r"(?:an?|the)\s", who, re.IGNORECASE) and not who.endswith("s"):
            who = ("an " if who[:1].lower() in "aeiou" else "a ") + who
        return f"consulting {who.lower()}"

    def _advised(self, text: str, that: re.Match[str]) -> tuple[list[_Term], list[_Term]] | None:
        """What "recommend that <group> <verb> <thing>" advises, and for what: the act
        (<verb>ing the thing) and the group's condition ("people with gout") or the group."""
        verb = that.group("verb").lower()
        span = _noun_phrase(that.group("np"), from_end=False)
        if span is None:
            return None
        at = that.start("np")
        thing = that.group("np")[span[0] : span[1]]
        phrase = f"{_GERUNDS.get(verb) or _gerund(verb)} {thing}"
        resolved = self._resolve_name(phrase)
        act = _Term(at + span[0], at + span[1], resolved or phrase, resolved is not None)
        who = that.group("who")
        having = re.search(r"\b(?:with|who have|who has)\s+(?P<np>.+)$", who, re.IGNORECASE)
        part, part_at = (having.group("np"), that.start("who") + having.start("np")) \
            if having is not None else (who, that.start("who"))
        span = _noun_phrase(part, from_end=having is None)
        if span is None:
            return None
        name = part[span[0] : span[1]]
        resolved = self._resolve_name(name)
        aim = _Term(part_at + span[0], part_at + span[1], resolved or name.lower(),
                    resolved is not None)
        return [act], [aim]

    def _label(self, name: str) -> str:
        """How ``name`` (an entity id or a phrase) reads."""
        entity = self._labels.get(name)
        return entity.label if entity is not None else name

    def _type(self, name: str) -> str:
        entity = self._labels.get(name)
        if entity is not None and entity.id in self._vocabulary_ids:
            return entity.type
        said = self._said.get((entity.label if entity is not None else name).casefold())
        if said is not None:
            return said  # "Allopurinol is a medication": a drug, whatever its name looks like
        return entity.type if entity is not None else guess_type(name)

    def _after_include(self, text: str, terms: list[_Term], after: int) -> list[_Term]:
        """The terms after the "include" (or "is", "are") that follows ``after``."""
        match = re.compile(r"\b(?:include|includes|are|is)\b", re.IGNORECASE).search(text, after)
        if match is None:
            return []
        return self._side(text, terms, match.end(), len(text), left=False)

    def _population(
        self, statistic: Statistic, terms: list[_Term], text: str, left: list[_Term],
        labels: dict[str, Entity], facts: list[tuple[str, str, str]],
    ) -> tuple[str | None, str | None]:
        """The population entity (id or new name) and the agent it takes, if any."""
        found = self._populations(statistic, terms, text, left, labels, facts)
        return found[0] if found else (None, None)

    def _populations(
        self, statistic: Statistic, terms: list[_Term], text: str, left: list[_Term],
        labels: dict[str, Entity], facts: list[tuple[str, str, str]], users_act: bool = False,
    ) -> list[tuple[str | None, str | None]]:
        """Each agent of "of people who take A or B" with its population.

        ``users_act``: the counted people are the clause's subject ("5% of statin users
        report …"), so "X users" names X as what they take, as "people taking X" does.
        """
        phrase = statistic.population
        agent_text = statistic.agent
        if phrase is None:
            return []
        if agent_text:
            at = text.find(agent_text, statistic.end)
            inside = [t for t in terms if at <= t.start and t.end <= at + len(agent_text)]
            names = list(dict.fromkeys(t.name for t in inside))
            if len(names) > 1:
                return [self._population_of(statistic, name, labels, facts) for name in names]
        return [self._population_one(statistic, terms, text, left, labels, facts, users_act)]

    def _population_one(
        self, statistic: Statistic, terms: list[_Term], text: str, left: list[_Term],
        labels: dict[str, Entity], facts: list[tuple[str, str, str]], users_act: bool = False,
    ) -> tuple[str | None, str | None]:
        agent_text = statistic.agent
        agent: str | None = None
        if agent_text:
            at = text.find(agent_text, statistic.end)
            inside = [t for t in terms if at <= t.start and t.end <= at + len(agent_text)]
            if inside:
                agent = inside[0].name
            elif _PRONOUN.match(agent_text.split()[0]):
                # "of people taking it": what is taken, not the symptom the sentence counts
                # ("Bleeding occurs in 1% of people taking it" after "Ibuprofen …": ibuprofen)
                before = [t.name for t in terms if t.start < statistic.start]
                taken = [n for n in before if self._type(n) not in _NOT_TAKEN]
                referent = self._referent(agent_text.split()[0], left=False)
                agent = next(iter(taken), None)
                if agent is None and referent is not None and self._type(
                        referent) not in _NOT_TAKEN:
                    agent = referent
                if agent is None:
                    agent = next(iter(before), None)
                if agent is None and left:
                    agent = left[0].name
            else:
                span = _noun_phrase(agent_text, from_end=False)
                agent = agent_text[span[0] : span[1]] if span else None
        elif users_act and statistic.takes and statistic.population and (users := re.search(
                r"\busers$", statistic.population, re.IGNORECASE)) is not None:
            # "5% of statin users report muscle aches", as "… of people taking statins": the
            # users of a drug-like term the phrase names (or the vocabulary's group of them)
            at = text.find(statistic.population, statistic.end)
            used = [t for t in terms if at >= 0 and at <= t.start and
                    t.end <= at + users.start() and self._type(t.name) in _TAKEN_LIKE]
            group = self._resolve_name(statistic.population)
            group_takes = labels[group].takes if group in labels else None
            agent = used[-1].name if used else group_takes
            named = statistic.population[: users.start()].split()
            if agent is None and named and self._type(named[-1]) in _TAKEN_LIKE:
                agent = self._resolve_name(named[-1]) or named[-1]  # a name that says a drug
        if agent is None:
            return None, None
        return self._population_of(statistic, agent, labels, facts)

    def _bare_population(self, statistic: Statistic) -> str | None:
        """"adults over 45", "participants": the counted people when they take nothing."""
        phrase = statistic.population
        if phrase is None or statistic.agent:
            return None
        phrase = re.sub(r"^(?:the|all|those)\s+", "", phrase, flags=re.IGNORECASE)
        if phrase.lower() in ("people", "those", "persons", "individuals"):
            resolved = self._resolve_name("people")
            return resolved or "people"
        resolved = self._resolve_name(phrase)
        return resolved or phrase

    def _population_of(
        self, statistic: Statistic, agent: str, labels: dict[str, Entity],
        facts: list[tuple[str, str, str]],
    ) -> tuple[str | None, str | None]:
        fact = "takes" if statistic.takes else "has_condition"
        setting = _SETTING_END.search(statistic.population or "")
        if setting is not None:
            # "of people taking antibiotics in hospital": some of the antibiotic users, the
            # ones in hospital, a narrower group (a figure for them is not one for all users)
            base, taken = self._population_of(replace(
                statistic, population=(statistic.population or "")[: setting.start()]),
                agent, labels, facts)
            if base is None:
                return base, taken
            name = f"{labels[base].label if base in labels else base} {setting.group('setting')}"
            facts.append((name, "broader", base))
            if taken is not None:
                facts.append((name, "takes", taken))
            return name, taken
        narrowed = _POPULATION_HEAD.match(statistic.population or "")
        modifier = narrowed.group("modifier") if narrowed is not None else None
        for entity in labels.values():
            if entity.type == "population" and getattr(entity, fact) == agent and (
                    modifier is None or entity.label.lower().startswith(modifier.lower())):
                # "long-term patients" of SSRIs: long-term SSRI users, if the vocabulary has
                # them, before SSRI users
                return entity.id, agent if fact == "takes" else None
        for entity in labels.values():
            if entity.type == "population" and getattr(entity, fact) == agent and (
                    modifier is None):
                return entity.id, agent if fact == "takes" else None
        agent_label = labels[agent].label if agent in labels else agent
        if agent_label[:1].isupper() and agent_label[1:2].islower():
            agent_label = _lower_first(agent_label)  # "Ibuprofen causes …": ibuprofen users
        head, _, last = agent_label.rpartition(" ")
        # "statins" → "statin users"; a condition keeps its name ("people with diabetes")
        singular = singulars(last) if fact == "takes" and not last.isupper() else set()
        if singular:
            agent_label = f"{head} {min(singular)}".strip()
        name = f"{agent_label} users" if fact == "takes" else f"people with {agent_label}"
        if narrowed is not None and narrowed.group("modifier"):
            # "older adults on PPIs": older PPI users, a narrower group than PPI users
            name = f"{narrowed.group('modifier').lower()} {name}"
        facts.append((name, fact, agent))
        return name, agent if fact == "takes" else None

    def _lead(self, item: Sentence) -> str | None:
        """The sentence that leads into the list ``item`` belongs to (ending with ":")."""
        before = [s for s in self._sentences if s.end <= item.start]
        while before and before[-1].kind == "item":
            before.pop()
        if before and before[-1].text.rstrip().endswith(":"):
            return before[-1].text
        return None

    def _cooccurrence(
        self, sentence: Sentence, terms: list[_Term], attribution: Attribution, state: _State
    ) -> Iterator[Proposal]:
        """Two known terms in one sentence and no cue: a weak ``associated_with`` draft."""
        if _first_word(sentence.text) in _IMPERATIVES:
            return  # an instruction: it recommends what it names (see _recommendation)
        distinct: list[_Term] = []
        for term in terms:
            if not term.parenthetical and all(term.name != t.name for t in distinct):
                distinct.append(term)
        # "Many people believe …", "for about 7 in 10 people", "In children, …": who the
        # sentence is about or counts, never a thing linked to the other term
        distinct = [t for t in distinct if self._type(t.name) != "population"
                    and self._label(t.name).casefold() not in _BARE_PEOPLE]
        # one term and no cue: a draft names only what its sentence, or a pronoun in it,
        # names — never the article's topic in its place ("Probiotics are safe for most
        # people." is no link between probiotics and what the article is about; "People
        # describe it as detachment" links detachment with what "it" stands for)
        pronoun: re.Match[str] | None = None
        if (len(distinct) == 1 and sentence.section not in ("references", "list")
                and _first_word(sentence.text) not in _IMPERATIVES):
            pronoun = next((m for m in _COOCCURRING_PRONOUN.finditer(sentence.text)
                            if not any(t.start <= m.start() < t.end for t in terms)), None)
            meant = self._referent(pronoun.group(), left=pronoun.start() < distinct[0].start) \
                if pronoun is not None else None
            if meant is None or meant == distinct[0].name:
                return
            distinct.insert(0, _Term(0, 0, meant, meant in self._labels))
        if len(distinct) < 2:
            return
        first, second = distinct[0], distinct[1]
        certainty = self._certainty(sentence.text, first.end, second.start)
        negation = self._negation.negated(sentence.text, second.start, second.end) \
            if self._negation else None
        if negation is not None and not first.end:
            # "Dr. Nair, who was not involved in the study, said the trial …": without a cue
            # the sentence links nothing, so a "not" in it denies no link either
            return
        pronoun_word = pronoun.group() if pronoun is not None else ""
        state.last_subject = first.name
        features = self._features(sentence, first, second, prior=0.3 if first.end else 0.2,
                                  rule="cooccurrence", cue_at=None, certainty=certainty,
                                  negated=negation is not None)
        yield Proposal(
            quote=sentence.text, start=sentence.start, section=sentence.section,
            subject=first.name, predicate="associated_with", object=second.name,
            certainty=certainty, negated=negation is not None, attribution=attribution,
            confidence=round(calibrated(features), 2),
            cues=("co-occurrence",) if first.end else ("co-occurrence", pronoun_word),
            features=tuple(features.items()),
        )  # fmt: skip

    def _consult_reason(
        self, sentence: Sentence, topic: str, labels: dict[str, Entity]
    ) -> Proposal | None:
        """A list item under "When to see a doctor" or "Contact a doctor if:": consulting.

        Every item (a sign, a situation) is a reason to consult whom the heading
        or the lead-in names: the advice is consulting them, for the topic.
        """
        if sentence.kind != "item":
            return None
        when = _WHEN_TO_SEE.match(sentence.heading or "")
        if when is None:
            lead = self._lead(sentence)
            when = _CONSULT_IF.search(lead) if lead is not None else None
        if when is None:
            return None
        advice = self._consulting(when.group("who").strip())
        topic = self._item_sign(sentence) or topic
        certainty = Certainty()
        features = self._features(
            sentence, _Term(0, 0, advice, advice in labels),
            _Term(0, 0, topic, topic in labels), prior=0.35, rule="recommendation",
            cue_at=None, certainty=certainty, negated=False)
        return Proposal(
            quote=sentence.text, start=sentence.start, section=sentence.section,
            subject=advice, predicate="recommends", object=topic,
            certainty=certainty, confidence=round(calibrated(features), 2),
            cues=(when.group().strip(),), features=tuple(features.items()),
        )  # fmt: skip

    def _item_sign(self, sentence: Sentence) -> str | None:
        """The symptom or condition an item's own "if" clause names, if any.

        "Talk to your doctor if you have muscle weakness": muscle weakness,
        whatever the article is mostly about.
        """
        condition = _CONDITION_CLAUSE.search(sentence.text)
        if condition is None:
            return None
        for term in self._terms(sentence, self._matches):
            if term.start >= condition.start() and self._type(term.name) in (
                    "symptom", "condition"):
                return term.name
        having = _HAVING.match(sentence.text, condition.end())
        if having is None:
            return None
        span = _noun_phrase(having.group("np"), from_end=False)
        if span is None:
            return None
        name = having.group("np")[span[0] : span[1]]
        if _not_a_term(name):
            return None
        return self._resolve_name(name) or name.lower()

    def _had(self, clause: str) -> str | None:
        """What "if you have X" names in ``clause``: a term's id or its words (or None)."""
        condition = _CONDITION_CLAUSE.search(clause)
        having = _HAVING.match(clause, condition.end()) if condition is not None else None
        if having is None:
            return None
        np = having.group("np")
        signs = _SIGNS_OF.match(np)
        if signs is not None:
            np = signs.group("of")  # "if you have symptoms of a UTI": the UTI
        span = _noun_phrase(np, from_end=False)
        if span is None:
            return None
        name = np[span[0] : span[1]]
        if _not_a_term(name) or _PRONOUN.match(name) or _SIGNS_OF.match(name + " of x"):
            return None
        return self._resolve_name(name) or name.lower()

    def _recommendation(
        self, sentence: Sentence, matches: list[TermMatch], topic: str | None,
        labels: dict[str, Entity],
    ) -> Iterator[Proposal]:
        """A list item: signs under "Signs…", causes under "Causes…", else recommendations.

        The heading above the list, or the sentence that leads into it, says
        what its items are; an item that starts with a verb ("Try …", "Talk
        to …") recommends what it names.
        """
        if topic is None and _ADVICE_AIM.search(sentence.text) is None:
            return  # advice for nothing named ("Do not take X for Y" names Y)
        first = _first_word(sentence.text)
        leads = [x for x in (sentence.heading, self._lead(sentence)) if x]
        lead = " ".join(leads)
        kind = next((k for k, pattern in _LIST_KINDS for x in leads if pattern.search(x)), None)
        if kind is not None and sentence.kind == "item" and topic is not None:
            named = next((m for x in leads if (m := _LIST_OF.search(x))), None)
            if named is not None:
                # "Signs of statin myopathy": the items are signs of that, not of the topic
                span = _noun_phrase(named.group("x"), from_end=False)
                if span is not None:
                    phrase = named.group("x")[span[0] : span[1]]
                    topic = self._resolve_name(phrase) or phrase.lower()
            terms = [t for t in self._terms(sentence, matches) if t.name != topic]
            if not terms:
                span = _noun_phrase(sentence.text, from_end=False)
                if span is None:
                    return
                terms = [_Term(span[0], span[1], sentence.text[span[0] : span[1]], False)]
            made: set[tuple[str, str, str]] = set()
            for term in terms:
                proposal = self._proposal(sentence, term, kind, _Term(0, 0, topic, topic in labels),
                                          made, confidence=0.35, cue=lead.strip()[:60],
                                          rule="list")
                if proposal is not None:
                    yield proposal
            return
        reason = self._consult_reason(sentence, topic, labels) if topic is not None else None
        if reason is not None:
            yield reason
            return
        if not first.isalpha():
            return
        if first not in _IMPERATIVES and _STATEMENT.search(sentence.text):
            # an item that is a statement ("Vitamin B12 supplements can correct a
            # deficiency.") says something; only a bare item or an imperative advises
            return
        _, verb_at, at = _first_verb(sentence.text)
        if _NO_OBJECT.match(sentence.text, at):
            return  # "Do not stop on your own": stopping what, the sentence does not say
        if (first in ("keep", "store") and _STORAGE.search(sentence.text, at)) or (
                first in _TAKEN and _HOW_TO_TAKE.search(sentence.text, at) and not any(
                    self._type(t.name) in ("symptom", "condition") and t.name != topic
                    for t in self._terms(sentence, matches))):
            # "Keep tablets out of the reach of children", "Give it 30 minutes before
            # bedtime", "Take ibuprofen with food": how to store or take a thing, which
            # recommends it for nothing (unless the tip names what it is for)
            return
        # the advice ends with its clause: "Do not stop a PPI suddenly; stopping can cause
        # rebound reflux" advises nothing about the reflux
        advice_end = _ADVICE_END.search(sentence.text, at)
        terms = [t for t in self._terms(sentence, matches) if t.name != topic and (
            advice_end is None or t.start < advice_end.start())]
        fronted = _FRONTED_CONDITION.match(sentence.text) if verb_at > 0 else None
        if_clause: str | None = None
        if fronted is not None and fronted.end() <= verb_at:
            # "If you have gout, avoid beer": the advice is about the gout, as in "Avoid beer
            # if you have gout"; the condition is said apart
            about = [t for t in terms if t.end <= fronted.end() and self._type(t.name) in (
                "symptom", "condition")]
            terms = [t for t in terms if t.start >= verb_at]
            if_clause = fronted.group("clause")
            sign = about[0].name if about else self._had(fronted.group("clause"))
            if sign is not None:
                topic = sign
        else:
            condition = _CONDITION_CLAUSE.search(sentence.text, at)
            if condition is not None:
                # "Talk to your doctor if insomnia persists": the advice is about insomnia
                about = [t for t in terms if t.start >= condition.start()]
                terms = [t for t in terms if t.start < condition.start()]
                if_clause = sentence.text[condition.start() : _clause_end(
                    sentence.text, condition.end())].strip(" ,;:.!?")
                if about:
                    topic = about[0].name
                elif (sign := self._had(sentence.text[condition.start() :])) is not None:
                    topic = sign  # "Avoid ibuprofen if you have stomach ulcers"
        specific = [t for t in terms if self._type(t.name) != "concept"]
        terms = specific or terms
        if first in _TAKEN and first not in _GERUNDS:
            # "Never take aspirin with warfarin": what is (not) to be taken is the words right
            # after the verb, not a term further on
            span = _noun_phrase(sentence.text[at:], from_end=False)
            if span is not None and sentence.text[at : at + span[0]].strip().lower() in (
                    "", "a", "an", "the", "your", "any", "some", "more", "extra") and (
                    not terms or (at + span[1] <= terms[0].start and _WITH_WHAT.match(
                        sentence.text, at + span[1], terms[0].start))):
                s, e = span[0] + at, span[1] + at
                name = sentence.text[s:e]
                if not _PRONOUN.match(name) and not _not_a_term(name):
                    resolved = self._resolve_name(name)
                    terms = [_Term(s, e, resolved or name, resolved is not None)]
        to_verb = re.match(r"\s+to\s+(?P<verb>[A-Za-z]{2,})\s+", sentence.text[at:])
        if not terms and to_verb is not None and not _is_stop(to_verb.group("verb")):
            # "Try to keep a regular bedtime": keeping a regular bedtime, not "keep"
            rest_at = at + to_verb.end()
            span = _noun_phrase(sentence.text[rest_at:], from_end=False)
            e = at + to_verb.end("verb")
            phrase = _gerund(to_verb.group("verb"))
            if span is not None and sentence.text[rest_at : rest_at + span[0]].strip().lower() \
                    in ("", "a", "an", "the", "your", "their", "some") and not any(
                    w.lower() in _TIME_UNITS for w in sentence.text[
                    rest_at + span[0] : rest_at + span[1]].split()):
                # its object, but not "every day"
                s, e = span[0] + rest_at, span[1] + rest_at
                phrase = f"{phrase} {sentence.text[s:e]}".lower()
            resolved = self._resolve_name(phrase)
            terms = [_Term(at + to_verb.start("verb"), e, resolved or phrase,
                           resolved is not None)]
        if not terms:
            span = _noun_phrase(sentence.text[at:], from_end=False)
            if span is None:
                return
            s, e = span[0] + at, span[1] + at
            terms = [_Term(s, e, sentence.text[s:e], False)]
        if first in _CONSULTING:
            # "Talk to your doctor about adjusting the dose": consulting, and what to discuss
            after = re.match(r"\s*(?:to|with)?\s*", sentence.text[at:])
            whom_at = at + (after.end() if after else 0)
            span = _noun_phrase(sentence.text[whom_at:], from_end=False)
            if span is not None:
                whom = sentence.text[whom_at + span[0] : whom_at + span[1]]
                phrase = f"{_CONSULTING[first]} {whom}".lower()
                resolved = self._resolve_name(phrase)
                if resolved is None and _PROFESSIONAL.search(whom):
                    # "Talk to your doctor": the one action of consulting a doctor, however
                    # the text words it
                    phrase = self._consulting(whom)
                    resolved = phrase if phrase in self._labels else None
                consulting = _Term(whom_at + span[0], whom_at + span[1], resolved or phrase,
                                   resolved is not None)
                terms = [consulting, *[t for t in terms if t.start >= consulting.end
                                       and t.known]]
        elif first not in _IMPERATIVES and first not in _GERUNDS and not _is_stop(first) \
                and not first.endswith(("ing", "ed", "s")) and re.match(
                r"\s+(?:your|the|a|an|enough|more|less|plenty of|regular|some)\b",
                sentence.text[at:], re.IGNORECASE) and sentence.kind == "item":
            # "Wash your hands often": a list item opening with a verb and its object
            # recommends doing it
            span = _noun_phrase(sentence.text[at:], from_end=False)
            if span is not None:
                s, e = span[0] + at, span[1] + at
                phrase = f"{_gerund(first)} {sentence.text[s:e]}".lower()
                resolved = self._resolve_name(phrase)
                terms = [_Term(s, e, resolved or phrase, resolved is not None)]
        elif first in _GERUNDS:
            # "Avoid caffeine": what is recommended is avoiding it, not caffeine
            acted = []
            span = _noun_phrase(sentence.text[at:], from_end=False)
            if span is not None and (not terms or at + span[1] <= terms[0].start):
                # "Drink water on fasting days": the words right after the verb, not a
                # term further on
                s, e = span[0] + at, span[1] + at
                terms = [_Term(s, e, sentence.text[s:e], False)]
            also = re.match(r"\s+(?:and|or)\s+(?P<np>[A-Za-z][\w-]*(?:\s+[A-Za-z][\w-]*)?)\b",
                            sentence.text[terms[0].end :]) if terms else None
            if also is not None and not any(_is_stop(w) for w in also.group("np").split()):
                # "Avoid alcohol and caffeine": avoiding each
                at_np = terms[0].end + also.start("np")
                np_text = also.group("np")
                resolved = self._resolve_name(np_text)
                if resolved is None:  # "caffeine close to bedtime": the one word
                    np_text = np_text.split()[0]
                    resolved = self._resolve_name(np_text)
                terms = [terms[0], _Term(at_np, at_np + len(np_text), resolved or np_text,
                                         resolved is not None)]
            for term in terms[:2]:
                label = labels[term.name].label if term.name in labels else term.name
                phrase = f"{_GERUNDS[first]} {label}"
                resolved = self._resolve_name(phrase)
                acted.append(_Term(term.start, term.end, resolved or phrase, resolved is not None))
            terms = acted
        # the hedge of the list's lead-in ("steps that may help:") or of the sentence itself
        lead_in = self._lead(sentence) if sentence.kind == "item" else None
        hedged = lead_in or sentence.text
        certainty = self._certainty(hedged, len(hedged), len(hedged))
        # "Never stop taking your medicine": stopping it is advised against
        denied = _DENIED_IMPERATIVE.match(sentence.text)
        aim = _ADVICE_AIM.match(sentence.text, terms[0].end) if terms and terms[0].end else None
        aimed_at: tuple[int, int] = (0, 0)  # where the sentence names what it is for
        if aim is not None and if_clause is None:
            # "Do not take antibiotics for a cold", "There is no need to take X to prevent
            # Y": the advice is for what it names, not for the article's topic
            span = _noun_phrase(aim.group("np"), from_end=False)
            if span is not None:
                name = aim.group("np")[span[0] : span[1]]
                resolved = self._resolve_name(name) or name
                if self._type(resolved) in ("symptom", "condition"):
                    topic = resolved
                    aimed_at = (aim.start("np") + span[0], aim.start("np") + span[1])
        if topic is None:
            return
        seen: set[str] = {topic}  # "Check your blood pressure" under a blood pressure topic
        for term in terms:
            if term.name in seen or (not term.known and _not_a_term(term.name)):
                continue
            seen.add(term.name)
            word = re.search(rf"\b{re.escape(first)}\b", sentence.text, re.IGNORECASE)
            # "Take X for Y", "Do not take X for Y": with what it is for written in it, an
            # imperative says as plainly as "You should (not) take X for Y" does
            aimed = aimed_at[1] > aimed_at[0] and term.end > term.start
            features = self._features(
                sentence, term, _Term(*aimed_at, topic, topic in labels),
                prior=0.5 if aimed else 0.45 if term.known else 0.3,
                rule="cue" if aimed else "recommendation", advice=True,
                cue_at=word.span() if word else None, certainty=certainty, negated=False)
            yield Proposal(
                quote=sentence.text, start=sentence.start, section=sentence.section,
                subject=term.name, predicate="recommends", object=topic,
                certainty=certainty, confidence=round(calibrated(features), 2),
                negated=denied is not None,
                condition=if_clause,
                cues=tuple(c for c in (first, certainty.cue, denied and denied.group("no"))
                           if c),
                features=tuple(features.items()),
            )  # fmt: skip


#: "older adults on …", "long-term users of …": what narrows a counted population
_POPULATION_HEAD = re.compile(
    r"^(?:the\s+|all\s+)?(?P<modifier>(?:older|elderly|younger|young|pregnant|postmenopausal|"
    r"long-term|short-term|new|first-time|healthy|hospitali[sz]ed|adolescent|teenage|female|"
    r"male|obese|overweight)(?:\s+and\s+\w+)?)?\s*(?:people|patients|individuals|adults|"
    r"users|participants|persons|men|women|children|respondents|subjects|"
    r"travell?ers|workers|employees|students|athletes|drivers|residents|seniors|infants|babies|mothers|veterans|runners|teenagers)\b",
    re.IGNORECASE,
)
#: "When to see a doctor", "When to seek professional help": the heading of reasons to consult
_WHEN_TO_SEE = re.compile(
    r"^\W*when\s+(?:you\s+should\s+|should\s+you\s+)?(?:to\s+)?(?P<verb>see|seek|call|contact|"
    r"consult|talk\s+to|speak\s+to|get)\s+(?P<who>(?:an?\s+|the\s+|your\s+)?[\w -]{3,40}?)"
    r"\s*\??$",
    re.IGNORECASE,
)
#: "A person should contact a doctor if:", "See your GP when:": a lead-in whose list items
#: are reasons to consult
_CONSULT_IF = re.compile(
    r"\b(?:see|seek|call|contact|consult|talk\s+to|speak\s+to|get)\s+(?P<who>(?:an?\s+|the\s+|"
    r"your\s+)?[\w -]{3,40}?)\s+(?:if|when|whenever|in case)\b[^.;!?]{0,40}:\s*$",
    re.IGNORECASE,
)
#: a cue that opens with a noun ("therapy for"): after a modifier, that noun is the subject's
_NOMINAL_HEAD = re.compile(r"(?:therap(?:y|ies)|treatments?|remed(?:y|ies))\b", re.IGNORECASE)
#: "should ask", "talk to", "consult": a cue whose object is whom to consult
#: "helps shift workers sleep", "may help smokers (to) quit", "does not help older adults
#: walk further": what the help lets a group of people do (the group, then a bare verb)
_HELPS_GROUP = re.compile(
    r"(?<![\w-])help(?:s|ed)?\s+(?P<group>(?:(?!(?:to|and|or|of|for|the|help|who)\b)"
    r"[a-z][\w-]*\s+){0,3}?(?:people|patients|adults|children|"
    r"kids|women|men|users|individuals|smokers|seniors|teenagers|adolescents|infants|babies|"
    r"travell?ers|athletes|workers|drinkers|runners|students|employees|dieters|sufferers)"
    r"(?:\s+with\s+[a-z][\w-]*(?:\s+[a-z][\w-]*)??)?)\s+(?:to\s+)?(?P<verb>[a-z]+)\b"
    r"(?P<rest>(?:\s+(?!(?:during|at|in|on|for|with|after|before|when|while|by|and|or|but|"
    r"than|because|if|through|from|to|as|more|better|faster|longer|again|each|every|"
    r"the|a|an|their|your|his|her|its)\b)[a-z][\w-]*){0,2})",
    re.IGNORECASE,
)
#: the people a piece of advice is for: "everyone taking metformin", "people who are
#: severely immunocompromised", "children with asthma", "pregnant women"
_ADVISED_PEOPLE = (
    r"(?:people|everyone|anyone|adults|children|kids|women|men|patients|those|individuals|"
    r"babies|infants|teenagers|adolescents|smokers|athletes|residents|mothers)")
_ADVISED_WHO = re.compile(
    r"(?:(?:all|most|any)\s+)?(?P<adjective>(?:[a-z][\w-]*\s+){0,2}?)?"
    rf"(?P<head>{_ADVISED_PEOPLE})"
    r"(?:\s+(?:(?:taking|on|using|who\s+(?:take|use|are\s+taking|are\s+on))\s+(?P<taken>.+)|"
    r"who\s+are\s+(?P<state>(?:\w+ly\s+)?[a-z][\w-]*)|"
    r"(?P<rest>(?:with|without|aged|over|under|in)\s+.+)))?", re.IGNORECASE)
_ADVISED_GROUP = (
    rf"(?P<group>(?:(?:all|most|any)\s+)?(?:[a-z][\w-]*\s+){{0,2}}?{_ADVISED_PEOPLE}"
    r"(?:\s+(?:taking|on|using|who|with|without|aged|over|under|in)\s+[^,.;:()]+?)?)"
    r"(?=\s*(?:[,.;:()]|$)|\s+(?:unless|if|because|as|since|until|when|while|and|or|but|"
    r"according|every|each|daily|should|must)\b)")
#: the shapes of advice for a group (see RuleExtractor._advice_for_group)
_ADVISED_FOR = (
    # "X is not recommended for people taking Y", "X should not be given to children with Y"
    re.compile(r"(?:(?:is|are)\s+(?P<no>not\s+|never\s+)?(?:\w+ly\s+)?|should\s+"
               r"(?P<nob>not\s+|never\s+)?be\s+(?:\w+ly\s+)?)"
               r"(?P<verb>recommended|advised|given|prescribed|offered|used|taken)\s+(?:for|to|by)\s+"
               + _ADVISED_GROUP, re.IGNORECASE),
    # "We (do not) recommend X (every year) for everyone taking Y"
    re.compile(r"\b(?:we|doctors|guidelines|experts|nice|the\s+\w+)\s+(?P<no>do\s+not\s+|"
               r"don't\s+|never\s+)?(?P<verb>recommend|advise|suggest)\s+(?P<thing>[^,.;:]+?)"
               r"\s+(?:(?:every|each|once|twice)\s+[a-z]+\s+)?for\s+" + _ADVISED_GROUP,
               re.IGNORECASE),
    # "Everyone taking Y should take X", "People who are pregnant should avoid X"
    re.compile(r"^\W*" + _ADVISED_GROUP + r"\s+should\s+(?P<no>not\s+|never\s+)?"
               r"(?P<verb>take|use|have|get|avoid|be\s+given)\s+(?P<thing>[^,.;:]+)",
               re.IGNORECASE),
)
#: words after "helps <people>" that are no verb of theirs
_NOT_A_HELPED_VERB = _wordset("who whose which that there here feel")


def _helped_to_do(text: str, helps: re.Match[str]) -> bool:
    """Whether a match of :data:`_HELPS_GROUP` names what the group is helped to do.

    "helps smokers quit", "helps people with obesity lose weight": yes; "helps people
    feel …", "helps people reduce stress" (a cue, read as one): no.
    """
    verb = helps.group("verb").lower()
    return not (_is_stop(verb) or verb.endswith(("ing", "ly")) or verb in _NOT_A_HELPED_VERB
                or any(c.pattern.match(text, helps.start("verb")) for c in RELATION_CUES))
#: "(talk to a doctor) before giving (taking, starting) …": what the consultation is about
_BEFORE_TAKING = re.compile(
    r"\b(?:before|when|if|while)\s+(?:you\s+|they\s+)?(?:giving|taking|using|starting|trying|"
    r"stopping|give|take|use|start|try|stop)\b", re.IGNORECASE)
#: a plain word for people an advice is given to
_PEOPLE_WORD = re.compile(
    r"(?:(?:new|young|first-time|older|expectant)\s+)?(?:parents|carers|caregivers|mothers|"
    r"fathers|families|guardians|grandparents|people|patients|adults|users|consumers)",
    re.IGNORECASE)
_CONSULT_CUE = re.compile(r"\b(?:ask|talk|consult|see|speak|call|contact)\w*\b", re.IGNORECASE)
#: whom one consults
_PROFESSIONAL = re.compile(
    r"\b(?:doctor|gp|physician|clinician|pharmacist|nurse|specialist|professional|dentist|"
    r"midwife|therapist|prescriber|provider|care team|\w+ologist|\w+iatrist|optometrist|"
    r"physiotherapist|dietitian|\w+ician)s?\b",
    re.IGNORECASE,
)
#: who recommends: a profession, an authority or a guideline, not what is recommended
#: "(customers) with an irregular heartbeat (speak to …)": who has what
_WITH_CONDITION = re.compile(r"\s+(?:with|who have|who has)\s+(?P<np>[^,.;:]+?)\s+"
                             r"(?:should|must|need|needs|ought|are|is|can|may|to|speak|talk|"
                             r"ask|see|consult|check)\b", re.IGNORECASE)
#: a prepositional phrase that opens a clause: "In people with X, …", "Unlike statins, …"
#: "it's common for older adults to have …": how common the outcome is in that group
_COMMON_FOR = re.compile(
    r"\b(?:it\s+is|it's|it’s|it\s+can\s+be)\s+(?:very\s+|quite\s+|fairly\s+|especially\s+|"
    r"also\s+|not\s+un)?(?:common|usual|typical|normal)\s+for\s+(?P<who>[^,;:.]{2,60}?)\s+to\s+",
    re.IGNORECASE,
)
#: "For tension headaches, …": a sentence that opens with what it is about
_FOR_AIM = re.compile(r"^\W*for\s+(?!(?:some|many|most|all|other|example|instance|others|"
                      r"people|patients|this|that|these|those|now|years?|months?|weeks?|days?)\b)"
                      r"[^,;:.]{3,60},", re.IGNORECASE)
#: what treats: the types a fronted "For X," names a treatment of
_TREATMENTS = frozenset({"therapy", "drug", "drug_class", "brand", "action", "practice"})
_FRONTED_PHRASE = re.compile(
    r"\s*(?:in|among|for|after|during|with|without|unlike|like|despite|compared with)\s",
    re.IGNORECASE,
)
#: "is recommended by (most heart) …": the passive names who recommends right after "by"
_BY_RECOMMENDER = re.compile(
    r"\b(?:recommended|advised|endorsed|suggested|prescribed)\b[^.;:]{0,40}?\bby\s+"
    r"(?:[\w-]+\s+){0,3}$",
    re.IGNORECASE,
)
_RECOMMENDER = re.compile(
    r"^(?:(?:most|many|some|the|all|leading|national|current)\s+)*"
    r"(?:(?!we\b|they\b|you\b)[a-z][\w-]*\s+){0,2}?(?:doctors?|physicians?|"
    r"clinicians?|experts?|guidelines?|specialists?|nurses?|pharmacists?|researchers?|"
    r"midwi(?:fe|ves)|"
    r"authorities|organi[sz]ations?|societ(?:y|ies)|associations?|agenc(?:y|ies)|"
    r"\w+ists?|\w+ians?|(?-i:[A-Z]{2,6}s?)|we|they|you)$",
    re.IGNORECASE,
)
#: a finite verb: a list item with one is a statement, not a piece of advice
_STATEMENT = re.compile(
    r"\b(?:is|are|was|were|has|have|had|can|may|might|could|will|would|should|must|does|do|"
    r"did)\b", re.IGNORECASE)
#: "(if) you have muscle weakness", "(when) they develop a rash": the sign a person has
_HAVING = re.compile(
    r"\s+(?:you|they|he|she|the person|a person|your child|someone)\s+(?:have|has|get|gets|"
    r"develop|develops|experience|experiences|notice|notices|are having|start having)\s+"
    r"(?:any\s+|a\s+|an\s+|new\s+|sudden\s+|severe\s+)*(?P<np>[^,.;:()]+)",
    re.IGNORECASE,
)
_CONDITION_CLAUSE = re.compile(r"\b(?:if|when|whenever|in case|should)\b", re.IGNORECASE)
#: imperatives whose object is not itself the advice: "avoid X" recommends avoiding X
_GERUNDS = {
    "avoid": "avoiding", "stop": "stopping", "limit": "limiting", "cut": "cutting",
    "reduce": "reducing", "quit": "quitting", "skip": "skipping", "restrict": "restricting",
    "drink": "drinking", "eat": "eating", "stay": "staying", "get": "getting",
}  # fmt: skip
#: a count of people who stop a drug, right before "because of": "5% stop taking it"
_COUNTED_QUIT = re.compile(
    r"(?:\d[\d.,]*\s*(?:%|percent|per\s*cent)|\b(?:one|two|three|1|2|3) in \w+|\b(?:many|some|"
    r"most|few|half|a third|a quarter)(?:\s+(?:of\s+)?(?:them|people|patients|users))?|"
    r"\b(?:people|patients|users))\s+(?:\w+ly\s+)?(?P<verb>stop(?:s|ped)?|quit(?:s)?|"
    r"discontinue[sd]?|give up|gave up)(?P<what>(?:\s+(?:taking|using))?\s+(?:the\s+|their\s+)?)"
    r"[^,;:]{0,40}?\s*$", re.IGNORECASE)
#: "(recommend) that people with gout (should) avoid alcohol": who, the verb, its object
_RECOMMEND_THAT = re.compile(
    r"\s+that\s+(?P<who>(?:all\s+|most\s+|many\s+)?(?:[\w-]+\s+){0,2}?(?:people|patients|"
    r"adults|children|women|men|those|anyone|individuals|parents|travell?ers|athletes|"
    r"smokers|users)(?:\s+(?:with|who have|who has)\s+[^,.;:]+?)?)\s+(?:should\s+)?"
    r"(?P<verb>[a-z]+)\s+(?P<np>[^,.;:]+)", re.IGNORECASE)
#: verbs of advice besides the imperatives a list item opens with
_ADVISED_VERBS = _wordset("carry wear limit avoid drink eat take use get keep have")
#: who is advised, by what they have: "(advise) people with gout (to avoid …)"
_ADVISED_HAVING = re.compile(
    r"\s+(?:all\s+|most\s+|many\s+)?(?:[\w-]+\s+){0,2}?(?:people|patients|adults|children|"
    r"women|men|those|anyone|individuals|parents)\s+(?:with|who have|who has)\s+"
    r"(?P<np>[^,.;:]+?)(?=\s+to\s+[a-z]+\s)", re.IGNORECASE)
#: what someone is advised to do: "(advise pregnant women) to limit caffeine"
_ADVISED_TO = re.compile(r"\s*to\s+(?P<verb>[a-z]+(?P<particle>\s+(?:down|back)\s+on|\s+out|"
                         r"\s+away\s+from|\s+clear\s+of)?)\s+(?P<np>[^,.;:]+)", re.IGNORECASE)
#: imperatives that send the reader to someone: the advice is consulting them (and the
#: things named are what to discuss)
_CONSULTING = {
    "talk": "talking to", "speak": "speaking to", "consult": "consulting", "see": "seeing",
    "ask": "asking", "call": "calling", "contact": "contacting",
}  # fmt: skip

#: what a list's heading or lead-in says its items are: (predicate, pattern)
_LIST_KINDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    # the signs or causes must be what the heading is about ("Signs of X", "What are the
    # symptoms?"), not a word in it ("Which statins are linked to muscle symptoms?")
    ("symptom_of", re.compile(
        r"^\W*(?:(?:the|common|typical|other|key|early|warning|main|possible|outward)\s+)*"
        r"(?:signs?|symptoms?|manifestations?)\b|\bwhat (?:are )?(?:the )?(?:\w+ )?"
        r"(?:signs?|symptoms?)\b|looks? like|feels? like|what (?:it|this) (?:is|feels)",
        re.IGNORECASE)),
    ("causes", re.compile(
        r"^\W*(?:(?:the|common|other|main|possible)\s+)*(?:causes?|triggers?|risk factors?|"
        r"reasons?)\b|\bwhat causes\b|^\W*why\b", re.IGNORECASE)),
)

_LIST_OF = re.compile(
    r"\b(?:signs?|symptoms?|manifestations?|causes?|triggers?|risk factors?)\s+(?:of|for)\s+"
    r"(?P<x>[^?:.;]+)",
    re.IGNORECASE,
)

_IMPERATIVES = _wordset(
    """
    consult talk speak ask try consider avoid see seek explore work use take stop keep limit
    get make practice practise eat drink cut reduce discuss tell check call contact join
    start schedule follow switch stay give apply exceed
    """
)
#: how (when) a thing is taken: "with food", "30 minutes before bedtime", "at night"
_HOW_TO_TAKE = re.compile(
    r"\b(?:with\s+(?:food|meals?|a meal|water|milk|a (?:full )?glass)|on\s+an?\s+(?:empty|full)\s+"
    r"stomach|(?:about\s+|at least\s+|up to\s+)?\d+\s*(?:to\s+\d+\s*)?(?:minutes?|mins?|hours?)\s+"
    r"(?:before|after)|(?:before|after|at|during|with)\s+(?:bed(?:time)?|meals?|breakfast|lunch|"
    r"dinner|supper|night|the same time)|in\s+the\s+(?:morning|evening)|every\s+(?:day|morning|"
    r"evening|night|\d+\s+(?:to\s+\d+\s+)?hours))\b", re.IGNORECASE)
#: where a thing is kept: "out of the reach of children", "in a cool, dry place"
_STORAGE = re.compile(
    r"\b(?:out of (?:the )?(?:reach|sight)|in a (?:cool|dry|safe|locked)|away from (?:heat|"
    r"light|children|moisture|sunlight)|in (?:the|a|its|their) (?:fridge|refrigerator|"
    r"original (?:container|packaging|pack)|locked)|at room temperature)\b", re.IGNORECASE)
#: what comes between a thing (not) to be taken and a term that is not it: "X with Y"
_WITH_WHAT = re.compile(r"\s+(?:with|alongside|while|if|when|to|for|during|after|before|"
                        r"unless|on|or|and)\b", re.IGNORECASE)
#: imperatives whose object is the thing advised (or advised against): "Take X", "Never give X"
_TAKEN = _wordset("take use try consider give apply exceed")


#: an answer that only says whether: "Yes.", "In many cases, yes.", "For most people: no."
#: the group a short answer names: "Yes, in care home residents.", "No, only in adults …"
_ANSWER_GROUP = re.compile(
    rf"\s*,?\s*(?:(?:but\s+)?(?:(?P<only>only)|especially|mainly|mostly)\s+)?{_GROUP}\s*[.!]?\s*$",
    re.IGNORECASE)
_SHORT_ANSWER = re.compile(
    r"^\W*(?:[^.:;!?]{0,70}?[,:—–-]\s*)?(?P<answer>yes|no|not usually|not always|not really|"
    r"usually|often|sometimes|rarely|generally|mostly|absolutely|definitely|"
    r"it can|they can|it may|they may|it does|they do|it depends)\b",
    re.IGNORECASE,
)


def _answers(text: str, found: list[Sentence]) -> dict[int, Sentence]:
    """The question each FAQ-style answer answers: {answer's start: question as a sentence}."""
    answers: dict[int, Sentence] = {}
    questions = [ln for ln in lines(text) if ln.kind == "question"]
    index = 0
    for question in questions:
        while index < len(found) and found[index].start < question.end:
            index += 1
        if index < len(found) and found[index].kind == "paragraph":
            body = question.text.lstrip("#").strip()
            # "Does X relieve Y?": the auxiliary in front would hide X (see _side)
            body = re.sub(r"^(?:does|do|did|can|could|will|would|should|may|might)\s+", "",
                          body, flags=re.IGNORECASE)
            start = question.start + question.text.index(body)
            answers[found[index].start] = Sentence(
                start, start + len(body), body, found[index].section, "question",
                question.text, found[index].paragraph)
    return answers


def _gerund(verb: str) -> str:
    """The -ing form of an English verb: wash → washing, take → taking, stop → stopping."""
    verb = verb.lower()
    if verb.endswith("ie"):
        return verb[:-2] + "ying"
    if verb.endswith("e") and not verb.endswith(("ee", "ye", "oe")) and len(verb) > 2:
        return verb[:-1] + "ing"
    if re.fullmatch(r"(?:qu|[^aeiou])*[aeiou][bdgklmnprt]", verb):  # ("quit": quitting)
        return verb + verb[-1] + "ing"  # one short syllable ending in a consonant
    return verb + "ing"


#: what may come before an imperative's verb: "Always", "Please", "Never", "Do not", "Don't"
#: a denial of need, read as a denied imperative: "There is no need to take X for Y"
_NO_NEED = (r"(?:there\s+is|there['’]s)\s+no\s+need\s+to|(?:you|patients|people|adults|most\s+"
            r"people)\s+(?:do\s+not|don['’]t|do\s+n['’]t)\s+need\s+to|no\s+need\s+to")
_BEFORE_VERB = re.compile(
    r"\W*(?:(?:always|please|also|first|then|never|ever|do\s+not|don['’]t|do\s+n['’]t|"
    rf"{_NO_NEED})\b\W*)*",
    re.IGNORECASE)
#: what advice is for, right after what it advises: "(take X) for a cold", "to prevent Y"
_ADVICE_AIM = re.compile(
    r"\s*,?\s*(?:(?:in order\s+)?to\s+(?:help\s+)?(?:prevent|treat|relieve|ease|avoid|reduce|"
    r"stop|fight|manage|control|cure|beat|ward off|shorten|soothe|calm|lower)|for|against)\s+"
    r"(?P<np>[^,.;:!?]+)",
    re.IGNORECASE)
#: what is right before the aim's verb after a piece of advice: "(take X) to (help) prevent Y"
_AIM_BEFORE = re.compile(r"\bto\s+(?:help\s+)?$", re.IGNORECASE)
#: a fronted condition before an imperative: "If you take warfarin, avoid aspirin"
_FRONTED_CONDITION = re.compile(
    r"^\W*(?P<clause>(?:if|when|whenever|while|unless|before|after)\b[^,;:.!?]{1,120}?),\s*",
    re.IGNORECASE)


def _first_verb(text: str) -> tuple[str, int, int]:
    """The first word after an adverb or a denial ("Never", "Do not"), with its span.

    After a fronted condition ("If you have gout, avoid beer") the word after
    the condition's comma when that one is an imperative.
    """
    fronted = _FRONTED_CONDITION.match(text)
    if fronted is not None:
        after = _first_verb(text[fronted.end() :])
        if after[0] in _IMPERATIVES or after[0] in _CONSULTING:
            return after[0], fronted.end() + after[1], fronted.end() + after[2]
    word = re.compile(r"[A-Za-z]+").search(text, _BEFORE_VERB.match(text).end())  # type: ignore[union-attr]
    return (word.group().lower(), word.start(), word.end()) if word else ("", 0, 0)


def _after_imperative(text: str, span: tuple[int, int] | None) -> tuple[int, int] | None:
    """The opening noun phrase ``span`` of ``text`` without an imperative's verb.

    "Do not take antibiotics.", "Take zinc lozenges.": the phrase _noun_phrase reads
    from the start holds the verb ("take antibiotics"); what the sentence names is
    antibiotics. None when the verb is all there is.
    """
    if span is None:
        return None
    verb, verb_at, after = _first_verb(text)
    if verb not in _IMPERATIVES or verb_at != span[0]:
        return span
    rest = re.match(r"\s*", text[after : span[1]])
    start = after + (rest.end() if rest else 0)
    return (start, span[1]) if start < span[1] else None


def _first_word(text: str) -> str:
    """The first word, after an adverb like "always" or "please" or a denial ("do not")."""
    return _first_verb(text)[0]


#: an imperative said not to be done: "Never stop taking it on your own", "Do not take X
#: with Y", "Don't use X if …" (after a fronted condition too: "If you are pregnant, do not")
_DENIED_IMPERATIVE = re.compile(
    r"^\W*(?:(?:if|when|whenever|while|unless|before|after)\b[^,;:.!?]{1,120}?,\s*)?"
    rf"(?:(?:always|please|also|first|then)\s+)*(?P<no>never|do\s+not|don['’]t|do\s+n['’]t|"
    rf"{_NO_NEED})\b",
    re.IGNORECASE)


_BOOTSTRAP_PREFIX = "bootstrapped__"
_SPEECH_WORD = re.compile(rf"\b{SPEECH}\b|\bsay\b", re.IGNORECASE)


_COUNT_WORDS = _wordset(
    """
    one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty
    fifty hundred thousand million half halves third thirds quarter quarters fifth fifths tenth
    tenths majority minority percent per cent dozen dozens
    """
)
_TIME_UNITS = _wordset(
    """
    second seconds minute minutes hour hours day days week weeks month months year years
    decade decades time times
    """
)
_INDEFINITE = _wordset(
    "nobody anyone anybody everyone everybody someone somebody none nothing anything "
    "everything something"
) | {"no one"}

#: words that only say how good or needed something is ("It is important to …"): never a term
#: adjectives of a level that name nothing on their own ("are deficient", "is low")
_LEVEL_ADJECTIVES = _wordset("deficient insufficient inadequate low high raised elevated")
#: "vitamin D deficient": the noun of the state is the term ("vitamin D deficiency")
_DEFICIENT = re.compile(r"^(?P<what>\S.*?)[\s-]+(?P<state>deficient|insufficient)$", re.IGNORECASE)
_STATE_NOUN = {"deficient": "deficiency", "insufficient": "insufficiency"}

_EVALUATIVE = _wordset(
    "it important essential necessary needed best better good wise advisable crucial vital "
    "critical key helpful useful safe safer safest possible recommended sensible smart "
    "worthwhile okay ok fine unwise bad worse worst dangerous harmful difficult hard easy "
    "likely unlikely common rare normal"
)

#: finite verbs a text uses between a subject and its object ("Our clinic offers vitamin D
#: testing"): a phrase holding one is a clause, not a term
_FINITE_VERBS = _wordset(
    "is are was were has have had does did offers offered provides provided includes included "
    "gives gave makes made takes took requires required recommends recommended suggests "
    "suggested shows showed allows allowed lets keeps kept sells sold supplies supplied "
    "delivers delivered performs performed conducts conducted contains contained runs ran "
    "needs needed wants wanted says said tells told asks asked explains explained describes "
    "described uses used prescribes prescribed orders ordered"
)


def _is_time(name: str) -> bool:
    """Whether a proposed term is a season or a span of time ("winter", "the winter months")."""
    last = name.lower().replace("_", " ").split()[-1:]
    return bool(last) and (_SEASON.fullmatch(last[0]) is not None or last[0] in _TIME_UNITS)


#: what research is made of: a study, its groups and its results
_RESEARCH_HEADS = _wordset(
    """
    trial trials study studies review reviews meta analysis analyses difference differences
    result results researchers research evidence data findings finding author authors paper
    papers chance chances coincidence
    """
)  # (not "participants", "group": the people a figure counts; "due to chance" is a
#     result's reading, never a cause)
#: who is said to say a thing, unnamed: "experts say", "scientists warn"
_SAYERS = _wordset("experts scientists doctors specialists researchers clinicians")
#: what research (studies, experts) is said to do: "studies suggest", "research shows"
_REPORTING = _wordset(
    "suggest suggests suggested show shows showed shown find finds found indicate indicates "
    "indicated say says said report reports reported confirm confirms confirmed hint hints "
    "warn warns warned agree agrees believe believes")
_RESEARCH_WORDS = _RESEARCH_HEADS | _wordset(
    """
    the a an this that these those new same separate large larger largest small smaller earlier
    recent previous later randomised randomized controlled clinical systematic pooled best
    designed placebo control treatment intervention study trial
    """
)


#: a multiplier: "fivefold", "3-fold" (read without its hyphen), "twice", "times"
_MULTIPLIER = re.compile(r"[a-z]*fold|\d+(?:\.\d+)?(?:fold|x)?|twice|thrice|times|x")


def _not_a_term(name: str) -> bool:
    """A phrase that holds a relation cue or a speech verb is a clause, not a term.

    "Antidepressants Cause Emotional Numbness" (a title), "said Smith".
    """
    if _SPEECH_WORD.search(name):
        return True
    words = re.findall(r"[a-z0-9]+", name.lower().replace("-", " "))
    if words and all(w in _EVALUATIVE or w in ("very", "most", "more", "really", "so")
                     for w in words):
        return True  # "It is important to talk to a doctor": an adjective, not a term
    if words and all(w in _LEVEL_ADJECTIVES or w in ("very", "severely", "mildly", "slightly")
                     for w in words):
        return True  # "residents who are deficient": a state said of people, not a term
    if any(w in _FINITE_VERBS for w in words):
        return True  # "offers vitamin D testing": a verb and its object, not a term
    if any((a in _RESEARCH_HEADS or a in _SAYERS) and b in _REPORTING
           for a, b in itertools.pairwise(words)):
        return True  # "some studies suggest", "research shows": an appeal, never a term
    written = re.findall(r"[A-Za-z0-9]+", name.replace("-", " "))
    if words and words[-1] in _RESEARCH_HEADS and all(
        w.lower() in _RESEARCH_WORDS or w[0].isupper() or re.fullmatch(r"(?:19|20)\d\d", w)
        for w in written[:-1]
    ):
        return True  # "the trial", "a large randomised study", "the difference", "a 2016
        # German study" (a capitalised word names where or by whom): how it was found out,
        # never what a claim is about
    if re.match(r"\W*(?:about|around|nearly|almost|over|only|some|another)?\s*\d[\d.,]*\s*"
                r"(?:%|percent\b|per\s*cent\b)", name, re.IGNORECASE):
        return True  # "5% stop taking them": a share of people (and their verb), not a term
    if words and all(w in _COUNT_WORDS or _MULTIPLIER.fullmatch(w) for w in words):
        return True  # "increased fivefold", "rose 3-fold", "doubled twice": how much, no term
    if not words or words[0] in _COUNT_WORDS or all(
            w in _COUNT_WORDS or w in _TIME_UNITS or w.isdigit() for w in words) or \
            " ".join(words) in _INDEFINITE:
        # "half", "five adults" (of "one in five adults"), "a year", "nobody": a count, a
        # span of time or nobody in particular, never what a claim is about
        return True
    # "reduced appetite", "raised blood pressure": a participle that opens the name is its
    # adjective, as a vocabulary's "reduced emotional response" is; elsewhere a cue makes
    # a clause ("Antidepressants Cause Emotional Numbness")
    return any(not (m.start() == 0 and re.fullmatch(r"[A-Za-z]+ed", m.group()) and
                    re.match(r"\s+[A-Za-z]", name[m.end() :]))
               for cue in RELATION_CUES if cue.predicate in (
                   "causes", "treats", "reduces", "worsens", "prevalence")
               for m in cue.pattern.finditer(name.strip()))


def _recurring_terms(
    text: str, proposals: list[Proposal], known: set[str], said: dict[str, str] | None = None,
    more: tuple[str, ...] | list[str] = (),
) -> tuple[Entity, ...]:
    """New terms (noun phrases the proposals name) that ``text`` names at least twice.

    ``said`` gives the types the text states (see :func:`_said_kinds`); the others are
    guessed from the words. ``more`` are names to count too (the generic words read as
    the thing named before: "the medication").
    """
    said = said or {}
    names: dict[str, str] = {}
    for proposal in [*proposals, *(Proposal("", None, "body", n, "", "") for n in more)]:
        for name in (proposal.subject, proposal.object):
            if not name:
                continue
            if name in known or name.startswith(_BOOTSTRAP_PREFIX):
                continue
            words = name.split()
            if not 1 <= len(words) <= 4 or any(_is_stop(w) for w in words) or _not_a_term(name):
                continue
            names.setdefault(" ".join(w.lower() for w in words), name)
    if not names:
        return ()
    lowered = lower_same_length(text)

    def count_of(key: str) -> int:
        return sum(len(re.findall(rf"(?<![\w-]){re.escape(f)}(?![\w-])", lowered))
                   for f in inflections(key))

    for key, name in list(names.items()):
        # "serotonin levels", "statin use", "blunting symptoms": the thing itself, when the
        # text names it alone too (not "withdrawal symptoms", only ever said whole) and it
        # is one word that names a kind of thing, or a proposal names it (not "low" from
        # "low levels", nor "long-term SSRI" from "… SSRI users")
        head, _, last = key.rpartition(" ")
        allowed = _NAMED_WITH.get(last)
        if not head or allowed is None or (allowed and guess_type(head) not in allowed):
            continue
        if ((" " not in head and guess_type(head) != "concept") or any(
                f in names for f in inflections(head))) and count_of(head) > count_of(key):
            del names[key]
            names.setdefault(head, name.rsplit(" ", 1)[0])
    found = []
    for key, name in names.items():
        count = count_of(key)
        if count >= 2:
            first = name.split()[0]
            # "Caffeine" at a sentence's start is caffeine; "PPIs", "PPI use" keep their capitals
            label = name[0].lower() + name[1:] if first[:1].isupper() and (
                first[1:].islower() or len(first) == 1) else name
            found.append(Entity(_BOOTSTRAP_PREFIX + slug(key), label,
                                said.get(key) or guess_type(key)))
    return tuple(found)


def _longer_names(
    proposals: list[Proposal], found: tuple[Entity, ...], known: set[str]
) -> tuple[Entity, ...]:
    """Names the proposals gave whole that end with a recurring term: terms of their own.

    "blood sugar", "high blood sugar", "low vitamin D" where "sugar" and "vitamin D"
    recur: without them, the second pass matched the shorter term inside the longer name
    and cut it ("sugar" for "blood sugar"; "low vitamin D" is not vitamin D). Only where
    the words before the term make it another thing (see :func:`_names_another_thing`):
    "acute numbness" is still numbness, and naming it apart would split the term's mentions.
    """
    tails = {e.label.casefold() for e in found}
    longer: dict[str, Entity] = {}
    for proposal in proposals:
        for name in (proposal.subject, proposal.object):
            if name in known or name.startswith(_BOOTSTRAP_PREFIX):
                continue
            words = name.split()
            key = " ".join(w.casefold() for w in words)
            if not 2 <= len(words) <= 4 or key in tails or key in longer or any(
                    _is_stop(w) for w in words) or _not_a_term(name):
                continue
            tail = next((t for t in tails if key.endswith(" " + t)), None)
            if tail is not None and _names_another_thing(words[: len(words) - len(tail.split())]):
                label = name[0].lower() + name[1:] if words[0][1:].islower() else name
                longer[key] = Entity(_BOOTSTRAP_PREFIX + slug(key), label, guess_type(key))
    return tuple(longer.values())


#: a level out of range: "high blood sugar", "low vitamin D" are not the substance
_LEVEL_WORDS = _wordset("high low raised elevated excess excessive reduced")
#: adjectives that say what kind, how bad or how long: the term is still the term
_KIND_WORDS = _wordset(
    """
    mild severe acute chronic strong weak deep new old young long short slight serious
    early late recent persistent main true real common rare daily
    """
)
_ADJECTIVE_END = re.compile(r"(?:al|ic|ous|ive|ful|less|ent|ant|ary|ory|ible|able|ute|ere|ile|"
                            r"ish|ed|ing|en)$")


def _names_another_thing(modifiers: list[str]) -> bool:
    """Whether ``modifiers`` before a term name another thing: a level ("high", "low") or
    a noun ("blood" of "blood sugar"), not a kind ("acute", "emotional") or an act
    ("adding", "explore")."""
    words = [w.casefold() for w in modifiers]
    if words and words[0] in _LEVEL_WORDS:
        words = words[1:]
        if not words:
            return True
    return 0 < len(words) <= 2 and all(
        w.isalpha() and w.isascii() and modifiers[-len(words):][i][:1].islower()
        and not _is_stop(w) and w not in _KIND_WORDS and w not in _COMMON_VERBS
        and not _ADJECTIVE_END.search(w) and w not in _LEVEL_WORDS for i, w in enumerate(words))


#: a last word that names an aspect of the term before it ("statin use"), and the types
#: that term must have for it (empty: any)
_NAMED_WITH: dict[str, frozenset[str]] = {
    "use": frozenset(), "intake": frozenset(), "consumption": frozenset(),
    "levels": frozenset(), "level": frozenset(),
    "treatment": frozenset({"drug", "drug_class", "substance"}),
    "symptoms": frozenset({"symptom", "condition"}),
}
#: up to 7 words, then an abbreviation in brackets; the words start at a word's start only
#: (searched from inside a word, a 40 KB token was rescanned from each of its letters)
_SPELLED = re.compile(
    r"(?P<long>(?<![\w'’-])(?:[A-Za-z][\w'’-]*\s+){1,7})\((?P<abbr>[A-Z][A-Za-z0-9]{1,7})\)"
)


def _spelled_out(text: str, vocabulary: tuple[Entity, ...]) -> tuple[Entity, ...]:
    """Terms written out once with their abbreviation: "proton pump inhibitors (PPIs)".

    The abbreviation's capitals must be the initials of the words before it
    (of each part of a hyphenated word: "non-steroidal anti-inflammatory
    drugs (NSAIDs)"); a term the vocabulary already has is left to it.
    """
    known = {n.casefold() for e in vocabulary for n in (e.label, *e.synonyms)}
    found: dict[str, Entity] = {}
    for match in _SPELLED.finditer(text):
        abbreviation = match.group("abbr")
        letters = "".join(c for c in abbreviation if c.isupper() or c.isdigit()).casefold()
        words = match.group("long").split()
        for n in range(1, min(len(words), 7) + 1):
            candidate = words[-n:]
            if _is_stop(candidate[0]):
                continue
            whole = "".join(w[0] for w in candidate).casefold()
            parts = "".join(p[0] for w in candidate for p in w.split("-") if p).casefold()
            if letters in (whole, parts):
                long_form = " ".join(candidate)
                first = candidate[0]
                if first[:1].isupper() and first[1:].islower():
                    long_form = long_form[0].lower() + long_form[1:]
                if long_form.casefold() in known or abbreviation.casefold() in known:
                    break
                found.setdefault(long_form.casefold(), Entity(
                    _BOOTSTRAP_PREFIX + slug(long_form), long_form, guess_type(long_form),
                    synonyms=(abbreviation,)))
                break
    return tuple(found.values())


def _title_span(text: str) -> tuple[int, int]:
    """Where the article's title is (its first line when that line is a heading)."""
    found = lines(text)
    if found and found[0].section == "title":
        return found[0].start, found[0].end
    return 0, 0


def _frequent_term(
    matches: list[TermMatch], labels: dict[str, Entity], title: tuple[int, int] = (0, 0)
) -> str | None:
    """The article's topic before any claim is read: its most frequent symptom or condition.

    A term of the title counts as five mentions.
    """
    counts = Counter(m.entity for m in matches)
    in_title = {m.entity for m in matches if title[0] <= m.start and m.end <= title[1]}
    if in_title:
        # a symptom or condition of the title, else the title's most frequent term
        ranked = sorted(in_title, key=lambda e: (
            labels[e].type not in ("symptom", "condition"), -counts[e], e))
        return ranked[0]
    for wanted in (("symptom", "condition"), ("drug", "drug_class", "therapy", "substance")):
        for name, _ in counts.most_common():
            if labels[name].type in wanted:
                return name
    return None


#: how far a clause, a denial's scope or a hedge is read from its cue, in characters:
#: a sentence with no full stop thousands of words long is read in linear time (each of
#: its cues reads only this far), while a real clause is never this long
_CLAUSE_REACH = 1500
#: a report after the claim that only suggests it: "…, a previous review had suggested."
_HEDGED_REPORT = re.compile(
    r",\s*(?:[\w'’-]+\s+){1,5}?(?:(?:had|has|have)\s+)?(?P<verb>suggested|suggests?|"
    r"indicated|indicates?|hinted|hints?)\s*[.!]?[\"”’)]*\s*$", re.IGNORECASE)
#: "… that", "…, which" right before a clause: a relative clause opens there
_RELATIVE_END = re.compile(r"(?:,\s*)?\b(?:that|which|who)\s*$")
#: room beyond a reach for the words of a match that starts inside it
_CUE_ROOM = 200


def _reach(text: str, start: int, end: int) -> tuple[int, int]:
    """Where a cue at ``start``–``end`` of ``text`` is read from and to: the whole text,
    or :data:`_CLAUSE_REACH` characters either side, cut at a space."""
    lo = 0 if start <= _CLAUSE_REACH else text.find(" ", start - _CLAUSE_REACH) + 1
    hi = len(text)
    if hi - end > _CLAUSE_REACH:
        cut = text.rfind(" ", end, end + _CLAUSE_REACH)
        hi = end + _CLAUSE_REACH if cut < 0 else cut
    return lo, hi


#: where a clause after a cue begins: ", so", ", but", ", which", "; ", " because"
_OTHER_CLAUSE = re.compile(r"[,;:]\s*(?:so|but|and|while|whereas|because|since|although|though|"
                           r"which|yet)\b|;|\s[—–]\s|\bbecause\b", re.IGNORECASE)


@functools.lru_cache(maxsize=64)
def _first_certain(text: str) -> re.Match[str] | None:
    """The first word of certainty in ``text`` ("research shows", "clearly"), read once."""
    return CERTAIN_CUES.search(text)


def _clause_start(text: str, at: int) -> int:
    start = max(0, at - _CLAUSE_REACH)
    start = min(text.find(" ", start) + 1, at) if start else 0  # at a word's start
    for match in _CLAUSE_LEFT.finditer(text, start, at):
        if match.group() == "." and _BINOMIAL_RE.match(text, max(0, match.start() - 1)):
            continue  # "C. difficile": a genus's initial, no sentence's end
        if match.group() in "—" or match.group().strip() in ("-", "–"):
            # a dash between digits is a range, not a clause break
            before, after = text[match.start() - 1 : match.start()], text[match.end() : match.end()
                                                                          + 1]
            if before.isdigit() or after.isdigit():
                continue
        start = match.end()
    return start


#: the state "make Y …" puts Y in, with its degree: "(much, 40%) worse", "shorter"
_MADE_STATE = re.compile(
    r"(?:(?:much|even|a lot|far|a (?:little|bit)|slightly|considerably|(?:about|around|up to)?"
    r"\s*\d+(?:\.\d+)?\s?%)\s+)*(?:worse|more severe|longer|better|milder|shorter|less severe|"
    r"less intense|less painful)\b", re.IGNORECASE)


def _clause_end(text: str, at: int) -> int:
    reach = len(text)
    if reach - at > _CLAUSE_REACH + _CUE_ROOM:
        reach = text.rfind(" ", at, at + _CLAUSE_REACH)  # at a word's end
        reach = at + _CLAUSE_REACH if reach < 0 else reach
    for match in _CLAUSE_RIGHT.finditer(text, at, reach):
        inside = match.end() < len(text) and not text[match.end()].isspace()
        if match.group() == "." and (inside or _BINOMIAL_RE.match(
                text, max(0, match.start() - 1))):
            continue  # "Dr.", "e.g.", decimals, "C. difficile"
        return match.start()
    return reach


#: a figure's qualifier that it may be chance, said after it: ", a difference that was not
#: statistically significant", "(not significant)", ", which was non-significant"
_NOT_SIGNIFICANT = re.compile(
    r"(?:[,(;]|\s[—–])\s*(?:(?:although|though|but|and)\s+)?(?:(?:an?|the|this|that|these|"
    r"which|it)\s+)?(?:(?:[\w-]+\s+){0,2}?(?:difference|effect|reduction|increase|decrease|"
    r"change|result|finding|benefit|gain|drop|fall|rise|improvement)s?\s+)?(?:(?:that|which)\s+)?"
    r"(?:(?:was|were|is|are)\s+)?(?P<cue>not\s+(?:statistically\s+)?significant|"
    r"(?:statistically\s+)?(?:non-?|in)significant)\b", re.IGNORECASE)
#: a dose or regimen before a term's name: "high-dose (annual)", "excess", "daily", "large
#: doses of", "weekly": the claim is about the term so taken (not "too much": an amount)
_DOSE_WORD = (r"(?:(?:very\s+)?(?:high|low|large|small|mega|double|single|extra)[- ]?doses?"
              r"(?:\s+of)?|megadoses?(?:\s+of)?|excess(?:ive)?|(?:once[- ])?(?:annual|"
              r"yearly|monthly|weekly|daily|nightly)|intermittent|bolus)")
_DOSE_BEFORE = re.compile(rf"(?<![\w-]){_DOSE_WORD}(?:\s*,?\s+(?:and\s+)?{_DOSE_WORD})*\s+$",
                          re.IGNORECASE)
#: a name coordinated after a subject term, up to the verb: "(iron) and vitamin C (reduce)"
#: a level word right before a term, and what measures it after: "low vitamin D levels",
#: "high blood sugar levels", "poor iron status"
_LEVEL_BEFORE = re.compile(r"(?<![\w-])(?:low|high|raised|elevated|"
                           r"deficient|insufficient|inadequate|poor|excess)\s+$", re.IGNORECASE)
_LEVEL_AFTER = re.compile(r"\s+(?:blood\s+)?(?:levels?|status|concentrations?|stores)\b",
                          re.IGNORECASE)
#: "have low vitamin D", "people with high blood sugar": a level that people have
_HAVING_LEVEL = re.compile(r"\b(?:have|has|had|having|with)\s+$", re.IGNORECASE)
#: a noun after the term makes it a modifier ("low vitamin D diet"): not read as a level
_TERM_GOES_ON = re.compile(r"[ -](?!(?:and|or|but|in|than|at|among|for|during|which|who|"
                           r"because|when|if|while|as|by|from|to|is|are|was|were)\b)[a-z]",
                           re.IGNORECASE)
_CONJUNCTION = re.compile(r"\b(?:and|or)\b", re.IGNORECASE)
#: ", bloating and " before the last term of a list: the list goes on, no new clause
_LIST_TAIL = re.compile(r"\s*(?:[A-Za-z][\w'’-]*\s+){1,4}(?:and|or)\s+", re.IGNORECASE)
_NAMED_AFTER_TERM = re.compile(
    r"\s*,?\s*(?:and|&)\s+(?P<np>[A-Za-z][\w'’-]*(?:\s+[A-Za-z0-9][\w'’-]*){0,2}?)"
    r"(?:\s+(?:can|may|might|could|will|would|also|often|both|usually|together|combined|"
    r"do|does|did|all))*\s*", re.IGNORECASE)
#: a subject said to act on its own: "garlic alone", "exercise on its own", "X by itself"
_ALONE = re.compile(r"\s*,?\s*(?P<alone>alone|on\s+(?:its|their)\s+own|by\s+(?:itself|themselves))"
                    r"\b,?", re.IGNORECASE)
#: a subject combined with another: "garlic combined with exercise", "X plus Z", "X together
#: with Z", "X taken with Z", "X in combination with Z"
_COMBINED = re.compile(
    r"\s*,?\s*(?P<with>(?:(?:when\s+)?(?:combined|taken|given|used|paired)\s+(?:together\s+)?with|"
    r"in\s+combination\s+with|together\s+with|along\s+with|plus)\s+)", re.IGNORECASE)
_COMBINED_BEFORE = re.compile(rf"(?:{_COMBINED.pattern})$", re.IGNORECASE)
#: "X and Z together", "X and Z combined", "X and Z in combination": the pair acts as one
_TOGETHER_AFTER = re.compile(r"\s*,?\s*(?:together|combined|in\s+combination)\b", re.IGNORECASE)


def _combination(text: str, subjects: list[_Term], cue: int, terms: list[_Term]
                 ) -> tuple[list[_Term], str | None]:
    """The subject a combination or an "alone" is said of, and the condition that limits it.

    "Garlic combined with exercise lowers blood pressure" is said of garlic only when
    taken with exercise (condition "combined with exercise"), not of garlic or of exercise
    by themselves; "Garlic alone does not lower it" of garlic on its own (condition
    "alone"). A claim so limited does not contradict one about the bare subject, and two
    with different conditions cover different cases, as the checks read conditions.
    """
    written = [t for t in subjects if t.end > t.start]
    if not written:
        return subjects, None
    first = min(written, key=lambda t: t.start)
    marker = _COMBINED_BEFORE.search(text, 0, first.start)
    held = [t for t in terms if marker is not None and t.end <= marker.start() and not text[
        t.end : marker.start()].strip(" ,")]
    if marker is not None and not held:
        before = text[: marker.start()].rstrip(" ,")
        span = _noun_phrase(before, from_end=True) if before else None
        if span is not None and span[1] == len(before):
            held = [_Term(span[0], span[1], before[span[0] : span[1]], False)]
    if marker is not None and held:
        # "Iron, combined with vitamin C, reduces …": the subject is the name before the
        # aside, the aside's name its partner
        until = max(t.end for t in written if t.end <= cue)
        return held[-1:], " ".join(text[marker.start("with") : until].split())
    alone = _ALONE.match(text, first.end)
    words = first.name.split()
    if alone is None and len(words) > 1 and not first.known and words[-1].lower() == "alone":
        # a proposed name read with the word: "Garlic alone"
        name = " ".join(words[:-1])
        return [_Term(first.start, first.end, name, False)], "alone"
    if alone is not None and alone.end() <= cue:
        return [first], " ".join(alone.group("alone").lower().split())
    inside = None if first.known else _COMBINED.search(first.name)
    if inside is not None and inside.start() > 0 and inside.end() < len(first.name):
        # a proposed name read with its partner: "Iron plus vitamin C"
        name = first.name[: inside.start()].strip(" ,")
        return [_Term(first.start, first.start + len(name), name, False)], " ".join(
            first.name[inside.start("with") :].split())
    combined = _COMBINED.match(text, first.end)
    if combined is not None and combined.end() <= cue:
        partners = [t for t in written if t.start >= combined.end()]
        until = max((t.end for t in partners), default=-1)
        if until < 0:
            span = _noun_phrase(text[combined.end() : cue], from_end=False)
            if span is None:
                return subjects, None
            until = combined.end() + span[1]
        return [first], " ".join(text[combined.start("with") : until].split())
    others = [t for t in written if t is not first]
    if others:
        last = max(others, key=lambda t: t.end)
        together = _TOGETHER_AFTER.match(text, last.end)
        words = last.name.split()
        partner_name = last.name
        if together is None and not last.known and len(words) > 1 and (
                end_word := _TOGETHER_AFTER.fullmatch(" " + words[-1])) is not None:
            # a proposed name read with the word: "vitamin C together"
            together, partner_name = end_word, " ".join(words[:-1])
        if together is not None and together.end() <= cue and re.fullmatch(
                r"\s*(?:,\s*)?(?:and|&|\+)\s*", text[first.end : min(t.start for t in others)]):
            partner = " ".join([*text[min(t.start for t in others) : last.start].split(),
                                partner_name if not last.known else text[last.start : last.end]])
            return [first], f"together with {partner}"
    return subjects, None


#: a turn between two clauses: what one clause attributes is not the other's
_CONTRAST = re.compile(r"[,;]\s*(?:but|however|whereas|while|although|though|yet)\b|\bbut\b",
                       re.IGNORECASE)
#: a turn between two clauses, each with a figure of its own: "by 12% but …", "…; …"
_FIGURE_TURN = re.compile(rf"{_CONTRAST.pattern}|;", re.IGNORECASE)


def _own_attribution(text: str, attribution: Attribution, start: int, end: int) -> Attribution:
    """The sentence's attribution, unless a turn ("…, but a large trial found …") puts its
    words in another clause than the cue at ``start``–``end``.

    Only vague attributions: a citation marker or a named expert covers the sentence.
    """
    belief = attribution.kind == "none" and attribution.mode == "reports" and bool(
        attribution.cue) and _LAY_BELIEF.search(attribution.cue or "") is not None
    if (attribution.kind not in ("research-appeal", "unidentified-work") and not belief) or \
            not attribution.cue:
        return attribution
    at = text.find(attribution.cue)
    if at < 0:
        return attribution
    lo, hi = (end, at) if at >= end else (at + len(attribution.cue), start)
    if lo < hi and _CONTRAST.search(text, lo, hi):
        return Attribution()
    if at >= end and _OPENS_CLAUSE.search(text[end:at]):
        # "X raises Y, and some studies suggest it causes Z": the appeal opens the second
        # clause and is said of it only
        return Attribution()
    return attribution


#: the end of a clause, and the start of a coordinated one, right before an attribution
_OPENS_CLAUSE = re.compile(r"(?:[,;]\s*(?:and|while|whereas|but|yet)|\band)\s*$", re.IGNORECASE)


#: what follows a count whose people go unsaid: its verb ("3 in 100 develop X", "1 in 10 are")
_ELLIPTIC_VERB = re.compile(
    r"\s+(?:(?:also|later|then|go on to|will|may|might|can|could|do|did|still)\s+)*"
    r"(?:experience[sd]?|develop(?:s|ed)?|report(?:s|ed)?|suffer(?:s|ed)?|get|gets|got|"
    r"notice[sd]?|feel|feels|have|has|had|are|were|need|needs|needed|become|became)\b",
    re.IGNORECASE,
)
#: ", but zinc lozenges may.": a contrasting clause whose verb phrase is left out
_ELIDED_VP = re.compile(
    r"[,;]\s*(?:but|while|whereas|yet|although|though)\s+(?P<np>[A-Za-z][^,;:.!?]{0,60}?)\s+"
    r"(?P<aux>may|might|can|could|do|does|did|will|would)(?P<not>\s+not|n['’]t)?"
    r"(?:\s+(?:too|also|still|though|,?\s*however))?\s*[.!]?\s*$",
    re.IGNORECASE,
)
#: what joins a second clause to the first: ", and", ", while", ";", " and"
_SECOND_CLAUSE = re.compile(r"(?:,\s*(?:and|but|while|whereas)?|;|\band|\bwhile)\s*$",
                            re.IGNORECASE)


#: where the counted people are, right after them: "(of people taking antibiotics) in
#: hospital", "(of older adults) living in care homes", "at home"; not when ("in the first
#: year", "in 2019"), nor a study ("in the trial"), nor a manner ("in general", "at least")
_NOT_A_SETTING = (
    r"(?!(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+)?(?:years?|months?|weeks?|days?|decades?|hours?|"
    r"first|past|last|next|study|studies|trial|trials|review|survey|general|total|particular|"
    r"fact|addition|practice|theory|short|long|end|future|morning|evening|night|least|most|"
    r"risk|time|times|once|all|some|many|cases?|people|patients|turn|part|contrast|"
    r"comparison|doses?|which|whom|this|that|these|those|each|every|any)\b)")
_SETTING_AFTER = re.compile(
    r"\s+(?P<setting>(?:(?:living|staying|treated|cared\s+for|admitted|resident)\s+)?(?:in|at)\s+"
    + _NOT_A_SETTING + r"(?:(?:the|a|an)\s+)?(?-i:[A-Za-z][\w-]*)(?:\s+(?-i:[a-z][\w-]*)){0,2}?)"
    r"(?=\s*(?:[,.;:)]|\[|$)|\s+(?:and|or|but|who|than|compared|while|whereas)\b)",
    re.IGNORECASE)
#: the setting _with_setting put at the end of a statistic's population phrase
_SETTING_END = re.compile(
    r"\s+(?P<setting>(?:(?:living|staying|treated|cared\s+for|admitted|resident)\s+)?(?:in|at)\s+"
    + _NOT_A_SETTING + r"(?:(?:the|a|an)\s+)?[A-Za-z][\w-]*(?:\s+[a-z][\w-]*){0,2}?)$",
    re.IGNORECASE)


def _with_setting(text: str, statistic: Statistic) -> Statistic:
    """``statistic`` with the place its counted people are in kept in its population phrase.

    "35–40% of people taking antibiotics in hospital": the phrase the figure governs ends
    at "antibiotics", and the setting after it names which of them were counted.
    """
    phrase = statistic.population or ""
    at = text.find(phrase, statistic.end)
    if not phrase or at < 0 or _SETTING_END.search(phrase):
        return statistic
    setting = _SETTING_AFTER.match(text, at + len(phrase))
    if setting is None:
        return statistic
    return replace(statistic, population=text[at : setting.end()])


#: "too few live bacteria to (prevent)", "too low to (treat)": what follows is not done
_TOO_TO = re.compile(r"\btoo\s+(?:[\w'’-]+\s+){1,4}?to\s+(?:(?:help|really|reliably|"
                     r"actually|effectively)\s+)?$", re.IGNORECASE)
#: a possessive pronoun right before a word: "its (effect)", "their (use)"
_POSSESSIVE_BEFORE = re.compile(r"\b(?:its|their|his|her|your|our)\s+$", re.IGNORECASE)
#: a subject, its copula and what is said of it, before a second verb: "(It) is cheap,
#: effective and (does not cause …)", "(Ibuprofen) is cheap and (can cause …)"
_DESCRIBED_BEFORE = re.compile(
    r"\W*(?P<who>[A-Za-z][\w'’-]*(?:\s+[A-Za-z][\w'’-]*){0,3}?)\s+(?:is|are|was|were|remains?|"
    r"seems?)\s+(?:(?:very|so|quite|also|relatively|fairly|both|generally|usually)\s+)?"
    r"(?-i:[a-z]+)(?:\s*,\s*(?-i:[a-z]+))*,?\s+(?:and|but|yet)\s+"
    r"(?:(?:can|may|might|could|does|do|did|will|would|also|often|rarely|seldom)\s+){0,2}"
    r"(?:not\s+|never\s+)?", re.IGNORECASE)


def _lead_in_group(text: str, cue: int) -> str | None:
    """The group a clause before the cue names as whom the relation is said of, if any.

    "A trial in people aged 65 and over found that X did not prevent Y" (the people the
    work studied), "The evidence in older adults is weaker: X did not prevent Y" (a
    lead-in clause ended by a colon before the cue); "people" alone is no group.
    """
    found = [m for m in _STUDIED_IN.finditer(text, 0, cue) if m.end() <= cue]
    colon = text.rfind(":", 0, cue)
    if not found and colon > 0:
        found = [m for m in _LEAD_IN_GROUP.finditer(text, 0, colon + 2)
                 if m.end("group") <= colon]
    for match in reversed(found):
        group = " ".join(match.group("group").lower().split())
        if group not in ("people", "patients", "individuals", "users"):
            return group
    return None


def _elliptic_populations(text: str, statistics: list[Statistic]) -> list[Statistic]:
    """The figures of ``text``, a count of unnamed people given the earlier figure's people.

    "About 1 in 100 pregnant women are hospitalised, and 3 in 100 develop X": the second
    count is of pregnant women too. Only a share directly followed by its verb, in a
    clause joined to the one with the named people; what those people take is not carried
    (it is read from the words after the first figure).
    """
    found: list[Statistic] = []
    for statistic in statistics:
        earlier = next((s for s in reversed(found) if s.population and s.quantity.unit ==
                        "percent"), None)
        if statistic.population is None and statistic.quantity.unit == "percent" and \
                earlier is not None and _ELLIPTIC_VERB.match(text, statistic.end) and \
                _SECOND_CLAUSE.search(text, earlier.end, statistic.start):
            statistic = replace(statistic, population=earlier.population, agent=None,
                                takes=earlier.takes)
        found.append(statistic)
    return found


#: nouns that name no thing a later "it" or "they" is about: "The experience of …"
_ABSTRACT = _wordset(
    """
    experience experiences feeling feelings way ways thing things part parts fact facts idea
    ideas question questions answer answers reason reasons time times life lives sense world
    point points issue issues matter topic article page information advice truth news
    """
)
#: people at large believing something: "Many people believe (that) …", "It is widely
#: thought that …", "Some parents swear by …" — a belief reported, not the source's claim
_LAY_BELIEF = re.compile(
    r"\b(?:(?:many|some|most|lots of|plenty of)\s+(?:people|patients|women|men|parents|"
    r"users|travell?ers|consumers|athletes|(?:[\w-]+\s+)?(?:makers|manufacturers|companies|"
    r"sellers|brands|marketers|advocates|proponents|promoters))\s+(?:still\s+|also\s+)?"
    r"(?:believe|think|assume|claim|swear by|are convinced)|"
    # "…, according to some supplement makers": what a group not named says, reported
    r"according to (?:some|many|most|several|certain|other|a few)\s+(?:[a-z][\w-]*\s+){0,2}?"
    r"[a-z][\w-]*s|it is (?:widely|commonly|often|popularly) (?:believed|"
    r"thought|assumed|claimed)|(?:a|the) (?:common|popular|widespread) (?:belief|myth|"
    r"misconception) (?:is )?that)\b",
    re.IGNORECASE,
)
#: what makes the next word a verb: "to", a modal, a subject pronoun ("to fall asleep")
_VERB_BEFORE = re.compile(r"\b(?:to|can|could|may|might|will|would|should|must|do|does|did|"
                          r"not|i|we|you|they|he|she|it)\s+$", re.IGNORECASE)
#: a phrase before the main clause: "In adults with insomnia, ", "When the dose is high, "
_FRONTED_CLAUSE = re.compile(
    r"\s*(?:in|among|for|after|before|during|with|without|unlike|like|despite|compared with|"
    r"when|if|although|though|while|because|since|once|unless)\b[^,.;:]{0,80},\s*",
    re.IGNORECASE,
)
#: a plural noun after a term, then a verb: "(Vitamin D) supplements are", "(statin) users may"
_PLURAL_HEAD = re.compile(
    r"\s+[a-z][a-z-]*[^s\W]s\s+(?:are|were|have|can|may|might|could|will|would|should|must|"
    r"do|did|often|also|usually)\b"
)
#: names that end in "s" and are one thing: "diabetes", "measles", "AIDS"
_SINGULAR_IN_S = _wordset(
    """
    diabetes herpes measles mumps rabies rickets shingles scabies lupus news series species
    mathematics physics genetics pancreas virus status sinus tetanus fungus uterus
    psoriasis tuberculosis osteoporosis arthritis
    """
)


def _written_plural(phrase: str) -> bool:
    """Whether ``phrase`` as written is plural: its last word ends in a plural "s".

    "falls", "bladder infections", "SSRIs" are; "diabetes", "AIDS", "stress", "Tai chi"
    are not.
    """
    words = re.findall(r"[A-Za-z][\w'’-]*", phrase)
    if not words:
        return False
    last = words[-1]
    lowered = last.lower()
    if last.isupper() or lowered in _SINGULAR_IN_S or len(lowered) < 3:
        return False  # "AIDS", "IBS": an abbreviation in capitals is one thing
    if last[:-1].isupper() and last.endswith("s"):
        return True  # "SSRIs", "UTIs"
    return lowered.endswith("s") and not lowered.endswith(("ss", "us", "is", "'s", "’s"))


#: "… by 30% and (also) reduced": a figure that ends right before a coordinated verb
_COORDINATED_AFTER = re.compile(r"[\s,]*(?:and|but|while|whereas)\s+(?:\w+ly\s+|also\s+)?$|"
                                r"[\s,]*(?:and|but|while|whereas)\s", re.IGNORECASE)


def _statistic_before(
    statistics: list[Statistic], at: int, text: str = "", previous_end: int | None = None,
    next_start: int | None = None,
) -> Statistic | None:
    """The figure of the cue at ``at``: the last one before it, else the first one after.

    A turn ("… by 30% but increased …", "…; …") ends a figure's reach: a
    figure before the cue's clause, or after the clause's end, is another
    clause's. So does a coordinated verb: in "lowered X by 30% and reduced Y
    by 25%" the 30% (after the previous cue ``previous_end``, right before
    "and") is the first verb's, and the 25% (after the next cue ``next_start``)
    the second's.
    """
    before = [s for s in statistics if s.start < at and not (
        previous_end is not None and previous_end <= s.start and _COORDINATED_AFTER.fullmatch(
            text, s.end, at))]
    if before and _FIGURE_TURN.search(text, before[-1].start, at) is None:
        return before[-1]
    after = [s for s in statistics if s.start >= at]
    if not after or (next_start is not None and at < next_start <= after[0].start
                     and _COORDINATED_AFTER.search(text, at, next_start)):
        return None
    turn = _FIGURE_TURN.search(text, at, after[0].start)
    if turn is not None:
        return None  # the next figure is another clause's too
    return after[0]


def _topic(proposals: list[Proposal], labels: dict[str, Entity]) -> str | None:
    """What the article is about: the most frequent object of its proposals."""
    counts = Counter(p.object for p in proposals if p.predicate != "recommends")
    for name, _ in counts.most_common():
        entity = labels.get(name)
        if entity is not None and entity.type in ("symptom", "condition"):
            return name  # the most-named symptom or condition first
    for name, _ in counts.most_common():
        entity = labels.get(name)
        if entity is None or entity.type in ("symptom", "condition", "concept", "substance"):
            return name
    return None


#: a change named as a noun: "a rise in", "a drop in", "an increase in", "a decline in"
_NOMINAL_CHANGE = re.compile(r"(?:an?|the)\s+(?:\w+\s+)?(?:rise|increase|drop|fall|decrease|"
                             r"decline|reduction|improvement|worsening)\s+(?:in|of)$",
                             re.IGNORECASE)
#: what ends a list's member before the next one: ", ", " and ", ", or "
_LIST_BEFORE = re.compile(r"[^.;:!?()]*?(?:,|\band\b|\bor\b)\s*(?:and\s+|or\s+)?",
                          re.IGNORECASE)
#: "Who should (not) take X?": a heading whose list items are the people X is advised for
_WHO_SHOULD = re.compile(
    r"^\W*who\s+(?:should|can|could|may|might|needs?\s+to|is\s+advised\s+to|must)"
    r"(?P<not>\s+not|\s+never|n['’]t)?\s+(?P<verb>take|use|try|consider|get|have|avoid)\s+"
    r"(?P<x>[^?]+?)\s*\?\s*$", re.IGNORECASE)
#: "What are the (common) side effects of X?": a heading whose items X causes
_EFFECTS_QUESTION = re.compile(
    r"^\W*what\s+(?:are|is)\s+(?:the\s+)?(?:(?:most\s+)?(?:common|possible|main|usual)\s+)?"
    r"(?:side[- ]effects?|adverse\s+effects?)\s+of\s+(?P<x>[^?]+?)\s*\?\s*$", re.IGNORECASE)
#: "People with migraines", "Adults who have type 2 diabetes": the condition of a group
_GROUP_HAS = re.compile(r"\b(?:with|who\s+(?:have|has|get|suffer\s+from)|at\s+risk\s+of|"
                        r"prone\s+to)\s+(?P<np>.+)$", re.IGNORECASE)
#: a Markdown link, its words apart: "[a study](https://… "title")"
_LINK_TARGET = re.compile(
    r"(?<!!)\[(?P<words>[^\[\]\n]+)\](?P<target>\([^\s()]+(?:\s+\"[^\"\n]*\")?\))")


def _without_link_targets(text: str) -> str:
    """``text`` with each Markdown link's brackets and address blanked out (same length).

    The words move one place left, into the opening bracket, so a sentence that
    opens with a link still starts where its bracket does.

    >>> _without_link_targets("Beet juice lowers it ([study](https://x.org/a_b1)).")
    'Beet juice lowers it (study                      ).'
    """
    if "](" not in text:
        return text
    return _LINK_TARGET.sub(
        lambda m: f"{m.group('words')}{' ' * (2 + len(m.group('target')))}", text)


def _numbered_references(text: str, references: tuple[Reference, ...]) -> dict[str, str]:
    """Numbered entries of the text's references section, matched to BibTeX keys."""
    numbered: dict[str, str] = {}
    for line in lines(text):
        if line.section != "references":
            continue
        match = re.match(r"^\s*\[?(\d{1,3})[.)\]]\s+(.*)$", line.text)
        if match is None:
            continue
        key = _match_entry(match.group(2), references)
        if key is not None:
            numbered[match.group(1)] = key
    return numbered


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z]{4,}", text.lower())}


def _match_entry(entry: str, references: tuple[Reference, ...]) -> str | None:
    """The BibTeX key whose title words and year best fit a references-section entry."""
    best: tuple[tuple[float, int], str] | None = None
    entry_words = _words(entry)
    for reference in references:
        title_words = _words(reference.title or "")
        if not title_words:
            continue
        shared = len(title_words & entry_words)
        overlap = shared / len(title_words)
        year = reference.year or ""
        if year and year in entry:
            overlap += 0.2
        # of two titles the line holds alike ("Gout." and "Gout in older women"), the
        # one with more of its words
        score = (overlap, shared)
        if overlap >= 0.6 and (best is None or score > best[0]):
            best = (score, reference.key)
    return best[1] if best else None


def _match_reference(author: str, year: str, references: tuple[Reference, ...]) -> str | None:
    """The one BibTeX entry by ``author`` in ``year``, if exactly one fits.

    ``author`` is a surname, an organisation's name or its acronym (the one written
    in the entry, or its initials: :func:`~bluntgraph.extract.references.cited_names`);
    a part of a name is none ("Li" is not "Williams", "Organization" not WHO).
    """
    wanted = re.sub(r"\s+", " ", author).strip().lower()
    fits = [r.key for r in references if (r.year or "") == year and wanted in cited_names(r)]
    return fits[0] if len(fits) == 1 else None
