import json
import sys

import pytest

import crisisdesk.domain.journal
import crisisdesk.ui.main


def test_source_check_is_replaced_and_answers_as_pyside_does():
    check = sys.modules["shibokensupport.feature"]._mod_uses_pyside
    assert hasattr(check, "original"), "PySide6's source check was not replaced"
    for module in (crisisdesk.ui.main, crisisdesk.domain.journal, json, sys, pytest):
        assert check(module) == check.original(module), module.__name__
    assert check(crisisdesk.ui.main) and not check(crisisdesk.domain.journal)
