using System.CommandLine;
using DuLuan.Data;
using DuLuan.Infrastructure;

namespace DuLuan.Cli;

/// <summary>Configuration and services for verbs: appsettings.json, then DULUAN_* environment variables, then --data.</summary>
public static class CliHost
{
    public static IConfiguration Configuration() => new ConfigurationBuilder()
        .SetBasePath(AppContext.BaseDirectory)
        .AddJsonFile("appsettings.json", optional: true)
        .AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"), optional: true)
        .AddEnvironmentVariables("DULUAN_")
        .Build();

    public static DatabaseOptions Database(ParseResult parse)
    {
        var options = new DatabaseOptions();
        Configuration().GetSection(DatabaseOptions.Section).Bind(options);
        if (parse.GetValue(CliOptions.Data) is { Length: > 0 } data)
        {
            options.DataDirectory = data;
            options.Provider = DatabaseProvider.Sqlite;
            options.ConnectionString = null;
        }

        return options;
    }

    /// <summary>A service provider with the whole application graph, for verbs that do not serve HTTP.</summary>
    public static ServiceProvider Services(ParseResult parse)
    {
        var services = new ServiceCollection();
        var configuration = Configuration();
        services.AddSingleton(configuration);
        services.AddLogging(b => b.AddConfiguration(configuration.GetSection("Logging")).AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning));
        services.AddDuLuanCore(configuration, Database(parse));
        return services.BuildServiceProvider();
    }

    public static int Fail(ParseResult parse, string message)
    {
        parse.InvocationConfiguration.Error.WriteLine(message);
        return 1;
    }
}
