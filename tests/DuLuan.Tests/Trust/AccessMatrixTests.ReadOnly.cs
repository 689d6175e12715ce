using System.Data.Common;
using System.Reflection;
using DuLuan.Data;
using DuLuan.Features.Members;
using DuLuan.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Tests.Trust;

/// <summary>
/// The "write with a read-only role" dimension and the role table's reads: a viewer and a collaborator post to every
/// POST handler with ids of records they can see (own unit and child); nothing may succeed or change in the database
/// unless <see cref="RoleTable"/> grants the role the capability the handler serves (<see cref="ReadOnlyWrites"/>).
/// </summary>
public sealed partial class AccessMatrixTests
{
    /// <summary>The only writes a read-only role may make, each with the capability of the role table that allows it.</summary>
    public static readonly Dictionary<string, Capability> ReadOnlyWrites = new(StringComparer.Ordinal)
    {
        ["POST /Opinions/New"] = RoleTable.FileOpinionReports,
        ["POST /Surveys/Entry"] = RoleTable.EnterSurveyAnswers,
        ["POST /Surveys/Entry?handler=Finish"] = RoleTable.EnterSurveyAnswers,
        // A member's own saved searches on the monitoring pages they read.
        ["POST /Monitoring/Search?handler=Save"] = RoleTable.ReadOfficeRecords,
        ["POST /Monitoring/Search?handler=DeleteSaved"] = RoleTable.ReadOfficeRecords,
    };

    /// <summary>What a page shows, by route prefix (first match); any other page shows office records.</summary>
    private static readonly (string Prefix, Capability Capability)[] ReadCapabilities =
    [
        ("Units", RoleTable.SeeUnits),
        ("api/units", RoleTable.SeeUnits),
        ("Opinions/Briefing", RoleTable.ReadOpinionReports),
        ("Opinions/Missing", RoleTable.LeadCollaborators),
        ("Opinions", RoleTable.FileOpinionReports),
        ("Surveys/Entry", RoleTable.EnterSurveyAnswers),
        ("Surveys", RoleTable.SeeSurveys),
        ("api/surveys", RoleTable.SeeSurveys),
    ];

    private static readonly Scope[] Inside = [Scope.Own, Scope.Child];

    /// <summary>Tables that change without a request (job leases, data-protection keys), left out of the before/after comparison.</summary>
    private static readonly string[] Unwatched = ["DataProtectionKey"];

    public static Capability ReadCapabilityOf(string pattern)
        => ReadCapabilities.FirstOrDefault(r => pattern.StartsWith(r.Prefix, StringComparison.OrdinalIgnoreCase)).Capability ?? RoleTable.ReadOfficeRecords;

    /// <summary>Posts that change no office record: the member's own account, and the public forms anyone may send (anonymous by design).</summary>
    private static bool IsOwnOrPublic(RouteCase route) => route.Pattern.StartsWith("Account/", StringComparison.Ordinal) || IsPublic(route.Pattern);

    [Fact]
    public async Task Every_post_handler_of_every_page_model_is_in_the_route_catalog()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite, Settings);
        var routes = await RouteCatalog.ReadAsync(app.App);
        var handlers = typeof(Features.Members.UnitScope).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(PageModel)) && !t.IsAbstract)
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance).Where(m => m.Name.StartsWith("OnPost", StringComparison.Ordinal)).Select(m => (Model: t, Name: m.Name)))
            .ToList();
        Assert.True(handlers.Count > 50, $"only {handlers.Count} POST handlers found by reflection");
        var missing = handlers
            .Where(h => !routes.Any(r => r.Model == h.Model && r.Method == "POST" && (r.Handler ?? string.Empty) == h.Name["OnPost".Length..].Replace("Async", string.Empty, StringComparison.Ordinal)))
            .Select(h => $"{h.Model.Name}.{h.Name}")
            .ToList();
        Assert.True(missing.Count == 0, "POST handlers the matrix would not reach: " + string.Join(", ", missing));
        Assert.All(ReadOnlyWrites.Keys, key => Assert.Contains(routes, r => r.ToString() == key));
    }

    [Theory, Providers]
    public async Task No_read_only_role_changes_anything_with_a_POST(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, Settings);
        var seed = await ScopeSeed.CreateAsync(app);
        Assert.True(seed.Failed.Count == 0, "Record types the seed could not create: " + string.Join(" | ", seed.Failed));
        var posts = (await RouteCatalog.ReadAsync(app.App)).Where(r => r.Method != "GET" && !IsOwnOrPublic(r)).ToList();
        Assert.True(posts.Count > 40, $"only {posts.Count} POST handlers read");
        var unexpected = new List<string>();
        var errors = new List<string>();
        var requests = 0;
        foreach (var role in RoleTable.ReadOnly)
        {
            using var client = await RoleClients.SignInAsync(app, role);
            var token = await AntiforgeryTokenAsync(client);
            // One route's "after" is the next one's "before": nothing else writes in between (the jobs are off).
            var before = await DatabaseStateAsync(app);
            foreach (var route in posts)
            {
                var allowed = ReadOnlyWrites.TryGetValue(route.ToString(), out var capability) && capability.Allows(role);
                foreach (var scope in Inside)
                {
                    using var response = await SendAsync(client, route, seed, scope, token);
                    requests++;
                    var status = (int)response.StatusCode;
                    if (status >= 500)
                    {
                        errors.Add($"{role} {route} [{scope}] -> {status}");
                    }
                    else if (!allowed && IsSuccess(response))
                    {
                        unexpected.Add($"{role} {route} [{scope}] -> {status} {response.Headers.Location}");
                    }
                }

                var after = await DatabaseStateAsync(app);
                foreach (var table in after.Keys.Where(t => !allowed && after[t] != before.GetValueOrDefault(t)))
                {
                    unexpected.Add($"{role} {route}: changed table {table}");
                }

                before = after;
            }
        }

        output.WriteLine($"{posts.Count} POST handlers, {requests} requests, {unexpected.Count} unexpected successes, {errors.Count} server errors");
        foreach (var line in unexpected.Concat(errors))
        {
            output.WriteLine(line);
        }

        TrustReport.Add("access", $"POST with a read-only role ({provider}): unexpected successes", $"{unexpected.Count} in {TrustReport.N(requests)} requests over {posts.Count} POST handlers", unexpected.Count == 0);
        Assert.True(unexpected.Count == 0, string.Join("\n", unexpected.Take(80)));
        Assert.True(errors.Count == 0, string.Join("\n", errors.Take(50)));
    }

    /// <summary>A 2xx, or a redirect anywhere but the sign-in and access-denied pages.</summary>
    private static bool IsSuccess(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        if (status is >= 300 and < 400)
        {
            var location = response.Headers.Location?.OriginalString ?? string.Empty;
            return !location.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase) && !location.Contains("/Account/Denied", StringComparison.OrdinalIgnoreCase);
        }

        return status is >= 200 and < 300;
    }

    /// <summary>Every table's rows (sorted, concurrency stamps left out), so any insert, update or delete shows.</summary>
    private static Task<Dictionary<string, string>> DatabaseStateAsync(TestApp app) => app.WithDbAsync(async db =>
    {
        var state = new Dictionary<string, string>(StringComparer.Ordinal);
        DbConnection connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        foreach (var type in db.Model.GetEntityTypes().Where(t => t.GetTableName() is not null && !t.IsOwned() && !Unwatched.Contains(t.ClrType.Name)))
        {
            var table = type.GetTableName()!;
            if (state.ContainsKey(table))
            {
                continue;
            }

            var rows = await RowsAsync(connection, $"SELECT * FROM \"{table}\"");
            state[table] = string.Join('\n', rows.Values.Order(StringComparer.Ordinal));
        }

        return state;
    });

    /// <summary>Whether a read-only role shows records of its own subtree on a page the role table does not give it.</summary>
    private static void CheckReadCapability(RouteCase route, string body, Role role, List<string> leaks)
    {
        if (!RoleTable.ReadOnly.Contains(role) || ReadCapabilityOf(route.Pattern).Allows(role))
        {
            return;
        }

        foreach (var inside in Inside)
        {
            var shown = MarkerPattern().Matches(body).Where(m => m.Groups[1].Value == ScopeSeed.S(ScopeSeed.IdOf(inside))).Select(m => m.Groups[2].Value).Distinct(StringComparer.Ordinal).ToList();
            if (shown.Count > 0)
            {
                leaks.Add($"{role} {route} shows {inside} records the role table does not give it ({ReadCapabilityOf(route.Pattern).Key}): {string.Join(", ", shown.Select(s => s.Length == 0 ? "Member" : s))}");
            }
        }
    }
}
