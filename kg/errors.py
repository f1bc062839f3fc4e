"""Error kinds raised by the library; the CLI turns them into one-line messages.

Example:
    >>> raise InputError("data/x.txt: empty file")
    Traceback (most recent call last):
    kg.errors.InputError: data/x.txt: empty file
"""

from __future__ import annotations


class KGError(Exception):
    """Base class of every error the library raises on purpose (exit code 1 in the CLI)."""


class InputError(KGError):
    """An input file or record cannot be read (the message starts with the path)."""


class StoreError(KGError):
    """The store cannot be opened, read or written."""


class StoreLockedError(StoreError):
    """The embedded store is held by another process."""


class QueryError(KGError):
    """A SPARQL query is malformed, refused (network access) or timed out."""


class QueryTimeout(QueryError):  # noqa: N818
    """A query ran longer than its timeout (a server answers 503 rather than 400).

    Example:
        >>> print(QueryTimeout.after(2.5))
        query timed out after 2.5 s (raise --timeout, or simplify the query)
    """

    @classmethod
    def after(cls, seconds: float) -> QueryTimeout:
        """The error for a query stopped after ``seconds``."""
        return cls(f"query timed out after {seconds:g} s (raise --timeout, or simplify the query)")


class ShapeError(KGError):
    """The graph does not conform to the SHACL shapes."""


class UsageError(KGError):
    """The caller asked for something that does not exist (exit code 2 in the CLI)."""
