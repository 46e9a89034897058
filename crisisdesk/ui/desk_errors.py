"""The desk's error messages, as the interface shows them: each template of a desk error made with
`CrisisDeskError.of()` is listed here so Qt's translation tools find it, and is translated and
filled with the error's values when shown (tests/ui/test_desk_errors.py keeps the list complete)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from crisisdesk.domain.errors import CrisisDeskError

CONTEXT = "DeskErrors"

TEMPLATES = (
    QT_TRANSLATE_NOOP("DeskErrors", "unknown impact field '{field}' (fields: {known})"),
    QT_TRANSLATE_NOOP("DeskErrors", "{backup_file}: is the database itself; choose a backup file"),
    QT_TRANSLATE_NOOP("DeskErrors", "item '{item}' already has these values; nothing to save"),
    QT_TRANSLATE_NOOP("DeskErrors", "item '{item}' has no change left to undo"),
    QT_TRANSLATE_NOOP("DeskErrors", "item '{item}' was changed meanwhile by {by} ({at}): it is now {state}; nothing was saved"),
    QT_TRANSLATE_NOOP("DeskErrors", "{affiliate} has no checklist item '{item}' in this event"),
    QT_TRANSLATE_NOOP("DeskErrors", "item '{item}' is in several checklists; write one of: {options}"),
    QT_TRANSLATE_NOOP("DeskErrors", "unknown notice template '{template}' (templates: {known})"),
    QT_TRANSLATE_NOOP("DeskErrors", "a notice needs a body"),
    QT_TRANSLATE_NOOP("DeskErrors", "the notice was withdrawn; compose a new one"),
    QT_TRANSLATE_NOOP("DeskErrors", "say why the notice is withdrawn"),
    QT_TRANSLATE_NOOP("DeskErrors", "no notice '{notice}' in this event"),
    QT_TRANSLATE_NOOP("DeskErrors", "unknown reporting duty '{duty}' (duties: {known})"),
    QT_TRANSLATE_NOOP("DeskErrors", "'{filer}' does not file '{duty}' (filers: {listing})"),
    QT_TRANSLATE_NOOP("DeskErrors", "'{duty}' has no occurrence {occurrence}"),
    QT_TRANSLATE_NOOP("DeskErrors", "say why the report is not required"),
    QT_TRANSLATE_NOOP("DeskErrors", "'{filer}' owes no '{duty}' ({occurrence}) in this event"),
    QT_TRANSLATE_NOOP("DeskErrors", "'{duty}' of '{filer}' is no longer due; its deadline stays"),
    QT_TRANSLATE_NOOP("DeskErrors", "say why the deadline moves (e.g. agreed with the FSS)"),
    QT_TRANSLATE_NOOP("DeskErrors", "the new deadline needs a timezone"),
    QT_TRANSLATE_NOOP("DeskErrors", "an external alert needs its issuer and level"),
    QT_TRANSLATE_NOOP("DeskErrors", "unknown affiliate '{affiliate}' (affiliates: {known})"),
    QT_TRANSLATE_NOOP("DeskErrors", "a council meeting is already open; close it first"),
    QT_TRANSLATE_NOOP("DeskErrors", "no council meeting is open"),
    QT_TRANSLATE_NOOP("DeskErrors", "a decision needs its text"),
    QT_TRANSLATE_NOOP("DeskErrors", "an amendment needs its text"),
    QT_TRANSLATE_NOOP("DeskErrors", "say why the decision is withdrawn"),
    QT_TRANSLATE_NOOP("DeskErrors", "an action needs a title"),
    QT_TRANSLATE_NOOP("DeskErrors", "the deadline needs a timezone"),
    QT_TRANSLATE_NOOP("DeskErrors", "no action '{action}' in this event"),
    QT_TRANSLATE_NOOP("DeskErrors", "no group file is loaded yet: load one first (crisisdesk group load FILE)"),
    QT_TRANSLATE_NOOP("DeskErrors", "an event needs a title"),
    QT_TRANSLATE_NOOP("DeskErrors", "T0 needs a timezone"),
    QT_TRANSLATE_NOOP("DeskErrors", "say why the level changes (a reason is required)"),
    QT_TRANSLATE_NOOP("DeskErrors", "the event is already at level '{level}'"),
    QT_TRANSLATE_NOOP("DeskErrors", "say why the event is closed (a reason is required)"),
    QT_TRANSLATE_NOOP("DeskErrors", "the event is already open"),
    QT_TRANSLATE_NOOP("DeskErrors", "say why the event is reopened (a reason is required)"),
    QT_TRANSLATE_NOOP("DeskErrors", "event '{title}' is closed; reopen it to change it"),
    QT_TRANSLATE_NOOP("DeskErrors", "no open event: activate one, or name the event"),
    QT_TRANSLATE_NOOP("DeskErrors", "several events are open; name one ({listing})"),
    QT_TRANSLATE_NOOP("DeskErrors", "journal position #{seq} does not exist (the journal ends at #{head})"),
    QT_TRANSLATE_NOOP("DeskErrors", "the event did not exist yet at journal position #{seq}"),
    QT_TRANSLATE_NOOP("DeskErrors", "'{as_of}' is neither #SEQ nor a time with a timezone"),
    QT_TRANSLATE_NOOP("DeskErrors", "unknown report kind '{kind}' ({listing})"),
    QT_TRANSLATE_NOOP("DeskErrors", "unknown report language '{lang}' ({listing})"),
    QT_TRANSLATE_NOOP("DeskErrors", "no situation report #{number} in this event (see: crisisdesk report list)"),
    QT_TRANSLATE_NOOP("DeskErrors", "situation report #{number} is already issued"),
    QT_TRANSLATE_NOOP("DeskErrors", "situation report #{number} is already approved"),
    QT_TRANSLATE_NOOP("DeskErrors", "situation report #{number} is already issued; reprint it instead"),
    QT_TRANSLATE_NOOP("DeskErrors", "situation report #{number} is not approved: the chair approves it first (crisisdesk report approve {number})"),
    QT_TRANSLATE_NOOP("DeskErrors", "situation report #{number} no longer renders as it was drafted ({rendered} ≠ {drafted}); draft it again"),
    QT_TRANSLATE_NOOP("DeskErrors", "a reprint is of a situation report or its brief, not '{kind}'"),
    QT_TRANSLATE_NOOP("DeskErrors", "a report export is of a situation report or its brief, not '{kind}'"),
    QT_TRANSLATE_NOOP("DeskErrors", "{path}: a {kind} report is exported as {allowed}"),
    QT_TRANSLATE_NOOP("DeskErrors", "{path}: is a folder; give a file name such as report.pdf"),
    QT_TRANSLATE_NOOP("DeskErrors", "{path}: the folder {folder} does not exist"),
    QT_TRANSLATE_NOOP("DeskErrors", "{path}: cannot write here (permission denied)"),
    QT_TRANSLATE_NOOP("DeskErrors", "the playbook has no '{role}' role to approve reports"),
    QT_TRANSLATE_NOOP("DeskErrors", "{path}: cannot write the report: {reason}"),
    QT_TRANSLATE_NOOP("DeskErrors", "{path}: cannot write the file: {reason}"),
    QT_TRANSLATE_NOOP("DeskErrors", "{path}: already exists; choose another file or overwrite it (--force)"),
    QT_TRANSLATE_NOOP("DeskErrors", "unknown state '{state}' (states: {listing})"),
    QT_TRANSLATE_NOOP("DeskErrors", "a blocked item needs a reason: say what blocks it"),
    QT_TRANSLATE_NOOP("DeskErrors", "unknown level '{level}' (levels: {listing})"),
    QT_TRANSLATE_NOOP("DeskErrors", "unknown provider '{provider}' (providers: {listing})"),
    QT_TRANSLATE_NOOP("DeskErrors", "unknown provider status '{status}' ({listing})"),
    QT_TRANSLATE_NOOP("DeskErrors", "'{service}' is not a service of {affiliate}"),
    QT_TRANSLATE_NOOP("DeskErrors", "unknown service status '{status}' ({listing})"),
    QT_TRANSLATE_NOOP("DeskErrors", "unknown role '{role}' (roles: {listing})"),
    QT_TRANSLATE_NOOP("DeskErrors", "unknown action state '{state}' ({listing})"),
    QT_TRANSLATE_NOOP("DeskErrors", "unknown duty state '{state}' ({listing})"),
    QT_TRANSLATE_NOOP("DeskErrors", "unknown horizon '{horizon}' ({listing})"),
    QT_TRANSLATE_NOOP("DeskErrors", "unknown channel '{channel}' ({listing})"),
    QT_TRANSLATE_NOOP("DeskErrors", "not allowed on this desk: this is the desk of affiliate '{affiliate}'; it may {work} only for '{affiliate}', not for '{other}'"),
    QT_TRANSLATE_NOOP("DeskErrors", "not allowed on this desk: this is the desk of affiliate '{affiliate}'; only the group desk may {work}"),
    QT_TRANSLATE_NOOP("DeskErrors", "not allowed on this desk: this is the desk of affiliate '{affiliate}'; only the group desk may record '{kind}'"),
)

PHRASES = (  # values that are words, not names: what an affiliate desk may not do (desk_roles.WORK)
    QT_TRANSLATE_NOOP("DeskErrors", "load the group file (the group desk's packets bring it)"),
    QT_TRANSLATE_NOOP("DeskErrors", "activate an event"),
    QT_TRANSLATE_NOOP("DeskErrors", "change an event's level"),
    QT_TRANSLATE_NOOP("DeskErrors", "change a provider's status"),
    QT_TRANSLATE_NOOP("DeskErrors", "close an event"),
    QT_TRANSLATE_NOOP("DeskErrors", "reopen an event"),
    QT_TRANSLATE_NOOP("DeskErrors", "open a council meeting"),
    QT_TRANSLATE_NOOP("DeskErrors", "close a council meeting"),
    QT_TRANSLATE_NOOP("DeskErrors", "record, amend or withdraw a council decision"),
    QT_TRANSLATE_NOOP("DeskErrors", "create an action item"),
    QT_TRANSLATE_NOOP("DeskErrors", "change an action item"),
    QT_TRANSLATE_NOOP("DeskErrors", "change a reporting duty"),
    QT_TRANSLATE_NOOP("DeskErrors", "record an external alert level"),
    QT_TRANSLATE_NOOP("DeskErrors", "set the council's outlook"),
    QT_TRANSLATE_NOOP("DeskErrors", "draft a situation report"),
    QT_TRANSLATE_NOOP("DeskErrors", "approve a situation report"),
    QT_TRANSLATE_NOOP("DeskErrors", "issue a situation report"),
    QT_TRANSLATE_NOOP("DeskErrors", "assess services"),
    QT_TRANSLATE_NOOP("DeskErrors", "answer impact questions"),
    QT_TRANSLATE_NOOP("DeskErrors", "change checklist items"),
    QT_TRANSLATE_NOOP("DeskErrors", "compose notices"),
    QT_TRANSLATE_NOOP("DeskErrors", "edit notices"),
    QT_TRANSLATE_NOOP("DeskErrors", "post notices"),
    QT_TRANSLATE_NOOP("DeskErrors", "withdraw notices"),
)


def message(error: CrisisDeskError) -> str:
    """The error's message in the interface's language (its English text when not translatable);
    values that are phrases of the catalogue are translated too."""
    if not error.template:
        return str(error)
    values = {name: QCoreApplication.translate(CONTEXT, value) if isinstance(value, str) else value
              for name, value in error.values.items()}
    try:
        return QCoreApplication.translate(CONTEXT, error.template).format(**values)
    except (KeyError, IndexError, ValueError):  # a translation that names other placeholders
        return str(error)
