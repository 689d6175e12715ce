using System.Text.Json;
using System.Text.Json.Serialization;
using DuLuan.Infrastructure.Text;

namespace DuLuan.Features.Surveys;

#pragma warning disable CA1720 // the JSON names of question types
public enum QuestionType
{
    Single,
    Multiple,
    Likert,
    Rating,
    Number,
    Date,
    Text,
    LongText,
    Unit,
}
#pragma warning restore CA1720

public enum ConditionOp
{
    Equals,
    NotEquals,
    Includes,
    GreaterThan,
    LessThan,
    Answered,
}

/// <summary>Text in several languages, keyed by language tag (vi, en, km, hmn, th, ...).</summary>
public sealed class Labels : Dictionary<string, string>
{
    public Labels()
        : base(StringComparer.Ordinal)
    {
    }

    /// <summary>The text in <paramref name="language"/>, else Vietnamese, else any.</summary>
    public string In(string language)
        => TryGetValue(language, out var text) && !string.IsNullOrWhiteSpace(text) ? text
            : TryGetValue("vi", out var vi) && !string.IsNullOrWhiteSpace(vi) ? vi
            : Values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v)) ?? string.Empty;
}

/// <summary>The questionnaire as stored (JSON) in a draft and, frozen, in each published version.</summary>
public sealed class SurveyDefinition
{
    public List<string> Languages { get; set; } = ["vi", "en"];

    public Labels Title { get; set; } = [];

    public Labels? Intro { get; set; }

    public List<SurveySection> Sections { get; set; } = [];

    public IEnumerable<SurveyQuestion> Questions => Sections.SelectMany(s => s.Questions);

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        MaxDepth = 16,
    };

    /// <summary>For request bodies: unknown members are ignored rather than refused.</summary>
    public static readonly JsonSerializerOptions Lenient = new(Json) { UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>As <see cref="Read"/>, the reason "Vietnamese / English".</summary>
    public static SurveyDefinition? Parse(string json, out string? error)
    {
        var definition = Read(json, out var problem);
        error = problem?.Both();
        return definition;
    }

    /// <summary>Parses a definition; null with a reason when it is not the expected JSON shape.</summary>
    public static SurveyDefinition? Read(string json, out Message? error)
    {
        error = null;
        try
        {
            var definition = JsonSerializer.Deserialize<SurveyDefinition>(json, Json);
            if (definition is null)
            {
                error = new Message("Surveys.Definition.Empty");
            }

            return definition;
        }
        catch (JsonException e)
        {
            error = new Message("Surveys.Definition.NotJson", e.Path);
            return null;
        }
    }

    public static SurveyDefinition Starter(string titleVi, string titleEn) => new()
    {
        Title = new Labels { ["vi"] = titleVi, ["en"] = titleEn },
        Sections =
        [
            new SurveySection
            {
                Key = "s1",
                Title = new Labels { ["vi"] = new Message("Surveys.Definition.FirstPart").Vietnamese, ["en"] = new Message("Surveys.Definition.FirstPart").English },
                Questions = [],
            },
        ],
    };
}

public sealed class SurveySection
{
    public string Key { get; set; } = string.Empty;

    public Labels Title { get; set; } = [];

    public List<SurveyCondition>? Relevant { get; set; }

    public List<SurveyQuestion> Questions { get; set; } = [];
}

public sealed class SurveyQuestion
{
    public string Key { get; set; } = string.Empty;

    public QuestionType Type { get; set; }

    public Labels Label { get; set; } = [];

    public Labels? Hint { get; set; }

    public bool Required { get; set; }

    public Labels? RequiredMessage { get; set; }

    public List<SurveyOption>? Options { get; set; }

    public bool Randomize { get; set; }

    /// <summary>Lower bound of a number or rating.</summary>
    public double? Min { get; set; }

    public double? Max { get; set; }

    /// <summary>Bounds of a date, yyyy-MM-dd.</summary>
    public string? MinDate { get; set; }

    public string? MaxDate { get; set; }

    public int? MaxLength { get; set; }

    public Labels? ConstraintMessage { get; set; }

    /// <summary>All conditions must hold for the question to be asked.</summary>
    public List<SurveyCondition>? Relevant { get; set; }

    [JsonIgnore]
    public bool IsChoice => Type is QuestionType.Single or QuestionType.Multiple or QuestionType.Likert;

    [JsonIgnore]
    public int TextLimit => MaxLength ?? (Type == QuestionType.LongText ? DefinitionRules.MaxLongText : DefinitionRules.MaxShortText);
}

public sealed class SurveyOption
{
    public string Key { get; set; } = string.Empty;

    public Labels Label { get; set; } = [];
}

public sealed class SurveyCondition
{
    public string Question { get; set; } = string.Empty;

    public ConditionOp Op { get; set; }

    public string? Value { get; set; }
}
