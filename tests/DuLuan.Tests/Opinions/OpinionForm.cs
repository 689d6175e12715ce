using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using DuLuan.Tests.Infrastructure;

namespace DuLuan.Tests.Opinions;

/// <summary>Drives the report form like a browser: reads the antiforgery token and key, posts repeated fields (sources).</summary>
public static partial class OpinionForm
{
    public const string Summary = "Bà con bàn nhiều về việc nâng cấp đường liên thôn, mong sớm làm trước mùa mưa.";

    public sealed record Opened(string Token, string Key, string Start, string End);

    public static async Task<Opened> OpenAsync(TestClient client, long unitId)
    {
        var html = await client.GetStringAsync($"/Opinions/New?unitId={S(unitId)}");
        // The token of the report form itself, not the one of the header's sign-out form.
        var formAt = html.IndexOf("id=\"opinion-form\"", StringComparison.Ordinal);
        Assert.True(formAt >= 0, html[..Math.Min(3000, html.Length)]);
        var token = TokenPattern().Match(html, formAt);
        var key = KeyPattern().Match(html);
        var start = StartPattern().Match(html);
        var end = EndPattern().Match(html);
        Assert.True(token.Success && key.Success && start.Success && end.Success, html[..Math.Min(3000, html.Length)]);
        return new Opened(WebUtility.HtmlDecode(token.Groups[1].Value), key.Groups[1].Value, start.Groups[1].Value, end.Groups[1].Value);
    }

    /// <summary>One stream's fields with sensible defaults; <paramref name="overrides"/> replace or add fields (null value removes).</summary>
    public static List<KeyValuePair<string, string>> Stream(int index, string? topicId = null, string? newTopic = "Đường giao thông nông thôn", string summary = Summary, string tendency = "Agree", string intensity = "4", string spread = "Commune", string[]? sources = null, string? suggestion = null)
    {
        var p = $"Streams[{S(index)}].";
        var fields = new List<KeyValuePair<string, string>>
        {
            new(p + "Summary", summary),
            new(p + "Tendency", tendency),
            new(p + "Intensity", intensity),
            new(p + "Spread", spread),
        };
        if (topicId is not null)
        {
            fields.Add(new(p + "TopicId", topicId));
        }
        else if (newTopic is not null)
        {
            fields.Add(new(p + "NewTopic", newTopic));
        }

        foreach (var s in sources ?? ["Conversation", "Meeting"])
        {
            fields.Add(new(p + "Sources", s));
        }

        if (suggestion is not null)
        {
            fields.Add(new(p + "Suggestion", suggestion));
        }

        return fields;
    }

    public static Task<HttpResponseMessage> PostAsync(TestClient client, long unitId, Opened form, IEnumerable<KeyValuePair<string, string>> streams, string? key = null, string? start = null, string? end = null)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("__RequestVerificationToken", form.Token),
            new("IdempotencyKey", key ?? form.Key),
            new("PeriodStart", start ?? form.Start),
            new("PeriodEnd", end ?? form.End),
        };
        fields.AddRange(streams);
        return client.Http.PostAsync($"/Opinions/New?unitId={S(unitId)}", new FormUrlEncodedContent(fields));
    }

    public static long ReportId(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.ToString();
        var match = IdPattern().Match(location);
        Assert.True(match.Success, location);
        return long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    public static string S(long value) => value.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("name=\"IdempotencyKey\" value=\"([^\"]+)\"")]
    private static partial Regex KeyPattern();

    [GeneratedRegex("name=\"PeriodStart\" type=\"date\" value=\"([^\"]+)\"")]
    private static partial Regex StartPattern();

    [GeneratedRegex("name=\"PeriodEnd\" type=\"date\" value=\"([^\"]+)\"")]
    private static partial Regex EndPattern();

    [GeneratedRegex(@"^/Opinions/Report\?id=(\d+)")]
    private static partial Regex IdPattern();
}
