using System.Net;
using DuLuan.Data;
using DuLuan.Tests.Infrastructure;

namespace DuLuan.Tests.Trust;

/// <summary>Inputs the 10,000-case fuzz run found answering 500, kept as plain regression tests.</summary>
public sealed class FuzzFindingsTests
{
    [Theory, Providers]
    public async Task A_blank_unit_code_on_the_public_portal_answers_404_not_500(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var anonymous = app.Client();
        foreach (var path in new[] { "/cong/%20", "/cong/%20/tin/3", "/cong/%20/kiem-chung", "/cong/%20/kiem-chung/1", "/cong/%20/kiem-chung/1/tai-lieu/1", "/cong/%20%20/tin/1" })
        {
            using var response = await anonymous.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{path}: {(int)response.StatusCode}");
        }
    }
}
