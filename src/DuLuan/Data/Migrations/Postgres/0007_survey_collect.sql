-- 0007: survey collection — where a response came from (online or keyed in from paper) and the count
-- of paper responses each member keyed in per survey and day (no link to the responses themselves).
ALTER TABLE survey_responses ADD COLUMN "Source" character varying(10) NOT NULL DEFAULT 'online';

CREATE TABLE survey_paper_tallies (
    "SurveyId" bigint NOT NULL,
    "MemberId" text NOT NULL,
    "Day" date NOT NULL,
    "Count" integer NOT NULL,
    CONSTRAINT "PK_survey_paper_tallies" PRIMARY KEY ("SurveyId", "MemberId", "Day"),
    CONSTRAINT "FK_survey_paper_tallies_AspNetUsers_MemberId" FOREIGN KEY ("MemberId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_survey_paper_tallies_surveys_SurveyId" FOREIGN KEY ("SurveyId") REFERENCES surveys ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_survey_paper_tallies_MemberId" ON survey_paper_tallies ("MemberId");
