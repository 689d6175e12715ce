using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DuLuan.Data;

public static class DataServices
{
    public static IServiceCollection AddDuLuanData(this IServiceCollection services, DatabaseOptions options)
    {
        services.AddSingleton(options);
        services.TryAddSingleton(TimeProvider.System); // the migrator stamps applied scripts
        var connectionString = options.ResolveConnectionString();
        // The options are built once (their interceptors are singletons), not for every request's context: building them
        // was a few per cent of a busy server's time.
        if (options.Provider == DatabaseProvider.Sqlite)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(options.SqlitePath)!);
            services.AddDbContext<AppDbContext, SqliteAppDbContext>((s, o) => o
                .UseSqlite(connectionString)
                .AddInterceptors(new SqlitePragmaInterceptor())
                .AddInterceptors(s.GetServices<IInterceptor>()), optionsLifetime: ServiceLifetime.Singleton);
        }
        else
        {
            services.AddDbContext<AppDbContext, PostgresAppDbContext>((s, o) => o
                .UseNpgsql(connectionString)
                .AddInterceptors(s.GetServices<IInterceptor>()), optionsLifetime: ServiceLifetime.Singleton);
        }

        services.AddScoped<Migrator>();
        services.AddSingleton<GroupCommit>();
        services.AddHostedService(s => s.GetRequiredService<GroupCommit>());
        return services;
    }
}
