-- 0028: questions an office marks for cross-tabs, and the running totals of every question among the
-- respondents of each option of a marked question, kept by the intake in the response's transaction.
CREATE TABLE survey_cross_marks (
    "SurveyId" bigint NOT NULL,
    "QuestionKey" character varying(40) NOT NULL,
    CONSTRAINT "PK_survey_cross_marks" PRIMARY KEY ("SurveyId", "QuestionKey"),
    CONSTRAINT "FK_survey_cross_marks_surveys_SurveyId" FOREIGN KEY ("SurveyId") REFERENCES surveys ("Id") ON DELETE CASCADE
);

CREATE TABLE survey_cross_tallies (
    "SurveyId" bigint NOT NULL,
    "ByQuestion" character varying(40) NOT NULL,
    "Version" integer NOT NULL,
    "UnitId" bigint NOT NULL,
    "ByOption" character varying(40) NOT NULL,
    "QuestionKey" character varying(40) NOT NULL,
    "OptionKey" character varying(40) NOT NULL,
    "Count" bigint NOT NULL,
    "Sum" double precision NOT NULL,
    "SumSquares" double precision NOT NULL,
    CONSTRAINT "PK_survey_cross_tallies" PRIMARY KEY ("SurveyId", "ByQuestion", "Version", "UnitId", "ByOption", "QuestionKey", "OptionKey"),
    CONSTRAINT "FK_survey_cross_tallies_surveys_SurveyId" FOREIGN KEY ("SurveyId") REFERENCES surveys ("Id") ON DELETE CASCADE
);
