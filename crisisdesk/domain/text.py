"""Bilingual text: Korean first, English second, each falling back to the other."""

from __future__ import annotations

from dataclasses import dataclass

LANGUAGES = ("ko", "en")


@dataclass(frozen=True)
class Text:
    ko: str = ""
    en: str = ""

    @classmethod
    def plain(cls, value: str) -> Text:
        return cls(ko=value, en=value)

    def get(self, lang: str = "ko") -> str:
        """The text in `lang`, falling back to the other language."""
        if lang == "en":
            return self.en or self.ko
        return self.ko or self.en

    @property
    def empty(self) -> bool:
        return not (self.ko or self.en)

    def __str__(self) -> str:
        return self.get("ko")
