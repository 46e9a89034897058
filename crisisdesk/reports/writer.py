"""What every report's writer starts from: the situation, texts in the report's language, times in
the group's time zone, and the affiliates' names."""

from __future__ import annotations

from crisisdesk.domain.read_models import Situation
from crisisdesk.reports import facts
from crisisdesk.reports.catalogue import Catalogue
from crisisdesk.reports.formatting import Formatter
from crisisdesk.reports.meta import ReportMeta


class ReportWriter:
    def __init__(self, situation: Situation, meta: ReportMeta):
        self.s, self.meta = situation, meta
        self.t = Catalogue(meta.lang)
        self.f = Formatter(self.t, situation.event.timezone)
        self.names = facts.names(situation)

    def name(self, affiliate: str) -> str:
        return self.t.text(self.names[affiliate]) if affiliate in self.names else affiliate
