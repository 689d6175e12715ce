using System.Text.RegularExpressions;
using DuLuan.Data;
using DuLuan.Features.Concerns.Cases;
using DuLuan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Tests.Cases;

public sealed class CasesDemoSeedTests
{
    [Theory, Providers]
    public async Task The_demo_has_open_cases_some_overdue_at_two_agencies_and_a_public_answered_list_with_figures(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await app.WithScopeAsync(async s =>
        {
            await CasesDemoSeed.EnsureAsync(s, CancellationToken.None);
            await CasesDemoSeed.EnsureAsync(s, CancellationToken.None);
            return 0;
        });

        var open = await app.WithDbAsync(db => db.Cases.Where(c => c.AnsweredAt == null).Select(c => new { c.AgencyId, Overdue = c.OverdueSince != null }).ToListAsync());
        Assert.Equal(5, open.Count);
        Assert.Equal(2, open.Select(c => c.AgencyId).Distinct().Count());
        Assert.Equal(2, open.Where(c => c.Overdue).Select(c => c.AgencyId).Distinct().Count());
        Assert.Equal(16, await app.WithDbAsync(db => db.Cases.CountAsync(c => c.Answer != null)));

        var page = await app.Client().GetStringAsync($"/cong/{app.Tree.ProvinceA.Code}/vu-viec");
        Assert.Matches(new Regex("class=\"on-time\"[^>]*>\\d+"), page);
        Assert.Contains("Chưa đủ vụ việc để công bố", page, StringComparison.Ordinal);
        Assert.Contains("Đã nạo vét đoạn kênh", page, StringComparison.Ordinal);
    }
}
