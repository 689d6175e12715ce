-- 0028: questions an office marks for cross-tabs, and the running totals of every question among the
-- respondents of each option of a marked question, kept by the intake in the response's transaction.
CREATE TABLE "survey_cross_marks" (
    "SurveyId" INTEGER NOT NULL,
    "QuestionKey" TEXT NOT NULL,
    CONSTRAINT "PK_survey_cross_marks" PRIMARY KEY ("SurveyId", "QuestionKey"),
    CONSTRAINT "FK_survey_cross_marks_surveys_SurveyId" FOREIGN KEY ("SurveyId") REFERENCES "surveys" ("Id") ON DELETE CASCADE
) WITHOUT ROWID;

CREATE TABLE "survey_cross_tallies" (
    "SurveyId" INTEGER NOT NULL,
    "ByQuestion" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    "UnitId" INTEGER NOT NULL,
    "ByOption" TEXT NOT NULL,
    "QuestionKey" TEXT NOT NULL,
    "OptionKey" TEXT NOT NULL,
    "Count" INTEGER NOT NULL,
    "Sum" REAL NOT NULL,
    "SumSquares" REAL NOT NULL,
    CONSTRAINT "PK_survey_cross_tallies" PRIMARY KEY ("SurveyId", "ByQuestion", "Version", "UnitId", "ByOption", "QuestionKey", "OptionKey"),
    CONSTRAINT "FK_survey_cross_tallies_surveys_SurveyId" FOREIGN KEY ("SurveyId") REFERENCES "surveys" ("Id") ON DELETE CASCADE
) WITHOUT ROWID;
