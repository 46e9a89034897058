"""Customer notice templates filled for one affiliate from the derived impact."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from crisisdesk.domain.group import Affiliate, Group
from crisisdesk.domain.playbook import NoticeTemplate
from crisisdesk.domain.read_models import ServiceView

PLACEHOLDERS = ("service", "alternative", "affiliate", "time")

_NONE = {"ko": "지점 방문", "en": "a branch visit"}
_JOIN = {"ko": ", ", "en": ", "}


def render_notice(template: NoticeTemplate, affiliate: Affiliate, group: Group,
                  services: list[ServiceView], now: datetime, lang: str = "ko") -> tuple[str, str]:
    """(title, body) with {service}, {alternative}, {affiliate} and {time} filled in."""
    hit = [s for s in services if s.status in ("down", "degraded")]
    names = _JOIN[lang].join(s.name.get(lang) for s in hit) or affiliate.name.get(lang)
    alternatives: list[str] = []
    for s in hit:
        for alt in s.alternatives:
            if alt.get(lang) not in alternatives:
                alternatives.append(alt.get(lang))
    local = now.astimezone(ZoneInfo(group.timezone))
    values = {
        "service": names,
        "alternative": _JOIN[lang].join(alternatives) or _NONE[lang],
        "affiliate": affiliate.name.get(lang),
        "time": local.strftime("%Y-%m-%d %H:%M"),
    }
    return template.title.get(lang).format(**values), template.body.get(lang).format(**values)
