-- Issue #16: public links use a random reference instead of the sequential case id; Open311 tokens are random instead
-- of a hash of the text; residents follow their concern with a code stored only as a hash; rebuttals are approved in
-- tiers like posts. Existing rows get random values here (12 and 32 hex digits).
ALTER TABLE "cases" ADD COLUMN "PublicRef" TEXT NOT NULL DEFAULT '';
UPDATE "cases" SET "PublicRef" = lower(hex(randomblob(6)));
CREATE UNIQUE INDEX "IX_cases_PublicRef" ON "cases" ("PublicRef");

ALTER TABLE "concerns" ADD COLUMN "Token" TEXT NOT NULL DEFAULT '';
UPDATE "concerns" SET "Token" = lower(hex(randomblob(16)));
CREATE UNIQUE INDEX "IX_concerns_Token" ON "concerns" ("Token");

CREATE TABLE "concern_follow_ups" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_concern_follow_ups" PRIMARY KEY AUTOINCREMENT,
    "ConcernId" INTEGER NOT NULL,
    "CodeHash" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_concern_follow_ups_concerns_ConcernId" FOREIGN KEY ("ConcernId") REFERENCES "concerns" ("Id") ON DELETE CASCADE
);
CREATE UNIQUE INDEX "IX_concern_follow_ups_CodeHash" ON "concern_follow_ups" ("CodeHash");
CREATE INDEX "IX_concern_follow_ups_ConcernId" ON "concern_follow_ups" ("ConcernId");

ALTER TABLE "claims" ADD COLUMN "ReviewRequestedAt" TEXT NULL;
ALTER TABLE "claims" ADD COLUMN "ReviewRequestedBy" TEXT NULL;
ALTER TABLE "claims" ADD COLUMN "LastEditorId" TEXT NULL;

CREATE TABLE "claim_approvals" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_claim_approvals" PRIMARY KEY AUTOINCREMENT,
    "ClaimId" INTEGER NOT NULL,
    "Tier" INTEGER NOT NULL,
    "ApproverId" TEXT NOT NULL,
    "ApproverName" TEXT NULL,
    "At" TEXT NOT NULL,
    "ContentHash" TEXT NOT NULL,
    CONSTRAINT "FK_claim_approvals_claims_ClaimId" FOREIGN KEY ("ClaimId") REFERENCES "claims" ("Id") ON DELETE CASCADE
);
CREATE UNIQUE INDEX "IX_claim_approvals_ClaimId_ContentHash_Tier" ON "claim_approvals" ("ClaimId", "ContentHash", "Tier");
