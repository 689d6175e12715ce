using System.Net;
using DuLuan.Data;
using DuLuan.Features.Members;
using DuLuan.Features.Publish;
using DuLuan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Tests.Publish;

/// <summary>The number of approval tiers is the highest set along the path to the root: a commune cannot lower its province's.</summary>
public sealed class TierFloorTests
{
    private const string CommuneLead = "lanhdao-xa@48.vn";

    [Theory, Providers]
    public async Task A_commune_lead_cannot_lower_the_tiers_its_province_set(DatabaseProvider provider)
    {
        await using var f = await PublishFixture.StartAsync(provider);
        var commune = f.App.Tree.CommuneA1;
        await f.App.WithDbAsync(async db =>
        {
            db.PublishSettings.Add(new PublishSettings { UnitId = f.App.Tree.ProvinceA.Id, ApprovalTiers = 2 });
            return await db.SaveChangesAsync();
        });
        await f.App.AddMemberAsync(CommuneLead, commune, Role.Lead);
        var lead = await f.SignInAsync(CommuneLead);

        using (var lowered = await lead.PostFormAsync("/Publish/Settings", new Dictionary<string, string> { ["unitId"] = PublishFixture.S(commune.Id), ["tiers"] = "1" }, "/Publish/Settings?handler=Tiers"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, lowered.StatusCode);
            Assert.Contains("không thấp hơn 2", await lowered.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.False(await f.App.WithDbAsync(db => db.PublishSettings.AnyAsync(s => s.UnitId == commune.Id)));

        // A row left from before (or written around the page) does not lower it either.
        await f.App.WithDbAsync(async db =>
        {
            db.PublishSettings.Add(new PublishSettings { UnitId = commune.Id, ApprovalTiers = 1 });
            return await db.SaveChangesAsync();
        });
        Assert.Equal(2, await f.App.WithDbAsync(db => ApprovalTiers.TiersAsync(db, commune.Id, CancellationToken.None)));

        var editor = await f.SignInAsync(PublishFixture.Editor);
        var id = await PublishFixture.CreateAsync(editor, commune.Id, "Lịch cắt điện tuần tới", "<p>Điện lực thông báo lịch bảo trì lưới điện.</p>");
        using (var submitted = await PublishFixture.StepAsync(editor, id, "Submit"))
        {
            Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        }

        using (var approved = await PublishFixture.StepAsync(lead, id, "Approve"))
        {
            Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        }

        Assert.Equal(PostStatus.InReview, (await f.PostAsync(id)).Status);

        // Raising above the province is allowed.
        using (var raised = await lead.PostFormAsync("/Publish/Settings", new Dictionary<string, string> { ["unitId"] = PublishFixture.S(commune.Id), ["tiers"] = "3" }, "/Publish/Settings?handler=Tiers"))
        {
            Assert.Equal(HttpStatusCode.Redirect, raised.StatusCode);
        }

        Assert.Equal(3, await f.App.WithDbAsync(db => ApprovalTiers.TiersAsync(db, commune.Id, CancellationToken.None)));
    }
}
