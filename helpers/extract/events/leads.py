"""Events without casualties told by the headline or lead: strategic developments, demonstrations.

Only the main predicate of the headline or the lead's first sentence counts (a
word of ``event_types.csv`` for a type without an outcome condition, within two
steps of the sentence root), and only when the sentence gives no casualty figure.
A predicate that is planned, not done ("officials to visit Erbil", "is set to
visit", "will meet"; ``event_cues.csv``) is no event: the row is kept, excluded,
with the reason.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span, Token

from helpers.articles import Article
from helpers.knowledge.event_types import EventType, event_types, planned_words

#: Disorder types an event of the lead may have (violence comes from casualty figures).
LEAD_DISORDERS = frozenset({"Strategic developments", "Demonstrations"})
#: Parts of speech of an event predicate.
PREDICATES = frozenset({"VERB", "NOUN"})


def _lead_sentences(doc, article: Article) -> list[Span]:
    """The headline's sentences and the first sentence of the first body paragraph."""
    found: list[Span] = []
    for paragraph in article.paragraphs:
        if not paragraph.extractable or paragraph.start >= len(doc.text):
            continue
        span = doc.char_span(paragraph.start, paragraph.end, alignment_mode="contract")
        if span is None or not len(span):
            continue
        if paragraph.kind == "title":
            found += list(span.sents)
            continue
        found.append(next(iter(span.sents)))
        break
    return found


def planned(trigger: Token) -> str:
    """The words that make an event planned, not done ("" when it is reported as done).

    ``is set to visit`` (set), ``will meet`` (will), a headline's ``officials to visit``
    (an infinitive after a noun).
    """
    words = planned_words()
    aux = next((c for c in trigger.children if c.dep_ == "aux" and c.lemma_.lower() in words), None)
    if aux is not None:
        return aux.text
    if trigger.head.i != trigger.i and trigger.head.lemma_.lower() in words:
        return f"{trigger.head.text} … {trigger.text}"
    to = next((c for c in trigger.children if c.dep_ == "aux" and c.lower_ == "to"), None)
    if to is not None and trigger.head.pos_ not in {"VERB", "AUX"}:
        return f"{to.text} {trigger.text}"
    return ""


def _depth(token: Token) -> int:
    depth = 0
    while token.head.i != token.i and depth < 3:
        token, depth = token.head, depth + 1
    return depth


def lead_report(doc, article: Article, figures: Sequence[dict]) -> tuple[Token, EventType, str] | None:
    """The lead's event predicate, its type and why it is no event ("" when it is one), or None."""
    kinds = [k for k in event_types() if k.disorder_type in LEAD_DISORDERS and not k.outcome]
    for sentence in _lead_sentences(doc, article):
        if any(sentence.start_char <= f["start_char"] < sentence.end_char for f in figures):
            continue
        for token in sentence:
            if token.pos_ not in PREDICATES or _depth(token) > 2:
                continue
            kind = next((k for k in kinds if token.lemma_.lower() in k.lemmas), None)
            if kind is None:
                continue
            cue = planned(token)
            return token, kind, (f"planned, not done: {cue!r}" if cue else "")
    return None
