using DuLuan.Data;
using DuLuan.Features.Surveys;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DuLuan.Browser.Tests;

/// <summary>Field collection on a phone with no connection: answers queue on the device and are sent once when it returns.</summary>
public sealed class SurveyOfflineTests(TestApp app)
{
    private const string Definition = """
    {
      "languages": ["vi", "en"],
      "title": { "vi": "Khảo sát giờ mở cửa", "en": "Opening hours survey" },
      "sections": [ { "key": "s1", "title": { "vi": "Phần 1", "en": "Part 1" }, "questions": [
        { "key": "saturday", "type": "single", "required": true, "label": { "vi": "Mở cửa sáng thứ Bảy?", "en": "Open on Saturday morning?" },
          "options": [ { "key": "yes", "label": { "vi": "Đồng ý", "en": "Yes" } }, { "key": "no", "label": { "vi": "Không đồng ý", "en": "No" } } ] },
        { "key": "why", "type": "text", "label": { "vi": "Vì sao?", "en": "Why?" }, "relevant": [ { "question": "saturday", "op": "equals", "value": "no" } ] }
      ] } ]
    }
    """;

    [Fact]
    public async Task Two_answers_given_offline_on_a_phone_are_counted_exactly_once_each_when_the_connection_returns()
    {
        var id = await PublishedAsync();
        await using var phone = await app.NewContextAsync(390, 844);
        var watch = await PageWatch.AttachAsync(phone);
        var page = await phone.NewPageAsync();
        // The printed address leads to the page under its place's site, where the worker's scope (/cong/) covers it.
        await page.GotoAsync($"/khao-sat/{id}");
        var address = new Uri(page.Url).AbsolutePath;
        Assert.Equal($"/cong/{TestSeed.DaNangCode}/khao-sat/{id}", address);
        await page.EvaluateAsync("() => navigator.serviceWorker.ready");
        var controlled = await page.ReloadAsync();
        Assert.True(controlled!.FromServiceWorker, "The survey page is not served through the service worker.");

        await phone.SetOfflineAsync(true);
        await page.GetByLabel("Đồng ý", new() { Exact = true }).CheckAsync();
        await page.Locator("#send").ClickAsync();
        await Assertions.Expect(page.Locator("#offline-status")).ToHaveTextAsync("Đã lưu trên máy, sẽ gửi khi có mạng");
        await Assertions.Expect(page.Locator("#queued-count")).ToContainTextAsync("1");
        await Assertions.Expect(page.GetByLabel("Đồng ý", new() { Exact = true })).Not.ToBeCheckedAsync();

        await page.GetByLabel("Không đồng ý").CheckAsync();
        await page.Locator("#q-why input").FillAsync("Tôi đi làm sáng thứ Bảy");
        await page.Locator("#send").ClickAsync();
        await Assertions.Expect(page.Locator("#queued-count")).ToContainTextAsync("2");
        Assert.Equal(2, await page.EvaluateAsync<int>($"() => JSON.parse(localStorage.getItem('duluan-survey-queue-{id}')).length"));
        var stored = await page.EvaluateAsync<string>($"() => localStorage.getItem('duluan-survey-queue-{id}')");
        Assert.DoesNotContain("token", stored.Replace("\"token\":null", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);

        // Still offline, the form opens again from the worker's cache, with the queue count.
        var offlinePage = await phone.NewPageAsync();
        var cached = await offlinePage.GotoAsync(address);
        Assert.True(cached!.Ok && cached.FromServiceWorker, "The survey page did not open offline.");
        await Assertions.Expect(offlinePage.Locator("#queued-count")).ToContainTextAsync("2");
        Assert.Equal(0, await CountAsync(id));
        await offlinePage.CloseAsync();

        await phone.SetOfflineAsync(false);
        await Assertions.Expect(page.Locator("#offline-status")).ToContainTextAsync("Đã gửi");
        await Assertions.Expect(page.Locator("#queued-count")).ToBeHiddenAsync();
        Assert.Equal(2, await CountAsync(id));

        // Another load (and another 'online') sends nothing twice.
        await page.ReloadAsync();
        await page.EvaluateAsync("() => window.dispatchEvent(new Event('online'))");
        await Assertions.Expect(page.Locator("#queued-count")).ToBeHiddenAsync();
        Assert.Equal(2, await CountAsync(id));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            Assert.Equal(0, await db.SurveyTokens.CountAsync(t => t.SurveyId == id));
            Assert.Equal(1, await db.SurveyAnswers.CountAsync(a => a.SurveyId == id && a.QuestionKey == "why"));
        }

        var scroll = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth");
        Assert.False(scroll, "The answer page scrolls sideways on a phone.");
        // While offline the worker's own network attempt at the page fails before it answers from its cache: that is the point of the test.
        var problems = watch.Problems.Where(p => !(p.Contains($"{address} net::ERR_INTERNET_DISCONNECTED", StringComparison.Ordinal))).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.Empty(await PageWatch.CspViolationsAsync(page));
    }

    private async Task<int> CountAsync(long id)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().SurveyResponses.CountAsync(r => r.SurveyId == id);
    }

    private async Task<long> PublishedAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var json = SurveyDefinition.Parse(Definition, out var error)?.ToJson() ?? throw new InvalidOperationException(error);
        var survey = new Survey { UnitId = app.Seed.ProvinceId, Title = "Khảo sát giờ mở cửa", Status = SurveyStatus.Published, DraftJson = json, CurrentVersion = 1, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow };
        db.Surveys.Add(survey);
        await db.SaveChangesAsync();
        db.SurveyVersions.Add(new SurveyVersion { SurveyId = survey.Id, Number = 1, DefinitionJson = json, PublishedAt = DateTime.UtcNow });
        await db.SaveChangesAsync();
        return survey.Id;
    }
}
