-- 0024: dialogues with residents (đối thoại): sessions per unit, questions (residents' anonymous and redacted, with
-- only the hash of their follow-up code; staff's from concerns and opinion trends), near-duplicate groups, the agency's
-- draft answer and its approvals by tier, and the commitments made, each tracked as a case.
CREATE TABLE "dialogue_sessions" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_dialogue_sessions" PRIMARY KEY AUTOINCREMENT,
    "UnitId" INTEGER NOT NULL,
    "Title" TEXT NOT NULL,
    "StartsAt" TEXT NOT NULL,
    "Channel" TEXT NOT NULL,
    "Venue" TEXT NULL,
    "Officials" TEXT NOT NULL,
    "Topics" TEXT NULL,
    "Status" TEXT NOT NULL,
    "CreatedBy" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "HeldAt" TEXT NULL,
    "PublishedAt" TEXT NULL,
    CONSTRAINT "FK_dialogue_sessions_units_UnitId" FOREIGN KEY ("UnitId") REFERENCES "units" ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_dialogue_sessions_UnitId_StartsAt" ON "dialogue_sessions" ("UnitId", "StartsAt");

CREATE TABLE "dialogue_questions" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_dialogue_questions" PRIMARY KEY AUTOINCREMENT,
    "SessionId" INTEGER NOT NULL,
    "Text" TEXT NOT NULL,
    "Source" TEXT NOT NULL,
    "SourceLabel" TEXT NULL,
    "SourceKey" TEXT NULL,
    "Weight" INTEGER NOT NULL,
    "GroupId" INTEGER NULL,
    "FollowUpHash" TEXT NULL,
    "ReceivedAt" TEXT NOT NULL,
    "Stage" TEXT NOT NULL,
    "Position" INTEGER NULL,
    "AgencyId" INTEGER NULL,
    "Answer" TEXT NULL,
    "Speaker" TEXT NULL,
    "DraftedBy" TEXT NULL,
    "DraftedAt" TEXT NULL,
    CONSTRAINT "FK_dialogue_questions_dialogue_sessions_SessionId" FOREIGN KEY ("SessionId") REFERENCES "dialogue_sessions" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_dialogue_questions_units_AgencyId" FOREIGN KEY ("AgencyId") REFERENCES "units" ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_dialogue_questions_AgencyId" ON "dialogue_questions" ("AgencyId");
CREATE UNIQUE INDEX "IX_dialogue_questions_FollowUpHash" ON "dialogue_questions" ("FollowUpHash");
CREATE INDEX "IX_dialogue_questions_SessionId_Stage" ON "dialogue_questions" ("SessionId", "Stage");

CREATE TABLE "dialogue_approvals" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_dialogue_approvals" PRIMARY KEY AUTOINCREMENT,
    "QuestionId" INTEGER NOT NULL,
    "Tier" INTEGER NOT NULL,
    "ApproverId" TEXT NOT NULL,
    "ContentHash" TEXT NOT NULL,
    "At" TEXT NOT NULL,
    CONSTRAINT "FK_dialogue_approvals_dialogue_questions_QuestionId" FOREIGN KEY ("QuestionId") REFERENCES "dialogue_questions" ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_dialogue_approvals_QuestionId_Tier_ContentHash" ON "dialogue_approvals" ("QuestionId", "Tier", "ContentHash");

CREATE TABLE "dialogue_commitments" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_dialogue_commitments" PRIMARY KEY AUTOINCREMENT,
    "SessionId" INTEGER NOT NULL,
    "QuestionId" INTEGER NOT NULL,
    "Text" TEXT NOT NULL,
    "DueAt" TEXT NOT NULL,
    "CaseId" INTEGER NOT NULL,
    "CaseRef" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_dialogue_commitments_dialogue_questions_QuestionId" FOREIGN KEY ("QuestionId") REFERENCES "dialogue_questions" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_dialogue_commitments_dialogue_sessions_SessionId" FOREIGN KEY ("SessionId") REFERENCES "dialogue_sessions" ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_dialogue_commitments_CaseId" ON "dialogue_commitments" ("CaseId");
CREATE INDEX "IX_dialogue_commitments_QuestionId" ON "dialogue_commitments" ("QuestionId");
CREATE INDEX "IX_dialogue_commitments_SessionId" ON "dialogue_commitments" ("SessionId");
