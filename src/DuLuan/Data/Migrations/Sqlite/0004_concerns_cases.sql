-- 0004: working calendar (holidays), concerns, cases, their status history, notifications.
CREATE TABLE "holidays" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_holidays" PRIMARY KEY AUTOINCREMENT,
    "Date" TEXT NOT NULL,
    "Name" TEXT NOT NULL
);

CREATE TABLE "cases" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_cases" PRIMARY KEY AUTOINCREMENT,
    "UnitId" INTEGER NOT NULL,
    "Title" TEXT NOT NULL,
    "Description" TEXT NOT NULL,
    "Severity" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "AgencyId" INTEGER NULL,
    "CreatedAt" TEXT NOT NULL,
    "DueAt" TEXT NULL,
    "Answer" TEXT NULL,
    "AnsweredAt" TEXT NULL,
    "ClosedAt" TEXT NULL,
    "OverdueSince" TEXT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_cases_units_AgencyId" FOREIGN KEY ("AgencyId") REFERENCES "units" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_cases_units_UnitId" FOREIGN KEY ("UnitId") REFERENCES "units" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "notifications" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_notifications" PRIMARY KEY AUTOINCREMENT,
    "UnitId" INTEGER NOT NULL,
    "Text" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_notifications_units_UnitId" FOREIGN KEY ("UnitId") REFERENCES "units" ("Id") ON DELETE CASCADE
);

CREATE TABLE "case_events" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_case_events" PRIMARY KEY AUTOINCREMENT,
    "CaseId" INTEGER NOT NULL,
    "At" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "Note" TEXT NULL,
    "RerouteRequested" INTEGER NOT NULL,
    CONSTRAINT "FK_case_events_cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES "cases" ("Id") ON DELETE CASCADE
);

CREATE TABLE "concerns" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_concerns" PRIMARY KEY AUTOINCREMENT,
    "UnitId" INTEGER NOT NULL,
    "Title" TEXT NOT NULL,
    "Description" TEXT NOT NULL,
    "Source" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "CaseId" INTEGER NULL,
    "SimilarCaseId" INTEGER NULL,
    "DedupKey" TEXT NOT NULL,
    "ReceivedAt" TEXT NOT NULL,
    "ContactProtected" TEXT NULL,
    "ContactPurgedAt" TEXT NULL,
    CONSTRAINT "FK_concerns_cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES "cases" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_concerns_cases_SimilarCaseId" FOREIGN KEY ("SimilarCaseId") REFERENCES "cases" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_concerns_units_UnitId" FOREIGN KEY ("UnitId") REFERENCES "units" ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_case_events_CaseId_At" ON "case_events" ("CaseId", "At");

CREATE INDEX "IX_cases_AgencyId_Status" ON "cases" ("AgencyId", "Status");

CREATE INDEX "IX_cases_Status_DueAt" ON "cases" ("Status", "DueAt");

CREATE INDEX "IX_cases_UnitId_Status" ON "cases" ("UnitId", "Status");

CREATE INDEX "IX_concerns_CaseId" ON "concerns" ("CaseId");

CREATE UNIQUE INDEX "IX_concerns_DedupKey" ON "concerns" ("DedupKey");

CREATE INDEX "IX_concerns_SimilarCaseId" ON "concerns" ("SimilarCaseId");

CREATE INDEX "IX_concerns_UnitId_ReceivedAt" ON "concerns" ("UnitId", "ReceivedAt");

CREATE UNIQUE INDEX "IX_holidays_Date" ON "holidays" ("Date");

CREATE INDEX "IX_notifications_UnitId_CreatedAt" ON "notifications" ("UnitId", "CreatedAt");
