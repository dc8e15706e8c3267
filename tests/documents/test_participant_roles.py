"""A person with several roles is printed once, with every role: on the sign-in sheet (one
line to sign, counted once in 应到) and in the minutes' attendance table."""

from dataclasses import replace

from desktop.documents import write_minutes, write_signin_sheet
from desktop.domain.meetings import Attendance, Participant, ParticipantRole
from tests.documents.conftest import HOOD, pdftotext, sample_meeting


def flat(text: str) -> str:
    return "".join(text.split())


def roles_cell(text: str, name: str) -> str:
    """The roles printed beside ``name``: one a line, above and below the name's line."""
    lines = text.splitlines()
    k = next(i for i, line in enumerate(lines) if name in line)
    return flat(lines[k - 1]) + flat(lines[k + 1])


def meeting_with_two_hats():
    """张三明 is 3栋's building leader and sits on the owners' committee."""
    meeting = sample_meeting(final=True)
    i = next(n for n, p in enumerate(meeting.participants) if p.name == "张三明")
    meeting.participants[i] = replace(
        meeting.participants[i],
        organization="3栋楼栋长、业委会委员",
        more_roles=(ParticipantRole.OWNERS_COMMITTEE,),
    )
    return meeting


def test_sign_in_sheet_lists_a_person_once_with_every_role(tmp_path):
    meeting = meeting_with_two_hats()
    pdf = tmp_path / "signin.pdf"
    assert write_signin_sheet(meeting, HOOD, pdf) == []
    text = pdftotext(pdf)
    assert text.count("张三明") == 1
    assert roles_cell(text, "张三明") == "楼栋长、业委会"
    assert "应到10人" in flat(text)


def test_minutes_list_a_person_once_with_every_role(tmp_path):
    meeting = meeting_with_two_hats()
    pdf = tmp_path / "minutes.pdf"
    assert write_minutes(meeting, HOOD, pdf) == []
    text = pdftotext(pdf)
    table = text[text.index("参会人员") : text.index("议题与决议")]
    assert table.count("张三明") == 1
    assert roles_cell(table, "张三明") == "楼栋长、业委会"
    assert "应到 10 人，实到 8 人" in text


def test_a_building_leader_on_the_committee_is_masked_on_the_notice_board(tmp_path):
    meeting = meeting_with_two_hats()
    meeting.participants.append(
        Participant(
            ParticipantRole.OWNERS_COMMITTEE,
            "林磊玉",
            "业委会委员",
            attendance=Attendance.PRESENT,
            more_roles=(ParticipantRole.BUILDING_LEADER,),
        )
    )
    pdf = tmp_path / "public.pdf"
    write_minutes(meeting, HOOD, pdf, public=True)
    text = pdftotext(pdf)
    assert "林磊玉" not in text and "林*玉" in text
    assert "陈志强" in text  # an office holder only: shown in full
