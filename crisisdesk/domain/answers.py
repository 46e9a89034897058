"""Impact answers: a person's input checked and normalised by the field's kind."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from crisisdesk.domain.clock import to_iso
from crisisdesk.domain.errors import InvalidInput
from crisisdesk.domain.group import Affiliate
from crisisdesk.domain.playbook import SERVICE_STATUSES, ImpactField

_TRUE = {"true", "yes", "y", "1", "예", "네", "있음", "o"}
_FALSE = {"false", "no", "n", "0", "아니오", "아니요", "없음", "x"}


def normalise(field: ImpactField, value: Any, affiliate: Affiliate, tz: str) -> Any:
    """The JSON value to store for `value`, or InvalidInput saying what is wrong."""
    label = field.label.get("ko")
    if value is None or (isinstance(value, str) and not value.strip() and field.kind != "text"):
        raise InvalidInput(f"{field.id} ({label}): a value is required")
    checker = _CHECKERS[field.kind]
    try:
        return checker(field, value, affiliate, tz)
    except InvalidInput as exc:
        raise InvalidInput(f"{field.id} ({label}): {exc}") from None


def _text(field: ImpactField, value: Any, affiliate: Affiliate, tz: str) -> str:
    if not isinstance(value, str):
        raise InvalidInput("expected text")
    return value.strip()


def _count(field: ImpactField, value: Any, affiliate: Affiliate, tz: str) -> int:
    if isinstance(value, bool):
        raise InvalidInput("expected a whole number")
    if isinstance(value, str):
        cleaned = re.sub(r"[,\s원]", "", value)
        if not re.fullmatch(r"-?\d+", cleaned):
            raise InvalidInput(f"'{value}' is not a whole number")
        value = int(cleaned)
    if not isinstance(value, int):
        raise InvalidInput("expected a whole number")
    if value < 0:
        raise InvalidInput("must not be negative")
    return value


def _choice(field: ImpactField, value: Any, affiliate: Affiliate, tz: str) -> str:
    ids = [c.id for c in field.choices]
    if value not in ids:
        raise InvalidInput(f"'{value}' is not one of the choices ({', '.join(ids)})")
    return str(value)


def _boolean(field: ImpactField, value: Any, affiliate: Affiliate, tz: str) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise InvalidInput(f"'{value}' is not yes or no")


def _datetime(field: ImpactField, value: Any, affiliate: Affiliate, tz: str) -> str:
    if isinstance(value, datetime):
        moment = value
    else:
        try:
            moment = datetime.fromisoformat(str(value).strip().replace("Z", "+00:00"))
        except ValueError:
            raise InvalidInput(f"'{value}' is not a date and time (e.g. 2025-09-29 08:00)") from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=ZoneInfo(tz))
    return to_iso(moment)


def _services(field: ImpactField, value: Any, affiliate: Affiliate, tz: str) -> dict[str, dict[str, str]]:
    if not isinstance(value, dict):
        raise InvalidInput("expected a status per service")
    known = {s.id for s in affiliate.services}
    result: dict[str, dict[str, str]] = {}
    for service, answer in value.items():
        if service not in known:
            raise InvalidInput(f"'{service}' is not a service of {affiliate.id} ({', '.join(sorted(known))})")
        if isinstance(answer, str):
            answer = {"status": answer}
        status = answer.get("status") if isinstance(answer, dict) else None
        if status not in SERVICE_STATUSES:
            raise InvalidInput(f"{service}: status must be one of {', '.join(SERVICE_STATUSES)}")
        result[service] = {"status": status, "note": str(answer.get("note", "")).strip()}
    return result


_CHECKERS: dict[str, Callable[[ImpactField, Any, Affiliate, str], Any]] = {
    "text": _text, "integer": _count, "money": _count, "choice": _choice,
    "boolean": _boolean, "datetime": _datetime, "services": _services,
}
