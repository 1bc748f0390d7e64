"""The temporal scope of each casualty figure: current, background, cumulative, hypothetical, rhetorical.

Only ``current`` figures count in the article's toll; the others stay in the
table with their cue and reason. News states the current toll in the headline
and lead and adds context below: earlier attacks ("Last month, 12 soldiers
died in a similar ambush"), conflict-wide or yearly tolls ("The war has killed
more than 500,000 people since 2011"), threats and questions. A figure's scope
is read, in this order, from:

1. harm that did not happen (``could have killed``, ``tried to kill``): hypothetical;
2. a question: rhetorical;
3. the scope cues of its clause (``helpers/data/en/casualty_scope.json``):
   a period (``since 2011``, ``so far this year``, ``in 2017``, ``every year``)
   is cumulative, an earlier time (``last week``, ``two days ago``, ``a day
   after``, ``an earlier attack``) is background; ``the same day`` carries on
   the scope of the figure sentence before;
4. the toll of a war as such (``the war has killed …``) or a large toll in the
   present perfect (``more than 370,000 people have been killed``): cumulative;
5. the days named: a figure dated to another day than the lead's figures
   (earlier than them when the publication date is known), or only to years
   before the article's, is background; when the lead's figures name no day,
   the first day the body names for an event (not the day something was said)
   dates the incident;
6. a figure outside the lead that names no day of its own, after a background
   figure of the same or the paragraph before, goes on telling that earlier
   incident ("On Sunday, gunmen killed six officers. … Six remain missing.");
7. victims set apart from those counted just before them in the same sentence
   ("killed 17 people and wounded nearly 100 others") are of the same incident,
   whatever clause the parser hangs them on: they take that figure's scope.

An updated toll (``rose to``, ``up from``) is current and marked as an update,
so the article toll takes it over earlier figures.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Span, Token

from helpers.articles import Article
from helpers.extract.casualties.days import day_keys, resolve_day
from helpers.extract.casualties.scope_cues import (
    applies,
    governed_clause,
    in_subtree,
    ranks_within,
    relative,
    replaced,
    scope_cue_matches,
)
from helpers.extract.evidence import sentence_of
from helpers.knowledge.casualty_lexicon import casualty_cues
from helpers.knowledge.speech import speech_verbs
from helpers.knowledge.time_words import ScopeCue, calendar

SCOPES = ("current", "background", "cumulative", "hypothetical", "rhetorical")
#: A toll this large in the present perfect counts a conflict, not an incident.
CUMULATIVE_PERFECT_LOW = 1000
#: Paragraphs after the title whose figures date the article's incident.
LEAD_PARAGRAPHS = 3
#: Without a publication date, a weekday up to this many days before the lead's is earlier.
WEEKDAYS_BACK = 3
#: With a publication date and no day in the lead, a figure dated more than this many days before it
#: (outside the lead) is background: news tells of the last days and dates older events.
STALE_DAYS = 7
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


@dataclass(frozen=True)
class Scope:
    """A figure's temporal scope.

    Attributes:
        scope: One of :data:`SCOPES`.
        cue: The words that gave it ("since 2011"), "" for current figures.
        reason: Why, in a few words.
        update: The figure updates a toll given before ("the toll rose to 47").
        earlier: The figure is the toll an update replaces ("up from 27").
    """

    scope: str = "current"
    cue: str = ""
    reason: str = ""
    update: bool = False
    earlier: bool = False


CURRENT = Scope()


def clause_dates(trigger: Token, dates: Sequence[Span]) -> tuple[list[Span], list[Span]]:
    """The date phrases of the trigger's own clause ("blew himself up on Tuesday, killing …"),
    and those of the report around it when the clause has none ("reported on Monday that 60
    had been killed": the latest day the figure can be of), or of the clause that names the event a
    relative clause tells ("seized the city in late January in an offensive that killed 3,000")."""
    clause = governed_clause(trigger)
    own = [span for span in dates if in_subtree(span.root, clause)]
    if own or clause.dep_ not in {"ccomp", "relcl"}:
        return own, []
    return own, [span for span in dates if in_subtree(span.root, governed_clause(clause.head))]


class ArticleScope:
    """Reads the scope of every figure of one article, in text order.

    Args:
        article: The article (its date, paragraphs and title).
        times: Every DATE entity of the article's doc.
    """

    def __init__(self, article: Article, times: Sequence[Span]) -> None:
        self.article = article
        self.published = _iso_date(article.date)
        years = [int(y) for span in times for y in _YEAR.findall(span.text)]
        self.reference_year = self.published.year if self.published else max(years, default=0)
        body = [p for p in article.paragraphs if p.extractable and p.kind == "body"]
        self.lead_end = body[:LEAD_PARAGRAPHS][-1].end if body else 0
        self.anchor: set[tuple] = set()
        self.first_day = _first_event_day(times, body[0].start if body else 0)
        self.last = CURRENT
        self.last_paragraph = -1
        self.in_sentence: list[tuple[int, Scope]] = []  # the scopes of the figures of the last sentence
        self.last_sentence = -1
        self.outcomes_seen: set[str] = set()
        self.body_start = body[0].start if body else 0
        self.told_in_body: set[str] = set()  # outcomes of figures seen in the body (not the title)

    def follow_up(self, sentence: Span, outcome: str) -> bool:
        """Whether a figure dated earlier ("a shooting that injured eight people last week") is the
        article's first of its outcome, in its lead: a follow-up story, whose own incident is that one."""
        return outcome not in self.outcomes_seen and sentence.start_char < self.lead_end

    def of(
        self,
        trigger: Token,
        outcome: str,
        figure: Span,
        sentence: Span,
        cues: Sequence[tuple[ScopeCue, Span]],
        times: Sequence[Span],
        *,
        low: int | None,
        hypothetical: Token | None = None,
        others: bool = False,
    ) -> Scope:
        """The scope of a figure of ``trigger``.

        Args:
            trigger: The trigger token.
            outcome: The figure's outcome.
            figure: The figure's words ("at least 27").
            sentence: Its sentence.
            cues: The scope cues of the sentence (:func:`scope_cue_matches`).
            times: The sentence's DATE entities.
            low: The figure's lower bound (None when unknown).
            hypothetical: The word that makes the harm unrealised ("could"), if any.
            others: The victims are set apart from others named before them ("two others").
        """
        if hypothetical is not None:
            return Scope("hypothetical", hypothetical.text, "a harm that might happen or was intended")
        if sentence.text.rstrip().endswith("?"):
            return Scope("rhetorical", "?", "a question, not a report")
        before = self._figure_before(sentence, figure.start_char) if others else None
        if before is not None and before.scope in {"background", "cumulative"}:
            reason = f"victims besides those of the {before.scope} figure before them"
            return Scope(before.scope, before.cue, reason)
        in_lead = sentence.start_char < self.lead_end
        # In the lead, "the day before" or "before that" is relative to the lead's own incident.
        applying = [
            (c, span)
            for c, span in cues
            if applies(span, trigger) and not (in_lead and relative(span)) and not ranks_within(span)
        ]
        for label in ("cumulative", "background"):
            found = next(((cue, span) for cue, span in applying if cue.label == label), None)
            if found is not None and found[0].recent and self.follow_up(sentence, outcome):
                reason = "the article's own incident, dated by its first figure"
                return Scope(cue=found[1].text, reason=reason)
            if found is not None:
                return Scope(label, found[1].text, found[0].description)
        if any(cue.label == "continuation" for cue, _ in applying):
            before = self.last if self.last.scope != "current" else _sentence_before_scope(sentence)
            if before.scope != "current":
                reason = f"the same time as the sentence before ({before.reason})"
                return Scope(before.scope, before.cue, reason)
        conflict = self._conflict_toll(trigger, times, low)
        if conflict is not None:
            return conflict
        update = next(((cue, span) for cue, span in applying if cue.label == "update"), None)
        if update is not None and update[0].earlier_after and replaced(figure, update[1]):
            return Scope(cue=update[1].text, reason="the toll before an update", earlier=True)
        if update is not None:
            return Scope(update=True, cue=update[1].text, reason=update[0].description)
        concurrent = any(cue.label == "concurrent" for cue, _ in applying)
        dated = self._dated(sentence, times, concurrent=concurrent, outcome=outcome)
        if dated is CURRENT and not concurrent and not day_keys(times) and self._goes_on(sentence):
            reason = f"goes on telling the figure before ({self.last.reason})"
            return Scope(self.last.scope, self.last.cue, reason)
        return dated

    def observed(self, sentence: Span, times: Sequence[Span], scope: Scope, outcome: str, start: int) -> None:
        """Record the scope of a figure starting at character ``start``: the days of lead figures' own
        clauses date the incident (not the day they were reported), the last one carries on."""
        self.last = scope
        if sentence.start != self.last_sentence:
            self.in_sentence = []
        self.in_sentence.append((start, scope))
        self.last_sentence = sentence.start
        paragraph = self.article.paragraph_at(sentence.start_char)
        self.last_paragraph = paragraph.index if paragraph is not None else -1
        self.outcomes_seen.add(outcome)
        if start >= self.body_start:
            self.told_in_body.add(outcome)
        if scope.scope == "current" and sentence.start_char < self.lead_end:
            self.anchor |= day_keys(times)

    def _figure_before(self, sentence: Span, start: int) -> Scope | None:
        """The scope of the figure nearest before ``start`` in the same sentence, if any."""
        if sentence.start != self.last_sentence:
            return None
        earlier = [(s, scope) for s, scope in self.in_sentence if s < start]
        return max(earlier, key=lambda pair: pair[0])[1] if earlier else None

    def _conflict_toll(self, trigger: Token, times: Sequence[Span], low: int | None) -> Scope | None:
        """A war as the subject of a toll, or a large toll in the present perfect, with no day named."""
        if day_keys(times):
            return None
        cues = casualty_cues()
        subject = next((c for c in trigger.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subject is not None and subject.lemma_.lower() in cues.conflict_noun:
            return Scope("cumulative", subject.text, "the toll of a conflict")
        perfect = any(
            c.dep_ in {"aux", "auxpass"} and c.lemma_.lower() in cues.perfect_auxiliary
            for c in trigger.children
        )
        if perfect and (low or 0) >= CUMULATIVE_PERFECT_LOW:
            return Scope("cumulative", "has been", "a large toll over time (present perfect)")
        return None

    def _dated(self, sentence: Span, times: Sequence[Span], *, concurrent: bool, outcome: str) -> Scope:
        """Background when the sentence dates its figures to another, earlier day or year; a month
        that ended weeks before the article is earlier in the lead too once the body has told a figure
        of the same outcome (so no follow-up of that month's incident: "Bandits abducted 20
        travellers on Tuesday. In February, bandits kidnapped 280 pupils")."""
        years = [int(y) for span in times for y in _YEAR.findall(span.text)]
        if years and self.reference_year and max(years) < self.reference_year:
            return Scope("background", ", ".join(s.text for s in times), "an earlier year")
        keys = day_keys(times)
        month = (
            _month_ended(times, self.published)
            if not keys and (sentence.start_char >= self.lead_end or outcome in self.told_in_body)
            else None
        )
        if month is not None:
            return Scope(
                "background", month, f"a month that ended more than {STALE_DAYS} days before the article"
            )
        if keys and not self.anchor and self.published and sentence.start_char >= self.lead_end:
            days = [resolve_day(key, self.published) for key in keys]
            if all(d is not None and (self.published - d).days > STALE_DAYS for d in days):
                reason = f"more than {STALE_DAYS} days before the article's date"
                return Scope("background", ", ".join(s.text for s in times), reason)
        anchor, of_what = self.anchor, "the lead's figures"
        if not anchor and not self.published and self.first_day[0] < sentence.start_char:
            anchor, of_what = self.first_day[1], "the first day the article names"
        if not keys or not anchor or keys & anchor or sentence.start_char < self.lead_end or concurrent:
            return CURRENT
        if all(self._earlier(key, anchor) for key in keys):
            return Scope("background", ", ".join(s.text for s in times), f"an earlier day than {of_what}")
        return CURRENT

    def _goes_on(self, sentence: Span) -> bool:
        """Whether a figure outside the lead follows a background figure of its or the paragraph before."""
        paragraph = self.article.paragraph_at(sentence.start_char)
        return (
            self.last.scope == "background"
            and not self.published
            and sentence.start_char >= self.lead_end
            and paragraph is not None
            and 0 <= paragraph.index - self.last_paragraph <= 1
        )

    def _earlier(self, key: tuple, anchor: set[tuple]) -> bool:
        """Whether a day is earlier than every day of the incident (``anchor``).

        With the publication date, days resolve to dates. Without it, a weekday
        one to three days before the lead's is earlier (news names days of the
        last week by name; "Tuesday" after a lead's "Monday" is the day after),
        and calendar dates compare within one year.
        """
        if self.published is not None:
            day = resolve_day(key, self.published)
            anchors = [resolve_day(a, self.published) for a in anchor]
            return day is not None and all(a is not None and day < a for a in anchors)
        if key[0] == 0:
            return all(a[0] == 0 and 1 <= (a[1] - key[1]) % 7 <= WEEKDAYS_BACK for a in anchor)
        if key[0] == 1:
            # News names the days of the last week ("on Monday") and dates older events
            # ("On April 25"): a calendar date after a lead dated by weekday is earlier.
            return all((a[0] == 1 and key[1:] < a[1:]) or a[0] in (0, 2) for a in anchor)
        return False


def _month_ended(times: Sequence[Span], published: dt.date | None) -> str | None:
    """The phrase of a month named without a day ("in July") that ended more than ``STALE_DAYS``
    days before the article's date, or None (also when the article has no date).

    >>> import spacy
    >>> doc = spacy.blank("en")("shot in July and in September")
    >>> _month_ended([doc[2:3]], dt.date(2014, 9, 14)), _month_ended([doc[5:6]], dt.date(2014, 9, 14))
    ('July', None)
    """
    if published is None:
        return None
    months = calendar().months
    for span in times:
        month = next((months[w] for t in span if (w := t.lower_.rstrip(".")) in months), None)
        if month is None:
            continue
        year = published.year if month <= published.month else published.year - 1
        ended = dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
        if (published - ended).days > STALE_DAYS:
            return span.text
    return None


def _first_event_day(times: Sequence[Span], body_start: int) -> tuple[float, set[tuple]]:
    """Where the body first names the day of an event, and that day: not the day something was
    said ("police said on Monday"); ``(inf, set())`` when it names none."""
    said = speech_verbs().cues
    for span in times:
        keys = day_keys([span]) if span.start_char >= body_start else set()
        if keys and governed_clause(span.root).lemma_.lower() not in said:
            return span.start_char, keys
    return float("inf"), set()


def _sentence_before_scope(sentence: Span) -> Scope:
    """The scope the sentence before gives its events, figures or not ("… where last week gunmen
    raided a camp. That attack claimed nine lives.")."""
    if sentence.start == 0:
        return CURRENT
    before = sentence_of(sentence.doc[sentence.start - 1])
    found = next(
        ((cue, span) for cue, span in scope_cue_matches(before) if cue.label in ("cumulative", "background")),
        None,
    )
    return CURRENT if found is None else Scope(found[0].label, found[1].text, found[0].description)


def _iso_date(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None
