"""The elided label keeps the caller's tooltip whatever its width (the status bar's journal
line lost its tooltip when the label was resized and its text fitted)."""

from crisisdesk.ui.elided_label import ElidedLabel


def test_the_callers_tooltip_survives_resizing_and_the_whole_text_comes_first_when_cut(qtbot):
    label = ElidedLabel("기록 경고: 열 때 점검에서 문제 발견")
    qtbot.addWidget(label)
    label.show()
    label.setToolTip("the journal's append-only trigger journal_no_delete is missing")
    label.resize(2000, 30)
    assert not label.is_elided()
    assert label.toolTip() == "the journal's append-only trigger journal_no_delete is missing"
    label.resize(60, 30)
    assert label.is_elided()
    assert label.toolTip() == ("기록 경고: 열 때 점검에서 문제 발견\n"
                               "the journal's append-only trigger journal_no_delete is missing")
    label.setToolTip("")
    label.resize(2000, 30)
    assert label.toolTip() == ""


def test_a_tooltip_that_holds_the_whole_text_is_not_repeated(qtbot):
    label = ElidedLabel("/a/very/long/path/to/the/desk.sqlite")
    qtbot.addWidget(label)
    label.show()
    label.setToolTip("Database file: /a/very/long/path/to/the/desk.sqlite")
    label.resize(40, 30)
    assert label.is_elided() and label.toolTip() == "/a/very/long/path/to/the/desk.sqlite"
