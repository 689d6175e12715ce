using System.Net;
using System.Text.Json;
using DuLuan.Data;
using DuLuan.Features.Members;
using DuLuan.Features.Opinions;
using DuLuan.Tests.Infrastructure;
using static DuLuan.Tests.Opinions.OpinionForm;

namespace DuLuan.Tests.Opinions;

public sealed class BriefingTests
{
    private static readonly DateOnly October = new(2026, 10, 1);

    private static Task<long> TopicAsync(TestApp app, long unitId, string name) => app.WithDbAsync(async db =>
    {
        var topic = new OpinionTopic { UnitId = unitId, Name = name, NameFolded = OpinionText.Fold(name), CreatedAt = DateTime.UtcNow };
        db.OpinionTopics.Add(topic);
        await db.SaveChangesAsync();
        return topic.Id;
    });

    private static Task<long> ReportAsync(TestApp app, Member member, long unitId, DateOnly start, params OpinionStream[] streams) => app.WithDbAsync(async db =>
    {
        var report = new OpinionReport
        {
            MemberId = member.Id,
            UnitId = unitId,
            PeriodStart = start,
            PeriodEnd = start.AddMonths(1).AddDays(-1),
            SubmittedAt = DateTime.UtcNow,
            IdempotencyKey = Guid.NewGuid().ToString("N"),
            Streams = streams.ToList(),
        };
        db.OpinionReports.Add(report);
        await db.SaveChangesAsync();
        return report.Id;
    });

    private static OpinionStream S_(long topic, Tendency tendency, int intensity, Spread spread, OpinionSources sources)
        => new() { TopicId = topic, Summary = "Người dân bàn tán nhiều về chủ đề này.", Tendency = tendency, Intensity = intensity, Spread = spread, Sources = sources };

    [Theory, Providers]
    public async Task The_briefing_rolls_streams_up_by_topic_across_communes_with_the_trend(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var t = app.Tree;
        var ctvA1 = await app.AddMemberAsync("ctv1@a1.vn", t.CommuneA1, Role.Collaborator);
        var ctvA1b = await app.AddMemberAsync("ctv2@a1.vn", t.CommuneA1, Role.Collaborator);
        var ctvA2 = await app.AddMemberAsync("ctv@a2.vn", t.CommuneA2, Role.Collaborator);
        var ctvB1 = await app.AddMemberAsync("ctv@b1.vn", t.CommuneB1, Role.Collaborator);
        await app.AddMemberAsync("editor@48.vn", t.ProvinceA, Role.Editor);
        var power = await TopicAsync(app, t.ProvinceA.Id, "Giá điện");
        var roadA1 = await TopicAsync(app, t.CommuneA1.Id, "Đường giao thông");
        var roadA2 = await TopicAsync(app, t.CommuneA2.Id, "Duong giao thong");
        var fees = await TopicAsync(app, t.CommuneA2.Id, "Học phí");
        var waste = await TopicAsync(app, t.CommuneA1.Id, "Rác thải");
        var powerB = await TopicAsync(app, t.CommuneB1.Id, "Giá điện");

        await ReportAsync(app, ctvA1, t.CommuneA1.Id, October,
            S_(power, Tendency.Disagree, 4, Spread.Commune, OpinionSources.Press),
            S_(roadA1, Tendency.Agree, 3, Spread.Neighbourhood, OpinionSources.Meeting));
        await ReportAsync(app, ctvA1b, t.CommuneA1.Id, October, S_(power, Tendency.Agree, 3, Spread.FewPeople, OpinionSources.Conversation));
        await ReportAsync(app, ctvA2, t.CommuneA2.Id, October.AddDays(14),
            S_(power, Tendency.Disagree, 5, Spread.Beyond, OpinionSources.Conversation),
            S_(roadA2, Tendency.Mixed, 2, Spread.FewPeople, OpinionSources.Other),
            S_(fees, Tendency.Undecided, 1, Spread.FewPeople, OpinionSources.OfficialPage));
        await ReportAsync(app, ctvB1, t.CommuneB1.Id, October, S_(powerB, Tendency.Agree, 5, Spread.Beyond, OpinionSources.Loudspeaker));

        // October is a whole month: the previous period is September.
        await ReportAsync(app, ctvA1, t.CommuneA1.Id, new DateOnly(2026, 9, 1),
            S_(power, Tendency.Agree, 2, Spread.FewPeople, OpinionSources.Conversation),
            S_(roadA1, Tendency.Agree, 5, Spread.Commune, OpinionSources.Meeting),
            S_(roadA1, Tendency.Agree, 5, Spread.Commune, OpinionSources.Meeting),
            S_(waste, Tendency.Disagree, 4, Spread.Commune, OpinionSources.Meeting));
        // Outside both periods: counts nowhere.
        await ReportAsync(app, ctvA1, t.CommuneA1.Id, new DateOnly(2026, 11, 1), S_(power, Tendency.Agree, 5, Spread.Beyond, OpinionSources.Press));

        using var editor = app.Client();
        await editor.SignInOkAsync("editor@48.vn");
        var query = $"unitId={S(t.ProvinceA.Id)}&From=2026-10-01&To=2026-10-31";
        using var json = await editor.GetAsync($"/Opinions/Briefing?handler=Json&{query}");
        Assert.Equal(HttpStatusCode.OK, json.StatusCode);
        using var doc = JsonDocument.Parse(await json.Content.ReadAsStringAsync());
        var root = doc.RootElement;
        Assert.Equal(2, root.GetProperty("communes").GetInt32());
        Assert.Equal(3, root.GetProperty("reports").GetInt32());
        Assert.Equal("2026-09-01", root.GetProperty("previousFrom").GetString());
        var topics = root.GetProperty("topics").EnumerateArray().ToDictionary(e => e.GetProperty("topic").GetString()!);
        Assert.Equal(3, topics.Count);
        var p = topics["Giá điện"];
        Assert.Equal(2, p.GetProperty("communes").GetInt32());
        Assert.Equal(3, p.GetProperty("reports").GetInt32());
        Assert.Equal("Disagree", p.GetProperty("dominantTendency").GetString());
        Assert.Equal(4.0, p.GetProperty("meanIntensity").GetDouble());
        Assert.Equal("Beyond", p.GetProperty("widestSpread").GetString());
        Assert.Equal("Conversation, Press", p.GetProperty("sources").GetString());
        Assert.Equal("Rising", p.GetProperty("trend").GetString());
        var road = topics.Single(kv => kv.Key.StartsWith("Đường", StringComparison.Ordinal) || kv.Key.StartsWith("Duong", StringComparison.Ordinal)).Value;
        Assert.Equal(2, road.GetProperty("communes").GetInt32());
        Assert.Equal(2.5, road.GetProperty("meanIntensity").GetDouble());
        Assert.Equal("Neighbourhood", road.GetProperty("widestSpread").GetString());
        Assert.Equal("Falling", road.GetProperty("trend").GetString());
        Assert.Equal(2, road.GetProperty("previousStreams").GetInt32());
        Assert.Equal("New", topics["Học phí"].GetProperty("trend").GetString());
        Assert.Equal("Rác thải", Assert.Single(root.GetProperty("faded").EnumerateArray()).GetString());

        // One commune alone.
        using var communeJson = await editor.GetAsync($"/Opinions/Briefing?handler=Json&unitId={S(t.CommuneA2.Id)}&From=2026-10-01&To=2026-10-31");
        using var communeDoc = JsonDocument.Parse(await communeJson.Content.ReadAsStringAsync());
        Assert.Equal(1, communeDoc.RootElement.GetProperty("reports").GetInt32());

        var html = await editor.GetStringAsync($"/Opinions/Briefing?{query}");
        Assert.Contains("id=\"briefing\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"print-briefing\"", html, StringComparison.Ordinal);
        Assert.Contains(">Tăng<", html, StringComparison.Ordinal);
        Assert.Contains(">Giảm<", html, StringComparison.Ordinal);
        Assert.Contains(">Mới<", html, StringComparison.Ordinal);
    }

    [Theory, Providers]
    public async Task Briefing_refuses_other_subtrees_and_bad_periods(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var t = app.Tree;
        await app.AddMemberAsync("editor@48.vn", t.ProvinceA, Role.Editor);
        await app.AddMemberAsync("ctv@a1.vn", t.CommuneA1, Role.Collaborator);
        using var editor = app.Client();
        await editor.SignInOkAsync("editor@48.vn");
        using var ctv = app.Client();
        await ctv.SignInOkAsync("ctv@a1.vn");

        foreach (var unit in new[] { S(t.ProvinceB.Id), S(t.CommuneB1.Id), S(t.Root.Id), "999999", "-5" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync($"/Opinions/Briefing?unitId={unit}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync($"/Opinions/Briefing?handler=Json&unitId={unit}")).StatusCode);
        }

        // A collaborator files reports but reads no briefing.
        Assert.Equal(HttpStatusCode.NotFound, (await ctv.GetAsync("/Opinions/Briefing")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ctv.GetAsync($"/Opinions/Briefing?handler=Json&unitId={S(t.CommuneA1.Id)}")).StatusCode);

        foreach (var (from, to) in new[] { ("2026-13-01", "2026-12-31"), ("2026-10-31", "2026-10-01"), ("2020-01-01", "2026-01-01"), ("<script>", "x"), ("0001-01-01", "0001-01-31"), ("2026-10-01", new string('9', 5000)) })
        {
            var q = $"unitId={S(t.ProvinceA.Id)}&From={Uri.EscapeDataString(from)}&To={Uri.EscapeDataString(to)}";
            using var page = await editor.GetAsync($"/Opinions/Briefing?{q}");
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            var html = await page.Content.ReadAsStringAsync();
            Assert.Contains("Kỳ tổng hợp", html, StringComparison.Ordinal);
            Assert.DoesNotContain("<script>", html.Replace("<script src=", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
            using var api = await editor.GetAsync($"/Opinions/Briefing?handler=Json&{q}");
            Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
            Assert.Contains("Kỳ tổng hợp", await api.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // Defaults: last month of the editor's first unit.
        var defaults = await editor.GetStringAsync("/Opinions/Briefing");
        Assert.Contains("id=\"briefing-summary\"", defaults, StringComparison.Ordinal);
    }
}
