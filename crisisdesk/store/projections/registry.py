"""Every projection module, imported once so their projectors are registered."""

from crisisdesk.store.projections import (
    activity,
    assessments,
    checklists,
    council,
    events,
    groups,
    notices,
    peers,
    reports,
)

MODULES = (groups, events, checklists, activity, assessments, council, notices, peers, reports)
DDL = "".join(module.DDL for module in MODULES)
