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


class ShapeError(KGError):
    """The graph does not conform to the SHACL shapes."""


class UsageError(KGError):
    """The caller asked for something that does not exist (exit code 2 in the CLI)."""
