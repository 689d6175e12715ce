-- 0015: survey storage no longer shows the order responses arrived in. The per-response tables become WITHOUT ROWID,
-- so rows live in the order of their keys (random ids, one-way hashes) with no rowid; answer ids become random
-- instead of AUTOINCREMENT. survey_shuffles is used on PostgreSQL only (the rewrite job), kept here for one model.
-- Idempotency keys stored before this version stay as they were (SQLite has no SHA-256); the intake matches them too.
CREATE TABLE "survey_responses_new" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_survey_responses" PRIMARY KEY,
    "SurveyId" INTEGER NOT NULL,
    "Version" INTEGER NOT NULL,
    "UnitId" INTEGER NOT NULL,
    "ReceivedOn" TEXT NOT NULL,
    "Source" TEXT NOT NULL DEFAULT 'online',
    CONSTRAINT "FK_survey_responses_surveys_SurveyId" FOREIGN KEY ("SurveyId") REFERENCES "surveys" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_survey_responses_units_UnitId" FOREIGN KEY ("UnitId") REFERENCES "units" ("Id") ON DELETE RESTRICT
) WITHOUT ROWID;

INSERT INTO "survey_responses_new" ("Id", "SurveyId", "Version", "UnitId", "ReceivedOn", "Source")
SELECT "Id", "SurveyId", "Version", "UnitId", "ReceivedOn", "Source" FROM "survey_responses";

CREATE TABLE "survey_answers_new" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_survey_answers" PRIMARY KEY,
    "ResponseId" TEXT NOT NULL,
    "SurveyId" INTEGER NOT NULL,
    "QuestionKey" TEXT NOT NULL,
    "Choice" TEXT NULL,
    "Number" REAL NULL,
    "Text" TEXT NULL,
    CONSTRAINT "FK_survey_answers_survey_responses_ResponseId" FOREIGN KEY ("ResponseId") REFERENCES "survey_responses_new" ("Id") ON DELETE CASCADE
) WITHOUT ROWID;

-- New random ids (positive 63-bit) for the answers numbered in arrival order so far.
INSERT INTO "survey_answers_new" ("Id", "ResponseId", "SurveyId", "QuestionKey", "Choice", "Number", "Text")
SELECT (random() & 9223372036854775807), "ResponseId", "SurveyId", "QuestionKey", "Choice", "Number", "Text" FROM "survey_answers";

CREATE TABLE "survey_tokens_new" (
    "SurveyId" INTEGER NOT NULL,
    "Hash" TEXT NOT NULL,
    CONSTRAINT "PK_survey_tokens" PRIMARY KEY ("SurveyId", "Hash"),
    CONSTRAINT "FK_survey_tokens_surveys_SurveyId" FOREIGN KEY ("SurveyId") REFERENCES "surveys" ("Id") ON DELETE CASCADE
) WITHOUT ROWID;

INSERT INTO "survey_tokens_new" ("SurveyId", "Hash") SELECT "SurveyId", "Hash" FROM "survey_tokens";

CREATE TABLE "survey_batches_new" (
    "SurveyId" INTEGER NOT NULL,
    "Key" TEXT NOT NULL,
    "Count" INTEGER NOT NULL,
    CONSTRAINT "PK_survey_batches" PRIMARY KEY ("SurveyId", "Key"),
    CONSTRAINT "FK_survey_batches_surveys_SurveyId" FOREIGN KEY ("SurveyId") REFERENCES "surveys" ("Id") ON DELETE CASCADE
) WITHOUT ROWID;

INSERT INTO "survey_batches_new" ("SurveyId", "Key", "Count") SELECT "SurveyId", "Key", "Count" FROM "survey_batches";

CREATE TABLE "survey_tallies_new" (
    "SurveyId" INTEGER NOT NULL,
    "Version" INTEGER NOT NULL,
    "UnitId" INTEGER NOT NULL,
    "QuestionKey" TEXT NOT NULL,
    "OptionKey" TEXT NOT NULL,
    "Count" INTEGER NOT NULL,
    "Sum" REAL NOT NULL,
    "SumSquares" REAL NOT NULL,
    CONSTRAINT "PK_survey_tallies" PRIMARY KEY ("SurveyId", "Version", "UnitId", "QuestionKey", "OptionKey"),
    CONSTRAINT "FK_survey_tallies_surveys_SurveyId" FOREIGN KEY ("SurveyId") REFERENCES "surveys" ("Id") ON DELETE CASCADE
) WITHOUT ROWID;

INSERT INTO "survey_tallies_new" SELECT "SurveyId", "Version", "UnitId", "QuestionKey", "OptionKey", "Count", "Sum", "SumSquares" FROM "survey_tallies";

-- Children first: the old answers point at the old responses; the new answers at the new responses.
DROP TABLE "survey_answers";
DROP TABLE "survey_responses";
DROP TABLE "survey_tokens";
DROP TABLE "survey_batches";
DROP TABLE "survey_tallies";
ALTER TABLE "survey_responses_new" RENAME TO "survey_responses";
ALTER TABLE "survey_answers_new" RENAME TO "survey_answers";
ALTER TABLE "survey_tokens_new" RENAME TO "survey_tokens";
ALTER TABLE "survey_batches_new" RENAME TO "survey_batches";
ALTER TABLE "survey_tallies_new" RENAME TO "survey_tallies";
DELETE FROM sqlite_sequence WHERE name = 'survey_answers';

CREATE INDEX "IX_survey_answers_ResponseId" ON "survey_answers" ("ResponseId");
CREATE INDEX "IX_survey_answers_SurveyId_QuestionKey_Choice" ON "survey_answers" ("SurveyId", "QuestionKey", "Choice");
CREATE INDEX "IX_survey_responses_SurveyId_UnitId" ON "survey_responses" ("SurveyId", "UnitId");
CREATE INDEX "IX_survey_responses_UnitId" ON "survey_responses" ("UnitId");

CREATE TABLE "survey_shuffles" (
    "SurveyId" INTEGER NOT NULL CONSTRAINT "PK_survey_shuffles" PRIMARY KEY,
    "Responses" INTEGER NOT NULL,
    CONSTRAINT "FK_survey_shuffles_surveys_SurveyId" FOREIGN KEY ("SurveyId") REFERENCES "surveys" ("Id") ON DELETE CASCADE
);
