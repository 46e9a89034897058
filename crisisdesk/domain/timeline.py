"""One line per journal entry for the timeline, in Korean and English.

A line is read by people: it names things (affiliates, checklist items, impact questions,
services, duties, channels) and states in words, never by their ids. An id the group file or the
playbook does not know (a renamed item, say) is shown as it is, as the only thing left to show.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from crisisdesk.domain.contacts import CALL_RESULT_NAMES
from crisisdesk.domain.drill import INJECT_KIND_NAMES
from crisisdesk.domain.entry_kinds import Kind
from crisisdesk.domain.group import Group
from crisisdesk.domain.playbook import Playbook, ReportingDuty
from crisisdesk.domain.text import Text

GROUP_AFFILIATE = "group"  # the affiliate id of the group desk's own rows
GROUP_NAME = Text("그룹", "Group")
DRILL = Text("모의훈련(실제 상황 아님)", "drill (not a real incident)")
REAL = Text("실제 상황", "real incident")
MAX_NAMED = 2  # affiliates named in a line before "외 N개사"

STATE_NAMES = {
    "todo": Text("할 일", "to do"), "doing": Text("진행 중", "doing"), "done": Text("완료", "done"),
    "n/a": Text("해당 없음", "n/a"), "blocked": Text("진행 불가", "blocked"),
}
SERVICE_STATUS_NAMES = {
    "normal": Text("정상", "normal"), "degraded": Text("저하", "degraded"), "down": Text("중단", "down"),
    "n/a": Text("해당 없음", "n/a"),
}
PROVIDER_STATUS_NAMES = {
    "normal": Text("정상", "normal"), "down": Text("중단", "down"), "degraded": Text("저하", "degraded"),
    "restored": Text("복구", "restored"),
}
DUTY_STATE_NAMES = {
    "due": Text("미제출", "not yet filed"), "submitted": Text("제출", "submitted"),
    "not-required": Text("해당 없음", "not required"),
}
ACTION_STATE_NAMES = {
    "open": Text("미착수", "open"), "doing": Text("진행 중", "doing"), "done": Text("완료", "done"),
    "dropped": Text("취소", "dropped"),
}
CHANNEL_NAMES = {
    "web": Text("홈페이지", "website"), "app": Text("앱", "app"), "sms": Text("문자", "SMS"),
    "branch": Text("영업점", "branch"), "call-center": Text("콜센터", "call centre"),
}
DESIGNATION_NAMES = {
    "initial": Text("최초", "initial"), "update": Text("중간", "update"), "final": Text("종결", "final"),
}
REPORT_STEPS: dict[str, Text] = {
    Kind.REPORT_DRAFTED: Text("초안 작성", "drafted"), Kind.REPORT_APPROVED: Text("결재", "approved"),
    Kind.REPORT_ISSUED: Text("발행", "issued"),
}
DECISION_WORDS = {
    "decide": Text("결정", "Decision"), "amend": Text("결정 수정", "Amendment"),
    "withdraw": Text("결정 철회", "Withdrawal"),
}
NOTICE_WORDS: dict[str, Text] = {
    Kind.NOTICE_COMPOSED: Text("공지 작성", "notice drafted"), Kind.NOTICE_EDITED: Text("공지 수정", "notice edited"),
    Kind.NOTICE_POSTED: Text("공지 게시", "notice posted"), Kind.NOTICE_WITHDRAWN: Text("공지 철회", "notice withdrawn"),
}


def _word(table: dict[str, Text], key: object) -> Text:
    """The name of a stored state; an unknown one as it is."""
    return table.get(str(key)) or Text.plain(str(key))


def _name(items: Iterable[Any], key: str) -> Text:
    for item in items:
        if item.id == key:
            found = getattr(item, "name", None) or getattr(item, "title", None) or getattr(item, "label", None)
            if isinstance(found, Text):
                return found
    return Text.plain(key)


def affiliate_name(group: Group, affiliate: str) -> Text:
    """An affiliate's name; the group desk's rows are the group's."""
    if affiliate == GROUP_AFFILIATE:
        return GROUP_NAME
    return _name(group.affiliates, affiliate)


def affiliate_list(group: Group, affiliates: Iterable[str]) -> Text:
    """`한빛은행, 한빛카드 외 3개사` / `Hanbit Bank, Hanbit Card and 3 more affiliates`."""
    names = [affiliate_name(group, a) for a in affiliates]
    shown, more = names[:MAX_NAMED], len(names) - MAX_NAMED
    ko, en = ", ".join(n.ko or n.en for n in shown), ", ".join(n.en or n.ko for n in shown)
    if more > 0:
        return Text(f"{ko} 외 {more}개사", f"{en} and {more} more affiliate{'s' if more > 1 else ''}")
    return Text(ko, en)


def _item_title(playbook: Playbook, checklist: str, item: str) -> Text:
    """A checklist item's title, looked up in its checklist first."""
    lists = sorted(playbook.checklists, key=lambda c: c.id != checklist)
    for c in lists:
        for i in c.items:
            if i.id == item:
                return i.title
    return Text.plain(item)


def _field_label(playbook: Playbook, field: str) -> Text:
    return _name(playbook.impact, field)


def _service_name(group: Group, affiliate: str, service: str) -> Text:
    for a in group.affiliates:
        if a.id == affiliate:
            return _name(a.services, service)
    return Text.plain(service)


def _duty(playbook: Playbook, duty: str) -> ReportingDuty | None:
    return next((d for d in playbook.reporting if d.id == duty), None)


def _describe_duty(p: dict[str, Any], playbook: Playbook, group: Group) -> Text:
    spec = _duty(playbook, p["duty"])
    title = spec.title if spec is not None else Text.plain(p["duty"])
    to = spec.to if spec is not None else Text()
    occurrence = p.get("occurrence")
    recurring = spec is not None and getattr(spec, "every", None) is not None
    nth = Text()
    if isinstance(occurrence, int) and not isinstance(occurrence, bool) and (recurring or occurrence > 1):
        nth = Text(f" {occurrence}회차", f", no. {occurrence}")
    to_ko, to_en = (f"({to.ko or to.en})", f" ({to.en or to.ko})") if (to.ko or to.en) else ("", "")
    state = _word(DUTY_STATE_NAMES, p["state"])
    ko = f"대외 보고 ‘{title.ko or title.en}’{to_ko}{nth.ko}: {state.ko}"
    en = f"Reporting duty “{title.en or title.ko}”{to_en}{nth.en}: {state.en}"
    if p.get("reference"):
        ko, en = f"{ko} — 접수번호 {p['reference']}", f"{en} — receipt no. {p['reference']}"
    if p.get("reason"):
        ko, en = f"{ko} — 사유: {p['reason']}", f"{en} — reason: {p['reason']}"
    if "affiliate" in p:
        aff = affiliate_name(group, p["affiliate"])
        ko, en = f"[{aff.ko}] {ko}", f"[{aff.en}] {en}"
    return Text(ko, en)


def describe(kind: str, p: dict[str, Any], playbook: Playbook, group: Group) -> Text:
    """A short sentence for an entry of `kind` with payload `p`."""
    aff = affiliate_name(group, p["affiliate"]) if "affiliate" in p else Text()
    level = _name(playbook.levels, p.get("level", "")) if "level" in p else Text()
    if kind == Kind.EVENT_ACTIVATED:
        mode = DRILL if p.get("drill") else REAL
        return Text(f"사건 발령: {p['title']} · {mode.ko} · {level.ko}",
                    f"Event activated: {p['title']} · {mode.en} · {level.en}")
    if kind == Kind.EVENT_LEVEL_CHANGED:
        return Text(f"위기 단계 변경 → {level.ko}: {p.get('reason', '')}",
                    f"Level changed to {level.en}: {p.get('reason', '')}")
    if kind == Kind.EVENT_PROVIDER_CHANGED:
        prov, st = _name(group.providers, p["provider"]), _word(PROVIDER_STATUS_NAMES, p["status"])
        note = f" — {p['note']}" if p.get("note") else ""
        return Text(f"외부 서비스 {prov.ko}: {st.ko}{note}", f"Provider {prov.en}: {st.en}{note}")
    if kind in (Kind.EVENT_CLOSED, Kind.EVENT_REOPENED):
        word = Text("사건 종료", "Event closed") if kind == Kind.EVENT_CLOSED else Text("사건 재개", "Event reopened")
        return Text(f"{word.ko}: {p.get('reason', '')}", f"{word.en}: {p.get('reason', '')}")
    if kind == Kind.CHECKLIST_CHANGED:
        after = p["after"]
        st = _word(STATE_NAMES, after["state"])
        item = _item_title(playbook, p.get("checklist", ""), p["item"])
        undo = Text("되돌림 ", "undo: ") if p.get("undoes") else Text()
        extra_ko = [after["note"]] if after.get("note") else []
        extra_en = list(extra_ko)
        if after.get("reason"):
            extra_ko.append(f"사유: {after['reason']}")
            extra_en.append(f"reason: {after['reason']}")
        tail_ko = f" — {'; '.join(extra_ko)}" if extra_ko else ""
        tail_en = f" — {'; '.join(extra_en)}" if extra_en else ""
        return Text(f"{undo.ko}[{aff.ko}] {item.ko} → {st.ko}{tail_ko}",
                    f"{undo.en}[{aff.en}] {item.en} → {st.en}{tail_en}")
    if kind == Kind.IMPACT_ANSWERED:
        label = _field_label(playbook, p["field"])
        return Text(f"[{aff.ko}] 영향 평가 응답: {label.ko}", f"[{aff.en}] impact answer: {label.en}")
    if kind == Kind.SERVICE_ASSESSED:
        name = _service_name(group, p.get("affiliate", ""), p["service"])
        st = _word(SERVICE_STATUS_NAMES, p["status"])
        note = f" — {p['note']}" if p.get("note") else ""
        return Text(f"[{aff.ko}] 서비스 상태 {name.ko} → {st.ko}{note}",
                    f"[{aff.en}] service status {name.en} → {st.en}{note}")
    if kind == Kind.MEETING_OPENED:
        return Text(f"협의회 개회: {p.get('title', '')}", f"Council meeting opened: {p.get('title', '')}")
    if kind == Kind.MEETING_CLOSED:
        return Text("협의회 폐회", "Council meeting closed")
    if kind == Kind.DECISION_RECORDED:
        word = _word(DECISION_WORDS, p.get("action", "decide"))
        body = p.get("text") or p.get("rationale", "")
        concerned = affiliate_list(group, p.get("affiliates") or ())
        tail = Text(f" (관련 계열사: {concerned.ko})", f" (affiliates concerned: {concerned.en})") \
            if concerned.ko else Text()
        return Text(f"{word.ko}: {body}{tail.ko}", f"{word.en}: {body}{tail.en}")
    if kind == Kind.ACTION_CREATED:
        return Text(f"조치 지시: {p['title']}", f"Action: {p['title']}")
    if kind == Kind.ACTION_CHANGED:
        st = _word(ACTION_STATE_NAMES, p["state"])
        note = f" — {p['note']}" if p.get("note") else ""
        return Text(f"조치 상태 변경 → {st.ko}{note}", f"Action state changed to {st.en}{note}")
    if kind in NOTICE_WORDS:
        verb = NOTICE_WORDS[kind]
        if p.get("channel"):
            ch = _word(CHANNEL_NAMES, p["channel"])
            verb = Text(f"{verb.ko}({ch.ko})", f"{verb.en} ({ch.en})")
        return Text(f"[{aff.ko}] {verb.ko}", f"[{aff.en}] {verb.en}")
    if kind == Kind.DUTY_CHANGED:
        return _describe_duty(p, playbook, group)
    if kind == Kind.ALERT_RECORDED:
        return Text(f"외부 경보: {p['issuer']} {p['level']}", f"External alert: {p['issuer']} {p['level']}")
    if kind == Kind.OUTLOOK_SET:
        return Text(f"전망(+{p['horizon']}): {p.get('text', '')}", f"Outlook (+{p['horizon']}): {p.get('text', '')}")
    if kind == Kind.DRILL_INJECT_RELEASED:
        what = INJECT_KIND_NAMES.get(p.get("kind", ""), Text.plain(str(p.get("kind", ""))))
        text = p.get("text") or {}
        to = Text(f" → {aff.ko}", f" → {aff.en}") if p.get("affiliate") else Text()
        return Text(f"[모의훈련 상황 부여] {what.ko}{to.ko}: {text.get('ko') or text.get('en', '')}",
                    f"[Drill inject] {what.en}{to.en}: {text.get('en') or text.get('ko', '')}")
    if kind == Kind.DRILL_RESPONDED:
        return Text(f"[{aff.ko}] 모의훈련 상황 대응: {p.get('text', '')}",
                    f"[{aff.en}] drill response: {p.get('text', '')}")
    if kind == Kind.REVIEW_FINDING:
        return Text(f"사후 검토 발견 사항: {p.get('text', '')}", f"After-action finding: {p.get('text', '')}")
    if kind == Kind.REVIEW_ACTION:
        return Text(f"개선 조치: {p.get('title', '')} (담당 {p.get('owner', '')})",
                    f"Corrective action: {p.get('title', '')} (owner {p.get('owner', '')})")
    if kind == Kind.REVIEW_ACTION_CHANGED:
        st = _word(ACTION_STATE_NAMES, p.get("state", ""))
        note = f" — {p['note']}" if p.get("note") else ""
        return Text(f"개선 조치 상태 → {st.ko}{note}", f"Corrective action now {st.en}{note}")
    if kind == Kind.HANDOVER_PREPARED:
        return Text(f"근무 교대 인계 준비: {p.get('outgoing', '')} → {p.get('incoming', '')}",
                    f"Shift handover prepared: {p.get('outgoing', '')} → {p.get('incoming', '')}")
    if kind == Kind.HANDOVER_SIGNED:
        who = Text("인계자", "outgoing lead") if p.get("role") == "outgoing" else Text("인수자", "incoming lead")
        return Text(f"근무 교대 서명({who.ko}): {p.get('name', '')}", f"Handover signed ({who.en}): {p.get('name', '')}")
    if kind == Kind.ROLLCALL_STARTED:
        return Text(f"비상연락망 점검 시작: {p.get('title', '')}", f"Roll-call started: {p.get('title', '')}")
    if kind == Kind.ROLLCALL_CALLED:
        contact = next((c for c in group.contacts if c.id == p.get("contact")), None)
        called = contact.name if contact else str(p.get("contact", ""))
        result = _word(CALL_RESULT_NAMES, p.get("result", ""))
        return Text(f"비상연락: {called} — {result.ko}", f"Roll-call: {called} — {result.en}")
    if kind == Kind.REPORT_EXPORTED:
        fmt = str(p.get("format", "")).upper()
        if p.get("kind") == "brief":
            return Text(f"상황보고서 제{p.get('number', '')}호 회장 보고 요약 저장({fmt})",
                        f"Executive brief of situation report no. {p.get('number', '')} saved ({fmt})")
        return Text(f"상황보고서 제{p.get('number', '')}호 편집용 초안 저장({fmt})",
                    f"Editable draft of situation report no. {p.get('number', '')} saved ({fmt})")
    if kind in REPORT_STEPS:
        step = REPORT_STEPS[kind]
        designation = DESIGNATION_NAMES.get(p.get("designation", ""))
        ko_d, en_d = (f"({designation.ko})", f" ({designation.en})") if designation else ("", "")
        return Text(f"상황보고서 제{p.get('number', '')}호{ko_d} {step.ko}",
                    f"Situation report no. {p.get('number', '')}{en_d} {step.en}")
    return Text.plain(kind)
