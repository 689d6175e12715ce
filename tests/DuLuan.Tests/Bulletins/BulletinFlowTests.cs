using System.Globalization;
using System.Net;
using System.Xml.Linq;
using DuLuan.Data;
using DuLuan.Features.Bulletins;
using DuLuan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static DuLuan.Tests.Bulletins.BulletinFixture;
using static DuLuan.Tests.Claims.ClaimsFixture;

namespace DuLuan.Tests.Bulletins;

/// <summary>
/// Issue #22 item 5 over real HTTP on both databases and both speech providers: an editor assembles a bulletin from a
/// published rebuttal and an answered case, DuLuan writes it for speaking, a lead approves it (the office's tiers), the
/// job makes the MP3, and the place's page, podcast RSS (enclosure length and type) and M3U playlist carry it.
/// </summary>
public sealed class BulletinFlowTests
{
    [Theory, Providers]
    public Task Assemble_approve_render_and_publish_with_espeak_ng(DatabaseProvider provider) => FlowAsync(provider, fake: null);

    [Theory, Providers]
    public async Task Assemble_approve_render_and_publish_with_fpt_ai(DatabaseProvider provider)
    {
        await using var fake = await FptFake.StartAsync();
        await FlowAsync(provider, fake);
        Assert.Empty(fake.Violations);
        Assert.NotEmpty(fake.Texts);
        Assert.Contains(fake.Texts, t => t.Contains("một trăm hai mươi", StringComparison.Ordinal));
    }

    private static async Task FlowAsync(DatabaseProvider provider, FptFake? fake)
    {
        var overrides = fake is null ? null : new Dictionary<string, string?>
        {
            ["Bulletins:Engine"] = "fpt-ai",
            ["Bulletins:FptUrl"] = fake.Url,
            ["Bulletins:FptApiKey"] = FptFake.Key,
            ["Bulletins:FptPollMilliseconds"] = "50",
        };
        await using var app = await TestApp.StartAsync(provider, overrides);
        using var editor = await EditorAsync(app, app.Tree.ProvinceA);
        var claim = await PublishedClaimAsync(app, editor, app.Tree.CommuneA1.Id);
        var caseId = await AnsweredCaseAsync(app, app.Tree.CommuneA1.Id, "Đèn đường kiệt 45 bị hỏng", "Đã thay 120 bóng đèn, tổng kinh phí 1.500.000 đồng; hoàn thành lúc 7h30 ngày 6/12.");
        var picker = await editor.GetStringAsync("/Bulletins?unitId=" + S(app.Tree.CommuneA1.Id));
        Assert.Contains($"value=\"rebuttal:{S(claim)}\"", picker, StringComparison.Ordinal);
        Assert.Contains($"value=\"case:{S(caseId)}\"", picker, StringComparison.Ordinal);

        var id = IdOf(await CreateAsync(editor, app.Tree.CommuneA1.Id, "2026-12-06", "Morning", $"case:{S(caseId)}", $"rebuttal:{S(claim)}"));

        var bulletin = await LoadAsync(app, id);
        Assert.Equal(BulletinStatus.Draft, bulletin.Status);
        Assert.Contains("1.500.000 đồng", bulletin.WrittenText, StringComparison.Ordinal);
        Assert.Contains("một trăm hai mươi bóng đèn, tổng kinh phí một triệu năm trăm nghìn đồng; hoàn thành lúc bảy giờ ba mươi phút ngày sáu tháng mười hai", bulletin.SpokenText, StringComparison.Ordinal);
        Assert.DoesNotContain(bulletin.SpokenText, char.IsAsciiDigit);

        // Staff correct the spoken text before any audio is made.
        var corrected = bulletin.SpokenText.Replace("Kính thưa bà con!", "Kính thưa toàn thể bà con!", StringComparison.Ordinal);
        using (var edited = await StepAsync(app, editor, id, "Edit", new() { ["title"] = bulletin.Title, ["writtenText"] = bulletin.WrittenText, ["spokenText"] = corrected }))
        {
            Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        }

        Assert.Contains("toàn thể bà con", (await LoadAsync(app, id)).SpokenText, StringComparison.Ordinal);
        using (var submitted = await StepAsync(app, editor, id, "Submit"))
        {
            Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        }

        // The writer cannot approve; a lead can, and that queues the audio.
        using (var self = await StepAsync(app, editor, id, "Approve"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, self.StatusCode);
        }

        var lead = await ApproverAsync(app);
        using (var approved = await StepAsync(app, lead, id, "Approve"))
        {
            Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        }

        Assert.Equal(RenderState.Queued, (await LoadAsync(app, id)).RenderState);
        var queuedPage = await editor.GetStringAsync("/Bulletins/Details?id=" + S(id));
        Assert.Contains("http-equiv=\"refresh\"", queuedPage, StringComparison.Ordinal);
        using var anonymous = app.Client();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/cong/20200/ban-tin/{S(id)}")).StatusCode);

        Assert.Equal(1, await RenderAsync(app));

        bulletin = await LoadAsync(app, id);
        Assert.Equal(RenderState.Done, bulletin.RenderState);
        Assert.Equal(100, bulletin.RenderProgress);
        Assert.NotNull(bulletin.PublishedAt);
        var audio = await app.WithDbAsync(db => db.BulletinAudio.AsNoTracking().SingleAsync(a => a.BulletinId == id));
        Assert.Equal(fake is null ? "espeak-ng" : "fpt-ai", audio.Engine);
        Assert.True(audio.DurationMs > 5000, audio.DurationMs.ToString(CultureInfo.InvariantCulture));
        Assert.InRange(audio.Lufs, -18, -14);

        // The public page: audio and, beside it, the written text.
        var page = await anonymous.GetStringAsync($"/cong/20200/ban-tin/{S(id)}");
        Assert.Contains($"src=\"/cong/20200/ban-tin/{S(id)}.mp3\"", page, StringComparison.Ordinal);
        Assert.Contains("1.500.000 đồng", page, StringComparison.Ordinal);
        Assert.Contains(BulletinText.Length(audio.DurationMs), page, StringComparison.Ordinal);
        Assert.Contains($"/cong/20200/ban-tin/{S(id)}", await anonymous.GetStringAsync("/cong/20200/ban-tin"), StringComparison.Ordinal);

        using var mp3 = await anonymous.GetAsync($"/cong/20200/ban-tin/{S(id)}.mp3");
        Assert.Equal(HttpStatusCode.OK, mp3.StatusCode);
        Assert.Equal("audio/mpeg", mp3.Content.Headers.ContentType?.MediaType);
        var bytes = await mp3.Content.ReadAsByteArrayAsync();
        Assert.Equal(audio.Mp3, bytes);
        using (var range = new HttpRequestMessage(HttpMethod.Get, $"/cong/20200/ban-tin/{S(id)}.mp3"))
        {
            range.Headers.Range = new System.Net.Http.Headers.RangeHeaderValue(0, 99);
            using var partial = await anonymous.Http.SendAsync(range);
            Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
            Assert.Equal(100, (await partial.Content.ReadAsByteArrayAsync()).Length);
        }

        // Podcast RSS 2.0: the enclosure's length and type match the file.
        using var rss = await anonymous.GetAsync("/cong/20200/ban-tin/rss.xml");
        Assert.Equal("application/rss+xml", rss.Content.Headers.ContentType?.MediaType);
        var feed = XDocument.Parse(await rss.Content.ReadAsStringAsync());
        Assert.Equal("2.0", feed.Root!.Attribute("version")?.Value);
        var item = Assert.Single(feed.Root.Element("channel")!.Elements("item"));
        var enclosure = item.Element("enclosure")!;
        Assert.EndsWith($"/cong/20200/ban-tin/{S(id)}.mp3", enclosure.Attribute("url")!.Value, StringComparison.Ordinal);
        Assert.Equal(bytes.Length.ToString(CultureInfo.InvariantCulture), enclosure.Attribute("length")!.Value);
        Assert.Equal("audio/mpeg", enclosure.Attribute("type")!.Value);
        Assert.Contains("1.500.000 đồng", item.Element("description")!.Value, StringComparison.Ordinal);
        Assert.True(DateTimeOffset.TryParse(item.Element("pubDate")!.Value, CultureInfo.InvariantCulture, out _));
        XNamespace itunes = "http://www.itunes.com/dtds/podcast-1.0.dtd";
        Assert.Equal(((int)Math.Round(audio.DurationMs / 1000.0)).ToString(CultureInfo.InvariantCulture), item.Element(itunes + "duration")!.Value);

        // The playlist plays today's bulletin (the test clock's day is 06/12/2026 only if the app's day is; compare with the office day).
        var today = await app.WithScopeAsync(s => Task.FromResult(s.GetRequiredService<DuLuan.Infrastructure.Time.OfficeTime>().Today));
        var playlist = await anonymous.GetStringAsync("/cong/20200/ban-tin/playlist.m3u");
        Assert.StartsWith("#EXTM3U", playlist, StringComparison.Ordinal);
        Assert.Equal(today == new DateOnly(2026, 12, 6), playlist.Contains($"/cong/20200/ban-tin/{S(id)}.mp3", StringComparison.Ordinal));

        // An edit takes it off the air: approvals and audio were for the old text.
        bulletin = await LoadAsync(app, id);
        using (var changed = await StepAsync(app, editor, id, "Edit", new() { ["title"] = bulletin.Title, ["writtenText"] = bulletin.WrittenText + "\nThêm một câu.", ["spokenText"] = bulletin.SpokenText, ["respeak"] = "true" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        }

        Assert.Equal(BulletinStatus.Draft, (await LoadAsync(app, id)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/cong/20200/ban-tin/{S(id)}.mp3")).StatusCode);
        Assert.Empty(XDocument.Parse(await anonymous.GetStringAsync("/cong/20200/ban-tin/rss.xml")).Root!.Element("channel")!.Elements("item"));
        var actions = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.Target == BulletinWorkflow.Target(id)).Select(a => a.Action).ToListAsync());
        Assert.Contains(BulletinAudit.Created, actions);
        Assert.Contains(BulletinAudit.Approved, actions);
        Assert.Contains(BulletinAudit.Published, actions);
    }
}
