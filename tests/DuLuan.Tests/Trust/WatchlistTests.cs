using System.Net;
using DuLuan.Data;
using DuLuan.Features.Members;
using DuLuan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Tests.Trust;

/// <summary>
/// Principle 2, topics not people: monitoring keeps no watchlist of an individual. A watch topic or a saved search that
/// names a private person (or carries a phone number or e-mail) is refused and nothing is stored; topics about places,
/// streets named after historical figures and officials in their office are kept (the legitimate path).
/// </summary>
public sealed class WatchlistTests
{
    [Theory, Providers]
    public async Task Watch_topics_and_saved_searches_that_name_a_person_are_refused(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var unit = app.Tree.ProvinceA.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await app.AddMemberAsync("bientap@watch.vn", app.Tree.ProvinceA, Role.Editor);
        await Claims.ClaimsFixture.AddFeedAsync(app, app.Tree.ProvinceA.Id, "Báo Đà Nẵng");
        using var editor = app.Client();
        await editor.SignInOkAsync("bientap@watch.vn");

        (string Name, string Rule)[] people =
        [
            ("Theo dõi Nguyễn Văn An", "\"Nguyễn Văn An\""),
            ("Phát ngôn trên mạng", "\"Trần Thị Mai Lan\" OR \"facebooker Lê Văn Bình\""),
            ("Số điện thoại", "0912345678 OR giá điện"),
        ];
        foreach (var (name, rule) in people)
        {
            using var refused = await editor.PostFormAsync("/Monitoring/Topics", new Dictionary<string, string> { ["UnitId"] = unit, ["Name"] = name, ["Rule"] = rule }, "/Monitoring/Topics?handler=Add");
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("không theo dõi con người", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(0, await app.WithDbAsync(db => db.WatchTopics.CountAsync()));

        // Topics about places and streets are what monitoring is for.
        using (var kept = await editor.PostFormAsync("/Monitoring/Topics", new Dictionary<string, string> { ["UnitId"] = unit, ["Name"] = "Ngập úng", ["Rule"] = "ngập OR \"đường Phạm Văn Đồng\"" }, "/Monitoring/Topics?handler=Add"))
        {
            Assert.Equal(HttpStatusCode.Redirect, kept.StatusCode);
        }

        Assert.Equal(1, await app.WithDbAsync(db => db.WatchTopics.CountAsync()));

        // Saved searches: a person's name in the query or in the name is not kept; a topic is.
        foreach (var (name, q) in new[] { ("Tin về An", "\"Nguyễn Văn An\""), ("Bài của Trần Thị Mai Lan", "giá điện") })
        {
            using var refused = await editor.PostFormAsync("/Monitoring/Search?q=" + Uri.EscapeDataString(q), new Dictionary<string, string> { ["name"] = name }, "/Monitoring/Search?handler=Save&q=" + Uri.EscapeDataString(q));
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        }

        Assert.Equal(0, await app.WithDbAsync(db => db.SavedSearches.CountAsync()));
        using (var saved = await editor.PostFormAsync("/Monitoring/Search?q=gi%C3%A1+%C4%91i%E1%BB%87n", new Dictionary<string, string> { ["name"] = "Giá điện" }, "/Monitoring/Search?handler=Save&q=gi%C3%A1+%C4%91i%E1%BB%87n"))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        Assert.Equal(1, await app.WithDbAsync(db => db.SavedSearches.CountAsync()));
    }
}
