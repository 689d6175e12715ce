using System.CommandLine;
using DuLuan.Cli.Stats;

namespace DuLuan.Cli;

/// <summary>`duluan stats ...`: survey statistics for analysts.</summary>
public static class StatsCommand
{
    public static Command Create()
    {
        var stats = new Command("stats", "Thống kê khảo sát / survey statistics");
        stats.Subcommands.Add(EstimateVerb.Create());
        return stats;
    }
}
