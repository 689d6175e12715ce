using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Bench.Trust;

public static partial class CrashDrill
{
    private static async Task<bool> SignInAsync(string url)
    {
        using var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
        using var http = new HttpClient(handler) { BaseAddress = new Uri(url) };
        var page = await http.GetStringAsync("/Account/Login");
        var token = WebUtility.HtmlDecode(AntiforgeryPattern().Match(page).Groups[1].Value);
        using var response = await http.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = Email,
            ["Input.Password"] = Password,
            ["__RequestVerificationToken"] = token,
        }));
        return response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.ToString().Contains("Login", StringComparison.Ordinal) == false;
    }

    /// <summary>The drill's editor: one signed-in session (its cookie outlives the kills: keys are in the database).</summary>
    private sealed class Editor : IDisposable
    {
        private readonly HttpClient http;
        private readonly long unitId;
        private string token = string.Empty;

        private Editor(HttpClient http, long unitId)
        {
            this.http = http;
            this.unitId = unitId;
        }

        public static async Task<Editor> SignInAsync(string url, Setup setup)
        {
            var handler = new SocketsHttpHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false, MaxConnectionsPerServer = 100, ConnectTimeout = TimeSpan.FromSeconds(2) };
            var editor = new Editor(new HttpClient(handler) { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(10) }, setup.CommuneId);
            var page = await editor.http.GetStringAsync("/Account/Login");
            using var response = await editor.http.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.Email"] = Email,
                ["Input.Password"] = Password,
                ["__RequestVerificationToken"] = WebUtility.HtmlDecode(AntiforgeryPattern().Match(page).Groups[1].Value),
            }));
            if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.ToString().Contains("Login", StringComparison.Ordinal) != false)
            {
                throw new InvalidOperationException($"The drill's editor could not sign in ({(int)response.StatusCode}).");
            }

            await editor.RefreshTokenAsync();
            return editor;
        }

        private async Task RefreshTokenAsync()
        {
            var page = await http.GetStringAsync("/Publish/Posts/Create");
            token = WebUtility.HtmlDecode(AntiforgeryPattern().Match(page).Groups[1].Value);
        }

        public async Task DraftAsync(Ledger ledger, long n)
        {
            Interlocked.Increment(ref ledger.Sent);
            var started = Stopwatch.GetTimestamp();
            var kills = Volatile.Read(ref ledger.Kills);
            var title = $"Bản nháp thử độ bền {n} {Guid.NewGuid():N}";
            try
            {
                using var form = new MultipartFormDataContent
                {
                    { new StringContent(unitId.ToString(CultureInfo.InvariantCulture)), "UnitId" },
                    { new StringContent(title), "Title" },
                    { new StringContent($"Thông báo lịch cắt điện khu vực phường Hòa Khánh, bản {n}: từ 7 giờ đến 11 giờ sáng thứ Bảy."), "Body" },
                    { new StringContent(Volatile.Read(ref token)), "__RequestVerificationToken" },
                };
                using var response = await http.PostAsync("/Publish/Posts/Create", form, CancellationToken.None);
                var id = PostIdPattern().Match(response.Headers.Location?.ToString() ?? string.Empty);
                if (response.StatusCode == HttpStatusCode.Redirect && id.Success)
                {
                    ledger.Ack("post", $"{id.Groups[1].Value}:{title}");
                    return;
                }

                ledger.Fail((int)response.StatusCode);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
            {
                ledger.Fail(e, kills, started);
                return;
            }

            try
            {
                // A refused antiforgery token (400) is fetched again for the next drafts.
                await RefreshTokenAsync();
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
            {
            }
        }

        public void Dispose() => http.Dispose();
    }

    [GeneratedRegex(@"^/Publish/Posts/Details\?id=([0-9]+)$")]
    private static partial Regex PostIdPattern();

    [GeneratedRegex("\"token\"\\s*:\\s*\"([0-9a-f]{32,64})\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryPattern();
}
