using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using DuLuan.Data;
using DuLuan.Features.Concerns.Intake;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace DuLuan.Bench.Trust;

public static partial class CrashDrill
{
    /// <summary>Acknowledged writes missing from the database, and the engine's integrity check.</summary>
    internal static async Task<(int Lost, string Integrity)> VerifyAsync(DatabaseOptions options, List<(string Kind, string Key)> acked)
    {
        await using var app = Host(options);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        // A concern is acknowledged by its Open311 token (random since issue #16; it was the dedup key before).
        var concerns = (await db.Concerns.Select(c => c.Token).ToListAsync()).ToHashSet(StringComparer.Ordinal);
        var batches = (await db.SurveyBatches.Select(b => b.Key).ToListAsync()).ToHashSet(StringComparer.Ordinal);
        // A post is acknowledged by its id; its title carries a unique marker, so a reused id cannot pass for it.
        var posts = (await db.Posts.Select(p => new { p.Id, p.Title }).ToListAsync()).Select(p => $"{p.Id}:{p.Title}").ToHashSet(StringComparer.Ordinal);
        var lost = acked.Count(a => !(a.Kind switch { "concern" => concerns, "post" => posts, _ => batches }).Contains(a.Key));
        string integrity;
        if (options.Provider == DatabaseProvider.Sqlite)
        {
            var connection = db.Database.GetDbConnection();
            await db.Database.OpenConnectionAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA integrity_check";
            integrity = Convert.ToString(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture) ?? "?";
        }
        else
        {
            // Every table read end to end (a damaged page or index fails the read).
            integrity = "ok";
            var connection = db.Database.GetDbConnection();
            await db.Database.OpenConnectionAsync();
            foreach (var table in db.Model.GetEntityTypes().Select(t => t.GetTableName()).OfType<string>().Distinct())
            {
                await using var command = connection.CreateCommand();
                command.CommandText = $"SELECT COUNT(*) FROM (SELECT * FROM \"{table}\" ORDER BY 1) t";
                try
                {
                    await command.ExecuteScalarAsync();
                }
                catch (NpgsqlException e)
                {
                    integrity = $"{table}: {e.Message}";
                }
            }
        }

        return (lost, integrity);
    }

    /// <summary>Per table: row count and a SHA-256 over the sorted rows.</summary>
    private static async Task<Dictionary<string, string>> ChecksumsAsync(DatabaseOptions options)
    {
        await using var app = Host(options);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        var sums = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var table in db.Model.GetEntityTypes().Select(t => t.GetTableName()).OfType<string>().Distinct().Order(StringComparer.Ordinal))
        {
            await using var command = connection.CreateCommand();
            // The backup and restore verbs audit themselves, on the source and on the copy respectively.
            command.CommandText = table == "audit_entries" ? $"SELECT * FROM \"{table}\" WHERE \"Action\" NOT IN ('backup', 'restore')" : $"SELECT * FROM \"{table}\"";
            await using var reader = await command.ExecuteReaderAsync();
            var rows = new List<string>();
            while (await reader.ReadAsync())
            {
                rows.Add(string.Join('|', Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "∅" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture))));
            }

            rows.Sort(StringComparer.Ordinal);
            sums[table] = $"{rows.Count}:{Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', rows))))}";
        }

        return sums;
    }

    private static async Task<string> VaultAsync(DatabaseOptions options)
    {
        await using var app = Host(options);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var vault = scope.ServiceProvider.GetRequiredService<ContactVault>();
        var sealedContacts = await db.Concerns.Where(c => c.ContactProtected != null).Select(c => c.ContactProtected!).Take(200).ToListAsync();
        var opened = sealedContacts.Count(c =>
        {
            try
            {
                return vault.Unprotect(c).Email?.EndsWith("@example.vn", StringComparison.Ordinal) == true;
            }
            catch (System.Security.Cryptography.CryptographicException)
            {
                return false;
            }
        });
        return sealedContacts.Count > 0 && opened == sealedContacts.Count ? $"all {opened} of {sealedContacts.Count} sampled" : $"{opened} of {sealedContacts.Count} sampled";
    }
}
