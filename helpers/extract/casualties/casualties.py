"""Casualty figures: who was killed, injured, kidnapped, missing or arrested, and how many.

:func:`extract_casualties` turns one parsed article into one row per casualty
figure stated in a sentence. It works on the dependency parse:

1. **Triggers** are tokens whose lemma is in the lexicon
   (``helpers/data/en/casualty_lexicon.csv``): verbs (``kill``, ``die``, ``wound``,
   ``kidnap``, ``arrest``, ``shoot`` …), nouns (``deaths``, ``casualties``,
   ``bodies``, ``hostages``) and predicate adjectives (``dead``, ``injured``,
   ``missing``), and the heads of phrases (``passed away``, ``took … hostage``).
2. **Victims** are read off the trigger's arguments: the object of an active
   verb, the subject of a passive or intransitive one (``three soldiers were
   killed``, ``ten people died``), the noun a participle modifies (``3 killed``),
   the object of ``left … dead``, the subject of ``lost their lives``, the
   ``among``/``of`` complement of a noun trigger (``ten deaths among Iraqi
   forces``), and conjoined victims (``an officer and three soldiers``).
3. **Counts** come from the victim: a number phrase found by a spaCy
   :class:`~spacy.matcher.Matcher` over qualifiers + number words/digits/vague
   amounts, parsed by :func:`helpers.extract.casualties.numbers.parse_quantity`; ``a``/``an``/``one``
   + a person noun, a named person or ``he``/``she`` count 1; ``no one``,
   ``nobody``, ``no casualties`` count 0; a bare plural (``Militiamen killed``)
   gives a row with no number (``qualifier="unspecified"``, ``low=high=None``)
   so the notebook can show it, and totals ignore it.
4. Only victims that are people count: a person noun from the lexicon, a
   nationality (NORP), a named person, a pronoun or a bare number. Counts inside
   DATE/TIME/MONEY/PERCENT/QUANTITY/ORDINAL entities are never figures, so
   vehicles, years, ages (``a 25-year-old``), brigades, money or
   ``five sub-committees`` do not become casualties (``a second victim`` is
   one person, like ``a victim``).

Outcome ``harmed`` triggers (``shot``, ``stabbed``, ``casualties``,
``victims``) count killed and injured together: the row's ``outcome`` is
``injured`` and ``includes_killed`` is True; ``fatally shot``, ``shot dead``,
``shot to death``, ``shot and killed`` and ``gunned down`` are ``killed``. Shot
victims set apart from the killed (``killed one and shot two others``,
``another man was also shot``) or said to survive (``was shot and is in stable
condition``) are ``injured`` only.

Hard cases:

* enumerations (``killing an officer and three soldiers``) give one row per
  part sharing a ``group``; :func:`helpers.aggregate.totals.casualty_totals` adds a group's parts (4).
* totals with parts (``three killed, including a soldier … and one
  civilian``): the parts carry ``part_of`` = the total's ``"start-end"`` and are
  never added to it (3, not 6).
* later deaths (``one was injured and later died``): the person counts as
  killed; the injured row is excluded with reason ``later died``.
* headlines the tagger misreads: ``4 shot, 1 fatally``, ``Teen shot …`` (``shot``
  as a noun) still give figures; ``shot himself`` counts the shooter (1).
* harm that did not happen (``could have been killed``, ``threatened to kill``)
  and negated injuries (``did not suffer any injuries``, 0) state no victims.
* an injured person referred back to (``she``, ``the boy``) counts only if
  the sentence says the person survived (rule suffix ``+survived``) — see
  :func:`helpers.aggregate.totals.casualty_totals`, rule 5.
* rows outside title/body paragraphs are kept but ``excluded`` with the
  paragraph kind as reason (``boilerplate`` for "Read More:" links, ``repeat``,
  ``credit``), ``duplicate`` for duplicate articles; a headline figure equal
  to a body figure is excluded as ``restated headline``; a sentence with a
  time cue for an earlier period (``last year``, ``since 2014``, ``so far
  this year``, ``in total``) marks its figures ``background``.

The modules of the package follow these steps:
:mod:`~helpers.extract.casualties.triggers` (1, 2: triggers, outcome, victims),
:mod:`~helpers.extract.casualties.counting` (3, 4: counts and victim groups,
with :mod:`~helpers.extract.casualties.numbers`),
:mod:`~helpers.extract.casualties.cues` (background, survival, negation,
unrealised harm) and :mod:`~helpers.extract.casualties.attribution`
(perpetrator and place), on the argument structure of
:mod:`~helpers.extract.casualties.syntax`; this module assembles the rows.
Every word the rules test is data, loaded by
:mod:`helpers.knowledge.casualty_lexicon`: the lexicon with each trigger's
frame, cue words by role (``casualty_cues.csv``), cue patterns
(``casualty_survival.json``), scope patterns (``casualty_scope.json``, read by
:mod:`helpers.extract.casualties.scope`) and quantity words
(``quantities.csv``).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from functools import partial

from spacy.tokens import Doc

from helpers.articles import Article
from helpers.extract.casualties.counting import (
    Count,
    count_of,
    gapped_counts,
    in_pair,
    listed_around,
    listed_subjects,
)
from helpers.extract.casualties.cues import (
    SentenceMatches,
    adds_to_toll,
    besides_killed,
    fatal_subset,
    is_negated,
    survived_or_added,
    unrealised,
)
from helpers.extract.casualties.entities import doc_entities
from helpers.extract.casualties.exclusions import flag_restated_headline, resolve_overlaps
from helpers.extract.casualties.fatal_events import fatal_event
from helpers.extract.casualties.nouns import noun_keys
from helpers.extract.casualties.numbers import Quantity
from helpers.extract.casualties.row import casualty_row
from helpers.extract.casualties.scope import ArticleScope, Scope, clause_dates
from helpers.extract.casualties.syntax import (
    complement_of,
    including_parts,
    with_conjuncts,
    word_piece,
)
from helpers.extract.casualties.tolls import ANAPHORIC_COUNTS, figure_key, supersede
from helpers.extract.casualties.triggers import trigger_candidates, trigger_victims
from helpers.extract.evidence import sentence_units
from helpers.knowledge.actors import ActorDictionary
from helpers.knowledge.casualty_lexicon import HARMED, Lexicon, casualty_cues, load_lexicon

OUTCOMES = ("killed", "injured", "kidnapped", "missing", "arrested")
#: Place roles (from :func:`helpers.places.resolve_places`) a figure can be attached to.
EVENT_ROLES = frozenset({"event", "nested"})
#: Rules whose trigger is a noun: its victim is a person noun, whatever the noun's animacy.
NOUN_RULES = frozenset({"noun_trigger", "injury_to"})


def extract_casualties(
    doc: Doc,
    article: Article,
    *,
    places: Sequence[dict] | None = None,
    main_place: dict | None = None,
    lexicon: Lexicon | None = None,
    dictionary: ActorDictionary | None = None,
) -> list[dict]:
    """Extract every casualty figure stated in an article.

    Args:
        doc: The parsed ``article.text`` (same offsets).
        article: The article (paragraph kinds decide exclusions).
        places: Place rows of this article (``start_char``, ``end_char``,
            ``place_id``, ``canonical``, ``admin1`` …) from ``helpers.places``.
        main_place: The article's main place row, used when a sentence names none.
        lexicon: Override the bundled lexicon.
        dictionary: The actor dictionary perpetrators are linked through (default: built-in).

    Returns:
        One dict per figure with the ``casualties`` columns, in text order.
    """
    lexicon = lexicon or load_lexicon()
    cues = casualty_cues()
    # Places of events only: a demonym ("Iraqi forces") or the dateline is not where it happened.
    places = sorted(  # in text order: place_for finds a sentence's places by binary search
        (p for p in places or [] if p.get("place_id") and p.get("role", "event") in EVENT_ROLES),
        key=lambda p: p["start_char"],
    )
    rows: list[dict] = []
    seen: dict[tuple[int, int, str], dict] = {}
    sentences = sentence_units(doc, article)
    time_ents = [e for e in doc_entities(doc) if e.label_ in {"DATE", "TIME"}]
    dates = [e for e in time_ents if e.label_ == "DATE"]
    date_starts = [e.start for e in dates]  # in text order, so a sentence's dates are a slice
    article_scope = ArticleScope(article, dates)
    candidates = trigger_candidates(doc, lexicon)
    lead = next((p for p in article.paragraphs if p.kind == "body"), None)
    for position, sentence in enumerate(sentences):
        paragraph = article.paragraph_at(sentence.start_char)
        in_title = paragraph is not None and paragraph.kind == "title"
        previous = sentences[position - 1] if position else None
        # the first sentence after the lead goes on from it (wire copy runs one or two sentences a
        # paragraph: "… attacked the town of Macomia. ¶ Three soldiers were killed"); later
        # paragraphs turn to other things as often (local news: the victim's family, another town)
        previous_paragraph = article.paragraph_at(previous.start_char) if previous is not None else None
        if previous_paragraph is not paragraph and previous_paragraph is not lead:
            previous = None
        # Sentence.ents rebuilds every entity of the doc; filter the doc's few date entities instead.
        sentence_dates = dates[
            bisect_left(date_starts, sentence.start) : bisect_left(date_starts, sentence.end)
        ]
        matches = SentenceMatches(sentence)
        for index in candidates[
            bisect_left(candidates, sentence.start) : bisect_left(candidates, sentence.end)
        ]:
            trigger = doc[index]
            outcome, victims, agent, rule = trigger_victims(trigger, lexicon)
            victims = [v for v in victims if v is not None and sentence.start <= v.i < sentence.end]
            if outcome is None or not victims:
                continue
            modal = unrealised(trigger)
            # An adjective modifier ("three dead suspects and two residents") describes only its noun;
            # so does a noun of a victim's role ("21 hostages and four soldiers were killed").
            heads = (
                victims
                if rule in {"state_modifier", "noun_trigger"}
                else [v for head in victims for v in with_conjuncts(head, lexicon)]
            )
            heads += listed_subjects(trigger, heads, lexicon)
            gapped = gapped_counts(trigger, heads, lexicon)
            heads += [v for v in gapped if v not in heads]
            if heads and in_title:
                first, last = min(heads, key=lambda v: v.i), max(heads, key=lambda v: v.i)
                heads += [v for v in listed_around(first, last, lexicon) if v not in heads]
            heads = [v for v in heads if sentence.start <= v.i < sentence.end and not word_piece(v)]
            group = f"{article.article_id}:{trigger.i}" if len(heads) > 1 else ""
            row_of = partial(
                casualty_row,
                article,
                doc,
                sentence,
                previous,
                trigger,
                agent=agent,
                lexicon=lexicon,
                places=places,
                main_place=main_place,
                dictionary=dictionary,
            )
            for victim in heads:
                if victim != trigger and any(key in lexicon.non_persons for key in noun_keys(victim)):
                    continue  # "the shooting death of …": an event noun is not a victim of "shooting"
                if in_pair(victim):
                    continue  # "both Ann and Bo": counted by "both"
                count = count_of(
                    victim,
                    matches.quantities,
                    lexicon,
                    # a noun's victim must be a person noun ("wounds to the chest" hurt nobody else);
                    # the people shot dead lived ("fatally shot three musicians"; in capitals, the
                    # title of a name is no second victim: "STABBED DEPUTY PREFECT CARLOS SOTO")
                    animate=rule not in NOUN_RULES
                    and (
                        trigger.lemma_.lower() in lexicon.animate
                        or (
                            outcome == "killed"
                            and lexicon.verbs.get(trigger.lemma_.lower()) == HARMED
                            and victim.tag_ == "NNS"
                        )
                    ),
                )
                if count is None:
                    continue
                if victim in gapped:  # "five soldiers were killed in Kidal and three in Gao": three soldiers
                    count.victim = next((h for h in heads if h.head == trigger and not h.like_num), victim)
                if is_negated(trigger, rule):
                    count = Count(
                        Quantity(0, 0, "exact", 0), count.span, count.victim, "negation", 0.8
                    )  # "was not hurt"
                survived = survived_or_added(trigger, bool(matches.survival_starts))
                if (
                    rule == "noun_trigger"
                    and count.rule in {"singular_definite", "unspecified_plural", "named_person", "pronoun"}
                    and not (survived and outcome != "killed" and count.rule == "singular_definite")
                ):
                    # "the death", "casualties" alone state no figure; "a death" is one,
                    # so is "the victim" who survived.
                    continue
                victim_outcome = outcome
                if (
                    outcome == HARMED
                    and not group
                    and (
                        besides_killed(victim, trigger, rule, lexicon)
                        or (survived and not fatal_subset(trigger, lexicon))
                    )
                ):
                    victim_outcome = "injured"  # "killed a man and shot two others": the others survived
                if survived and victim_outcome != "killed" and count.rule in ANAPHORIC_COUNTS:
                    count.rule += "+survived"  # "she was shot and is in stable condition": not the one killed
                if rule == "noun_trigger" and count.victim == trigger:
                    count.victim = complement_of(trigger, cues.membership | cues.partitive)
                own_dates, report_dates = clause_dates(trigger, sentence_dates)
                scope = article_scope.of(
                    trigger,
                    victim_outcome,
                    count.span,
                    sentence,
                    matches.scope_cues,
                    own_dates or report_dates,
                    low=None if count.quantity is None else count.quantity.low,
                    hypothetical=modal,
                    others=adds_to_toll(count.victim),
                )
                row = row_of(victim_outcome, count, rule=rule, group=group, scope=scope)
                key = (row["start_char"], row["end_char"], row["outcome"])
                if key in seen:
                    continue
                seen[key] = row
                rows.append(row)
                article_scope.observed(sentence, own_dates, scope, victim_outcome, row["start_char"])
                for fatal in fatal_subset(trigger, lexicon) if outcome == HARMED else []:
                    fatal_count = count_of(fatal, matches.quantities, lexicon)
                    if fatal_count is not None and fatal_count.quantity is not None:
                        fatal_row = row_of("killed", fatal_count, rule="fatal_subset", group="", scope=scope)
                        seen.setdefault((fatal_row["start_char"], fatal_row["end_char"], "killed"), fatal_row)
                        rows.append(fatal_row)
                for part in including_parts(victim, trigger, lexicon):
                    part_count = count_of(part, matches.quantities, lexicon)
                    if part_count is None or part_count.quantity is None:
                        continue
                    part_row = row_of(
                        victim_outcome,
                        part_count,
                        rule="including_part",
                        group="",
                        scope=scope,
                    )
                    part_row["part_of"] = figure_key(row)
                    part_key = (part_row["start_char"], part_row["end_char"], part_row["outcome"])
                    if part_key not in seen:
                        seen[part_key] = part_row
                        rows.append(part_row)
    if found := fatal_event(doc, article, rows, lexicon):  # "Police investigate fatal shooting"
        phrase, noun, sentence = found
        count = Count(Quantity(1, None, "at least", 1), phrase, None, "unnamed", 0.5)
        rows.append(
            casualty_row(
                article, doc, sentence, None, noun, "killed", count,
                agent=None, rule="fatal_event", group="", scope=Scope(), lexicon=lexicon,
                places=places, main_place=main_place, dictionary=dictionary,
            )
        )  # fmt: skip
    resolve_overlaps(rows)
    flag_restated_headline(rows, article)
    rows.sort(key=lambda r: (r["start_char"], r["outcome"]))
    updates = {id(r) for r in rows if r.pop("_update")}
    additions = {id(r) for r in rows if r.pop("_addition")}
    restating = {id(r) for r in rows if r.pop("_restating")}
    by_attackers = {id(r) for r in rows if r.pop("_by_attacker")}
    places = {id(r): r.pop("_incident_place") for r in rows}
    supersede(rows, updates, additions, restating, places, by_attackers)
    return rows
