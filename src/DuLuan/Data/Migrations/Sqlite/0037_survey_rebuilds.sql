-- 0037: rebuilds of a survey's kept totals (cross totals of the marked questions, weighting-cell totals) run by a
-- background job in chunks of responses in key order, instead of inside the office's POST. Cursor is the last
-- response id counted; responses arriving meanwhile are counted by the intake only if the job has passed them.
CREATE TABLE "survey_rebuilds" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_survey_rebuilds" PRIMARY KEY AUTOINCREMENT,
    "SurveyId" INTEGER NOT NULL,
    "Kind" TEXT NOT NULL,
    "Cursor" TEXT NOT NULL,
    "Done" INTEGER NOT NULL,
    "StartedAt" TEXT NOT NULL,
    "LeaseOwner" TEXT NULL,
    "LeaseUntil" TEXT NULL,
    CONSTRAINT "FK_survey_rebuilds_surveys_SurveyId" FOREIGN KEY ("SurveyId") REFERENCES "surveys" ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_survey_rebuilds_SurveyId_Kind" ON "survey_rebuilds" ("SurveyId", "Kind");

-- The job walks a survey's responses in key order.
CREATE INDEX "IX_survey_responses_SurveyId_Id" ON "survey_responses" ("SurveyId", "Id");
