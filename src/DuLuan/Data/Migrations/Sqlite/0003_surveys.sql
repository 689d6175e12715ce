-- 0003: surveys, frozen versions, responses (random id, day only), one row per answer value,
-- idempotency keys and repeat-answer tokens kept apart from responses, per-unit quotas and population.
CREATE TABLE "surveys" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_surveys" PRIMARY KEY AUTOINCREMENT,
    "UnitId" INTEGER NOT NULL,
    "Title" TEXT NOT NULL,
    "Anonymous" INTEGER NOT NULL,
    "Status" TEXT NOT NULL,
    "DraftJson" TEXT NOT NULL,
    "CurrentVersion" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_surveys_units_UnitId" FOREIGN KEY ("UnitId") REFERENCES "units" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "survey_batches" (
    "SurveyId" INTEGER NOT NULL,
    "Key" TEXT NOT NULL,
    "Count" INTEGER NOT NULL,
    CONSTRAINT "PK_survey_batches" PRIMARY KEY ("SurveyId", "Key"),
    CONSTRAINT "FK_survey_batches_surveys_SurveyId" FOREIGN KEY ("SurveyId") REFERENCES "surveys" ("Id") ON DELETE CASCADE
);

CREATE TABLE "survey_responses" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_survey_responses" PRIMARY KEY,
    "SurveyId" INTEGER NOT NULL,
    "Version" INTEGER NOT NULL,
    "UnitId" INTEGER NOT NULL,
    "ReceivedOn" TEXT NOT NULL,
    CONSTRAINT "FK_survey_responses_surveys_SurveyId" FOREIGN KEY ("SurveyId") REFERENCES "surveys" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_survey_responses_units_UnitId" FOREIGN KEY ("UnitId") REFERENCES "units" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "survey_tokens" (
    "SurveyId" INTEGER NOT NULL,
    "Hash" TEXT NOT NULL,
    CONSTRAINT "PK_survey_tokens" PRIMARY KEY ("SurveyId", "Hash"),
    CONSTRAINT "FK_survey_tokens_surveys_SurveyId" FOREIGN KEY ("SurveyId") REFERENCES "surveys" ("Id") ON DELETE CASCADE
);

CREATE TABLE "survey_units" (
    "SurveyId" INTEGER NOT NULL,
    "UnitId" INTEGER NOT NULL,
    "Quota" INTEGER NULL,
    "Population" INTEGER NULL,
    "Received" INTEGER NOT NULL,
    CONSTRAINT "PK_survey_units" PRIMARY KEY ("SurveyId", "UnitId"),
    CONSTRAINT "FK_survey_units_surveys_SurveyId" FOREIGN KEY ("SurveyId") REFERENCES "surveys" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_survey_units_units_UnitId" FOREIGN KEY ("UnitId") REFERENCES "units" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "survey_versions" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_survey_versions" PRIMARY KEY AUTOINCREMENT,
    "SurveyId" INTEGER NOT NULL,
    "Number" INTEGER NOT NULL,
    "DefinitionJson" TEXT NOT NULL,
    "PublishedAt" TEXT NOT NULL,
    CONSTRAINT "FK_survey_versions_surveys_SurveyId" FOREIGN KEY ("SurveyId") REFERENCES "surveys" ("Id") ON DELETE CASCADE
);

CREATE TABLE "survey_answers" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_survey_answers" PRIMARY KEY AUTOINCREMENT,
    "ResponseId" TEXT NOT NULL,
    "SurveyId" INTEGER NOT NULL,
    "QuestionKey" TEXT NOT NULL,
    "Choice" TEXT NULL,
    "Number" REAL NULL,
    "Text" TEXT NULL,
    CONSTRAINT "FK_survey_answers_survey_responses_ResponseId" FOREIGN KEY ("ResponseId") REFERENCES "survey_responses" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_survey_answers_ResponseId" ON "survey_answers" ("ResponseId");

CREATE INDEX "IX_survey_answers_SurveyId_QuestionKey_Choice" ON "survey_answers" ("SurveyId", "QuestionKey", "Choice");

CREATE INDEX "IX_survey_responses_SurveyId_UnitId" ON "survey_responses" ("SurveyId", "UnitId");

CREATE INDEX "IX_survey_responses_UnitId" ON "survey_responses" ("UnitId");

CREATE INDEX "IX_survey_units_UnitId" ON "survey_units" ("UnitId");

CREATE UNIQUE INDEX "IX_survey_versions_SurveyId_Number" ON "survey_versions" ("SurveyId", "Number");

CREATE INDEX "IX_surveys_UnitId" ON "surveys" ("UnitId");
