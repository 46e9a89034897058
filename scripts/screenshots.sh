#!/usr/bin/env bash
# Screenshots of the desk on the demo event, in Korean, at 1920x1080 under Xvfb:
#   bash scripts/screenshots.sh [OUT_DIR]      (default docs/screenshots)
# Writes board.png, board-presentation.png, checklist.png, affiliate.png, exchange.png; then the
# board in presentation mode (F11, full screen) on projector screens of 1280x800, 1366x768 and
# 1920x1080: board-presentation-WxH.png for the demo's 9 affiliates and
# board-presentation-30-WxH.png for a 30-affiliate group (`crisisdesk demo --affiliates 30`).
# The exchange scene: the demo desk as the group desk (key in a passphrase-protected file), a bank
# desk beside it, one packet from the bank and one tampered with in a shared folder.
# Needs xvfb-run and the xcb libraries (see scripts/dev.sh); PYTHON picks the interpreter.
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-docs/screenshots}"
python="${PYTHON:-$( [ -x .venv/bin/python ] && echo .venv/bin/python || echo python3 )}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"
"$python" -m crisisdesk demo --db "$work/demo.sqlite" >/dev/null

# Settings, log and user folders go to the scratch folder, never the user's own.
XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" \
PYTHON_KEYRING_BACKEND=keyring.backends.fail.Keyring \
xvfb-run -a -s "-screen 0 1920x1080x24" env QT_QPA_PLATFORM=xcb "$python" - "$work/demo.sqlite" "$out" <<'PY'
import os
import sys
import time
from pathlib import Path

from PySide6.QtWidgets import QApplication

from crisisdesk.ui.main import build_window, make_application

db, out = Path(sys.argv[1]), Path(sys.argv[2])
work = db.parent
PASSPHRASE = "screenshot-passphrase"


def exchange_scene() -> Path:
    """Group and bank desks enrolled with each other; in the shared folder a packet from the bank
    and one altered after signing."""
    from crisisdesk.desk.app import Desk
    from crisisdesk.desk.exchange_service import ExchangeService

    share = work / "share"
    share.mkdir()
    with Desk.open(db) as group, Desk.open(work / "bank.sqlite", author="한빛은행 IT") as bank:
        on_group, on_bank = ExchangeService(group), ExchangeService(bank)
        on_group.init("group", key_file=work / "group.key", passphrase=PASSPHRASE)
        on_bank.init("affiliate", group=group.events.group().id, affiliate="bank", key_file=work / "bank.key",
                     passphrase=PASSPHRASE)
        on_group.enrol(on_bank.export_public_key(work / "bank.cdkey"))
        on_bank.enrol(on_group.export_public_key(work / "group.cdkey"))
        event = group.events.event_records("open")[0].id
        on_group.export_to(on_bank.me().desk, work)
        on_bank.import_files(sorted(work.glob("*.cdpkt")))
        for item in [i for i in bank.views.checklist(event, "bank") if i.state == "todo"][:2]:
            bank.checklists.set_item(event, "bank", f"{item.checklist}/{item.item}", state="done")
            on_bank.export_to(on_group.me().desk, share)
    tampered = sorted(share.glob("*.cdpkt"))[-1]
    data = bytearray(tampered.read_bytes())
    data[-1] ^= 1
    tampered.write_bytes(bytes(data))
    past = time.time() - 600
    for packet in share.glob("*.cdpkt"):
        os.utime(packet, (past, past))
    return share


share = exchange_scene()
app = make_application([])
window = build_window(db)
window.move(0, 0)
window.resize(1920, 1080)
window.show()


def settle(seconds: float = 0.6) -> None:
    """Let the executor finish its work and the window paint it."""
    end = time.monotonic() + 30
    while time.monotonic() < end and (window.executor.info is None or window.info is None
                                      or window.executor.pending):
        app.processEvents()
        time.sleep(0.01)
    pause = time.monotonic() + seconds
    while time.monotonic() < pause:
        app.processEvents()
        time.sleep(0.01)


def shoot(name: str) -> None:
    settle()
    window.grab().save(str(out / f"{name}.png"))
    print(out / f"{name}.png")


settle()
window.show_panel("board")
shoot("board")
window.open_affiliate("bank")
settle()
affiliate = window.panels["affiliates"]
affiliate._show_history("customers-affected")
shoot("affiliate")
window.show_panel("checklists")
checklist = window.panels["checklists"]
checklist.view.setFocus()
shoot("checklist")
window.present_action.setChecked(True)
window.resize(1920, 1080)
shoot("board-presentation")
window.present_action.setChecked(False)
settle()

from crisisdesk.ui.exchange import session  # noqa: E402

window.exchange.set_folder(str(share))
window.executor.submit(lambda desk: session.service(desk).unlock(PASSPHRASE))
window.show_panel("exchange")
exchange = window.panels["exchange"]
settle()
exchange.folder.sync_button.click()
settle()
exchange.folder.tabs.setCurrentIndex(3)  # the refused packet and why
shoot("exchange")
window.close()
PY

# The board full screen on each projector size: a screen of that size each time.
"$python" -m crisisdesk demo --db "$work/wide.sqlite" --affiliates 30 >/dev/null
for size in 1280x800 1366x768 1920x1080; do
  for desk in demo wide; do
    XDG_CONFIG_HOME="$work/config-$size-$desk" XDG_DATA_HOME="$work/data" \
    PYTHON_KEYRING_BACKEND=keyring.backends.fail.Keyring \
    xvfb-run -a -s "-screen 0 ${size}x24" env QT_QPA_PLATFORM=xcb "$python" - "$work/$desk.sqlite" "$out" "$size" "$desk" <<'PY'
import sys
import time
from pathlib import Path

from crisisdesk.ui.main import build_window, make_application

db, out, size, desk = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3], sys.argv[4]
app = make_application([])
window = build_window(db)
window.show()
board = window.panels["board"]
end = time.monotonic() + 30
while time.monotonic() < end and (window.info is None or window.executor.pending or not board.tiles()):
    app.processEvents()
    time.sleep(0.01)
window.present_action.setChecked(True)  # F11
screen = window.screen().geometry()
window.setGeometry(screen)  # what the window manager does for full screen (Xvfb runs none)
pause = time.monotonic() + 1.0
while time.monotonic() < pause:
    app.processEvents()
    time.sleep(0.01)
assert window.size() == screen.size(), f"not full screen: {window.size()} on {screen.size()}"
for tile in board.tiles():  # every tile of the page inside the screen, none cut
    if tile.isVisible():
        corner = tile.mapTo(window, tile.rect().bottomRight())
        assert window.rect().contains(corner), f"{tile.objectName()} cut at {corner}"
name = f"board-presentation-{size}.png" if desk == "demo" else f"board-presentation-30-{size}.png"
window.grab().save(str(out / name))
print(out / name, f"({board.plan.columns}x{board.plan.rows}, {board.plan.pages} page(s), "
      f"text {board.plan.font_px:.0f} px)")
window.close()
PY
  done
done
