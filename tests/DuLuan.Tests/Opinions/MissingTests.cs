using System.Net;
using DuLuan.Data;
using DuLuan.Features.Members;
using DuLuan.Features.Opinions;
using DuLuan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static DuLuan.Tests.Opinions.OpinionForm;

namespace DuLuan.Tests.Opinions;

public sealed class MissingTests
{
    private static Task<long> MembershipAsync(TestApp app, Member member) => app.WithDbAsync(db => db.Memberships.Where(m => m.MemberId == member.Id).Select(m => m.Id).SingleAsync());

    [Theory, Providers]
    public async Task The_lead_sees_who_has_not_reported_this_period_and_sets_cadences(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var t = app.Tree;
        var lead = await app.AddMemberAsync("lead@48.vn", t.ProvinceA, Role.Lead);
        await app.AddMemberAsync("hoa@a1.vn", t.CommuneA1, Role.Collaborator);
        var lan = await app.AddMemberAsync("lan@a2.vn", t.CommuneA2, Role.Collaborator);
        var binh = await app.AddMemberAsync("binh@b1.vn", t.CommuneB1, Role.Collaborator);
        using var hoa = app.Client();
        await hoa.SignInOkAsync("hoa@a1.vn");
        var form = await OpenAsync(hoa, t.CommuneA1.Id);
        ReportId(await PostAsync(hoa, t.CommuneA1.Id, form, Stream(0)));

        // Lan filed long ago: that does not count for the current month.
        await app.WithDbAsync(async db =>
        {
            db.OpinionReports.Add(new OpinionReport { MemberId = lan.Id, UnitId = t.CommuneA2.Id, PeriodStart = new DateOnly(2025, 1, 1), PeriodEnd = new DateOnly(2025, 1, 31), SubmittedAt = DateTime.UtcNow, IdempotencyKey = "old-report-0000000001" });
            return await db.SaveChangesAsync();
        });

        using var staff = app.Client();
        await staff.SignInAdminAsync(lead);
        var html = await staff.GetStringAsync("/Opinions/Missing");
        Assert.Contains("1 trên 2 cộng tác viên chưa báo cáo", html, StringComparison.Ordinal);
        Assert.Matches("class=\"not-reported\">\\s*<td>lan</td>", html);
        Assert.Matches("class=\"reported\">\\s*<td>hoa</td>", html);
        Assert.DoesNotContain("binh", html, StringComparison.Ordinal);

        var lanMembership = await MembershipAsync(app, lan);
        using (var set = await staff.PostFormAsync("/Opinions/Missing", new Dictionary<string, string> { ["membershipId"] = S(lanMembership), ["cadence"] = "Weekly" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        }

        Assert.Equal(Cadence.Weekly, await app.WithDbAsync(db => db.OpinionCadences.Where(c => c.MembershipId == lanMembership).Select(c => c.Cadence).SingleAsync()));
        using (var set = await staff.PostFormAsync("/Opinions/Missing", new Dictionary<string, string> { ["membershipId"] = S(lanMembership), ["cadence"] = "Quarterly" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        }

        Assert.Equal(Cadence.Quarterly, await app.WithDbAsync(db => db.OpinionCadences.Where(c => c.MembershipId == lanMembership).Select(c => c.Cadence).SingleAsync()));

        // The collaborator's form now proposes the current quarter.
        using var lanClient = app.Client();
        await lanClient.SignInOkAsync("lan@a2.vn");
        var lanForm = await OpenAsync(lanClient, t.CommuneA2.Id);
        var start = DateOnly.ParseExact(lanForm.Start, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(1, start.Day);
        Assert.Equal(0, (start.Month - 1) % 3);
        Assert.Equal(start.AddMonths(3).AddDays(-1), DateOnly.ParseExact(lanForm.End, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));

        // Unknown cadences are refused by name; another subtree's or unknown membership is not found.
        foreach (var cadence in new[] { "Daily", "0", "weekly", "", "<script>" })
        {
            using var bad = await staff.PostFormAsync("/Opinions/Missing", new Dictionary<string, string> { ["membershipId"] = S(lanMembership), ["cadence"] = cadence });
            Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
            Assert.Contains("Định kỳ: chọn", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var binhMembership = await MembershipAsync(app, binh);
        var leadMembership = await MembershipAsync(app, lead);
        foreach (var id in new[] { S(binhMembership), S(leadMembership), "999999", "-1", "abc" })
        {
            using var foreign = await staff.PostFormAsync("/Opinions/Missing", new Dictionary<string, string> { ["membershipId"] = id, ["cadence"] = "Weekly" });
            Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        }

        Assert.Equal(1, await app.WithDbAsync(db => db.OpinionCadences.CountAsync()));
        Assert.Equal(["Weekly", "Quarterly"], await app.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == Cadences.AuditAction).OrderBy(a => a.Id).Select(a => a.Detail!).ToListAsync()));

        // Collaborators see no one's reporting status.
        Assert.Equal(HttpStatusCode.NotFound, (await lanClient.GetAsync("/Opinions/Missing")).StatusCode);
    }
}
