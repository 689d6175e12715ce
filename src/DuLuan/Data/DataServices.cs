using Microsoft.EntityFrameworkCore;

namespace DuLuan.Data;

public static class DataServices
{
    public static IServiceCollection AddDuLuanData(this IServiceCollection services, DatabaseOptions options)
    {
        services.AddSingleton(options);
        var connectionString = options.ResolveConnectionString();
        if (options.Provider == DatabaseProvider.Sqlite)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(options.SqlitePath)!);
            services.AddDbContext<AppDbContext, SqliteAppDbContext>(o => o
                .UseSqlite(connectionString)
                .AddInterceptors(new SqlitePragmaInterceptor()));
        }
        else
        {
            services.AddDbContext<AppDbContext, PostgresAppDbContext>(o => o.UseNpgsql(connectionString));
        }

        services.AddScoped<Migrator>();
        return services;
    }
}
