"""The interface language: Korean by default, English one click away, switched without restart."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from crisisdesk.domain.text import Text
from crisisdesk.locations import resource_path

LANGUAGES = ("ko", "en")
DEFAULT_LANGUAGE = "ko"

_state: dict = {"lang": DEFAULT_LANGUAGE, "translators": []}


def language() -> str:
    return _state["lang"]


def text(value: Text) -> str:
    """A bilingual playbook or group text in the interface language."""
    return value.get(language())


def apply_language(lang: str) -> None:
    """Install the catalogues of `lang`; every widget then receives a LanguageChange event."""
    if lang not in LANGUAGES:
        lang = DEFAULT_LANGUAGE
    app = QCoreApplication.instance()
    _state["lang"] = lang
    QLocale.setDefault(QLocale(QLocale.Language.Korean if lang == "ko" else QLocale.Language.English,
                               QLocale.Country.SouthKorea if lang == "ko" else QLocale.Country.UnitedStates))
    for translator in _state["translators"]:
        app.removeTranslator(translator)
    _state["translators"] = []
    if lang == "en":  # the source language of the code
        return
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name, folder in ((f"crisisdesk_{lang}", str(resource_path("translations"))),
                         (f"qtbase_{lang}", qt_dir)):
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            _state["translators"].append(translator)
