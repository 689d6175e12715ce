-- Monthly sums behind the reports dashboard (kept in the same transaction as cases, concerns and posts), the state
-- that says for which time zone they were built, and the (unit, date) indexes the current month is counted along.
CREATE TABLE report_month_sums (
    "UnitId" bigint NOT NULL,
    "Month" date NOT NULL,
    "Measure" character varying(40) NOT NULL,
    "Dim" character varying(80) NOT NULL,
    "Value" bigint NOT NULL,
    CONSTRAINT "PK_report_month_sums" PRIMARY KEY ("UnitId", "Month", "Measure", "Dim")
);

CREATE TABLE report_sums_state (
    "Id" integer NOT NULL,
    "TimeZone" character varying(100) NOT NULL,
    "BuiltAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_report_sums_state" PRIMARY KEY ("Id")
);

CREATE INDEX "IX_cases_UnitId_AnsweredAt" ON cases ("UnitId", "AnsweredAt");
CREATE INDEX "IX_cases_UnitId_CreatedAt" ON cases ("UnitId", "CreatedAt");
CREATE INDEX "IX_cases_UnitId_DueAt" ON cases ("UnitId", "DueAt");
