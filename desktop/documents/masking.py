"""What the notice-board version (公示版) hides, applied to a whole meeting.

The rule, kept simple so a secretary can predict it:
- participants with a role in RESIDENT_ROLES (居民代表, 贤达能人, 楼栋长) have their names
  masked (张三明 → 张*明), also when they hold an office besides; office holders (党员和支部委员,
  业委会, 物业, 共建单位) do not;
- so are people of the roster named as an action item's owner (picked from the roster, they
  need not be among the participants), unless they are office holders at this meeting;
- wherever one of those full names appears again — as host, recorder, owner of an action item,
  or inside discussion, consensus, action or amendment text — it is masked the same way;
- mobile and landline numbers in any text, office holders' names included, are masked
  (138****1234, 0755-********) however they were typed (see desktop/domain/masking.py);
- addresses in any text stop at the building (3栋2单元1203 → 3栋).
"""

import re
from collections.abc import Collection
from dataclasses import replace

from desktop.domain.masking import building_only, mask_name, mask_phone, mask_phones
from desktop.domain.meetings import Meeting, Participant

# 3栋2单元1203, 12号楼 3 单元 502室, 5幢1203 — kept up to the building. A room is never the
# head of a masked phone: 3栋 138****5678 keeps its 138, 3栋 0755-******** its area code.
_ADDRESS = re.compile(
    r"(\d+\s*(?:栋|号楼|幢|座))"
    r"(?:\s*\d+\s*单元)?(?:\s*\d{3,4}(?![\d*-])(?:\s*(?:室|号|房))?|(?![\d*]))"
)


class NoticeMasker:
    def __init__(self, meeting: Meeting, residents: Collection[str] = ()) -> None:
        """``residents``: more names to hide (the roster's people among the action owners)."""
        office = {p.name.strip() for p in meeting.participants if not p.is_resident}
        names = {p.name.strip() for p in meeting.participants if p.is_resident}
        names |= {n.strip() for n in residents} - office
        # One-character names cannot be masked; longest first so 欧阳振华 wins over 欧阳振.
        self.names = sorted((n for n in names if len(n) > 1), key=len, reverse=True)
        self._names_re = (
            re.compile("|".join(re.escape(n) for n in self.names)) if self.names else None
        )

    def text(self, text: str) -> str:
        """Free text: resident names, phone numbers and flat numbers hidden."""
        if not text:
            return text
        if self._names_re is not None:
            text = self._names_re.sub(lambda m: mask_name(m.group(0)), text)
        return self.numbers(text)

    @staticmethod
    def numbers(text: str) -> str:
        """Phone numbers and flat numbers hidden; names left as they are."""
        text = mask_phones(text)
        return _ADDRESS.sub(lambda m: building_only(m.group(1)), text)

    def _participant(self, participant: Participant) -> str:
        # An office holder's name is shown, but not a number typed into the name field.
        if participant.is_resident:
            return mask_name(participant.name)
        return self.numbers(participant.name)

    def meeting(self, meeting: Meeting) -> Meeting:
        """A copy of ``meeting`` as it may be posted."""
        return replace(
            meeting,
            title=self.text(meeting.title),
            place=self.text(meeting.place),
            host=self.text(meeting.host),
            recorder=self.text(meeting.recorder),
            participants=[
                replace(
                    p,
                    name=self._participant(p),
                    organization=self.text(p.organization),
                    phone=mask_phone(p.phone),
                )
                for p in meeting.participants
            ],
            topics=[
                replace(
                    t,
                    title=self.text(t.title),
                    discussion=self.text(t.discussion),
                    consensus=self.text(t.consensus),
                )
                for t in meeting.topics
            ],
            actions=[
                replace(a, what=self.text(a.what), owner=self.text(a.owner))
                for a in meeting.actions
            ],
            amendments=[replace(a, text=self.text(a.text)) for a in meeting.amendments],
        )
