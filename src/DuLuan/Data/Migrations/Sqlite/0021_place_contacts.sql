-- 0021: how residents reach the office of a place (address, phone, e-mail, office hours), shown on its public site.
CREATE TABLE "place_contacts" (
    "UnitId" INTEGER NOT NULL CONSTRAINT "PK_place_contacts" PRIMARY KEY,
    "Address" TEXT NULL,
    "Phone" TEXT NULL,
    "Email" TEXT NULL,
    "Hours" TEXT NULL,
    "UpdatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_place_contacts_units_UnitId" FOREIGN KEY ("UnitId") REFERENCES "units" ("Id") ON DELETE CASCADE
);
