using System.Net;
using System.Text.RegularExpressions;
using DuLuan.Tests.Infrastructure;

namespace DuLuan.Tests.Cases;

/// <summary>Drives the public concern form like a browser: reads the antiforgery token and the signed start time, then posts.</summary>
public static partial class Portal
{
    public sealed record Form(string Token, string Started);

    /// <summary>The form's address under /cong/{code}, found as a resident's old link finds it: the id-based address answers 301.</summary>
    public static async Task<string> PathAsync(TestClient client, long unitId)
    {
        using var moved = await client.GetAsync($"/phan-anh/{unitId}");
        Assert.Equal(HttpStatusCode.MovedPermanently, moved.StatusCode);
        return moved.Headers.Location!.OriginalString;
    }

    public static async Task<Form> OpenAsync(TestClient client, long unitId)
    {
        var html = await client.GetStringAsync(await PathAsync(client, unitId));
        var token = TokenPattern().Match(html);
        var started = StartedPattern().Match(html);
        Assert.True(token.Success && started.Success, html[..Math.Min(3000, html.Length)]);
        return new Form(WebUtility.HtmlDecode(token.Groups[1].Value), WebUtility.HtmlDecode(started.Groups[1].Value));
    }

    public static async Task<HttpResponseMessage> PostAsync(TestClient client, long unitId, Form form, string title, string description, string? email = null, string? phone = null, string? website = null, string? category = null)
    {
        var fields = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = form.Token,
            ["Started"] = form.Started,
            ["Title"] = title,
            ["Description"] = description,
        };
        if (email is not null)
        {
            fields["Email"] = email;
        }

        if (phone is not null)
        {
            fields["Phone"] = phone;
        }

        if (website is not null)
        {
            fields["Website"] = website;
        }

        if (category is not null)
        {
            fields["Category"] = category;
        }

        return await client.Http.PostAsync(await PathAsync(client, unitId), new FormUrlEncodedContent(fields));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("name=\"Started\" value=\"([^\"]+)\"")]
    private static partial Regex StartedPattern();
}
