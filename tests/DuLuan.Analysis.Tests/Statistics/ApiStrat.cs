using System.Globalization;

namespace DuLuan.Analysis.Tests.Statistics;

/// <summary>data/survey/apistrat.csv (see data/survey/SOURCE.md): 200 schools, strata E/H/M.</summary>
internal sealed class ApiStrat
{
    private ApiStrat(List<string[]> rows, List<string> header)
    {
        string[] Col(string name) => [.. rows.Select(r => r[header.IndexOf(name)])];
        double[] Num(string name) => [.. Col(name).Select(v => double.Parse(v, CultureInfo.InvariantCulture))];
        Stype = Col("stype");
        Pw = Num("pw");
        Fpc = Num("fpc");
        Api00 = Num("api00");
        Enroll = Num("enroll");
        CompImp = Col("comp.imp");
        SchWide = Col("sch.wide");
        Awards = Col("awards");
    }

    public static string Path => System.IO.Path.Combine(AppContext.BaseDirectory, "data", "survey", "apistrat.csv");

    public string[] Stype { get; }

    public double[] Pw { get; }

    public double[] Fpc { get; }

    public double[] Api00 { get; }

    public double[] Enroll { get; }

    public string[] CompImp { get; }

    public string[] SchWide { get; }

    public string[] Awards { get; }

    public static ApiStrat Load()
    {
        var lines = File.ReadAllLines(Path);
        return new ApiStrat([.. lines.Skip(1).Where(l => l.Length > 0).Select(l => l.Split(','))], [.. lines[0].Split(',')]);
    }
}
