using System.Net;
using System.Text.RegularExpressions;
using DuLuan.Data;
using DuLuan.Features.Dialogue;
using DuLuan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Tests.Dialogue;

/// <summary>
/// A resident's question form sent twice (a double tap, a browser sending again on a poor connection, at the same
/// moment or after the first answer was lost) stores one question and shows its one code both times; a new form
/// (the page shown again) asks a new question.
/// </summary>
public sealed partial class DialogueDoubleSendTests
{
    private const string Question = "Đèn đường trên tuyến Nguyễn Lương Bằng hỏng nhiều tuần rồi, bao giờ thì được sửa?";

    [Theory, Providers]
    public async Task The_same_question_form_sent_twice_stores_one_question_and_shows_one_code(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var id = await app.WithDbAsync(async db =>
        {
            var session = new DialogueSession { UnitId = app.Tree.CommuneA1.Id, Title = "Đối thoại", StartsAt = DateTime.UtcNow.AddDays(2), Officials = "Chủ tịch UBND phường", CreatedBy = "test" };
            db.DialogueSessions.Add(session);
            await db.SaveChangesAsync();
            return session.Id;
        });
        using var resident = app.Client();
        var page = $"/cong/20200/doi-thoai/{id}";

        // At the same moment, twice, then once more after both answered: one row, one code.
        var form = await FormAsync(resident, page);
        var codes = await Task.WhenAll(SendAsync(resident, page, form), SendAsync(resident, page, form));
        codes = [.. codes, await SendAsync(resident, page, form)];
        Assert.Single(codes.Distinct());
        Assert.Equal(1, await app.WithDbAsync(db => db.DialogueQuestions.CountAsync(q => q.SessionId == id)));

        // The page shown again is a new form: the same words asked again are a second question.
        var again = await FormAsync(resident, page);
        Assert.NotEqual(form.Key, again.Key);
        Assert.NotEqual(codes[0], await SendAsync(resident, page, again));
        Assert.Equal(2, await app.WithDbAsync(db => db.DialogueQuestions.CountAsync(q => q.SessionId == id)));

        // A forged or missing key is only not deduplicated: the question is still taken.
        Assert.Matches("^[A-Z0-9]{4}(-[A-Z0-9]{4}){3}$", await SendAsync(resident, page, again with { Key = "<script>" }));
        Assert.Equal(3, await app.WithDbAsync(db => db.DialogueQuestions.CountAsync(q => q.SessionId == id)));
    }

    private sealed record Form(string Token, string Key);

    private static async Task<Form> FormAsync(TestClient client, string page)
    {
        var html = await client.GetStringAsync(page);
        var token = TokenPattern().Match(html);
        var key = KeyPattern().Match(html);
        Assert.True(token.Success && key.Success, html);
        return new Form(WebUtility.HtmlDecode(token.Groups[1].Value), key.Groups[1].Value);
    }

    private static async Task<string> SendAsync(TestClient client, string page, Form form)
    {
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Question"] = Question, ["FormKey"] = form.Key, ["__RequestVerificationToken"] = form.Token });
        using var sent = await client.Http.PostAsync(page, content);
        var html = await sent.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        var code = CodePattern().Match(html);
        Assert.True(code.Success, html);
        return code.Groups[1].Value;
    }

    [GeneratedRegex(@"name=""__RequestVerificationToken"" type=""hidden"" value=""([^""]+)""")]
    private static partial Regex TokenPattern();

    [GeneratedRegex(@"name=""FormKey"" value=""([0-9A-F]{32})""")]
    private static partial Regex KeyPattern();

    [GeneratedRegex(@"id=""question-code"">([A-Z0-9-]{19})<")]
    private static partial Regex CodePattern();
}
