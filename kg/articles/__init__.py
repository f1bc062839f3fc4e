"""Reading: files, directories, patterns, stdin (text, HTML, JSON/JSONL, RSS/Atom) → ``Article`` records.

Example:
    >>> from kg.articles import read_text
    >>> read_text("Deal signed\\n\\nCAIRO (AP) -- Fatah and Hamas signed a deal.").dateline.agency
    'AP'
"""

from kg.articles.model import Article, Dateline, Sentence
from kg.articles.reader import read_article_file, read_articles, read_text
from kg.articles.report import ArticleInputError, ReadReport
from kg.articles.sentences import split_sentences
from kg.articles.sources import DEFAULT_MAX_BYTES

__all__ = [
    "DEFAULT_MAX_BYTES",
    "Article",
    "ArticleInputError",
    "Dateline",
    "ReadReport",
    "Sentence",
    "read_article_file",
    "read_articles",
    "read_text",
    "split_sentences",
]
