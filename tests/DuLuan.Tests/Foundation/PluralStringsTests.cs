using System.Globalization;
using DuLuan.Data;
using DuLuan.Infrastructure.Text;
using DuLuan.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace DuLuan.Tests.Foundation;

/// <summary>English counts read "1 case" and "3 cases" (the staff pages said "1 suggestions to review", "1 cases").</summary>
public sealed class PluralStringsTests
{
    [Fact]
    public void A_count_of_one_takes_the_singular_and_any_other_count_the_plural()
    {
        Assert.Equal("{0} case", PluralStrings.Choose("{0} {0|case|cases}", [1]));
        Assert.Equal("{0} cases", PluralStrings.Choose("{0} {0|case|cases}", [3]));
        Assert.Equal("{0} cases", PluralStrings.Choose("{0} {0|case|cases}", [0]));
        // Counts already written in the office's format.
        Assert.Equal("{0} case", PluralStrings.Choose("{0} {0|case|cases}", ["1"]));
        Assert.Equal("{0} cases", PluralStrings.Choose("{0} {0|case|cases}", ["1.234"]));
        Assert.Equal("{0} articles, {1} outlet", PluralStrings.Choose("{0} {0|article|articles}, {1} {1|outlet|outlets}", [2, 1]));
        Assert.Equal("a | b {0}", PluralStrings.Choose("a | b {0}", [1]));
    }

    [Fact]
    public async Task The_apps_localizer_and_messages_say_1_case_and_2_cases_in_English_and_leave_Vietnamese_alone()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite);
        var said = await app.WithScopeAsync(services =>
        {
            var l = services.GetRequiredService<IStringLocalizer<SharedResource>>();
            var before = CultureInfo.CurrentUICulture;
            try
            {
                CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("en");
                var english = new[] { l["Cases.List.Found", "1"].Value, l["Cases.List.Found", "2"].Value, l["Claims.PendingCount", 1].Value, l["Monitoring.Rising.Line", 3, 1].Value };
                CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("vi");
                return Task.FromResult(english.Append(l["Cases.List.Found", "1"].Value).ToArray());
            }
            finally
            {
                CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = before;
            }
        });

        Assert.Equal(["1 case", "2 cases", "1 suggestion to review", "3 articles, 1 outlet", "1 vụ việc"], said);
        Assert.Equal("1 case", new Message("Cases.List.Found", "1").English);
        Assert.Equal("5 cases", new Message("Cases.List.Found", "5").English);
    }
}
