using System.Net;
using DuLuan.Data;
using DuLuan.Features.Audit;
using DuLuan.Features.Concerns.Cases;
using DuLuan.Features.Concerns.Intake;
using DuLuan.Features.Members;
using DuLuan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace DuLuan.Tests.Cases;

public sealed class PortalTests
{
    private const string Title = "Đèn đường hỏng trên đường Nguyễn Tất Thành";
    private const string Text = "Cả đoạn đường tối om từ tuần trước, rất nguy hiểm cho người đi xe máy buổi tối.";

    private static async Task<(TestApp App, FakeTimeProvider Clock)> StartAsync(DatabaseProvider provider, Dictionary<string, string?>? overrides = null)
    {
        var clock = TestClock.StartingNow();
        var app = await TestApp.StartAsync(provider, overrides, clock.Install());
        return (app, clock);
    }

    [Theory, Providers]
    public async Task A_resident_sends_an_anonymous_concern_stored_clean_and_redacted(DatabaseProvider provider)
    {
        var (app, clock) = await StartAsync(provider);
        await using var _ = app;
        using var resident = app.Client();
        var form = await Portal.OpenAsync(resident, app.Tree.CommuneA1.Id);
        clock.Advance(TimeSpan.FromSeconds(30));
        using var sent = await Portal.PostAsync(resident, app.Tree.CommuneA1.Id, form,
            "<b>Đèn đường</b> hỏng <script>alert(1)</script>",
            "Ông Nguyễn Văn An gọi 0905 123 456 báo <img src=x onerror=alert(1)>đèn tắt ở tổ 5.");
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        Assert.Contains("id=\"follow-up-code\"", await sent.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var stored = await app.WithDbAsync(db => db.Concerns.SingleAsync());
        Assert.Equal("Đèn đường hỏng", stored.Title);
        Assert.DoesNotContain("<", stored.Description, StringComparison.Ordinal);
        Assert.DoesNotContain("0905", stored.Description, StringComparison.Ordinal);
        Assert.DoesNotContain("Nguyễn Văn An", stored.Description, StringComparison.Ordinal);
        Assert.Contains("[số điện thoại]", stored.Description, StringComparison.Ordinal);
        Assert.Null(stored.ContactProtected);
        Assert.Equal(ConcernStatus.New, stored.Status);
        Assert.Equal(ConcernSource.Portal, stored.Source);
    }

    [Theory, Providers]
    public async Task A_contact_is_encrypted_and_each_view_by_a_lead_is_audited(DatabaseProvider provider)
    {
        var (app, clock) = await StartAsync(provider);
        await using var _ = app;
        var lead = await app.AddMemberAsync("lead@48.vn", app.Tree.ProvinceA, Role.Lead);
        await app.AddMemberAsync("viewer@48.vn", app.Tree.ProvinceA, Role.Viewer);
        await app.AddMemberAsync("lead@01.vn", app.Tree.ProvinceB, Role.Viewer);
        using var staff = app.Client();
        await staff.SignInAdminAsync(lead);

        using var resident = app.Client();
        var form = await Portal.OpenAsync(resident, app.Tree.CommuneA1.Id);
        clock.Advance(TimeSpan.FromSeconds(30));
        using var sent = await Portal.PostAsync(resident, app.Tree.CommuneA1.Id, form, Title, Text, "dan@example.vn", "0905 111 222");
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        var stored = await app.WithDbAsync(db => db.Concerns.SingleAsync());
        Assert.NotNull(stored.ContactProtected);
        Assert.DoesNotContain("dan@example.vn", stored.ContactProtected, StringComparison.Ordinal);
        Assert.DoesNotContain("111", stored.ContactProtected, StringComparison.Ordinal);

        var details = await staff.GetStringAsync($"/Concerns/Details?id={stored.Id}");
        Assert.DoesNotContain("dan@example.vn", details, StringComparison.Ordinal);
        using var shown = await staff.PostFormAsync($"/Concerns/Details?id={stored.Id}", new Dictionary<string, string> { ["id"] = stored.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) }, $"/Concerns/Details?handler=Contact&id={stored.Id}");
        Assert.Contains("dan@example.vn", await shown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var reads = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == AuditActions.PersonalDataRead).ToListAsync());
        Assert.Equal($"concern:{stored.Id}", Assert.Single(reads).Target);

        using var viewer = app.Client();
        await viewer.SignInOkAsync("viewer@48.vn");
        Assert.DoesNotContain("handler=Contact", await viewer.GetStringAsync($"/Concerns/Details?id={stored.Id}"), StringComparison.Ordinal);
        using var refused = await viewer.PostFormAsync($"/Concerns/Details?id={stored.Id}", new Dictionary<string, string>(), $"/Concerns/Details?handler=Contact&id={stored.Id}");
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);

        using var other = app.Client();
        await other.SignInOkAsync("lead@01.vn");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/Concerns/Details?id={stored.Id}")).StatusCode);
        Assert.DoesNotContain(Title, await other.GetStringAsync("/Concerns"), StringComparison.Ordinal);
        Assert.Single(await app.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == AuditActions.PersonalDataRead).ToListAsync()));
    }

    [Theory, Providers]
    public async Task Bots_are_turned_away_and_nothing_is_stored(DatabaseProvider provider)
    {
        var (app, clock) = await StartAsync(provider);
        await using var _ = app;
        using var bot = app.Client();
        var unit = app.Tree.CommuneA1.Id;

        var form = await Portal.OpenAsync(bot, unit);
        using var tooFast = await Portal.PostAsync(bot, unit, form, Title, Text);
        Assert.Equal(HttpStatusCode.OK, tooFast.StatusCode);
        Assert.Contains("quá nhanh", await tooFast.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        clock.Advance(TimeSpan.FromSeconds(30));
        using var honeypot = await Portal.PostAsync(bot, unit, form, Title, Text, website: "http://spam.example");
        Assert.Equal(HttpStatusCode.OK, honeypot.StatusCode);
        Assert.Contains("id=\"follow-up-code\"", await honeypot.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var forged = await Portal.PostAsync(bot, unit, form with { Started = "CfDJ8-forged" }, Title, Text);
        Assert.Equal(HttpStatusCode.OK, forged.StatusCode);
        using var replayed = await Portal.PostAsync(bot, unit, form with { Started = form.Started }, Title, Text);
        clock.Advance(TimeSpan.FromHours(7));
        using var stale = await Portal.PostAsync(bot, unit, form, Title + " lần nữa", Text);
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);

        Assert.Equal(1, await app.WithDbAsync(db => db.Concerns.CountAsync()));
    }

    [Theory, Providers]
    public async Task Hostile_fields_are_refused_with_a_message(DatabaseProvider provider)
    {
        var (app, clock) = await StartAsync(provider);
        await using var _ = app;
        using var client = app.Client();
        var unit = app.Tree.CommuneA1.Id;
        var form = await Portal.OpenAsync(client, unit);
        clock.Advance(TimeSpan.FromSeconds(30));

        using var tooLong = await Portal.PostAsync(client, unit, form, Title, new string('a', 4001));
        Assert.Equal(HttpStatusCode.OK, tooLong.StatusCode);
        Assert.Contains("Nội dung phải dài từ 10 đến 4000", await tooLong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var onlyMarkup = await Portal.PostAsync(client, unit, form, Title, "<script>alert('x')</script><b></b><i></i>");
        Assert.Contains("chỉ gồm mã HTML", await onlyMarkup.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var badEmail = await Portal.PostAsync(client, unit, form, Title, Text, email: "x@y\"<script>");
        Assert.Contains("không phải địa chỉ email", await badEmail.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var badPhone = await Portal.PostAsync(client, unit, form, Title, Text, phone: "<b>090</b>");
        Assert.Contains("Số điện thoại chỉ gồm", await badPhone.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var empty = await Portal.PostAsync(client, unit, form, "", "");
        Assert.Contains("Vui lòng nhập Tiêu đề", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var huge = await client.Http.PostAsync(await Portal.PathAsync(client, unit), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = form.Token,
            ["Started"] = form.Started,
            ["Title"] = Title,
            ["Description"] = new string('b', 200_000),
        }));
        Assert.False(huge.IsSuccessStatusCode || huge.StatusCode == HttpStatusCode.Redirect, huge.StatusCode.ToString());

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/phan-anh/999999")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/phan-anh/{app.Tree.AgencyA1.Id}")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await client.GetAsync("/phan-anh/abc")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/cong/999999/phan-anh")).StatusCode);
        using var unknown = await client.Http.PostAsync("/cong/999999/phan-anh", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = form.Token, ["Started"] = form.Started, ["Title"] = Title, ["Description"] = Text }));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.Concerns.CountAsync()));
    }

    [Theory, Providers]
    public async Task Link_spam_is_held_for_review(DatabaseProvider provider)
    {
        var (app, clock) = await StartAsync(provider);
        await using var _ = app;
        using var client = app.Client();
        var form = await Portal.OpenAsync(client, app.Tree.CommuneA1.Id);
        clock.Advance(TimeSpan.FromSeconds(30));
        using var sent = await Portal.PostAsync(client, app.Tree.CommuneA1.Id, form, "Khuyến mãi lớn",
            "Xem ngay http://a.example và https://b.example cùng www.c.example để nhận quà.");
        Assert.Contains("cán bộ xem trước", await sent.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(ConcernStatus.Held, await app.WithDbAsync(db => db.Concerns.Select(c => c.Status).SingleAsync()));
    }

    [Theory, Providers]
    public async Task Too_many_posts_from_one_address_get_429_with_Retry_After(DatabaseProvider provider)
    {
        var (app, clock) = await StartAsync(provider, new() { ["Concerns:SubmissionsPerHour"] = "2" });
        await using var _ = app;
        using var client = app.Client();
        var form = await Portal.OpenAsync(client, app.Tree.CommuneA1.Id);
        clock.Advance(TimeSpan.FromSeconds(30));
        for (var i = 0; i < 2; i++)
        {
            using var ok = await Portal.PostAsync(client, app.Tree.CommuneA1.Id, form, $"{Title} {i}", Text);
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        using var limited = await Portal.PostAsync(client, app.Tree.CommuneA1.Id, form, $"{Title} 3", Text);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(int.Parse(limited.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/cong/{app.Tree.CommuneA1.Code}/phan-anh")).StatusCode);
        Assert.Equal(2, await app.WithDbAsync(db => db.Concerns.CountAsync()));
    }

    [Theory, Providers]
    public async Task Fifty_identical_parallel_submissions_make_one_concern(DatabaseProvider provider)
    {
        var (app, clock) = await StartAsync(provider, new() { ["Concerns:SubmissionsPerHour"] = "1000" });
        await using var _ = app;
        using var client = app.Client();
        var form = await Portal.OpenAsync(client, app.Tree.CommuneA1.Id);
        clock.Advance(TimeSpan.FromSeconds(30));
        var posts = Enumerable.Range(0, 50).Select(async i =>
        {
            // Case and spacing differ; the normalised text is the same.
            using var response = await Portal.PostAsync(client, app.Tree.CommuneA1.Id, form, i % 2 == 0 ? Title : Title.ToUpperInvariant(), Text + (i % 3 == 0 ? "  " : ""));
            return response.StatusCode;
        });
        var statuses = await Task.WhenAll(posts);
        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(1, await app.WithDbAsync(db => db.Concerns.CountAsync()));

        // The same text about another commune is another concern.
        using var elsewhere = await Portal.PostAsync(client, app.Tree.CommuneA2.Id, await Portal.OpenAsync(client, app.Tree.CommuneA2.Id) with { Started = form.Started }, Title, Text);
        Assert.Equal(2, await app.WithDbAsync(db => db.Concerns.CountAsync()));
    }
}
