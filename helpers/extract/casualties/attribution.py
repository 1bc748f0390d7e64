"""Who did it and where: the perpetrator and the place of a casualty figure.

The perpetrator is the trigger's agent (``killed by X``), else the agent of an
event noun in the sentence (``ISIS attack``, ``attack by X``, ``X launched an
attack``), else of an event in the previous sentence the sentence refers back
to (``the attack``); it is linked through the actor dictionary. The place is the
nearest event place in the same clause, the sentence, the previous sentence,
else the article's main place; a person's home or a reference point ("a Detroit man",
"west of Atlanta") only when its sentence names no other place.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Collection, Sequence

from spacy.tokens import Doc, Span, Token

from helpers.extract.casualties.counting import is_person
from helpers.extract.casualties.entities import common_noun_entity, entities_within, entity_at
from helpers.extract.casualties.nouns import SECURITY_FORCES, victim_group_of
from helpers.extract.casualties.syntax import clause_head, complement_of, is_passive, verb_subject
from helpers.extract.places.ground import in_organisation_name, is_ground, names_patron, owner_country
from helpers.knowledge.actors import ActorDictionary, canonicalize
from helpers.knowledge.casualty_lexicon import Lexicon, casualty_cues, victim_sides
from helpers.knowledge.event_types import unnamed_forces
from helpers.knowledge.grammar import function_words
from helpers.knowledge.place_names import adverbs
from helpers.knowledge.speech import speech_verbs
from helpers.knowledge.vocabulary import place_nouns

#: The place confidence of a place named in the figure's own sentence (see :func:`place_for`).
SENTENCE_PLACE = 0.7
#: The place confidence of a place listed with one of another province (see :func:`_joint`): below
#: :data:`SENTENCE_PLACE`, so that it tells no incident apart.
JOINT_PLACE = 0.6
#: What stands between places listed together.
LIST_JOINERS = frozenset({"and", ",", ", and", "&"})

_AGENT_LABELS = {"ORG", "NORP", "PERSON", "GPE"}
#: Entity labels that name an actor inside a longer phrase; NORP adjectives do not ("Afghan forces").
_ACTOR_LABELS = {"ORG", "PERSON"}


def _entity_in(token: Token, labels: set[str]) -> Span | None:
    """The first named entity of ``labels`` inside the subtree of ``token``."""
    left, right = token.left_edge.i, token.right_edge.i
    return next(
        (e for e in entities_within(token.doc, left, right + 1) if e.label_ in labels),
        None,
    )


def _event_agent(event: Token, lexicon: Lexicon) -> Token | Span | None:
    """The agent of an event noun: ``ISIS attack``, ``attack by X``, ``X launched an attack``, a state's
    force named without its state (``a police operation``, ``an army raid``: ``unnamed_forces.csv``),
    the side a fight was with (``killed in a gunfight with security forces``)."""
    cues = casualty_cues()
    for child in event.children:
        if child.dep_ in {"compound", "poss", "nmod", "amod"} and child.ent_type_ in _AGENT_LABELS - {"GPE"}:
            return _entity_in(child, _AGENT_LABELS) or child
        if child.dep_ in {"compound", "amod"} and child.lower_ in unnamed_forces():
            return child
        opponent = event.lemma_.lower() in cues.fight_noun and child.lower_ in cues.opponent_preposition
        if child.dep_ == "prep" and (child.lower_ in cues.agent_preposition or opponent):
            agent = next((g for g in child.children if g.dep_ == "pobj"), None)
            if agent is not None:
                return agent
    if event.dep_ in {"dobj", "obj"} and event.head.lemma_.lower() in cues.event_verb:
        return verb_subject(event.head)
    return None


def _events_in(sentence: Span, lexicon: Lexicon) -> list[Token]:
    return [t for t in sentence if t.pos_ in {"NOUN", "PROPN"} and t.lemma_.lower() in lexicon.events]


def _doer_before(trigger: Token, lexicon: Lexicon) -> Token | None:
    """The subject of the verb a participle's clause hangs on, when a person, a group or an event:
    who did the main act did the harm ("Troops repelled an attack, killing 12": the troops; "An
    explosion rocked the market, killing 12": the explosion's agent; not "A truck blew up")."""
    if trigger.dep_ != "advcl" or trigger.tag_ != "VBG" or is_passive(trigger.head):
        return None
    # hung past a nearer verb ("police are hunting a suspect … a device that exploded, wounding 13")
    if any(t.pos_ == "VERB" for t in trigger.doc[trigger.head.i + 1 : trigger.i]):
        return None
    subject = verb_subject(trigger.head)
    if subject is None or subject.pos_ == "PRON":
        return None
    events = lexicon.events
    doer = (
        subject.ent_type_ in _AGENT_LABELS or is_person(subject, lexicon) or subject.lemma_.lower() in events
    )
    return subject if doer else None


def perpetrator_of(
    agent: Token | None, trigger: Token, sentence: Span, previous: Span | None, lexicon: Lexicon
) -> tuple[Token | Span | None, bool]:
    """Pick the perpetrator; True in the second slot when it came from the previous sentence."""
    cues = casualty_cues()
    if agent is not None and agent.tag_ in {"WDT", "WP"}:
        agent = None
    agent = agent or _doer_before(trigger, lexicon)
    if agent is not None:
        if agent.lemma_.lower() in lexicon.events:
            return _event_agent(agent, lexicon), False
        return agent, False
    for event in _events_in(sentence, lexicon):
        found = _event_agent(event, lexicon)
        if found is not None:
            return found, False
    for verb in sentence:
        if (
            verb.pos_ == "VERB"
            and verb.lemma_.lower() in lexicon.events | cues.attack_verb
            and not is_passive(verb)
            and not _told_apart(verb, trigger)
        ):
            subject = verb_subject(verb)
            if subject is not None and subject.pos_ != "PRON":
                if subject.lemma_.lower() in lexicon.events:
                    return _event_agent(subject, lexicon), False
                return subject, False
    anaphoric = [
        e
        for e in _events_in(sentence, lexicon)
        if any(c.lower_ in cues.anaphoric_determiner for c in e.children)
    ]
    if anaphoric and previous is not None:
        for event in _events_in(previous, lexicon):
            found = _event_agent(event, lexicon)
            if found is not None:
                return found, True
    return None, False


def _told_apart(verb: Token, trigger: Token) -> bool:
    """Whether a clause with a subject of its own stands between an attack verb and the trigger
    ("Police fired tear gas … after photographs emerged of the bodies of two students": the
    police did not kill them); a verb of speech does not ("gunmen attacked, and residents said two
    were killed")."""
    up_from_trigger, up_from_verb = [trigger, *trigger.ancestors], [verb, *verb.ancestors]
    above_verb = {t.i for t in up_from_verb}
    meeting = next((t for t in up_from_trigger if t.i in above_verb), None)
    if meeting is None:
        return False
    between = up_from_trigger[1 : up_from_trigger.index(meeting)]
    between += [t for t in up_from_verb[1:] if t.i != meeting.i and meeting.i in {a.i for a in t.ancestors}]
    between += [meeting] if meeting.i not in (verb.i, trigger.i) else []
    said = speech_verbs().cues
    return any(
        t.pos_ in {"VERB", "AUX"}
        and t.lemma_.lower() not in said
        and any(c.dep_ in {"nsubj", "nsubjpass"} for c in t.children)
        for t in between
    )


def _noun_phrase(token: Token, *, complements: Collection[str] = ()) -> Span:
    """The token with its left modifiers (no determiners) and the named prepositional complements."""
    start = min(
        [token.i]
        + [t.i for c in token.lefts if c.dep_ in {"amod", "compound", "nmod", "poss"} for t in c.subtree]
    )
    end = max(
        [token.i] + [c.right_edge.i for c in token.rights if c.dep_ == "prep" and c.lower_ in complements]
    )
    return token.doc[start : end + 1]


def breakaway(noun: Token) -> bool:
    """Whether a noun names a group that broke away from the one it is "of" ("dissidents of the FARC",
    "a splinter group of the Taliban"; ``breakaway`` of ``casualty_cues.csv``)."""
    words = casualty_cues().breakaway
    return noun.lemma_.lower() in words or any(
        c.dep_ in {"amod", "compound"} and c.lemma_.lower() in words for c in noun.lefts
    )


def actor_of(agent: Token | Span | None, dictionary: ActorDictionary | None) -> tuple[str, str]:
    """Canonical name and actor id of the perpetrator, linked through the actor dictionary."""
    if agent is None:
        return "", ""
    if isinstance(agent, Span):
        span = agent
    else:
        # A named organisation or person inside the phrase names the actor ("members of
        # the Islamic State"); a nationality adjective does not ("Afghan forces").
        cues = casualty_cues()
        phrase = _noun_phrase(agent, complements=cues.partitive | cues.origin)
        first = phrase.start - (phrase.start > 0 and agent.doc[phrase.start - 1].dep_ == "det")  # "the RSF"
        span = next(
            (
                e
                for e in entities_within(agent.doc, first, phrase.end)
                # "junta troops": no name; "al Qaeda-linked militants": al Qaeda is their patron
                if e.label_ in _ACTOR_LABELS and not common_noun_entity(e) and not names_patron(e)
            ),
            phrase,
        )
        if span.start > agent.i and breakaway(agent):  # "dissidents of the former FARC": not the FARC
            found = canonicalize(f"{span.text} {agent.lower_}", span.label_, dictionary=dictionary)
            return (found["canonical"], found["actor_id"]) if found["in_dictionary"] else (phrase.text, "")
    text = span.text
    label = span.label_
    if label:
        result = canonicalize(text, label, dictionary=dictionary)
        # a name the dictionary lacks in a phrase of a state's forces is their word, not their name
        # ("Regime forces shelled the village": the regime's forces, which the events code as the state's)
        unnamed = not isinstance(agent, Span) and phrase.text.lower() in unnamed_forces()
        if result["canonical"] and (result["in_dictionary"] or not unnamed):
            return result["canonical"], result["actor_id"]
        if unnamed:
            return phrase.text, ""
    return text, ""


#: The victim group of people counted as members of an actor of each category ("five members of the
#: New People's Army": militants; "two members of the Burkinabe army": security forces).
MEMBER_GROUPS = {"armed_group": "militants", "state_force": "security forces"}


def member_group(victim: Token | None, dictionary: ActorDictionary | None) -> str:
    """The victim group of people the text counts as members of an actor the dictionary knows ("five
    suspected members of the New People's Army", "three Boko Haram members", "a Hezbollah military
    commander"): its category's (:data:`MEMBER_GROUPS`), else "" (the lexicon's group stands:
    "members of a family")."""
    if victim is None:
        return ""
    cues = casualty_cues()
    member = victim.lemma_.lower() in cues.group_member
    owner = complement_of(victim, cues.partitive | cues.membership) if member else None
    owners = [owner] if owner is not None else [c for c in victim.lefts if c.dep_ == "compound"]
    for token in owners:
        entity = entity_at(token.doc, token.i)
        if entity is None or entity.label_ not in _ACTOR_LABELS | {"NORP"}:
            continue
        found = canonicalize(entity.text, entity.label_, dictionary=dictionary)
        if found["in_dictionary"] and found["category"] in MEMBER_GROUPS:
            return MEMBER_GROUPS[found["category"]]
    return ""


def place_for(
    trigger: Token,
    sentence: Span,
    previous: Span | None,
    places: Sequence[dict],
    main_place: dict | None,
    text: str,
    count_heads: Collection[Token] = (),
) -> tuple[dict | None, float]:
    """Nearest sound place: the figure's own (:func:`_own_place`: "including 12 in the village of
    X"), same clause, sentence, the antecedent sentence, else main place; a country named as an
    owner ("the US embassy", "US missile strikes":
    :func:`~helpers.extract.places.ground.owner_country`) never, a home or origin (:func:`_aside`)
    or a name inside an organisation's only when no other place of the sentence is. ``text`` is the
    article's (``doc.text``, which spaCy rebuilds from the tokens on every call); ``count_heads`` the
    figure's number and victim noun."""
    doc = trigger.doc

    def inside(span: Span) -> list[dict]:  # places are in text order: a binary search, not a scan
        first = bisect_left(places, span.start_char, key=lambda p: p["start_char"])
        last = bisect_left(places, span.end_char, lo=first, key=lambda p: p["start_char"])
        return [p for p in places[first:last] if p["end_char"] <= span.end_char]

    # a country named as an owner places nothing ("US missile strikes", "near the US embassy")
    in_sentence = [p for p in inside(sentence) if not owner_country(doc, p)]
    if in_sentence:
        spans = {
            id(p): doc.char_span(p["start_char"], p["end_char"], alignment_mode="expand") for p in in_sentence
        }
        # a name inside an organisation's ("the West Papua National Liberation Army") places a figure
        # only when no other place of its sentence does, as a home does
        sound = [
            p for p in in_sentence if not _aside(spans[id(p)]) and not in_organisation_name(spans[id(p)])
        ]
        in_sentence = sound or in_sentence
        own = _own_place(count_heads, [(p, spans[id(p)]) for p in sound])
        if own is not None:
            return own, 0.9
        clause = clause_head(trigger)
        same_clause = [
            p for p in in_sentence if spans[id(p)] is not None and clause_head(spans[id(p)].root) is clause
        ]
        pool = same_clause or in_sentence
        nearest = min(pool, key=lambda p: abs(p["start_char"] - trigger.idx))
        if _joint(nearest, in_sentence, text):
            return nearest, JOINT_PLACE
        return nearest, 0.9 if same_clause else SENTENCE_PLACE
    before = inside(previous) if previous is not None else []
    if before:  # its last place, not an owner's ("in Kabul near the US embassy") nor one inside an
        # organisation's name ("…, the Armed Forces of the Philippines said"), a town before a country
        sound = [p for p in before if not owner_country(doc, p) and not _in_name(doc, p)] or before
        return ([p for p in sound if p.get("kind") != "country"] or sound)[-1], 0.5
    return main_place, 0.3


def _in_name(doc: Doc, place: dict) -> bool:
    """Whether a place mention lies inside an organisation's name."""
    span = doc.char_span(place["start_char"], place["end_char"], alignment_mode="expand")
    return span is not None and in_organisation_name(span)


#: Dependencies of the words between a place and the figure whose locative phrase it ends.
_OWN_PLACE_PATH = frozenset({"pobj", "prep", "compound", "appos"})


def _own_place(heads: Collection[Token], candidates: Sequence[tuple[dict, Span | None]]) -> dict | None:
    """The place a figure's own locative phrase names ("including 12 in the village of Ain Baal",
    "five soldiers were killed in Kidal and three in Gao"): a figure told apart from the others
    of its sentence by where it happened is of that place, not of the place nearest the verb. Of
    several (a village "near" a town), the nearest to the figure in the parse. The phrase is the
    figure's: a locative on it, the place its object or named by it ("the village of X"), no other
    figure on the way ("three officers, two in Placer County": the two's) and no event ("in the
    shooting of Tyrell Hall at a lounge in Elk Grove" places the shooting, not the arrest)."""
    if not heads:
        return None
    words = function_words()
    locatives = words.locatives - words.person_locatives  # "people from Dallas" is a home
    best: tuple[int, dict] | None = None
    for place, span in candidates:
        if span is None:
            continue
        token, steps, prepositions, object_ = span.root, 0, [], span.root
        while token not in heads and token.dep_ in _OWN_PLACE_PATH and not (steps and token.like_num):
            if token.dep_ == "prep":
                prepositions.append(token.lower_)
            elif token.dep_ == "pobj":
                object_ = token
            token, steps = token.head, steps + 1
        own = (
            prepositions
            and prepositions[-1] in locatives
            and set(prepositions[:-1]) <= {"of", "near"}
            and (object_ in span or is_ground(object_))  # "in the village of X", not "in the shooting of X"
        )
        if token in heads and own and (best is None or steps < best[0]):
            best = (steps, place)
    return best[1] if best else None


def _joint(place: dict, others: list[dict], text: str) -> bool:
    """Whether a place is listed with one of another province ("in Zamfara and Katsina states",
    "in Charikar and Kabul"): a figure told of both is no one province's incident.

    >>> one = {"start_char": 3, "end_char": 10, "admin1": "Zamfara"}
    >>> two = {"start_char": 15, "end_char": 22, "admin1": "Katsina"}
    >>> _joint(one, [one, two], "in Zamfara and Katsina"), _joint(one, [one], "in Zamfara")
    (True, False)
    """
    for other in others:
        if not other["admin1"] or not place["admin1"] or other["admin1"] == place["admin1"]:
            continue
        first, second = sorted((place, other), key=lambda p: p["start_char"])
        if text[first["end_char"] : second["start_char"]].strip() in LIST_JOINERS:
            return True
    return False


def _aside(span: Span | None) -> bool:
    """Whether a place's span names a person's home ("a Detroit man", "Jane Roe, 24, of Columbus",
    "people from Dallas"), where someone came from ("fighters from Raqqa attacked Kobani") or a
    reference point ("20 miles west of Atlanta"), not where something happened: it places a
    figure only when no other place of its sentence does."""
    if span is None:
        return False
    doc = span.doc
    if span.end < len(doc) and doc[span.end].lower_ in place_nouns().home:
        return True
    if span.start > 0 and doc[span.start - 1].lower_ in casualty_cues().origin:
        return True
    if span.start < 3 or doc[span.start - 1].lower_ != "of":
        return False
    before = doc[span.start - 2]
    named = doc[span.start - 3].like_num or doc[span.start - 3].ent_type_ == "PERSON"
    return before.lower_ in adverbs() or (before.text == "," and named)


def attacked_by(perpetrator: Token | Span | None, rule: str, lexicon: Lexicon) -> bool:
    """Whether the victims were killed or hurt by someone not of the security forces ("a gunman
    killed two", "killing three"): that attacker is not among them (see tolls.supersede). An
    event is no attacker: "an incident that left four dead" may count the one who did it."""
    if perpetrator is None:
        return rule == "active_object"
    head = perpetrator.root if isinstance(perpetrator, Span) else perpetrator
    return is_person(head, lexicon) and victim_sides()[victim_group_of(head, lexicon)] != SECURITY_FORCES


def incident_place(place: dict | None, confidence: float) -> str | None:
    """The province a figure's own sentence names, which tells incidents apart (a country
    or a wider region does not: the U.S. military's toll of a bombing in Mosul is Mosul's)."""
    if place is None or confidence < SENTENCE_PLACE or place.get("kind") in ("country", "region"):
        return None
    return place.get("admin1") or None
