import hashlib
import time
from datetime import date

import pytest

from crisisdesk.formats.errors import FormatError
from crisisdesk.formats.located_yaml import MAX_BYTES, parse, read_limited


def refused(source, name="f.yaml") -> FormatError:
    with pytest.raises(FormatError) as info:
        parse(source, name)
    return info.value


def test_plain_scalars_are_resolved_as_in_yaml_1_2():
    doc = parse("a: yes\nb: no\nc: 08:00\nd: 2025-10-03\ne: 3\nf: 1.5\ng: true\nh: ~\ni: '3'\n"
                "j: 2025-02-30\nk: on\n", "f.yaml")
    assert doc.data == {"a": "yes", "b": "no", "c": "08:00", "d": date(2025, 10, 3), "e": 3,
                        "f": 1.5, "g": True, "h": None, "i": "3", "j": "2025-02-30", "k": "on"}


def test_marks_point_at_keys_and_list_elements():
    doc = parse("top:\n  items:\n    - id: a\n    - {id: b}\n  tags: [x, y]\n", "f.yaml")
    assert doc.marks[()] == (1, 1)
    assert doc.marks[("top", "items")] == (2, 3)
    assert doc.marks[("top", "items", 0)] == (3, 7)
    assert doc.marks[("top", "items", 1, "id")] == (4, 8)
    assert doc.marks[("top", "tags", 1)] == (5, 13)


def test_aliases_are_expanded():
    doc = parse("a: &x {b: [1, 2]}\nc: *x\n", "f.yaml")
    assert doc.data == {"a": {"b": [1, 2]}, "c": {"b": [1, 2]}}


def test_duplicate_keys_and_tags_are_collected_not_fatal():
    doc = parse("a: 1\nb: !!str 2\na: 3\n", "f.yaml")
    assert doc.data == {"a": 1, "b": "2"}
    assert [str(p) for p in doc.problems] == [
        "f.yaml:2:4: tags such as '!!str' are not allowed; write plain values",
        "f.yaml:3:1: duplicate key 'a' (first given at line 1)",
    ]


def test_byte_order_mark_is_dropped_from_text_and_hash():
    doc = parse("\ufeffa: 1\n".encode(), "f.yaml")
    assert doc.text == "a: 1\n"
    assert doc.sha256 == hashlib.sha256(b"a: 1\n").hexdigest()
    assert parse(doc.text, "f.yaml").sha256 == doc.sha256


def test_utf16_is_refused():
    assert "UTF-16" in str(refused("a: 1\n".encode("utf-16")))


def test_invalid_utf8_names_the_byte_offset_and_line():
    exc = refused(b"a: 1\nb: " + "한".encode() + b"\xe9")
    assert str(exc) == ("f.yaml:2:5: not UTF-8: invalid byte 0xe9 at byte offset 11; "
                        "save the file as UTF-8")


def test_recursive_alias_is_refused():
    assert "contains it" in str(refused("a: &x [1, *x]\n"))


def test_only_one_document():
    assert "only one YAML document" in str(refused("a: 1\n---\nb: 2\n"))


@pytest.mark.parametrize("as_bytes", [True, False])
def test_oversized_file_is_refused_before_parsing(as_bytes):
    text = "a: " + "x" * MAX_BYTES + "\n"
    start = time.perf_counter()
    exc = refused(text.encode() if as_bytes else text)
    assert time.perf_counter() - start < 2
    assert "larger than 1 MiB" in str(exc)


def test_oversized_file_on_disk_is_not_read_whole(tmp_path):
    path = tmp_path / "big.yaml"
    path.write_bytes(b"# padding\n" * (2 * MAX_BYTES // 10))
    data = read_limited(path, str(path))
    assert len(data) == MAX_BYTES + 1
    assert "larger than 1 MiB" in str(refused(data))


def billion_laughs(levels: int = 9) -> str:
    lines = ['l0: &l0 "lol"']
    for i in range(1, levels + 1):
        lines.append(f"l{i}: &l{i} [" + ", ".join([f"*l{i - 1}"] * 10) + "]")
    return "\n".join(lines) + "\n"


def test_billion_laughs_is_refused_fast():
    start = time.perf_counter()
    exc = refused(billion_laughs())
    assert time.perf_counter() - start < 2
    assert "more than 10,000 values copied by aliases" in str(exc)


def test_many_aliases_of_a_big_list_are_refused():
    text = "big: &big [" + ", ".join(["x"] * 2000) + "]\ncopies: [" + ", ".join(["*big"] * 10) + "]\n"
    assert "copied by aliases" in str(refused(text))


def test_a_few_aliases_are_fine():
    assert parse(billion_laughs(levels=2), "f.yaml").data["l2"][0] == ["lol"] * 10


def test_deep_nesting_is_refused():
    assert "nested more than 50 levels" in str(refused("a: " + "[" * 200 + "]" * 200 + "\n"))


def test_deep_nesting_through_aliases_is_refused():
    lines = ["l0: &l0 " + "[" * 30 + "]" * 30]
    for i in range(1, 5):
        lines.append(f"l{i}: &l{i} " + "[" * 30 + f"*l{i - 1}" + "]" * 30)
    assert "nested more than 50 levels" in str(refused("\n".join(lines) + "\n"))
