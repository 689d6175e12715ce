-- 0032: the case list's agency choices (/Cases) ask, per agency, whether one of its cases lies in the member's scope:
-- with (AgencyId, UnitId) that is one index seek per unit of the scope instead of reading every case of the scope
-- (a province lead: 500,000 cases) for its agency.
CREATE INDEX "IX_cases_AgencyId_UnitId" ON "cases" ("AgencyId", "UnitId");

-- The monthly sums now also keep each unit's cases per status (running totals, CaseStatusTotals): forget that the
-- sums were built, so the next start rebuilds them with the totals (figures are counted from the records meanwhile).
DELETE FROM report_sums_state;
