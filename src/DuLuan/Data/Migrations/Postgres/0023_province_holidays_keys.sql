-- 0023: a province keeps its own days off and its own Open311 keys. A holiday or key without a unit is national
-- (kept by the admins of the tree's root), as every existing one is; a national date stays unique on its own.
ALTER TABLE holidays ADD "UnitId" bigint;
ALTER TABLE holidays ADD CONSTRAINT "FK_holidays_units_UnitId" FOREIGN KEY ("UnitId") REFERENCES units ("Id") ON DELETE RESTRICT;
DROP INDEX "IX_holidays_Date";
CREATE UNIQUE INDEX "IX_holidays_Date" ON holidays ("Date") WHERE "UnitId" IS NULL;
CREATE UNIQUE INDEX "IX_holidays_UnitId_Date" ON holidays ("UnitId", "Date");

ALTER TABLE open311_keys ADD "UnitId" bigint;
ALTER TABLE open311_keys ADD CONSTRAINT "FK_open311_keys_units_UnitId" FOREIGN KEY ("UnitId") REFERENCES units ("Id") ON DELETE RESTRICT;
CREATE INDEX "IX_open311_keys_UnitId" ON open311_keys ("UnitId");
