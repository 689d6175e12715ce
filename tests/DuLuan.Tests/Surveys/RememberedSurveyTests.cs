using System.Net;
using DuLuan.Data;
using DuLuan.Features.Surveys;
using DuLuan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Tests.Surveys;

/// <summary>
/// The intake remembers a survey row for a moment (<see cref="PublishedDefinitions.SurveyFor"/>) so a response needs no
/// read before the writer; the writer reads status and version again in its batch. A survey closed or taken back to
/// draft right after a response was accepted therefore refuses the next one at once, and a replay stays a replay.
/// </summary>
public sealed class RememberedSurveyTests
{
    [Theory, Providers]
    public async Task A_survey_closed_just_after_an_answer_refuses_the_next_one_and_a_replay_is_still_answered(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var id = await SurveyKit.PublishedAsync(app);
        using var client = app.Client();
        var first = SurveyKit.Batch(SurveyKit.Key(), SurveyKit.Answers(app.Tree.CommuneA1.Id));
        using (var accepted = await SurveyKit.SubmitAsync(client, id, first))
        {
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        }

        await app.WithDbAsync(db => db.Surveys.Where(s => s.Id == id).ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, SurveyStatus.Closed)));
        using (var closed = await SurveyKit.SubmitAsync(client, id, SurveyKit.Batch(SurveyKit.Key(), SurveyKit.Answers(app.Tree.CommuneA1.Id))))
        {
            Assert.Equal(HttpStatusCode.Conflict, closed.StatusCode);
            Assert.Contains("đã đóng", (await SurveyKit.JsonAsync(closed)).GetProperty("detail").GetString()!, StringComparison.Ordinal);
        }

        using (var replay = await SurveyKit.SubmitAsync(client, id, first))
        {
            Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
            Assert.True((await SurveyKit.JsonAsync(replay)).GetProperty("replayed").GetBoolean());
        }

        await app.WithDbAsync(db => db.Surveys.Where(s => s.Id == id).ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, SurveyStatus.Published)));
        using (var reopened = await SurveyKit.SubmitAsync(client, id, SurveyKit.Batch(SurveyKit.Key(), SurveyKit.Answers(app.Tree.CommuneA2.Id))))
        {
            Assert.Equal(HttpStatusCode.OK, reopened.StatusCode);
        }

        await app.WithDbAsync(db => db.Surveys.Where(s => s.Id == id).ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, SurveyStatus.Draft)));
        using (var draft = await SurveyKit.SubmitAsync(client, id, SurveyKit.Batch(SurveyKit.Key(), SurveyKit.Answers(app.Tree.CommuneA1.Id))))
        {
            Assert.Equal(HttpStatusCode.NotFound, draft.StatusCode);
        }

        Assert.Equal(2, await app.WithDbAsync(db => db.SurveyResponses.CountAsync(r => r.SurveyId == id)));
        Assert.Equal(2, await app.WithDbAsync(db => db.SurveyTallies.Where(t => t.SurveyId == id && t.QuestionKey.Length == 0).SumAsync(t => t.Count)));
    }
}
