"""What every list's query holds besides its own filters: the search text and the order."""

from dataclasses import dataclass


@dataclass
class ListQuery:
    """A list's search and order; each list's query adds its filters and sets its default
    order (a key of its service's sort table)."""

    text: str = ""
    sort: str = ""
    descending: bool = False
