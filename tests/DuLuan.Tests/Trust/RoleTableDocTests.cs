using System.Globalization;
using System.Text;
using DuLuan.Features.Members;
using DuLuan.Tests.Infrastructure;

namespace DuLuan.Tests.Trust;

/// <summary>docs/roles.md shows <see cref="RoleTable"/> as it is in code: the table the features check and the access matrix enforces.</summary>
public sealed class RoleTableDocTests
{
    private const string Begin = "<!-- role-table:begin (generated from RoleTable by RoleTableDocTests; do not edit by hand) -->";
    private const string End = "<!-- role-table:end -->";

    [Fact]
    public void The_role_table_in_the_docs_is_the_one_in_code()
    {
        var doc = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "roles.md")).ReplaceLineEndings("\n");
        var start = doc.IndexOf(Begin, StringComparison.Ordinal);
        var end = doc.IndexOf(End, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, $"docs/roles.md needs the markers {Begin} and {End}");
        var expected = Render();
        var actual = doc[(start + Begin.Length)..end].Trim('\n');
        Assert.True(expected == actual, "docs/roles.md is out of date; put this between the markers:\n" + expected);
    }

    [Fact]
    public void Every_capability_has_a_name_in_both_languages_and_a_distinct_key()
    {
        var strings = Strings();
        Assert.Equal(RoleTable.All.Count, RoleTable.All.Select(c => c.Key).Distinct(StringComparer.Ordinal).Count());
        Assert.All(RoleTable.All, c => Assert.True(strings.ContainsKey("Capability." + c.Key), $"no string Capability.{c.Key} in tools/strings/roles.tsv"));
        Assert.All(RoleTable.All, c => Assert.NotEmpty(c.Roles));
    }

    /// <summary>The markdown table: one row per capability, one column per role (Vietnamese name, English in brackets).</summary>
    public static string Render()
    {
        var strings = Strings();
        var roles = Enum.GetValues<Role>();
        var text = new StringBuilder();
        text.Append("| Khả năng (capability) | ").AppendJoin(" | ", roles.Select(r => $"{strings["Role." + r].Vi} ({strings["Role." + r].En})")).Append(" |\n");
        text.Append("| --- |").Append(string.Concat(roles.Select(_ => " :-: |"))).Append('\n');
        foreach (var capability in RoleTable.All)
        {
            var (vi, en) = strings["Capability." + capability.Key];
            text.Append(CultureInfo.InvariantCulture, $"| {vi} ({en}) `{capability.Key}` | ").AppendJoin(" | ", roles.Select(r => capability.Allows(r) ? "✓" : "")).Append(" |\n");
        }

        return text.ToString().TrimEnd('\n');
    }

    private static Dictionary<string, (string Vi, string En)> Strings()
        => new[] { Path.Combine(RepoPaths.Root, "tools", "strings.tsv") }
            .Concat(Directory.GetFiles(Path.Combine(RepoPaths.Root, "tools", "strings"), "*.tsv"))
            .SelectMany(File.ReadAllLines)
            .Select(line => line.Split('\t'))
            .Where(cells => cells.Length == 3)
            .ToDictionary(cells => cells[0], cells => (cells[1], cells[2]), StringComparer.Ordinal);
}
