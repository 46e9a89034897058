"""What the reports say about a Situation, worked out once: hits, risks, needs, open actions, ids."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timedelta

from crisisdesk.domain.checklist import Check
from crisisdesk.domain.group import GROUP_DESK
from crisisdesk.domain.read_models import (
    ActionView,
    AffiliateTile,
    DecisionView,
    ItemView,
    NoticeView,
    OutlookView,
    ServiceView,
    Situation,
)
from crisisdesk.domain.text import Text

LEVEL_TONES = ("blue", "yellow", "orange", "red")  # 관심 주의 경계 심각
OPEN_ACTIONS = ("open", "doing")


def level_tone(rank: int) -> str:
    """The national scale's colour (관심 blue … 심각 red) for a level by its rank (0 = lowest)."""
    return LEVEL_TONES[max(0, min(rank, len(LEVEL_TONES) - 1))]


def names(situation: Situation) -> dict[str, Text]:
    """Affiliates' names, and the group's for the group desk's own items and duties."""
    return {GROUP_DESK: situation.event.group.name} | {t.affiliate: t.name for t in situation.board.tiles}


def hit_tiles(situation: Situation) -> list[AffiliateTile]:
    return [t for t in situation.board.tiles if t.hit]


def hit_services(situation: Situation) -> list[ServiceView]:
    return [s for t in situation.board.tiles for s in t.services if s.status in ("down", "degraded")]


def longest_outage(situation: Situation) -> timedelta | None:
    """How long the longest external or government outage has lasted (no RTO applies to them)."""
    spans = [x.outage(situation.now) for x in hit_services(situation) if x.external]
    return max((s for s in spans if s is not None), default=None)


def open_actions(situation: Situation) -> list[ActionView]:
    return sorted((a for a in situation.actions if a.state in OPEN_ACTIONS),
                  key=lambda a: (a.deadline, a.title))


def posted_notices(situation: Situation) -> list[NoticeView]:
    return [n for n in situation.notices if n.posts]


def decisions_since(situation: Situation, start: datetime | None) -> list[DecisionView]:
    """Decisions taken, amended or withdrawn after `start` (all of them when there is no start)."""
    if start is None:
        return list(situation.decisions)
    return [d for d in situation.decisions
            if d.at > start or any(a.at > start for a in d.amendments)]


def item_labels(items: tuple[ItemView, ...] | list[ItemView]) -> dict[tuple[str, str], str]:
    """The id to type an item back in by: `item`, or `checklist/item` where the item id repeats."""
    counts = Counter(i.item for i in items)
    return {(i.checklist, i.item): i.item if counts[i.item] == 1 else f"{i.checklist}/{i.item}"
            for i in items}


def outlook_first(situation: Situation) -> OutlookView | None:
    """The nearest horizon the council wrote an outlook for, or None."""
    order = {"12h": 0, "24h": 1, "48h": 2, "72h": 3}
    written = [o for o in situation.outlook if o.text]
    return min(written, key=lambda o: order.get(o.horizon, 9)) if written else None


@dataclass(frozen=True)
class BlockedItem:
    """A checklist item someone marked blocked: the council must unblock it."""

    item: ItemView


@dataclass(frozen=True)
class OverdueAction:
    """An open action past its deadline: the council must chase or change it."""

    action: ActionView


Need = BlockedItem | OverdueAction  # something only the council can settle


def decisions_needed(situation: Situation) -> list[Need]:
    """Blocked items (critical first, by due time) and overdue open actions: the decisions the
    chair is asked for. The outlook's needs are requests, not decisions (see `requests`)."""
    items = [*situation.group_items, *(i for d in situation.affiliates for i in d.items)]
    blocked = sorted((i for i in items if i.state == Check.BLOCKED), key=lambda i: (not i.critical, i.due))
    return ([BlockedItem(i) for i in blocked]
            + [OverdueAction(a) for a in open_actions(situation) if a.overdue])


def requests(situation: Situation) -> list[OutlookView]:
    """The outlook's needs (support asked for), nearest horizon first."""
    order = {"12h": 0, "24h": 1, "48h": 2, "72h": 3}
    return sorted((o for o in situation.outlook if o.needs), key=lambda o: order.get(o.horizon, 9))
