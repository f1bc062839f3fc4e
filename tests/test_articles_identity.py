"""Identity: ids from canonical URLs or text, duplicates reported once, near-copies linked."""

from __future__ import annotations

from pathlib import Path

from kg.articles import ReadReport, read_articles, read_text
from kg.articles.identity import NearDuplicateIndex, article_id, content_hash, normalise_url, similarity, sketch

STORY = (
    "GAZA, Oct. 12, 2017 (Reuters) - The rival Palestinian movements Fatah and Hamas signed an agreement in "
    "Cairo on Thursday after talks hosted by Egyptian intelligence officials. Under the deal, the consensus "
    "government is to take over administration of the Gaza Strip by Dec. 1, officials from both sides said, "
    "and the crossings are to be handed over to the presidential guard within weeks."
)


def write(path: Path, title: str, body: str = STORY) -> Path:
    path.write_text(f"{title}\n\n{body}\n", encoding="utf-8")
    return path


def test_same_story_read_twice_same_id():
    assert read_text(f"Deal\n\n{STORY}").id == read_text(f"Deal\n\n{STORY}").id
    # whitespace and case do not change the text id
    assert read_text(f"DEAL\n\n{STORY.replace(' ', '  ')}").id == read_text(f"Deal\n\n{STORY}").id


def test_url_id_and_text_id_never_collide():
    by_url = article_id("https://example.org/a", "T", "B")
    by_text = article_id(None, "T", "B")
    assert by_url[0] == "u" and by_text[0] == "t"
    assert len(by_url) == len(by_text) == 17
    assert by_text[1:] == content_hash("T", "B")[:16]


def test_url_normalisation_gives_one_id():
    urls = [
        "https://example.org/news/1",
        "http://www.example.org/news/1/",
        "HTTPS://EXAMPLE.ORG:443/news/1?utm_source=rss&utm_medium=feed#comments",
    ]
    assert {normalise_url(u) for u in urls} == {"https://example.org/news/1"}
    assert len({article_id(u, "x", "y") for u in urls}) == 1
    assert normalise_url("https://example.org/n?b=2&a=1") == "https://example.org/n?a=1&b=2"


def test_identical_copies_under_other_names_are_one_article(tmp_path):
    first = write(tmp_path / "a.txt", "Fatah and Hamas sign deal")
    copy = write(tmp_path / "b-copy.txt", "Fatah and Hamas sign deal")
    report = ReadReport()
    articles = list(read_articles([tmp_path], report=report))
    assert [a.source for a in articles] == [str(first)]
    assert report.duplicates == [(str(copy), str(first), articles[0].id)]
    assert report.read == 1


def test_same_url_different_formats_is_a_duplicate(tmp_path):
    (tmp_path / "a.md").write_text(f"---\nurl: https://example.org/x\n---\nT\n\n{STORY}", encoding="utf-8")
    (tmp_path / "b.jsonl").write_text('{"title": "Other", "body": "Other text.", "url": "http://www.example.org/x/"}\n')
    report = ReadReport()
    (article,) = read_articles([tmp_path], report=report)
    assert report.duplicates == [(f"{tmp_path / 'b.jsonl'}:1", str(tmp_path / "a.md"), article.id)]


def test_near_copy_with_another_headline_is_linked_not_merged(tmp_path):
    write(tmp_path / "a.txt", "Fatah and Hamas sign deal")
    write(tmp_path / "b.txt", "Palestinian rivals reach agreement in Cairo")
    write(
        tmp_path / "c.txt",
        "Talks elsewhere",
        "DOHA (AP) -- A completely different report about weather and sport today.",
    )
    report = ReadReport()
    a, b, c = read_articles([tmp_path], report=report)
    assert report.duplicates == []
    assert a.id != b.id
    assert (a.near_duplicate_of, b.near_duplicate_of, c.near_duplicate_of) == ([], [a.id], [])


def test_near_duplicate_threshold():
    base = " ".join(f"word{i}" for i in range(200))
    edited = base.replace("word100", "changed")  # 5 of ~196 shingles differ
    other = " ".join(f"term{i}" for i in range(200))
    assert similarity(sketch(base), sketch(base)) == 1.0
    assert similarity(sketch(base), sketch(edited)) > 0.9
    assert similarity(sketch(base), sketch(other)) == 0.0
    index = NearDuplicateIndex()
    assert index.add("t1", base) == []
    assert index.add("t2", edited) == ["t1"]
    assert index.add("t3", other) == []
    half = " ".join(f"word{i}" for i in range(100)) + " " + " ".join(f"term{i}" for i in range(100))
    assert index.add("t4", half) == []  # Jaccard about 1/3: below the 0.8 threshold
