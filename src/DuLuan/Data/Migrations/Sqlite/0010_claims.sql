-- 0010: claims register (what is said, never who said it), where it appeared, evidence, verdict, match suggestions.
CREATE TABLE "claims" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_claims" PRIMARY KEY AUTOINCREMENT,
    "UnitId" INTEGER NOT NULL,
    "Text" TEXT NOT NULL,
    "Verdict" TEXT NULL,
    "Reasoning" TEXT NULL,
    "Answer" TEXT NULL,
    "OwnerId" TEXT NULL,
    "Status" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "PublishedAt" TEXT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_claims_units_UnitId" FOREIGN KEY ("UnitId") REFERENCES "units" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "claim_links" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_claim_links" PRIMARY KEY AUTOINCREMENT,
    "ClaimId" INTEGER NOT NULL,
    "Kind" TEXT NOT NULL,
    "TargetId" INTEGER NULL,
    "Url" TEXT NULL,
    "Outlet" TEXT NULL,
    "AppearedAt" TEXT NULL,
    "AddedAt" TEXT NOT NULL,
    CONSTRAINT "FK_claim_links_claims_ClaimId" FOREIGN KEY ("ClaimId") REFERENCES "claims" ("Id") ON DELETE CASCADE
);

CREATE TABLE "claim_evidence" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_claim_evidence" PRIMARY KEY AUTOINCREMENT,
    "ClaimId" INTEGER NOT NULL,
    "Kind" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "Url" TEXT NULL,
    "Note" TEXT NULL,
    "FileName" TEXT NULL,
    "ContentType" TEXT NULL,
    "Size" INTEGER NOT NULL,
    "Content" BLOB NULL,
    "IsPublic" INTEGER NOT NULL,
    "AddedAt" TEXT NOT NULL,
    CONSTRAINT "FK_claim_evidence_claims_ClaimId" FOREIGN KEY ("ClaimId") REFERENCES "claims" ("Id") ON DELETE CASCADE
);

CREATE TABLE "claim_matches" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_claim_matches" PRIMARY KEY AUTOINCREMENT,
    "ClaimId" INTEGER NOT NULL,
    "Kind" TEXT NOT NULL,
    "TargetId" INTEGER NOT NULL,
    "Score" REAL NOT NULL,
    "Status" TEXT NOT NULL,
    "SuggestedAt" TEXT NOT NULL,
    "DecidedAt" TEXT NULL,
    CONSTRAINT "FK_claim_matches_claims_ClaimId" FOREIGN KEY ("ClaimId") REFERENCES "claims" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_claim_evidence_ClaimId" ON "claim_evidence" ("ClaimId");
CREATE INDEX "IX_claim_links_ClaimId" ON "claim_links" ("ClaimId");
CREATE INDEX "IX_claim_links_Kind_TargetId" ON "claim_links" ("Kind", "TargetId");
CREATE UNIQUE INDEX "IX_claim_matches_ClaimId_Kind_TargetId" ON "claim_matches" ("ClaimId", "Kind", "TargetId");
CREATE INDEX "IX_claim_matches_Kind_TargetId" ON "claim_matches" ("Kind", "TargetId");
CREATE INDEX "IX_claims_UnitId_PublishedAt" ON "claims" ("UnitId", "PublishedAt");
CREATE INDEX "IX_claims_UnitId_Status" ON "claims" ("UnitId", "Status");
