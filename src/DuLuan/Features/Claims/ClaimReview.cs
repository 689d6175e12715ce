using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using DuLuan.Infrastructure.Text;
using DuLuan.Infrastructure.Time;

namespace DuLuan.Features.Claims;

/// <summary>
/// schema.org ClaimReview JSON-LD for a published rebuttal (the properties Google's fact-check guidelines name).
/// Serialised with an encoder that escapes &lt;, &gt;, &amp; and quotes, so no text can close the script element.
/// </summary>
public static class ClaimReview
{
    public const int BestRating = (int)Verdict.True;
    public const int WorstRating = (int)Verdict.False;

    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All), WriteIndented = false };

    /// <summary>The Vietnamese label of a verdict, as shown and as the rating's alternateName.</summary>
    public static string Label(Verdict verdict) => verdict switch
    {
        Verdict.False => new Message("Claims.Verdict.False").Vietnamese,
        Verdict.Misleading => new Message("Claims.Verdict.Misleading").Vietnamese,
        Verdict.MissingContext => new Message("Claims.Verdict.MissingContext").Vietnamese,
        Verdict.Unproven => new Message("Claims.Verdict.Unproven").Vietnamese,
        _ => new Message("Claims.Verdict.True").Vietnamese,
    };

    public static string Json(Claim claim, string unitName, string pageUrl, IReadOnlyList<Appearance> appearances, OfficeTime office)
    {
        var item = new JsonObject { ["@type"] = "Claim" };
        if (appearances.Count > 0)
        {
            item["appearance"] = new JsonArray(appearances.Select(a => (JsonNode)Work(a, office)).ToArray());
            var first = appearances[0];
            item["firstAppearance"] = Work(first, office);
            if (first.At is { } at)
            {
                item["datePublished"] = Date(at, office);
            }
        }

        var review = new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "ClaimReview",
            ["url"] = pageUrl,
            ["claimReviewed"] = claim.Text,
            ["itemReviewed"] = item,
            ["author"] = new JsonObject { ["@type"] = "Organization", ["name"] = unitName },
            ["reviewRating"] = new JsonObject
            {
                ["@type"] = "Rating",
                ["ratingValue"] = (int)claim.Verdict!.Value,
                ["bestRating"] = BestRating,
                ["worstRating"] = WorstRating,
                ["alternateName"] = Label(claim.Verdict.Value),
            },
            ["datePublished"] = Date(claim.PublishedAt!.Value, office),
        };
        return review.ToJsonString(Options);
    }

    private static JsonObject Work(Appearance a, OfficeTime office)
    {
        var work = new JsonObject { ["@type"] = "CreativeWork", ["url"] = a.Url };
        if (a.At is { } at)
        {
            work["datePublished"] = Date(at, office);
        }

        if (a.Outlet is { } outlet)
        {
            work["publisher"] = new JsonObject { ["@type"] = "Organization", ["name"] = outlet };
        }

        return work;
    }

    private static string Date(DateTime utc, OfficeTime office) => office.LocalDay(utc).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>What an approval is given for: the claim's text, verdict, reasoning and answer as published.</summary>
    /// <summary>
    /// What an approval covers: the statement and, when given, the public evidence shown with it (by id; evidence is
    /// added or removed, never edited). A claim without public evidence hashes as before evidence counted.
    /// </summary>
    public static string ContentHash(Claim claim, IEnumerable<long>? publicEvidenceIds = null)
    {
        var statement = string.Join('\u001f', claim.Text, claim.Verdict?.ToString() ?? string.Empty, claim.Reasoning ?? string.Empty, claim.Answer ?? string.Empty);
        var evidence = (publicEvidenceIds ?? []).Distinct().Order().ToList();
        if (evidence.Count > 0)
        {
            statement += "\u001e" + string.Join(',', evidence.Select(e => e.ToString(CultureInfo.InvariantCulture)));
        }

        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(statement)));
    }
}
