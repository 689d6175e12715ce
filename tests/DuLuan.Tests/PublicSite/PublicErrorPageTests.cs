using System.Net;
using System.Text;
using DuLuan.Data;
using DuLuan.Infrastructure;
using DuLuan.Tests.Infrastructure;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Logging.Abstractions;

namespace DuLuan.Tests.PublicSite;

/// <summary>
/// What a resident meets when an address or a request is wrong: "not found" (never the staff sign-in) under the public
/// addresses, a message that says what went wrong, in the language they chose with <c>?lang=</c>.
/// </summary>
public sealed class PublicErrorPageTests
{
    [Theory, Providers]
    public async Task Unknown_public_addresses_are_not_found_in_the_chosen_language_not_the_staff_sign_in(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var resident = app.Client();

        foreach (var path in new[] { "/cong/99999", "/cong/20200/tin/99999", "/cong/20200/khong-co", "/cong/20200/tin/99999999999999999999", "/cong/20200/tin/abc", "/vu-viec/a/b/c", "/khao-sat/x" })
        {
            using var english = await resident.GetAsync(path + "?lang=en");
            var html = await english.Content.ReadAsStringAsync();
            Assert.True(english.StatusCode == HttpStatusCode.NotFound, $"{path}?lang=en: {(int)english.StatusCode} {english.Headers.Location}");
            Assert.Contains("<html lang=\"en\"", html, StringComparison.Ordinal);
            Assert.Contains("The page was not found", html, StringComparison.Ordinal);
            Assert.Contains("href=\"/?lang=en\"", html, StringComparison.Ordinal);
            Assert.DoesNotContain("Không tìm thấy trang", html, StringComparison.Ordinal);

            using var vietnamese = await resident.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, vietnamese.StatusCode);
            Assert.Contains("Không tìm thấy trang", await vietnamese.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // The staff side is unchanged: an address there still asks for the sign-in.
        using var staff = await resident.GetAsync("/Cases/NoSuchPage");
        Assert.Equal(HttpStatusCode.Redirect, staff.StatusCode);
        Assert.Contains("/Account/Login", staff.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Theory, Providers]
    public async Task A_request_too_long_to_read_says_so_in_English_when_English_was_chosen(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var resident = app.Client();

        // A follow-up code of 9,000 bytes is over the page's form limits: 400, whose page says what to do, in English.
        var page = await resident.GetStringAsync("/cong/20200/theo-doi?lang=en");
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["code"] = new string('Ạ', 3000), ["__RequestVerificationToken"] = token });
        using var response = await resident.Http.PostAsync("/cong/20200/theo-doi?lang=en", form);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("<html lang=\"en\"", html, StringComparison.Ordinal);
        Assert.Contains("a field is too long", html, StringComparison.Ordinal);
        Assert.DoesNotContain("try again later", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_server_error_page_is_in_the_language_chosen_for_the_request_and_fits_a_phone()
    {
        var context = new DefaultHttpContext();
        context.Request.Path = "/cong/20200/phan-anh";
        context.Response.Body = new MemoryStream();
        context.Features.Set<IExceptionHandlerFeature>(new ExceptionHandlerFeature { Error = new InvalidOperationException("boom") });
        context.Features.Set<IRequestCultureFeature>(new RequestCultureFeature(new RequestCulture("en"), provider: null));

        await ProblemDetailsExceptionHandler.HandleAsync(context, NullLogger.Instance);

        var html = Encoding.UTF8.GetString(((MemoryStream)context.Response.Body).ToArray());
        Assert.Equal(StatusCodes.Status500InternalServerError, context.Response.StatusCode);
        Assert.Contains("<html lang=\"en\"", html, StringComparison.Ordinal);
        Assert.Contains("Something went wrong", html, StringComparison.Ordinal);
        Assert.Contains("name=\"viewport\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/?lang=en\"", html, StringComparison.Ordinal);
    }
}
