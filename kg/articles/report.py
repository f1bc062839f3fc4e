"""What a read did: problems (inputs skipped), warnings, duplicates, counts.

Example:
    >>> r = ReadReport()
    >>> r.add_problem(ArticleInputError("a.txt", "empty file"))
    >>> r.problems, r.skipped
    ([('a.txt', 'empty file')], 1)
    >>> print(r.summary())
    read 0 articles, skipped 1 input, 0 duplicates, 0 warnings
      a.txt: empty file
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kg.errors import InputError


class ArticleInputError(InputError):
    """An :class:`InputError` that keeps where (``path`` or ``path:LINE``) and why apart.

    Example:
        >>> str(ArticleInputError("feed.xml#2", "entry has no text"))
        'feed.xml#2: entry has no text'
    """

    def __init__(self, where: str, reason: str) -> None:
        super().__init__(f"{where}: {reason}")
        self.where = where
        self.reason = reason


@dataclass
class ReadReport:
    """Filled in by ``read_articles``; every entry names the input (``path`` or ``path:LINE``).

    ``problems``: inputs not read, with the reason; ``warnings``: read, but with a caveat;
    ``duplicates``: ``(path, first_path, article_id)`` of identical copies not yielded again;
    ``read``: articles yielded; ``skipped``: files or records skipped because of a problem.
    """

    problems: list[tuple[str, str]] = field(default_factory=list)
    warnings: list[tuple[str, str]] = field(default_factory=list)
    duplicates: list[tuple[str, str, str]] = field(default_factory=list)
    read: int = 0
    skipped: int = 0

    def add_problem(self, error: ArticleInputError, *, skipped: bool = True) -> None:
        """Record a problem; ``skipped`` counts it as an input that was not read."""
        self.problems.append((error.where, error.reason))
        self.skipped += int(skipped)

    def summary(self, limit: int = 20) -> str:
        """A short text for people: counts on the first line, then up to ``limit`` problems."""

        def plural(n: int, word: str) -> str:
            return f"{n} {word}{'' if n == 1 else 's'}"

        lines = [
            f"read {plural(self.read, 'article')}, skipped {plural(self.skipped, 'input')}, "
            f"{plural(len(self.duplicates), 'duplicate')}, {plural(len(self.warnings), 'warning')}"
        ]
        lines += [f"  {where}: {reason}" for where, reason in self.problems[:limit]]
        if len(self.problems) > limit:
            lines.append(f"  ... and {len(self.problems) - limit} more problems")
        return "\n".join(lines)
