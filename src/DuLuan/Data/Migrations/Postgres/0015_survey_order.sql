-- 0015: survey storage no longer shows the order responses arrived in. Answer ids become random (no identity
-- sequence), idempotency keys are kept as their one-way hash, and survey_shuffles records the response count at
-- each survey's last rewrite in key order (SurveyShuffle): the job rewrites every survey with responses on its first
-- run after this migration, which also gives the rows stored so far one transaction id (xmin).
ALTER TABLE survey_answers ALTER COLUMN "Id" DROP IDENTITY IF EXISTS;

UPDATE survey_answers
SET "Id" = ('x' || substr(replace(gen_random_uuid()::text, '-', ''), 1, 16))::bit(64)::bigint & 9223372036854775807;

UPDATE survey_batches
SET "Key" = encode(sha256(convert_to('duluan-batch:' || "SurveyId"::text || ':' || "Key", 'UTF8')), 'hex');

CREATE TABLE survey_shuffles (
    "SurveyId" bigint NOT NULL,
    "Responses" bigint NOT NULL,
    CONSTRAINT "PK_survey_shuffles" PRIMARY KEY ("SurveyId"),
    CONSTRAINT "FK_survey_shuffles_surveys_SurveyId" FOREIGN KEY ("SurveyId") REFERENCES surveys ("Id") ON DELETE CASCADE
);
