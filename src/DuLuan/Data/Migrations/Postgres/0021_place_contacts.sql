-- 0021: how residents reach the office of a place (address, phone, e-mail, office hours), shown on its public site.
CREATE TABLE place_contacts (
    "UnitId" bigint NOT NULL,
    "Address" character varying(300),
    "Phone" character varying(40),
    "Email" character varying(254),
    "Hours" character varying(200),
    "UpdatedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_place_contacts" PRIMARY KEY ("UnitId"),
    CONSTRAINT "FK_place_contacts_units_UnitId" FOREIGN KEY ("UnitId") REFERENCES units ("Id") ON DELETE CASCADE
);
