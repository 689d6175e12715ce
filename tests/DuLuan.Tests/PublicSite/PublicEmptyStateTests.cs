using System.Net;
using DuLuan.Data;
using DuLuan.Tests.Infrastructure;

namespace DuLuan.Tests.PublicSite;

/// <summary>A place's public list with nothing in it says what the resident can do next, in their language.</summary>
public sealed class PublicEmptyStateTests
{
    [Theory, Providers]
    public async Task Every_empty_public_list_points_to_sending_and_following_a_concern(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var resident = app.Client();

        foreach (var page in new[] { "", "/vu-viec", "/khao-sat", "/kiem-chung", "/ban-tin", "/doi-thoai" })
        {
            using var vietnamese = await resident.GetAsync("/cong/20200" + page);
            Assert.Equal(HttpStatusCode.OK, vietnamese.StatusCode);
            var html = WebUtility.HtmlDecode(await vietnamese.Content.ReadAsStringAsync());
            Assert.True(html.Contains("class=\"empty-next\"", StringComparison.Ordinal), $"/cong/20200{page} says nothing about what to do next");
            Assert.Contains("<a href=\"/cong/20200/phan-anh\">gửi phản ánh</a>", html, StringComparison.Ordinal);
            Assert.Contains("<a href=\"/cong/20200/theo-doi\">theo dõi phản ánh đã gửi</a>", html, StringComparison.Ordinal);

            var english = WebUtility.HtmlDecode(await resident.GetStringAsync("/cong/20200" + page + "?lang=en"));
            Assert.Contains("<a href=\"/cong/20200/phan-anh?lang=en\">send a concern</a>", english, StringComparison.Ordinal);
        }
    }
}
