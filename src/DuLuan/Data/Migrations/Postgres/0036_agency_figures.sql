-- 0036: the public page of answered cases (/cong/{code}/vu-viec) reads each agency's figures of the place from here,
-- computed for every province and commune in one pass over the last year's cases (AgencyFiguresJob), instead of
-- reading the place's year of cases on its first request. Until the first pass, the page counts from the records.
CREATE TABLE agency_figures (
    "PlaceId" bigint NOT NULL,
    "AgencyId" bigint NOT NULL,
    "Counted" integer NOT NULL,
    "OnTime" integer NOT NULL,
    "MedianTicks" bigint,
    CONSTRAINT "PK_agency_figures" PRIMARY KEY ("PlaceId", "AgencyId")
);

CREATE TABLE agency_figures_places (
    "PlaceId" bigint NOT NULL,
    CONSTRAINT "PK_agency_figures_places" PRIMARY KEY ("PlaceId")
);

CREATE TABLE agency_figures_state (
    "Id" bigint NOT NULL,
    "ComputedAt" timestamp with time zone,
    "LeaseOwner" character varying(200),
    "LeaseUntil" timestamp with time zone,
    CONSTRAINT "PK_agency_figures_state" PRIMARY KEY ("Id")
);

INSERT INTO agency_figures_state ("Id") VALUES (1);
