import subprocess
import sys

import pytest

from crisisdesk import __version__
from crisisdesk.cli import main


def test_version(capsys):
    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0
    assert __version__ in capsys.readouterr().out


def test_usage_error_exits_2(capsys):
    with pytest.raises(SystemExit) as info:
        main(["no-such-command"])
    assert info.value.code == 2


def test_python_dash_m_and_env_db(tmp_path):
    db = tmp_path / "env.sqlite"
    env = {"CRISISDESK_DB": str(db), "PATH": "/usr/bin:/bin"}
    result = subprocess.run([sys.executable, "-m", "crisisdesk", "verify"], env=env,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert str(db) in result.stderr and "Traceback" not in result.stderr
    db.write_bytes(b"not a database at all" * 10)
    result = subprocess.run([sys.executable, "-m", "crisisdesk", "verify"], env=env,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert "not an SQLite file" in result.stderr
    assert result.stderr.count("\n") == 1
