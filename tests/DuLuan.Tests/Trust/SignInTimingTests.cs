using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using DuLuan.Data;
using DuLuan.Features.Members;
using DuLuan.Tests.Infrastructure;

namespace DuLuan.Tests.Trust;

/// <summary>
/// The time a wrong password takes for a known and an unknown e-mail. The figure goes to the trust report and the
/// test output; the test asserts only that the answers are the same, never the timing (a loaded machine would make
/// that flaky). Each attempt comes from its own client address, so the back-off never cuts in.
/// </summary>
public sealed partial class SignInTimingTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_wrong_password_takes_the_same_time_and_answer_for_known_and_unknown_e_mails()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite);
        await app.AddMemberAsync("known@a.vn", app.Tree.ProvinceA, Role.Editor);
        using var client = app.Client();
        var token = WebUtility.HtmlDecode(Token().Match(await client.GetStringAsync("/Account/Login")).Groups[1].Value);
        var samples = TrustReport.Count(30, 300);
        var known = new List<double>();
        var unknown = new List<double>();
        var answers = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < samples * 2 + 4; i++)
        {
            var isKnown = i % 2 == 0;
            using var request = new HttpRequestMessage(HttpMethod.Post, "/Account/Login")
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["Input.Email"] = isKnown ? "known@a.vn" : "unknown@a.vn",
                    ["Input.Password"] = "sai mat khau " + i,
                    ["__RequestVerificationToken"] = token,
                }),
            };
            request.Headers.Add("X-Forwarded-For", $"10.{i / 65_536 % 256}.{i / 256 % 256}.{i % 256}");
            var watch = Stopwatch.StartNew();
            using var response = await client.Http.SendAsync(request);
            var html = await response.Content.ReadAsStringAsync();
            watch.Stop();
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            answers.Add(Alert().Match(html).Groups[1].Value);
            if (i >= 4)
            {
                (isKnown ? known : unknown).Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        Assert.Single(answers);
        var (knownMedian, unknownMedian) = (Median(known), Median(unknown));
        var figure = string.Create(CultureInfo.InvariantCulture, $"median {knownMedian:F1} ms known vs {unknownMedian:F1} ms unknown over {samples} each");
        output.WriteLine(figure);
        TrustReport.Add("sign-in", "wrong password: same time for known and unknown e-mails (medians within 20 % or 10 ms)", figure,
            Math.Abs(knownMedian - unknownMedian) <= Math.Max(10, 0.2 * Math.Max(knownMedian, unknownMedian)));
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    [GeneratedRegex("role=\"alert\"[^>]*><ul><li>([^<]+)</li>")]
    private static partial Regex Alert();
}
