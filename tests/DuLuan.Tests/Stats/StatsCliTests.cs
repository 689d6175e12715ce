using System.CommandLine;
using System.Text.Json;
using DuLuan.Cli;

namespace DuLuan.Tests.Stats;

// Expected figures: R survey 4.1-1 on apistrat (tests/DuLuan.Analysis.Tests/data/survey/make-reference.R):
//   dstrat <- svydesign(id=~1, strata=~stype, weights=~pw, data=apistrat, fpc=~fpc)
//   confint(svymean(~api00, dstrat, deff=TRUE)); svyby(~comp.imp, ~awards, dstrat, svymean, deff=TRUE)
//   svytotal(~enroll, dstrat, deff=TRUE)
public sealed class StatsCliTests : IDisposable
{
    private static readonly string ApiStrat = Path.Combine(AppContext.BaseDirectory, "Stats", "apistrat.csv");
    private readonly DirectoryInfo temp = Directory.CreateTempSubdirectory("duluan-stats-cli-");

    public void Dispose() => temp.Delete(recursive: true);

    private static (int Exit, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = new RootCommand("DuLuan") { StatsCommand.Create() }.Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }

    private string Csv(string text)
    {
        var path = Path.Combine(temp.FullName, $"{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, text);
        return path;
    }

    private static void Near(double expected, JsonElement actual) =>
        Assert.True(Math.Abs(expected - actual.GetDouble()) <= 1e-6 * Math.Max(1, Math.Abs(expected)), $"expected {expected:R}, got {actual}");

    [Fact]
    public void Numeric_variable_gives_the_stratified_mean_as_R()
    {
        var (exit, output, error) = Run("stats", "estimate", "--csv", ApiStrat, "--weight", "pw", "--strata", "stype", "--fpc", "fpc", "--var", "api00", "--json");
        Assert.True(exit == 0, error);
        using var json = JsonDocument.Parse(output);
        Assert.Equal("api00", json.RootElement.GetProperty("variable").GetString());
        var row = Assert.Single(json.RootElement.GetProperty("estimates").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, row.GetProperty("group").ValueKind);
        Assert.Equal(JsonValueKind.Null, row.GetProperty("category").ValueKind);
        Near(662.287363159321, row.GetProperty("estimate"));
        Near(9.40894080278458, row.GetProperty("se"));
        Near(643.846178053194, row.GetProperty("ci_low"));
        Near(680.728548265448, row.GetProperty("ci_high"));
        Near(1.20445726853772, row.GetProperty("deff"));
        Assert.Equal(200, row.GetProperty("n").GetInt32());
    }

    [Fact]
    public void Categories_by_group_are_domain_proportions_as_svyby()
    {
        var (exit, output, error) = Run("stats", "estimate", "--csv", ApiStrat, "--weight", "pw", "--strata", "stype", "--fpc", "fpc", "--var", "comp.imp", "--by", "awards", "--json");
        Assert.True(exit == 0, error);
        using var json = JsonDocument.Parse(output);
        var rows = json.RootElement.GetProperty("estimates").EnumerateArray().ToList();
        Assert.Equal(["No/No", "No/Yes", "Yes/No", "Yes/Yes"], rows.Select(r => $"{r.GetProperty("group").GetString()}/{r.GetProperty("category").GetString()}"));
        Near(0.953711943427823, rows[0].GetProperty("estimate"));
        Near(0.0276541889474537, rows[0].GetProperty("se"));
        Near(1.55012291965012, rows[0].GetProperty("deff"));
        Near(0, rows[2].GetProperty("estimate"));
        Assert.Equal(JsonValueKind.Null, rows[2].GetProperty("deff").ValueKind);
    }

    [Fact]
    public void Total_flag_gives_totals_and_plain_output_is_a_table()
    {
        var (exit, output, _) = Run("stats", "estimate", "--csv", ApiStrat, "--weight", "pw", "--strata", "stype", "--fpc", "fpc", "--var", "enroll", "--total", "--json");
        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        var row = json.RootElement.GetProperty("estimates")[0];
        Near(3687177.53243828, row.GetProperty("estimate"));
        Near(114641.71610078, row.GetProperty("se"));
        Near(0.362018122363404, row.GetProperty("deff"));
        var table = Run("stats", "estimate", "--csv", ApiStrat, "--weight", "pw", "--var", "api00").Output;
        Assert.Contains("662.28736", table, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("w,y\n1,2\n", "--weight", "nope", "--weight: không có cột \"nope\"")]
    [InlineData("w,y\n1,2\n", "--var", "nope", "--var: không có cột \"nope\"")]
    [InlineData("w,y\n1,2\nabc,3\n", null, null, "--weight, cột \"w\", dòng 3: \"abc\" không phải là số")]
    [InlineData("w,y\n1,2\n-4,3\n", null, null, "--weight, dòng 3: trọng số âm")]
    [InlineData("", null, null, "tệp rỗng")]
    [InlineData("w,y\n", null, null, "không có dòng dữ liệu")]
    [InlineData("w,y\n1,2,3\n", null, null, "dòng 2: có 3 cột, cần 2")]
    [InlineData("w,y\n\"1,2\n", null, null, "dòng 2: dấu ngoặc kép chưa đóng")]
    [InlineData("w,y,s\n1,2,a\n1,3,a\n1,4,b\n", "--strata", "s", "tầng \"b\" chỉ có một đơn vị mẫu")]
    [InlineData("w,y,s\n1,2,a\n1,3,\n", "--strata", "s", "--strata, cột \"s\", dòng 3: ô trống")]
    [InlineData("w,y,f\n1,2,40\n1,3,41\n", "--fpc", "f", "--fpc, dòng 3")]
    [InlineData("w,y,g\n1,<script>alert(1)</script>,a\n0,x,b\n", "--by", "g", "nhóm \"b\": không có dòng nào có giá trị và trọng số dương")]
    [InlineData("w,y,g\n1,2,a\n1,3,\n", "--by", "g", "--by, cột \"g\", dòng 3: ô trống")]
    public void Bad_input_is_refused_naming_the_column_and_line(string content, string? option, string? value, string message)
    {
        List<string> args = ["stats", "estimate", "--csv", Csv(content), "--weight", "w", "--var", "y"];
        if (option is not null)
        {
            var at = args.IndexOf(option);
            if (at >= 0)
            {
                args[at + 1] = value!;
            }
            else
            {
                args.AddRange([option, value!]);
            }
        }
        var (exit, output, error) = Run([.. args]);
        Assert.Equal(1, exit);
        Assert.Equal("", output);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Lonely_psu_can_be_treated_as_certainty()
    {
        var path = Csv("w,y,s\n10,2,a\n10,3,a\n5,4,b\n");
        var (exit, output, error) = Run("stats", "estimate", "--csv", path, "--weight", "w", "--strata", "s", "--var", "y", "--total", "--lonely-psu", "Certainty", "--json");
        Assert.True(exit == 0, error);
        using var json = JsonDocument.Parse(output);
        // Only stratum a varies: 2/(2-1) * ((20-25)^2 + (30-25)^2) = 100.
        Near(10, json.RootElement.GetProperty("estimates")[0].GetProperty("se"));
        Assert.Equal(1, Run("stats", "estimate", "--csv", Csv("w,y\n"), "--weight", "w", "--var", "y", "--csv", "/nonexistent/x.csv").Exit);
    }
}
