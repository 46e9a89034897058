import gc

import pytest

from crisisdesk.desk.bulk import collector_paused


@pytest.mark.parametrize("enabled", [True, False])
def test_the_collector_is_paused_and_left_as_it_was(enabled):
    was = gc.isenabled()
    (gc.enable if enabled else gc.disable)()
    try:
        with pytest.raises(RuntimeError), collector_paused():
            assert not gc.isenabled()
            raise RuntimeError("a refused packet")
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()
