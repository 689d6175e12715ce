using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using DuLuan.Data;
using DuLuan.Features.Members;
using DuLuan.Features.Publish;
using DuLuan.Features.Publish.Metrics;
using DuLuan.Tests.Infrastructure;

namespace DuLuan.Tests.Trust;

/// <summary>
/// The two file imports reached over HTTP: XLSForm (.xlsx) at /Surveys/Import and platform metrics (CSV) at
/// /Publish/Metrics. Generated files: valid workbooks with hostile cells, byte-flipped and truncated workbooks,
/// hand-made zips with entity bombs, DTDs, huge cell references and missing parts, random bytes; CSVs with hostile
/// cells, broken quoting, wrong separators, invalid UTF-8, numbers the Vietnamese and the English way, and rows that
/// name a real published post. The outputs (results XLSX, CSV) are covered by the GET-route fuzzing.
/// </summary>
public sealed partial class FuzzTests
{
    [Theory, Providers]
    public async Task Hostile_files_on_the_XLSForm_and_metrics_imports_give_a_clear_answer_never_a_server_error_or_a_hang(DatabaseProvider provider)
    {
        var count = TrustReport.FuzzCases;
        await using var app = await TestApp.StartAsync(provider, Settings);
        var hostile = new Hostile(provider == DatabaseProvider.Sqlite ? 13 : 17);
        using var editor = await RoleClients.SignInAsync(app, Role.Editor);
        var unit = ScopeSeed.S(app.Tree.CommuneA1.Id);
        var postId = await app.WithDbAsync(async db =>
        {
            var post = new Post
            {
                UnitId = app.Tree.CommuneA1.Id,
                Title = "Tin đã đăng trên cổng",
                BodyHtml = "<p>x</p>",
                BodyText = "x",
                Status = PostStatus.Published,
                ContentHash = "h",
                AuthorId = "a",
                LastEditorId = "a",
                PublishedAt = DateTime.UtcNow,
                CreatedAt = DateTime.UtcNow,
                UpdatedAt = DateTime.UtcNow,
            };
            db.Posts.Add(post);
            await db.SaveChangesAsync();
            return post.Id;
        });

        var xlsform = new Tally("XLSForm import (.xlsx upload)");
        var token = await AccessMatrixTests.AntiforgeryTokenAsync(editor);
        for (var i = 0; i < count; i++)
        {
            var (bytes, kind) = hostile.Xlsx();
            using var form = new MultipartFormDataContent
            {
                { new StringContent(hostile.Chance(97) ? token : hostile.Value()), "__RequestVerificationToken" },
                { new StringContent(hostile.Chance(90) ? unit : hostile.Number()), "UnitId" },
                { new StringContent(hostile.Chance(90) ? "true" : hostile.Value()), "Anonymous" },
            };
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue(hostile.Chance(90) ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/plain");
            form.Add(file, "file", hostile.Chance(90) ? "form.xlsx" : "biểu mẫu " + hostile.Next(1000).ToString(CultureInfo.InvariantCulture) + ".xls");
            await TimeAsync(xlsform, () => editor.Http.PostAsync("/Surveys/Import?handler=Check", form), $"XLSForm {kind} ({bytes.Length} bytes)");
        }

        var metrics = new Tally("metrics CSV import");
        var post = postId.ToString(CultureInfo.InvariantCulture);
        for (var i = 0; i < count; i++)
        {
            var (bytes, kind) = hostile.MetricsCsv(post);
            using var form = new MultipartFormDataContent
            {
                { new StringContent(hostile.Chance(97) ? token : hostile.Value()), "__RequestVerificationToken" },
                { new StringContent(hostile.Chance(85) ? MetricsImport.Portal : hostile.Number()), "channel" },
            };
            form.Add(new ByteArrayContent(bytes), "file", "export.csv");
            await TimeAsync(metrics, () => editor.Http.PostAsync("/Publish/Metrics?handler=Import", form), $"metrics {kind}: {Head(Encoding.UTF8.GetString(bytes))}");
        }

        // The valid share of the generated files really went through: a draft check passed and metrics were stored.
        var stored = await app.WithDbAsync(db => Task.FromResult(db.PostMetrics.Count()));
        output.WriteLine($"metrics rows stored from the valid share: {stored}");
        Assert.True(stored > 0 || count < 50, "no generated metrics file was accepted: the generator no longer reaches the store");
        foreach (var tally in new[] { xlsform, metrics })
        {
            output.WriteLine($"{tally.Target}: {tally.Cases} cases, {tally.ServerErrors} server errors, {tally.Slow} over 5 s, longest {tally.Longest.TotalMilliseconds:F0} ms");
            foreach (var example in tally.Examples)
            {
                output.WriteLine("  " + example);
            }

            TrustReport.Add("fuzz", $"{tally.Target} ({provider}): 0 5xx, 0 over 5 s", $"{TrustReport.N(tally.ServerErrors)} 5xx, {tally.Slow} slow in {TrustReport.N(tally.Cases)} files (longest {tally.Longest.TotalMilliseconds:F0} ms)", tally.ServerErrors == 0 && tally.Slow == 0);
        }

        Assert.All(new[] { xlsform, metrics }, t => Assert.True(t.ServerErrors == 0 && t.Slow == 0, $"{t.Target}: {t.ServerErrors} server errors, {t.Slow} slow: {string.Join(" | ", t.Examples)}"));
    }

    private static string Head(string text) => text.Length > 200 ? text[..200] : text;
}
