#!/usr/bin/env bash
# Screenshots and a sample report of a drill of the example group, in Korean, under Xvfb:
#   bash scripts/drill_screenshots.sh [OUT_DIR] [SAMPLES_DIR]   (default docs/screenshots, docs/samples)
# Writes drill-banner.png (the board of a drill event with its 모의훈련 band and the controller's
# injects), room.png (the 24-hour room), review.png (the review page), after-action.png (the first page of the drill's result
# report) and the sample drill-result-ko.pdf.
# Needs xvfb-run, the xcb libraries and pdftoppm (see scripts/dev.sh); PYTHON picks the interpreter.
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-docs/screenshots}"
samples="${2:-docs/samples}"
python="${PYTHON:-$( [ -x .venv/bin/python ] && echo .venv/bin/python || echo python3 )}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$out" "$samples"

XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" \
PYTHON_KEYRING_BACKEND=keyring.backends.fail.Keyring \
xvfb-run -a -s "-screen 0 1920x1080x24" env QT_QPA_PLATFORM=xcb "$python" - "$work" "$out" "$samples" <<'PY'
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from crisisdesk.desk.app import Desk
from crisisdesk.locations import shipped_playbooks_dir
from crisisdesk.ui.main import build_window, make_application

work, out, samples = (Path(a) for a in sys.argv[1:4])
db = work / "drill.sqlite"
T0 = datetime(2026, 5, 12, 10, 0, tzinfo=ZoneInfo("Asia/Seoul"))
now = [T0]


def clock() -> datetime:
    return now[0]


def at(hours: int, minutes: int) -> None:
    now[0] = T0 + timedelta(hours=hours, minutes=minutes)


# A drill of the group desk, as the scripted drill in tests/cli/test_drill_end_to_end.py runs it.
books = shipped_playbooks_dir()
with Desk.open(db, clock=clock, author="오상황") as desk:
    desk.events.load_group(books / "example-group.yaml")
    event = desk.events.activate(books / "drill-gov-id-outage.yaml", "2026 상반기 그룹 합동 모의훈련", t0=T0,
                          level="caution", drill=True).created
    at(0, 6)
    desk.drills.release_due(event)
    at(0, 20)
    desk.checklists.set_item(event, "bank", "first-hour/confirm-outage-scope", state="done")
    at(0, 50)
    desk.checklists.set_item(event, "group", "council/convene-council", state="done")
    at(1, 1)
    desk.drills.release_due(event)
    at(1, 10)
    desk.drills.respond_to_inject(event, "group", "press-enquiry", "그룹 홍보실 입장문 배포")
    desk.assessments.assess_service(event, "card", "app-card", "down", "인증 서버 과부하")
    at(1, 15)
    desk.checklists.set_item(event, "card", "first-hour/check-own-systems", state="done")
    at(1, 30)
    desk.drills.release_inject(event, "bank-complaints")
    at(2, 50)
    desk.drills.respond_to_inject(event, "bank", "bank-complaints", "콜센터 상담 인력 40명 추가, 응대 스크립트 배포")
    at(3, 0)
    desk.drills.release_due(event)
    at(3, 20)
    desk.drills.respond_to_inject(event, "card", "card-complaints", "체크카드 영업점 발급 안내 문자 발송")
    at(3, 40)
    desk.drills.release_due(event)  # the vendor is back
    at(4, 30)
    desk.assessments.assess_service(event, "card", "app-card", "normal")
    at(5, 10)
    desk.reviews.record_finding(event, "은행 민원 급증 대응이 요구 시한보다 20분 늦었음: 콜센터 비상 증원 절차가 매뉴얼에 없음")
    finding = desk.reviews.record_finding(event, "한빛카드 앱카드 인증 서버가 트래픽 전환을 견디지 못해 RTO(3시간)를 20분 넘김").created
    desk.reviews.add_corrective_action(event, "콜센터 비상 증원 절차 매뉴얼 반영", "한빛은행 소비자보호부장",
                               datetime(2026, 6, 30, 18, 0, tzinfo=T0.tzinfo))
    desk.reviews.add_corrective_action(event, "앱카드 인증 서버 증설과 부하 시험", "한빛카드 IT 책임자",
                               datetime(2026, 7, 31, 18, 0, tzinfo=T0.tzinfo), finding)
    desk.room.prepare_handover(event, "오상황", "윤교대")
    at(5, 20)
    roll = desk.room.start_roll_call(event, "훈련 비상연락망 점검").created
    desk.room.record_call(event, roll, "cro", "no-answer")
    at(5, 22)
    desk.room.record_call(event, roll, "cro-deputy", "reached")
    desk.room.record_call(event, roll, "bank-it", "reached")
    at(5, 25)
    desk.room.record_call(event, roll, "fss-officer", "reached", "야간 당직 검사역 연결")
    desk.room.record_call(event, roll, "card-it", "left-message")
    at(6, 10)
    desk.drills.release_due(event)  # the government ID check is back
    at(6, 30)
    rendered = desk.reviews.write_after_action(event, samples / "drill-result-ko.pdf")
    print(samples / "drill-result-ko.pdf", rendered.pages, "pages")

app = make_application([])
window = build_window(db, clock=clock)
window.move(0, 0)
window.resize(1920, 1080)
window.show()


def settle(seconds: float = 0.8) -> None:
    end = time.monotonic() + 30
    while time.monotonic() < end and (window.executor.info is None or window.info is None
                                      or window.executor.pending):
        app.processEvents()
        time.sleep(0.01)
    pause = time.monotonic() + seconds
    while time.monotonic() < pause:
        app.processEvents()
        time.sleep(0.01)


settle()
window.show_panel("board")
settle()
window.drills.injects(window.info)
settle()
dialog = window.drills.dialog
dialog.move(420, 330)
dialog.table.selectRow(3)
settle()
screen = app.primaryScreen().grabWindow(0, 0, 0, 1920, 1080)
screen.save(str(out / "drill-banner.png"))
print(out / "drill-banner.png")
dialog.close()
window.show_panel("room")
settle()
room = window.panels["room"]
room.tabs.setCurrentIndex(1)
settle()
window.grab().save(str(out / "room.png"))
print(out / "room.png")
window.show_panel("review")
settle(1.5)
window.grab().save(str(out / "review.png"))
print(out / "review.png")
window.close()
PY

pdftoppm -png -r 80 -f 1 -l 1 -singlefile "$samples/drill-result-ko.pdf" "$out/after-action"
echo "$out/after-action.png"
