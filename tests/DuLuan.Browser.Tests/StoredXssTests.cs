using System.Security.Cryptography;
using DuLuan.Data;
using DuLuan.Features.Concerns.Cases;
using DuLuan.Features.Concerns.Intake;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DuLuan.Browser.Tests;

/// <summary>
/// Stored XSS: hostile text saved in concerns and cases is rendered by Chromium on the staff lists and details
/// and on the public answer page. A dialog, a script-set flag or a CSP violation (an inline payload that reached
/// the DOM unescaped) counts as an execution.
/// </summary>
public sealed class StoredXssTests(TestApp app)
{
    private static readonly string[] Corpus =
    [
        "<script>alert('xss1')</script>",
        "\"><img src=x onerror=alert('xss2')>",
        "<svg/onload=alert('xss3')>",
        "'><iframe srcdoc=\"<script>parent.alert('xss4')</script>\"></iframe>",
        "<a href=\"javascript:alert('xss5')\">bấm vào đây</a>",
        "</textarea><script>window.__xss=6</script>",
        "<details open ontoggle=alert('xss7')>",
        "<img src=\"x\" onerror=\"window.__xss=8\">",
        "<style>@import 'javascript:alert(9)';</style>",
        "<body onload=alert('xss10')>",
        "{{constructor.constructor('alert(11)')()}}",
        "<math><mi xlink:href=\"javascript:alert(12)\">x</mi></math>",
        "<scr<script>ipt>alert('xss13')</scr</script>ipt>",
        "&lt;script&gt;alert('xss14')&lt;/script&gt;",
        "<input autofocus onfocus=alert('xss15')>",
        "https://example.vn/\"onmouseover=\"alert(16)",
    ];

    [Fact]
    public async Task Hostile_text_stored_in_concerns_and_cases_never_runs_in_Chromium()
    {
        var ids = new List<(long Case, long Concern, string Reference)>();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            foreach (var payload in Corpus)
            {
                var item = new Case
                {
                    UnitId = app.Seed.CommuneId,
                    Title = "Vụ việc " + payload,
                    Description = "Mô tả: " + payload + " đèn đường hỏng.",
                    Severity = Severity.Normal,
                    Status = CaseStatus.Answered,
                    CreatedAt = DateTime.UtcNow.AddDays(-1),
                    DueAt = DateTime.UtcNow.AddDays(6),
                    Answer = "Trả lời: " + payload,
                    AnsweredAt = DateTime.UtcNow,
                };
                db.Cases.Add(item);
                await db.SaveChangesAsync();
                var concern = new Concern
                {
                    UnitId = app.Seed.CommuneId,
                    Title = "Phản ánh " + payload,
                    Description = "Người dân viết: " + payload,
                    Source = ConcernSource.Portal,
                    Status = ConcernStatus.New,
                    ReceivedAt = DateTime.UtcNow,
                    CaseId = item.Id,
                    DedupKey = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)),
                };
                db.Concerns.Add(concern);
                await db.SaveChangesAsync();
                ids.Add((item.Id, concern.Id, item.PublicRef));
            }
        }

        await using var context = await app.NewContextAsync();
        await PageWatch.AttachAsync(context);
        var page = await context.NewPageAsync();
        var dialogs = new List<string>();
        page.Dialog += async (_, dialog) =>
        {
            dialogs.Add(dialog.Message);
            await dialog.DismissAsync();
        };
        await new Pages.LoginPage(page).SignInAndWaitForHomeAsync(app.Seed.Viewer);

        var paths = new List<string> { "/Cases", "/Concerns", "/Cases/Answered", $"/vu-viec/don-vi/{app.Seed.CommuneId}" };
        foreach (var (caseId, concernId, reference) in ids)
        {
            paths.AddRange([$"/Cases/Details?id={caseId}", $"/Concerns/Details?id={concernId}", $"/vu-viec/{reference}"]);
        }

        var executions = new List<string>();
        var rendered = 0;
        foreach (var path in paths)
        {
            var response = await page.GotoAsync(path, new() { WaitUntil = WaitUntilState.NetworkIdle });
            if (response is { Status: 200 })
            {
                rendered++;
            }

            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<bool>("() => window.__xss !== undefined"))
            {
                executions.Add($"{path}: window.__xss set");
            }
            // Any CSP violation means markup reached the DOM that the page does not ship: a payload unescaped.
            executions.AddRange((await PageWatch.CspViolationsAsync(page)).Select(v => $"{path}: CSP blocked {v}"));
        }

        executions.AddRange(dialogs.Select(d => "dialog: " + d));
        Assert.True(rendered >= paths.Count / 2, $"only {rendered} of {paths.Count} pages rendered: the corpus was not shown");
        Assert.True(executions.Count == 0, string.Join("\n", executions));
    }
}
