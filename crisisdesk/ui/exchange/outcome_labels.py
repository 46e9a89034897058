"""What happened to a packet, and why one was refused, in the interface language."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

OUTCOMES = {
    "imported": QT_TRANSLATE_NOOP("Exchange", "Imported"),
    "duplicate": QT_TRANSLATE_NOOP("Exchange", "Already here"),
    "refused": QT_TRANSLATE_NOOP("Exchange", "Refused"),
    "skipped": QT_TRANSLATE_NOOP("Exchange", "Not for this desk"),
    "waiting": QT_TRANSLATE_NOOP("Exchange", "Waiting"),
    "error": QT_TRANSLATE_NOOP("Exchange", "Not read yet"),
}
REASONS = {  # refusal code → (what it means, what to do)
    "not_a_packet": (QT_TRANSLATE_NOOP("Exchange", "not a CrisisDesk packet"),
                     QT_TRANSLATE_NOOP("Exchange", "check what was put in the folder")),
    "truncated": (QT_TRANSLATE_NOOP("Exchange", "the file ends early (interrupted copy)"),
                  QT_TRANSLATE_NOOP("Exchange", "copy it again")),
    "too_large": (QT_TRANSLATE_NOOP("Exchange", "too large"),
                  QT_TRANSLATE_NOOP("Exchange", "export in smaller steps")),
    "decompression_bomb": (QT_TRANSLATE_NOOP("Exchange", "unpacks far beyond its declared size"),
                           QT_TRANSLATE_NOOP("Exchange", "treat it as an attack and report it")),
    "bad_signature": (QT_TRANSLATE_NOOP("Exchange", "altered after signing, or not signed by the enrolled desk"),
                      QT_TRANSLATE_NOOP("Exchange", "ask for a fresh export; report it if it happens again")),
    "unknown_desk": (QT_TRANSLATE_NOOP("Exchange", "the sender is not enrolled here, or was revoked"),
                     QT_TRANSLATE_NOOP("Exchange", "enrol its key file after the phone check")),
    "wrong_recipient": (QT_TRANSLATE_NOOP("Exchange", "addressed to another desk"),
                        QT_TRANSLATE_NOOP("Exchange", "give it to that desk")),
    "out_of_scope": (QT_TRANSLATE_NOOP("Exchange", "the sender may not send this"),
                     QT_TRANSLATE_NOOP("Exchange", "report it: the sending desk is misused or misconfigured")),
    "unknown_kind": (QT_TRANSLATE_NOOP("Exchange", "made by a newer CrisisDesk"),
                     QT_TRANSLATE_NOOP("Exchange", "update CrisisDesk on this desk")),
    "newer_format": (QT_TRANSLATE_NOOP("Exchange", "packet format of a newer CrisisDesk"),
                     QT_TRANSLATE_NOOP("Exchange", "update CrisisDesk on this desk")),
    "replayed_sequence": (QT_TRANSLATE_NOOP("Exchange", "the sender already sent another packet with this number"),
                          QT_TRANSLATE_NOOP("Exchange", "ask the sender to export again")),
    "conflicting_entry": (QT_TRANSLATE_NOOP("Exchange", "an entry differs from the copy held here"),
                          QT_TRANSLATE_NOOP("Exchange", "report it: tampering")),
    "malformed": (QT_TRANSLATE_NOOP("Exchange", "damaged inside"),
                  QT_TRANSLATE_NOOP("Exchange", "ask for a fresh export")),
    "clock_ahead": (QT_TRANSLATE_NOOP("Exchange", "dated more than 10 minutes ahead of this desk's clock"),
                    QT_TRANSLATE_NOOP("Exchange", "check the date and time of both computers, then ask for a fresh export")),
    "invalid_entry": (QT_TRANSLATE_NOOP("Exchange", "an entry holds values the rules do not allow"),
                      QT_TRANSLATE_NOOP("Exchange", "report it: the sending desk is misused, or runs another CrisisDesk version")),
}
FOLDER_STATES = {
    "ok": QT_TRANSLATE_NOOP("Exchange", "online"),
    "missing": QT_TRANSLATE_NOOP("Exchange", "not there (share offline or stick unplugged?); retrying"),
    "read_only": QT_TRANSLATE_NOOP("Exchange", "read-only: incoming packets are read, outgoing ones wait"),
    "unreadable": QT_TRANSLATE_NOOP("Exchange", "cannot be read now; retrying"),
}


def tr(source: str) -> str:
    """A source marked with QT_TRANSLATE_NOOP("Exchange", ...) above, translated."""
    return QCoreApplication.translate("Exchange", source)


def outcome_name(status: str) -> str:
    return tr(OUTCOMES[status]) if status in OUTCOMES else status


def reason_text(reason: str) -> str:
    """`what it means — what to do` for a refusal code (the code itself when unknown)."""
    if reason not in REASONS:
        return reason
    meaning, todo = REASONS[reason]
    return f"{tr(meaning)} — {tr(todo)}"


def folder_state(state: str) -> str:
    return tr(FOLDER_STATES[state]) if state in FOLDER_STATES else state


def explain(outcome) -> str:
    """One line for a person about an ImportOutcome."""
    translate = QCoreApplication.translate
    if outcome.status == "imported":
        return translate("Exchange", "{} new entries from {} (packet #{}); {} already here").format(
            outcome.new_entries, outcome.sender, outcome.seq, outcome.entries - outcome.new_entries)
    if outcome.status == "duplicate":
        return translate("Exchange", "packet #{} from {} was imported before; nothing changed").format(
            outcome.seq, outcome.sender)
    if outcome.status == "waiting":
        return translate("Exchange", "waits for an earlier packet from {} not imported yet; kept and tried again").format(outcome.sender or "?")
    if outcome.status == "refused":
        return reason_text(outcome.reason)
    if outcome.status == "error":
        return translate("Exchange", "could not be read or saved now; tried again later")
    return translate("Exchange", "not addressed to this desk")


def rejected_reason(why: str) -> str:
    """The refusal code written in a rejected packet's `.why.txt` (`reason: CODE`)."""
    for line in why.splitlines():
        if line.startswith("reason:"):
            return line.split(":", 1)[1].strip()
    return ""
