"""Translate each golden case once per test session and share the result between tests."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from go2rs.api import Options, translate

from .cases import Case


class DiagnosticLike(Protocol):
    @property
    def line(self) -> int: ...
    @property
    def col(self) -> int: ...
    @property
    def severity(self) -> object: ...  # "error" | "warning" | "info", or an enum with that .value
    @property
    def message(self) -> str: ...


def severity_name(diagnostic: DiagnosticLike) -> str:
    """``"error"``, ``"warning"`` or ``"info"``, whether severity is a str or a str-valued enum."""
    return str(getattr(diagnostic.severity, "value", diagnostic.severity))


class TranslationLike(Protocol):
    """The part of ``go2rs.api.translate``'s result that the tests rely on."""

    @property
    def rust(self) -> str: ...
    @property
    def diagnostics(self) -> tuple[DiagnosticLike, ...]: ...
    @property
    def translated_anything(self) -> bool: ...


def translate_case(case: Case, mode: str = "draft") -> TranslationLike:
    """Translate with the default options, naming the file as a user would see it."""
    result: TranslationLike = translate(case.source(), Options(filename=case.filename, mode=mode))
    return result


class TranslationFailed(Exception):
    """translate() raised for this case (it should never raise: it reports diagnostics)."""


@dataclass
class TranslationCache:
    _done: dict[str, TranslationLike] = field(default_factory=dict)
    _failed: dict[str, str] = field(default_factory=dict)

    def get(self, case: Case) -> TranslationLike:
        """The case's translation; raises TranslationFailed (every time) if translate() raised."""
        if case.id not in self._done and case.id not in self._failed:
            try:
                self._done[case.id] = translate_case(case)
            except Exception as exc:  # record it: every test of this case reports the crash
                self._failed[case.id] = f"{type(exc).__name__}: {exc}"
                raise
        if case.id in self._failed:
            raise TranslationFailed(f"translate() raised for {case.id}: {self._failed[case.id]}")
        return self._done[case.id]

    def get_or_none(self, case: Case) -> TranslationLike | None:
        try:
            return self.get(case)
        except Exception:
            return None

    def __repr__(self) -> str:  # pytest prints fixture values in tracebacks: keep it short
        return f"<TranslationCache: {len(self._done)} translated, {len(self._failed)} raised>"
