from crisisdesk.domain.codec import from_plain, to_plain
from crisisdesk.domain.group import Group
from crisisdesk.domain.playbook import Playbook
from crisisdesk.formats.group_file import load_group
from crisisdesk.formats.library import find_playbooks
from crisisdesk.locations import shipped_playbooks_dir


def test_every_shipped_file_round_trips():
    import json

    group = load_group(shipped_playbooks_dir() / "example-group.yaml").value
    assert from_plain(Group, json.loads(json.dumps(to_plain(group)))) == group
    books = [r.value for _, r in find_playbooks([shipped_playbooks_dir()], group)]
    assert len(books) == 5
    assert any(book.injects and book.injects[0].respond_within is None for book in books)  # the drill
    for book in books:
        assert from_plain(Playbook, json.loads(json.dumps(to_plain(book), ensure_ascii=False))) == book
