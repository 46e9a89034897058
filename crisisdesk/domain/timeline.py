"""One line per journal entry for the timeline, in Korean and English."""

from __future__ import annotations

from crisisdesk.domain.group import Group
from crisisdesk.domain.playbook import Playbook
from crisisdesk.domain.text import Text

STATE_NAMES = {
    "todo": Text("할 일", "to do"), "doing": Text("진행 중", "doing"), "done": Text("완료", "done"),
    "n/a": Text("해당 없음", "n/a"), "blocked": Text("차단됨", "blocked"),
}
REPORT_STEPS = {
    "report.drafted": Text("초안 작성", "drafted"), "report.approved": Text("승인", "approved"),
    "report.issued": Text("발행", "issued"),
}
PROVIDER_STATUS_NAMES = {
    "down": Text("중단", "down"), "degraded": Text("저하", "degraded"),
    "restored": Text("복구", "restored"),
}


def _name(items, key: str) -> Text:
    for item in items:
        if item.id == key:
            return getattr(item, "name", None) or getattr(item, "title", None)
    return Text.plain(key)


def describe(kind: str, p: dict, playbook: Playbook, group: Group) -> Text:
    """A short sentence for an entry of `kind` with payload `p`."""
    aff = _name(group.affiliates, p["affiliate"]).ko if "affiliate" in p else ""
    aff_en = _name(group.affiliates, p["affiliate"]).en if "affiliate" in p else ""
    level = _name(playbook.levels, p.get("level", "")) if "level" in p else Text()
    if kind == "event.activated":
        drill = Text("훈련", "drill") if p.get("drill") else Text("실제", "real")
        return Text(f"사건 발령: {p['title']} ({drill.ko}, {level.ko})",
                    f"Event activated: {p['title']} ({drill.en}, {level.en})")
    if kind == "event.level_changed":
        return Text(f"위기 단계 변경 → {level.ko}: {p.get('reason', '')}",
                    f"Level changed to {level.en}: {p.get('reason', '')}")
    if kind == "event.provider_changed":
        prov, st = _name(group.providers, p["provider"]), PROVIDER_STATUS_NAMES[p["status"]]
        return Text(f"외부 서비스 {prov.ko}: {st.ko}", f"Provider {prov.en}: {st.en}")
    if kind in ("event.closed", "event.reopened"):
        word = Text("사건 종료", "Event closed") if kind == "event.closed" else Text("사건 재개", "Event reopened")
        return Text(f"{word.ko}: {p.get('reason', '')}", f"{word.en}: {p.get('reason', '')}")
    if kind == "checklist.changed":
        st = STATE_NAMES.get(p["after"]["state"], Text.plain(p["after"]["state"]))
        undo = Text("되돌림 ", "undo: ") if p.get("undoes") else Text()
        note = f" — {p['after']['note']}" if p["after"].get("note") else ""
        return Text(f"{undo.ko}[{aff}] {p['item']} → {st.ko}{note}",
                    f"{undo.en}[{aff_en}] {p['item']} → {st.en}{note}")
    if kind == "impact.answered":
        return Text(f"[{aff}] 영향평가 {p['field']} 응답", f"[{aff_en}] impact answer {p['field']}")
    if kind == "service.assessed":
        return Text(f"[{aff}] 서비스 {p['service']} 상태: {p['status']}",
                    f"[{aff_en}] service {p['service']} status: {p['status']}")
    if kind == "meeting.opened":
        return Text(f"협의회 개회: {p.get('title', '')}", f"Council meeting opened: {p.get('title', '')}")
    if kind == "meeting.closed":
        return Text("협의회 폐회", "Council meeting closed")
    if kind == "decision.recorded":
        word = {"decide": Text("결정", "Decision"), "amend": Text("결정 수정", "Amendment"),
                "withdraw": Text("결정 철회", "Withdrawal")}[p.get("action", "decide")]
        body = p.get("text") or p.get("rationale", "")
        return Text(f"{word.ko}: {body}", f"{word.en}: {body}")
    if kind == "action.created":
        return Text(f"조치 지시: {p['title']}", f"Action: {p['title']}")
    if kind == "action.changed":
        return Text(f"조치 상태: {p['state']}", f"Action state: {p['state']}")
    if kind.startswith("notice."):
        verb = {"notice.composed": Text("공지 작성", "notice drafted"),
                "notice.edited": Text("공지 수정", "notice edited"),
                "notice.posted": Text(f"공지 게시({p.get('channel', '')})", f"notice posted ({p.get('channel', '')})"),
                "notice.withdrawn": Text("공지 철회", "notice withdrawn")}[kind]
        return Text(f"[{aff}] {verb.ko}", f"[{aff_en}] {verb.en}")
    if kind == "duty.changed":
        return Text(f"대외 보고 {p['duty']}: {p['state']} {p.get('reference', '')}".strip(),
                    f"Reporting duty {p['duty']}: {p['state']} {p.get('reference', '')}".strip())
    if kind == "alert.recorded":
        return Text(f"외부 경보: {p['issuer']} {p['level']}", f"External alert: {p['issuer']} {p['level']}")
    if kind == "outlook.set":
        return Text(f"전망(+{p['horizon']}): {p.get('text', '')}", f"Outlook (+{p['horizon']}): {p.get('text', '')}")
    if kind in REPORT_STEPS:
        step = REPORT_STEPS[kind]
        return Text(f"상황보고서 제{p.get('number', '')}호 {step.ko}",
                    f"Situation report no. {p.get('number', '')} {step.en}")
    return Text.plain(kind)
