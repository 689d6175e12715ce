using System.Net;
using DuLuan.Data;
using DuLuan.Features.Concerns.Cases;
using DuLuan.Features.Concerns.Intake;
using DuLuan.Features.Units;
using DuLuan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Tests.Cases;

public sealed class PublicAnswerTests
{
    [Theory, Providers]
    public async Task Anyone_reads_the_answer_by_its_reference_without_personal_data_and_without_a_reopen_button(DatabaseProvider provider)
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
        var reference = await app.WithDbAsync(db => db.Cases.Where(c => c.Id == caseId).Select(c => c.PublicRef).SingleAsync());
        var page = await resident.GetStringAsync($"/vu-viec/{reference}");
        Assert.Contains("Ổ gà trên đường Âu Cơ", page, StringComparison.Ordinal);
        Assert.Contains("Đang xử lý", page, StringComparison.Ordinal);
        Assert.DoesNotContain("dan@example.vn", page, StringComparison.Ordinal);
        Assert.DoesNotContain("0905111222", page, StringComparison.Ordinal);
        Assert.DoesNotContain("ghi chú nội bộ", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", page, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"reopen\"", page, StringComparison.Ordinal);
        Assert.Contains("/theo-doi", page, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NotFound, (await resident.GetAsync($"/vu-viec/{caseId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await resident.GetAsync("/vu-viec/999999")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await resident.GetAsync("/vu-viec/abcdefghijkm")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await resident.GetAsync("/vu-viec/ABCDEFGHIJKM")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await resident.GetAsync("/vu-viec/abc")).StatusCode);
    }
}
