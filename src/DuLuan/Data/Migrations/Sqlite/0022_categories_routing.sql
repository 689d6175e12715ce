-- 0022: categories (lĩnh vực) per province, routing rules category × place -> agency, a case's category, and the
-- folded text the case list searches. Concerns already store the keys of the default list (0020); a province's
-- list starts as that default list (inserted when the province is first used), so stored keys keep their names.
CREATE TABLE "categories" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_categories" PRIMARY KEY AUTOINCREMENT,
    "ProvinceId" INTEGER NOT NULL,
    "Key" TEXT NOT NULL,
    "NameVi" TEXT NOT NULL,
    "NameEn" TEXT NOT NULL,
    "Position" INTEGER NOT NULL,
    "Retired" INTEGER NOT NULL,
    CONSTRAINT "FK_categories_units_ProvinceId" FOREIGN KEY ("ProvinceId") REFERENCES "units" ("Id") ON DELETE RESTRICT
);

CREATE UNIQUE INDEX "IX_categories_ProvinceId_Key" ON "categories" ("ProvinceId", "Key");

CREATE TABLE "routing_rules" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_routing_rules" PRIMARY KEY AUTOINCREMENT,
    "CategoryId" INTEGER NOT NULL,
    "UnitId" INTEGER NOT NULL,
    "AgencyId" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_routing_rules_categories_CategoryId" FOREIGN KEY ("CategoryId") REFERENCES "categories" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_routing_rules_units_AgencyId" FOREIGN KEY ("AgencyId") REFERENCES "units" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_routing_rules_units_UnitId" FOREIGN KEY ("UnitId") REFERENCES "units" ("Id") ON DELETE RESTRICT
);

CREATE UNIQUE INDEX "IX_routing_rules_CategoryId_UnitId" ON "routing_rules" ("CategoryId", "UnitId");
CREATE INDEX "IX_routing_rules_AgencyId" ON "routing_rules" ("AgencyId");
CREATE INDEX "IX_routing_rules_UnitId" ON "routing_rules" ("UnitId");

ALTER TABLE "cases" ADD COLUMN "Category" TEXT NULL;
ALTER TABLE "cases" ADD COLUMN "SearchText" TEXT NULL;
CREATE INDEX "IX_cases_UnitId_Category" ON "cases" ("UnitId", "Category");

-- A case opened before categories takes the category of its first concern that had one.
UPDATE "cases" SET "Category" = (
    SELECT "Category" FROM "concerns" WHERE "concerns"."CaseId" = "cases"."Id" AND "concerns"."Category" IS NOT NULL ORDER BY "concerns"."Id" LIMIT 1);

-- The monthly sums gain a category dimension for cases: forget the built state so they are rebuilt at start-up.
DELETE FROM "report_sums_state";
