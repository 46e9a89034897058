"""Every projection module, imported once so their projectors are registered."""

from crisisdesk.store.projections import groups

MODULES = (groups,)
DDL = "".join(module.DDL for module in MODULES)
