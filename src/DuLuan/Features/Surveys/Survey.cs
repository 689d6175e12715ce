namespace DuLuan.Features.Surveys;

public enum SurveyStatus
{
    Draft,
    Published,
    Closed,
}

/// <summary>
/// A questionnaire owned by a unit. The draft definition is edited freely; publishing freezes it as a
/// new <see cref="SurveyVersion"/>, and responses keep the version they answered.
/// </summary>
public sealed class Survey
{
    public long Id { get; set; }

    public long UnitId { get; set; }

    /// <summary>The Vietnamese title, for lists; every language's title lives in the definition.</summary>
    public required string Title { get; set; }

    public bool Anonymous { get; set; } = true;

    public SurveyStatus Status { get; set; }

    /// <summary>The editable definition (JSON, see <see cref="SurveyDefinition"/>).</summary>
    public required string DraftJson { get; set; }

    /// <summary>Number of the published version answered now; 0 before the first publication.</summary>
    public int CurrentVersion { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}

/// <summary>A frozen definition: never changed once published.</summary>
public sealed class SurveyVersion
{
    public long Id { get; set; }

    public long SurveyId { get; set; }

    public int Number { get; set; }

    public required string DefinitionJson { get; set; }

    public DateTime PublishedAt { get; set; }
}

/// <summary>
/// One completed questionnaire. The id is random; only the day is kept (no time, address, account,
/// cookie or session), so a response cannot be tied to the person who gave it.
/// </summary>
public sealed class SurveyResponse
{
    public required string Id { get; set; }

    public long SurveyId { get; set; }

    public int Version { get; set; }

    /// <summary>The unit answered for: the unit question's answer, else the survey's unit.</summary>
    public long UnitId { get; set; }

    public DateOnly ReceivedOn { get; set; }

    /// <summary><see cref="ResponseSource.Online"/> or <see cref="ResponseSource.Paper"/> (keyed in by a collaborator; still no member stored).</summary>
    public string Source { get; set; } = ResponseSource.Online;
}

/// <summary>One answer value (a multiple choice gives one row per option picked), so results aggregate by index.</summary>
public sealed class SurveyAnswer
{
    /// <summary>Random, never a sequence: storage follows the key, so it must not follow arrival (see <see cref="SurveyShuffle"/>).</summary>
    public long Id { get; set; } = SurveyShuffle.RandomKey();

    public required string ResponseId { get; set; }

    public long SurveyId { get; set; }

    public required string QuestionKey { get; set; }

    /// <summary>Option key, or the unit id for a unit question.</summary>
    public string? Choice { get; set; }

    public double? Number { get; set; }

    /// <summary>Text (redacted) or a date as yyyy-MM-dd.</summary>
    public string? Text { get; set; }
}

/// <summary>An accepted batch, by its idempotency key: a replay stores nothing. No link to its responses.</summary>
public sealed class SurveyBatch
{
    public long SurveyId { get; set; }

    /// <summary>The key's one-way hash (<see cref="ResponseIntake.KeyHash"/>): a client's counter or clock in a key does not order the rows.</summary>
    public required string Key { get; set; }

    public int Count { get; set; }
}

/// <summary>One-way hash of a browser's per-survey token, kept apart from responses with no link to them.</summary>
public sealed class SurveyToken
{
    public long SurveyId { get; set; }

    public required string Hash { get; set; }
}

/// <summary>What the office knows about one unit for a survey: its quota (target) and its population for weighting.</summary>
public sealed class SurveyUnit
{
    public long SurveyId { get; set; }

    public long UnitId { get; set; }

    public int? Quota { get; set; }

    public long? Population { get; set; }

    /// <summary>Responses counted against the quota, kept up to date by the intake's conditional update.</summary>
    public int Received { get; set; }
}

/// <summary>The response count of a survey when its rows were last rewritten in key order (PostgreSQL; see <see cref="SurveyShuffle"/>).</summary>
public sealed class SurveyShuffleMark
{
    public long SurveyId { get; set; }

    public long Responses { get; set; }
}
