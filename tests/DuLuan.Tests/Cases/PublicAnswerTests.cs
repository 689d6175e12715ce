using System.Net;
using DuLuan.Data;
using DuLuan.Features.Cases;
using DuLuan.Features.Concerns;
using DuLuan.Features.Units;
using DuLuan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Tests.Cases;

public sealed class PublicAnswerTests
{
    [Theory, Providers]
    public async Task Anyone_reads_the_answer_without_personal_data_and_can_reopen_it(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var agency = await app.WithScopeAsync(async s =>
        {
            var parent = await s.GetRequiredService<AppDbContext>().Units.SingleAsync(u => u.Id == app.Tree.ProvinceA.Id);
            return await s.GetRequiredService<UnitTree>().AddChildAsync(parent, "Sở Xây dựng", UnitKind.Agency, null);
        });
        var intake = await app.WithScopeAsync(s => s.GetRequiredService<ConcernIntake>().SubmitAsync(
            new ConcernDraft(app.Tree.CommuneA1.Id, "Ổ gà trên đường", "Đường Âu Cơ có ổ gà lớn gây nguy hiểm.", new Contact("dan@example.vn", "0905111222"), ConcernSource.Portal)));
        var caseId = await app.WithDbAsync(async db =>
        {
            var item = new Case
            {
                UnitId = app.Tree.CommuneA1.Id,
                AgencyId = agency.Id,
                Title = "Ổ gà trên đường Âu Cơ",
                Description = "Ổ gà lớn gây nguy hiểm.",
                Status = CaseStatus.InProgress,
                CreatedAt = DateTime.UtcNow,
                Answer = "Đã vá <script>alert(1)</script> xong.",
            };
            db.Cases.Add(item);
            await db.SaveChangesAsync();
            var concern = await db.Concerns.SingleAsync(c => c.Id == intake.ConcernId);
            concern.CaseId = item.Id;
            db.CaseEvents.Add(new CaseEvent { CaseId = item.Id, At = DateTime.UtcNow, Status = CaseStatus.InProgress, Note = "ghi chú nội bộ" });
            await db.SaveChangesAsync();
            return item.Id;
        });

        using var resident = app.Client();
        var page = await resident.GetStringAsync($"/vu-viec/{caseId}");
        Assert.Contains("Ổ gà trên đường Âu Cơ", page, StringComparison.Ordinal);
        Assert.Contains("Đang xử lý", page, StringComparison.Ordinal);
        Assert.DoesNotContain("dan@example.vn", page, StringComparison.Ordinal);
        Assert.DoesNotContain("0905111222", page, StringComparison.Ordinal);
        Assert.DoesNotContain("ghi chú nội bộ", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", page, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"reopen\"", page, StringComparison.Ordinal);

        // Not answered yet: the button is absent and a forged post changes nothing.
        using var early = await resident.PostFormAsync($"/vu-viec/{caseId}", new Dictionary<string, string>(), $"/vu-viec/{caseId}?handler=Reopen");
        Assert.Equal(CaseStatus.InProgress, await app.WithDbAsync(db => db.Cases.Select(c => c.Status).SingleAsync()));

        await app.WithDbAsync(async db =>
        {
            var item = await db.Cases.SingleAsync();
            item.Status = CaseStatus.Answered;
            item.AnsweredAt = DateTime.UtcNow;
            return await db.SaveChangesAsync();
        });
        Assert.Contains("id=\"reopen\"", await resident.GetStringAsync($"/vu-viec/{caseId}"), StringComparison.Ordinal);
        using var reopened = await resident.PostFormAsync($"/vu-viec/{caseId}", new Dictionary<string, string>(), $"/vu-viec/{caseId}?handler=Reopen");
        Assert.Equal(HttpStatusCode.Redirect, reopened.StatusCode);
        Assert.EndsWith("?reopened=1", reopened.Headers.Location!.ToString(), StringComparison.Ordinal);
        var after = await resident.GetStringAsync(reopened.Headers.Location!.ToString());
        Assert.Contains("Đã mở lại vụ việc", after, StringComparison.Ordinal);
        Assert.Contains(PublicModel.ReopenNote, after, StringComparison.Ordinal);
        Assert.Equal(CaseStatus.Reopened, await app.WithDbAsync(db => db.Cases.Select(c => c.Status).SingleAsync()));
        var note = await app.WithDbAsync(db => db.Notifications.SingleAsync());
        Assert.Equal(agency.Id, note.UnitId);

        using var twice = await resident.PostFormAsync($"/vu-viec/{caseId}", new Dictionary<string, string>(), $"/vu-viec/{caseId}?handler=Reopen");
        Assert.Equal(1, await app.WithDbAsync(db => db.CaseEvents.CountAsync(e => e.Status == CaseStatus.Reopened)));

        Assert.Equal(HttpStatusCode.NotFound, (await resident.GetAsync("/vu-viec/999999")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await resident.GetAsync("/vu-viec/abc")).StatusCode);
        using var withoutToken = await resident.Http.PostAsync($"/vu-viec/{caseId}?handler=Reopen", new FormUrlEncodedContent(new Dictionary<string, string>()));
        Assert.Equal(HttpStatusCode.BadRequest, withoutToken.StatusCode);
    }
}
