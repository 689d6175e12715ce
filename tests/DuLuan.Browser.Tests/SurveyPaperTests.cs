using DuLuan.Browser.Tests.Pages;
using DuLuan.Data;
using DuLuan.Features.Surveys;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DuLuan.Browser.Tests;

/// <summary>A collaborator prints the paper form and keys paper responses in with the keyboard only.</summary>
public sealed class SurveyPaperTests(TestApp app)
{
    private const string Definition = """
    {
      "languages": ["vi", "en"],
      "title": { "vi": "Khảo sát nước sạch", "en": "Clean water survey" },
      "sections": [ { "key": "s1", "title": { "vi": "Phần 1", "en": "Part 1" }, "questions": [
        { "key": "enough", "type": "single", "required": true, "label": { "vi": "Nước có đủ dùng không?", "en": "Is there enough water?" },
          "options": [ { "key": "yes", "label": { "vi": "Đủ", "en": "Enough" } }, { "key": "no", "label": { "vi": "Không đủ", "en": "Not enough" } } ] },
        { "key": "why", "type": "text", "label": { "vi": "Thiếu vào lúc nào?", "en": "When is it short?" }, "relevant": [ { "question": "enough", "op": "equals", "value": "no" } ] },
        { "key": "score", "type": "rating", "min": 1, "max": 5, "label": { "vi": "Chất lượng nước", "en": "Water quality" } }
      ] } ]
    }
    """;

    [Fact]
    public async Task A_collaborator_prints_the_form_and_keys_in_two_responses_without_the_mouse()
    {
        var id = await PublishedAsync();
        await using var context = await app.NewContextAsync();
        var watch = await PageWatch.AttachAsync(context);
        var page = await context.NewPageAsync();
        await new LoginPage(page).SignInAndWaitForHomeAsync(app.Seed.Collaborator);

        await page.GotoAsync($"/Surveys/Paper?id={id}");
        await Assertions.Expect(page.Locator("#paper-form .box")).ToHaveCountAsync(2 + 5);
        await Assertions.Expect(page.Locator("#paper-form")).ToContainTextAsync("Chỉ trả lời nếu câu 1 là «Không đủ».");
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(page.Locator("header.top")).ToBeHiddenAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "duluan-survey-paper.png"), FullPage = true });
        await page.EmulateMediaAsync(new() { Media = Media.Screen });
        Assert.Empty(await PageWatch.CspViolationsAsync(page));

        await page.GotoAsync($"/Surveys/Entry?id={id}");
        await Assertions.Expect(page.Locator("#q-why")).ToBeHiddenAsync();
        await page.Keyboard.PressAsync("2");
        await Assertions.Expect(page.GetByLabel("2. Không đủ")).ToBeCheckedAsync();
        await Assertions.Expect(page.Locator("#q-why")).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("Buổi sáng");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#entered")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#today-count")).ToContainTextAsync("1");

        // The second form: "Enough", so the follow-up stays hidden and is not sent; a rating by its number.
        await page.Keyboard.PressAsync("1");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("4");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#today-count")).ToContainTextAsync("2");

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(2, await db.SurveyResponses.CountAsync(r => r.SurveyId == id && r.Source == ResponseSource.Paper));
        Assert.Equal(1, await db.SurveyAnswers.CountAsync(a => a.SurveyId == id && a.QuestionKey == "why"));
        Assert.Equal(4, await db.SurveyAnswers.Where(a => a.SurveyId == id && a.QuestionKey == "score").Select(a => a.Number).SingleAsync());
        Assert.True(watch.Problems.Count == 0, string.Join("\n", watch.Problems));
        Assert.Empty(await PageWatch.CspViolationsAsync(page));
    }

    private async Task<long> PublishedAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var json = SurveyDefinition.Parse(Definition, out var error)?.ToJson() ?? throw new InvalidOperationException(error);
        var survey = new Survey { UnitId = app.Seed.CommuneId, Title = "Khảo sát nước sạch", Status = SurveyStatus.Published, DraftJson = json, CurrentVersion = 1, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow };
        db.Surveys.Add(survey);
        await db.SaveChangesAsync();
        db.SurveyVersions.Add(new SurveyVersion { SurveyId = survey.Id, Number = 1, DefinitionJson = json, PublishedAt = DateTime.UtcNow });
        await db.SaveChangesAsync();
        return survey.Id;
    }
}
