<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR" sourcelanguage="en_US">
<context>
    <name>ActivateEventDialog</name>
    <message>
        <source>Group file</source>
        <translation>그룹 파일</translation>
    </message>
    <message>
        <source>Group files (*.yaml *.yml)</source>
        <translation>그룹 파일 (*.yaml *.yml)</translation>
    </message>
    <message>
        <source>{} affiliates and {} services would be hit.</source>
        <translation>영향 계열사 {}개사, 영향 서비스 {}개가 예상됩니다.</translation>
    </message>
    <message>
        <source>No provider marked down.</source>
        <translation>중단으로 표시한 외부 연계가 없습니다.</translation>
    </message>
    <message>
        <source>Activate an event</source>
        <translation>사건 발령</translation>
    </message>
    <message>
        <source>&amp;Playbook:</source>
        <translation>대응 매뉴얼(&amp;P):</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>제목(&amp;T):</translation>
    </message>
    <message>
        <source>T&amp;0:</source>
        <translation>T0(&amp;0):</translation>
    </message>
    <message>
        <source>&amp;Level:</source>
        <translation>단계(&amp;L):</translation>
    </message>
    <message>
        <source>Mode:</source>
        <translation>구분:</translation>
    </message>
    <message>
        <source>Pro&amp;viders down:</source>
        <translation>중단된 외부 연계(&amp;V):</translation>
    </message>
    <message>
        <source>&amp;Drill (exercise, not a real event)</source>
        <translation>모의훈련(실제 상황 아님)(&amp;D)</translation>
    </message>
    <message>
        <source>Services hit (before you confirm):</source>
        <translation>영향 서비스 (발령 전 미리보기):</translation>
    </message>
    <message>
        <source>No group file is loaded yet. Load the group file (affiliates, services, providers) first.</source>
        <translation>그룹 파일이 아직 없습니다. 먼저 그룹 파일(계열사·서비스·외부 연계)을 불러오십시오.</translation>
    </message>
    <message>
        <source>Load &amp;group file…</source>
        <translation>그룹 파일 불러오기(&amp;G)…</translation>
    </message>
    <message>
        <source>&amp;Activate</source>
        <translation>발령(&amp;A)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Providers down</source>
        <translation>중단된 외부 연계</translation>
    </message>
    <message>
        <source>Services hit</source>
        <translation>영향 서비스</translation>
    </message>
    <message>
        <source>T0, in the group&apos;s timezone</source>
        <translation>T0 (그룹 표준시)</translation>
    </message>
    <message>
        <source>Playbook</source>
        <translation>대응 매뉴얼</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>단계</translation>
    </message>
    <message>
        <source>Event title</source>
        <translation>사건 제목</translation>
    </message>
</context>
<context>
    <name>AffiliatePanel</name>
    <message>
        <source>History: choose “History” beside an answer</source>
        <translation>변경 이력: 응답 옆의 “이력”을 누르십시오</translation>
    </message>
    <message>
        <source>&lt;b style=&apos;color:{}&apos;&gt;{}&lt;/b&gt; · checklist {}/{} ({}%) · overdue {}</source>
        <translation>&lt;b style=&apos;color:{}&apos;&gt;{}&lt;/b&gt; · 체크리스트 {}/{} ({}%) · 기한 경과 {}</translation>
    </message>
    <message>
        <source>History of “{}”</source>
        <translation>“{}” 변경 이력</translation>
    </message>
    <message>
        <source>&lt;b&gt;Impact assessment&lt;/b&gt; (Enter or Save keeps every revision)</source>
        <translation>&lt;b&gt;영향 평가&lt;/b&gt; (Enter 또는 저장: 모든 수정 이력이 남습니다)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Services&lt;/b&gt; (★ critical)</source>
        <translation>&lt;b&gt;서비스&lt;/b&gt; (★ 핵심)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Checklist&lt;/b&gt;</source>
        <translation>&lt;b&gt;체크리스트&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Affiliates</source>
        <translation>계열사</translation>
    </message>
    <message>
        <source>Service status</source>
        <translation>서비스 상태</translation>
    </message>
    <message>
        <source>Revisions of the chosen answer</source>
        <translation>선택한 응답의 수정 이력</translation>
    </message>
</context>
<context>
    <name>AffiliateTileWidget</name>
    <message>
        <source>Checklist progress</source>
        <translation>체크리스트 진행률</translation>
    </message>
    <message>
        <source>No service hit</source>
        <translation>영향 서비스 없음</translation>
    </message>
    <message>
        <source>Overdue {} (critical {})</source>
        <translation>기한 경과 {} (핵심 {})</translation>
    </message>
    <message>
        <source>Overdue {}</source>
        <translation>기한 경과 {}</translation>
    </message>
    <message>
        <source>Nothing overdue</source>
        <translation>기한 경과 없음</translation>
    </message>
    <message>
        <source>updated {} ago</source>
        <translation>{} 전 갱신</translation>
    </message>
    <message>
        <source>{} ago</source>
        <translation>{} 전</translation>
    </message>
    <message>
        <source>+{} more services</source>
        <translation>외 {}개 서비스</translation>
    </message>
    <message>
        <source>Alternative: {}</source>
        <translation>대체 수단: {}</translation>
    </message>
    <message>
        <source>outage {}</source>
        <translation>장애 경과 {}</translation>
    </message>
    <message>
        <source>closed now</source>
        <translation>영업시간 외</translation>
    </message>
</context>
<context>
    <name>BoardPanel</name>
    <message>
        <source>Page {} of {}</source>
        <translation>{}/{}쪽</translation>
    </message>
    <message>
        <source>No open event.
Activate one with “New event…” (Ctrl+N).</source>
        <translation>진행 중인 사건이 없습니다.
“새 사건…”(Ctrl+N)으로 발령하십시오.</translation>
    </message>
    <message>
        <source>Affiliates hit &lt;b&gt;{}/{}&lt;/b&gt;</source>
        <translation>영향 계열사 &lt;b&gt;{}/{}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Services down &lt;b&gt;{}&lt;/b&gt;</source>
        <translation>중단·저하 서비스 &lt;b&gt;{}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Checklist &lt;b&gt;{}%&lt;/b&gt; ({}/{})</source>
        <translation>체크리스트 &lt;b&gt;{}%&lt;/b&gt; ({}/{})</translation>
    </message>
    <message>
        <source>Overdue &lt;b style=&apos;color:{}&apos;&gt;{}&lt;/b&gt; (critical {})</source>
        <translation>기한 경과 &lt;b style=&apos;color:{}&apos;&gt;{}&lt;/b&gt; (핵심 {})</translation>
    </message>
    <message>
        <source>Past RTO &lt;b style=&apos;color:{}&apos;&gt;{}&lt;/b&gt;</source>
        <translation>RTO 초과 &lt;b style=&apos;color:{}&apos;&gt;{}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Group desk &lt;b&gt;{}/{}&lt;/b&gt; (overdue {})</source>
        <translation>그룹 데스크 &lt;b&gt;{}/{}&lt;/b&gt; (기한 경과 {})</translation>
    </message>
    <message>
        <source>Group totals</source>
        <translation>그룹 전체 현황</translation>
    </message>
</context>
<context>
    <name>ChangedMeanwhileDialog</name>
    <message>
        <source>Changed meanwhile</source>
        <translation>그사이 변경됨</translation>
    </message>
    <message>
        <source>“{}” was changed by {} at {} after it was shown here.</source>
        <translation>“{}” 항목은 이 화면에 표시된 뒤 {}님이 {}에 변경했습니다.</translation>
    </message>
    <message>
        <source>Now: {}</source>
        <translation>현재: {}</translation>
    </message>
    <message>
        <source>Your change: {}</source>
        <translation>내 변경: {}</translation>
    </message>
    <message>
        <source>Apply your change over theirs, or cancel and keep theirs?</source>
        <translation>내 변경을 덮어써 적용할까요, 아니면 취소하고 상대의 변경을 유지할까요?</translation>
    </message>
    <message>
        <source>&amp;Apply mine</source>
        <translation>내 변경 적용(&amp;A)</translation>
    </message>
    <message>
        <source>reason: {}</source>
        <translation>사유: {}</translation>
    </message>
    <message>
        <source>assignee: {}</source>
        <translation>담당자: {}</translation>
    </message>
    <message>
        <source>note: {}</source>
        <translation>메모: {}</translation>
    </message>
</context>
<context>
    <name>Checklist</name>
    <message>
        <source>Changed on two desks at once; the later change was kept — see history</source>
        <translation>두 데스크에서 동시에 변경됨; 나중 변경이 반영됨 — 이력 참조</translation>
    </message>
    <message>
        <source>reason</source>
        <translation>사유</translation>
    </message>
    <message>
        <source>assignee</source>
        <translation>담당자</translation>
    </message>
    <message>
        <source>note</source>
        <translation>메모</translation>
    </message>
    <message>
        <source>evidence</source>
        <translation>증빙</translation>
    </message>
    <message>
        <source>undo</source>
        <translation>되돌림</translation>
    </message>
    <message>
        <source>concurrent</source>
        <translation>동시 변경</translation>
    </message>
    <message>
        <source>this desk</source>
        <translation>이 데스크</translation>
    </message>
</context>
<context>
    <name>ChecklistPanel</name>
    <message>
        <source>Blocked</source>
        <translation>진행 불가</translation>
    </message>
    <message>
        <source>What blocks “{}”?</source>
        <translation>“{}” 항목의 진행 불가 사유를 입력하십시오.</translation>
    </message>
    <message>
        <source>All affiliates</source>
        <translation>전체 계열사</translation>
    </message>
    <message>
        <source>Group desk (done once)</source>
        <translation>그룹 데스크(그룹 공통 과제)</translation>
    </message>
    <message>
        <source>Blocked because: {}</source>
        <translation>진행 불가 사유: {}</translation>
    </message>
    <message>
        <source>Last changed {} by {}</source>
        <translation>최근 변경 {} ({})</translation>
    </message>
    <message>
        <source>&amp;Affiliate:</source>
        <translation>계열사(&amp;A):</translation>
    </message>
    <message>
        <source>Affiliate filter</source>
        <translation>계열사 필터</translation>
    </message>
    <message>
        <source>&amp;Overdue</source>
        <translation>기한 경과(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Critical</source>
        <translation>핵심(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Mine (my role)</source>
        <translation>내 담당(&amp;M)</translation>
    </message>
    <message>
        <source>Not &amp;done</source>
        <translation>미완료(&amp;D)</translation>
    </message>
    <message>
        <source>Space done · D doing · B blocked · N n/a · T to do · Enter note · H history · Ctrl+Z undo</source>
        <translation>Space 완료 · D 진행 중 · B 진행 불가 · N 해당 없음 · T 할 일 · Enter 메모 · H 이력 · Ctrl+Z 되돌리기</translation>
    </message>
    <message>
        <source>&amp;History…</source>
        <translation>이력(&amp;H)…</translation>
    </message>
    <message>
        <source>Every change of the selected item (H)</source>
        <translation>선택한 항목의 모든 변경 (H)</translation>
    </message>
    <message>
        <source>Checklist items</source>
        <translation>체크리스트 항목</translation>
    </message>
    <message>
        <source>Selected item details</source>
        <translation>선택한 항목 상세</translation>
    </message>
</context>
<context>
    <name>ChoiceEditor</name>
    <message>
        <source>Yes</source>
        <translation>예</translation>
    </message>
    <message>
        <source>No</source>
        <translation>아니오</translation>
    </message>
</context>
<context>
    <name>Columns</name>
    <message>
        <source>Affiliate</source>
        <translation>계열사</translation>
    </message>
    <message>
        <source>outage {}</source>
        <translation>장애 경과 {}</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>서비스</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>RTO</source>
        <translation>RTO</translation>
    </message>
    <message>
        <source>RTO / outage</source>
        <translation>RTO
경과</translation>
    </message>
    <message>
        <source>Alternatives</source>
        <translation>대체 수단</translation>
    </message>
    <message>
        <source>Caused by</source>
        <translation>원인</translation>
    </message>
    <message>
        <source>Confirmed by</source>
        <translation>확인자</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>메모</translation>
    </message>
    <message>
        <source>When</source>
        <translation>시각</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>작성자</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>값</translation>
    </message>
    <message>
        <source>Services hit</source>
        <translation>영향 서비스</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>체크리스트</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>기한 경과</translation>
    </message>
    <message>
        <source>Last update</source>
        <translation>최근 갱신</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>항목</translation>
    </message>
    <message>
        <source>State</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>담당</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>기한</translation>
    </message>
    <message>
        <source>Due in</source>
        <translation>남은 시간</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>담당자</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>시각</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>결정</translation>
    </message>
    <message>
        <source>Rationale</source>
        <translation>근거</translation>
    </message>
    <message>
        <source>Decided by</source>
        <translation>결정권자</translation>
    </message>
    <message>
        <source>Affiliates</source>
        <translation>계열사</translation>
    </message>
    <message>
        <source>Amended: </source>
        <translation>수정: </translation>
    </message>
    <message>
        <source>Withdrawn: </source>
        <translation>철회: </translation>
    </message>
    <message>
        <source>Action</source>
        <translation>조치</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>기한</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>제목</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>채널</translation>
    </message>
    <message>
        <source>Posted</source>
        <translation>게시</translation>
    </message>
    <message>
        <source>{} after closure</source>
        <translation>종결 후 {} 이내</translation>
    </message>
    <message>
        <source>{} (group target {})</source>
        <translation>{} (그룹 목표 {})</translation>
    </message>
    <message>
        <source>Filer</source>
        <translation>보고 주체</translation>
    </message>
    <message>
        <source>To</source>
        <translation>보고처</translation>
    </message>
    <message>
        <source>Released</source>
        <translation>부여</translation>
    </message>
    <message>
        <source>Responses</source>
        <translation>대응</translation>
    </message>
    <message>
        <source>Inject</source>
        <translation>상황(inject)</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>보고</translation>
    </message>
    <message>
        <source>Basis</source>
        <translation>기한 근거</translation>
    </message>
    <message>
        <source>Clock</source>
        <translation>기한까지</translation>
    </message>
    <message>
        <source>Receipt no.</source>
        <translation>접수번호·사유</translation>
    </message>
    <message>
        <source>Issuer</source>
        <translation>발령 기관</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>단계</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>외부 연계</translation>
    </message>
    <message>
        <source>State since</source>
        <translation>상태 시작</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>발령 시각</translation>
    </message>
    <message>
        <source>(stale: review it)</source>
        <translation>(검토 기한 경과: 재검토 필요)</translation>
    </message>
    <message>
        <source>{} errors: not usable</source>
        <translation>오류 {}건: 사용 불가</translation>
    </message>
    <message>
        <source>valid, {} warnings</source>
        <translation>정상, 경고 {}건</translation>
    </message>
    <message>
        <source>valid</source>
        <translation>정상</translation>
    </message>
    <message>
        <source>Playbook</source>
        <translation>매뉴얼</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>버전</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>검토일</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>역할</translation>
    </message>
    <message>
        <source>Trust</source>
        <translation>신뢰</translation>
    </message>
    <message>
        <source>Enrolled</source>
        <translation>등록</translation>
    </message>
    <message>
        <source>Last heard</source>
        <translation>마지막 수신</translation>
    </message>
    <message>
        <source>Unacknowledged</source>
        <translation>확인 안 됨</translation>
    </message>
    <message>
        <source>Waiting for</source>
        <translation>기다리는 것</translation>
    </message>
    <message>
        <source>File</source>
        <translation>파일</translation>
    </message>
    <message>
        <source>From</source>
        <translation>보낸 곳</translation>
    </message>
    <message>
        <source>Entries</source>
        <translation>항목 수</translation>
    </message>
    <message>
        <source>Written</source>
        <translation>작성 시각</translation>
    </message>
    <message>
        <source>Why refused</source>
        <translation>거부 사유</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>결과</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>내용</translation>
    </message>
    <message>
        <source>What</source>
        <translation>내용</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>목표 시각</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>완료</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>발견 사항</translation>
    </message>
    <message>
        <source>Corrective action</source>
        <translation>개선 조치</translation>
    </message>
    <message>
        <source>Found in</source>
        <translation>발견 사건</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>초안</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>결재 완료</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>발행</translation>
    </message>
    <message>
        <source>Initial</source>
        <translation>최초</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>중간</translation>
    </message>
    <message>
        <source>Final</source>
        <translation>종결</translation>
    </message>
    <message>
        <source>Editable draft: {}</source>
        <translation>편집용 초안: {}</translation>
    </message>
    <message>
        <source>Brief PDF ×{}</source>
        <translation>회장 보고 요약 PDF ×{}</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>번호</translation>
    </message>
    <message>
        <source>#{}</source>
        <translation>제{}호</translation>
    </message>
    <message>
        <source>Files made from it</source>
        <translation>파생 파일</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>구분</translation>
    </message>
    <message>
        <source>As of</source>
        <translation>기준 시각</translation>
    </message>
    <message>
        <source>Prepared by</source>
        <translation>작성자</translation>
    </message>
    <message>
        <source>Approved by</source>
        <translation>결재(의장)</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>쪽수</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>지문(해시)</translation>
    </message>
    <message>
        <source>Desk</source>
        <translation>데스크</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>변경</translation>
    </message>
    <message>
        <source>Mark</source>
        <translation>표시</translation>
    </message>
    <message>
        <source>Horizon</source>
        <translation>시점</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>예상</translation>
    </message>
    <message>
        <source>Needs</source>
        <translation>필요 사항</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>갱신</translation>
    </message>
    <message>
        <source>Prepared</source>
        <translation>작성</translation>
    </message>
    <message>
        <source>Outgoing lead</source>
        <translation>인계자</translation>
    </message>
    <message>
        <source>Signed (outgoing)</source>
        <translation>인계 서명</translation>
    </message>
    <message>
        <source>Incoming lead</source>
        <translation>인수자</translation>
    </message>
    <message>
        <source>Signed (incoming)</source>
        <translation>인수 서명</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>소속</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>연락 대상</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>전화</translation>
    </message>
    <message>
        <source>Deputy</source>
        <translation>대리인</translation>
    </message>
    <message>
        <source>Reached at</source>
        <translation>연락 시각</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>통화 수</translation>
    </message>
</context>
<context>
    <name>DecisionsPanel</name>
    <message>
        <source>No council meeting is open.</source>
        <translation>진행 중인 협의회가 없습니다.</translation>
    </message>
    <message>
        <source>&amp;Start meeting</source>
        <translation>협의회 시작(&amp;S)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Meeting open:&lt;/b&gt; {} since {} — {}</source>
        <translation>&lt;b&gt;협의회 진행 중:&lt;/b&gt; {} ({} 시작) — {}</translation>
    </message>
    <message>
        <source>S&amp;top meeting</source>
        <translation>협의회 종료(&amp;T)</translation>
    </message>
    <message>
        <source>Amend decision</source>
        <translation>결정 수정</translation>
    </message>
    <message>
        <source>Withdraw decision</source>
        <translation>결정 철회</translation>
    </message>
    <message>
        <source>New wording (the original stays in the log):</source>
        <translation>새 문안 (원래 결정은 기록에 남습니다):</translation>
    </message>
    <message>
        <source>Why is it withdrawn?</source>
        <translation>철회 사유를 입력하십시오.</translation>
    </message>
    <message>
        <source>Council meeting</source>
        <translation>위기대응협의회</translation>
    </message>
    <message>
        <source>Record a decision (Enter or Ctrl+Enter)</source>
        <translation>결정 기록 (Enter 또는 Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Decision log (amendments under the original)</source>
        <translation>결정 기록 (수정·철회는 원 결정 아래)</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>조치 사항</translation>
    </message>
    <message>
        <source>Council outlook (+12 to +72 h)</source>
        <translation>협의회 전망 (+12~+72시간)</translation>
    </message>
    <message>
        <source>Ti&amp;tle:</source>
        <translation>회의명(&amp;T):</translation>
    </message>
    <message>
        <source>Atte&amp;ndees:</source>
        <translation>참석자(&amp;N):</translation>
    </message>
    <message>
        <source>&amp;Decision:</source>
        <translation>결정(&amp;D):</translation>
    </message>
    <message>
        <source>&amp;Rationale:</source>
        <translation>근거(&amp;R):</translation>
    </message>
    <message>
        <source>Decided &amp;by:</source>
        <translation>결정권자(&amp;B):</translation>
    </message>
    <message>
        <source>Affiliates &amp;concerned:</source>
        <translation>관련 계열사(&amp;C):</translation>
    </message>
    <message>
        <source>Acti&amp;on:</source>
        <translation>조치(&amp;O):</translation>
    </message>
    <message>
        <source>O&amp;wner:</source>
        <translation>담당(&amp;W):</translation>
    </message>
    <message>
        <source>Dead&amp;line:</source>
        <translation>기한(&amp;L):</translation>
    </message>
    <message>
        <source>&amp;Record decision</source>
        <translation>결정 기록(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Amend…</source>
        <translation>수정(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Withdraw…</source>
        <translation>철회(&amp;W)…</translation>
    </message>
    <message>
        <source>Add &amp;action</source>
        <translation>조치 추가(&amp;A)</translation>
    </message>
    <message>
        <source>Set &amp;state</source>
        <translation>상태 변경(&amp;S)</translation>
    </message>
    <message>
        <source>New state of the selected action</source>
        <translation>선택한 조치의 새 상태</translation>
    </message>
    <message>
        <source>Decision log</source>
        <translation>결정 기록</translation>
    </message>
    <message>
        <source>e.g. 2nd council meeting (CRO chair)</source>
        <translation>예: 2차 위기대응협의회 (CRO 주재)</translation>
    </message>
    <message>
        <source>What the council decided</source>
        <translation>협의회가 결정한 내용</translation>
    </message>
    <message>
        <source>Why (optional)</source>
        <translation>근거 (선택)</translation>
    </message>
</context>
<context>
    <name>DeskErrors</name>
    <message>
        <source>unknown impact field &apos;{field}&apos; (fields: {known})</source>
        <translation>영향 평가 항목 &apos;{field}&apos;이(가) 없습니다(항목: {known})</translation>
    </message>
    <message>
        <source>&apos;{title}&apos; is a real event; injects belong to drills only</source>
        <translation>‘{title}’은(는) 실제 사건입니다. 훈련 상황은 모의훈련에만 부여합니다</translation>
    </message>
    <message>
        <source>unknown inject &apos;{inject}&apos; (injects: {known})</source>
        <translation>알 수 없는 훈련 상황 &apos;{inject}&apos; (훈련 상황: {known})</translation>
    </message>
    <message>
        <source>inject &apos;{inject}&apos; is already released</source>
        <translation>훈련 상황 &apos;{inject}&apos;은(는) 이미 부여되었습니다</translation>
    </message>
    <message>
        <source>a response needs its text</source>
        <translation>대응 내용을 입력하십시오</translation>
    </message>
    <message>
        <source>a finding needs its text</source>
        <translation>발견 사항 내용을 입력하십시오</translation>
    </message>
    <message>
        <source>a handover names the outgoing and the incoming lead</source>
        <translation>인계자와 인수자 이름을 입력하십시오</translation>
    </message>
    <message>
        <source>the outgoing and the incoming lead must be two people</source>
        <translation>인계자와 인수자는 서로 다른 사람이어야 합니다</translation>
    </message>
    <message>
        <source>unknown handover role &apos;{role}&apos; ({known})</source>
        <translation>알 수 없는 서명 구분 &apos;{role}&apos; ({known})</translation>
    </message>
    <message>
        <source>no handover &apos;{handover}&apos; in this event</source>
        <translation>이 사건에 인계서 &apos;{handover}&apos;이(가) 없습니다</translation>
    </message>
    <message>
        <source>this handover names &apos;{expected}&apos; as the outgoing lead, not &apos;{name}&apos;</source>
        <translation>이 인계서의 인계자는 &apos;{name}&apos;이(가) 아니라 &apos;{expected}&apos;입니다</translation>
    </message>
    <message>
        <source>this handover names &apos;{expected}&apos; as the incoming lead, not &apos;{name}&apos;</source>
        <translation>이 인계서의 인수자는 &apos;{name}&apos;이(가) 아니라 &apos;{expected}&apos;입니다</translation>
    </message>
    <message>
        <source>the outgoing lead has already signed this handover</source>
        <translation>인계자가 이미 서명했습니다</translation>
    </message>
    <message>
        <source>the incoming lead has already signed this handover</source>
        <translation>인수자가 이미 서명했습니다</translation>
    </message>
    <message>
        <source>the group file has no contact tree (&apos;contacts:&apos;); add one to call the roll</source>
        <translation>그룹 파일에 비상연락망(&apos;contacts:&apos;)이 없습니다. 추가한 뒤 점검하십시오</translation>
    </message>
    <message>
        <source>a roll-call needs a title</source>
        <translation>비상연락망 점검 제목을 입력하십시오</translation>
    </message>
    <message>
        <source>unknown call result &apos;{result}&apos; ({known})</source>
        <translation>알 수 없는 통화 결과 &apos;{result}&apos; ({known})</translation>
    </message>
    <message>
        <source>unknown contact &apos;{contact}&apos; (contacts: {known})</source>
        <translation>알 수 없는 연락처 &apos;{contact}&apos; (연락처: {known})</translation>
    </message>
    <message>
        <source>no roll-call &apos;{rollcall}&apos; in this event</source>
        <translation>이 사건에 비상연락망 점검 &apos;{rollcall}&apos;이(가) 없습니다</translation>
    </message>
    <message>
        <source>a corrective action needs a title</source>
        <translation>개선 조치 내용을 입력하십시오</translation>
    </message>
    <message>
        <source>a corrective action needs an owner</source>
        <translation>개선 조치 담당자를 입력하십시오</translation>
    </message>
    <message>
        <source>the due date needs a timezone</source>
        <translation>완료 기한에 시간대가 필요합니다</translation>
    </message>
    <message>
        <source>no finding &apos;{finding}&apos; in this event</source>
        <translation>이 사건에 발견 사항 &apos;{finding}&apos;이(가) 없습니다</translation>
    </message>
    <message>
        <source>unknown state &apos;{state}&apos; ({known})</source>
        <translation>알 수 없는 상태 &apos;{state}&apos; ({known})</translation>
    </message>
    <message>
        <source>no corrective action &apos;{action}&apos; (see: crisisdesk review actions)</source>
        <translation>개선 조치 &apos;{action}&apos;이(가) 없습니다 (참고: crisisdesk review actions)</translation>
    </message>
    <message>
        <source>{path}: is a folder; give a file name such as review.pdf</source>
        <translation>{path}: 폴더입니다. review.pdf 같은 파일 이름을 지정하십시오</translation>
    </message>
    <message>
        <source>{path}: cannot write the report ({reason})</source>
        <translation>{path}: 보고서를 쓸 수 없습니다 ({reason})</translation>
    </message>
    <message>
        <source>inject &apos;{inject}&apos; has not been released in this drill</source>
        <translation>훈련 상황 &apos;{inject}&apos;은(는) 아직 부여되지 않았습니다</translation>
    </message>
    <message>
        <source>inject &apos;{inject}&apos; names provider &apos;{provider}&apos;, which the group file does not know</source>
        <translation>훈련 상황 &apos;{inject}&apos;의 외부 기관 &apos;{provider}&apos;이(가) 그룹 파일에 없습니다</translation>
    </message>
    <message>
        <source>item &apos;{item}&apos; already has these values; nothing to save</source>
        <translation>점검 항목 &apos;{item}&apos;에 이미 같은 값이 있어 저장할 것이 없습니다</translation>
    </message>
    <message>
        <source>item &apos;{item}&apos; has no change left to undo</source>
        <translation>점검 항목 &apos;{item}&apos;에 되돌릴 변경이 더 없습니다</translation>
    </message>
    <message>
        <source>item &apos;{item}&apos; was changed meanwhile by {by} ({at}): it is now {state}; nothing was saved</source>
        <translation>항목 &apos;{item}&apos;은(는) 그사이 {by}님이 변경했습니다({at}). 현재 상태: {state}. 저장하지 않았습니다</translation>
    </message>
    <message>
        <source>{affiliate} has no checklist item &apos;{item}&apos; in this event</source>
        <translation>이 사건에서 {affiliate}의 점검 항목 &apos;{item}&apos;이(가) 없습니다</translation>
    </message>
    <message>
        <source>item &apos;{item}&apos; is in several checklists; write one of: {options}</source>
        <translation>점검 항목 &apos;{item}&apos;이(가) 여러 점검표에 있습니다. 다음 중 하나로 지정하십시오: {options}</translation>
    </message>
    <message>
        <source>unknown notice template &apos;{template}&apos; (templates: {known})</source>
        <translation>공지 양식 &apos;{template}&apos;이(가) 없습니다(양식: {known})</translation>
    </message>
    <message>
        <source>a notice needs a body</source>
        <translation>공지 본문을 입력하십시오</translation>
    </message>
    <message>
        <source>the notice was withdrawn; compose a new one</source>
        <translation>철회된 공지입니다. 새 공지를 작성하십시오</translation>
    </message>
    <message>
        <source>say why the notice is withdrawn</source>
        <translation>공지 철회 사유를 입력하십시오</translation>
    </message>
    <message>
        <source>no notice &apos;{notice}&apos; in this event</source>
        <translation>이 사건에 공지 &apos;{notice}&apos;이(가) 없습니다</translation>
    </message>
    <message>
        <source>unknown reporting duty &apos;{duty}&apos; (duties: {known})</source>
        <translation>보고 의무 &apos;{duty}&apos;이(가) 없습니다(보고: {known})</translation>
    </message>
    <message>
        <source>&apos;{filer}&apos; does not file &apos;{duty}&apos; (filers: {listing})</source>
        <translation>&apos;{filer}&apos;은(는) &apos;{duty}&apos; 보고 주체가 아닙니다(보고 주체: {listing})</translation>
    </message>
    <message>
        <source>&apos;{duty}&apos; has no occurrence {occurrence}</source>
        <translation>&apos;{duty}&apos; 보고에 {occurrence}회차가 없습니다</translation>
    </message>
    <message>
        <source>say why the report is not required</source>
        <translation>보고가 필요 없는 사유를 입력하십시오</translation>
    </message>
    <message>
        <source>&apos;{filer}&apos; owes no &apos;{duty}&apos; ({occurrence}) in this event</source>
        <translation>이 사건에서 &apos;{filer}&apos;에게 &apos;{duty}&apos;({occurrence}회차) 보고 의무가 없습니다</translation>
    </message>
    <message>
        <source>&apos;{duty}&apos; of &apos;{filer}&apos; is no longer due; its deadline stays</source>
        <translation>&apos;{filer}&apos;의 &apos;{duty}&apos; 보고는 이미 처리되어 기한을 바꿀 수 없습니다</translation>
    </message>
    <message>
        <source>say why the deadline moves (e.g. agreed with the FSS)</source>
        <translation>기한을 바꾸는 사유를 입력하십시오(예: 금융감독원과 협의)</translation>
    </message>
    <message>
        <source>the new deadline needs a timezone</source>
        <translation>새 기한에 시간대가 필요합니다</translation>
    </message>
    <message>
        <source>an external alert needs its issuer and level</source>
        <translation>외부 경보의 발령 기관과 단계를 입력하십시오</translation>
    </message>
    <message>
        <source>unknown affiliate &apos;{affiliate}&apos; (affiliates: {known})</source>
        <translation>계열사 &apos;{affiliate}&apos;이(가) 없습니다(계열사: {known})</translation>
    </message>
    <message>
        <source>a council meeting is already open; close it first</source>
        <translation>이미 열린 협의회가 있습니다. 먼저 종료하십시오</translation>
    </message>
    <message>
        <source>no council meeting is open</source>
        <translation>열린 협의회가 없습니다</translation>
    </message>
    <message>
        <source>a decision needs its text</source>
        <translation>결정 내용을 입력하십시오</translation>
    </message>
    <message>
        <source>an amendment needs its text</source>
        <translation>수정 내용을 입력하십시오</translation>
    </message>
    <message>
        <source>say why the decision is withdrawn</source>
        <translation>결정 철회 사유를 입력하십시오</translation>
    </message>
    <message>
        <source>an action needs a title</source>
        <translation>조치 제목을 입력하십시오</translation>
    </message>
    <message>
        <source>the deadline needs a timezone</source>
        <translation>기한에 시간대가 필요합니다</translation>
    </message>
    <message>
        <source>no action &apos;{action}&apos; in this event</source>
        <translation>이 사건에 조치 &apos;{action}&apos;이(가) 없습니다</translation>
    </message>
    <message>
        <source>no group file is loaded yet: load one first (crisisdesk group load FILE)</source>
        <translation>그룹 파일을 아직 불러오지 않았습니다. 먼저 불러오십시오(crisisdesk group load FILE)</translation>
    </message>
    <message>
        <source>an event needs a title</source>
        <translation>사건 제목을 입력하십시오</translation>
    </message>
    <message>
        <source>T0 needs a timezone</source>
        <translation>T0에 시간대가 필요합니다</translation>
    </message>
    <message>
        <source>say why the level changes (a reason is required)</source>
        <translation>단계를 바꾸는 사유를 입력하십시오(필수)</translation>
    </message>
    <message>
        <source>the event is already at level &apos;{level}&apos;</source>
        <translation>사건이 이미 &apos;{level}&apos; 단계입니다</translation>
    </message>
    <message>
        <source>say why the event is closed (a reason is required)</source>
        <translation>사건 종결 사유를 입력하십시오(필수)</translation>
    </message>
    <message>
        <source>the event is already open</source>
        <translation>사건이 이미 진행 중입니다</translation>
    </message>
    <message>
        <source>say why the event is reopened (a reason is required)</source>
        <translation>사건 재개 사유를 입력하십시오(필수)</translation>
    </message>
    <message>
        <source>event &apos;{title}&apos; is closed; reopen it to change it</source>
        <translation>사건 &apos;{title}&apos;은(는) 종결되었습니다. 바꾸려면 먼저 재개하십시오</translation>
    </message>
    <message>
        <source>no open event: activate one, or name the event</source>
        <translation>진행 중인 사건이 없습니다. 사건을 발령하거나 사건을 지정하십시오</translation>
    </message>
    <message>
        <source>several events are open; name one ({listing})</source>
        <translation>진행 중인 사건이 여럿입니다. 하나를 지정하십시오({listing})</translation>
    </message>
    <message>
        <source>&apos;{as_of}&apos; is neither #SEQ nor a time with a timezone</source>
        <translation>&apos;{as_of}&apos;은(는) #번호도, 시간대가 있는 시각도 아닙니다</translation>
    </message>
    <message>
        <source>unknown report kind &apos;{kind}&apos; ({listing})</source>
        <translation>보고서 종류 &apos;{kind}&apos;이(가) 없습니다({listing})</translation>
    </message>
    <message>
        <source>unknown report language &apos;{lang}&apos; ({listing})</source>
        <translation>보고서 언어 &apos;{lang}&apos;이(가) 없습니다({listing})</translation>
    </message>
    <message>
        <source>a reprint is of a situation report or its brief, not &apos;{kind}&apos;</source>
        <translation>재인쇄는 상황보고서나 그 요약본만 됩니다(&apos;{kind}&apos; 불가)</translation>
    </message>
    <message>
        <source>a report export is of a situation report or its brief, not &apos;{kind}&apos;</source>
        <translation>보고서 내보내기는 상황보고서나 그 회장 보고 요약만 됩니다(&apos;{kind}&apos; 불가)</translation>
    </message>
    <message>
        <source>{path}: a {kind} report is exported as {allowed}</source>
        <translation>{path}: {kind} 보고서는 {allowed} 형식으로만 내보냅니다</translation>
    </message>
    <message>
        <source>the playbook has no &apos;{role}&apos; role to approve reports</source>
        <translation>플레이북에 보고서를 결재할 &apos;{role}&apos; 역할이 없습니다</translation>
    </message>
    <message>
        <source>{path}: cannot write the file: {reason}</source>
        <translation>{path}: 파일을 쓸 수 없습니다: {reason}</translation>
    </message>
    <message>
        <source>{path}: already exists; choose another file or overwrite it (--force)</source>
        <translation>{path}: 이미 있습니다. 다른 파일을 고르거나 덮어쓰십시오 (--force)</translation>
    </message>
    <message>
        <source>unknown state &apos;{state}&apos; (states: {listing})</source>
        <translation>상태 &apos;{state}&apos;이(가) 없습니다(상태: {listing})</translation>
    </message>
    <message>
        <source>a blocked item needs a reason: say what blocks it</source>
        <translation>진행 불가 항목에는 사유가 필요합니다. 무엇이 막고 있는지 입력하십시오</translation>
    </message>
    <message>
        <source>unknown level &apos;{level}&apos; (levels: {listing})</source>
        <translation>알 수 없는 단계 &apos;{level}&apos; (단계: {listing})</translation>
    </message>
    <message>
        <source>unknown provider &apos;{provider}&apos; (providers: {listing})</source>
        <translation>알 수 없는 제공자 &apos;{provider}&apos; (제공자: {listing})</translation>
    </message>
    <message>
        <source>unknown provider status &apos;{status}&apos; ({listing})</source>
        <translation>알 수 없는 제공자 상태 &apos;{status}&apos; ({listing})</translation>
    </message>
    <message>
        <source>&apos;{service}&apos; is not a service of {affiliate}</source>
        <translation>&apos;{service}&apos;은(는) {affiliate}의 서비스가 아닙니다</translation>
    </message>
    <message>
        <source>unknown service status &apos;{status}&apos; ({listing})</source>
        <translation>알 수 없는 서비스 상태 &apos;{status}&apos; ({listing})</translation>
    </message>
    <message>
        <source>unknown role &apos;{role}&apos; (roles: {listing})</source>
        <translation>알 수 없는 역할 &apos;{role}&apos; (역할: {listing})</translation>
    </message>
    <message>
        <source>unknown action state &apos;{state}&apos; ({listing})</source>
        <translation>알 수 없는 조치 상태 &apos;{state}&apos; ({listing})</translation>
    </message>
    <message>
        <source>unknown duty state &apos;{state}&apos; ({listing})</source>
        <translation>알 수 없는 보고 의무 상태 &apos;{state}&apos; ({listing})</translation>
    </message>
    <message>
        <source>unknown horizon &apos;{horizon}&apos; ({listing})</source>
        <translation>알 수 없는 전망 기간 &apos;{horizon}&apos; ({listing})</translation>
    </message>
    <message>
        <source>unknown channel &apos;{channel}&apos; ({listing})</source>
        <translation>알 수 없는 게시 채널 &apos;{channel}&apos; ({listing})</translation>
    </message>
    <message>
        <source>not allowed on this desk: this is the desk of affiliate &apos;{affiliate}&apos;; it may {work} only for &apos;{affiliate}&apos;, not for &apos;{other}&apos;</source>
        <translation>이 데스크에서는 할 수 없습니다: 계열사 &apos;{affiliate}&apos;의 데스크이므로 {work}은(는) &apos;{affiliate}&apos;에 대해서만 할 수 있고 &apos;{other}&apos;에 대해서는 할 수 없습니다</translation>
    </message>
    <message>
        <source>not allowed on this desk: this is the desk of affiliate &apos;{affiliate}&apos;; only the group desk may {work}</source>
        <translation>이 데스크에서는 할 수 없습니다: 계열사 &apos;{affiliate}&apos;의 데스크입니다. {work}은(는) 그룹 데스크만 할 수 있습니다</translation>
    </message>
    <message>
        <source>not allowed on this desk: this is the desk of affiliate &apos;{affiliate}&apos;; only the group desk may record &apos;{kind}&apos;</source>
        <translation>이 데스크에서는 할 수 없습니다: 계열사 &apos;{affiliate}&apos;의 데스크입니다. &apos;{kind}&apos; 기록은 그룹 데스크만 할 수 있습니다</translation>
    </message>
    <message>
        <source>load the group file (the group desk&apos;s packets bring it)</source>
        <translation>그룹 파일 불러오기(그룹 데스크의 패킷으로 전달됩니다)</translation>
    </message>
    <message>
        <source>activate an event</source>
        <translation>사건 발동</translation>
    </message>
    <message>
        <source>change an event&apos;s level</source>
        <translation>사건의 단계 변경</translation>
    </message>
    <message>
        <source>change a provider&apos;s status</source>
        <translation>제공자 상태 변경</translation>
    </message>
    <message>
        <source>close an event</source>
        <translation>사건 종료</translation>
    </message>
    <message>
        <source>reopen an event</source>
        <translation>사건 재개</translation>
    </message>
    <message>
        <source>open a council meeting</source>
        <translation>위기협의회 회의 개회</translation>
    </message>
    <message>
        <source>close a council meeting</source>
        <translation>위기협의회 회의 폐회</translation>
    </message>
    <message>
        <source>record, amend or withdraw a council decision</source>
        <translation>협의회 결정의 기록·수정·철회</translation>
    </message>
    <message>
        <source>create an action item</source>
        <translation>조치 사항 생성</translation>
    </message>
    <message>
        <source>change an action item</source>
        <translation>조치 사항 변경</translation>
    </message>
    <message>
        <source>change a reporting duty</source>
        <translation>보고 의무 변경</translation>
    </message>
    <message>
        <source>record an external alert level</source>
        <translation>외부 경보 단계 기록</translation>
    </message>
    <message>
        <source>set the council&apos;s outlook</source>
        <translation>협의회 전망 설정</translation>
    </message>
    <message>
        <source>draft a situation report</source>
        <translation>상황보고서 초안 작성</translation>
    </message>
    <message>
        <source>approve a situation report</source>
        <translation>상황보고서 결재</translation>
    </message>
    <message>
        <source>issue a situation report</source>
        <translation>상황보고서 발행</translation>
    </message>
    <message>
        <source>assess services</source>
        <translation>서비스 영향 평가</translation>
    </message>
    <message>
        <source>answer impact questions</source>
        <translation>영향 질문 응답</translation>
    </message>
    <message>
        <source>change checklist items</source>
        <translation>점검 항목 변경</translation>
    </message>
    <message>
        <source>compose notices</source>
        <translation>고객 안내문 작성</translation>
    </message>
    <message>
        <source>edit notices</source>
        <translation>고객 안내문 수정</translation>
    </message>
    <message>
        <source>post notices</source>
        <translation>고객 안내문 게시</translation>
    </message>
    <message>
        <source>withdraw notices</source>
        <translation>고객 안내문 철회</translation>
    </message>
    <message>
        <source>release a drill inject</source>
        <translation>훈련 상황 부여</translation>
    </message>
    <message>
        <source>record an after-action finding</source>
        <translation>사후 검토 발견 사항 기록</translation>
    </message>
    <message>
        <source>create a corrective action</source>
        <translation>개선 조치 등록</translation>
    </message>
    <message>
        <source>change a corrective action</source>
        <translation>개선 조치 변경</translation>
    </message>
    <message>
        <source>prepare a shift handover</source>
        <translation>근무 교대 인계서 작성</translation>
    </message>
    <message>
        <source>sign a shift handover</source>
        <translation>근무 교대 인계 서명</translation>
    </message>
    <message>
        <source>start a roll-call</source>
        <translation>비상연락망 점검 시작</translation>
    </message>
    <message>
        <source>record a roll-call call</source>
        <translation>비상연락 통화 기록</translation>
    </message>
    <message>
        <source>respond to drill injects</source>
        <translation>훈련 상황 대응 기록</translation>
    </message>
    <message>
        <source>{backup_file}: is the database itself; choose a backup file</source>
        <translation>{backup_file}: 데스크 데이터베이스 자체입니다. 백업 파일을 고르십시오</translation>
    </message>
    <message>
        <source>journal position #{seq} does not exist (the journal ends at #{head})</source>
        <translation>기록 #{seq}이(가) 없습니다(기록은 #{head}까지입니다)</translation>
    </message>
    <message>
        <source>the event did not exist yet at journal position #{seq}</source>
        <translation>기록 #{seq} 시점에는 사건이 아직 없었습니다</translation>
    </message>
    <message>
        <source>no situation report #{number} in this event (see: crisisdesk report list)</source>
        <translation>이 사건에 상황보고서 제{number}호가 없습니다(crisisdesk report list 참조)</translation>
    </message>
    <message>
        <source>situation report #{number} is already issued</source>
        <translation>상황보고서 제{number}호는 이미 발행되었습니다</translation>
    </message>
    <message>
        <source>situation report #{number} is already approved</source>
        <translation>상황보고서 제{number}호는 이미 결재되었습니다</translation>
    </message>
    <message>
        <source>situation report #{number} is already issued; reprint it instead</source>
        <translation>상황보고서 제{number}호는 이미 발행되었습니다. 재인쇄하십시오</translation>
    </message>
    <message>
        <source>situation report #{number} is not approved: the chair approves it first (crisisdesk report approve {number})</source>
        <translation>상황보고서 제{number}호는 결재 전입니다. 먼저 의장이 결재하십시오(crisisdesk report approve {number})</translation>
    </message>
    <message>
        <source>situation report #{number} no longer renders as it was drafted ({rendered} ≠ {drafted}); draft it again</source>
        <translation>상황보고서 제{number}호가 작성 당시와 다르게 만들어집니다({rendered} ≠ {drafted}). 다시 작성하십시오</translation>
    </message>
    <message>
        <source>{path}: is a folder; give a file name such as report.pdf</source>
        <translation>{path}: 폴더입니다. report.pdf 같은 파일 이름을 주십시오</translation>
    </message>
    <message>
        <source>{path}: the folder {folder} does not exist</source>
        <translation>{path}: 폴더 {folder}이(가) 없습니다</translation>
    </message>
    <message>
        <source>{path}: cannot write here (permission denied)</source>
        <translation>{path}: 여기에 쓸 수 없습니다(권한 없음)</translation>
    </message>
    <message>
        <source>{path}: cannot write the report: {reason}</source>
        <translation>{path}: 보고서를 쓸 수 없습니다: {reason}</translation>
    </message>
</context>
<context>
    <name>DeskStatusBar</name>
    <message>
        <source>The desk&apos;s file was upgraded for this version of CrisisDesk; a backup was taken first: {}</source>
        <translation>데스크 파일을 이 버전의 CrisisDesk에 맞게 업그레이드했습니다. 먼저 백업했습니다: {}</translation>
    </message>
    <message>
        <source>No database open</source>
        <translation>열린 데이터베이스 없음</translation>
    </message>
    <message>
        <source> (demo)</source>
        <translation> (시연용)</translation>
    </message>
    <message>
        <source>Desk {} · {}{}</source>
        <translation>데스크 {} · {}{}</translation>
    </message>
    <message>
        <source>Database file: {}</source>
        <translation>데이터베이스 파일: {}</translation>
    </message>
    <message>
        <source>Last save {}</source>
        <translation>마지막 저장 {}</translation>
    </message>
    <message>
        <source>Every change is saved at once</source>
        <translation>모든 변경은 즉시 저장됩니다</translation>
    </message>
    <message>
        <source>Times in the group&apos;s time zone ({})</source>
        <translation>그룹 시간대 기준 시각 ({})</translation>
    </message>
    <message>
        <source>Exchange folder: not set</source>
        <translation>교환 폴더: 설정 안 됨</translation>
    </message>
    <message>
        <source>Exchange folder: online</source>
        <translation>교환 폴더: 연결됨</translation>
    </message>
    <message>
        <source>Exchange folder: offline</source>
        <translation>교환 폴더: 연결 끊김</translation>
    </message>
    <message>
        <source> · restore warning</source>
        <translation> · 복원 경고</translation>
    </message>
    <message>
        <source>A peer&apos;s acknowledgement said this desk was restored (refused, or taken at its word) in the last day: see the Exchange panel.</source>
        <translation>지난 하루 사이에 다른 데스크의 수신 확인이 이 데스크가 복원되었다고 했습니다(거부했거나 그대로 받아들임). 교환 화면을 확인하십시오.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>저장 중…</translation>
    </message>
    <message>
        <source>A change is being saved</source>
        <translation>변경 사항을 저장하는 중</translation>
    </message>
    <message>
        <source>Desk identity</source>
        <translation>데스크 식별</translation>
    </message>
    <message>
        <source>Last save</source>
        <translation>마지막 저장</translation>
    </message>
    <message>
        <source>Exchange folder state</source>
        <translation>교환 폴더 상태</translation>
    </message>
    <message>
        <source>Journal: not verified yet</source>
        <translation>기록: 아직 검증 전</translation>
    </message>
    <message>
        <source>Journal: checking…</source>
        <translation>기록: 검증 중…</translation>
    </message>
    <message>
        <source>Journal verified: every entry under a signed checkpoint</source>
        <translation>기록 검증 완료: 모든 항목이 서명된 검증점 안에 있음</translation>
    </message>
    <message>
        <source>Journal intact: some entries not covered by any checkpoint</source>
        <translation>기록 손상 없음: 일부 항목은 검증점 밖</translation>
    </message>
    <message>
        <source>Journal warning: the opening check found a problem</source>
        <translation>기록 경고: 열 때 점검에서 문제 발견</translation>
    </message>
    <message>
        <source>Journal damaged: restore a backup</source>
        <translation>기록 손상: 백업을 복원하십시오</translation>
    </message>
    <message>
        <source>Journal integrity</source>
        <translation>기록 무결성</translation>
    </message>
    <message>
        <source>Verify</source>
        <translation>검증</translation>
    </message>
    <message>
        <source>Check the whole journal against its signed checkpoints (in the background)</source>
        <translation>전체 기록을 서명된 검증점과 대조합니다(백그라운드)</translation>
    </message>
</context>
<context>
    <name>DrillBanner</name>
    <message>
        <source>DRILL — an exercise, not a real incident</source>
        <translation>모의훈련 — 실제 상황이 아닙니다 (DRILL)</translation>
    </message>
    <message>
        <source>Drill: this event is an exercise, not a real incident</source>
        <translation>모의훈련: 이 사건은 훈련이며 실제 상황이 아닙니다</translation>
    </message>
    <message>
        <source>Injects…</source>
        <translation>훈련 상황 부여…</translation>
    </message>
    <message>
        <source>The drill&apos;s injects: release them, record responses</source>
        <translation>훈련 상황(inject) 목록: 부여하고 대응을 기록합니다</translation>
    </message>
</context>
<context>
    <name>EnrolDialog</name>
    <message>
        <source>Trust another desk?</source>
        <translation>다른 데스크를 신뢰할까요?</translation>
    </message>
    <message>
        <source>&lt;b&gt;{}&lt;/b&gt; — {} of group {}&lt;br&gt;from the file {}</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt; — 그룹 {2}의 {1}&lt;br&gt;파일: {3}</translation>
    </message>
    <message>
        <source>Fingerprint of the other desk</source>
        <translation>상대 데스크의 지문</translation>
    </message>
    <message>
        <source>Call the other desk. Both read this fingerprint aloud: they from their Exchange panel, you from here. Trust the desk only if every digit matches.</source>
        <translation>상대 데스크에 전화하십시오. 양쪽이 이 지문을 소리 내어 읽습니다: 상대는 자기 교환 화면에서, 이쪽은 여기서. 모든 숫자가 일치할 때만 신뢰하십시오.</translation>
    </message>
    <message>
        <source>The other desk read the &amp;same fingerprint</source>
        <translation>상대 데스크가 같은 지문을 읽었음(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Trust this desk</source>
        <translation>이 데스크 신뢰(&amp;T)</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Not saved</source>
        <translation>저장되지 않음</translation>
    </message>
    <message>
        <source>Nothing was changed. Correct what the message names and try again.</source>
        <translation>아무것도 변경되지 않았습니다. 메시지가 가리키는 부분을 고친 뒤 다시 시도하십시오.</translation>
    </message>
    <message>
        <source>the log</source>
        <translation>로그 파일</translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation>예기치 않은 오류</translation>
    </message>
    <message>
        <source>Something went wrong that CrisisDesk did not expect: {}</source>
        <translation>CrisisDesk가 예상하지 못한 문제가 생겼습니다: {}</translation>
    </message>
    <message>
        <source>Everything saved before is safe. The details were written to {}; send that file to your IT support. You can keep working.</source>
        <translation>이전에 저장된 내용은 모두 안전합니다. 자세한 내용은 {}에 기록되었으니 IT 지원 담당에게 그 파일을 보내 주십시오. 계속 작업하셔도 됩니다.</translation>
    </message>
</context>
<context>
    <name>EventHeader</name>
    <message>
        <source>drill</source>
        <translation>모의훈련</translation>
    </message>
    <message>
        <source>real</source>
        <translation>실제 상황</translation>
    </message>
    <message>
        <source>No open event. Activate one from a playbook (Ctrl+N).</source>
        <translation>진행 중인 사건이 없습니다. 대응 매뉴얼로 사건을 발령하십시오 (Ctrl+N).</translation>
    </message>
    <message>
        <source>Level: {}</source>
        <translation>위기 단계: {}</translation>
    </message>
    <message>
        <source>DRILL</source>
        <translation>모의훈련(실제 상황 아님)</translation>
    </message>
    <message>
        <source>REAL</source>
        <translation>실제 상황</translation>
    </message>
    <message>
        <source>External alerts ({}): {}</source>
        <translation>외부 경보 {}건: {}</translation>
    </message>
    <message>
        <source>External alerts: {}</source>
        <translation>외부 경보: {}</translation>
    </message>
    <message>
        <source>Open event</source>
        <translation>진행 중인 사건</translation>
    </message>
    <message>
        <source>Several events are open: choose the one to show</source>
        <translation>여러 사건이 진행 중입니다: 표시할 사건을 고르십시오</translation>
    </message>
    <message>
        <source>Time since T0</source>
        <translation>T0 이후 경과 시간</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>사건</translation>
    </message>
    <message>
        <source>New event, close this event, reopen a closed one</source>
        <translation>새 사건, 이 사건 종료, 종료된 사건 재개</translation>
    </message>
    <message>
        <source>New event… (Ctrl+N)</source>
        <translation>새 사건… (Ctrl+N)</translation>
    </message>
    <message>
        <source>Close this event…</source>
        <translation>이 사건 종료…</translation>
    </message>
    <message>
        <source>Reopen a closed event…</source>
        <translation>종료된 사건 재개…</translation>
    </message>
    <message>
        <source>Activate an event from a playbook (Ctrl+N)</source>
        <translation>대응 매뉴얼로 사건 발령 (Ctrl+N)</translation>
    </message>
    <message>
        <source>Level…</source>
        <translation>단계 변경…</translation>
    </message>
    <message>
        <source>Raise or lower the event&apos;s level</source>
        <translation>사건의 위기 단계를 올리거나 내립니다</translation>
    </message>
    <message>
        <source>Providers…</source>
        <translation>외부 연계…</translation>
    </message>
    <message>
        <source>External providers: their state, and marking them down or restored</source>
        <translation>외부 연계: 현재 상태와 중단·복구 표시</translation>
    </message>
    <message>
        <source>Close the event with a reason; everything recorded is kept</source>
        <translation>사유를 적고 사건을 종료합니다; 기록은 모두 보존됩니다</translation>
    </message>
    <message>
        <source>Reopen a closed event with a reason</source>
        <translation>종료된 사건을 사유를 적고 다시 엽니다</translation>
    </message>
</context>
<context>
    <name>EventReasonDialog</name>
    <message>
        <source>drill</source>
        <translation>모의훈련</translation>
    </message>
    <message>
        <source>real</source>
        <translation>실제 상황</translation>
    </message>
    <message>
        <source>required; kept in the journal</source>
        <translation>필수; 저널에 기록됨</translation>
    </message>
    <message>
        <source>&amp;Close event</source>
        <translation>사건 종료(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Reopen event</source>
        <translation>사건 재개(&amp;R)</translation>
    </message>
    <message>
        <source>The event leaves the list of open events and nothing more can be changed in it until it is reopened. Everything recorded is kept.</source>
        <translation>사건이 진행 중 목록에서 빠지고, 재개하기 전까지 더 변경할 수 없습니다. 기록된 내용은 모두 보존됩니다.</translation>
    </message>
    <message>
        <source>A closed event can be changed again once reopened.</source>
        <translation>종료된 사건은 재개하면 다시 변경할 수 있습니다.</translation>
    </message>
    <message>
        <source>No event is closed.</source>
        <translation>종료된 사건이 없습니다.</translation>
    </message>
    <message>
        <source>&amp;Event:</source>
        <translation>사건(&amp;E):</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>사유(&amp;R):</translation>
    </message>
    <message>
        <source>Close the event</source>
        <translation>사건 종료</translation>
    </message>
    <message>
        <source>Reopen an event</source>
        <translation>사건 재개</translation>
    </message>
</context>
<context>
    <name>Exchange</name>
    <message>
        <source>Imported</source>
        <translation>가져옴</translation>
    </message>
    <message>
        <source>Already here</source>
        <translation>이미 있음</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>거부</translation>
    </message>
    <message>
        <source>Not for this desk</source>
        <translation>이 데스크 대상 아님</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>대기</translation>
    </message>
    <message>
        <source>Not read yet</source>
        <translation>아직 못 읽음</translation>
    </message>
    <message>
        <source>not a CrisisDesk packet</source>
        <translation>CrisisDesk 패킷이 아님</translation>
    </message>
    <message>
        <source>check what was put in the folder</source>
        <translation>폴더에 넣은 파일을 확인하십시오</translation>
    </message>
    <message>
        <source>the file ends early (interrupted copy)</source>
        <translation>파일이 중간에 끊김(복사 중단)</translation>
    </message>
    <message>
        <source>copy it again</source>
        <translation>다시 복사하십시오</translation>
    </message>
    <message>
        <source>too large</source>
        <translation>너무 큼</translation>
    </message>
    <message>
        <source>export in smaller steps</source>
        <translation>더 작게 나누어 내보내십시오</translation>
    </message>
    <message>
        <source>unpacks far beyond its declared size</source>
        <translation>압축을 풀면 선언된 크기를 크게 넘음</translation>
    </message>
    <message>
        <source>treat it as an attack and report it</source>
        <translation>공격으로 보고 신고하십시오</translation>
    </message>
    <message>
        <source>altered after signing, or not signed by the enrolled desk</source>
        <translation>서명 후 변조되었거나 등록된 데스크의 서명이 아님</translation>
    </message>
    <message>
        <source>ask for a fresh export; report it if it happens again</source>
        <translation>새로 내보내 달라고 요청하고, 반복되면 신고하십시오</translation>
    </message>
    <message>
        <source>the sender is not enrolled here, or was revoked</source>
        <translation>보낸 데스크가 등록되지 않았거나 신뢰가 철회됨</translation>
    </message>
    <message>
        <source>enrol its key file after the phone check</source>
        <translation>전화로 지문을 확인한 뒤 키 파일을 등록하십시오</translation>
    </message>
    <message>
        <source>addressed to another desk</source>
        <translation>다른 데스크 앞으로 보낸 패킷</translation>
    </message>
    <message>
        <source>give it to that desk</source>
        <translation>해당 데스크에 전달하십시오</translation>
    </message>
    <message>
        <source>the sender may not send this</source>
        <translation>보낸 데스크가 보낼 수 없는 내용</translation>
    </message>
    <message>
        <source>report it: the sending desk is misused or misconfigured</source>
        <translation>신고하십시오: 보낸 데스크가 오용되었거나 설정이 잘못됨</translation>
    </message>
    <message>
        <source>made by a newer CrisisDesk</source>
        <translation>더 새 버전의 CrisisDesk가 만든 내용</translation>
    </message>
    <message>
        <source>update CrisisDesk on this desk</source>
        <translation>이 데스크의 CrisisDesk를 업데이트하십시오</translation>
    </message>
    <message>
        <source>packet format of a newer CrisisDesk</source>
        <translation>더 새 버전 CrisisDesk의 패킷 형식</translation>
    </message>
    <message>
        <source>the sender already sent another packet with this number</source>
        <translation>보낸 데스크가 같은 번호로 다른 패킷을 이미 보냄</translation>
    </message>
    <message>
        <source>ask the sender to export again</source>
        <translation>보낸 데스크에 다시 내보내 달라고 요청하십시오</translation>
    </message>
    <message>
        <source>an entry differs from the copy held here</source>
        <translation>항목이 이곳에 있는 사본과 다름</translation>
    </message>
    <message>
        <source>report it: tampering</source>
        <translation>신고하십시오: 변조</translation>
    </message>
    <message>
        <source>damaged inside</source>
        <translation>내용이 손상됨</translation>
    </message>
    <message>
        <source>ask for a fresh export</source>
        <translation>새로 내보내 달라고 요청하십시오</translation>
    </message>
    <message>
        <source>dated more than 10 minutes ahead of this desk&apos;s clock</source>
        <translation>이 데스크의 시계보다 10분 넘게 앞선 시각이 적혀 있음</translation>
    </message>
    <message>
        <source>check the date and time of both computers, then ask for a fresh export</source>
        <translation>양쪽 컴퓨터의 날짜와 시각을 확인한 뒤 새로 내보내 달라고 요청하십시오</translation>
    </message>
    <message>
        <source>an entry holds values the rules do not allow</source>
        <translation>규칙이 허용하지 않는 값이 든 항목이 있음</translation>
    </message>
    <message>
        <source>report it: the sending desk is misused, or runs another CrisisDesk version</source>
        <translation>신고하십시오: 보낸 데스크가 잘못 쓰였거나 다른 버전의 CrisisDesk입니다</translation>
    </message>
    <message>
        <source>online</source>
        <translation>연결됨</translation>
    </message>
    <message>
        <source>not there (share offline or stick unplugged?); retrying</source>
        <translation>없음(공유 폴더 끊김 또는 USB 분리?); 다시 시도 중</translation>
    </message>
    <message>
        <source>read-only: incoming packets are read, outgoing ones wait</source>
        <translation>읽기 전용: 받은 패킷은 읽고, 보낼 패킷은 대기</translation>
    </message>
    <message>
        <source>cannot be read now; retrying</source>
        <translation>지금 읽을 수 없음; 다시 시도 중</translation>
    </message>
    <message>
        <source>{} new entries from {} (packet #{}); {} already here</source>
        <translation>새 항목 {}건, 보낸 곳 {} (패킷 #{}); 이미 있던 항목 {}건</translation>
    </message>
    <message>
        <source>packet #{} from {} was imported before; nothing changed</source>
        <translation>{1}의 패킷 #{0}은 이미 가져왔음; 변경 없음</translation>
    </message>
    <message>
        <source>waits for an earlier packet from {} not imported yet; kept and tried again</source>
        <translation>{}의 앞선 패킷을 아직 가져오지 않아 대기; 보관 후 다시 시도</translation>
    </message>
    <message>
        <source>could not be read or saved now; tried again later</source>
        <translation>지금 읽거나 저장할 수 없음; 나중에 다시 시도</translation>
    </message>
    <message>
        <source>not addressed to this desk</source>
        <translation>이 데스크 앞으로 온 패킷이 아님</translation>
    </message>
    <message>
        <source>group desk</source>
        <translation>그룹 데스크</translation>
    </message>
    <message>
        <source>affiliate desk: {}</source>
        <translation>계열사 데스크: {}</translation>
    </message>
    <message>
        <source>trusted</source>
        <translation>신뢰함</translation>
    </message>
    <message>
        <source>revoked {}: {}</source>
        <translation>{} 철회: {}</translation>
    </message>
    <message>
        <source>never</source>
        <translation>없음</translation>
    </message>
    <message>
        <source>{} entries</source>
        <translation>{}건</translation>
    </message>
    <message>
        <source>its journal after #{} (a packet is missing; it is sent again)</source>
        <translation>#{} 이후 기록 (빠진 패킷을 다시 보내 오는 중)</translation>
    </message>
    <message>
        <source>its acknowledgement</source>
        <translation>수신 확인</translation>
    </message>
    <message>
        <source>sending back what it lost in a restore</source>
        <translation>복원으로 잃은 기록을 돌려보내는 중</translation>
    </message>
</context>
<context>
    <name>ExchangePanel</name>
    <message>
        <source>This desk has no exchange identity yet. Initialise it with its role before trading packets with other desks.</source>
        <translation>이 데스크에는 아직 교환용 신원이 없습니다. 다른 데스크와 패킷을 주고받기 전에 역할을 정해 초기화하십시오.</translation>
    </message>
    <message>
        <source>&lt;b&gt;{}&lt;/b&gt; — {} of group {}</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt; — 그룹 {2}의 {1}</translation>
    </message>
    <message>
        <source>locked: give the passphrase to send packets</source>
        <translation>잠김: 패킷을 보내려면 암호 문구를 입력하십시오</translation>
    </message>
    <message>
        <source>unlocked while this window is open</source>
        <translation>이 창이 열려 있는 동안 잠금 해제됨</translation>
    </message>
    <message>
        <source>Private key in the passphrase-protected file {} ({}).</source>
        <translation>개인 키: 암호 문구로 보호된 파일 {} ({}).</translation>
    </message>
    <message>
        <source>Private key in the OS keyring ({}).</source>
        <translation>개인 키: 운영체제 키링 ({}).</translation>
    </message>
    <message>
        <source>Packets sent: {} · received: {}.</source>
        <translation>보낸 패킷 {} · 받은 패킷 {}.</translation>
    </message>
    <message>
        <source>{} acknowledged a later stream of this desk&apos;s journal than it holds</source>
        <translation>{} 데스크가 이 데스크에 있는 것보다 나중의 기록 스트림을 받았다고 확인함</translation>
    </message>
    <message>
        <source>{} acknowledged position #{} of this desk&apos;s journal, which this desk does not have</source>
        <translation>{} 데스크가 이 데스크 기록의 #{} 위치까지 받았다고 확인했으나 이 데스크에는 그 위치가 없음</translation>
    </message>
    <message>
        <source>{} holds {} entries made on this desk, which has {} of them</source>
        <translation>{} 데스크가 이 데스크에서 만든 기록 {}건을 가지고 있으나 이 데스크에는 {}건뿐임</translation>
    </message>
    <message>
        <source>this desk&apos;s journal lacks position #{}, which it had sent (restored from an older backup)</source>
        <translation>이 데스크가 보냈던 기록 #{} 위치가 이 데스크에 없음 (이전 백업에서 복원됨)</translation>
    </message>
    <message>
        <source>False acknowledgement refused {}: {}. This desk&apos;s journal still holds all it has sent: that desk&apos;s key may be misused; revoke it.</source>
        <translation>거짓 수신 확인 거부 {}: {}. 이 데스크는 보낸 기록을 모두 그대로 가지고 있습니다. 그 데스크의 키가 악용되었을 수 있으니 신뢰를 철회하십시오.</translation>
    </message>
    <message>
        <source>Restore noticed {}: {}.</source>
        <translation>백업 복원 감지 {}: {}.</translation>
    </message>
    <message>
        <source>{} from {}</source>
        <translation>{1}에서 {0}건</translation>
    </message>
    <message>
        <source>Entries made on this desk taken back since: {}.</source>
        <translation>그 뒤 되돌려받은 이 데스크의 기록: {}.</translation>
    </message>
    <message>
        <source>Entries made on this desk taken back from peers: {}.</source>
        <translation>다른 데스크에서 되돌려받은 이 데스크의 기록: {}.</translation>
    </message>
    <message>
        <source>If this desk was not restored from a backup, check whether that desk&apos;s key is misused (revoke it) and any entries taken back.</source>
        <translation>이 데스크를 백업에서 복원한 적이 없다면 그 데스크의 키가 악용되었는지 점검하고(신뢰 철회), 되돌려받은 기록이 있으면 확인하십시오.</translation>
    </message>
    <message>
        <source>The OS keyring works on this computer ({}): the private key will be kept there.</source>
        <translation>이 컴퓨터에서 운영체제 키링을 쓸 수 있습니다({}): 개인 키를 그곳에 보관합니다.</translation>
    </message>
    <message>
        <source>No OS keyring works on this computer: the private key will be kept in a file protected by a passphrase that you choose.</source>
        <translation>이 컴퓨터에서는 운영체제 키링을 쓸 수 없습니다: 개인 키는 직접 정한 암호 문구로 보호되는 파일에 보관합니다.</translation>
    </message>
    <message>
        <source>Export this desk&apos;s public key</source>
        <translation>이 데스크의 공개 키 내보내기</translation>
    </message>
    <message>
        <source>Public key files (*.cdkey)</source>
        <translation>공개 키 파일 (*.cdkey)</translation>
    </message>
    <message>
        <source>Public key written to {}. Hand it to the other desk, then read the fingerprint aloud together.</source>
        <translation>공개 키를 {}에 저장했습니다. 상대 데스크에 전달한 뒤 함께 지문을 소리 내어 읽으십시오.</translation>
    </message>
    <message>
        <source>Enrol another desk</source>
        <translation>다른 데스크 등록</translation>
    </message>
    <message>
        <source>Stop trusting {}</source>
        <translation>{} 신뢰 철회</translation>
    </message>
    <message>
        <source>Packets from {} will be refused. Why?</source>
        <translation>{}에서 온 패킷은 거부됩니다. 사유를 입력하십시오.</translation>
    </message>
    <message>
        <source>This desk</source>
        <translation>이 데스크</translation>
    </message>
    <message>
        <source>Trusted desks</source>
        <translation>신뢰하는 데스크</translation>
    </message>
    <message>
        <source>&amp;Initialise this desk…</source>
        <translation>이 데스크 초기화(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Unlock key…</source>
        <translation>키 잠금 해제(&amp;U)…</translation>
    </message>
    <message>
        <source>E&amp;xport public key…</source>
        <translation>공개 키 내보내기(&amp;X)…</translation>
    </message>
    <message>
        <source>&amp;Enrol a desk from its key file…</source>
        <translation>키 파일로 데스크 등록(&amp;E)…</translation>
    </message>
    <message>
        <source>Re&amp;voke…</source>
        <translation>신뢰 철회(&amp;V)…</translation>
    </message>
    <message>
        <source>Fingerprint of this desk</source>
        <translation>이 데스크의 지문</translation>
    </message>
    <message>
        <source>Read aloud on the phone when the other desk enrols this one</source>
        <translation>상대 데스크가 이 데스크를 등록할 때 전화로 읽어 주십시오</translation>
    </message>
    <message>
        <source>Exchange with each desk (sent again by itself when not acknowledged):</source>
        <translation>데스크별 교환 현황 (수신 확인이 없으면 자동으로 다시 보냅니다):</translation>
    </message>
    <message>
        <source>Exchange with each desk</source>
        <translation>데스크별 교환 현황</translation>
    </message>
</context>
<context>
    <name>FolderBox</name>
    <message>
        <source>No exchange folder chosen yet.</source>
        <translation>교환 폴더를 아직 고르지 않았습니다.</translation>
    </message>
    <message>
        <source>Watched every {} s while the window is open</source>
        <translation>창이 열려 있는 동안 {}초마다 확인</translation>
    </message>
    <message>
        <source>Not watched (turn the watch on in Settings)</source>
        <translation>자동 확인 꺼짐 (설정에서 켜기)</translation>
    </message>
    <message>
        <source>State: &lt;b style=&apos;color:{}&apos;&gt;{}&lt;/b&gt;</source>
        <translation>상태: &lt;b style=&apos;color:{}&apos;&gt;{}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>처리 중…</translation>
    </message>
    <message>
        <source>{} imported, {} refused, {} waiting</source>
        <translation>가져옴 {}, 거부 {}, 대기 {}</translation>
    </message>
    <message>
        <source>written for: {}</source>
        <translation>보낼 패킷 작성: {}</translation>
    </message>
    <message>
        <source>Nothing new in either direction.</source>
        <translation>주고받을 새 내용이 없습니다.</translation>
    </message>
    <message>
        <source>Exchange folder</source>
        <translation>교환 폴더</translation>
    </message>
    <message>
        <source>Import packet files</source>
        <translation>패킷 파일 가져오기</translation>
    </message>
    <message>
        <source>CrisisDesk packets (*.cdpkt)</source>
        <translation>CrisisDesk 패킷 (*.cdpkt)</translation>
    </message>
    <message>
        <source>Incoming ({})</source>
        <translation>받을 패킷 ({})</translation>
    </message>
    <message>
        <source>Outgoing ({})</source>
        <translation>보낼 패킷 ({})</translation>
    </message>
    <message>
        <source>Imported ({})</source>
        <translation>가져온 패킷 ({})</translation>
    </message>
    <message>
        <source>Rejected ({})</source>
        <translation>거부된 패킷 ({})</translation>
    </message>
    <message>
        <source>C&amp;hoose folder…</source>
        <translation>폴더 선택(&amp;H)…</translation>
    </message>
    <message>
        <source>&amp;Sync now</source>
        <translation>지금 동기화(&amp;S)</translation>
    </message>
    <message>
        <source>Import the packets addressed to this desk, then write a packet for every desk that has something new</source>
        <translation>이 데스크 앞으로 온 패킷을 가져온 뒤, 새 내용이 있는 데스크마다 패킷을 작성합니다</translation>
    </message>
    <message>
        <source>&amp;Import packet files…</source>
        <translation>패킷 파일 가져오기(&amp;I)…</translation>
    </message>
    <message>
        <source>&lt;b&gt;Last round&lt;/b&gt; (each packet: imported, already here, waiting, refused and why)</source>
        <translation>&lt;b&gt;최근 처리 결과&lt;/b&gt; (패킷별: 가져옴, 이미 있음, 대기, 거부와 사유)</translation>
    </message>
    <message>
        <source>Outcome of each packet</source>
        <translation>패킷별 처리 결과</translation>
    </message>
    <message>
        <source>Packets in the folder</source>
        <translation>폴더의 패킷</translation>
    </message>
    <message>
        <source>Packets waiting for this desk</source>
        <translation>이 데스크가 받을 패킷</translation>
    </message>
    <message>
        <source>Packets written by this desk</source>
        <translation>이 데스크가 작성한 패킷</translation>
    </message>
    <message>
        <source>Imported packets</source>
        <translation>가져온 패킷</translation>
    </message>
    <message>
        <source>Refused packets</source>
        <translation>거부된 패킷</translation>
    </message>
    <message>
        <source>Sync in progress</source>
        <translation>동기화 중</translation>
    </message>
</context>
<context>
    <name>GroupWorkbook</name>
    <message>
        <source>Save the group inventory template</source>
        <translation>그룹 현황 서식 저장</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>엑셀 통합문서 (*.xlsx)</translation>
    </message>
    <message>
        <source>Template not written</source>
        <translation>서식을 저장하지 못했습니다</translation>
    </message>
    <message>
        <source>Import a group inventory workbook</source>
        <translation>그룹 현황 엑셀 가져오기</translation>
    </message>
    <message>
        <source>Write the group file</source>
        <translation>그룹 파일 저장</translation>
    </message>
    <message>
        <source>Group files (*.yaml *.yml)</source>
        <translation>그룹 파일 (*.yaml *.yml)</translation>
    </message>
    <message>
        <source>Group inventory not imported</source>
        <translation>그룹 현황을 가져오지 못했습니다</translation>
    </message>
    <message>
        <source>Group file written</source>
        <translation>그룹 파일 작성 완료</translation>
    </message>
    <message>
        <source>{} written: {} affiliates, {} services, {} providers.</source>
        <translation>{} 작성: 계열사 {}개, 서비스 {}개, 기관 {}개.</translation>
    </message>
    <message>
        <source>Load it into this desk now? (Events already open keep the group they were activated with.)</source>
        <translation>지금 이 데스크에 불러오시겠습니까? (이미 열린 사건은 발령 당시의 그룹 파일을 그대로 씁니다.)</translation>
    </message>
</context>
<context>
    <name>ImpactForm</name>
    <message>
        <source>not answered yet</source>
        <translation>아직 응답 없음</translation>
    </message>
    <message>
        <source>revision {} · {} · {}</source>
        <translation>수정 {}회 · {} · {}</translation>
    </message>
    <message>
        <source>History ({})</source>
        <translation>이력 ({})</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>저장</translation>
    </message>
    <message>
        <source>Save {}</source>
        <translation>{} 저장</translation>
    </message>
    <message>
        <source>History of {}</source>
        <translation>{} 이력</translation>
    </message>
</context>
<context>
    <name>InitDialog</name>
    <message>
        <source>Initialise this desk for the exchange</source>
        <translation>교환용 데스크 초기화</translation>
    </message>
    <message>
        <source>Group crisis desk</source>
        <translation>그룹 위기대응 데스크</translation>
    </message>
    <message>
        <source>Affiliate desk</source>
        <translation>계열사 데스크</translation>
    </message>
    <message>
        <source>In the OS &amp;keyring</source>
        <translation>운영체제 키링에(&amp;K)</translation>
    </message>
    <message>
        <source>In a passphrase-protected &amp;file</source>
        <translation>암호 문구로 보호된 파일에(&amp;F)</translation>
    </message>
    <message>
        <source>The OS keyring works on this computer ({}).</source>
        <translation>이 컴퓨터에서 운영체제 키링을 쓸 수 있습니다({}).</translation>
    </message>
    <message>
        <source>No OS keyring works on this computer: keep the key in a file protected by a passphrase, and keep the file and the passphrase apart.</source>
        <translation>이 컴퓨터에서는 운영체제 키링을 쓸 수 없습니다: 키를 암호 문구로 보호된 파일에 보관하고, 파일과 암호 문구는 따로 보관하십시오.</translation>
    </message>
    <message>
        <source>Key file</source>
        <translation>키 파일</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>선택(&amp;H)…</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>역할(&amp;R):</translation>
    </message>
    <message>
        <source>&amp;Affiliate:</source>
        <translation>계열사(&amp;A):</translation>
    </message>
    <message>
        <source>&amp;Group id:</source>
        <translation>그룹 ID(&amp;G):</translation>
    </message>
    <message>
        <source>Private key:</source>
        <translation>개인 키:</translation>
    </message>
    <message>
        <source>Key &amp;file:</source>
        <translation>키 파일(&amp;F):</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>암호 문구(&amp;P):</translation>
    </message>
    <message>
        <source>Repeat passphr&amp;ase:</source>
        <translation>암호 문구 확인(&amp;A):</translation>
    </message>
    <message>
        <source>Key files (*.key)</source>
        <translation>키 파일 (*.key)</translation>
    </message>
    <message>
        <source>Give the group id (no group file is loaded).</source>
        <translation>그룹 ID를 입력하십시오(그룹 파일이 없습니다).</translation>
    </message>
    <message>
        <source>Choose the affiliate of this desk.</source>
        <translation>이 데스크의 계열사를 고르십시오.</translation>
    </message>
    <message>
        <source>Choose where the key file goes.</source>
        <translation>키 파일을 저장할 곳을 고르십시오.</translation>
    </message>
    <message>
        <source>The passphrase needs at least {} characters.</source>
        <translation>암호 문구는 {}자 이상이어야 합니다.</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>두 암호 문구가 다릅니다.</translation>
    </message>
</context>
<context>
    <name>InjectDialog</name>
    <message>
        <source>DRILL — {}</source>
        <translation>모의훈련 — {}</translation>
    </message>
    <message>
        <source>&amp;Release now</source>
        <translation>지금 부여(&amp;R)</translation>
    </message>
    <message>
        <source>Release the chosen inject now, before or after its time</source>
        <translation>고른 상황을 예정 시각과 관계없이 지금 부여합니다</translation>
    </message>
    <message>
        <source>Response &amp;by:</source>
        <translation>대응 주체(&amp;B):</translation>
    </message>
    <message>
        <source>Res&amp;ponse:</source>
        <translation>대응 내용(&amp;P):</translation>
    </message>
    <message>
        <source>Record &amp;response</source>
        <translation>대응 기록(&amp;R)</translation>
    </message>
    <message>
        <source>Injects</source>
        <translation>훈련 상황</translation>
    </message>
    <message>
        <source>Drill injects</source>
        <translation>모의훈련 상황 부여</translation>
    </message>
</context>
<context>
    <name>ItemEditDialog</name>
    <message>
        <source>Edit “{}”</source>
        <translation>“{}” 편집</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>담당자</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>메모</translation>
    </message>
    <message>
        <source>&amp;Assignee:</source>
        <translation>담당자(&amp;A):</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>메모(&amp;N):</translation>
    </message>
</context>
<context>
    <name>ItemHistoryDialog</name>
    <message>
        <source>History of “{}”</source>
        <translation>“{}” 변경 이력</translation>
    </message>
    <message>
        <source>Changes of the item</source>
        <translation>항목의 변경 내역</translation>
    </message>
    <message>
        <source>Every change of the item, oldest first.</source>
        <translation>항목의 모든 변경, 오래된 순.</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>To do</source>
        <translation>할 일</translation>
    </message>
    <message>
        <source>Doing</source>
        <translation>진행 중</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>완료</translation>
    </message>
    <message>
        <source>N/A</source>
        <translation>해당 없음</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>진행 불가</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>정상</translation>
    </message>
    <message>
        <source>Degraded</source>
        <translation>저하</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>중단</translation>
    </message>
    <message>
        <source>Restored</source>
        <translation>복구</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>미제출</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>제출</translation>
    </message>
    <message>
        <source>Not required</source>
        <translation>해당 없음</translation>
    </message>
    <message>
        <source>Initial report</source>
        <translation>최초보고</translation>
    </message>
    <message>
        <source>Intermediate report</source>
        <translation>중간보고</translation>
    </message>
    <message>
        <source>Closing report</source>
        <translation>종결보고</translation>
    </message>
    <message>
        <source>Status report</source>
        <translation>현황보고</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>보고</translation>
    </message>
    <message>
        <source>Regulation</source>
        <translation>규정</translation>
    </message>
    <message>
        <source>Group target</source>
        <translation>그룹 내부 목표</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>미착수</translation>
    </message>
    <message>
        <source>Dropped</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>초안</translation>
    </message>
    <message>
        <source>Posted</source>
        <translation>게시됨</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>철회</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>홈페이지</translation>
    </message>
    <message>
        <source>App</source>
        <translation>앱</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>문자</translation>
    </message>
    <message>
        <source>Branch</source>
        <translation>영업점</translation>
    </message>
    <message>
        <source>Call centre</source>
        <translation>콜센터</translation>
    </message>
    <message>
        <source>Past RTO</source>
        <translation>RTO 초과</translation>
    </message>
    <message>
        <source>Critical at risk</source>
        <translation>핵심 위험</translation>
    </message>
    <message>
        <source>Impaired</source>
        <translation>영향 있음</translation>
    </message>
    <message>
        <source>Provider status</source>
        <translation>외부 서비스 상태</translation>
    </message>
    <message>
        <source>Complaint surge</source>
        <translation>민원 급증</translation>
    </message>
    <message>
        <source>Press enquiry</source>
        <translation>언론 문의</translation>
    </message>
    <message>
        <source>FSS data request</source>
        <translation>금감원 자료 요구</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>상황 전파</translation>
    </message>
    <message>
        <source>by the controller</source>
        <translation>통제관</translation>
    </message>
    <message>
        <source>at its time</source>
        <translation>시각 도래</translation>
    </message>
    <message>
        <source>Reached</source>
        <translation>연락됨</translation>
    </message>
    <message>
        <source>No answer</source>
        <translation>응답 없음</translation>
    </message>
    <message>
        <source>Message left</source>
        <translation>메시지 남김</translation>
    </message>
    <message>
        <source>Not called yet</source>
        <translation>미연락</translation>
    </message>
    <message>
        <source>Not signed</source>
        <translation>서명 전</translation>
    </message>
    <message>
        <source>Recovery (RTO)</source>
        <translation>복구 시간(RTO)</translation>
    </message>
    <message>
        <source>Reporting deadline</source>
        <translation>대외 보고 기한</translation>
    </message>
    <message>
        <source>Reporting (group target)</source>
        <translation>대외 보고(그룹 목표)</translation>
    </message>
    <message>
        <source>Checklist item</source>
        <translation>체크리스트 항목</translation>
    </message>
    <message>
        <source>Inject response</source>
        <translation>훈련 상황 대응</translation>
    </message>
    <message>
        <source>Met</source>
        <translation>충족</translation>
    </message>
    <message>
        <source>Missed by {}</source>
        <translation>미달 +{}</translation>
    </message>
    <message>
        <source>Not done, {} late</source>
        <translation>미완료 +{}</translation>
    </message>
    <message>
        <source>Not yet due</source>
        <translation>기한 전</translation>
    </message>
</context>
<context>
    <name>LevelDialog</name>
    <message>
        <source>Change the level</source>
        <translation>위기 단계 변경</translation>
    </message>
    <message>
        <source>&amp;Level:</source>
        <translation>단계(&amp;L):</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>사유(&amp;R):</translation>
    </message>
    <message>
        <source>Why the level changes (required)</source>
        <translation>단계 변경 사유를 입력하십시오 (필수)</translation>
    </message>
</context>
<context>
    <name>LineEditor</name>
    <message>
        <source>e.g. {}</source>
        <translation>예: {}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Board</source>
        <translation>상황판</translation>
    </message>
    <message>
        <source>Affiliates</source>
        <translation>계열사</translation>
    </message>
    <message>
        <source>Checklists</source>
        <translation>체크리스트</translation>
    </message>
    <message>
        <source>Decisions</source>
        <translation>결정 기록</translation>
    </message>
    <message>
        <source>Notices</source>
        <translation>공지·보고</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>타임라인</translation>
    </message>
    <message>
        <source>24-hour room</source>
        <translation>24시간 상황실</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>사후 검토</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>보고서</translation>
    </message>
    <message>
        <source>Playbooks</source>
        <translation>대응 매뉴얼</translation>
    </message>
    <message>
        <source>Exchange</source>
        <translation>교환</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>설정</translation>
    </message>
    <message>
        <source>Automatic backup failed</source>
        <translation>자동 백업 실패</translation>
    </message>
    <message>
        <source>Could not open the database</source>
        <translation>데이터베이스를 열 수 없습니다</translation>
    </message>
    <message>
        <source>CrisisDesk — group crisis desk</source>
        <translation>CrisisDesk — 그룹 위기대응 데스크</translation>
    </message>
    <message>
        <source>[DRILL] {}</source>
        <translation>[모의훈련] {}</translation>
    </message>
    <message>
        <source>Navigation</source>
        <translation>탐색</translation>
    </message>
    <message>
        <source>Present (F11)</source>
        <translation>발표 모드 (F11)</translation>
    </message>
    <message>
        <source>Full-screen board with large type for the projector</source>
        <translation>프로젝터용 큰 글씨 전체 화면 상황판</translation>
    </message>
    <message>
        <source>Leave presentation</source>
        <translation>발표 모드 끝내기</translation>
    </message>
    <message>
        <source>New event…</source>
        <translation>새 사건…</translation>
    </message>
</context>
<context>
    <name>MoveDutyDialog</name>
    <message>
        <source>Move the deadline</source>
        <translation>보고 기한 변경</translation>
    </message>
    <message>
        <source>&amp;New deadline:</source>
        <translation>새 기한(&amp;N):</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>사유(&amp;R):</translation>
    </message>
    <message>
        <source>e.g. agreed with the FSS (required)</source>
        <translation>예: 금융감독원과 협의(필수)</translation>
    </message>
</context>
<context>
    <name>NoticesPanel</name>
    <message>
        <source>Withdraw notice</source>
        <translation>공지 철회</translation>
    </message>
    <message>
        <source>Why is the notice withdrawn?</source>
        <translation>공지 철회 사유를 입력하십시오.</translation>
    </message>
    <message>
        <source>Report submitted</source>
        <translation>보고 제출</translation>
    </message>
    <message>
        <source>Reference of the submitted report (receipt number):</source>
        <translation>제출한 보고의 접수번호:</translation>
    </message>
    <message>
        <source>Report not required</source>
        <translation>보고 불필요</translation>
    </message>
    <message>
        <source>Why is this report not required?</source>
        <translation>보고가 필요 없는 사유를 입력하십시오.</translation>
    </message>
    <message>
        <source>Customer notices</source>
        <translation>고객 공지</translation>
    </message>
    <message>
        <source>Regulator reporting duties</source>
        <translation>감독당국 보고 의무</translation>
    </message>
    <message>
        <source>External alert levels</source>
        <translation>외부 경보 단계</translation>
    </message>
    <message>
        <source>&amp;Affiliate:</source>
        <translation>계열사(&amp;A):</translation>
    </message>
    <message>
        <source>&amp;Template:</source>
        <translation>양식(&amp;T):</translation>
    </message>
    <message>
        <source>C&amp;hannel:</source>
        <translation>채널(&amp;H):</translation>
    </message>
    <message>
        <source>&amp;Issuer:</source>
        <translation>발령 기관(&amp;I):</translation>
    </message>
    <message>
        <source>&amp;Level:</source>
        <translation>단계(&amp;L):</translation>
    </message>
    <message>
        <source>N&amp;ote:</source>
        <translation>메모(&amp;O):</translation>
    </message>
    <message>
        <source>&amp;Compose from template</source>
        <translation>양식으로 작성(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Save wording</source>
        <translation>문안 저장(&amp;S)</translation>
    </message>
    <message>
        <source>Mark &amp;posted</source>
        <translation>게시 완료 표시(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Withdraw…</source>
        <translation>철회(&amp;W)…</translation>
    </message>
    <message>
        <source>Su&amp;bmitted…</source>
        <translation>제출 완료(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Not required…</source>
        <translation>보고 불필요(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Move deadline…</source>
        <translation>기한 변경(&amp;M)…</translation>
    </message>
    <message>
        <source>&amp;Record alert</source>
        <translation>경보 기록(&amp;R)</translation>
    </message>
    <message>
        <source>Notice title</source>
        <translation>공지 제목</translation>
    </message>
    <message>
        <source>Notice text</source>
        <translation>공지 본문</translation>
    </message>
    <message>
        <source>Reporting duties</source>
        <translation>보고 의무</translation>
    </message>
    <message>
        <source>External alerts</source>
        <translation>외부 경보</translation>
    </message>
    <message>
        <source>e.g. MOIS</source>
        <translation>예: 행정안전부</translation>
    </message>
    <message>
        <source>e.g. 경계</source>
        <translation>예: 경계</translation>
    </message>
</context>
<context>
    <name>Outlook</name>
    <message>
        <source>+{} h</source>
        <translation>+{}시간</translation>
    </message>
</context>
<context>
    <name>OutlookBox</name>
    <message>
        <source>&amp;Horizon:</source>
        <translation>시점(&amp;H):</translation>
    </message>
    <message>
        <source>E&amp;xpected:</source>
        <translation>예상(&amp;X):</translation>
    </message>
    <message>
        <source>N&amp;eeds:</source>
        <translation>필요 사항(&amp;E):</translation>
    </message>
    <message>
        <source>Sa&amp;ve outlook</source>
        <translation>전망 저장(&amp;V)</translation>
    </message>
    <message>
        <source>Council outlook</source>
        <translation>협의회 전망</translation>
    </message>
    <message>
        <source>e.g. card payments back; branches on paper</source>
        <translation>예: 카드 결제 복구, 영업점은 수기 처리</translation>
    </message>
    <message>
        <source>e.g. staff for the call centre</source>
        <translation>예: 콜센터 인력 지원</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <source>Unlock the desk key</source>
        <translation>데스크 키 잠금 해제</translation>
    </message>
    <message>
        <source>This desk&apos;s private key is in the encrypted file
{}
Give its passphrase to sign packets while this window is open.</source>
        <translation>이 데스크의 개인 키는 암호화된 파일
{}
에 있습니다. 이 창이 열려 있는 동안 패킷에 서명하려면 암호 문구를 입력하십시오.</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>암호 문구(&amp;P):</translation>
    </message>
</context>
<context>
    <name>PlaybooksPanel</name>
    <message>
        <source>Levels: {}</source>
        <translation>위기 단계: {}</translation>
    </message>
    <message>
        <source>Checklists: {} with {} items</source>
        <translation>체크리스트: {}개, 항목 {}개</translation>
    </message>
    <message>
        <source>Impact questions: {}</source>
        <translation>영향 평가 질문: {}개</translation>
    </message>
    <message>
        <source>Notice templates: {} · reporting duties: {}</source>
        <translation>공지 양식: {}개 · 보고 의무: {}개</translation>
    </message>
    <message>
        <source>Problems (file:line:column):</source>
        <translation>문제 (파일:줄:열):</translation>
    </message>
    <message>
        <source>Import a playbook</source>
        <translation>대응 매뉴얼 가져오기</translation>
    </message>
    <message>
        <source>Playbooks (*.yaml *.yml)</source>
        <translation>대응 매뉴얼 (*.yaml *.yml)</translation>
    </message>
    <message>
        <source>Playbook not imported</source>
        <translation>대응 매뉴얼을 가져오지 못했습니다</translation>
    </message>
    <message>
        <source>&amp;Import playbook…</source>
        <translation>매뉴얼 가져오기(&amp;I)…</translation>
    </message>
    <message>
        <source>The file is validated first, then copied into your playbooks folder</source>
        <translation>파일을 먼저 검증한 뒤 내 매뉴얼 폴더로 복사합니다</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>다시 읽기(&amp;R)</translation>
    </message>
    <message>
        <source>Your playbooks: {}</source>
        <translation>내 매뉴얼 폴더: {}</translation>
    </message>
    <message>
        <source>Playbook library</source>
        <translation>대응 매뉴얼 목록</translation>
    </message>
    <message>
        <source>Playbook summary and problems</source>
        <translation>매뉴얼 요약과 문제</translation>
    </message>
    <message>
        <source>Playbook file, read-only</source>
        <translation>매뉴얼 파일 (읽기 전용)</translation>
    </message>
</context>
<context>
    <name>ProviderDialog</name>
    <message>
        <source>&amp;Save change</source>
        <translation>변경 저장(&amp;S)</translation>
    </message>
    <message>
        <source>Provider states</source>
        <translation>외부 연계 상태</translation>
    </message>
    <message>
        <source>&amp;Provider:</source>
        <translation>외부 연계(&amp;P):</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>상태(&amp;S):</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>메모(&amp;N):</translation>
    </message>
    <message>
        <source>&lt;b&gt;Current state&lt;/b&gt; (normal: never marked in this event)</source>
        <translation>&lt;b&gt;현재 상태&lt;/b&gt; (정상: 이 사건에서 표시된 적 없음)</translation>
    </message>
    <message>
        <source>External providers</source>
        <translation>외부 연계</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>찾는 위치(&amp;L):</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>파일 형식(&amp;T):</translation>
    </message>
</context>
<context>
    <name>ReportsPanel</name>
    <message>
        <source>{} pages · fingerprint {}</source>
        <translation>{}쪽 · 지문 {}</translation>
    </message>
    <message>
        <source>Report #{} is {}.</source>
        <translation>상황보고서 제{}호: {}.</translation>
    </message>
    <message>
        <source>a draft</source>
        <translation>초안</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>결재 완료</translation>
    </message>
    <message>
        <source>issued</source>
        <translation>발행됨</translation>
    </message>
    <message>
        <source>Reading the desk…</source>
        <translation>데스크 자료를 읽는 중…</translation>
    </message>
    <message>
        <source>Rendering…</source>
        <translation>PDF 만드는 중…</translation>
    </message>
    <message>
        <source>Drafting the next situation report…</source>
        <translation>다음 상황보고서 초안 작성 중…</translation>
    </message>
    <message>
        <source>Issue report #{}</source>
        <translation>상황보고서 제{}호 발행</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Issuing report #{}…</source>
        <translation>상황보고서 제{}호 발행 중…</translation>
    </message>
    <message>
        <source>Reprinting report #{}…</source>
        <translation>상황보고서 제{}호 재출력 중…</translation>
    </message>
    <message>
        <source>Editable draft of report #{}</source>
        <translation>상황보고 제{}호 편집용 초안</translation>
    </message>
    <message>
        <source>Hangul document (*.hwpx);;Word document (*.docx)</source>
        <translation>한글 문서 (*.hwpx);;Word 문서 (*.docx)</translation>
    </message>
    <message>
        <source>Executive brief of report #{}</source>
        <translation>상황보고 제{}호 회장 보고 요약</translation>
    </message>
    <message>
        <source>PDF (*.pdf);;Hangul document (*.hwpx);;Word document (*.docx)</source>
        <translation>PDF (*.pdf);;한글 문서 (*.hwpx);;Word 문서 (*.docx)</translation>
    </message>
    <message>
        <source>Writing {}…</source>
        <translation>{} 저장 중…</translation>
    </message>
    <message>
        <source>Saved an editable draft of report #{} ({}): {}. The issued PDF stays the record.</source>
        <translation>상황보고 제{}호 편집용 초안({})을 저장했습니다: {}. 기록은 발행된 PDF입니다.</translation>
    </message>
    <message>
        <source>Saved the executive brief of report #{} ({}): {}.</source>
        <translation>상황보고 제{}호 회장 보고 요약({})을 저장했습니다: {}.</translation>
    </message>
    <message>
        <source>Save PDF</source>
        <translation>PDF 저장</translation>
    </message>
    <message>
        <source>Saved to {}</source>
        <translation>저장됨: {}</translation>
    </message>
    <message>
        <source>Export to Excel</source>
        <translation>엑셀로 내보내기</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>엑셀 통합문서 (*.xlsx)</translation>
    </message>
    <message>
        <source>Writing the workbook…</source>
        <translation>통합문서를 쓰는 중…</translation>
    </message>
    <message>
        <source>Workbook saved to {}</source>
        <translation>통합문서를 {}에 저장했습니다</translation>
    </message>
    <message>
        <source>All affiliates</source>
        <translation>전체 계열사</translation>
    </message>
    <message>
        <source>Situation report (preview)</source>
        <translation>상황보고서 (미리보기)</translation>
    </message>
    <message>
        <source>Executive brief</source>
        <translation>회장 보고 요약</translation>
    </message>
    <message>
        <source>Paper checklists</source>
        <translation>수기 점검표</translation>
    </message>
    <message>
        <source>&amp;Report:</source>
        <translation>보고서(&amp;R):</translation>
    </message>
    <message>
        <source>Lan&amp;guage:</source>
        <translation>언어(&amp;G):</translation>
    </message>
    <message>
        <source>A&amp;ffiliate:</source>
        <translation>계열사(&amp;F):</translation>
    </message>
    <message>
        <source>&amp;Blank boxes (to fill in by hand)</source>
        <translation>빈 칸으로(&amp;B) (손으로 기입)</translation>
    </message>
    <message>
        <source>Preview and print</source>
        <translation>미리보기와 인쇄</translation>
    </message>
    <message>
        <source>Numbered situation reports (draft → approve → issue)</source>
        <translation>번호 붙은 상황보고서 (초안 → 결재 → 발행)</translation>
    </message>
    <message>
        <source>&amp;Preview</source>
        <translation>미리보기(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Draft next report</source>
        <translation>다음 보고서 초안(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Approve (chair)</source>
        <translation>결재(의장)(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Issue…</source>
        <translation>발행(&amp;I)…</translation>
    </message>
    <message>
        <source>R&amp;eprint</source>
        <translation>재출력(&amp;E)</translation>
    </message>
    <message>
        <source>Editable draft (HWPX/DOCX)…</source>
        <translation>편집용 초안(HWPX/DOCX)…</translation>
    </message>
    <message>
        <source>The report&apos;s body for the office to edit before 결재; recorded as a draft, never as the issued report</source>
        <translation>결재 전에 문구를 고칠 수 있는 보고서 본문입니다. 대장에는 편집용 초안으로만 기록되며 발행본이 아닙니다</translation>
    </message>
    <message>
        <source>E&amp;xecutive brief…</source>
        <translation>회장 보고 요약(&amp;X)…</translation>
    </message>
    <message>
        <source>&amp;Save PDF…</source>
        <translation>PDF 저장(&amp;S)…</translation>
    </message>
    <message>
        <source>Prin&amp;t…</source>
        <translation>인쇄(&amp;T)…</translation>
    </message>
    <message>
        <source>E&amp;xport to Excel…</source>
        <translation>엑셀로 내보내기(&amp;X)…</translation>
    </message>
    <message>
        <source>Checklists per affiliate, decisions, actions, reporting duties and the timeline as an Excel workbook (XLSX), as of now</source>
        <translation>계열사별 점검표, 결정, 조치, 보고 의무, 타임라인을 현재 시각 기준 엑셀 통합문서(XLSX)로 저장합니다</translation>
    </message>
    <message>
        <source>Report register</source>
        <translation>보고서 대장</translation>
    </message>
    <message>
        <source>Report preview</source>
        <translation>보고서 미리보기</translation>
    </message>
    <message>
        <source>Rendering progress</source>
        <translation>PDF 작성 진행률</translation>
    </message>
</context>
<context>
    <name>ReviewPanel</name>
    <message>
        <source>No event shown.</source>
        <translation>표시된 사건이 없습니다.</translation>
    </message>
    <message>
        <source>Drill result</source>
        <translation>훈련 결과</translation>
    </message>
    <message>
        <source>After-action review</source>
        <translation>사후 검토</translation>
    </message>
    <message>
        <source>&lt;b&gt;{}&lt;/b&gt;: {} targets measured, &lt;b style=&apos;color:#c01818&apos;&gt;{} missed&lt;/b&gt;</source>
        <translation>&lt;b&gt;{}&lt;/b&gt;: 측정 목표 {}건, &lt;b style=&apos;color:#c01818&apos;&gt;미달 {}건&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Save the review</source>
        <translation>검토 보고서 저장</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Rendering…</source>
        <translation>작성 중…</translation>
    </message>
    <message>
        <source>PDF (*.pdf);;Excel workbook (*.xlsx)</source>
        <translation>PDF (*.pdf);;엑셀 통합 문서 (*.xlsx)</translation>
    </message>
    <message>
        <source>Saved to {} ({} pages)</source>
        <translation>저장: {} ({}쪽)</translation>
    </message>
    <message>
        <source>Save the drill register</source>
        <translation>모의훈련 실시 대장 저장</translation>
    </message>
    <message>
        <source>&amp;Write report (PDF)…</source>
        <translation>보고서 작성(PDF)(&amp;W)…</translation>
    </message>
    <message>
        <source>The drill result report for a drill, the after-action review for a real event</source>
        <translation>모의훈련은 훈련 결과 보고서, 실제 사건은 사후 검토 보고서</translation>
    </message>
    <message>
        <source>Drill register &amp;year:</source>
        <translation>훈련 대장 연도(&amp;Y):</translation>
    </message>
    <message>
        <source>Drill &amp;register (PDF)…</source>
        <translation>모의훈련 실시 대장(PDF)(&amp;R)…</translation>
    </message>
    <message>
        <source>&lt;b&gt;Measured targets&lt;/b&gt; (misses first)</source>
        <translation>&lt;b&gt;측정 목표&lt;/b&gt; (미달 먼저)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Findings&lt;/b&gt;</source>
        <translation>&lt;b&gt;발견 사항&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Add &amp;finding</source>
        <translation>발견 사항 추가(&amp;F)</translation>
    </message>
    <message>
        <source>New finding</source>
        <translation>새 발견 사항</translation>
    </message>
    <message>
        <source>A finding of the review (what went wrong or well)</source>
        <translation>검토에서 발견한 사항(잘못된 점·잘된 점)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Corrective actions&lt;/b&gt; of every event, tracked until done</source>
        <translation>&lt;b&gt;개선 조치&lt;/b&gt; (모든 사건, 완료까지 추적)</translation>
    </message>
    <message>
        <source>&amp;Action:</source>
        <translation>조치(&amp;A):</translation>
    </message>
    <message>
        <source>O&amp;wner:</source>
        <translation>담당(&amp;W):</translation>
    </message>
    <message>
        <source>D&amp;ue:</source>
        <translation>기한(&amp;U):</translation>
    </message>
    <message>
        <source>Add a&amp;ction</source>
        <translation>조치 추가(&amp;C)</translation>
    </message>
    <message>
        <source>Doing</source>
        <translation>진행 중</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>완료</translation>
    </message>
    <message>
        <source>Dropped</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Measured targets</source>
        <translation>측정 목표</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>발견 사항</translation>
    </message>
    <message>
        <source>Corrective actions</source>
        <translation>개선 조치</translation>
    </message>
</context>
<context>
    <name>RoomPanel</name>
    <message>
        <source>Shift handover</source>
        <translation>근무 교대 인계</translation>
    </message>
    <message>
        <source>Roll-call (contact tree)</source>
        <translation>비상연락망 점검</translation>
    </message>
    <message>
        <source>No open event. The 24-hour room works on the event shown.</source>
        <translation>진행 중인 사건이 없습니다. 24시간 상황실은 표시된 사건에서 운영합니다.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Handover brief&lt;/b&gt;: changes since the last handover, open actions, next deadlines (12 hours)</source>
        <translation>&lt;b&gt;인계 요약&lt;/b&gt;: 직전 인계 이후 변경 사항, 미결 조치, 다음 기한(12시간 이내)</translation>
    </message>
    <message>
        <source>&amp;Outgoing lead:</source>
        <translation>인계자(&amp;O):</translation>
    </message>
    <message>
        <source>&amp;Incoming lead:</source>
        <translation>인수자(&amp;I):</translation>
    </message>
    <message>
        <source>&amp;Prepare handover</source>
        <translation>인계서 작성(&amp;P)</translation>
    </message>
    <message>
        <source>Record the brief as it stands for the two leads to sign</source>
        <translation>현재 요약을 인계서로 기록합니다(인계자·인수자 서명 필요)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Handovers&lt;/b&gt; (each signed by the outgoing and the incoming lead)</source>
        <translation>&lt;b&gt;근무 교대 인계&lt;/b&gt; (인계자·인수자 서명)</translation>
    </message>
    <message>
        <source>Signing &amp;lead:</source>
        <translation>서명자(&amp;L):</translation>
    </message>
    <message>
        <source>Sign as &amp;outgoing</source>
        <translation>인계자 서명(&amp;O)</translation>
    </message>
    <message>
        <source>Sign as &amp;incoming</source>
        <translation>인수자 서명(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>제목(&amp;T):</translation>
    </message>
    <message>
        <source>&amp;Start roll-call</source>
        <translation>점검 시작(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Roll-call:</source>
        <translation>점검(&amp;R):</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>메모(&amp;N):</translation>
    </message>
    <message>
        <source>&amp;Reached</source>
        <translation>연락됨(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Deputy reached</source>
        <translation>대리인 연락됨(&amp;D)</translation>
    </message>
    <message>
        <source>No &amp;answer</source>
        <translation>응답 없음(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Message left</source>
        <translation>메시지 남김(&amp;M)</translation>
    </message>
    <message>
        <source>Handovers</source>
        <translation>근무 교대 인계</translation>
    </message>
    <message>
        <source>Contacts of the roll-call</source>
        <translation>점검 대상 연락처</translation>
    </message>
    <message>
        <source>Handover brief</source>
        <translation>인계 요약</translation>
    </message>
</context>
<context>
    <name>ServiceCorrection</name>
    <message>
        <source>Choose a service above</source>
        <translation>위에서 서비스를 고르십시오</translation>
    </message>
    <message>
        <source>S&amp;tatus:</source>
        <translation>상태(&amp;T):</translation>
    </message>
    <message>
        <source>N&amp;ote:</source>
        <translation>메모(&amp;O):</translation>
    </message>
    <message>
        <source>Confirm / &amp;correct</source>
        <translation>확인 / 정정(&amp;C)</translation>
    </message>
    <message>
        <source>Record this status for the service; it replaces the one derived from the providers</source>
        <translation>이 서비스의 상태로 기록합니다; 외부 연계 상태에서 도출된 값 대신 쓰입니다</translation>
    </message>
</context>
<context>
    <name>ServicesEditor</name>
    <message>
        <source>Status of {}</source>
        <translation>{} 상태</translation>
    </message>
    <message>
        <source>Note on {}</source>
        <translation>{} 메모</translation>
    </message>
    <message>
        <source>note</source>
        <translation>메모</translation>
    </message>
</context>
<context>
    <name>SettingsPanel</name>
    <message>
        <source>Template saved to {}</source>
        <translation>서식을 {}에 저장했습니다</translation>
    </message>
    <message>
        <source>Group file written to {}</source>
        <translation>그룹 파일을 {}에 작성했습니다</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(없음)</translation>
    </message>
    <message>
        <source>Open or create a desk database</source>
        <translation>데스크 데이터베이스 열기 또는 만들기</translation>
    </message>
    <message>
        <source>Desk databases (*.sqlite)</source>
        <translation>데스크 데이터베이스 (*.sqlite)</translation>
    </message>
    <message>
        <source>Group file</source>
        <translation>그룹 파일</translation>
    </message>
    <message>
        <source>Group files (*.yaml *.yml)</source>
        <translation>그룹 파일 (*.yaml *.yml)</translation>
    </message>
    <message>
        <source>Exchange folder</source>
        <translation>교환 폴더</translation>
    </message>
    <message>
        <source>Backup failed</source>
        <translation>백업 실패</translation>
    </message>
    <message>
        <source>{} backups; latest: {}</source>
        <translation>백업 {}개, 최근: {}</translation>
    </message>
    <message>
        <source>No backup yet. One is taken when the desk opens and every {} minutes while an event is open.</source>
        <translation>아직 백업이 없습니다. 데스크를 열 때, 그리고 사건이 진행 중이면 {}분마다 백업합니다.</translation>
    </message>
    <message>
        <source>Interface</source>
        <translation>화면</translation>
    </message>
    <message>
        <source>This desk</source>
        <translation>이 데스크</translation>
    </message>
    <message>
        <source>Desk-to-desk exchange</source>
        <translation>데스크 간 자료 교환</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>백업</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>언어(&amp;L):</translation>
    </message>
    <message>
        <source>My &amp;role (for “Mine”):</source>
        <translation>내 역할(&amp;R) (“내 담당” 필터):</translation>
    </message>
    <message>
        <source>Desk id:</source>
        <translation>데스크 ID:</translation>
    </message>
    <message>
        <source>&amp;Name recorded as author:</source>
        <translation>기록될 작성자 이름(&amp;N):</translation>
    </message>
    <message>
        <source>Data file:</source>
        <translation>데이터 파일:</translation>
    </message>
    <message>
        <source>Group inventory (Excel):</source>
        <translation>그룹 현황(엑셀):</translation>
    </message>
    <message>
        <source>E&amp;xchange folder:</source>
        <translation>교환 폴더(&amp;X):</translation>
    </message>
    <message>
        <source>&amp;Watch the folder:</source>
        <translation>폴더 자동 확인(&amp;W):</translation>
    </message>
    <message>
        <source>State:</source>
        <translation>상태:</translation>
    </message>
    <message>
        <source>&amp;Keep the last:</source>
        <translation>보관 개수(&amp;K):</translation>
    </message>
    <message>
        <source>A&amp;pply</source>
        <translation>적용(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Open another database…</source>
        <translation>다른 데이터베이스 열기(&amp;O)…</translation>
    </message>
    <message>
        <source>Load &amp;group file…</source>
        <translation>그룹 파일 불러오기(&amp;G)…</translation>
    </message>
    <message>
        <source>&amp;Import workbook into a group file…</source>
        <translation>엑셀을 그룹 파일로 가져오기(&amp;I)…</translation>
    </message>
    <message>
        <source>Reads a filled group inventory workbook (XLSX), checks it like a group file and writes the group file (YAML)</source>
        <translation>작성한 그룹 현황 엑셀(XLSX)을 읽어 그룹 파일과 같은 규칙으로 검사한 뒤 그룹 파일(YAML)로 씁니다</translation>
    </message>
    <message>
        <source>Save &amp;template…</source>
        <translation>서식 저장(&amp;T)…</translation>
    </message>
    <message>
        <source>The group inventory workbook to fill in, filled with the group loaded in this desk</source>
        <translation>작성할 그룹 현황 엑셀 서식 (이 데스크에 불러온 그룹으로 채워짐)</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>선택(&amp;H)…</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>지금 백업(&amp;B)</translation>
    </message>
    <message>
        <source> backups, one every</source>
        <translation>개 보관, 백업 간격</translation>
    </message>
    <message>
        <source> min while an event is open</source>
        <translation>분 (사건 진행 중)</translation>
    </message>
    <message>
        <source>Backups kept</source>
        <translation>보관할 백업 수</translation>
    </message>
    <message>
        <source>Minutes between automatic backups</source>
        <translation>자동 백업 간격(분)</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>언어</translation>
    </message>
    <message>
        <source>My role</source>
        <translation>내 역할</translation>
    </message>
    <message>
        <source>Author name</source>
        <translation>작성자 이름</translation>
    </message>
    <message>
        <source>shared folder or USB stick; empty: not used</source>
        <translation>공유 폴더 또는 USB; 비우면 사용 안 함</translation>
    </message>
    <message>
        <source>sync while the window is open, every</source>
        <translation>창이 열려 있는 동안 동기화, 간격</translation>
    </message>
    <message>
        <source> s</source>
        <translation>초</translation>
    </message>
    <message>
        <source>Seconds between two syncs</source>
        <translation>동기화 간격(초)</translation>
    </message>
    <message>
        <source>Set for this computer by the site file {}</source>
        <translation>이 컴퓨터의 사이트 설정 파일 {}에서 정한 값입니다</translation>
    </message>
</context>
<context>
    <name>Site</name>
    <message>
        <source>Site settings</source>
        <translation>사이트 설정</translation>
    </message>
    <message>
        <source>The administrator&apos;s site file has errors and was not used:</source>
        <translation>관리자의 사이트 설정 파일에 오류가 있어 사용하지 않았습니다:</translation>
    </message>
</context>
<context>
    <name>Time</name>
    <message>
        <source>{} min</source>
        <translation>{}분</translation>
    </message>
    <message>
        <source>{} d</source>
        <translation>{}일</translation>
    </message>
    <message>
        <source>{} h</source>
        <translation>{}시간</translation>
    </message>
    <message>
        <source>{} h {} min</source>
        <translation>{}시간 {}분</translation>
    </message>
    <message>
        <source>in {}</source>
        <translation>{} 후</translation>
    </message>
    <message>
        <source>{} late</source>
        <translation>기한 경과 {}</translation>
    </message>
    <message>
        <source>{} left</source>
        <translation>{} 남음</translation>
    </message>
    <message>
        <source>+{} past</source>
        <translation>기한 경과 +{}</translation>
    </message>
    <message>
        <source>awaiting first assessment</source>
        <translation>첫 평가 대기</translation>
    </message>
    <message>
        <source>no update yet</source>
        <translation>갱신 없음</translation>
    </message>
    <message>
        <source>last update {} ago</source>
        <translation>최근 갱신 {} 전</translation>
    </message>
</context>
<context>
    <name>TimelinePanel</name>
    <message>
        <source>Everything</source>
        <translation>전체</translation>
    </message>
    <message>
        <source>Event, level, providers</source>
        <translation>사건·단계·외부 연계</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>체크리스트</translation>
    </message>
    <message>
        <source>Impact assessment</source>
        <translation>영향 평가</translation>
    </message>
    <message>
        <source>Council and decisions</source>
        <translation>협의회·결정</translation>
    </message>
    <message>
        <source>Notices, reporting, alerts</source>
        <translation>공지·보고·경보</translation>
    </message>
    <message>
        <source>Drill, review, 24-hour room</source>
        <translation>모의훈련·사후 검토·24시간 상황실</translation>
    </message>
    <message>
        <source>All affiliates</source>
        <translation>전체 계열사</translation>
    </message>
    <message>
        <source>Loading… {}</source>
        <translation>불러오는 중… {}건</translation>
    </message>
    <message>
        <source>Earlier entries are still being read ({} so far)</source>
        <translation>이전 기록을 아직 읽는 중입니다 (지금까지 {}건)</translation>
    </message>
    <message>
        <source>&amp;Affiliate:</source>
        <translation>계열사(&amp;A):</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>종류(&amp;K):</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>검색(&amp;S):</translation>
    </message>
    <message>
        <source>Times in {}</source>
        <translation>시각 기준: {}</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>타임라인</translation>
    </message>
</context>
<context>
    <name>WorkbookProblemsDialog</name>
    <message>
        <source>Group inventory not imported</source>
        <translation>그룹 현황을 가져오지 못했습니다</translation>
    </message>
    <message>
        <source>{} has {} problems; nothing was written. Correct the cells named below and import it again.</source>
        <translation>{}에 문제가 {}건 있어 아무것도 쓰지 않았습니다. 아래 칸을 고친 뒤 다시 가져오십시오.</translation>
    </message>
    <message>
        <source>Problems by sheet, row and column</source>
        <translation>시트·행·열별 문제</translation>
    </message>
</context>
</TS>
