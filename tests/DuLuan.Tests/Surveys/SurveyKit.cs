using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using DuLuan.Features.Surveys;
using DuLuan.Tests.Infrastructure;

namespace DuLuan.Tests.Surveys;

/// <summary>Builds, publishes and answers surveys for the tests.</summary>
internal static class SurveyKit
{
    /// <summary>
    /// q_commune (unit), q_use (single yes/no, required), q_why (multiple, asked only when q_use = yes),
    /// q_score (rating 1–5), q_age (number 15–100), q_date (date), q_note (short text, 200).
    /// </summary>
    public const string Definition = """
    {
      "languages": ["vi", "en", "km"],
      "title": { "vi": "Khảo sát dịch vụ công trực tuyến", "en": "Online public services survey", "km": "ការស្ទង់មតិសេវាសាធារណៈ" },
      "sections": [
        { "key": "s1", "title": { "vi": "Thông tin chung", "en": "General" }, "questions": [
          { "key": "q_commune", "type": "unit", "label": { "vi": "Bạn sống ở xã, phường nào?", "en": "Which commune do you live in?" }, "required": true },
          { "key": "q_use", "type": "single", "label": { "vi": "Bạn đã dùng dịch vụ công trực tuyến chưa?", "en": "Have you used online public services?", "km": "តើអ្នកធ្លាប់ប្រើសេវាអនឡាញទេ?" }, "required": true,
            "options": [ { "key": "yes", "label": { "vi": "Đã dùng", "en": "Yes" } }, { "key": "no", "label": { "vi": "Chưa", "en": "No" } } ] },
          { "key": "q_why", "type": "multiple", "label": { "vi": "Bạn dùng cho việc gì?", "en": "What for?" }, "randomize": true,
            "options": [ { "key": "birth", "label": { "vi": "Khai sinh", "en": "Birth registration" } }, { "key": "land", "label": { "vi": "Đất đai", "en": "Land" } }, { "key": "other", "label": { "vi": "Khác", "en": "Other" } } ],
            "relevant": [ { "question": "q_use", "op": "equals", "value": "yes" } ] },
          { "key": "q_score", "type": "rating", "label": { "vi": "Mức hài lòng", "en": "Satisfaction" }, "min": 1, "max": 5 },
          { "key": "q_age", "type": "number", "label": { "vi": "Tuổi", "en": "Age" }, "min": 15, "max": 100, "constraintMessage": { "vi": "Tuổi từ 15 đến 100", "en": "Age from 15 to 100" } },
          { "key": "q_date", "type": "date", "label": { "vi": "Ngày dùng gần nhất", "en": "Last used on" } },
          { "key": "q_note", "type": "text", "label": { "vi": "Góp ý", "en": "Comment" }, "maxLength": 200 }
        ] }
      ]
    }
    """;

    /// <summary>A published survey owned by province A, straight in the database (version 1).</summary>
    public static async Task<long> PublishedAsync(TestApp app, string definition = Definition, bool anonymous = true)
        => await app.WithDbAsync(async db =>
        {
            var parsed = SurveyDefinition.Parse(definition, out var error) ?? throw new InvalidOperationException(error);
            Assert.Empty(DefinitionRules.Validate(parsed));
            var json = parsed.ToJson();
            var survey = new Survey { UnitId = app.Tree.ProvinceA.Id, Title = parsed.Title["vi"], Anonymous = anonymous, Status = SurveyStatus.Published, DraftJson = json, CurrentVersion = 1, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow };
            db.Surveys.Add(survey);
            await db.SaveChangesAsync();
            db.SurveyVersions.Add(new SurveyVersion { SurveyId = survey.Id, Number = 1, DefinitionJson = json, PublishedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
            return survey.Id;
        });

    public static Dictionary<string, object?> Answers(long commune, string use = "no", params (string Key, object? Value)[] more)
    {
        var answers = new Dictionary<string, object?> { ["q_commune"] = commune, ["q_use"] = use };
        foreach (var (key, value) in more)
        {
            answers[key] = value;
        }

        return answers;
    }

    public static object Batch(string key, params object[] answers)
        => new { idempotencyKey = key, responses = answers.Select(a => new { version = 1, answers = a }).ToArray() };

    public static string Key() => Guid.NewGuid().ToString("N");

    public static Task<HttpResponseMessage> SubmitAsync(TestClient client, long surveyId, object body)
        => client.Http.PostAsJsonAsync($"/api/public/surveys/{surveyId}/responses", body);

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
        => JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    public static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);
}
