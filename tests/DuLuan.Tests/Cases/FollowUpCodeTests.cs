using System.Net;
using System.Text.RegularExpressions;
using DuLuan.Data;
using DuLuan.Features.Concerns.Cases;
using DuLuan.Features.Concerns.Intake;
using DuLuan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace DuLuan.Tests.Cases;

/// <summary>The follow-up code: shown once as text and QR, stored only as a hash, the only way to see progress privately and to reopen.</summary>
public sealed partial class FollowUpCodeTests
{
    private const string Title = "Đèn đường hỏng ở tổ 5";
    private const string Text = "Đèn đường trước chợ Hòa Khánh đã hỏng ba tuần nay, buổi tối rất tối.";

    private static async Task<(TestApp App, FakeTimeProvider Clock)> StartAsync(DatabaseProvider provider, Dictionary<string, string?>? overrides = null)
    {
        var clock = TestClock.StartingNow();
        var app = await TestApp.StartAsync(provider, overrides, clock.Install());
        return (app, clock);
    }

    private static async Task<string> SendAsync(TestApp app, FakeTimeProvider clock, TestClient resident, string title = Title)
    {
        var form = await Portal.OpenAsync(resident, app.Tree.CommuneA1.Id);
        clock.Advance(TimeSpan.FromSeconds(30));
        using var sent = await Portal.PostAsync(resident, app.Tree.CommuneA1.Id, form, title, Text, email: "dan@example.vn");
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        Assert.False(sent.Headers.Contains("Set-Cookie"), "no cookie links the resident to the concern");
        Assert.Contains("no-store", sent.Headers.CacheControl?.ToString() ?? string.Empty, StringComparison.Ordinal);
        var html = await sent.Content.ReadAsStringAsync();
        Assert.Contains("id=\"follow-up-qr\" src=\"data:image/svg", html, StringComparison.Ordinal);
        var code = CodePattern().Match(html);
        Assert.True(code.Success, html[..Math.Min(3000, html.Length)]);
        return code.Groups[1].Value;
    }

    private static Task<HttpResponseMessage> FollowAsync(TestClient client, string code, string? handler = null)
        => client.PostFormAsync(Page, new Dictionary<string, string> { ["code"] = code }, handler is null ? Page : $"{Page}?handler={handler}");

    /// <summary>The follow-up page of the seeded ward (any place's page finds any code).</summary>
    private const string Page = "/cong/20200/theo-doi";

    private static Task<long> LinkAnsweredCaseAsync(TestApp app) => app.WithDbAsync(async db =>
    {
        var concern = await db.Concerns.SingleAsync();
        var item = new Case { UnitId = concern.UnitId, Title = concern.Title, Description = concern.Description, Status = CaseStatus.Answered, CreatedAt = DateTime.UtcNow, Answer = "Đã thay bóng đèn.", AnsweredAt = DateTime.UtcNow };
        db.Cases.Add(item);
        await db.SaveChangesAsync();
        concern.CaseId = item.Id;
        concern.Status = ConcernStatus.Linked;
        db.CaseEvents.Add(new CaseEvent { CaseId = item.Id, At = DateTime.UtcNow, Status = CaseStatus.Answered });
        await db.SaveChangesAsync();
        return item.Id;
    });

    [Theory, Providers]
    public async Task The_resident_follows_with_the_code_and_alone_can_reopen_the_answered_case(DatabaseProvider provider)
    {
        var (app, clock) = await StartAsync(provider);
        await using var _ = app;
        using var resident = app.Client();
        var code = await SendAsync(app, clock, resident);
        Assert.Matches("^[2-9A-HJKMNP-Z]{4}(-[2-9A-HJKMNP-Z]{4}){3}$", code);

        // Only a hash is stored, nowhere the code.
        var stored = await app.WithDbAsync(db => db.ConcernFollowUps.SingleAsync());
        Assert.Equal(FollowUpCode.Hash(code.Replace("-", "", StringComparison.Ordinal)), stored.CodeHash);
        Assert.DoesNotContain(code.Replace("-", "", StringComparison.Ordinal), stored.CodeHash, StringComparison.OrdinalIgnoreCase);

        // Another computer, no cookie: the code alone shows the progress.
        using var elsewhere = app.Client();
        using (var waiting = await FollowAsync(elsewhere, code))
        {
            Assert.Equal(HttpStatusCode.OK, waiting.StatusCode);
            var html = await waiting.Content.ReadAsStringAsync();
            Assert.Contains(Title, html, StringComparison.Ordinal);
            Assert.Contains("Đã tiếp nhận, đang chờ xử lý", html, StringComparison.Ordinal);
            Assert.DoesNotContain("id=\"reopen\"", html, StringComparison.Ordinal);
        }

        var caseId = await LinkAnsweredCaseAsync(app);
        var reference = await app.WithDbAsync(db => db.Cases.Where(c => c.Id == caseId).Select(c => c.PublicRef).SingleAsync());

        // Typed in lower case with spaces: still the code.
        var typed = code.ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal);
        using (var answered = await FollowAsync(elsewhere, typed))
        {
            var html = await answered.Content.ReadAsStringAsync();
            Assert.Contains("Đã thay bóng đèn.", html, StringComparison.Ordinal);
            Assert.Contains($"/vu-viec/{reference}", html, StringComparison.Ordinal);
            Assert.Contains("id=\"reopen\"", html, StringComparison.Ordinal);
            Assert.DoesNotContain("dan@example.vn", html, StringComparison.Ordinal);
        }

        using (var reopened = await FollowAsync(elsewhere, code, "Reopen"))
        {
            Assert.Equal(HttpStatusCode.OK, reopened.StatusCode);
            Assert.Contains("Đã mở lại vụ việc", await reopened.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(CaseStatus.Reopened, await app.WithDbAsync(db => db.Cases.Where(c => c.Id == caseId).Select(c => c.Status).SingleAsync()));
        Assert.Equal(1, await app.WithDbAsync(db => db.Notifications.CountAsync()));
        Assert.Contains(CaseWorkflow.ReopenNote, await elsewhere.GetStringAsync($"/vu-viec/{reference}"), StringComparison.Ordinal);

        // Reopened already: a second post changes nothing.
        using (var twice = await FollowAsync(elsewhere, code, "Reopen"))
        {
            Assert.DoesNotContain("id=\"reopen\"", await twice.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(1, await app.WithDbAsync(db => db.CaseEvents.CountAsync(e => e.Status == CaseStatus.Reopened)));
        Assert.Equal(1, await app.WithDbAsync(db => db.Notifications.CountAsync()));
    }

    [Theory, Providers]
    public async Task The_same_text_sent_twice_gives_each_sender_a_code_of_their_own(DatabaseProvider provider)
    {
        var (app, clock) = await StartAsync(provider);
        await using var _ = app;
        using var first = app.Client();
        using var second = app.Client();
        var one = await SendAsync(app, clock, first);
        var two = await SendAsync(app, clock, second);
        Assert.NotEqual(one, two);
        Assert.Equal(1, await app.WithDbAsync(db => db.Concerns.CountAsync()));
        Assert.Equal(2, await app.WithDbAsync(db => db.ConcernFollowUps.CountAsync()));
        using var check = app.Client();
        using (var a = await FollowAsync(check, one))
        {
            Assert.Equal(HttpStatusCode.OK, a.StatusCode);
        }

        using (var b = await FollowAsync(check, two))
        {
            Assert.Equal(HttpStatusCode.OK, b.StatusCode);
        }
    }

    [Theory, Providers]
    public async Task Wrong_forged_and_hostile_codes_get_a_plain_answer_and_change_nothing(DatabaseProvider provider)
    {
        var (app, clock) = await StartAsync(provider, new() { ["Concerns:FollowUpAttemptsPerHour"] = "100" });
        await using var _ = app;
        using var resident = app.Client();
        var code = await SendAsync(app, clock, resident);
        var caseId = await LinkAnsweredCaseAsync(app);
        using var stranger = app.Client();

        // A well-formed code that is not theirs: the same plain message, 404, no echo.
        var wrong = code[0] == 'A' ? "B" + code[1..] : "A" + code[1..];
        foreach (var handler in new string?[] { null, "Reopen" })
        {
            using var response = await FollowAsync(stranger, wrong, handler);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync();
            Assert.Contains("Không tìm thấy phản ánh với mã này", html, StringComparison.Ordinal);
            Assert.DoesNotContain(wrong, html, StringComparison.Ordinal);
            Assert.DoesNotContain("Đã thay bóng đèn.", html, StringComparison.Ordinal);
        }

        foreach (var hostile in new[] { "<script>alert(1)</script>", "' OR 1=1 --", "ABCD-EFGH-JKMN-PQR0", "ABCD-EFGH-JKMN-PQRS-TUVW", "ＡＢＣＤ-EFGH-JKMN-PQRS", new string('A', 39) })
        {
            using var response = await FollowAsync(stranger, hostile, "Reopen");
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync();
            Assert.Contains("gồm 16 chữ cái và chữ số", html, StringComparison.Ordinal);
            Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        }

        // Control characters are refused before the page runs (400, the generic error page; see the closing note of #16).
        using (var control = await FollowAsync(stranger, "\u0000\u0001", "Reopen"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, control.StatusCode);
        }

        using (var huge = await stranger.PostFormAsync(Page, new Dictionary<string, string> { ["code"] = new string('A', 20_000) }, Page + "?handler=Reopen"))
        {
            Assert.False(huge.IsSuccessStatusCode, huge.StatusCode.ToString());
            Assert.NotEqual(HttpStatusCode.InternalServerError, huge.StatusCode);
        }

        using (var noToken = await stranger.Http.PostAsync(Page + "?handler=Reopen", new FormUrlEncodedContent(new Dictionary<string, string> { ["code"] = code })))
        {
            Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        }

        using (var byQuery = await stranger.PostFormAsync(Page, new Dictionary<string, string>(), $"{Page}?handler=Reopen&code={Uri.EscapeDataString(code)}"))
        {
            Assert.NotEqual(HttpStatusCode.OK, byQuery.StatusCode);
        }

        Assert.Equal(CaseStatus.Answered, await app.WithDbAsync(db => db.Cases.Where(c => c.Id == caseId).Select(c => c.Status).SingleAsync()));
        Assert.Equal(0, await app.WithDbAsync(db => db.Notifications.CountAsync()));
    }

    [Theory, Providers]
    public async Task Guessing_codes_is_rate_limited(DatabaseProvider provider)
    {
        var (app, _) = await StartAsync(provider, new() { ["Concerns:FollowUpAttemptsPerHour"] = "3" });
        await using var __ = app;
        using var guesser = app.Client();
        for (var i = 0; i < 3; i++)
        {
            using var response = await FollowAsync(guesser, "ABCD-EFGH-JKMN-PQR" + "STUVW"[i]);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        using var limited = await FollowAsync(guesser, "ABCD-EFGH-JKMN-PQRX");
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await guesser.GetAsync(Page)).StatusCode);
    }

    [GeneratedRegex("id=\"follow-up-code\">([^<]+)<")]
    private static partial Regex CodePattern();
}
