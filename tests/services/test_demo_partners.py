"""Demo partner units: typed, under agreements, with the 三个一 kept in part."""

from datetime import date

from desktop.domain.partners import PartnerActivityKind, QuotaState
from desktop.services import partners
from desktop.services.demo import make_demo

TODAY = date(2026, 11, 25)


def test_demo_partners_show_met_missing_and_open_and_warn(db):
    make_demo(db, scale=60, seed=3, today=TODAY)
    units = partners.list_partners(db)
    assert len(units) == 4 and all(p.partner_type for p in units)
    assert len({p.partner_type for p in units}) == 3
    assert all(len(partners.list_agreements(db, p.id)) == 1 for p in units)
    cells = [
        c.state
        for t in partners.tracker(db, 2026, TODAY)
        for q in t.quarters
        for c in (q.pairing, q.practical_service)
    ]
    assert {QuotaState.MET, QuotaState.MISSING, QuotaState.OPEN} <= set(cells)
    activities = [a for p in units for a in partners.list_activities(db, p.id)]
    assert all(a.held_on < TODAY for a in activities)
    assert any(a.need_ids for a in activities)
    # On 11月25日 only the year's mediation is due soon; by 12月10日 the quarter is too.
    now = partners.quota_gaps(db, TODAY)
    assert {g.kind for g in now} == {PartnerActivityKind.DISPUTE_MEDIATION}
    assert 0 < len(now) < len(units)
    later = {g.kind for g in partners.quota_gaps(db, date(2026, 12, 10))}
    assert PartnerActivityKind.PAIRING in later or PartnerActivityKind.PRACTICAL_SERVICE in later
