"""The interface language: Korean by default, English one click away, switched without restart."""

from __future__ import annotations

from pathlib import Path

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
    # Ours first, Qt's own (its standard dialogs: file chooser, message boxes) installed after, so
    # asked first; what Qt's Korean catalogue lacks falls through to ours (see qt_strings.py).
    for name, folders in ((f"crisisdesk_{lang}", [str(resource_path("translations"))]),
                          (f"qtbase_{lang}", qt_translation_dirs())):
        translator = QTranslator(app)
        if any(translator.load(name, folder) for folder in folders):
            app.installTranslator(translator)
            _state["translators"].append(translator)


def qt_translation_dirs() -> list[str]:
    """Where Qt's own catalogues are: Qt's configured folder, else PySide6's (as the bundle lays it out)."""
    import PySide6

    return [QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath),
            str(Path(PySide6.__file__).parent / "Qt" / "translations")]
