-- 0005: agency side of cases (internal notes, re-route requests with decisions, answer templates, attachments) and Open311 API keys (hashes only).
CREATE TABLE "open311_keys" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_open311_keys" PRIMARY KEY AUTOINCREMENT,
    "Name" TEXT NOT NULL,
    "Prefix" TEXT NOT NULL,
    "KeyHash" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "RevokedAt" TEXT NULL
);

CREATE TABLE "answer_templates" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_answer_templates" PRIMARY KEY AUTOINCREMENT,
    "AgencyId" INTEGER NOT NULL,
    "Title" TEXT NOT NULL,
    "Body" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_answer_templates_units_AgencyId" FOREIGN KEY ("AgencyId") REFERENCES "units" ("Id") ON DELETE CASCADE
);

CREATE TABLE "case_attachments" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_case_attachments" PRIMARY KEY AUTOINCREMENT,
    "CaseId" INTEGER NOT NULL,
    "FileName" TEXT NOT NULL,
    "ContentType" TEXT NOT NULL,
    "Size" INTEGER NOT NULL,
    "Content" BLOB NOT NULL,
    "UploadedAt" TEXT NOT NULL,
    "UploadedBy" TEXT NULL,
    CONSTRAINT "FK_case_attachments_cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES "cases" ("Id") ON DELETE CASCADE
);

CREATE TABLE "case_notes" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_case_notes" PRIMARY KEY AUTOINCREMENT,
    "CaseId" INTEGER NOT NULL,
    "At" TEXT NOT NULL,
    "AuthorId" TEXT NULL,
    "Text" TEXT NOT NULL,
    CONSTRAINT "FK_case_notes_cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES "cases" ("Id") ON DELETE CASCADE
);

CREATE TABLE "case_reroutes" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_case_reroutes" PRIMARY KEY AUTOINCREMENT,
    "CaseId" INTEGER NOT NULL,
    "FromAgencyId" INTEGER NOT NULL,
    "Reason" TEXT NOT NULL,
    "RequestedAt" TEXT NOT NULL,
    "RequestedBy" TEXT NULL,
    "Decision" TEXT NOT NULL,
    "DecidedAt" TEXT NULL,
    "DecidedBy" TEXT NULL,
    "DecisionNote" TEXT NULL,
    "ToAgencyId" INTEGER NULL,
    CONSTRAINT "FK_case_reroutes_cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES "cases" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_case_reroutes_units_FromAgencyId" FOREIGN KEY ("FromAgencyId") REFERENCES "units" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_case_reroutes_units_ToAgencyId" FOREIGN KEY ("ToAgencyId") REFERENCES "units" ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_answer_templates_AgencyId" ON "answer_templates" ("AgencyId");

CREATE INDEX "IX_case_attachments_CaseId" ON "case_attachments" ("CaseId");

CREATE INDEX "IX_case_notes_CaseId_At" ON "case_notes" ("CaseId", "At");

CREATE INDEX "IX_case_reroutes_CaseId_Decision" ON "case_reroutes" ("CaseId", "Decision");

CREATE INDEX "IX_case_reroutes_FromAgencyId" ON "case_reroutes" ("FromAgencyId");

CREATE INDEX "IX_case_reroutes_ToAgencyId" ON "case_reroutes" ("ToAgencyId");

CREATE UNIQUE INDEX "IX_open311_keys_KeyHash" ON "open311_keys" ("KeyHash");
