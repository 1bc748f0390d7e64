"""Loader: credit lines never swallow the article (a one-line text, a long paragraph opening with "By")."""

from helpers.ingest import load_corpus
from helpers.ingest.paragraphs import is_credit

#: A report that opens with its author's name and title on the same line, as blogs print it.
OPENING = (
    "By Ann Lee, Research Fellow for the Sahel Programme On 3 May, gunmen killed five farmers near "
    "Kano and burned two houses, the police said. The governor condemned the attack and promised "
    "more patrols on the roads around the city, where three similar attacks were reported last "
    "month and where traders have kept their shops shut since the start of the rains."
)


def test_one_line_article_is_not_a_byline(tmp_path):
    (tmp_path / "a.txt").write_text("By Ann Lee: Gunmen Attack Kano Market", encoding="utf-8")
    (article,) = load_corpus(tmp_path)
    assert [p.kind for p in article.paragraphs] == ["body"]
    assert (article.byline, article.reason) == ("", "")


def test_long_paragraph_opening_with_by_is_body(tmp_path):
    (tmp_path / "a.jsonl").write_text(
        '{"id": "r1", "text": "' + OPENING + '\\n\\nThe blog features research by our staff."}\n',
        encoding="utf-8",
    )
    (article,) = load_corpus(tmp_path)
    assert [p.kind for p in article.paragraphs] == ["body", "body"]
    assert article.byline == ""
    assert not is_credit(OPENING)


def test_article_with_nothing_to_extract_says_so(tmp_path):
    (tmp_path / "a.txt").write_text("Read more: the latest news from Kano", encoding="utf-8")
    (article,) = load_corpus(tmp_path)
    assert article.loaded
    assert article.reason == "warning: no title or body paragraph to extract (only boilerplate)"
