-- Monthly sums behind the reports dashboard (kept in the same transaction as cases, concerns and posts), the state
-- that says for which time zone they were built, and the (unit, date) indexes the current month is counted along.
CREATE TABLE "report_month_sums" (
    "UnitId" INTEGER NOT NULL,
    "Month" TEXT NOT NULL,
    "Measure" TEXT NOT NULL,
    "Dim" TEXT NOT NULL,
    "Value" INTEGER NOT NULL,
    CONSTRAINT "PK_report_month_sums" PRIMARY KEY ("UnitId", "Month", "Measure", "Dim")
);

CREATE TABLE "report_sums_state" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_report_sums_state" PRIMARY KEY,
    "TimeZone" TEXT NOT NULL,
    "BuiltAt" TEXT NOT NULL
);

CREATE INDEX "IX_cases_UnitId_AnsweredAt" ON "cases" ("UnitId", "AnsweredAt");
CREATE INDEX "IX_cases_UnitId_CreatedAt" ON "cases" ("UnitId", "CreatedAt");
CREATE INDEX "IX_cases_UnitId_DueAt" ON "cases" ("UnitId", "DueAt");
