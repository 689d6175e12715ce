-- Loudspeaker bulletins (issue #22): bulletins, their items, approvals (same tiers as posts), audio, broadcast times.

CREATE TABLE "bulletins" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_bulletins" PRIMARY KEY AUTOINCREMENT,
    "UnitId" INTEGER NOT NULL,
    "AirDate" TEXT NOT NULL,
    "Slot" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "WrittenText" TEXT NOT NULL,
    "SpokenText" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "ContentHash" TEXT NOT NULL,
    "AuthorId" TEXT NOT NULL,
    "LastEditorId" TEXT NOT NULL,
    "SubmittedBy" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "PublishedAt" TEXT NULL,
    "RenderState" TEXT NOT NULL,
    "RenderProgress" INTEGER NOT NULL,
    "RenderError" TEXT NULL,
    "LeaseOwner" TEXT NULL,
    "LeaseUntil" TEXT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_bulletins_units_UnitId" FOREIGN KEY ("UnitId") REFERENCES "units" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "bulletin_schedules" (
    "UnitId" INTEGER NOT NULL CONSTRAINT "PK_bulletin_schedules" PRIMARY KEY,
    "MorningMinute" INTEGER NOT NULL,
    "EveningMinute" INTEGER NOT NULL,
    CONSTRAINT "FK_bulletin_schedules_units_UnitId" FOREIGN KEY ("UnitId") REFERENCES "units" ("Id") ON DELETE CASCADE
);

CREATE TABLE "bulletin_items" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_bulletin_items" PRIMARY KEY AUTOINCREMENT,
    "BulletinId" INTEGER NOT NULL,
    "Position" INTEGER NOT NULL,
    "Kind" TEXT NOT NULL,
    "SourceId" INTEGER NOT NULL,
    "Title" TEXT NOT NULL,
    "Link" TEXT NOT NULL,
    CONSTRAINT "FK_bulletin_items_bulletins_BulletinId" FOREIGN KEY ("BulletinId") REFERENCES "bulletins" ("Id") ON DELETE CASCADE
);

CREATE TABLE "bulletin_approvals" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_bulletin_approvals" PRIMARY KEY AUTOINCREMENT,
    "BulletinId" INTEGER NOT NULL,
    "Tier" INTEGER NOT NULL,
    "ApproverId" TEXT NOT NULL,
    "ApproverName" TEXT NULL,
    "At" TEXT NOT NULL,
    "ContentHash" TEXT NOT NULL,
    CONSTRAINT "FK_bulletin_approvals_bulletins_BulletinId" FOREIGN KEY ("BulletinId") REFERENCES "bulletins" ("Id") ON DELETE CASCADE
);

CREATE TABLE "bulletin_audio" (
    "BulletinId" INTEGER NOT NULL CONSTRAINT "PK_bulletin_audio" PRIMARY KEY,
    "Mp3" BLOB NOT NULL,
    "DurationMs" INTEGER NOT NULL,
    "Lufs" REAL NOT NULL,
    "PeakDbfs" REAL NOT NULL,
    "Engine" TEXT NOT NULL,
    "RenderMs" INTEGER NOT NULL,
    "RenderedAt" TEXT NOT NULL,
    "ContentHash" TEXT NOT NULL,
    CONSTRAINT "FK_bulletin_audio_bulletins_BulletinId" FOREIGN KEY ("BulletinId") REFERENCES "bulletins" ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_bulletin_approvals_BulletinId_ContentHash_Tier" ON "bulletin_approvals" ("BulletinId", "ContentHash", "Tier");

CREATE INDEX "IX_bulletin_items_BulletinId_Position" ON "bulletin_items" ("BulletinId", "Position");

CREATE INDEX "IX_bulletins_RenderState" ON "bulletins" ("RenderState");

CREATE INDEX "IX_bulletins_UnitId_AirDate" ON "bulletins" ("UnitId", "AirDate");

CREATE INDEX "IX_bulletins_UnitId_PublishedAt" ON "bulletins" ("UnitId", "PublishedAt");
