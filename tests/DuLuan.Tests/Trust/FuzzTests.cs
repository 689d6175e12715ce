using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using DuLuan.Data;
using DuLuan.Features.Concerns.Open311;
using DuLuan.Features.Members;
using DuLuan.Features.Monitoring.Ingest;
using DuLuan.Features.Units;
using DuLuan.Tests.Infrastructure;
using DuLuan.Tests.Surveys;

namespace DuLuan.Tests.Trust;

/// <summary>
/// Generated hostile input on every public endpoint, every staff form and the importers: no 5xx, nothing over 5 s.
/// The normal suite runs a small deterministic sample; scripts/trust.sh (DULUAN_TRUST_FULL=1) runs 10,000 per target.
/// </summary>
public sealed partial class FuzzTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Slow = TimeSpan.FromSeconds(5);

    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Concerns:MinimumFillSeconds"] = "0",
        ["Concerns:SubmissionsPerHour"] = "10000000",
        ["Surveys:SubmissionsPerMinute"] = "10000000",
        ["Open311:PostsPerHour"] = "10000000",
        ["Cases:WorkingHours:SweepMinutes"] = "0",
    };

    private sealed class Tally(string target)
    {
        public string Target { get; } = target;
        public int Cases;
        public int ServerErrors;
        public int Slow;
        public TimeSpan Longest;
        public readonly List<string> Examples = [];

        public void Add(int status, TimeSpan elapsed, string what)
        {
            Cases++;
            if (elapsed > Longest)
            {
                Longest = elapsed;
            }

            if (elapsed > FuzzTests.Slow) { Slow++; Note($"{elapsed.TotalSeconds:F1} s: {what}"); }
            if (status >= 500) { ServerErrors++; Note($"{status}: {what}"); }
        }

        public void Note(string line)
        {
            if (Examples.Count < 10)
            {
                Examples.Add(line.Length > 300 ? line[..300] : line);
            }
        }
    }

    [Theory, Providers]
    public async Task Hostile_input_on_public_endpoints_and_staff_forms_gives_no_server_error_and_no_hang(DatabaseProvider provider)
    {
        var count = TrustReport.FuzzCases;
        await using var app = await TestApp.StartAsync(provider, Settings);
        var hostile = new Hostile(provider == DatabaseProvider.Sqlite ? 9 : 11);
        var tallies = new List<Tally>();
        using var anonymous = app.Client();
        anonymous.Http.Timeout = TimeSpan.FromSeconds(30);

        // The concern portal form.
        var form = await anonymous.GetStringAsync($"/cong/{app.Tree.CommuneA1.Code}/phan-anh");
        var token = WebUtility.HtmlDecode(TokenPattern().Match(form).Groups[1].Value);
        var started = WebUtility.HtmlDecode(StartedPattern().Match(form).Groups[1].Value);
        Assert.False(string.IsNullOrEmpty(started), "no Started field on the portal form");
        var portal = new Tally("concern portal form");
        for (var i = 0; i < count; i++)
        {
            var fields = new List<KeyValuePair<string, string>>
            {
                new("__RequestVerificationToken", hostile.Chance(95) ? token : hostile.Value()),
                new("Title", hostile.Value()), new("Description", hostile.Value()),
                new("Email", hostile.Chance(50) ? hostile.Value() : string.Empty), new("Phone", hostile.Chance(50) ? hostile.Value() : string.Empty),
                new("Website", hostile.Chance(5) ? hostile.Value() : string.Empty), new("Started", hostile.Chance(90) ? started : hostile.Value()),
            };
            var unit = hostile.Chance(90) ? app.Tree.CommuneA1.Code! : hostile.Number();
            await TimeAsync(portal, () => anonymous.Http.PostAsync($"/cong/{Uri.EscapeDataString(unit)}/phan-anh", new FormUrlEncodedContent(fields)), "POST /phan-anh " + fields[1].Value);
        }

        tallies.Add(portal);

        // The survey submit API.
        var surveyId = await SurveyKit.PublishedAsync(app);
        var survey = new Tally("survey submit API");
        for (var i = 0; i < count; i++)
        {
            var json = hostile.Json(h => new Dictionary<string, object?>
            {
                ["idempotencyKey"] = h.Chance(80) ? Guid.NewGuid().ToString("N") : h.Value(),
                ["responses"] = Enumerable.Range(0, h.Next(4)).Select(_ => new Dictionary<string, object?>
                {
                    ["version"] = h.Chance(80) ? 1 : h.Number(),
                    ["answers"] = new Dictionary<string, object?>
                    {
                        ["q_commune"] = h.Chance(60) ? app.Tree.CommuneA1.Id : h.Value(),
                        ["q_use"] = h.Chance(50) ? "yes" : h.Value(),
                        ["q_why"] = h.Chance(50) ? new[] { "land", h.Value() } : h.Value(),
                        ["q_score"] = h.Chance(50) ? h.Next(7) : h.Number(),
                        ["q_age"] = h.Number(),
                        ["q_date"] = h.Value(),
                        ["q_note"] = h.Value(),
                        [h.Value()] = h.Value(),
                    },
                }).ToArray(),
            });
            var id = hostile.Chance(90) ? surveyId.ToString(System.Globalization.CultureInfo.InvariantCulture) : hostile.Number();
            await TimeAsync(survey, () => anonymous.Http.PostAsync($"/api/public/surveys/{Uri.EscapeDataString(id)}/responses", new StringContent(json, Encoding.UTF8, hostile.Chance(95) ? "application/json" : "text/plain")), "POST survey " + json);
        }

        tallies.Add(survey);

        // Open311 POST.
        var key = await app.WithScopeAsync(s => s.GetRequiredService<ApiKeys>().CreateAsync("Ứng dụng thử độ bền"));
        var open311 = new Tally("Open311 POST requests");
        for (var i = 0; i < count; i++)
        {
            var fields = new List<KeyValuePair<string, string>>
            {
                new("api_key", hostile.Chance(90) ? key.Key : hostile.Value()),
                new("jurisdiction_id", hostile.Chance(90) ? "20200" : hostile.Value()),
                new("service_code", hostile.Chance(90) ? GeoReportRequests.ServiceCode : hostile.Value()),
                new("description", hostile.Value()), new("email", hostile.Value()), new("phone", hostile.Value()),
                new("lat", hostile.Number()), new("long", hostile.Number()), new(hostile.Value(), hostile.Value()),
            };
            var format = hostile.Chance(80) ? "json" : hostile.Chance(50) ? "xml" : hostile.Value();
            await TimeAsync(open311, () => anonymous.Http.PostAsync($"/open311/v2/requests.{Uri.EscapeDataString(format)}", new FormUrlEncodedContent(fields)), "POST open311 " + fields[3].Value);
        }

        tallies.Add(open311);

        // Every GET route, anonymous on the public ones and as an editor on the others, with hostile route values and query strings.
        var routes = await RouteCatalog.ReadAsync(app.App);
        using var editor = await RoleClients.SignInAsync(app, Role.Editor);
        var pages = new Tally("pages with query strings (all GET routes)");
        var gets = routes.Where(r => r.Method == "GET" && r.Pattern != "Account/Logout").ToList();
        for (var i = 0; i < count; i++)
        {
            var route = gets[i % gets.Count];
            var client = AccessMatrixTests.IsPublic(route.Pattern) ? anonymous : editor;
            var url = route.Url(input => input.IsNumber && hostile.Chance(70) ? ScopeSeed.S(app.Tree.CommuneA1.Id) : hostile.Value(), queryInputs: true);
            var extra = string.Join('&', Enumerable.Range(0, hostile.Next(4)).Select(_ => Hostile.QueryNames[hostile.Next(Hostile.QueryNames.Length)] + "=" + Uri.EscapeDataString(hostile.Value())));
            url += extra.Length == 0 ? string.Empty : (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + extra;
            if (url.Length > 60_000)
            {
                url = url[..60_000];
            }

            await TimeAsync(pages, () => client.Http.GetAsync(url), "GET " + url);
        }

        tallies.Add(pages);

        // Every staff form (opinion reports, cases, surveys, units, members...) as an editor, with hostile fields.
        var antiforgery = await AccessMatrixTests.AntiforgeryTokenAsync(editor);
        var staff = new Tally("staff forms (all POST handlers)");
        var posts = routes.Where(r => r.Method == "POST" && !r.Pattern.StartsWith("Account/", StringComparison.Ordinal) && !AccessMatrixTests.IsPublic(r.Pattern) && r.Handler is not null || r.Pattern == "Opinions/New" && r.Method == "POST").DistinctBy(r => r.ToString()).ToList();
        for (var i = 0; i < count; i++)
        {
            var route = posts[i % posts.Count];
            string Value(RouteInput input) => input.IsNumber && hostile.Chance(60) ? ScopeSeed.S(input.IsUnit ? app.Tree.CommuneA1.Id : hostile.Next(5) + 1) : hostile.Value();
            var fields = route.Inputs.Where(x => !x.InRoute).Select(x => new KeyValuePair<string, string>(x.Name, Value(x))).ToList();
            fields.Add(new("__RequestVerificationToken", antiforgery));
            if (route.Pattern == "Opinions/New")
            {
                for (var s = hostile.Next(3); s >= 0; s--)
                {
                    foreach (var name in new[] { "TopicId", "NewTopic", "Summary", "Tendency", "Intensity", "Spread", "Suggestion" })
                    {
                        fields.Add(new($"Streams[{s}].{name}", hostile.Chance(30) ? "1" : hostile.Value()));
                    }
                }
            }

            var url = route.Url(input => input.IsNumber ? ScopeSeed.S(app.Tree.CommuneA1.Id) : hostile.Value(), queryInputs: false);
            await TimeAsync(staff, () => editor.Http.PostAsync(url, new FormUrlEncodedContent(fields)), "POST " + url + " " + string.Join("&", fields.Take(3)));
        }

        tallies.Add(staff);

        foreach (var tally in tallies)
        {
            output.WriteLine($"{tally.Target}: {tally.Cases} cases, {tally.ServerErrors} server errors, {tally.Slow} over 5 s, longest {tally.Longest.TotalMilliseconds:F0} ms");
            foreach (var example in tally.Examples)
            {
                output.WriteLine("  " + example);
            }

            TrustReport.Add("fuzz", $"{tally.Target} ({provider}): 0 5xx, 0 over 5 s", $"{TrustReport.N(tally.ServerErrors)} 5xx, {tally.Slow} slow in {TrustReport.N(tally.Cases)} cases (longest {tally.Longest.TotalMilliseconds:F0} ms)", tally.ServerErrors == 0 && tally.Slow == 0);
        }

        Assert.All(tallies, t => Assert.True(t.ServerErrors == 0 && t.Slow == 0, $"{t.Target}: {t.ServerErrors} server errors, {t.Slow} slow: {string.Join(" | ", t.Examples)}"));
    }

    [Theory, Providers]
    public async Task A_NUL_character_in_the_query_is_dropped_instead_of_failing_on_PostgreSQL(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var editor = await RoleClients.SignInAsync(app, Role.Editor);
        foreach (var (url, status) in new[] { ("/Members/Details?id=a%00b", HttpStatusCode.NotFound), ("/Cases?q=%00", HttpStatusCode.OK), ("/api/units/search?q=%00", HttpStatusCode.OK) })
        {
            using var response = await editor.GetAsync(url);
            Assert.Equal(status, response.StatusCode);
        }
    }

    [Fact]
    public void Hostile_files_give_the_importers_a_clear_error_or_rows_never_a_crash()
    {
        var count = TrustReport.FuzzCases;
        var hostile = new Hostile(5);
        var units = new Tally("units import (CSV/JSON)");
        var feeds = new Tally("feeds parse (RSS/Atom/JSON)");
        var parser = new FeedParser();
        for (var i = 0; i < count; i++)
        {
            var (bytes, extension) = hostile.Next(4) switch
            {
                0 => (Encoding.UTF8.GetBytes(hostile.Json(h => Enumerable.Range(0, h.Next(5)).Select(_ => new Dictionary<string, object?> { ["code"] = h.Value(), ["name"] = h.Value(), ["kind"] = h.Value(), ["parent"] = h.Value(), ["population"] = h.Number() }).ToArray())), ".json"),
                1 => (Enumerable.Range(0, hostile.Next(2000)).Select(_ => (byte)hostile.Next(256)).ToArray(), ".csv"),
                _ => (Encoding.UTF8.GetBytes(hostile.Csv("code,name,kind,parent_code,population", 5)), ".csv"),
            };
            var watch = Stopwatch.StartNew();
            try
            {
                UnitFileReader.Parse(bytes, extension);
                units.Add(200, watch.Elapsed, "ok");
            }
            catch (UnitImportException)
            {
                units.Add(400, watch.Elapsed, "clear error");
            }
            catch (Exception e)
            {
                units.Add(500, watch.Elapsed, e.GetType().Name + ": " + e.Message + " in " + Head(Encoding.UTF8.GetString(bytes)));
            }

            var document = hostile.Next(5) switch
            {
                0 => hostile.Json(h => new Dictionary<string, object?> { ["version"] = "https://jsonfeed.org/version/1.1", ["title"] = h.Value(), ["items"] = Enumerable.Range(0, h.Next(4)).Select(_ => new { id = h.Value(), url = h.Value(), title = h.Value(), content_html = h.Value(), date_published = h.Value() }).ToArray() }),
                _ => hostile.Xml(),
            };
            watch.Restart();
            try
            {
                var parsed = parser.Parse(Encoding.UTF8.GetBytes(document), hostile.Chance(10) ? hostile.Value() : null);
                var crashed = parsed.Warnings.Any(w => w.ToString()!.Contains("Unexpected error", StringComparison.Ordinal));
                feeds.Add(crashed ? 500 : 200, watch.Elapsed, crashed ? string.Join("; ", parsed.Warnings) + " in " + document[..Math.Min(document.Length, 400)] : "ok");
            }
            catch (Exception e)
            {
                feeds.Add(500, watch.Elapsed, e.GetType().Name + ": " + e.Message);
            }
        }

        foreach (var tally in new[] { units, feeds })
        {
            output.WriteLine($"{tally.Target}: {tally.Cases} cases, {tally.ServerErrors} crashes, {tally.Slow} over 5 s, longest {tally.Longest.TotalMilliseconds:F0} ms");
            foreach (var example in tally.Examples)
            {
                output.WriteLine("  " + example);
            }

            TrustReport.Add("fuzz", $"{tally.Target}: 0 crashes, 0 over 5 s", $"{tally.ServerErrors} crashes, {tally.Slow} slow in {TrustReport.N(tally.Cases)} files (longest {tally.Longest.TotalMilliseconds:F0} ms)", tally.ServerErrors == 0 && tally.Slow == 0);
            Assert.True(tally.ServerErrors == 0 && tally.Slow == 0, $"{tally.Target}: {string.Join(" | ", tally.Examples)}");
        }
    }

    private static async Task TimeAsync(Tally tally, Func<Task<HttpResponseMessage>> send, string what)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            using var response = await send();
            await response.Content.ReadAsByteArrayAsync();
            tally.Add((int)response.StatusCode, watch.Elapsed, what);
        }
        catch (TaskCanceledException)
        {
            tally.Add(599, watch.Elapsed, "timed out: " + what);
        }
        catch (HttpRequestException)
        {
            // The server answered 413 and closed the connection while the client was still sending an oversized body.
            tally.Add(413, watch.Elapsed, what);
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("name=\"Started\" value=\"([^\"]*)\"")]
    private static partial Regex StartedPattern();
}
