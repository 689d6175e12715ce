using System.Net;
using DuLuan.Data;
using DuLuan.Features.Members;
using DuLuan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static DuLuan.Tests.Opinions.OpinionForm;

namespace DuLuan.Tests.Opinions;

/// <summary>The offline queue may send a batch again (a lost answer, a second tab): the key makes each report count once.</summary>
public sealed class IdempotencyTests
{
    [Theory, Providers]
    public async Task A_replayed_batch_stores_each_report_and_its_concern_once(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await app.AddMemberAsync("ctv@a1.vn", app.Tree.CommuneA1, Role.Collaborator);
        using var ctv = app.Client();
        await ctv.SignInOkAsync("ctv@a1.vn");
        var unit = app.Tree.CommuneA1.Id;
        var form = await OpenAsync(ctv, unit);
        var keys = new[] { "queued-report-key-000001", "queued-report-key-000002", "queued-report-key-000003" };
        var batch = keys.Select((k, i) => (Key: k, Streams: Stream(0, newTopic: $"Chủ đề số {i + 1}", suggestion: $"Đề nghị số {i + 1} về chiếu sáng đường làng"))).ToList();

        var first = new List<long>();
        foreach (var (key, streams) in batch)
        {
            using var response = await PostAsync(ctv, unit, form, streams, key);
            first.Add(ReportId(response));
        }

        // The whole batch again, then once more all at the same time.
        var second = new List<long>();
        foreach (var (key, streams) in batch)
        {
            using var response = await PostAsync(ctv, unit, form, streams, key);
            second.Add(ReportId(response));
            Assert.DoesNotContain("saved=1", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        }

        var parallel = await Task.WhenAll(Enumerable.Range(0, 4).SelectMany(_ => batch).Select(async b =>
        {
            using var response = await PostAsync(ctv, unit, form, b.Streams, b.Key);
            return ReportId(response);
        }));

        Assert.Equal(first, second);
        Assert.Equal(first.ToHashSet(), parallel.ToHashSet());
        Assert.Equal(3, await app.WithDbAsync(db => db.OpinionReports.CountAsync()));
        Assert.Equal(3, await app.WithDbAsync(db => db.OpinionStreams.CountAsync()));
        Assert.Equal(3, await app.WithDbAsync(db => db.Concerns.CountAsync()));
        Assert.Equal(3, await app.WithDbAsync(db => db.OpinionTopics.CountAsync()));
    }

    [Theory, Providers]
    public async Task A_fresh_key_posted_many_times_at_once_stores_one_report(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await app.AddMemberAsync("ctv@a1.vn", app.Tree.CommuneA1, Role.Collaborator);
        await app.AddMemberAsync("ctv2@a1.vn", app.Tree.CommuneA1, Role.Collaborator);
        using var ctv = app.Client();
        await ctv.SignInOkAsync("ctv@a1.vn");
        var unit = app.Tree.CommuneA1.Id;
        var form = await OpenAsync(ctv, unit);
        var ids = await Task.WhenAll(Enumerable.Range(0, 12).Select(async _ =>
        {
            using var response = await PostAsync(ctv, unit, form, Stream(0, suggestion: "Đề nghị lắp thêm đèn ở ngã ba chợ"));
            return ReportId(response);
        }));
        Assert.Single(ids.Distinct());
        Assert.Equal(1, await app.WithDbAsync(db => db.OpinionReports.CountAsync()));
        Assert.Equal(1, await app.WithDbAsync(db => db.Concerns.CountAsync()));

        // Keys belong to the collaborator: another one's key stores their own report and reveals nothing.
        using var other = app.Client();
        await other.SignInOkAsync("ctv2@a1.vn");
        var otherForm = await OpenAsync(other, unit);
        using var response = await PostAsync(other, unit, otherForm, Stream(0), form.Key);
        var otherId = ReportId(response);
        Assert.NotEqual(ids[0], otherId);
        Assert.Equal(2, await app.WithDbAsync(db => db.OpinionReports.CountAsync()));
    }

    [Theory, Providers]
    public async Task Reports_adding_the_same_new_topic_at_once_share_one_topic(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await app.AddMemberAsync("ctv@a1.vn", app.Tree.CommuneA1, Role.Collaborator);
        using var ctv = app.Client();
        await ctv.SignInOkAsync("ctv@a1.vn");
        var unit = app.Tree.CommuneA1.Id;
        var form = await OpenAsync(ctv, unit);
        var ids = await Task.WhenAll(Enumerable.Range(0, 8).Select(async i =>
        {
            using var response = await PostAsync(ctv, unit, form, Stream(0, newTopic: "Trường học xuống cấp"), $"same-topic-key-{i:D8}");
            return ReportId(response);
        }));
        Assert.Equal(8, ids.Distinct().Count());
        Assert.Equal(1, await app.WithDbAsync(db => db.OpinionTopics.CountAsync()));
        Assert.Equal(8, await app.WithDbAsync(db => db.OpinionStreams.CountAsync()));
    }

    [Theory, Providers]
    public async Task The_form_works_offline_from_static_files_only(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await app.AddMemberAsync("ctv@a1.vn", app.Tree.CommuneA1, Role.Collaborator);
        using var ctv = app.Client();
        await ctv.SignInOkAsync("ctv@a1.vn");
        using var page = await ctv.GetAsync($"/Opinions/New?unitId={S(app.Tree.CommuneA1.Id)}");
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("script-src 'self'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.DoesNotMatch("<script(?![^>]*\\ssrc=)", html);
        Assert.Contains("/js/opinions.js", html, StringComparison.Ordinal);
        Assert.Contains("<template id=\"stream-template\">", html, StringComparison.Ordinal);
        Assert.Contains("Streams[__i__].Summary", html, StringComparison.Ordinal);
        foreach (var path in new[] { "/opinions-sw.js", "/js/opinions.js" })
        {
            using var anonymous = app.Client();
            using var script = await anonymous.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, script.StatusCode);
            Assert.Equal("text/javascript", script.Content.Headers.ContentType!.MediaType);
        }

        var worker = await app.Client().GetStringAsync("/opinions-sw.js");
        Assert.Contains("/Opinions/New", worker, StringComparison.Ordinal);
        Assert.Contains("request.method !== 'GET'", worker, StringComparison.Ordinal);
    }
}
