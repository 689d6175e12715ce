using System.Diagnostics;
using DuLuan.Infrastructure.Text;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace DuLuan.Data;

public sealed class BackupException(Message text) : MessageException(text);

/// <summary>SQLite: VACUUM INTO and the online backup API. PostgreSQL: pg_dump / pg_restore (custom format).</summary>
public static class DatabaseBackup
{
    public static async Task BackupAsync(DatabaseOptions options, string file, CancellationToken ct)
    {
        if (options.Provider == DatabaseProvider.Sqlite)
        {
            await using var connection = new SqliteConnection(options.ResolveConnectionString());
            await connection.OpenAsync(ct);
            await using var command = connection.CreateCommand();
            command.CommandText = "VACUUM INTO @file";
            command.Parameters.AddWithValue("@file", file);
            await command.ExecuteNonQueryAsync(ct);
            return;
        }

        await RunPgToolAsync("pg_dump", options, ["--format=custom", "--no-owner", $"--file={file}"], ct);
    }

    public static async Task RestoreAsync(DatabaseOptions options, string file, CancellationToken ct)
    {
        if (options.Provider == DatabaseProvider.Sqlite)
        {
            await using var source = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly }.ToString());
            try
            {
                await source.OpenAsync(ct);
                await using var check = source.CreateCommand();
                check.CommandText = "PRAGMA integrity_check";
                var result = (string?)await check.ExecuteScalarAsync(ct);
                check.CommandText = "SELECT count(*) FROM schema_migrations";
                await check.ExecuteScalarAsync(ct);
                if (result != "ok")
                {
                    throw new BackupException(new Message("Data.Backup.Corrupt", result));
                }
            }
            catch (SqliteException e)
            {
                throw new BackupException(new Message("Data.Backup.NotBackup", e.Message));
            }

            Directory.CreateDirectory(Path.GetDirectoryName(options.SqlitePath)!);
            await using var target = new SqliteConnection(options.ResolveConnectionString());
            await target.OpenAsync(ct);
            source.BackupDatabase(target);
            return;
        }

        await RunPgToolAsync("pg_restore", options, ["--clean", "--if-exists", "--no-owner", "--single-transaction", file], ct);
    }

    private static async Task RunPgToolAsync(string tool, DatabaseOptions options, string[] arguments, CancellationToken ct)
    {
        var builder = new NpgsqlConnectionStringBuilder(options.ResolveConnectionString());
        var start = new ProcessStartInfo(tool) { RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.ArgumentList.Add($"--dbname={builder.Database}");
        start.Environment["PGHOST"] = builder.Host;
        start.Environment["PGPORT"] = builder.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["PGUSER"] = builder.Username;
        if (builder.Password is { Length: > 0 } password)
        {
            start.Environment["PGPASSWORD"] = password;
        }

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new BackupException(new Message("Data.Backup.NoTool", tool));
        }

        using (process)
        {
            var error = await process.StandardError.ReadToEndAsync(ct);
            await process.WaitForExitAsync(ct);
            if (process.ExitCode != 0)
            {
                throw new BackupException(new Message("Data.Backup.ToolFailed", tool, error.Trim()));
            }
        }
    }
}
