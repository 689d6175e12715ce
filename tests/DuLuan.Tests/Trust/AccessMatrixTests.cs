using System.Data.Common;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using DuLuan.Data;
using DuLuan.Features.Members;
using DuLuan.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DuLuan.Tests.Trust;

/// <summary>
/// The access-control matrix and the IDOR sweep, generated from the route table: every route × every role
/// (held at commune A1) × every scope (own unit, child, sibling, parent, other province) plus anonymous.
/// A GET that shows a record of a unit outside the member's subtree (found by its marker), a 2xx on another
/// unit's id in the path, a POST that changes or creates anything in another unit, or a read-only role shown records
/// of its own subtree on a page <see cref="RoleTable"/> does not give it counts as a leak.
/// </summary>
public sealed partial class AccessMatrixTests(ITestOutputHelper output)
{
    /// <summary>Routes anyone may open. A route allowing anonymous access that is not listed here fails.</summary>
    public static readonly string[] PublicRoutes =
    [
        "Error", "Culture", "Account/Login", "Account/LoginWith2fa", "Account/Setup", "Account/Denied", "health",
        "Account/LoginWithRecoveryCode", "Account/Unlock",
        // The public home (signed-in staff are redirected to their own home).
        "",
        "phan-anh/{unitId:long}", "theo-doi", "khao-sat/{id:long}", "vu-viec/{reference}", "vu-viec/don-vi/{unitId:long}",
        "api/public/", "open311/v2/", "demo-feeds/{slug}.xml",
        // The public portal and claim rebuttal pages (shared contract between features).
        "cong/",
        // The site's sitemap index (one sitemap per place) and robots.txt naming it.
        "sitemap.xml", "robots.txt",
    ];

    /// <summary>Anonymous by policy but guarded in code (a bearer token): must still refuse an anonymous caller.</summary>
    public static readonly string[] SelfGuardedRoutes = ["metrics"];

    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Cases:WorkingHours:SweepMinutes"] = "0",
        // The survey totals' rebuild job would change survey tables between one POST's "before" and "after".
        ["Surveys:RebuildSeconds"] = "0",
    };

    /// <summary>Record types an ancestor unit shares with its subtree by design: the province's opinion topics, its report templates and its categories.</summary>
    private static readonly string[] SharedDownward = ["OpinionTopic", "ReportTemplate", "Category"];

    public static bool IsPublic(string pattern)
        => PublicRoutes.Any(p => p.EndsWith('/') ? pattern.StartsWith(p, StringComparison.OrdinalIgnoreCase) : string.Equals(p, pattern, StringComparison.OrdinalIgnoreCase));

    [Fact]
    public async Task Every_route_needs_a_signed_in_member_unless_it_is_on_the_public_allow_list()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite, Settings);
        var fallback = app.App.Services.GetRequiredService<IOptions<AuthorizationOptions>>().Value.FallbackPolicy;
        Assert.NotNull(fallback);
        Assert.Contains(fallback.Requirements, r => r is Microsoft.AspNetCore.Authorization.Infrastructure.DenyAnonymousAuthorizationRequirement);
        var routes = await RouteCatalog.ReadAsync(app.App);
        Assert.True(routes.Count > 40, $"only {routes.Count} routes read");
        var unlisted = routes.Where(r => r.AllowsAnonymous && !IsPublic(r.Pattern) && !SelfGuardedRoutes.Contains(r.Pattern)).Select(r => r.ToString()).ToList();
        Assert.True(unlisted.Count == 0, "Routes open to anonymous callers but not on the public allow-list: " + string.Join(", ", unlisted));
    }

    [Theory, Providers]
    public async Task No_role_reaches_another_units_records_on_any_route(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, Settings);
        var seed = await ScopeSeed.CreateAsync(app);
        Assert.True(seed.Failed.Count == 0, "Record types the seed could not create (add a sample in ScopeSeed.Samples): " + string.Join(" | ", seed.Failed));
        var routes = await RouteCatalog.ReadAsync(app.App);
        var leaks = new List<string>();
        var errors = new List<string>();
        var requests = 0;
        var ownShown = new HashSet<string>(StringComparer.Ordinal);

        // Anonymous: nothing but the public routes answers 2xx.
        using (var anonymous = app.Client())
        {
            foreach (var route in routes.Where(r => !IsPublic(r.Pattern)))
            {
                foreach (var scope in ScopeSeed.All)
                {
                    using var response = await SendAsync(anonymous, route, seed, scope, token: null);
                    requests++;
                    Classify(route, scope, response, await ShownAsync(response), isAnonymous: true, leaks, errors, ownShown);
                }
            }
        }

        // PostgreSQL test databases open a connection per request: the quick run there takes the two read-only roles and the highest.
        var roles = provider == DatabaseProvider.Sqlite || TrustReport.Full ? Enum.GetValues<Role>() : [.. RoleTable.ReadOnly, Role.Admin];
        foreach (var role in roles)
        {
            using var client = await RoleClients.SignInAsync(app, role);
            var token = await AntiforgeryTokenAsync(client);
            foreach (var route in routes.Where(r => r.Method == "GET"))
            {
                foreach (var scope in ScopeSeed.All)
                {
                    using var response = await SendAsync(client, route, seed, scope, token);
                    requests++;
                    Classify(route, scope, response, await ShownAsync(response), isAnonymous: false, leaks, errors, ownShown, role);
                }
            }

            // Writes with other units' ids: nothing of theirs may change and nothing may be created under them.
            var before = await SnapshotAsync(app, seed);
            foreach (var route in routes.Where(r => r.Method != "GET" && !r.Pattern.StartsWith("Account/", StringComparison.Ordinal) && !IsPublic(r.Pattern)))
            {
                foreach (var scope in ScopeSeed.Outside)
                {
                    using var response = await SendAsync(client, route, seed, scope, token);
                    requests++;
                    if ((int)response.StatusCode >= 500)
                    {
                        errors.Add($"{role} {route} [{scope}] -> {(int)response.StatusCode}");
                    }
                }
            }

            var after = await SnapshotAsync(app, seed);
            foreach (var (key, value) in before.Where(b => after.GetValueOrDefault(b.Key) != b.Value))
            {
                leaks.Add($"{role}: a write changed another unit's data: {key}: {value} -> {after.GetValueOrDefault(key)}");
            }

            foreach (var key in after.Keys.Except(before.Keys))
            {
                leaks.Add($"{role}: a write created under another unit: {key}");
            }

            Assert.NotNull(client.CookieValue("duluan"));
        }

        output.WriteLine($"{routes.Count} routes, {requests} requests, {leaks.Count} leaks, {errors.Count} server errors, {ownShown.Count} routes showed own-scope records");
        foreach (var line in leaks.Concat(errors).Take(200))
        {
            output.WriteLine(line);
        }

        TrustReport.Add("access", $"access matrix ({provider}): unexpected 2xx / leaks", $"{leaks.Count} in {TrustReport.N(requests)} requests over {routes.Count} routes", leaks.Count == 0);
        TrustReport.Add("access", $"IDOR sweep ({provider}): server errors on foreign ids", errors.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), errors.Count == 0);
        Assert.True(ownShown.Count >= 5, "The seed's own-scope records showed on too few routes for the sweep to mean anything: " + string.Join(", ", ownShown));
        Assert.True(leaks.Count == 0, string.Join("\n", leaks.Take(50)));
        Assert.True(errors.Count == 0, string.Join("\n", errors.Take(50)));
    }

    private static void Classify(RouteCase route, Scope scope, HttpResponseMessage response, string body, bool isAnonymous, List<string> leaks, List<string> errors, HashSet<string> ownShown, Role? role = null)
    {
        var who = isAnonymous ? "anonymous" : role.ToString();
        var status = (int)response.StatusCode;
        if (status >= 500)
        {
            errors.Add($"{who} {route} [{scope}] -> {status}");
            return;
        }

        if (status is < 200 or >= 300)
        {
            return;
        }

        if (isAnonymous)
        {
            leaks.Add($"anonymous {route} [{scope}] -> {status}");
            return;
        }

        if (IsPublic(route.Pattern))
        {
            return;
        }

        if (role is { } holder)
        {
            CheckReadCapability(route, body, holder, leaks);
        }

        foreach (var outside in ScopeSeed.Outside)
        {
            var shown = MarkerPattern().Matches(body)
                .Where(m => m.Groups[1].Value == ScopeSeed.S(ScopeSeed.IdOf(outside)))
                .Select(m => m.Groups[2].Value)
                .Where(type => !(outside == Scope.Parent && SharedDownward.Contains(type)))
                .Distinct(StringComparer.Ordinal)
                .ToList();
            if (shown.Count > 0)
            {
                leaks.Add($"{who} {route} [{scope}] -> {status} shows records of the {outside} unit: {string.Join(", ", shown)}");
            }
        }

        if (ScopeSeed.Outside.Contains(scope) && route.Inputs.Any(i => i.InRoute && i.IsNumber))
        {
            leaks.Add($"{who} {route} [{scope}] -> {status} on another unit's id");
        }

        if (!ScopeSeed.Outside.Contains(scope) && body.Contains(ScopeSeed.Marker(scope), StringComparison.Ordinal))
        {
            ownShown.Add(route.ToString());
        }
    }

    /// <summary>What a response shows: its body (downloads included, the seed's files carry their marker) and the file name it offers.</summary>
    private static async Task<string> ShownAsync(HttpResponseMessage response)
        => await response.Content.ReadAsStringAsync() + "\n" + response.Content.Headers.ContentDisposition;

    public static async Task<HttpResponseMessage> SendAsync(TestClient client, RouteCase route, ScopeSeed seed, Scope scope, string? token)
    {
        string Value(RouteInput input) => RouteCatalog.ValueFor(input, seed, scope);
        if (route.Method == "GET")
        {
            return await client.Http.GetAsync(route.Url(Value, queryInputs: true));
        }

        var fields = route.Inputs.Where(i => !i.InRoute).ToDictionary(i => i.Name, Value);
        if (token is not null)
        {
            fields["__RequestVerificationToken"] = token;
        }

        using var request = new HttpRequestMessage(new HttpMethod(route.Method), route.Url(Value, queryInputs: true))
        {
            Content = route.Pattern.StartsWith("api/", StringComparison.Ordinal) || route.Pattern.StartsWith("open311/", StringComparison.Ordinal)
                ? new StringContent("{}", Encoding.UTF8, "application/json")
                : new FormUrlEncodedContent(fields),
        };
        return await client.Http.SendAsync(request);
    }

    public static async Task<string> AntiforgeryTokenAsync(TestClient client)
    {
        var html = await client.GetStringAsync("/Account/Manage");
        var match = TokenPattern().Match(html);
        Assert.True(match.Success, "no antiforgery token on /Account/Manage");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    /// <summary>Every seeded row of the outside scopes, and counts of rows per table under outside units.</summary>
    private static Task<Dictionary<string, string>> SnapshotAsync(TestApp app, ScopeSeed seed) => app.WithDbAsync(async db =>
    {
        var snapshot = new Dictionary<string, string>(StringComparer.Ordinal);
        var outsideUnits = string.Join(',', ScopeSeed.Outside.Select(s => ScopeSeed.S(seed.Units[s].Id)));
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        foreach (var type in db.Model.GetEntityTypes().Where(t => t.GetTableName() is not null && !t.IsOwned()))
        {
            var table = type.GetTableName()!;
            var key = type.FindPrimaryKey()?.Properties is [var single] ? single : null;
            if (seed.Seeded.Contains(type) && key is not null)
            {
                var ids = string.Join(',', ScopeSeed.Outside.Select(s => key.ClrType == typeof(string) ? $"'{ScopeSeed.Marker(s)}id'" : ScopeSeed.S(ScopeSeed.IdOf(s))));
                foreach (var row in await RowsAsync(connection, $"SELECT * FROM \"{table}\" WHERE \"{key.GetColumnName()}\" IN ({ids})"))
                {
                    snapshot[$"{table}#{row.Key}"] = row.Value;
                }
            }

            if (type.FindProperty("UnitId") is { } unit && type.ClrType.Name != "AuditEntry")
            {
                foreach (var row in await RowsAsync(connection, $"SELECT COUNT(*) FROM \"{table}\" WHERE \"{unit.GetColumnName()}\" IN ({outsideUnits})"))
                {
                    snapshot[$"{table} rows under other units"] = row.Value;
                }
            }
        }

        return snapshot;
    });

    private static async Task<Dictionary<string, string>> RowsAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new Dictionary<string, string>(StringComparer.Ordinal);
        while (await reader.ReadAsync())
        {
            var values = Enumerable.Range(0, reader.FieldCount)
                .Where(i => !string.Equals(reader.GetName(i), "ConcurrencyStamp", StringComparison.Ordinal))
                .Select(i => reader.IsDBNull(i) ? "null" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))
                .ToList();
            rows[values[0] ?? "?"] = string.Join('|', values);
        }

        return rows;
    }

    [GeneratedRegex("tmk([0-9]+)q([A-Za-z]*)")]
    private static partial Regex MarkerPattern();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
