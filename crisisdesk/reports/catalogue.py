"""The one label catalogue of the reports: every printed word that is not data, in Korean and English.

Korean labels come first; the English column must hold no Hangul (a test checks).
`Catalogue(lang)(key, **values)` formats a label; unknown keys raise at once.
"""

from __future__ import annotations

from crisisdesk.domain.text import Text

LABELS: dict[str, tuple[str, str]] = {
    # page furniture
    "confidential": ("대외비 / Confidential", "Confidential"),
    "draft": ("초안 / DRAFT", "DRAFT"),
    "page": ("{page} / {pages}쪽", "page {page} of {pages}"),
    "fingerprint": ("지문 {value}", "fingerprint {value}"),
    "as_of": ("기준 {time} · 기록 #{seq}", "as of {time} · journal #{seq}"),
    # titles
    "title.situation": ("그룹 위기 상황보고서", "Group Crisis Situation Report"),
    "title.brief": ("회장 보고 요약", "Executive Brief"),
    "title.paper": ("수기 점검표", "Paper Checklist"),
    "short.situation": ("상황보고 제{number}호", "Situation report #{number}"),
    "short.situation.unnumbered": ("상황보고(미리보기)", "Situation report (preview)"),
    "short.brief": ("회장 보고 요약", "Executive brief"),
    "short.brief.numbered": ("회장 보고 요약 · 제{number}호 기준", "Executive brief · report #{number}"),
    "short.paper": ("수기 점검표", "Paper checklist"),
    # cover block (ICS-209 style)
    "cover.group": ("그룹", "Group"),
    "cover.event": ("사건명", "Incident"),
    "cover.mode": ("구분", "Type"),
    "cover.level": ("위기 단계", "Level"),
    "cover.t0": ("발생 시각(T0)", "Start (T0)"),
    "cover.elapsed": ("경과 시간", "Elapsed"),
    "cover.number": ("보고 번호", "Report number"),
    "cover.period": ("보고 기간", "Period covered"),
    "cover.prepared": ("작성자", "Prepared by"),
    "cover.approved": ("결재(의장)", "Approved by (chair)"),
    "cover.issued": ("발행 시각", "Time of issue"),
    "cover.desk": ("발행 데스크", "Issuing desk"),
    "cover.next": ("다음 보고 예정", "Next update due"),
    "cover.status": ("보고서 상태", "Report status"),
    "cover.playbook": ("적용 매뉴얼", "Playbook"),
    "cover.event_status": ("사건 상태", "Incident status"),
    "cover.signature": ("서명: ____________________", "Signature: ____________________"),
    "number": ("제{number}호 ({designation})", "No. {number} ({designation})"),
    "number.none": ("번호 없음(미리보기)", "unnumbered (preview)"),
    "period": ("{start} ~ {end}", "{start} to {end}"),
    "playbook": ("{title} v{version}", "{title} v{version}"),
    "approver": ("{role} {name}", "{role} {name}"),
    "approver.pending": ("{role} (결재 전)", "{role} (not yet approved)"),
    "mode.drill": ("모의훈련(실제 상황 아님)", "Drill (not a real incident)"),
    "mode.real": ("실제 상황", "Real incident"),
    "event.open": ("대응 중", "Open"),
    "event.closed": ("종료", "Closed"),
    "designation.initial": ("최초", "initial"),
    "designation.update": ("중간", "update"),
    "designation.final": ("종결", "final"),
    "status.preview": ("미리보기(미등록 초안)", "Preview (unregistered draft)"),
    "status.draft": ("초안(결재 전)", "Draft (not approved)"),
    "status.approved": ("결재 완료(발행 전)", "Approved (not yet issued)"),
    "status.issued": ("발행", "Issued"),
    "not_yet": ("—(발행 전)", "— (not issued)"),
    # sections
    "sec.summary": ("요약", "Summary"),
    "sec.affiliates": ("계열사 현황", "Affiliate status"),
    "sec.decisions": ("협의회 결정·수정(직전 보고 이후)", "Council decisions and amendments since the previous report"),
    "sec.actions": ("미결 조치(기한순)", "Open actions by deadline"),
    "sec.outlook": ("전망 및 필요 사항", "Outlook and needs"),
    "sec.notices": ("고객 공지 게시 현황", "Customer notices posted"),
    "sec.duties": ("감독당국 보고 의무", "Reporting duties to the regulator"),
    "sec.alerts": ("위기 경보 단계", "Alert levels"),
    "sec.affiliate": ("계열사 상세: {name}", "Affiliate detail: {name}"),
    "sec.services": ("영향 서비스", "Services hit"),
    "sec.answers": ("영향 평가 답변", "Impact assessment answers"),
    "sec.checklist": ("점검 항목", "Checklist"),
    "sec.annex_decisions": ("부록 A. 전체 결정 기록", "Annex A. All decisions"),
    "sec.annex_timeline": ("부록 B. 타임라인", "Annex B. Timeline"),
    "none": ("없음", "None"),
    # summary figures
    "kpi.hit": ("영향 계열사", "Affiliates hit"),
    "kpi.past_rto": ("RTO 초과 핵심 서비스", "Critical services past RTO"),
    "kpi.progress": ("그룹 점검 진척", "Group checklist progress"),
    "kpi.overdue_critical": ("기한 경과 핵심 항목", "Overdue critical items"),
    "kpi.open_actions": ("미결 조치", "Open actions"),
    "summary.services": ("중단·저하 서비스 {hit}개(핵심 {critical}개), 기한 경과 항목 {overdue}건, 게시된 고객 공지 {notices}건.",
                         "{hit} services down or degraded ({critical} critical), {overdue} items overdue, {notices} customer notices posted."),
    "summary.no_hit": ("현재 영향을 받은 계열사가 없습니다.", "No affiliate is hit at present."),
    # table columns
    "col.affiliate": ("계열사", "Affiliate"),
    "col.status": ("상태", "Status"),
    "col.services_down": ("중단 서비스(대체 수단)", "Services down (alternative)"),
    "col.progress": ("점검 진척", "Progress"),
    "col.overdue": ("기한 경과", "Overdue"),
    "col.last_update": ("최근 갱신", "Last update"),
    "col.time": ("시각", "Time"),
    "col.decision": ("결정 내용", "Decision"),
    "col.rationale": ("근거", "Rationale"),
    "col.decided_by": ("결정권자", "Decided by"),
    "col.deadline": ("기한", "Deadline"),
    "col.action": ("조치", "Action"),
    "col.owner": ("담당", "Owner"),
    "col.note": ("비고", "Note"),
    "col.horizon": ("시점", "Horizon"),
    "col.outlook": ("전망", "Outlook"),
    "col.needs": ("필요 사항", "Needs"),
    "col.updated": ("갱신", "Updated"),
    "col.channel": ("채널·게시 시각", "Channel and time"),
    "col.notice": ("공지 내용", "Notice text"),
    "col.to": ("보고처", "To"),
    "col.report": ("보고", "Report"),
    "col.reference": ("제출·참조", "Submitted / reference"),
    "col.issuer": ("발령 기관", "Issuer"),
    "col.level": ("단계", "Level"),
    "col.service": ("서비스", "Service"),
    "col.rto": ("RTO 기한", "RTO deadline"),
    "col.cause": ("원인(외부 서비스)", "Cause (provider)"),
    "col.alternative": ("대체 수단", "Alternative"),
    "col.question": ("항목", "Question"),
    "col.answer": ("답변", "Answer"),
    "col.revised": ("최근 수정(횟수)", "Last revised (count)"),
    "col.author": ("작성자", "By"),
    "col.id": ("항목 ID", "Item ID"),
    "col.item": ("점검 항목", "Item"),
    "col.due": ("기한", "Due"),
    "col.kind": ("구분", "Kind"),
    "col.entry": ("내용", "Entry"),
    "col.tick": ("확인", "Done"),
    "col.handwritten": ("처리자·시각·메모", "By, time, note"),
    # cells
    "group_level": ("그룹 자체 단계", "Group's own level"),
    "critical": ("핵심", "critical"),
    "critical_mark": ("★", "★"),
    "overdue": ("기한 경과", "overdue"),
    "stale": ("{span} 전 · 장시간 미갱신", "{span} ago · stale"),
    "ago": ("{span} 전", "{span} ago"),
    "never": ("보고 없음", "no report yet"),
    "amend": ("↳ 수정", "↳ Amended"),
    "withdraw": ("↳ 철회", "↳ Withdrawn"),
    "withdrawn_mark": ("(철회됨)", "(withdrawn)"),
    "progress_label": ("{percent} ({closed}/{total})", "{percent} ({closed}/{total})"),
    "reason": ("사유: {text}", "reason: {text}"),
    "evidence": ("증빙: {text}", "evidence: {text}"),
    "assignee": ("처리: {name}", "by: {name}"),
    "updated_by": ("{time} {name}", "{time} {name}"),
    "submitted": ("{time} 제출 {reference}", "submitted {time} {reference}"),
    "ordinal": ("{n}", "{n}"),
    "more": ("외 {n}건", "and {n} more"),
    "more.affiliates": ("외 {n}개사", "and {n} more affiliates"),
    # units and times
    "unit.days": ("{n}일", "{n} d"),
    "unit.hours": ("{n}시간", "{n} h"),
    "unit.minutes": ("{n}분", "{n} min"),
    "time.left": ("{span} 남음", "{span} left"),
    "time.past": ("기한 경과 {span}", "{span} past"),
    # executive brief
    "brief.level": ("위기 단계", "Level"),
    "brief.elapsed": ("경과", "Elapsed"),
    "brief.situation": ("상황 요약", "Situation"),
    "brief.hit": ("영향 계열사", "Affiliates hit"),
    "brief.risks": ("주요 위험", "Top risks"),
    "brief.needed": ("결정 필요 사항", "Decisions needed"),
    "brief.next": ("다음 협의회·보고", "Next meeting and report"),
    "brief.line1": ("계열사 {total}개사 중 {hit}개사 영향, 서비스 {services}개 중단·저하(핵심 {critical}개, RTO 초과 {past}개).",
                    "{hit} of {total} affiliates hit; {services} services down or degraded ({critical} critical, {past} past RTO)."),
    "brief.line1.none": ("계열사 {total}개사 모두 서비스 영향 없음.", "None of the {total} affiliates is hit."),
    "brief.line2": ("그룹 점검 진척 {percent}({closed}/{total}), 기한 경과 {overdue}건(핵심 {critical}건), 고객 공지 {notices}건 게시.",
                    "Group checklist {percent} done ({closed}/{total}), {overdue} overdue ({critical} critical), {notices} customer notices posted."),
    "brief.line3": ("전망(+{horizon}): {text}", "Outlook (+{horizon}): {text}"),
    "brief.line3.none": ("전망 미입력 · 미결 조치 {actions}건", "No outlook recorded · {actions} open actions"),
    "brief.hit_line": ("{name}: {services}", "{name}: {services}"),
    "brief.risk.past_rto": ("{affiliate} {service}: RTO {span} 초과", "{affiliate} {service}: {span} past RTO"),
    "brief.risk.duty": ("{to} {title}: {left}", "{to} {title}: {left}"),
    "brief.risk.overdue": ("기한 경과 핵심 점검 항목 {n}건", "{n} critical checklist items overdue"),
    "brief.risk.stale": ("장시간 미갱신 계열사: {names}", "Affiliates not reporting: {names}"),
    "brief.need.outlook": ("(+{horizon}) {text}", "(+{horizon}) {text}"),
    "brief.need.blocked": ("진행 불가 해소: {affiliate} {item} — {reason}", "Unblock: {affiliate} {item} — {reason}"),
    "brief.need.action": ("기한 경과 조치: {title} ({owner})", "Overdue action: {title} ({owner})"),
    "brief.meeting_open": ("협의회 진행 중: {title} ({time} 개회)", "Council meeting in session: {title} (since {time})"),
    "brief.next_update": ("다음 보고 예정 {time}", "Next update due {time}"),
    "brief.no_next": ("다음 보고 일정 미정", "No next update scheduled"),
    "brief.alerts": ("외부 경보: {alerts}", "External alerts: {alerts}"),
    # paper checklist
    "paper.heading": ("{affiliate} — 수기 점검표", "{affiliate} — paper checklist"),
    "paper.blank": ("빈 점검표(상태 미표시)", "Blank form (states not printed)"),
    "paper.current": ("현재 상태 표시({time} 기준)", "Current states (as of {time})"),
    "paper.instructions": ("전산이 복구되면 항목 ID로 데스크에 입력하십시오. 완료 항목은 □에 체크하고 처리자·시각을 적습니다.",
                           "When the desk is back, type each tick in by its item ID. Tick the box of each done item and write who and when."),
    "paper.sign.filled": ("작성자 성명", "Filled in by (name)"),
    "paper.sign.signature": ("서명", "Signature"),
    "paper.sign.time": ("일시", "Date and time"),
    "paper.sign.checked": ("확인자(계열사 IT 책임자)", "Checked by (affiliate IT lead)"),
    "paper.sign.entered": ("데스크 입력자·입력 시각", "Typed into the desk by, at"),
    "paper.items": ("항목 {n}개", "{n} items"),
    "paper.t0": ("T0 {time} · 기한은 현지 시각", "T0 {time} · due times are local"),
    "box.empty": ("□", "□"),
    "box.done": ("■", "■"),
}

ENUMS: dict[str, dict[str, tuple[str, str]]] = {
    "colour": {"red": ("적색", "red"), "amber": ("주황", "amber"), "yellow": ("황색", "yellow"),
               "green": ("녹색", "green")},
    "item": {"todo": ("할 일", "to do"), "doing": ("진행 중", "doing"), "done": ("완료", "done"),
             "n/a": ("해당 없음", "n/a"), "blocked": ("진행 불가", "blocked")},
    "service": {"normal": ("정상", "normal"), "degraded": ("저하", "degraded"), "down": ("중단", "down"),
                "n/a": ("해당 없음", "n/a")},
    "action": {"open": ("미착수", "open"), "doing": ("진행 중", "doing"), "done": ("완료", "done"),
               "dropped": ("취소", "dropped")},
    "duty": {"due": ("미제출", "due"), "submitted": ("제출", "submitted"),
             "not-required": ("해당 없음", "not required")},
    "channel": {"web": ("홈페이지", "web"), "app": ("앱", "app"), "sms": ("문자", "SMS"),
                "branch": ("영업점", "branch"), "call-center": ("콜센터", "call centre")},
    "horizon": {"12h": ("+12시간", "+12 h"), "24h": ("+24시간", "+24 h"), "48h": ("+48시간", "+48 h"),
                "72h": ("+72시간", "+72 h")},
    "kind": {"event": ("사건", "incident"), "checklist": ("점검", "checklist"), "impact": ("영향평가", "impact"),
             "service": ("서비스", "service"), "meeting": ("협의회", "meeting"), "decision": ("결정", "decision"),
             "action": ("조치", "action"), "notice": ("공지", "notice"), "duty": ("대외 보고", "reporting"),
             "alert": ("경보", "alert"), "outlook": ("전망", "outlook"), "report": ("보고서", "report"),
             "group": ("그룹", "group")},
}


class Catalogue:
    """Labels in one language."""

    def __init__(self, lang: str = "ko"):
        if lang not in ("ko", "en"):
            raise ValueError(f"unknown report language '{lang}' (ko, en)")
        self.lang = lang
        self._index = 0 if lang == "ko" else 1

    def __call__(self, key: str, **values) -> str:
        text = LABELS[key][self._index]
        return text.format(**values) if values else text

    def enum(self, family: str, value: str) -> str:
        """A state, status, channel … by its id; an unknown id prints as itself."""
        pair = ENUMS[family].get(value)
        return pair[self._index] if pair else value

    def text(self, value: Text) -> str:
        """A bilingual data value (names, titles) in this language."""
        return value.get(self.lang)
