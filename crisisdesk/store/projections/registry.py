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

# How the projections are built. Raise it when a projector writes differently from before
# (another column value, another row): opening a desk built with an older version then takes a
# backup and rebuilds every projection from the journal (store/upgrade.py), so `verify` compares
# the file with what this program builds. Files made before it was recorded are version 1.
PROJECTION_VERSION = 1
