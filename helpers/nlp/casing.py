"""Case-normalised parsing: text in capitals, or a Title Case headline, is parsed from a recased copy.

A statistical model reads capitals as names: in wire archives, TV transcripts
and old newswire written in capitals ("POLICE SAID THE BOMB IS ..."), entities
vanish or become nonsense, and a Title Case headline ("Gunmen Kill Ten In
Raid") turns verbs into names. Such a paragraph is parsed from a recased copy
of **the same length**: every character keeps its offset (case mapping is
done character by character), so :func:`with_text` gives the parsed doc the
original text back and evidence shows what the article wrote.

No library recases English offline (truecasers need a model trained on a large
cased corpus), so the rules use what the pipeline already knows
(:class:`~helpers.nlp.case_lexicon.CaseLexicon`): names as written (the place rules' names, the actor
dictionary, demonyms), calendar words, and the common words of the model's own
lemmatizer tables and stop words. A word in capitals is written as a name when
a name list has it, in lower case when it is a common word (or a common word's
inflection), kept in capitals when it is a short or vowel-less unknown word (an
acronym: "EFE", "FMLN"), and capitalised otherwise (an unknown name:
"VALDEBENITO"); sentence starts and a title word before a name are capitalised.
"""

from __future__ import annotations

import itertools
import re

import numpy
import regex
from spacy.attrs import (
    DEP,
    ENT_ID,
    ENT_IOB,
    ENT_KB_ID,
    ENT_TYPE,
    HEAD,
    LEMMA,
    MORPH,
    NORM,
    POS,
    SENT_START,
    TAG,
)
from spacy.tokens import Doc

from helpers.nlp.case_lexicon import CaseLexicon

#: A paragraph is recased when at least this share of its cased letters are capitals.
UPPER_SHARE = 0.8
#: ... and it has at least this many cased letters (a short "READ MORE" line is left alone).
MIN_UPPER_LETTERS = 12
#: A headline is Title Case when at least this share of its words (of 4+ letters) are capitalised.
TITLE_SHARE = 0.8
#: Fewest words of a headline read as Title Case.
MIN_TITLE_WORDS = 3
#: Unknown words in capitals of at most this many letters stay in capitals (acronyms).
ACRONYM_LETTERS = 3
#: Most words of a name after a rank or office.
MAX_NAME_WORDS = 3
_VOWELS = frozenset("aeiouy")
#: A word: letters, joined by hyphens or apostrophes ("AL-QAEDA", "O'NEIL", "PRESIDENT'S").
_WORD = regex.compile(r"\p{L}+(?:['’\-]\p{L}+)*")
_UPPER = regex.compile(r"\p{Lu}")
_LOWER = regex.compile(r"\p{Ll}")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
#: What, between two words, ends a sentence or a header: ". ", "! ", "? ", "] ", " -- ", ": ".
_SENTENCE_GAP = re.compile(r"[.!?\]][\"'”’)\]]*\s|\s[-–—]+\s|:\s")
_NUMBER = re.compile(r"\d")
#: Token attributes copied from the doc of the recased copy to the doc of the original text.
_PARSE_ATTRS = [TAG, POS, MORPH, LEMMA, NORM, HEAD, DEP, ENT_IOB, ENT_TYPE, ENT_KB_ID, ENT_ID]


def normalise_case(text: str, lexicon: CaseLexicon, *, title: tuple[int, int] | None = None) -> str:
    """``text`` with its capitalised paragraphs (and a Title Case headline) recased, same length.

    Args:
        text: An article text.
        lexicon: What the recaser knows (:func:`~helpers.nlp.case_lexicon.attach_case_lexicon`).
        title: The headline's span, if the article has one.

    Returns:
        The recased copy (``len`` equal to ``len(text)``, every non-letter unchanged), or
        ``text`` itself when nothing is in capitals or Title Case.
    """
    pieces: list[str] = []
    position = 0
    for start, end in _blocks(text):
        block = text[start:end]
        if _mostly_upper(block):
            recased = _recase(block, lexicon, capitals=True)
        elif title is not None and start <= title[0] and title[1] <= end and _title_case(text[slice(*title)]):
            head = _recase(text[slice(*title)], lexicon, capitals=False)
            recased = block[: title[0] - start] + head + block[title[1] - start :]
        else:
            continue
        pieces += [text[position:start], recased]
        position = end
    if not pieces:
        return text
    return "".join(pieces) + text[position:]


def _blocks(text: str) -> list[tuple[int, int]]:
    """Spans of the paragraphs of ``text`` (split at blank lines)."""
    spans, position = [], 0
    for match in [*_PARAGRAPH_BREAK.finditer(text), None]:
        end = match.start() if match else len(text)
        if end > position:
            spans.append((position, end))
        position = match.end() if match else position
    return spans


def _mostly_upper(block: str) -> bool:
    upper = len(_UPPER.findall(block))
    return upper >= MIN_UPPER_LETTERS and upper >= UPPER_SHARE * (upper + len(_LOWER.findall(block)))


def _title_case(headline: str) -> bool:
    words = _WORD.findall(headline)
    long_words = [w for w in words if len(w) >= 4]
    capitalised = sum(1 for w in long_words if w[0].isupper() and not w.isupper())
    return len(words) >= MIN_TITLE_WORDS and bool(long_words) and capitalised >= TITLE_SHARE * len(long_words)


def _recase(block: str, lexicon: CaseLexicon, *, capitals: bool) -> str:
    """``block`` recased word by word (``capitals``: it is written in capitals, else in Title Case)."""
    words = list(_WORD.finditer(block))
    forms: list[str | None] = [None] * len(words)
    i = 0
    while i < len(words):
        span = _name_at(block, words, i, lexicon)
        if span:
            for j, written in enumerate(span):
                forms[i + j] = written
            i += len(span)
            continue
        forms[i] = _word_form(block, words, i, lexicon, capitals=capitals)
        i += 1
    written = [form if form is not None else match.group() for match, form in zip(words, forms)]
    if capitals:
        _capitalise_names_in_context(block, words, written, lexicon)
    chars = list(block)
    for i, (match, form) in enumerate(zip(words, written)):
        gap = block[words[i - 1].end() : match.start()] if i else "\n"
        if i == 0 or _SENTENCE_GAP.search(gap):
            form = _upper(form[:1]) + form[1:]
        chars[match.start() : match.end()] = _same_length(match.group(), form)
    return "".join(chars)


def _capitalise_names_in_context(block: str, words: list, written: list[str], lexicon: CaseLexicon) -> None:
    """Capitalise common words that a neighbouring name makes part of a name, in place.

    Nouns after a rank or office ("SPOKESMAN IBRAHIM MUSA"), a title word before a
    name ("GENERAL ROLANDO"), a noun between two names
    ("JUAN CARLOS ORTEGA"), and an organisation's head noun after a name with the
    words between them ("SALVADORAN ARMY", "CHILEAN HUMAN RIGHTS COMMISSION").
    """

    def joined(i: int) -> bool:  # word i follows word i - 1 across white space only
        return i > 0 and not block[words[i - 1].end() : words[i].start()].strip()

    def name(i: int) -> bool:
        return 0 <= i < len(written) and written[i][:1].isupper()

    for i, word in enumerate(written):
        if name(i):
            continue
        lower = word.lower()
        if lower in lexicon.offices:  # "SPOKESMAN IBRAHIM MUSA SAID": nouns after an office
            j = i + 1
            while (
                j < len(written)
                and j - i <= MAX_NAME_WORDS
                and joined(j)
                and written[j].lower() in lexicon.nouns
            ):
                written[j] = _capitalised(written[j])
                j += 1
        before_name = i + 1 < len(written) and joined(i + 1) and name(i + 1)
        title = lower in lexicon.titles and before_name
        if title or (lower in lexicon.nouns and joined(i) and name(i - 1) and before_name):
            written[i] = _capitalised(word)
        elif lower in lexicon.bodies:
            start = i
            while joined(start) and written[start - 1].lower() not in lexicon.function_words:
                start -= 1
                if name(start):
                    for j in range(start + 1, i + 1):
                        written[j] = _capitalised(written[j])
                    break


def _name_at(block: str, words: list, i: int, lexicon: CaseLexicon) -> list[str]:
    """The written forms of the longest known name starting at word ``i`` (``[]`` if none)."""
    for n in range(min(lexicon.longest, len(words) - i), 0, -1):
        run = words[i : i + n]
        if any(block[a.end() : b.start()].strip() for a, b in itertools.pairwise(run)):
            continue  # names run over white space only
        written = lexicon.names.get(" ".join(w.group().lower() for w in run))
        if written and len(written.split()) == n:
            return written.split()
    return []


def _word_form(block: str, words: list, i: int, lexicon: CaseLexicon, *, capitals: bool) -> str | None:
    """How word ``i`` is written, or ``None`` to keep it as it is."""
    word = words[i].group()
    lower = word.lower()
    if lower in lexicon.calendar and (
        lower not in lexicon.common_calendar or _next_to_number(block, words, i)
    ):
        return lexicon.calendar[lower]  # "AUG 88", "5 MAY", "WEDNESDAY"
    if len(word) == 1:
        # "I"; an initial or an abbreviation keeps its capital ("U.S.", "J. SMITH")
        if lower == "i" or block[words[i].end() : words[i].end() + 1] == ".":
            return _upper(word) if capitals else None
        return _lower(word)
    if lexicon.is_common(lower):
        return _lower(word)
    if not capitals:
        return None
    return "".join(
        _unknown_segment(part, lexicon) if part[:1].isalpha() else part
        for part in re.split(r"(['’\-])", word)
    )


def _unknown_segment(segment: str, lexicon: CaseLexicon) -> str:
    """A part of an unknown word in capitals: a common word, an acronym, or a name."""
    lower = segment.lower()
    if lexicon.is_common(lower):
        return _lower(segment)
    if len(segment) <= ACRONYM_LETTERS or not _VOWELS & set(lower):
        return segment  # "EFE", "FMLN"
    return _capitalised(segment)


def _next_to_number(block: str, words: list, i: int) -> bool:
    """True when a number stands right before or after word ``i`` ("5 MAY", "AUG 88")."""
    before = block[words[i - 1].end() if i else 0 : words[i].start()]
    after = block[words[i].end() : words[i + 1].start() if i + 1 < len(words) else len(block)]
    return bool(_NUMBER.search(before[-4:]) or _NUMBER.search(after[:4]))


def _capitalised(word: str) -> str:
    """``word`` with a capital first letter, the rest in lower case, same length.

    >>> _capitalised("VALDEBENITO")
    'Valdebenito'
    """
    return _upper(word[:1]) + _lower(word[1:])


def _lower(text: str) -> str:
    """``text`` in lower case, except letters whose lower case is longer ("İ").

    >>> _lower("İSTANBUL")
    'İstanbul'
    """
    return "".join(c if len(low := c.lower()) != 1 else low for c in text)


def _upper(text: str) -> str:
    """``text`` in capitals, except letters whose capital is longer ("ß").

    >>> _upper("straße")
    'STRAßE'
    """
    return "".join(c if len(up := c.upper()) != 1 else up for c in text)


def _same_length(original: str, form: str) -> str:
    """``form``, or ``original`` when a name list writes the word with another length.

    >>> _same_length("LIMA", "Lima"), _same_length("STRASSE", "Straße")
    ('Lima', 'STRASSE')
    """
    return form if len(form) == len(original) else original


def with_text(doc: Doc, text: str) -> Doc:
    """A copy of ``doc`` (parsed from a recased copy of ``text``) whose text is ``text``.

    Tokens keep their boundaries, analyses, entities and vectors; only their text changes.

    Args:
        doc: A doc whose text has the length of ``text``.
        text: The original text.

    Returns:
        A new doc with ``doc``'s annotations and ``text``'s characters.
    """
    words = [text[token.idx : token.idx + len(token)] for token in doc]
    restored = Doc(doc.vocab, words=words, spaces=[bool(token.whitespace_) for token in doc])
    restored.from_array(_PARSE_ATTRS, doc.to_array(_PARSE_ATTRS))
    restored.tensor = doc.tensor  # joined with the other pieces' tensors by Doc.from_docs
    if not doc.has_annotation("DEP") and doc.has_annotation("SENT_START"):
        starts = doc.to_array([SENT_START]).reshape(-1, 1).astype(numpy.int32)
        restored.from_array([SENT_START], starts)
    return restored
