-- Re-organisation steps of units (2025 two-tier local government): which unit took over a retired one, and from when.
CREATE TABLE unit_successions (
    "UnitId" bigint NOT NULL,
    "SuccessorId" bigint NOT NULL,
    "EffectiveOn" date NOT NULL,
    CONSTRAINT "PK_unit_successions" PRIMARY KEY ("UnitId", "SuccessorId"),
    CONSTRAINT "FK_unit_successions_units_SuccessorId" FOREIGN KEY ("SuccessorId") REFERENCES units ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_unit_successions_units_UnitId" FOREIGN KEY ("UnitId") REFERENCES units ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_unit_successions_SuccessorId" ON unit_successions ("SuccessorId");
