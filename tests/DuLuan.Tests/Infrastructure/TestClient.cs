using System.Net;
using System.Text.RegularExpressions;

namespace DuLuan.Tests.Infrastructure;

/// <summary>A browser-like HTTP client: cookies, no automatic redirects, antiforgery tokens read from forms.</summary>
public sealed partial class TestClient : IDisposable
{
    private readonly HttpClientHandler handler;

    public TestClient(Uri baseAddress)
    {
        Cookies = new CookieContainer();
        handler = new HttpClientHandler { CookieContainer = Cookies, AllowAutoRedirect = false, UseCookies = true };
        Http = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public CookieContainer Cookies { get; }

    public HttpClient Http { get; }

    public Task<HttpResponseMessage> GetAsync(string path) => Http.GetAsync(path);

    public async Task<string> GetStringAsync(string path)
    {
        using var response = await Http.GetAsync(path);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>GETs the form page for its antiforgery token, then POSTs the fields to <paramref name="action"/>.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string formPage, IDictionary<string, string> fields, string? action = null)
    {
        var html = await GetStringAsync(formPage);
        var token = TokenPattern().Match(html);
        Assert.True(token.Success, $"No antiforgery token on {formPage}: {html[..Math.Min(html.Length, 3000)]}");
        var content = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value) };
        return await Http.PostAsync(action ?? formPage, new FormUrlEncodedContent(content));
    }

    public async Task<HttpResponseMessage> SignInAsync(string email, string password = TestApp.Password)
        => await PostFormAsync("/Account/Login", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });

    /// <summary>Signs in and asserts success (a redirect that is not back to the login page).</summary>
    public async Task SignInOkAsync(string email)
    {
        using var response = await SignInAsync(email);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.DoesNotContain("/Account/Login", response.Headers.Location?.ToString() ?? string.Empty, StringComparison.Ordinal);
    }

    public string? CookieValue(string name) => Cookies.GetAllCookies().FirstOrDefault(c => c.Name == name)?.Value;

    public void Dispose()
    {
        Http.Dispose();
        handler.Dispose();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
