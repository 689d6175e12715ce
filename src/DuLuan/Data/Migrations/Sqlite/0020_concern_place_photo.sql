-- 0020: where the problem of a concern is (address or landmark text, optional map point), its category, and an
-- optional photo (re-encoded without metadata before it is stored).
ALTER TABLE "concerns" ADD COLUMN "Location" TEXT NULL;
ALTER TABLE "concerns" ADD COLUMN "Latitude" REAL NULL;
ALTER TABLE "concerns" ADD COLUMN "Longitude" REAL NULL;
ALTER TABLE "concerns" ADD COLUMN "Category" TEXT NULL;

CREATE TABLE "concern_photos" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_concern_photos" PRIMARY KEY AUTOINCREMENT,
    "ConcernId" INTEGER NOT NULL,
    "ContentType" TEXT NOT NULL,
    "Size" INTEGER NOT NULL,
    "Content" BLOB NOT NULL,
    CONSTRAINT "FK_concern_photos_concerns_ConcernId" FOREIGN KEY ("ConcernId") REFERENCES "concerns" ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_concern_photos_ConcernId" ON "concern_photos" ("ConcernId");
