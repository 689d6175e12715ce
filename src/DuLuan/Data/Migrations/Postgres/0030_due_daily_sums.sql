-- 0030: the report sums now also keep cases due and answered on time per local day of the deadline, so the dashboard's
-- current month reads its days before today from the sums instead of counting the month's deadlines on every request:
-- forget that the sums were built, so the next start rebuilds them with the daily counters (figures are counted from
-- the records meanwhile).
DELETE FROM report_sums_state;
