"""Loader: every format, every bad-input case, structure detection and accounting."""

import codecs
import csv
import json
import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from helpers.ingest import CorpusNotFoundError, articles_frame, decode_bytes, expected_articles, load_corpus
from helpers.ingest.cue_patterns import cue_patterns
from helpers.ingest.dates import parse_date_line
from tests.extracted import extracted_tables

SEED = Path(__file__).resolve().parents[1] / "seeds"


def by_path(articles):
    return {a.path: a for a in articles}


def test_seed_structure():
    (article,) = load_corpus(SEED)
    assert article.loaded and article.article_id == "000_09ded475ebf546e7"
    assert article.title.startswith("Baghdad military officials to visit Erbil")
    assert (article.dateline, article.outlet) == ("ERBIL", "Kurdistan 24")
    assert article.text[slice(*article.dateline_span)] == "ERBIL"
    assert article.byline == "Editing by John J. Catherine"
    kinds = [p.kind for p in article.paragraphs]
    assert kinds.count("title") == 1 and kinds[0] == "title"
    assert kinds.count("repeat") == 1 and kinds.count("boilerplate") == 1
    assert kinds[-1] == "credit"
    repeat = next(p for p in article.paragraphs if p.kind == "repeat")
    assert article.text[repeat.start :].startswith("A military delegation")
    assert repeat.note == "repeat of paragraph 1"
    boiler = next(p for p in article.paragraphs if p.kind == "boilerplate")
    assert article.text[boiler.start : boiler.end].startswith("Read More")
    # the dateline is outside every paragraph, so it is never extracted as body text
    assert article.paragraph_at(article.dateline_span[0]) is None


def test_offsets_point_into_text(tmp_path):
    (tmp_path / "a.txt").write_text("Title here\n\n\nBody one.\r\n\r\nBody two.\n", encoding="utf-8")
    (article,) = load_corpus(tmp_path)
    assert "\r" not in article.text
    assert [article.text[p.start : p.end] for p in article.paragraphs] == [
        "Title here",
        "Body one.",
        "Body two.",
    ]


def test_invisible_format_characters_are_spaces_so_the_dateline_is_read(tmp_path):
    """A web page's zero-width space before its dateline; offsets into the text are kept."""
    body = "WXYZ (Photo: WXYZ)\n\n\u200bNEW ORLEANS -- Police said two men were shot on Sunday."
    (tmp_path / "feed.jsonl").write_text(json.dumps({"id": "z", "text": body}), encoding="utf-8")
    (article,) = load_corpus(tmp_path)
    assert article.text == body.replace("\u200b", " ")
    assert article.dateline.startswith("NEW ORLEANS")


def test_sentences_a_page_ran_together_are_spaced_apart(tmp_path, nlp):
    """A page that lost its paragraph breaks glues sentences ("Winchester.Officers"): each gets a
    space, so the figure after it is a sentence's; abbreviations and domains stay whole."""
    body = "A man was shot in Winchester.Officers said.Three men were hurt in St.Louis, wsmv.com reported."
    (tmp_path / "feed.jsonl").write_text(json.dumps({"id": "g", "text": body}), encoding="utf-8")
    (article,) = load_corpus(tmp_path)
    assert article.text == (
        "A man was shot in Winchester. Officers said. Three men were hurt in St.Louis, wsmv.com reported."
    )
    assert "Three men were hurt in St.Louis, wsmv.com reported." in [s.text for s in nlp(article.text).sents]


def test_jsonl_and_csv_records(tmp_path):
    lines = [
        json.dumps(
            {
                "id": "x1",
                "title": "Ten killed",
                "text": "Ten people were killed.",
                "date": "2020-03-04T10:00:00",
                "url": "http://e/1",
                "source": "AFP",
            }
        ),
        "{not json",
        json.dumps(["a", "list"]),
        json.dumps({"title": "Three hurt in blast"}),
        json.dumps({"content": "Body from a content column."}),
        json.dumps({"title": " ", "text": ""}),
    ]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (tmp_path / "table.csv").write_text(
        'title,text,date\n"Two, wounded","First line\nsecond line, quoted",March 3 2021\n', encoding="utf-8"
    )
    articles = load_corpus(tmp_path)
    statuses = [(a.path, a.record, a.status) for a in articles]
    assert statuses == [
        ("feed.jsonl", 1, "loaded"),
        ("feed.jsonl", 2, "skipped"),
        ("feed.jsonl", 3, "skipped"),
        ("feed.jsonl", 4, "loaded"),
        ("feed.jsonl", 5, "loaded"),
        ("feed.jsonl", 6, "skipped"),
        ("table.csv", 1, "loaded"),
    ]
    first = articles[0]
    assert first.article_id == "feed:x1"
    assert first.text == "Ten killed\n\nTen people were killed."
    assert (first.title, first.date, first.url, first.outlet) == (
        "Ten killed",
        "2020-03-04",
        "http://e/1",
        "AFP",
    )
    assert "malformed JSON at line 2" in articles[1].reason
    assert "not an object" in articles[2].reason
    # A headline without a text is read alone, and says so.
    assert articles[3].text.strip() == "Three hurt in blast"
    assert articles[3].reason == "headline only: record 4 has an empty text field"
    assert articles[5].reason == "record 6 has an empty text field"
    assert articles[6].text == "Two, wounded\n\nFirst line\nsecond line, quoted"
    assert articles[6].date == "2021-03-03"


def test_csv_without_text_column_names_columns(tmp_path):
    (tmp_path / "bad.csv").write_text("headline,body_html\nA,B\n", encoding="utf-8")
    (article,) = load_corpus(tmp_path)
    assert article.status == "skipped"
    assert "found: headline, body_html" in article.reason


def test_bad_files_are_accounted_for(tmp_path):
    (tmp_path / "empty.txt").write_text("   \n", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02PNG" * 100)
    (tmp_path / "latin.txt").write_bytes("Title\n\nCaf\xe9 bombing in Mosul.".encode("latin-1"))
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    (tmp_path / "bom.txt").write_bytes("\ufeffTitle\n\nBody.".encode("utf-8"))
    unreadable = tmp_path / "locked.txt"
    unreadable.write_text("secret", encoding="utf-8")
    unreadable.chmod(0)
    try:
        articles = by_path(load_corpus(tmp_path))
    finally:
        unreadable.chmod(0o644)
    assert articles["empty.txt"].reason == "empty file"
    assert articles["binary.txt"].reason == "binary file"
    assert articles["latin.txt"].loaded
    assert articles["latin.txt"].text.endswith("Café bombing in Mosul.")
    assert articles["latin.txt"].reason == (
        "warning: not UTF-8; decoded as cp1252, 0 bytes replaced with U+FFFD"
    )
    assert "unsupported file type .png" in articles["image.png"].reason
    assert articles["bom.txt"].text.startswith("Title")
    if os.geteuid() != 0:  # root reads anything
        assert articles["locked.txt"].reason.startswith("unreadable file")
    frame = articles_frame(articles.values())
    assert len(frame) == 6
    assert set(frame["status"]) == {"loaded", "skipped"}


def test_exact_duplicates_flagged(tmp_path):
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text("Same title\n\nSame body.", encoding="utf-8")
    first, second = load_corpus(tmp_path)
    assert first.duplicate_of == "" and second.duplicate_of == "a"
    assert not second.is_extractable(0, 4)


def test_single_file_and_missing_path(tmp_path):
    (tmp_path / "one.md").write_text("# A headline\n\nText.", encoding="utf-8")
    (article,) = load_corpus(tmp_path / "one.md")
    assert article.title == "A headline"
    with pytest.raises(CorpusNotFoundError):
        load_corpus(tmp_path / "missing")


def test_datelines_and_credits(tmp_path):
    text = (
        "Headline\n\nMOSUL, Iraq (Reuters) - Two soldiers were killed.\n\n"
        "By the end of the day the road was open.\n\nReporting by Jane Roe; Editing by Tim Poe"
    )
    (tmp_path / "r.txt").write_text(text, encoding="utf-8")
    (article,) = load_corpus(tmp_path)
    assert (article.dateline, article.outlet) == ("MOSUL", "Reuters")
    kinds = [p.kind for p in article.paragraphs]
    assert kinds == ["title", "body", "body", "credit"]
    assert article.byline == "Reporting by Jane Roe; Editing by Tim Poe"


def test_decode_utf16_bom():
    assert decode_bytes("hi".encode("utf-16"))[0] == "hi"


def test_utf16_files_with_a_bom_are_text_not_binary(tmp_path):
    """UTF-16 holds a NUL byte per Latin letter; the binary check counts its characters instead."""
    (tmp_path / "le.txt").write_bytes("Title\n\nTen killed in Mosul.".encode("utf-16"))
    (tmp_path / "be.txt").write_bytes(codecs.BOM_UTF16_BE + "Title\n\nBody.".encode("utf-16-be"))
    articles = by_path(load_corpus(tmp_path))
    assert articles["le.txt"].loaded and articles["le.txt"].text.endswith("Ten killed in Mosul.")
    assert articles["be.txt"].loaded and articles["be.txt"].title == "Title"


def test_utf16_jsonl_keeps_its_decoding_warning(tmp_path):
    damaged = b"\x00\xd8"  # a lone surrogate: two bytes UTF-16 cannot decode
    raw = (
        '{"text": "First '.encode("utf-16-le")
        + damaged
        + ' record."}\n{"text": "Second."}\n'.encode("utf-16-le")
    )
    (tmp_path / "feed.jsonl").write_bytes(codecs.BOM_UTF16_LE + raw)
    articles = load_corpus(tmp_path)
    assert [a.status for a in articles] == ["loaded", "loaded"]
    assert all(a.reason == "warning: 2 undecodable bytes replaced with U+FFFD" for a in articles)


def test_photo_credit_caption_is_boilerplate():
    patterns = cue_patterns()
    assert patterns.boilerplate.match("Photo: AFP")
    assert patterns.boilerplate.match("Image credit: Jane Roe")
    assert not patterns.boilerplate.match("Photographers were arrested on Monday.")
    # a video player's notice, whose "Javascript" the NER reads as a person
    assert patterns.boilerplate.match("Please enable Javascript to watch this video")
    assert not patterns.boilerplate.match("Javascript developers were among the victims.")
    # after a bullet or an arrow, and an editor's link or note wholly in square brackets
    assert patterns.boilerplate.match("►Related: Two killed in a second attack")
    assert patterns.boilerplate.match(">> Read more stories")
    assert patterns.boilerplate.match("[WATCH: Police chief on the shooting]")
    assert not patterns.boilerplate.match("[The gunman] fired at the crowd, a witness said.")
    assert not patterns.boilerplate.match("“Related to the attack,” he said, “were three arrests.”")


def test_video_playlist_items_are_boilerplate_but_a_timeline_is_not(tmp_path):
    page = (
        "Gunman wounds two at a bus stop\n\nTwo people were shot at a bus stop on Friday.\n\n"
        "0:58 Three killed in highway crash Pause\n\n2:14 Police chief speaks about stabbing\n\n"
        "Both victims are in stable condition."
    )
    timeline = (
        "What happened\n\n9:45 Shots are heard near the market.\n\n10:05 Police say one man was killed."
    )
    (tmp_path / "page.txt").write_text(page, encoding="utf-8")
    (tmp_path / "timeline.txt").write_text(timeline, encoding="utf-8")
    page_article, timeline_article = sorted(load_corpus(tmp_path), key=lambda a: a.article_id)
    playlist = [(p.kind, p.note) for p in page_article.paragraphs][2:4]
    assert playlist == [("boilerplate", "video playlist item")] * 2
    assert [p.kind for p in page_article.paragraphs][-1] == "body"
    assert [p.kind for p in timeline_article.paragraphs] == ["title", "body", "body"]


def test_menus_notices_and_the_writer_s_notes_are_page_furniture(tmp_path):
    page = (
        "Man shot dead outside a bar\n\n"
        "Weather | Traffic | Email Alerts | Facebook\n\n"
        "A man was shot dead outside a bar on Elm Road late Friday, police said.\n\n"
        "Close Get email notifications on Dana Ortiz daily!\n\n"
        "Contact with the gunman was lost at midnight, officers said.\n\n"
        "Dana Ortiz is a Ledger staff writer.\n\n"
        "Contact Dana Ortiz at dortiz@ledger.example or 555-210-4477."
    )
    (tmp_path / "page.txt").write_text(page, encoding="utf-8")
    (article,) = load_corpus(tmp_path)
    roles = [(p.kind, p.note) for p in article.paragraphs]
    assert roles == [
        ("title", ""),
        ("boilerplate", "menu line"),
        ("body", ""),
        ("boilerplate", "notice of the page"),
        ("body", ""),
        ("boilerplate", "writer's profile"),
        ("boilerplate", "contact line"),
    ]


def test_a_writer_s_trade_in_the_story_is_no_profile(tmp_path):
    page = (
        "Reporter among the wounded\n\nTwo people were shot at a rally on Saturday.\n\n"
        "Lena Park is a reporter for a local radio station and was hit in the arm.\n\n"
        "The gunman fled on foot.\n\nPolice asked witnesses to come forward.\n\nNo arrest was made."
    )
    (tmp_path / "story.txt").write_text(page, encoding="utf-8")
    (article,) = load_corpus(tmp_path)
    assert [p.kind for p in article.paragraphs] == ["title"] + ["body"] * 5


def test_date_labels_end_at_a_word_boundary():
    assert parse_date_line("Dated 3 March 2020") == "2020-03-03"
    assert parse_date_line("Updated: 2020-03-04 10:05 GMT") == "2020-03-04T10:05:00+00:00"
    assert cue_patterns().date_label.sub("", "Dateline text") == "Dateline text"


def test_decoding_counts_are_per_call_and_thread_safe():
    handler = codecs.lookup_error("sitrep_count")
    samples = [("é" * 50).encode() + b"\xff" * n for n in range(1, 30)]
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(decode_bytes, samples * 20))
    for n, (_, warning) in zip(list(range(1, 30)) * 20, results):
        noun = "byte" if n == 1 else "bytes"
        assert warning == f"warning: {n} undecodable {noun} replaced with U+FFFD"
    assert codecs.lookup_error("sitrep_count") is handler  # registered once, not per call


def test_reading_a_csv_leaves_the_csv_module_alone(tmp_path):
    limit = csv.field_size_limit()
    long_text = "word " * 60_000  # a field beyond the csv module's default limit
    (tmp_path / "big.csv").write_text(f'title,text\nBig,"{long_text}"\n', encoding="utf-8")
    (article,) = load_corpus(tmp_path)
    assert article.loaded and len(article.text) > 300_000
    assert csv.field_size_limit() == limit


@pytest.mark.parametrize(
    ("paragraph", "place", "outlet"),
    [
        ("DUHOK, Kurdistan Region – Heavy rain fell.", "DUHOK", ""),
        ("Kismayo (AP) — Heavy rain fell.", "Kismayo", "AP"),
        ("LAGOS, Nigeria, Jan 5 (Reuters) - Heavy rain fell.", "LAGOS", "Reuters"),
        ("Peshawar: Heavy rain fell on the city.", "Peshawar", ""),
        ("BEIRUT, March 3 (AFP) -- Heavy rain fell.", "BEIRUT", "AFP"),
        ("WASHINGTON, D.C. (AP) _ Heavy rain fell.", "WASHINGTON", "AP"),
        ("(CNN) — Heavy rain fell.", "", "CNN"),
        ("MOGADISHU—Heavy rain fell.", "MOGADISHU", ""),
        ("STOCKTON, Calif. (KCRA)–Heavy rain fell.", "STOCKTON", "KCRA"),
        # a press release's date in brackets is no outlet, and a colon after it no label
        ("SAVANNAH, GA (May 4, 2016): Heavy rain fell.", "SAVANNAH", ""),
        ("NEW YORK (June 15) - Heavy rain fell.", "NEW YORK", ""),
    ],
)
def test_wire_datelines(tmp_path, paragraph, place, outlet):
    (tmp_path / "a.txt").write_text(f"Rain\n\n{paragraph}\n\nMore rain is expected.", encoding="utf-8")
    (article,) = load_corpus(tmp_path)
    assert (article.dateline, article.outlet) == (place, outlet)
    if place:
        assert article.text[slice(*article.dateline_span)] == place
    own = article.text[article.paragraphs[1].start :]
    if "(" in paragraph and place and not outlet:  # a date in brackets stays in the text that is dated
        assert own.startswith(paragraph[paragraph.index("(") :])
    else:
        assert own.startswith("Heavy rain fell")


def test_a_press_releases_dated_dateline_places_and_dates_its_story(tmp_path):
    text = (
        "Two Hurt In Overnight Shooting\n\nMACON, GA (March 9, 2016): Two men were wounded in a shooting "
        "outside a bar on Pine Street early this morning, police said.\n"
    )
    tables = extracted_tables(tmp_path, {"release": text}, ("events",))
    (event,) = tables["events"].to_dict("records")
    assert (event["location"], event["admin1"], event["event_date"]) == ("Macon", "Georgia", "2016-03-09")


@pytest.mark.parametrize(
    "paragraph",
    [
        "June 15, 2014 - ten were hurt.",
        "Update: ten were hurt.",
        "Police: ten were hurt.",  # a label, not Police, Poland
        "Message: ten were hurt.",
        "Warning: roads are closed.",
    ],
)
def test_dates_and_labels_are_no_datelines(tmp_path, paragraph):
    (tmp_path / "a.txt").write_text(f"Headline\n\n{paragraph}\n\nMore text.", encoding="utf-8")
    (article,) = load_corpus(tmp_path)
    assert (article.dateline, article.outlet) == ("", "")


def test_wire_credit_lines_are_credits(tmp_path):
    text = (
        "Storm hits coast\n\nBy KAREN OSEI and LUIS PARDO\nAssociated Press\n"
        "ACCRA, Ghana (AP) — A storm flattened homes along the coast on Monday, officials said.\n"
        "The Associated Press\n"
        "Officials said the storm also cut power to two districts. (Reporting by Ama Boateng; "
        "Editing by Tom Reed)\n"
    )
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (article,) = load_corpus(tmp_path)
    kinds = [(p.kind, article.text[p.start : p.end]) for p in article.paragraphs]
    assert kinds == [
        ("title", "Storm hits coast"),
        ("credit", "By KAREN OSEI and LUIS PARDO"),
        ("credit", "Associated Press"),
        ("body", "A storm flattened homes along the coast on Monday, officials said."),
        ("credit", "The Associated Press"),
        ("body", "Officials said the storm also cut power to two districts."),
        ("credit", "(Reporting by Ama Boateng; Editing by Tom Reed)"),
    ]
    assert (article.dateline, article.outlet) == ("ACCRA", "AP")


def test_hard_wrapped_paragraphs_stay_whole(tmp_path):
    text = (
        "Wrapped report\n\nTHE PROVINCIAL GOVERNOR SAID ON MONDAY THAT THE ROAD BETWEEN THE TWO\n"
        "TOWNS WOULD REOPEN NEXT WEEK AFTER REPAIRS TO THE DAMAGED BRIDGE AND\n"
        "THE REMOVAL OF MINES.\n\nA second paragraph follows here.\n"
    )
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (article,) = load_corpus(tmp_path)
    assert [p.kind for p in article.paragraphs] == ["title", "body", "body"]
    assert article.text[article.paragraphs[1].start : article.paragraphs[1].end].endswith("MINES.")


@pytest.mark.parametrize(
    ("record", "outlet", "date", "published"),
    [
        ({"url": "https://www.bbc.co.uk/news/world-1"}, "bbc.co.uk", "", ""),
        ({"url": "https://news.example.com/a", "site_name": "Example Daily"}, "Example Daily", "", ""),
        ({"source": "AFP", "url": "https://x.com/a"}, "AFP", "", ""),
        ({"date": "Sunday, June 15, 2014 10:00 PM EDT"}, "", "2014-06-15", "2014-06-15T22:00:00-04:00"),
        ({"date": "15 June 2014"}, "", "2014-06-15", "2014-06-15"),
        ({"date": "2 hours ago"}, "", "", ""),
    ],
)
def test_record_metadata(tmp_path, record, outlet, date, published):
    (tmp_path / "r.jsonl").write_text(json.dumps({"text": "Ten people were hurt.", **record}) + "\n")
    (article,) = load_corpus(tmp_path)
    assert (article.outlet, article.date, article.published) == (outlet, date, published)


def test_expected_articles_counts_without_loading(tmp_path):
    records = [json.dumps({"id": f"r{n}", "text": f"Report {n}."}) for n in range(4)]
    (tmp_path / "feed.jsonl").write_text("\n".join(records[:2]) + "\n\n" + "\n".join(records[2:]) + "\n")
    (tmp_path / "one.txt").write_text("A story.\n")
    (tmp_path / "table.csv").write_text("title,text\nA,First.\nB,Second.\n")
    assert expected_articles(tmp_path) == len(load_corpus(tmp_path)) == 7
    (tmp_path / "table.csv").write_text('title,text\nA,"First line\nsecond line"\n')
    assert expected_articles(tmp_path) >= len(load_corpus(tmp_path)) == 6
    assert expected_articles(tmp_path / "missing") == 0


def test_first_article_loads_without_the_near_duplicate_index(tmp_path):
    """The first article cannot copy an earlier one: it comes without importing datasketch (and
    SciPy), and a copy of it is still found once the second article is loaded."""
    import subprocess
    import sys

    body = " ".join(f"Witness {i} said the convoy was hit near the bridge at dawn." for i in range(12))
    (tmp_path / "a.txt").write_text(f"Convoy attacked near bridge\n\n{body}\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text(f"Convoy attacked near bridge\n\n{body} More later.\n", encoding="utf-8")
    code = (
        "import sys\nfrom helpers.ingest import iter_articles\n"
        f"articles = iter_articles({str(tmp_path)!r})\nfirst = next(articles)\n"
        "print('datasketch' in sys.modules)\n"
        "print(next(articles).near_duplicate_of == first.article_id)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert result.stdout.split() == ["False", "True"]
