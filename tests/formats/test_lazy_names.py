"""The package's names load on first use; each one listed for the type checker exists."""

import crisisdesk.formats as formats


def test_every_exported_name_loads_and_the_lists_agree():
    assert sorted(formats.__all__) == sorted(formats._HOMES)
    for name in formats.__all__:
        assert getattr(formats, name).__name__ == name
