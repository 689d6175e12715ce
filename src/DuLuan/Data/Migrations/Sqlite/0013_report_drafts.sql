-- 0013: periodic report drafts (edited text, figures snapshot), uploaded DOCX templates, period-end generation runs.
CREATE TABLE "report_templates" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_report_templates" PRIMARY KEY AUTOINCREMENT,
    "UnitId" INTEGER NOT NULL,
    "Name" TEXT NOT NULL,
    "Content" BLOB NOT NULL,
    "UploadedBy" TEXT NULL,
    "UploadedAt" TEXT NOT NULL,
    CONSTRAINT "FK_report_templates_units_UnitId" FOREIGN KEY ("UnitId") REFERENCES "units" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "report_runs" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_report_runs" PRIMARY KEY AUTOINCREMENT,
    "PeriodCode" TEXT NOT NULL,
    "UnitId" INTEGER NOT NULL,
    "Status" TEXT NOT NULL,
    "Attempts" INTEGER NOT NULL,
    "Error" TEXT NULL,
    "DraftId" INTEGER NULL,
    "LeaseOwner" TEXT NULL,
    "LeaseUntil" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "FinishedAt" TEXT NULL,
    CONSTRAINT "FK_report_runs_units_UnitId" FOREIGN KEY ("UnitId") REFERENCES "units" ("Id") ON DELETE CASCADE
);

CREATE TABLE "report_drafts" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_report_drafts" PRIMARY KEY AUTOINCREMENT,
    "UnitId" INTEGER NOT NULL,
    "PeriodCode" TEXT NOT NULL,
    "Layout" TEXT NOT NULL,
    "TemplateId" INTEGER NULL,
    "TextJson" TEXT NOT NULL,
    "FiguresJson" TEXT NOT NULL,
    "AuthorId" TEXT NULL,
    "EditorId" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_report_drafts_report_templates_TemplateId" FOREIGN KEY ("TemplateId") REFERENCES "report_templates" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_report_drafts_units_UnitId" FOREIGN KEY ("UnitId") REFERENCES "units" ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_report_drafts_TemplateId" ON "report_drafts" ("TemplateId");

CREATE INDEX "IX_report_drafts_UnitId_PeriodCode" ON "report_drafts" ("UnitId", "PeriodCode");

CREATE UNIQUE INDEX "IX_report_runs_PeriodCode_UnitId" ON "report_runs" ("PeriodCode", "UnitId");

CREATE INDEX "IX_report_runs_Status_LeaseUntil" ON "report_runs" ("Status", "LeaseUntil");

CREATE INDEX "IX_report_runs_UnitId" ON "report_runs" ("UnitId");

CREATE INDEX "IX_report_templates_UnitId" ON "report_templates" ("UnitId");
