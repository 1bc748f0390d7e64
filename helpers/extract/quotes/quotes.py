"""Quotations in an article and who said them.

:func:`extract_quotes` finds three kinds of reported speech in extractable text:

* ``direct``: a quotation that is a whole utterance, with the attribution before
  ("X said: “…”") or after ("“…,” said Major General …", "“…,” he warned");
* ``partial``: quoted words inside the writer's own sentence ("called for
  “intensifying operations …”"), attributed to the subject of the nearest
  governing speech verb;
* ``indirect``: a speech verb with a content clause ("X told Kurdistan 24 that …",
  "Kaabi warned of …") or "according to X".

Speakers are resolved by :mod:`helpers.extract.quotes.speakers`; quotation marks
are paired by :mod:`helpers.extract.quotes.marks`. Speech verbs, source documents
("according to a statement by X") and pronouns come from the vocabularies of
:mod:`helpers.knowledge.speech` and :mod:`helpers.knowledge.grammar`.

Row columns: ``article_id, start_char, end_char`` (of the quoted text),
``speaker, speaker_id, cue, quote, kind, sentence``.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from helpers.articles import Article
from helpers.extract.evidence import sentence_of
from helpers.extract.persons import SPEECH_CUES, extract_persons
from helpers.extract.quotes.marks import CLOSERS, QUOTE_PAIRS, quote_spans
from helpers.extract.quotes.speakers import Speaker, Speakers, speech_subject
from helpers.extract.spans import DisjointSpans, Spans
from helpers.extract.tokens import tokens_with_lower
from helpers.knowledge.actors import ActorDictionary
from helpers.knowledge.speech import speech_sources, speech_verbs

_SENTENCE_END = frozenset({".", "!", "?"})
#: The parts of speech of a speech cue.
_CUE_POS = frozenset({"VERB", "AUX"})


def _is_cue(token: Token) -> bool:
    return token.pos_ in _CUE_POS and token.lemma_.lower() in SPEECH_CUES


def _frame_after(doc: Doc, close: int, ceiling: int) -> Span:
    """Tokens after a closing mark up to the end of the sentence or the next quotation."""
    end = close
    while end < ceiling and doc[end].text not in _SENTENCE_END and doc[end].text not in QUOTE_PAIRS:
        end += 1
    return doc[close:end]


def _frame_before(doc: Doc, open_: int, floor: int) -> Span:
    """Tokens from the start of the sentence up to an opening mark."""
    start = open_
    while start > floor and doc[start - 1].text not in _SENTENCE_END and doc[start - 1].text not in CLOSERS:
        start -= 1
    return doc[start:open_]


def _cue_in(frame: Span, *, nearest_last: bool) -> Token | None:
    """The speech verb of an attribution frame, nearest to the quotation."""
    cues = [t for t in frame if _is_cue(t)]
    if not cues:
        return None
    return cues[-1] if nearest_last else cues[0]


def _governing_cue(quote: Span) -> Token | None:
    """The nearest speech verb above a partial quotation whose subject lies outside it."""
    token = quote.root
    while token.head.i != token.i:
        token = token.head
        if quote.start <= token.i < quote.end:
            continue
        subject = speech_subject(token) if _is_cue(token) else None
        if _is_cue(token) and not (subject is not None and quote.start <= subject.i < quote.end):
            return token
    return None


def _sentence_text(doc: Doc, start: int, end: int) -> str:
    """Text of the sentences covering tokens ``start..end``."""
    first, last = sentence_of(doc[start]), sentence_of(doc[max(end - 1, start)])
    return doc[first.start : last.end].text.strip()


def _row(article: Article, doc: Doc, span: Span, speaker: Speaker, cue: Token | None, kind: str) -> dict:
    return {
        "article_id": article.article_id,
        "start_char": span.start_char,
        "end_char": span.end_char,
        "speaker": speaker.name,
        "speaker_id": speaker.speaker_id,
        "cue": cue.lemma_.lower() if cue is not None else "",
        "quote": span.text,
        "kind": kind,
        "sentence": _sentence_text(doc, span.start, span.end),
    }


def _marked_quotes(doc: Doc, article: Article, speakers: Speakers) -> list[dict]:
    """Direct and partial quotations between quote marks."""
    rows: list[dict] = []
    for paragraph in article.paragraphs:
        if not paragraph.extractable:
            continue
        para = doc.char_span(paragraph.start, paragraph.end, alignment_mode="expand")
        if para is None:
            continue
        for open_char, close_char in quote_spans(article.text, paragraph.start, paragraph.end):
            inner = article.text[open_char + 1 : close_char]
            stripped = inner.strip().rstrip(",").rstrip()
            if not stripped:
                continue
            start = open_char + 1 + inner.index(stripped[0])
            quote = doc.char_span(start, start + len(stripped), alignment_mode="expand")
            open_token = doc.char_span(open_char, open_char + 1, alignment_mode="expand")
            if (
                quote is None
                or open_token is None
                or not article.is_extractable(quote.start_char, quote.end_char)
            ):
                continue
            # the attribution starts after the closing mark, not one token after the quotation: in
            # '"We will find them," Smith said' the comma stands between (a straight closing mark
            # is also an opening one, where the frame would stop)
            close_token = doc.char_span(close_char, close_char + 1, alignment_mode="expand")
            after_mark = close_token.end if close_token is not None else quote.end + 1
            after = _frame_after(doc, min(after_mark, para.end), para.end)
            before = _frame_before(doc, open_token.start, para.start)
            lead = [t for t in before if not t.is_space]
            starts_sentence = not lead or lead[-1].text == ":"
            ends_clause = stripped[-1] in ".!?" or inner.rstrip().endswith(",")
            cue_before = _cue_in(before, nearest_last=True)
            direct = starts_sentence or (lead and lead[-1].text == "," and cue_before is not None)
            if direct:
                cue = _cue_in(after, nearest_last=False) if ends_clause or cue_before is None else None
                cue = cue or cue_before or _cue_in(after, nearest_last=False)
                speaker = speakers.speaker_of(cue)
                if quote.start <= speaker.token < quote.end:
                    speaker = Speaker()  # a subject inside the quotation is not its speaker
                if not speaker.name and cue is not None:
                    person = next((speakers.person_at(t) for t in after if speakers.person_at(t)), None)
                    speaker = Speaker(person["canonical"], person["person_id"]) if person else speaker
                if not speaker.name and rows and rows[-1]["kind"] == "direct" and cue is None:
                    speaker = Speaker(rows[-1]["speaker"], rows[-1]["speaker_id"])  # quote continued
                rows.append(_row(article, doc, quote, speaker, cue, "direct"))
            else:
                cue = _governing_cue(quote)
                if (
                    cue is None
                ):  # an attribution right after: "“security vacuum,” as KRG officials described it"
                    cue = _cue_in(after[:6], nearest_last=False)
                    subject = speech_subject(cue) if cue is not None else None
                    cue = None if subject is not None and quote.start <= subject.i < quote.end else cue
                speaker = speakers.speaker_of(cue)
                rows.append(_row(article, doc, quote, speaker, cue, "partial"))
    return rows


def _content(verb: Token) -> Span | None:
    """The reported content of a speech verb: its clause or its "of/for" object."""
    doc = verb.doc
    clause = next((c for c in verb.children if c.dep_ == "ccomp"), None)
    if clause is not None:
        tokens = [
            t
            for t in clause.subtree
            if not (t.dep_ == "mark" and t.head.i == clause.i and t.i == clause.left_edge.i)
        ]
    else:
        preps = speech_verbs().content_prepositions.get(verb.lemma_.lower(), frozenset())
        prep = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ in preps), None)
        if prep is None:
            return None
        tokens = [t for t in prep.subtree if t.i != prep.i]
    if not tokens:
        return None
    span = doc[min(t.i for t in tokens) : max(t.i for t in tokens) + 1]
    while len(span) and (span[-1].is_punct or span[-1].is_space):
        span = span[:-1]
    return span if len(span) else None


def _according_to(token: Token) -> tuple[Span, Token] | None:
    """For "according to X": the clause it qualifies and the source token X."""
    preposition = speech_sources().attributions.get(token.lower_)
    if preposition is None:
        return None
    linked = next((c for c in token.children if c.lower_ == preposition), None)
    source = next((c for c in linked.children if c.dep_ == "pobj"), None) if linked is not None else None
    if source is None:
        return None
    sentence = sentence_of(token)
    phrase = list(token.subtree)
    left = sentence.doc[sentence.start : phrase[0].i]
    right = sentence.doc[phrase[-1].i + 1 : sentence.end]
    clause = max((left, right), key=len)
    while len(clause) and (clause[0].is_punct or clause[-1].is_punct):
        clause = clause[1:] if clause[0].is_punct else clause[:-1]
    return (clause, source) if len(clause) >= 3 else None


def _indirect_quotes(doc: Doc, article: Article, speakers: Speakers, marked: list[dict]) -> list[dict]:
    """Indirect speech: speech verbs with content, and "according to X"."""
    direct = Spans((r["start_char"], r["end_char"]) for r in marked if r["kind"] == "direct")
    marked_spans = Spans((r["start_char"], r["end_char"]) for r in marked)
    rows: list[dict] = []
    attributed = DisjointSpans()  # the rows' contents (binary search, not a scan per token)
    # Only a verb can be a speech cue, and only an attribution word ("according") the other kind.
    for token in tokens_with_lower(doc, speech_sources().attributions, pos=_CUE_POS):
        if _is_cue(token):
            content, cue, subject = _content(token), token, None
        else:
            found = _according_to(token)
            if found is None:
                continue
            (content, subject), cue = found, None
        if content is None or not article.is_extractable(content.start_char, content.end_char):
            continue
        start, end = content.start_char, content.end_char
        if direct.overlaps(start, end):
            continue
        inside = cue is not None and marked_spans.covers(start, end, slack=1)
        holds = cue is None and marked_spans.inside(start, end)
        if inside or holds:
            continue  # the quotation marks already attribute it ("called for “…”", "according to" around it)
        if attributed.overlaps(start, end):
            continue  # "according to" around a clause already attributed by its verb
        speaker = speakers.speaker_of(cue) if cue is not None else speakers.resolve(subject)
        if speaker.name:
            rows.append(_row(article, doc, content, speaker, cue, "indirect"))
            attributed.add(start, end)
    return rows


def extract_quotes(
    doc: Doc,
    article: Article,
    *,
    persons: list[dict] | None = None,
    dictionary: ActorDictionary | None = None,
) -> list[dict]:
    """Extract direct, partial and indirect quotations with their speakers.

    Args:
        doc: ``nlp(article.text)``.
        article: The article ``doc`` was parsed from.
        persons: Rows of :func:`helpers.extract.persons.extract_persons` for this article;
            computed when not given.
        dictionary: The actor dictionary organisation speakers are linked through
            (default: built-in).

    Returns:
        One dict per quotation with the ``quotes`` columns, in text
        order. ``speaker`` is "" when no attribution was found (scare quotes).
    """
    persons = extract_persons(doc, article, dictionary=dictionary) if persons is None else persons
    speakers = Speakers(doc, article, persons, dictionary)
    marked = _marked_quotes(doc, article, speakers)
    rows = marked + _indirect_quotes(doc, article, speakers, marked)
    return sorted(rows, key=lambda r: (r["start_char"], r["end_char"]))
