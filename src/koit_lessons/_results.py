"""The base of the results a student reads (``ShockResult``, ``CapCheck``, a capstone
``Profile``, a ``TrainingRun``, a ``ClubView``): frozen dataclasses whose fields can also
be read by name, ``result["hhi"]``, as from the plain dicts some of them replace.
"""

from __future__ import annotations

from dataclasses import fields
from typing import Any

__all__ = ["Result"]


class Result:
    """Mixin for a frozen dataclass: read-only access by field name, and :meth:`as_dict`.

    Examples
    --------
    >>> from dataclasses import dataclass
    >>> @dataclass(frozen=True)
    ... class Pair(Result):
    ...     a: int
    ...     b: int
    >>> p = Pair(1, 2)
    >>> p.a, p["b"], "b" in p, list(p.keys()), p.as_dict()
    (1, 2, True, ['a', 'b'], {'a': 1, 'b': 2})
    """

    __slots__ = ()

    def keys(self) -> list[str]:
        """The field names, in order."""
        return [f.name for f in fields(self)]  # type: ignore[arg-type]

    def as_dict(self) -> dict[str, Any]:
        """The result as a plain dict (a new one; the values are not copied)."""
        return {name: getattr(self, name) for name in self.keys()}

    def __getitem__(self, key: str) -> Any:
        if isinstance(key, str) and key in self.keys():
            return getattr(self, key)
        raise KeyError(key)

    def __contains__(self, key: object) -> bool:
        return key in self.keys()
