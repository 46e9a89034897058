import uuid

from crisisdesk.domain.ids import new_id


def test_new_id_is_a_canonical_uuid7_carrying_its_milliseconds():
    ids = [new_id(1_759_000_000_000 + n) for n in range(200)]
    for n, text in enumerate(ids):
        parsed = uuid.UUID(text)
        assert str(parsed) == text and parsed.version == 7 and parsed.variant == uuid.RFC_4122
        assert parsed.int >> 80 == 1_759_000_000_000 + n
    assert ids == sorted(ids) and len(set(ids)) == len(ids)
