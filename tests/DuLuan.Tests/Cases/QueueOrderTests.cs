using System.Text.RegularExpressions;
using DuLuan.Data;
using DuLuan.Features.Concerns.Cases;
using DuLuan.Features.Members;
using DuLuan.Tests.Infrastructure;
using static DuLuan.Tests.Cases.RespondFixture;

namespace DuLuan.Tests.Cases;

/// <summary>The liaison queue is read per open status and merged (see QueueModel): the merged list must be the one ordered list.</summary>
public sealed partial class QueueOrderTests
{
    [Theory, Providers]
    public async Task The_queue_shows_open_cases_by_deadline_then_id_and_undated_cases_last(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var agency = await AddAgencyAsync(app, app.Tree.ProvinceA, "Sở Giao thông Đà Nẵng");
        await app.AddMemberAsync("lienlac@sgt48.vn", agency, Role.AgencyLiaison);
        var now = DateTime.UtcNow;
        var ids = await AddAsync(app, agency.Id,
            ("Hàng đợi C", CaseStatus.InProgress, now.AddDays(3)),
            ("Hàng đợi A", CaseStatus.Reopened, now.AddDays(-2)),
            ("Hàng đợi không hạn", CaseStatus.New, null),
            ("Hàng đợi B", CaseStatus.Assigned, now.AddDays(1)),
            ("Hàng đợi D", CaseStatus.New, now.AddDays(3)),
            ("Hàng đợi đã trả lời", CaseStatus.Answered, now.AddDays(-5)),
            ("Hàng đợi đã đóng", CaseStatus.Closed, now.AddDays(-6)));
        using var liaison = app.Client();
        await liaison.SignInOkAsync("lienlac@sgt48.vn");

        var shown = Shown(await liaison.GetStringAsync("/Cases/Queue"));
        Assert.Equal([ids[1], ids[3], ids[0], ids[4], ids[2]], shown);

        // More open cases than the page holds, spread over the four statuses out of deadline order: the page holds the
        // 200 soonest of them all, in order, and the undated case no longer fits.
        var statuses = new[] { CaseStatus.New, CaseStatus.Assigned, CaseStatus.InProgress, CaseStatus.Reopened };
        var many = Enumerable.Range(0, 260).Select(i => (i * 7) % 260)
            .Select(k => ($"Hàng loạt {k}", statuses[k % 3 == 0 ? 0 : k % 4], (DateTime?)now.AddDays(10).AddHours(k))).ToArray();
        var manyIds = await AddAsync(app, agency.Id, many);
        var expected = new[] { ids[1], ids[3], ids[0], ids[4] }
            .Concat(many.Select((m, i) => (Due: m.Item3!.Value, Id: manyIds[i])).OrderBy(m => m.Due).ThenBy(m => m.Id).Select(m => m.Id))
            .Take(QueueModel.Size)
            .ToList();
        Assert.Equal(expected, Shown(await liaison.GetStringAsync("/Cases/Queue")));
    }

    private static async Task<List<long>> AddAsync(TestApp app, long agencyId, params (string Title, CaseStatus Status, DateTime? Due)[] cases)
        => await app.WithDbAsync(async db =>
        {
            var items = cases.Select(c => new Case { UnitId = app.Tree.CommuneA1.Id, AgencyId = agencyId, Title = c.Title, Description = RespondFixture.Text, Severity = Severity.Normal, Status = c.Status, CreatedAt = DateTime.UtcNow.AddDays(-10), DueAt = c.Due }).ToList();
            db.Cases.AddRange(items);
            await db.SaveChangesAsync();
            return items.Select(i => i.Id).ToList();
        });

    private static List<long> Shown(string page)
        => RowLink().Matches(page).Select(m => long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();

    [GeneratedRegex("href=\"/Cases/Respond\\?id=(\\d+)\"")]
    private static partial Regex RowLink();
}
