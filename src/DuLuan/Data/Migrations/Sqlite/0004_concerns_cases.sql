-- 0004: working calendar (holidays), concerns, cases, case history, notifications.
CREATE TABLE "holidays" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_holidays" PRIMARY KEY AUTOINCREMENT,
    "Date" TEXT NOT NULL,
    "Name" TEXT NOT NULL
);

CREATE UNIQUE INDEX "IX_holidays_Date" ON "holidays" ("Date");
