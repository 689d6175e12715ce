-- 0036: the public page of answered cases (/cong/{code}/vu-viec) reads each agency's figures of the place from here,
-- computed for every province and commune in one pass over the last year's cases (AgencyFiguresJob), instead of
-- reading the place's year of cases on its first request. Until the first pass, the page counts from the records.
CREATE TABLE "agency_figures" (
    "PlaceId" INTEGER NOT NULL,
    "AgencyId" INTEGER NOT NULL,
    "Counted" INTEGER NOT NULL,
    "OnTime" INTEGER NOT NULL,
    "MedianTicks" INTEGER NULL,
    CONSTRAINT "PK_agency_figures" PRIMARY KEY ("PlaceId", "AgencyId")
);

CREATE TABLE "agency_figures_places" (
    "PlaceId" INTEGER NOT NULL CONSTRAINT "PK_agency_figures_places" PRIMARY KEY
);

CREATE TABLE "agency_figures_state" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_agency_figures_state" PRIMARY KEY,
    "ComputedAt" TEXT NULL,
    "LeaseOwner" TEXT NULL,
    "LeaseUntil" TEXT NULL
);

INSERT INTO "agency_figures_state" ("Id") VALUES (1);
