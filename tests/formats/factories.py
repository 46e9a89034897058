"""Small good group files and playbooks, as data to tweak and as YAML text."""

from __future__ import annotations

import copy
from datetime import date
from typing import Any

import yaml

GROUP: dict[str, Any] = {
    "format": "crisisdesk.group/2",
    "group": {"id": "hanbit", "name": {"ko": "한빛금융그룹", "en": "Hanbit Financial Group"}},
    "timezone": "Asia/Seoul",
    "holidays": [date(2025, 10, 3)],
    "affiliates": [{
        "id": "bank", "name": {"ko": "한빛은행", "en": "Hanbit Bank"}, "sector": "bank",
        "services": [{"id": "remote-account", "name": "비대면 계좌개설", "critical": True,
                      "rto": "3h", "depends_on": ["gov-id-check"]}],
    }],
    "providers": [{"id": "gov-id-check", "name": "주민등록증 진위확인", "kind": "government"}],
}

PLAYBOOK: dict[str, Any] = {
    "format": "crisisdesk.playbook/2",
    "id": "gov-system-outage",
    "version": 3,
    "title": {"ko": "국가기관 전산장애 대응", "en": "Government system outage"},
    "reviewed": date(2026, 1, 15),
    "summary": "국가기관 시스템 장애 시 대응",
    "triggers": ["gov-id-check"],
    "levels": [{"id": "attention", "title": {"ko": "관심", "en": "Attention"}},
               {"id": "caution", "title": {"ko": "주의", "en": "Caution"}}],
    "roles": [{"id": "chair", "title": {"ko": "위원장", "en": "Chair"}}],
    "impact": [{"id": "customers", "kind": "integer", "label": "영향 고객 수"}],
    "checklists": [{
        "id": "first-hour", "title": "초기 대응", "applies_to": ["all"],
        "items": [{"id": "convene", "title": "협의회 소집", "owner": "chair", "due": "1h"}],
    }],
}


def group_data(**fields: Any) -> dict[str, Any]:
    """A good group file as data, with top-level `fields` replaced."""
    return {**copy.deepcopy(GROUP), **fields}


def playbook_data(**fields: Any) -> dict[str, Any]:
    """A good playbook as data, with top-level `fields` replaced."""
    return {**copy.deepcopy(PLAYBOOK), **fields}


def to_yaml(data: dict[str, Any]) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def group_text(**fields: Any) -> str:
    return to_yaml(group_data(**fields))


def playbook_text(**fields: Any) -> str:
    return to_yaml(playbook_data(**fields))
