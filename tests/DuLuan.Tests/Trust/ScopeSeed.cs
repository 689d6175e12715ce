using System.Globalization;
using DuLuan.Data;
using DuLuan.Features.Members;
using DuLuan.Features.Reports;
using DuLuan.Features.Reports.Documents;
using DuLuan.Features.Reports.Drafts;
using DuLuan.Features.Surveys;
using DuLuan.Features.Units;
using DuLuan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace DuLuan.Tests.Trust;

/// <summary>Where a seeded record lies relative to the member under test (who holds a role at commune A1).</summary>
public enum Scope
{
    Own,
    Child,
    Sibling,
    Parent,
    OtherProvince,
}

/// <summary>
/// One record of every entity type in the EF model per scope unit, all with the same id per scope
/// (<see cref="IdOf"/>), so any route's id parameter, whatever record type it names, can be filled with
/// "the record of that scope". Every string holds a marker naming the scope, so a page showing data of a
/// unit outside the member's subtree is caught by searching its body. Entity types added later are
/// picked up from the model; <see cref="Samples"/> supplies values a blind default would make invalid.
/// </summary>
public sealed class ScopeSeed
{
    private const long IdBase = 7_770_000;

    public static readonly Scope[] All = Enum.GetValues<Scope>();

    public static readonly Scope[] Outside = [Scope.Sibling, Scope.Parent, Scope.OtherProvince];

    // The reports' monthly sums hold counts, not text a marker could be found in (the dashboards that show them are
    // in the matrix), and their state row is global.
    private static readonly string[] SkippedTypes = ["Member", "Membership", "Unit", "AuditEntry", "DataProtectionKey", "ReportMonthSum", "ReportSumsState"];

    public required IReadOnlyDictionary<Scope, Unit> Units { get; init; }

    public required IReadOnlyList<IEntityType> Seeded { get; init; }

    public required IReadOnlyList<string> Failed { get; init; }

    public static long IdOf(Scope scope) => IdBase + (int)scope + 1;

    public static string S(long id) => id.ToString(CultureInfo.InvariantCulture);

    public static string Marker(Scope scope) => "tmk" + S(IdOf(scope)) + "q";

    public static async Task<ScopeSeed> CreateAsync(TestApp app)
    {
        var tree = app.Tree;
        var units = new Dictionary<Scope, Unit>
        {
            [Scope.Own] = tree.CommuneA1,
            [Scope.Child] = tree.AgencyA1,
            [Scope.Sibling] = tree.CommuneA2,
            [Scope.Parent] = tree.ProvinceA,
            [Scope.OtherProvince] = tree.CommuneB1,
        };
        // A member per scope unit, so member-keyed records and member lists carry markers too.
        var owners = new Dictionary<Scope, (string Member, long Membership)>();
        foreach (var scope in All)
        {
            var member = await app.AddMemberAsync(Marker(scope) + "@trust.example.vn", units[scope], Role.Viewer);
            var membership = await app.WithDbAsync(db => db.Memberships.Where(m => m.MemberId == member.Id).Select(m => m.Id).SingleAsync());
            owners[scope] = (member.Id, membership);
        }

        var seeded = new List<IEntityType>();
        var failed = new List<string>();
        foreach (var type in await app.WithDbAsync(db => Task.FromResult(Ordered(db.Model))))
        {
            try
            {
                await app.WithDbAsync(async db =>
                {
                    foreach (var scope in All)
                    {
                        db.Add(Build(type, scope, units[scope].Id, owners[scope]));
                    }

                    return await db.SaveChangesAsync();
                });
                seeded.Add(type);
            }
            catch (Exception e) when (e is DbUpdateException or InvalidOperationException or ArgumentException)
            {
                failed.Add($"{type.ClrType.Name}: {e.GetBaseException().Message}");
            }
        }

        return new ScopeSeed { Units = units, Seeded = seeded, Failed = failed };
    }

    /// <summary>Entity types in dependency order (principals before dependents), framework tables left out.</summary>
    private static List<IEntityType> Ordered(IModel model)
    {
        var types = model.GetEntityTypes()
            .Where(t => !t.IsOwned() && !t.HasSharedClrType && t.ClrType.Namespace?.StartsWith("DuLuan", StringComparison.Ordinal) == true)
            .Where(t => !SkippedTypes.Contains(t.ClrType.Name))
            .ToList();
        var ordered = new List<IEntityType>();
        while (types.Count > 0)
        {
            var ready = types.FirstOrDefault(t => t.GetForeignKeys()
                .Where(fk => fk.IsRequired)
                .All(fk => fk.PrincipalEntityType == t || !types.Contains(fk.PrincipalEntityType)))
                ?? types[0];
            ordered.Add(ready);
            types.Remove(ready);
        }

        return ordered;
    }

    private static object Build(IEntityType type, Scope scope, long unitId, (string Member, long Membership) owner)
    {
        var entity = Activator.CreateInstance(type.ClrType)!;
        var id = IdOf(scope);
        var marker = Marker(scope) + type.ClrType.Name;
        foreach (var property in type.GetProperties().Where(p => p.PropertyInfo is not null))
        {
            var info = property.PropertyInfo!;
            var fk = property.GetContainingForeignKeys().FirstOrDefault();
            object? value;
            if (Samples.TryGetValue((type.ClrType.Name, info.Name), out var sample))
            {
                value = sample(scope);
            }
            else if (fk is not null)
            {
                var principal = fk.PrincipalEntityType.ClrType.Name;
                value = principal switch
                {
                    "Unit" => unitId,
                    "Member" => owner.Member,
                    "Membership" => owner.Membership,
                    _ when property.IsNullable => null,
                    _ when info.PropertyType == typeof(string) => Marker(scope) + "id",
                    _ => id,
                };
            }
            else if (property.IsPrimaryKey())
            {
                value = info.PropertyType == typeof(string) ? Marker(scope) + "id" : id;
            }
            else
            {
                value = Default(info.PropertyType, marker, property.GetMaxLength());
            }

            info.SetValue(entity, value is null ? null : Convert(value, info.PropertyType));
        }

        return entity;
    }

    private static object Convert(object value, Type target)
    {
        var type = Nullable.GetUnderlyingType(target) ?? target;
        return type.IsInstanceOfType(value) ? value : System.Convert.ChangeType(value, type, CultureInfo.InvariantCulture);
    }

    private static object? Default(Type type, string marker, int? maxLength)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (t == typeof(string))
        {
            return maxLength is { } max && max < marker.Length ? marker[..max] : marker;
        }

        if (t == typeof(DateTime))
        {
            return DateTime.UtcNow;
        }

        if (t == typeof(DateTimeOffset))
        {
            return DateTimeOffset.UtcNow;
        }

        if (t == typeof(DateOnly))
        {
            return DateOnly.FromDateTime(DateTime.UtcNow);
        }

        if (t == typeof(TimeOnly))
        {
            return new TimeOnly(9, 0);
        }

        if (t == typeof(bool))
        {
            return false;
        }

        if (t == typeof(Guid))
        {
            return Guid.NewGuid();
        }

        if (t == typeof(byte[]))
        {
            // A file's bytes carry the marker too, so a download (attachment, photo, audio, evidence) that leaks shows it.
            return System.Text.Encoding.UTF8.GetBytes(marker);
        }

        if (t.IsEnum)
        {
            return Enum.GetValues(t).GetValue(0);
        }

        if (t == typeof(int) || t == typeof(long) || t == typeof(short) || t == typeof(double) || t == typeof(decimal) || t == typeof(float))
        {
            return 1;
        }

        return null;
    }

    /// <summary>Values a blind default would make invalid (JSON columns, URLs).</summary>
    private static readonly Dictionary<(string Type, string Property), Func<Scope, object?>> Samples = new()
    {
        [("Survey", "DraftJson")] = s => SurveyDefinition.Starter(Marker(s) + " khảo sát", Marker(s) + " survey").ToJson(),
        [("Survey", "Status")] = _ => SurveyStatus.Published,
        [("Survey", "CurrentVersion")] = _ => 1,
        [("SurveyVersion", "DefinitionJson")] = s => SurveyDefinition.Starter(Marker(s) + " khảo sát", Marker(s) + " survey").ToJson(),
        [("SurveyVersion", "SurveyId")] = s => IdOf(s),
        [("SurveyPaperTally", "Day")] = s => DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-(int)s),
        [("SurveyMargin", "Variable")] = _ => "sex",
        [("SurveyResponse", "Source")] = _ => ResponseSource.Paper,
        [("ClaimEvidence", "ContentType")] = _ => "application/pdf",
        [("ReportDraft", "PeriodCode")] = _ => "2026-Q3",
        [("ReportDraft", "TextJson")] = s => ReportJson.Write(new ReportText(Marker(s), [Marker(s)], [], [])),
        [("ReportDraft", "FiguresJson")] = s => ReportJson.Write(new ReportFigures(0, Marker(s), null, ReportPeriod.Parse("2026-Q3"), [], [], DateTimeOffset.UnixEpoch)),
        [("ReportRun", "PeriodCode")] = _ => "2026-Q3",
        [("ClaimEvidence", "FileName")] = s => Marker(s) + ".pdf",
        [("PostImage", "ContentType")] = _ => "image/png",
        [("PostImage", "FileName")] = s => Marker(s) + ".png",
        [("Holiday", "Date")] = s => DateOnly.FromDateTime(DateTime.UtcNow).AddDays(400 + (int)s),
        [("CaseAttachment", "ContentType")] = _ => "text/plain",
        [("CaseAttachment", "FileName")] = s => Marker(s) + ".txt",
        [("Feed", "Url")] = s => "https://" + Marker(s) + ".example.vn/rss",
        [("Article", "Url")] = s => "https://" + Marker(s) + ".example.vn/bai",
        [("DialogueCommitment", "CaseId")] = s => 1_000_000L + (int)s,
        // A stream that filed no concern: the database's foreign key to concerns is not in the model (Opinions names no
        // Concerns type), so the seed cannot tell that a made-up id would break it.
        [("OpinionStream", "ConcernId")] = _ => null,
    };
}

/// <summary>Signs a member of each role in at commune A1.</summary>
public static class RoleClients
{
    public static async Task<TestClient> SignInAsync(TestApp app, Role role, string? email = null)
    {
        email ??= $"{role.ToString().ToLowerInvariant()}-{Guid.NewGuid():N}@trust.example.vn";
        var member = await app.AddMemberAsync(email, app.Tree.CommuneA1, role);
        var client = app.Client();
        if (Roles.RequiresTwoFactor(role))
        {
            await client.SignInAdminAsync(member);
        }
        else
        {
            await client.SignInOkAsync(email);
        }

        return client;
    }
}
