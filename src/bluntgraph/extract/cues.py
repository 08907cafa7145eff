"""The cue phrases that signal each relation, hedge and kind of evidence.

Each predicate of :data:`bluntgraph.model.PREDICATES` has cue patterns; a
cue is ``forward`` (the terms before it are the subject: "X causes Y") or
``reverse`` ("Y is caused by X", "Y is a side effect of X"). Certainty
levels come from hedges ("may", "studies suggest", "thought to"), evidence
from research appeals, described studies, citations and named experts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["CERTAINTY_CUES", "RELATION_CUES", "WORK_FINDS", "RelationCue"]


@dataclass(frozen=True)
class RelationCue:
    """A pattern that signals ``predicate``; ``reverse`` swaps subject and object."""

    predicate: str
    pattern: re.Pattern[str]
    reverse: bool = False
    strength: float = 0.6


def _cue(predicate: str, words: str, reverse: bool = False, strength: float = 0.6) -> RelationCue:
    return RelationCue(predicate, re.compile(rf"\b(?:{words})\b", re.IGNORECASE), reverse,
                       strength)


_ADJ = r"(?:\w+[- ]){0,2}"
#: an adverb between a passive participle and its "by": "caused only (mainly, in part) by"
_BY_ADVERB = (r"(?:(?:only|mainly|mostly|largely|partly|partially|usually|often|primarily|"
              r"chiefly|typically|commonly|sometimes|in part|most often|almost always|always|"
              r"generally|frequently|rarely|entirely|solely|wholly|purely|directly|"
              r"exclusively)\s+)?")
#: the object of "make Y worse" and a degree before the state: "your cough (much, 40%)"
_MADE_OBJECT = (r"\s+(?!(?:it|them|sure|up|out|do|time|sense|room|way|use|a point)\b)"
                r"(?:[\w'’-]+\s+){1,4}?(?:(?:much|even|a lot|far|a (?:little|bit)|slightly|"
                r"considerably|(?:about|around|up to)?\s*\d+(?:\.\d+)?\s?%)\s+)*"
                r"(?<!\bno\s)(?<!\bnot\s)")  # "makes it no shorter": not a cue

#: safety and interaction cues, read before the others: "reduce the effect of the pill"
#: is an interaction, not a reduction of "the effect"
_SAFETY_CUES: tuple[RelationCue, ...] = (
    # "is safe in pregnancy", "is considered safe for adults", "safe to take during
    # pregnancy" ("not safe for": the denial is read before the cue)
    _cue("safe_for", r"(?:(?:is|are|was|were|be|being|remains?|seems?|appears?)\s+)?"
                     r"(?:(?:generally|usually|probably|perfectly|completely|entirely|likely|also|"
                     r"still|very|quite|thought to be|considered|deemed|regarded as|believed to be|"
                     r"known to be|found to be|shown to be)\s+){0,3}safe(?:\s+to\s+(?:take|use|"
                     r"eat|drink|consume|have|give))?\s+(?:for|in|during|while)", strength=0.6),
    # "X interacts with Y", "X should not be combined (taken, used, mixed) with Y", "X can
    # reduce the effect of Y" (what X does to Y's effect: an interaction)
    _cue("interacts_with", r"interact(?:s|ed|ing)?\s+with|"
                           r"(?:has|have|had)\s+(?:an?\s+)?(?:\w+\s+)?interactions?\s+with|"
                           r"(?:should|must|can|cannot|can't|can’t)\s+(?:not\s+|never\s+)?be\s+"
                           r"(?:combined|taken|used|mixed)\s+(?:together\s+)?with|"
                           r"(?:reduces?|reduced|reducing|lowers?|lowered|weakens?|weakened|"
                           r"cancels?\s+out|blocks?|blocked|increases?|increased|boosts?|"
                           r"strengthens?|enhances?)\s+the\s+(?:effects?|effectiveness|efficacy)\s+of",
         strength=0.6),
)

RELATION_CUES: tuple[RelationCue, ...] = (
    *_SAFETY_CUES,
    # "X is a popular remedy for Y", "one of the most popular home remedies for Y", "a
    # traditional remedy for Y", "used for centuries to treat Y": that people use X for Y,
    # not that it works — a link, never a treatment (so a later "X does not treat Y" is no
    # conflict); before the treatment cues, which would read "remedy for" as one
    _cue("associated_with",
         r"(?:(?:is|are|was|were|remains?|has been|have been)\s+(?:also\s+|still\s+|long\s+|"
         r"often\s+|widely\s+)*(?:used\s+as\s+)?)?(?:(?:an?|the|one of the)\s+)?"
         r"(?:(?:most|more|very|increasingly|widely)\s+)?(?:popular|traditional|folk|home|"
         r"age-old|old-fashioned|favou?rite|time-honou?red)\s+(?:(?:home|folk|household|herbal|"
         r"natural)\s+)?(?:remed(?:y|ies)|cures?|treatments?|choices?|options?)\s+(?:for|against)|"
         r"(?:is|are|was|were)\s+(?:also\s+|still\s+|very\s+|hugely\s+|widely\s+)?popular\s+"
         r"(?:as\s+an?\s+(?:\w+\s+)?(?:remedy|treatment|cure)\s+)?(?:for|against)|"
         r"(?:(?:is|are|was|were|has been|have been)\s+)?(?:traditionally\s+used|used\s+(?:for "
         r"(?:centuries|generations)|in folk medicine|traditionally))\s+(?:for|to treat|"
         r"to relieve|to cure|against)", strength=0.45),
    # reverse cues first: "Y is a side effect of X" must not read as "Y … X" forward
    # ("caused only by", "triggered mainly by": an adverb between)
    _cue("causes", rf"(?:caused|induced|triggered|brought on)\s+{_BY_ADVERB}by|due to|because of|"
                   r"(?:a |the )?results? of|resulting from|results? from|stems? from|"
                   rf"(?:an? |the )?{_ADJ}(?:side[- ]effects?|adverse (?:effects?|reactions?)|"
                   r"consequences?|complications?) of|attributed to", reverse=True),
    # the passive of the other verbs: "insomnia is treated with CBT", "pain eased by rest"
    # ("they need to be treated, usually with antibiotics": an adverb between, in commas or not)
    _cue("treats", r"(?:(?:(?:needs?|has|have) to|must|should|can|may) be\s+|(?:is|are)\s+)?"
                   r"(?:(?:usually|often|mostly|sometimes|generally|typically|commonly|best|"
                   r"successfully)\s+)?"
                   r"(?:treated|managed|cured),?\s+(?:(?:usually|often|mostly|sometimes|"
                   r"generally|typically|commonly|best|successfully|first)\s*,?\s+)?"
                   r"(?:with|by|using|through)\b", reverse=True),
    # "fatigue may manifest as muscle pain": the pain is a sign of the fatigue
    _cue("symptom_of", r"manifests?\s+(?:itself\s+)?(?:as|in|through)|manifested\s+(?:as|in)|"
                       r"presents?\s+(?:itself\s+)?(?:as|with)", reverse=True, strength=0.55),
    # "insomnia can be part of a broader depression" (only of a condition or symptom: below)
    _cue("symptom_of", r"(?:is|are|be|being|as)\s+(?:also\s+|often\s+|usually\s+|sometimes\s+)?"
                       r"(?:an?\s+|one\s+)?(?:common\s+|typical\s+|core\s+|key\s+)?part\s+of",
         strength=0.5),
    # "the drug could be the culprit", "caffeine is to blame (for …)"
    _cue("causes", r"(?:is|are|could be|may be|might be|can be|was|were)\s+(?:often\s+|usually\s+|"
                   r"likely\s+|probably\s+)?(?:the|a|one)\s+(?:\w+\s+)?culprits?(?:\s+(?:for|of|"
                   r"behind))?|(?:is|are|may be|could be)\s+to\s+blame(?:\s+for)?", strength=0.55),
    # "a beta blocker could be an option (for migraine)": a treatment of it, or of the topic
    _cue("treats", r"(?:is|are|could be|may be|can be|might be|would be|remains?)\s+(?:also\s+|"
                   r"still\s+|often\s+)?(?:an?|one|another|the)\s+(?:\w+\s+){0,2}?(?:treatment\s+)?"
                   r"(?:option|choice|alternative)s?", strength=0.5),
    # "people with migraine respond well to triptans": the triptans treat it
    _cue("treats", r"respond(?:s|ed)?\s+(?:\w+ly\s+){0,2}(?:well\s+)?to", reverse=True),
    _cue("reduces", r"(?:relieved|reduced|eased|alleviated|improved|lessened|prevented|"
                    r"helped) (?:with|by|through)", reverse=True),
    _cue("worsens", r"(?:worsened|aggravated|exacerbated|intensified|made worse) (?:with|by)",
         reverse=True),
    # the intransitive verbs: "insomnia often improves with exercise", "the pain goes away
    # after stopping statins" (what comes after is what reduces it)
    # ("usually settles (in most people) within two weeks of stopping the tablet")
    _cue("reduces", r"(?:improves?|improved|eases?|eased|subsides?|subsided|fades?|faded|"
                    r"resolves?|resolved|disappears?|disappeared|goes away|went away|gone away|"
                    r"clears?(?: up)?|cleared(?: up)?|settles?(?: down)?|settled(?: down)?|"
                    r"gets? better|got better)\s+(?:\w+ly\s+)?(?:in\s+(?:most|many|some|all)\s+"
                    r"(?:\w+\s+){0,2}?)?(?:with|after|following|(?:with)?in\s+(?:[\w-]+\s+){1,5}?of|"
                    r"on(?!\s+(?:its|their|his|her|your|my)\s+own))\b", reverse=True),
    _cue("increases", r"(?:increased|raised|boosted|elevated) by", reverse=True),
    _cue("decreases", r"(?:decreased|lowered|depleted|suppressed|inhibited|blocked) by",
         reverse=True),
    # "X is a common cause of Y": forward, before the bare verb "cause" reads "common" as X
    _cue("causes", r"(?:is|are|was|were|be|being|as)\s+(?:also\s+|often\s+|probably\s+)?"
                   r"(?:an?|the|one of the)\s+(?:\w+[- ]){0,2}(?:causes?|triggers?|drivers?) of",
         strength=0.6),
    # "… dark urine, a sign of rhabdomyolysis": an appositive says what the noun before it is
    _cue("symptom_of", r",\s+(?:an?|one|the)\s+(?:(?:common|typical|classic|early|key|possible|"
                       r"warning|telltale|tell-tale|serious)\s+)?(?:symptom|sign|hallmark|"
                       r"indicator)\s+of", strength=0.5),
    _cue("symptom_of", r"(?:is|are|be|being|as|was|were|remains?)\s+(?:also\s+|often\s+|"
                       r"usually\s+|not\s+|sometimes\s+|commonly\s+)?(?:an?\s+|the\s+|"
                       rf"one of the\s+)?{_ADJ}(?:symptoms?|signs?|manifestations?|features?|"
                       r"hallmarks?|indicators?) of", strength=0.6),
    _cue("same_as", r"also (?:called|known as|referred to as|termed|described as)|"
                    r"(?:sometimes |often |commonly )?(?:called|known as|referred to as|termed)|"
                    r"aka|a\.k\.a\.|(?:other|another|alternative) (?:terms?|names?|words?) for|"
                    r"(?:is )?(?:another|a different) (?:name|term|word) for|synonymous with",
         strength=0.65),
    _cue("distinct_from", r"(?:the )?differences? between|differs? from|differ(?:s|ent)? from|"
                          r"distinct from|"
                          r"(?:is |are )?not the same (?:thing )?as|distinguished from|"
                          # "X is unlike Y"; a fronted "Unlike X, Y does Z" only sets Y's
                          # claim against X, it says nothing of how they differ
                          r"distinguishable from|(?:is|are|was|were)\s+(?:very\s+|quite\s+)?"
                          r"unlike|separate from", strength=0.65),
    _cue("defined_as", r"(?:,\s*|\(\s*)?which (?:is|are|refers? to|means|describes)",
         strength=0.55),
    _cue("defined_as", r"(?:is|are) defined as|(?:is|are) characteri[sz]ed (?:by|as)|"
                       r"refers? to|means|denotes?|describes?|"
                       r"(?:is|are) (?:an? |the )?(?:type|form|kind|class|category|subtype) of|"
                       r"(?:is|are) (?:an? |the )(?:\w+ ){0,2}(?:inability|ability|state|condition|"
                       r"feeling|term|reduction|lack|loss|absence|decrease|disorder|disease)",
         strength=0.6),
    _cue("associated_with", r"(?:a |the )?(?:link|relationship|association|connection) between|"
                            r"(?:is |are |been )?(?:associated|linked|tied|correlated|connected|"
                            r"related|coupled) (?:to|with)|a link (?:between|to|with)|"
                            r"(?:an? |the )?(?:association|relationship|connection|correlation) "
                            r"(?:between|with)|involves?|involving|goes? hand in hand with|"
                            r"co-occurs? with|(?:is |are )?accompanied by|"
                            r"(?:can |may |often |also )*appears? (?:in|with|alongside)",
         strength=0.5),
    _cue("worsens", r"worsens?|worsened|worsening|exacerbates?|exacerbated|aggravates?|"
                    r"aggravated|intensif(?:y|ies|ied)", strength=0.6),
    # "X makes Y worse", "can make your symptoms much worse", "makes colds 40% shorter": the
    # verb is the cue and Y comes between it and the state (the rules end the object there,
    # see rules._MADE_STATE)
    _cue("worsens", rf"(?:make|makes|made|making)(?={_MADE_OBJECT}(?:worse|more severe|"
                    r"longer)\b)", strength=0.6),
    _cue("reduces", rf"(?:make|makes|made|making)(?={_MADE_OBJECT}(?:better|milder|shorter|"
                    r"less severe|less intense|less painful)\b)", strength=0.6),
    _cue("reduces", r"reduces?|reduced|reducing|relieves?|relieved|relieving|alleviates?|"
                    r"alleviated|alleviating|eases?|eased|easing|lessens?|lessened|"
                    r"soothes?|soothed|calms|calmed|"
                    r"improves?|improved|improving|restores?|restored|restoring|reverses?|"
                    r"counteracts?|counteracted|prevents?|prevented|preventing|"
                    r"(?:a |an )?(?:reduction|decrease|improvement|relief) (?:in|of|from)|"
                    r"help(?:s|ed)? (?:(?:you|people|patients|individuals|them|someone|a person|"
                    r"the person|many people)\s+)?(?:to )?(?:reduce|relieve|ease|alleviate|restore|"
                    r"improve|"
                    r"re-engage|re-establish|rebuild|regain|manage|cope with|with|prevent)|"
                    r"gets? rid of|re-establish(?:es)?|rebuilds?|regains?|brings? back|"
                    r"slow(?:s|ed|ing)? (?:down )?(?:the )?(?:progression|worsening|growth|"
                    r"onset|development) of|"
                    # "drops slow myopia progression", "protects (children) against measles"
                    r"slow(?:s|ed|ing)?(?=\s+(?:the\s+)?(?:[\w-]+\s+){1,2}(?:progression|growth|"
                    r"decline|worsening|deterioration)\b)|"
                    # ("use it to protect themselves from …": a person's defence, no effect)
                    r"protect(?:s|ed|ing)?\s+(?!(?:themselves|yourself|yourselves|himself|herself|"
                    r"itself|ourselves|myself|oneself)\b)(?:\w+\s+){0,2}?(?:against|from)|"
                    r"guards? against|"
                    r"shortens?|shortened|shortening|"
                    # "zinc stops colds", "can halt the bleeding": not "stops taking (working)",
                    # not the past ("stopped the trial"), nor the imperative "Stop smoking"
                    # (the bare verb only after a modal or a denial)
                    r"(?:stops|halts|(?:(?<=can )|(?<=may )|(?<=might )|"
                    r"(?<=could )|(?<=will )|(?<=would )|(?<=does )|(?<=did )|(?<=n't )|"
                    r"(?<=not ))(?:stop|halt))(?!\s+(?:\w+ing|to|it|them|him|her|you|me|us|"
                    r"people|patients|when|if|after|before|because|as|for|now|here|there)\b)"
                    r"(?=\s+\w)|"
                    r"minimi[sz]es?|mitigates?|(?:can|may|might|could|will|often|also|\s)*"
                    r"help(?:s|ed)?(?=\s*(?:[.;!,]|$))|"
                    # "lozenges do not help ACE inhibitor cough": help with a symptom or a
                    # condition right after (the rules keep only those)
                    r"help(?:s|ed)?(?=\s+(?!(?:you|your|people|patients|them|him|her|us|me|"
                    r"someone|to|with|in|the body|a lot|little|much|when|if|because|or|and|but|"
                    r"not|so|as|keep|"
                    r"maintain|support|regulate|balance|control|build|promote|boost|make|"
                    # a verb after "help" ("helps stabilize mood"): what it helps do
                    r"[a-z]+(?:ize|ise|ate|ify))\b)[A-Za-z])",
         strength=0.6),
    _cue("treats", r"treats?|treated|treating|"
                   # "X works against Y", "X is (not) effective against Y"
                   r"(?:works?|worked|working)\s+(?:(?:\w+ly|well)\s+)?against|"
                   r"(?:effective|useful|helpful)\s+(?:against|(?:in|at|for)\s+treating)|"
                   r"(?:an? |the )?(?:\w+ )?treatments?(?: \w+)? (?:for|of)|"
                   r"used to (?:treat|address|manage)|"
                   r"(?:a |the )?(?:first-line |standard )?therap(?:y|ies) for|"
                   r"manag(?:e|es|ed|ing)|used (?:to treat|for)|prescribed (?:for|to treat)|"
                   r"cures?|cured|(?:an? |the )?(?:\w+ )?remed(?:y|ies) for|"
                   r"(?:a |an )?(?:\w+ )?tool in managing|"
                   # "echinacea fights colds", "helps your body fight off a cold", "may fight
                   # infection" (the verb only: "a fight with …" is a noun)
                   r"(?:fights|fought)(?:\s+off)?|help(?:s|ed)?\s+(?:(?:you|your|the|people|"
                   r"patients|them|body|immune|system|'s|’s)\s*){0,3}(?:to\s+)?fight(?:\s+off)?|"
                   r"(?:(?:can|may|might|could|will|to|not|never)\s+|(?<=n't\s)|(?<=n’t\s))"
                   r"fight(?:\s+off)?",
         strength=0.6),
    _cue("increases", r"increases?|increased|increasing|raises?|raised|raising|boosts?|"
                      r"boosted|elevates?|elevated|heightens?|enhances?|(?:an? )?(?:increase|rise) "
                      r"in|more likely to (?:have|develop|experience)", strength=0.55),
    _cue("decreases", r"(?:cuts?|cutting|halve[sd]?|halving|slash(?:es|ed|ing)?) "
                      r"(?:the |your |their |his |her |our |its )?"
                      r"(?:risks?|chances?|odds|rates?|numbers?)\b|"
                      r"decreases?|decreased|decreasing|lowers?|lowered|lowering|depletes?|"
                      # "cut heart attacks, strokes and deaths by 25%": a cut by a figure
                      r"cut(?:s|ting)?(?=\s+(?:[\w'’-]+,?\s+){1,8}?by\s+(?:about\s+|around\s+|"
                      r"nearly\s+|almost\s+|roughly\s+|up to\s+|more than\s+|over\s+)?"
                      r"(?:\d|half|a (?:third|quarter|fifth)))|"
                      r"depleted|dampens?|dampened|suppress(?:es|ed)?|inhibits?|inhibited|"
                      r"blocks?|blocked|diminish(?:es|ed)?|(?:an? )?(?:decrease|drop|fall) in|"
                      # "a decline in function"; "cognitive decline in older adults" is a name
                      r"(?:an?|the) decline in", strength=0.55),
    _cue("acts_on", r"acts? on|acted on|act upon|targets?|targeted|binds? to|works? on|"
                    r"(?:the )?reuptake of|modulates?|regulates?", strength=0.55),
    _cue("prevalence", r"occurs? (?:in|among)|common (?:in|among)|prevalent (?:in|among)|"
                       r"affects(?!-)|(?:can|may|might|will|could|often|also) affect(?!-)|"
                       # "Leg cramps affect about 33% of adults": the verb of a plural, before a
                       # figure ("blunted affect", the noun, is never followed by one)
                       r"affect(?=\s+(?:(?:about|around|roughly|approximately|nearly|almost|up to|"
                       r"as many as|more than|over|at least|an estimated)\s+)?(?:\d|(?:one|two|"
                       r"three|four|five|half|a third|a quarter)\b))|"
                       r"experienced by|(?:is |are |be )?present in|seen in|found in|reported by|"
                       r"reported in|happens? (?:in|to)", strength=0.5),
    _cue("recommends", r"recommends?|recommended|advises?|advised|(?:you |patients |people )?"
                       r"should (?:not |never )?(?:try|consider|talk|consult|see|ask|use|take|"
                       r"avoid|stop)|"
                       r"consults?|talk (?:to|with)|speak (?:to|with)|ask your|it is best to|"
                       r"is (?:a )?good idea", strength=0.5),
    _cue("causes", r"causes?|caused|causing|leads? to|led to|leading to|results? in|resulted in|"
                   r"resulting in|triggers?|triggered|triggering|induces?|induced|inducing|"
                   r"produces?|produced|brings? on|brought on|contributes? to|contributed to|"
                   r"contributing to|gives? rise to|provokes?|provoked|can (?:also )?create|"
                   r"creates?", strength=0.65),
)

#: population verbs: "<share> of <people taking X> <verb> <outcome>"
EXPERIENCE_CUE = re.compile(
    r"\b(?:experience[sd]?|experiencing|develop(?:s|ed)?|report(?:s|ed)?|suffer(?:s|ed)? from|"
    r"get|gets|notice[sd]?|feel|feels|have|has|had)\b(?:\s+(?:an?|some|the)\b)?"
    r"(?:\s+(?P<change>reduction|decrease|improvement|relief|increase|worsening|rise|drop|"
    r"return)s?\s+(?:in|of|from))?",
    re.IGNORECASE,
)
CHANGE_PREDICATE = {
    "reduction": "reduces", "decrease": "reduces", "improvement": "reduces", "relief": "reduces",
    "drop": "reduces", "return": "reduces", "increase": "worsens", "rise": "worsens",
    "worsening": "worsens",
}  # fmt: skip

#: (level, pattern): the first level whose pattern is nearest the relation wins
CERTAINTY_CUES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("speculative", re.compile(
        r"\b(?:suspects?|suspected|(?:is|are|was|were) (?:thought|believed|hypothesi[sz]ed|"
        r"theori[sz]ed|presumed|speculated) to|thought to|believed to|hypothes\w+|theor\w+|"
        r"speculat\w+|would(?: \w+)?|unclear|not (?:yet )?(?:clear|known|understood)|"
        r"may possibly|it is possible that|perhaps|(?:emerging|limited|preliminary|early) "
        r"(?:evidence|research|data|studies)|"
        # a proof denied or still to come: "no single study proves that", "cannot prove",
        # "has not been proven", "is yet to be proven", "unproven"
        r"(?:no|not|never|cannot|can't|n't)\s+(?:\w+\s+){0,2}(?:prove[sdn]?|proof)|"
        r"yet to be proven|unproven)\b", re.IGNORECASE)),
    ("possible", re.compile(
        r"\b(?:may|might|could|can|possibly|potentially|sometimes|in some cases|for some|"
        r"some people|in rare cases|occasionally|rarely|seems? to|appears? to|when)\b",
        re.IGNORECASE)),
    ("probable", re.compile(
        r"\b(?:likely|unlikely|probably|often|commonly|usually|typically|frequently|frequent|estimates?|"
        r"common(?=\s+(?:side[- ]effects?|symptoms?|signs?|causes?|reasons?|complaints?|"
        r"problems?|in|among|for|with)\b)|(?:is|are) common|"
        r"(?:studies|research|evidence|data) (?:\w+ )?(?:suggests?|indicates?)|suggests?|"
        r"indicates?|in many cases|in most cases|tends? to|generally|mostly|most people|"
        r"many people|widely)\b", re.IGNORECASE)),
)
CERTAIN_CUES = re.compile(
    r"\b(?:(?:research|studies|evidence|data|trials) (?:clearly )?(?:shows?|showed|proves?|"
    r"proved|confirms?|confirmed|demonstrates?|demonstrated|has shown|have shown)|"
    # "a study of 45,000 adults proves that", "conclusively shows", "beyond doubt"
    r"(?:proves?|proved|proven)\s+that|conclusively|definitively|beyond (?:any |all |"
    r"reasonable )?doubt|"
    r"definitely|certainly|always|undoubtedly|clearly)\b",
    re.IGNORECASE,
)

RESEARCH_APPEAL = re.compile(
    r"\b(?:(?:some |many |several |most |recent |new |emerging |growing |other |multiple |"
    r"numerous |clinical |scientific )?(?:studies|research|researchers|scientists|evidence|"
    r"experts|data|trials|findings|reviews|doctors|clinicians|investigators)\s+(?:\w+\s+)?"
    r"(?:show|shows|showed|shown|suggest|suggests|suggested|indicate|indicates|found|find|"
    r"finds|report|reports|reported|note|notes|noted|suspect|suspects|believe|believes|think|"
    r"thinks|agree|agrees|say|says|said|warn|warns|warned|"
    r"confirm|confirms|demonstrate|demonstrates|view|point|link|links|linked|has shown|have shown|"
    r"have found|has found|reveal|reveals|revealed)|"
    # "…, dermatologists say": unnamed specialists after the claim
    r"(?-i:[a-z]+(?:ists|ians))\s+(?:say|said|warn|warned|agree|believe)(?=\s*[.!]?\s*$)|"
    r"according to (?:the )?(?:research|studies|"
    r"experts|scientists|evidence|data)|in (?:(?:clinical|randomi[sz]ed|controlled|large|"
    r"observational|population|cohort|animal) )*"
    r"(?:trials|studies)|well[- ]documented|"
    r"(?:research|evidence) (?:is|has been) (?:clear|mixed|limited)|(?:emerging|growing|"
    r"limited|strong|some|new|recent|good|mixed|clinical|scientific) evidence)\b",
    re.IGNORECASE,
)
DESCRIBED_WORK = re.compile(
    r"\b(?:(?:an?|one|another|the|this|that|per|in)\s+)?(?:(?:19|20)\d\d\s+)?"
    r"(?:(?:small|large|recent|new|published|clinical|systematic|randomi[sz]ed|controlled|"
    r"observational|online|national|international|double-blind|placebo-controlled|"
    r"longitudinal|cohort|pilot|landmark|major|peer-reviewed|previous|earlier|prior|later|"
    # a capitalised name of a country, people or place: "a German study", "a Harvard trial"
    r"(?-i:[A-Z][a-z]+(?:-[A-Z][a-z]+)?))\s+){0,3}(?:study|survey|review|reviews|trial|meta-analysis|"
    r"analysis|paper|report|experiment|poll)\b(?:\s+(?:of|with|in|among|involving)\s+"
    r"(?:more than |over |nearly |about )?\d[\d,]*\s+[a-z]+(?:\s+(?!(?:found|finds|shows?|"
    r"showed|suggest|suggests|suggested|reports?|reported|concluded|noted|indicated|revealed|"
    r"estimated|estimates|that|who|with|in|and|at|from)\b)[a-z]+)?)?",
    re.IGNORECASE,
)
#: what a work says it found, right after its name: "The review suggests (that) …", "the trial
#: found …", "this meta-analysis showed …" (the work speaks; a bare "the study" may be a term)
WORK_FINDS = re.compile(
    r"\s+(?:(?:also|further|clearly|recently|only|first)\s+)?(?:found|finds|suggests?|suggested|"
    r"shows?|showed|reports?|reported|concluded|concludes|indicates?|indicated|revealed|"
    r"reveals|demonstrated|demonstrates|confirmed|confirms|estimated|estimates|noted|notes|"
    r"observed|linked|has shown|has found|did not find|found no)\b",
    re.IGNORECASE,
)
SPEECH = r"(?:says|said|adds|added|explains|explained|notes|noted|shares|shared|tells|told|" \
    r"writes|wrote|points out|pointed out|warns|warned|advises|advised|recommends|suggests|" \
    r"continues|continued|agrees|emphasi[sz]es|stresses|observes|describes|" \
    r"argues|argued|cautions|cautioned|insists|insisted|contends|maintains|believes)"
