using System.Net;
using System.Text;
using DuLuan.Data;
using DuLuan.Features.Concerns.Intake;
using DuLuan.Features.Members;
using DuLuan.Features.Opinions;
using DuLuan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static DuLuan.Tests.Opinions.OpinionForm;

namespace DuLuan.Tests.Opinions;

public sealed class FilingTests
{
    [Theory, Providers]
    public async Task A_collaborator_files_streams_stored_redacted_and_a_suggestion_becomes_a_concern(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var listed = await app.WithDbAsync(async db =>
        {
            var topic = new OpinionTopic { UnitId = app.Tree.ProvinceA.Id, Name = "Giá điện", NameFolded = "gia dien", CreatedAt = DateTime.UtcNow };
            db.OpinionTopics.Add(topic);
            await db.SaveChangesAsync();
            return topic;
        });
        await app.AddMemberAsync("ctv@a1.vn", app.Tree.CommuneA1, Role.Collaborator);
        using var ctv = app.Client();
        await ctv.SignInOkAsync("ctv@a1.vn");
        var page = await ctv.GetStringAsync($"/Opinions/New?unitId={S(app.Tree.CommuneA1.Id)}");
        Assert.Contains("Giá điện", page, StringComparison.Ordinal);
        Assert.Contains("đừng ghi họ tên", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", page, StringComparison.Ordinal);

        var form = await OpenAsync(ctv, app.Tree.CommuneA1.Id);
        var streams = Stream(0, topicId: S(listed.Id), summary: "Nhiều hộ phàn nàn hoá đơn tăng, ông Nguyễn Văn An gọi 0905 123 456 để hỏi.", tendency: "Disagree", intensity: "5", spread: "Beyond", sources: ["Conversation", "Press"])
            .Concat(Stream(1, newTopic: "  Đường  giao thông <b>nông thôn</b> ", suggestion: "Đề nghị xã sớm khởi công đoạn đường thôn 3."))
            .ToList();
        using var sent = await PostAsync(ctv, app.Tree.CommuneA1.Id, form, streams);
        var id = ReportId(sent);
        Assert.EndsWith("&saved=1", sent.Headers.Location!.ToString(), StringComparison.Ordinal);

        var report = await app.WithDbAsync(db => db.OpinionReports.Include(r => r.Streams).ThenInclude(s => s.Topic).SingleAsync());
        Assert.Equal(id, report.Id);
        Assert.Equal(app.Tree.CommuneA1.Id, report.UnitId);
        var first = report.Streams.OrderBy(s => s.Id).First();
        var second = report.Streams.OrderBy(s => s.Id).Last();
        Assert.Equal(listed.Id, first.TopicId);
        Assert.DoesNotContain("0905", first.Summary, StringComparison.Ordinal);
        Assert.DoesNotContain("Nguyễn Văn An", first.Summary, StringComparison.Ordinal);
        Assert.Contains("[số điện thoại]", first.Summary, StringComparison.Ordinal);
        Assert.Equal(Tendency.Disagree, first.Tendency);
        Assert.Equal(5, first.Intensity);
        Assert.Equal(Spread.Beyond, first.Spread);
        Assert.Equal(OpinionSources.Conversation | OpinionSources.Press, first.Sources);
        Assert.Contains("Phone", first.Redacted!, StringComparison.Ordinal);
        Assert.Null(first.ConcernId);
        Assert.Equal("Đường giao thông nông thôn", second.Topic!.Name);
        Assert.Equal(app.Tree.CommuneA1.Id, second.Topic.UnitId);

        var concern = await app.WithDbAsync(db => db.Concerns.SingleAsync());
        Assert.Equal(second.ConcernId, concern.Id);
        Assert.Equal(ConcernSource.OpinionReport, concern.Source);
        Assert.Equal(app.Tree.CommuneA1.Id, concern.UnitId);
        Assert.Contains("thôn 3", concern.Description, StringComparison.Ordinal);

        // The saved page says what kinds were removed, never the data itself.
        var shown = await ctv.GetStringAsync(sent.Headers.Location!.ToString());
        Assert.Contains("[số điện thoại]", shown, StringComparison.Ordinal);
        Assert.Contains("Đã xoá thông tin cá nhân", shown, StringComparison.Ordinal);
        Assert.DoesNotContain("0905", shown, StringComparison.Ordinal);

        // The same new topic typed differently next time is the same topic.
        var again = await OpenAsync(ctv, app.Tree.CommuneA1.Id);
        using var second2 = await PostAsync(ctv, app.Tree.CommuneA1.Id, again, Stream(0, newTopic: "duong giao thong nong thon"));
        ReportId(second2);
        Assert.Equal(2, await app.WithDbAsync(db => db.OpinionTopics.CountAsync()));
    }

    [Theory, Providers]
    public async Task Another_units_commune_topic_and_report_are_not_found(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var foreignTopic = await app.WithDbAsync(async db =>
        {
            var topic = new OpinionTopic { UnitId = app.Tree.CommuneB1.Id, Name = "Chủ đề Ba Đình", NameFolded = "chu de ba dinh", CreatedAt = DateTime.UtcNow };
            db.OpinionTopics.Add(topic);
            await db.SaveChangesAsync();
            return topic;
        });
        await app.AddMemberAsync("ctv@a1.vn", app.Tree.CommuneA1, Role.Collaborator);
        await app.AddMemberAsync("ctv@b1.vn", app.Tree.CommuneB1, Role.Collaborator);
        await app.AddMemberAsync("viewer@a.vn", app.Tree.ProvinceA, Role.Viewer);
        using var a1 = app.Client();
        await a1.SignInOkAsync("ctv@a1.vn");
        using var b1 = app.Client();
        await b1.SignInOkAsync("ctv@b1.vn");
        using var viewer = app.Client();
        await viewer.SignInOkAsync("viewer@a.vn");

        // Another commune, a province, a team, an unknown id, garbage: 404 on GET and POST.
        foreach (var unit in new[] { S(app.Tree.CommuneB1.Id), S(app.Tree.ProvinceA.Id), S(app.Tree.AgencyA1.Id), "999999", "-1", "abc", "1e3" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await a1.GetAsync($"/Opinions/New?unitId={unit}")).StatusCode);
        }

        var form = await OpenAsync(a1, app.Tree.CommuneA1.Id);
        using (var foreign = await PostAsync(a1, app.Tree.CommuneB1.Id, form, Stream(0)))
        {
            Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        }

        // A viewer is no collaborator.
        Assert.Equal(HttpStatusCode.NotFound, (await viewer.GetAsync($"/Opinions/New?unitId={S(app.Tree.CommuneA1.Id)}")).StatusCode);

        // Another commune's topic and an unknown topic are refused with the field named.
        foreach (var topic in new[] { S(foreignTopic.Id), "999999", "-1", "1; DROP TABLE units", "0x10" })
        {
            using var refused = await PostAsync(a1, app.Tree.CommuneA1.Id, form, Stream(0, topicId: topic));
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("Luồng 1 — Chủ đề", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(0, await app.WithDbAsync(db => db.OpinionReports.CountAsync()));

        var formB = await OpenAsync(b1, app.Tree.CommuneB1.Id);
        var id = ReportId(await PostAsync(b1, app.Tree.CommuneB1.Id, formB, Stream(0)));
        Assert.Equal(HttpStatusCode.OK, (await b1.GetAsync($"/Opinions/Report?id={S(id)}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await a1.GetAsync($"/Opinions/Report?id={S(id)}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await viewer.GetAsync($"/Opinions/Report?id={S(id)}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await a1.GetAsync("/Opinions/Report?id=abc")).StatusCode);
    }

    [Theory, Providers]
    public async Task Hostile_values_are_refused_with_the_field_named_and_nothing_is_stored(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await app.AddMemberAsync("ctv@a1.vn", app.Tree.CommuneA1, Role.Collaborator);
        using var ctv = app.Client();
        await ctv.SignInOkAsync("ctv@a1.vn");
        var unit = app.Tree.CommuneA1.Id;
        var form = await OpenAsync(ctv, unit);

        async Task Refused(IEnumerable<KeyValuePair<string, string>> streams, string expected, string? key = null, string? start = null, string? end = null)
        {
            using var response = await PostAsync(ctv, unit, form, streams, key, start, end);
            var html = await response.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains(expected, html, StringComparison.Ordinal);
            Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        }

        foreach (var intensity in new[] { "0", "6", "-1", "99999999999999999999", "3.0", " 3", "３", "" })
        {
            await Refused(Stream(0, intensity: intensity), "Luồng 1 — Mức độ quan tâm");
        }

        foreach (var tendency in new[] { "Happy", "0", "agree", "Agree,Disagree", "" })
        {
            await Refused(Stream(0, tendency: tendency), "Luồng 1 — Xu hướng");
        }

        foreach (var spread in new[] { "Everywhere", "3", "commune" })
        {
            await Refused(Stream(0, spread: spread), "Luồng 1 — Mức độ lan rộng");
        }

        foreach (var sources in new[] { new[] { "Radio" }, ["63"], ["None"], ["Press,Other"], [] })
        {
            await Refused(Stream(0, sources: sources), "Luồng 1 — Nguồn nắm bắt");
        }

        await Refused(Stream(0, summary: "<script>alert(1)</script><b></b>"), "Luồng 1 — Tóm tắt");
        await Refused(Stream(0, summary: new string('a', 2001)), "Luồng 1 — Tóm tắt");
        await Refused(Stream(0, newTopic: "<script>alert(1)</script>"), "Luồng 1 — Chủ đề");
        await Refused(Stream(0, newTopic: null), "Luồng 1 — Chủ đề");
        await Refused(Stream(0, newTopic: "Ông Nguyễn Văn An"), "Luồng 1 — Chủ đề: chủ đề nói về vấn đề");
        await Refused(Stream(0, newTopic: "Gọi 0905 123 456"), "Luồng 1 — Chủ đề: chủ đề nói về vấn đề");
        await Refused(Stream(0, suggestion: new string('b', 1001)), "Luồng 1 — Kiến nghị");
        await Refused(Stream(0).Concat(Stream(1, intensity: "7")), "Luồng 2 — Mức độ quan tâm");
        await Refused([], "cần từ 1 đến 10 luồng");
        await Refused(Enumerable.Range(0, 11).SelectMany(i => Stream(i)), "cần từ 1 đến 10 luồng");
        await Refused(Stream(0), "Kỳ báo cáo", start: "2026-13-01");
        await Refused(Stream(0), "Kỳ báo cáo", start: form.End, end: form.Start);
        await Refused(Stream(0), "Kỳ báo cáo", start: "2020-01-01", end: "2026-01-01");
        await Refused(Stream(0), "Kỳ báo cáo", start: "2999-01-01", end: "2999-01-31");
        await Refused(Stream(0), "Mã gửi", key: "short");
        await Refused(Stream(0), "Mã gửi", key: "<script>alert(1)</script>0123456789");
        Assert.Equal(0, await app.WithDbAsync(db => db.OpinionReports.CountAsync()));
        Assert.Equal(0, await app.WithDbAsync(db => db.OpinionTopics.CountAsync()));

        // Without the antiforgery token nothing is stored.
        var unsigned = new List<KeyValuePair<string, string>> { new("IdempotencyKey", "no-token-key-00000001"), new("PeriodStart", form.Start), new("PeriodEnd", form.End) };
        using (var forged = await ctv.Http.PostAsync($"/Opinions/New?unitId={S(unit)}", new FormUrlEncodedContent(unsigned.Concat(Stream(0)))))
        {
            Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        }

        // A megabyte of summary never reaches the database.
        using (var huge = await PostAsync(ctv, unit, form, Stream(0, summary: new string('x', 1024 * 1024))))
        {
            Assert.True(huge.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge, huge.StatusCode.ToString());
        }

        Assert.Equal(0, await app.WithDbAsync(db => db.OpinionReports.CountAsync()));

        // Script tags are dropped and decomposed (NFD) text is stored composed (NFC).
        var nfd = "Ngu\u031Bo\u031B\u0300i da\u0302n lo la\u0306\u0301ng ve\u0302\u0300 gia\u0301 pha\u0302n bo\u0301n";
        var topicNfd = "Gia\u0301 pha\u0302n bo\u0301n";
        using var ok = await PostAsync(ctv, unit, form, Stream(0, newTopic: topicNfd, summary: "<script>alert(1)</script>" + nfd, suggestion: "<img src=x onerror=alert(1)>Đề nghị bình ổn giá phân bón"));
        ReportId(ok);
        var stream = await app.WithDbAsync(db => db.OpinionStreams.Include(s => s.Topic).SingleAsync());
        Assert.Equal(nfd.Normalize(NormalizationForm.FormC), stream.Summary);
        Assert.Equal("Giá phân bón", stream.Topic!.Name);
        Assert.DoesNotContain("<", stream.Suggestion!, StringComparison.Ordinal);
        Assert.DoesNotContain("alert", stream.Summary, StringComparison.Ordinal);
    }
}
