"""`Desk`: the one API of the program. Every command validates, journals and commits at once."""

from __future__ import annotations

from crisisdesk.desk.assessments import AssessmentCommands
from crisisdesk.desk.backups import BackupCommands
from crisisdesk.desk.base import DeskBase
from crisisdesk.desk.checklists import ChecklistCommands
from crisisdesk.desk.communications import CommunicationCommands
from crisisdesk.desk.council import CouncilCommands
from crisisdesk.desk.drills import DrillCommands
from crisisdesk.desk.events import EventCommands
from crisisdesk.desk.outside import OutsideChanges
from crisisdesk.desk.reading import ReadModels
from crisisdesk.desk.report_commands import ReportCommands
from crisisdesk.desk.reviews import ReviewCommands
from crisisdesk.desk.room import RoomCommands
from crisisdesk.desk.workbook_commands import WorkbookCommands


class Desk(EventCommands, ChecklistCommands, AssessmentCommands, CouncilCommands,
           CommunicationCommands, BackupCommands, ReportCommands, WorkbookCommands, DrillCommands,
           ReviewCommands, RoomCommands, ReadModels, OutsideChanges, DeskBase):
    """An open desk database: `Desk.open(path)`, then commands and read models."""
