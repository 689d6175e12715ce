using System.Globalization;
using System.Net;
using System.Reflection;
using System.Resources;
using System.Text.RegularExpressions;
using DuLuan.Data;
using DuLuan.Features.Audit;
using DuLuan.Features.Members;
using DuLuan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Tests.Audit;

/// <summary>One naming style for actions, old rows renamed, and the audit page in words instead of codes.</summary>
public sealed partial class AuditNamingTests
{
    private static readonly ResourceManager Strings = new("DuLuan.Resources.SharedResource", typeof(SharedResource).Assembly);

    /// <summary>Every audit action constant of every feature (kernel AuditActions, SurveyAudit, PostWorkflow.Actions, ...).</summary>
    private static List<string> ActionConstants() => typeof(AuditLog).Assembly.GetTypes()
        .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Where(f => t.Name.EndsWith("Audit", StringComparison.Ordinal) || t.Name == nameof(AuditActions) || (t.IsNested && t.Name == "Actions") || f.Name == "AuditAction"))
        .Select(f => (string)f.GetRawConstantValue()!)
        .Distinct()
        .ToList();

    [Fact]
    public void Every_action_is_named_area_dot_event_and_has_a_label_in_both_languages()
    {
        var actions = ActionConstants();
        Assert.True(actions.Count >= 70, $"found only {actions.Count} actions");
        Assert.All(actions, a => Assert.Matches(Style(), a));
        Assert.All(actions, a => Assert.False(string.IsNullOrEmpty(Strings.GetString($"Audit.Action.{a}", CultureInfo.InvariantCulture)), a));
        Assert.All(actions, a => Assert.NotEqual(
            Strings.GetString($"Audit.Action.{a}", CultureInfo.InvariantCulture),
            Strings.GetString($"Audit.Action.{a}", CultureInfo.GetCultureInfo("en"))));
    }

    [Theory, Providers]
    public async Task The_migration_renames_rows_written_under_the_old_names(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var script = Migrator.Scripts(provider).Single(s => s.Version.StartsWith("0019_", StringComparison.Ordinal)).Sql;
        var renamed = OldToNew().Matches(script).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
        Assert.Subset(ActionConstants().ToHashSet(), renamed.Values.ToHashSet());

        await app.WithDbAsync(async db =>
        {
            foreach (var old in new[] { "survey.weights", "role-granted", "report-draft-created", "sign-in", "survey.paper-entry.done", "time.check" })
            {
                db.AuditEntries.Add(new AuditEntry { At = DateTime.UtcNow, Action = old, Target = "old" });
            }

            await db.SaveChangesAsync();
            return await db.Database.ExecuteSqlRawAsync(script);
        });

        var actions = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.Target == "old").OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());
        Assert.Equal(["surveys.weights-set", "members.role-granted", "reports.draft-created", "account.sign-in", "surveys.paper-entry-finished", "time.check"], actions);
    }

    [Theory, Providers]
    public async Task The_audit_page_shows_actions_and_details_in_words_of_the_chosen_language(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var admin = await app.AddMemberAsync("admin@root.vn", app.Tree.Root, Role.Admin);
        await app.WithDbAsync(async db =>
        {
            db.AuditEntries.Add(new AuditEntry { At = DateTime.UtcNow, Action = AuditActions.RoleGranted, UnitId = app.Tree.CommuneA1.Id, Target = "ctv@a1.vn", Detail = "role=Collaborator" });
            db.AuditEntries.Add(new AuditEntry { At = DateTime.UtcNow, Action = "claims.unpublished", UnitId = app.Tree.ProvinceA.Id, Target = "claim:3", Detail = "False" });
            db.AuditEntries.Add(new AuditEntry { At = DateTime.UtcNow, Action = "publish.post-scheduled", UnitId = app.Tree.ProvinceA.Id, Target = "post:7", Detail = "Scheduled: 2026-12-06T12:08:00.0000000Z" });
            return await db.SaveChangesAsync();
        });
        using var client = app.Client();
        await client.SignInAdminAsync(admin);

        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/Audit"));
        Assert.Contains("Cấp vai trò", html, StringComparison.Ordinal);
        Assert.Contains("Vai trò: Cộng tác viên", html, StringComparison.Ordinal);
        Assert.Contains("Thông tin cần kiểm chứng số 3 Sai sự thật", html, StringComparison.Ordinal);
        Assert.Contains("Bài đăng số 7 Đã đặt lịch: 06/12/2026 19:08", html, StringComparison.Ordinal);
        Assert.DoesNotContain("role=Collaborator", html, StringComparison.Ordinal);
        Assert.DoesNotContain(">members.role-granted<", html, StringComparison.Ordinal);
        // The filter lists the actions of every feature by label, not only the kernel's.
        Assert.Contains("<option value=\"surveys.weights-set\">Đặt gia quyền</option>", html, StringComparison.Ordinal);

        // Sign-ins have no unit; filtering by them finds the admin's own.
        var signIns = WebUtility.HtmlDecode(await client.GetStringAsync("/Audit?action=account.sign-in"));
        Assert.Contains("admin@root.vn", signIns, StringComparison.Ordinal);
        Assert.DoesNotContain("Cấp vai trò", signIns.Split("<table>").Last(), StringComparison.Ordinal);

        client.Cookies.Add(app.BaseAddress, new Cookie(".AspNetCore.Culture", "c=en|uic=en"));
        var english = WebUtility.HtmlDecode(await client.GetStringAsync("/Audit"));
        Assert.Contains("Role granted", english, StringComparison.Ordinal);
        Assert.Contains("Role: Collaborator", english, StringComparison.Ordinal);
        Assert.Contains("Claim 3 False", english, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^[a-z0-9]+\.[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex Style();

    [GeneratedRegex(@"WHEN '([^']+)' THEN '([^']+)'")]
    private static partial Regex OldToNew();
}
