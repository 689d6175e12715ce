-- 0006: opinion reports (báo cáo dư luận xã hội): topics per unit, reports with streams, cadence per collaborator.
CREATE TABLE "opinion_topics" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_opinion_topics" PRIMARY KEY AUTOINCREMENT,
    "UnitId" INTEGER NOT NULL,
    "Name" TEXT NOT NULL,
    "NameFolded" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_opinion_topics_units_UnitId" FOREIGN KEY ("UnitId") REFERENCES "units" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "opinion_reports" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_opinion_reports" PRIMARY KEY AUTOINCREMENT,
    "MemberId" TEXT NOT NULL,
    "UnitId" INTEGER NOT NULL,
    "PeriodStart" TEXT NOT NULL,
    "PeriodEnd" TEXT NOT NULL,
    "SubmittedAt" TEXT NOT NULL,
    "IdempotencyKey" TEXT NOT NULL,
    CONSTRAINT "FK_opinion_reports_AspNetUsers_MemberId" FOREIGN KEY ("MemberId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_opinion_reports_units_UnitId" FOREIGN KEY ("UnitId") REFERENCES "units" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "opinion_streams" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_opinion_streams" PRIMARY KEY AUTOINCREMENT,
    "ReportId" INTEGER NOT NULL,
    "TopicId" INTEGER NOT NULL,
    "Summary" TEXT NOT NULL,
    "Tendency" TEXT NOT NULL,
    "Intensity" INTEGER NOT NULL,
    "Spread" TEXT NOT NULL,
    "Sources" INTEGER NOT NULL,
    "Suggestion" TEXT NULL,
    "ConcernId" INTEGER NULL,
    "Redacted" TEXT NULL,
    CONSTRAINT "CK_opinion_streams_intensity" CHECK ("Intensity" BETWEEN 1 AND 5),
    CONSTRAINT "FK_opinion_streams_concerns_ConcernId" FOREIGN KEY ("ConcernId") REFERENCES "concerns" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_opinion_streams_opinion_reports_ReportId" FOREIGN KEY ("ReportId") REFERENCES "opinion_reports" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_opinion_streams_opinion_topics_TopicId" FOREIGN KEY ("TopicId") REFERENCES "opinion_topics" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "opinion_cadences" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_opinion_cadences" PRIMARY KEY AUTOINCREMENT,
    "MembershipId" INTEGER NOT NULL,
    "Cadence" TEXT NOT NULL,
    CONSTRAINT "FK_opinion_cadences_memberships_MembershipId" FOREIGN KEY ("MembershipId") REFERENCES "memberships" ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_opinion_cadences_MembershipId" ON "opinion_cadences" ("MembershipId");

CREATE UNIQUE INDEX "IX_opinion_reports_MemberId_IdempotencyKey" ON "opinion_reports" ("MemberId", "IdempotencyKey");

CREATE INDEX "IX_opinion_reports_UnitId_PeriodStart" ON "opinion_reports" ("UnitId", "PeriodStart");

CREATE INDEX "IX_opinion_streams_ConcernId" ON "opinion_streams" ("ConcernId");

CREATE INDEX "IX_opinion_streams_ReportId" ON "opinion_streams" ("ReportId");

CREATE INDEX "IX_opinion_streams_TopicId" ON "opinion_streams" ("TopicId");

CREATE UNIQUE INDEX "IX_opinion_topics_UnitId_NameFolded" ON "opinion_topics" ("UnitId", "NameFolded");
