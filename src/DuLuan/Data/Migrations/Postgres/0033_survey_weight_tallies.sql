-- 0033: the running totals of every question split by weighting cell (the response's answers to the sex and age-band
-- questions of survey_weightings), kept by the intake in the response's transaction, so raked results need no scan.
-- Filled here for the surveys that already have weighting questions (SurveyWeightTallies.RebuildSql, all surveys).
CREATE TABLE survey_weight_tallies (
    "SurveyId" bigint NOT NULL,
    "Version" integer NOT NULL,
    "UnitId" bigint NOT NULL,
    "SexOption" character varying(40) NOT NULL,
    "AgeOption" character varying(40) NOT NULL,
    "QuestionKey" character varying(40) NOT NULL,
    "OptionKey" character varying(40) NOT NULL,
    "Count" bigint NOT NULL,
    "Sum" double precision NOT NULL,
    "SumSquares" double precision NOT NULL,
    CONSTRAINT "PK_survey_weight_tallies" PRIMARY KEY ("SurveyId", "Version", "UnitId", "SexOption", "AgeOption", "QuestionKey", "OptionKey"),
    CONSTRAINT "FK_survey_weight_tallies_surveys_SurveyId" FOREIGN KEY ("SurveyId") REFERENCES surveys ("Id") ON DELETE CASCADE
);

WITH cells AS MATERIALIZED (
    SELECT r."Id", r."SurveyId", r."Version", r."UnitId",
        COALESCE(MIN(CASE WHEN s."QuestionKey" = w."SexQuestion" THEN s."Choice" END), '') AS "SexOption",
        COALESCE(MIN(CASE WHEN s."QuestionKey" = w."AgeQuestion" THEN s."Choice" END), '') AS "AgeOption"
    FROM survey_responses r JOIN survey_weightings w ON w."SurveyId" = r."SurveyId"
    LEFT JOIN survey_answers s ON s."ResponseId" = r."Id" AND s."Choice" IS NOT NULL AND (s."QuestionKey" = w."SexQuestion" OR s."QuestionKey" = w."AgeQuestion")
    WHERE w."SexQuestion" IS NOT NULL OR w."AgeQuestion" IS NOT NULL
    GROUP BY r."Id", r."SurveyId", r."Version", r."UnitId"
)
INSERT INTO survey_weight_tallies ("SurveyId", "Version", "UnitId", "SexOption", "AgeOption", "QuestionKey", "OptionKey", "Count", "Sum", "SumSquares")
SELECT c."SurveyId", c."Version", c."UnitId", c."SexOption", c."AgeOption", '', '', COUNT(*), 0, 0
FROM cells c GROUP BY c."SurveyId", c."Version", c."UnitId", c."SexOption", c."AgeOption"
UNION ALL
SELECT c."SurveyId", c."Version", c."UnitId", c."SexOption", c."AgeOption", a."QuestionKey", '', COUNT(DISTINCT a."ResponseId"), COALESCE(SUM(a."Number"), 0), COALESCE(SUM(a."Number" * a."Number"), 0)
FROM survey_answers a JOIN cells c ON c."Id" = a."ResponseId"
GROUP BY c."SurveyId", c."Version", c."UnitId", c."SexOption", c."AgeOption", a."QuestionKey"
UNION ALL
SELECT c."SurveyId", c."Version", c."UnitId", c."SexOption", c."AgeOption", a."QuestionKey", COALESCE(a."Choice", CAST(CAST(a."Number" AS bigint) AS TEXT)), COUNT(*), 0, 0
FROM survey_answers a JOIN cells c ON c."Id" = a."ResponseId"
WHERE a."Choice" IS NOT NULL OR (a."Number" IS NOT NULL AND a."Number" = FLOOR(a."Number") AND ABS(a."Number") < 1e15)
GROUP BY c."SurveyId", c."Version", c."UnitId", c."SexOption", c."AgeOption", a."QuestionKey", COALESCE(a."Choice", CAST(CAST(a."Number" AS bigint) AS TEXT));
