"""The group file's problem messages in Korean first, for a workbook's cells.

The checks are the group file's own (crisisdesk.formats.schema, fields, group_file); this only
puts a Korean sentence before the message they give, which follows in parentheses. A message
with no Korean sentence here is shown as it is.
"""

from __future__ import annotations

import re

# (pattern of the group file's message, Korean sentence; {1}, {2} … are the pattern's groups)
_KOREAN = tuple((re.compile(pattern), korean) for pattern, korean in (
    (r"missing required field '(.+)'", "필수 칸이 비어 있습니다"),
    (r"must not be empty", "한 행 이상 적어야 합니다"),
    (r"duplicate id '(.+)' \(already used at (\d+):\d+\)", "ID '{1}'이(가) 중복됩니다 (이미 {2}행에 있음)"),
    (r"unknown provider '(.+)' \(.*\)", "기관 시트에 없는 기관 ID '{1}'"),
    (r"provider '(.+)' is listed twice", "기관 '{1}'이(가) 이 서비스에 두 번 적혀 있습니다"),
    (r"a provider cannot be its own alternative", "자기 자신을 대체 기관으로 적을 수 없습니다"),
    (r"unknown provider kind .*", "알 수 없는 기관 종류 (own·outsourced·external·government 또는 자체·위탁·외부·정부)"),
    (r"expected a duration such as .*|'.*' is not a duration.*|duration '.*' must be longer than zero",
     "기간은 30m, 3h, 1d12h, PT3H처럼 0보다 길게 적습니다"),
    (r"expected a time of day such as .*", "시각은 09:00처럼 HH:MM으로 적습니다"),
    (r"'to' must be later than 'from' on the same day", "종료 시각이 시작 시각보다 늦어야 합니다"),
    (r"missing required field '(from|to|days)' .*", "운영일·시작·종료를 함께 적습니다"),
    (r"expected 'business' or 'every-day'.*", "운영일은 business(영업일) 또는 every-day(매일)입니다"),
    (r"expected 'down' or 'degraded'.*", "영향은 down(중단) 또는 degraded(저하)입니다"),
    (r"expected true or false, got .*", "예 또는 아니오로 적습니다"),
    (r"expected a whole number from 0 to 100.*", "0에서 100 사이의 정수로 적습니다"),
    (r"'(.+)' is not an id: .*", "'{1}'은(는) ID로 쓸 수 없습니다: 영문 소문자·숫자·'-'만 씁니다"),
    (r"expected an id .*", "ID는 영문 소문자·숫자·'-'로 적습니다"),
    (r"'(.+)' is not a calendar date", "없는 날짜입니다: {1}"),
    (r"expected a date \(YYYY-MM-DD\).*", "날짜는 YYYY-MM-DD로 적습니다"),
    (r"unknown timezone '(.+)'.*", "알 수 없는 시간대 '{1}' (예: Asia/Seoul)"),
    (r"'group' is reserved.*", "'group'은 그룹 데스크용으로 예약되어 있어 쓸 수 없습니다"),
    (r"text must not be empty|text needs ko or en", "이름·문구가 비어 있습니다"),
    (r"expected a string, got .*|expected text: .*", "글자로 적습니다"),
))


def korean_first(message: str) -> str:
    """`한국어 문장 (the group file's message)`, or the message as it is."""
    for pattern, korean in _KOREAN:
        match = pattern.fullmatch(message)
        if match:
            return f"{korean.format(None, *match.groups())} ({message})"
    return message
