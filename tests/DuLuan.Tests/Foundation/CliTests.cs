using System.CommandLine;
using DuLuan.Cli;
using DuLuan.Data;
using DuLuan.Infrastructure;
using DuLuan.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Tests.Foundation;

/// <summary>The verbs run in-process through the same root command as the executable.</summary>
public sealed class CliTests
{
    [Fact]
    public async Task Help_lists_every_verb_in_plain_words()
    {
        var (code, output, _) = await RunAsync("--help");
        Assert.Equal(0, code);
        foreach (var verb in new[] { "serve", "demo", "migrate", "units", "users", "backup", "restore" })
        {
            Assert.Contains(verb, output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Units_import_refuses_a_bad_file_with_exit_code_and_reason()
    {
        var dir = TempDir();
        var file = Path.Combine(dir, "bad.csv");
        await File.WriteAllTextAsync(file, "code,name,kind,parent_code\n77,Tỉnh A,province,\n77,Tỉnh B,province,\n");

        var (code, _, error) = await RunAsync("units", "import", file, "--data", dir);

        Assert.Equal(1, code);
        Assert.Contains("Dòng 3", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(dir, "duluan.db")) && await CountUnitsAsync(dir) > 1);
    }

    [Fact]
    public async Task Users_add_prints_a_one_time_setup_link_and_refuses_a_duplicate()
    {
        var dir = TempDir();
        var (code, output, _) = await RunAsync("users", "add", "--email", "admin@tinh.vn", "--data", dir);
        Assert.Equal(0, code);
        Assert.Contains("/Account/Setup?token=", output, StringComparison.Ordinal);

        var (again, _, error) = await RunAsync("users", "add", "--email", "admin@tinh.vn", "--data", dir);
        Assert.Equal(1, again);
        Assert.Contains("--email", error, StringComparison.Ordinal);

        var (unknown, _, unitError) = await RunAsync("users", "add", "--email", "b@tinh.vn", "--unit", "99999", "--data", dir);
        Assert.Equal(1, unknown);
        Assert.Contains("--unit", unitError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Backup_and_restore_keep_units_and_the_data_protection_keys()
    {
        var dir = TempDir();
        var csv = Path.Combine(dir, "units.csv");
        await File.WriteAllTextAsync(csv, "code,name,kind,parent_code\n77,Tỉnh Thử,province,\n7701,Xã Một,commune,77\n");
        Assert.Equal(0, (await RunAsync("units", "import", csv, "--data", dir)).Code);
        var protectedText = await WithServicesAsync(dir, s => Task.FromResult(s.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("bí mật")));
        var backup = Path.Combine(dir, "backup.db");

        Assert.Equal(0, (await RunAsync("backup", backup, "--data", dir)).Code);
        Assert.Equal(1, (await RunAsync("backup", backup, "--data", dir)).Code); // never overwrites

        var fresh = TempDir();
        Assert.Equal(0, (await RunAsync("restore", backup, "--data", fresh)).Code);
        Assert.Equal(3, await CountUnitsAsync(fresh));
        var unprotected = await WithServicesAsync(fresh, s => Task.FromResult(s.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(protectedText)));
        Assert.Equal("bí mật", unprotected);

        var garbage = Path.Combine(dir, "garbage.db");
        await File.WriteAllBytesAsync(garbage, new byte[4096]);
        var (code, _, error) = await RunAsync("restore", garbage, "--data", fresh);
        Assert.Equal(1, code);
        Assert.Contains("FILE", error, StringComparison.Ordinal);
        Assert.Equal(3, await CountUnitsAsync(fresh));
    }

    [Fact]
    public async Task Backup_and_restore_on_PostgreSQL_keep_the_data_and_the_keys()
    {
        await using var source = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        var protectedText = await WithServicesAsync(source.Options, async s =>
        {
            await MigrateCommand.MigrateAsync(s, CancellationToken.None);
            var tree = s.GetRequiredService<DuLuan.Features.Units.UnitTree>();
            await tree.AddChildAsync(await tree.EnsureRootAsync(), "Tỉnh Thử", DuLuan.Features.Units.UnitKind.Province, "77");
            return s.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("bí mật");
        });
        var file = Path.Combine(TempDir(), "pg.dump");

        await DatabaseBackup.BackupAsync(source.Options, file, CancellationToken.None);
        await using var target = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        await DatabaseBackup.RestoreAsync(target.Options, file, CancellationToken.None);

        Assert.Equal(2, await WithServicesAsync(target.Options, s => s.GetRequiredService<AppDbContext>().Units.CountAsync()));
        var unprotected = await WithServicesAsync(target.Options, s => Task.FromResult(s.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(protectedText)));
        Assert.Equal("bí mật", unprotected);
        await Assert.ThrowsAsync<BackupException>(() => DatabaseBackup.RestoreAsync(target.Options, Path.Combine(TempDir(), "missing.dump"), CancellationToken.None));
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await CommandLine.Root().Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (code, output.ToString(), error.ToString());
    }

    private static Task<int> CountUnitsAsync(string dir) => WithServicesAsync(dir, s => s.GetRequiredService<AppDbContext>().Units.CountAsync());

    private static Task<T> WithServicesAsync<T>(string dir, Func<IServiceProvider, Task<T>> action)
        => WithServicesAsync(new DatabaseOptions { DataDirectory = dir }, action);

    private static async Task<T> WithServicesAsync<T>(DatabaseOptions options, Func<IServiceProvider, Task<T>> action)
    {
        var configuration = new ConfigurationBuilder().Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration);
        services.AddDuLuanCore(configuration, options);
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    private static string TempDir()
    {
        var dir = Path.Combine(Path.GetTempPath(), "duluan-cli-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }
}
