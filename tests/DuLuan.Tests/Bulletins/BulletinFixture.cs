using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using DuLuan.Data;
using DuLuan.Features.Bulletins;
using DuLuan.Features.Concerns.Cases;
using DuLuan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static DuLuan.Tests.Claims.ClaimsFixture;

namespace DuLuan.Tests.Bulletins;

/// <summary>Shared steps of the bulletin tests, all through the pages over HTTP.</summary>
public static partial class BulletinFixture
{
    /// <summary>An answered case of the unit (its public answer is what the bulletin reads).</summary>
    public static Task<long> AnsweredCaseAsync(TestApp app, long unitId, string title, string answer) => app.WithDbAsync(async db =>
    {
        var c = new Case { UnitId = unitId, Title = title, Description = "Phản ánh của người dân.", Status = CaseStatus.Answered, Answer = answer, CreatedAt = DateTime.UtcNow.AddDays(-3), AnsweredAt = DateTime.UtcNow.AddHours(-2) };
        db.Cases.Add(c);
        await db.SaveChangesAsync();
        return c.Id;
    });

    public static async Task<HttpResponseMessage> CreateAsync(TestClient client, long unitId, string day, string slot, params string[] items)
    {
        var fields = new Dictionary<string, string> { ["unitId"] = S(unitId), ["day"] = day, ["slot"] = slot };
        for (var i = 0; i < items.Length; i++)
        {
            fields[$"items[{i}]"] = items[i];
        }

        return await client.PostFormAsync("/Bulletins?unitId=" + S(unitId), fields, "/Bulletins?handler=Create");
    }

    public static long IdOf(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return long.Parse(IdPattern().Match(response.Headers.Location!.ToString()).Groups[1].Value, CultureInfo.InvariantCulture);
    }

    public static Task<int> VersionAsync(TestApp app, long id) => app.WithDbAsync(db => db.Bulletins.Where(b => b.Id == id).Select(b => b.Version).SingleAsync());

    public static async Task<HttpResponseMessage> StepAsync(TestApp app, TestClient client, long id, string handler, Dictionary<string, string>? fields = null)
    {
        var all = new Dictionary<string, string>(fields ?? []) { ["id"] = S(id) };
        all.TryAdd("version", S(await VersionAsync(app, id)));
        return await client.PostFormAsync("/Bulletins/Details?id=" + S(id), all, $"/Bulletins/Details?id={S(id)}&handler={handler}");
    }

    public static Task<Bulletin> LoadAsync(TestApp app, long id) => app.WithDbAsync(db => db.Bulletins.AsNoTracking().SingleAsync(b => b.Id == id));

    /// <summary>Runs the render job once, as the background service would.</summary>
    public static Task<int> RenderAsync(TestApp app) => app.WithScopeAsync(s => s.GetRequiredService<BulletinRenderJob>().RunOnceAsync("test", CancellationToken.None));

    [GeneratedRegex(@"id=(\d+)")]
    private static partial Regex IdPattern();
}
