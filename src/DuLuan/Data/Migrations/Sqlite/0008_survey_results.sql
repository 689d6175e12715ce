-- 0008: running totals of survey results (per survey, version, unit, question, option), kept by the
-- intake in the same transaction as the responses; filled here from the responses already stored.
CREATE TABLE "survey_tallies" (
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
);

INSERT INTO survey_tallies ("SurveyId", "Version", "UnitId", "QuestionKey", "OptionKey", "Count", "Sum", "SumSquares")
SELECT r."SurveyId", r."Version", r."UnitId", '', '', COUNT(*), 0, 0
FROM survey_responses r
GROUP BY r."SurveyId", r."Version", r."UnitId";

INSERT INTO survey_tallies ("SurveyId", "Version", "UnitId", "QuestionKey", "OptionKey", "Count", "Sum", "SumSquares")
SELECT r."SurveyId", r."Version", r."UnitId", a."QuestionKey", '', COUNT(DISTINCT a."ResponseId"), COALESCE(SUM(a."Number"), 0), COALESCE(SUM(a."Number" * a."Number"), 0)
FROM survey_answers a JOIN survey_responses r ON r."Id" = a."ResponseId"
GROUP BY r."SurveyId", r."Version", r."UnitId", a."QuestionKey";

INSERT INTO survey_tallies ("SurveyId", "Version", "UnitId", "QuestionKey", "OptionKey", "Count", "Sum", "SumSquares")
SELECT r."SurveyId", r."Version", r."UnitId", a."QuestionKey", COALESCE(a."Choice", CAST(CAST(a."Number" AS INTEGER) AS TEXT)), COUNT(*), 0, 0
FROM survey_answers a JOIN survey_responses r ON r."Id" = a."ResponseId"
WHERE a."Choice" IS NOT NULL OR (a."Number" IS NOT NULL AND a."Number" = CAST(a."Number" AS INTEGER))
GROUP BY r."SurveyId", r."Version", r."UnitId", a."QuestionKey", COALESCE(a."Choice", CAST(CAST(a."Number" AS INTEGER) AS TEXT));

-- How an office weights a survey beyond unit populations (raking by sex and age band, trimming).
CREATE TABLE "survey_margins" (
    "SurveyId" INTEGER NOT NULL,
    "Variable" TEXT NOT NULL,
    "Category" TEXT NOT NULL,
    "Population" INTEGER NOT NULL,
    CONSTRAINT "PK_survey_margins" PRIMARY KEY ("SurveyId", "Variable", "Category"),
    CONSTRAINT "FK_survey_margins_surveys_SurveyId" FOREIGN KEY ("SurveyId") REFERENCES "surveys" ("Id") ON DELETE CASCADE
);

CREATE TABLE "survey_weightings" (
    "SurveyId" INTEGER NOT NULL CONSTRAINT "PK_survey_weightings" PRIMARY KEY,
    "SexQuestion" TEXT NULL,
    "AgeQuestion" TEXT NULL,
    "TrimCap" REAL NULL,
    CONSTRAINT "FK_survey_weightings_surveys_SurveyId" FOREIGN KEY ("SurveyId") REFERENCES "surveys" ("Id") ON DELETE CASCADE
);
