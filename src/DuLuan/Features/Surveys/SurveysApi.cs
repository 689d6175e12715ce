using System.Text.Json;
using DuLuan.Data;
using DuLuan.Features.Members;
using DuLuan.Infrastructure;
using DuLuan.Infrastructure.Text;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace DuLuan.Features.Surveys;

public sealed record SubmitAnswer(int Accepted, bool Replayed);

/// <summary>The public submit endpoint (anonymous, idempotent batches) and the staff results API.</summary>
public static class SurveysApi
{
    public const long MaxBody = 4 * 1024 * 1024;

    public static void MapSurveysApi(this WebApplication app)
    {
        app.MapPost("/api/public/surveys/{id:long}/responses", Submit)
            .AllowAnonymous()
            .RequireRateLimiting(SurveysServices.SubmitPolicy);
        app.MapGet("/api/surveys/{id:long}/results", Results);
        app.MapGet("/api/surveys/{id:long}/rebuild", RebuildStatusAsync);
        // The first public address of a survey (printed on paper and posters before the place's site): 301 to its page there.
        app.MapGet("/khao-sat/{id:long}", ToPlaceAsync).AllowAnonymous();
    }

    private static async Task<IResult> ToPlaceAsync(long id, HttpContext context, AppDbContext db, CancellationToken ct)
    {
        var survey = await db.Surveys.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);
        var path = survey is not null && AnswerModel.IsPublic(survey) ? await SurveyPlace.PathForSurveyAsync(db, survey, ct) : null;
        return path is null ? TypedResults.NotFound() : TypedResults.Redirect(path + context.Request.QueryString, permanent: true);
    }

    private static async Task<Results<Ok<SubmitAnswer>, ValidationProblem, NotFound, ProblemHttpResult>> Submit(long id, HttpContext context, ResponseIntake intake, PublicWriteAdmission admission, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = MaxBody;
        }

        if (!context.Request.HasJsonContentType())
        {
            return TypedResults.Problem(title: new Message("Surveys.Api.JsonExpected").Both(l), detail: new Message("Surveys.Api.SendJson").Both(l), statusCode: StatusCodes.Status415UnsupportedMediaType);
        }

        SubmittedBatch? batch;
        try
        {
            batch = await JsonSerializer.DeserializeAsync<SubmittedBatch>(context.Request.Body, SurveyDefinition.Lenient, ct);
        }
        catch (JsonException e)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["body"] = [new Message("Surveys.Api.NotJson", e.Path).Both(l)] });
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TypedResults.Problem(title: new Message("Surveys.Api.TooLarge").Both(l), detail: new Message("Surveys.Api.BatchTooLarge", MaxBody / 1024 / 1024).Both(l), statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        using var turn = await admission.TryEnterAsync(context);
        if (turn is null)
        {
            return TypedResults.Problem(title: PublicWriteAdmission.Title, detail: PublicWriteAdmission.Refusal, statusCode: StatusCodes.Status429TooManyRequests);
        }

        IntakeResult result;
        try
        {
            result = await intake.SubmitAsync(id, batch ?? new SubmittedBatch(null, null), ct);
        }
        catch (WriterBusyException)
        {
            // It waited too long for the writer: not stored, and said so at once.
            context.Response.Headers.RetryAfter = PublicWriteAdmission.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return TypedResults.Problem(title: PublicWriteAdmission.Title, detail: PublicWriteAdmission.Refusal, statusCode: StatusCodes.Status429TooManyRequests);
        }

        return result.Outcome switch
        {
            IntakeOutcome.Accepted => TypedResults.Ok(new SubmitAnswer(result.Count, false)),
            IntakeOutcome.Replayed => TypedResults.Ok(new SubmitAnswer(result.Count, true)),
            IntakeOutcome.NotFound => TypedResults.NotFound(),
            IntakeOutcome.Invalid => TypedResults.ValidationProblem(result.Errors!.ToDictionary(e => e.Key, e => e.Value.Select(m => m.Both(l)).ToArray()), title: new Message("Surveys.Api.Invalid").Both(l)),
            _ => TypedResults.Problem(title: new Message("Surveys.Api.Refused").Both(l), detail: result.Message?.Both(l), statusCode: StatusCodes.Status409Conflict),
        };
    }

    /// <summary>The rebuild's progress for the survey's pages (polled): only staff who may edit the survey; others get 404.</summary>
    private static async Task<Results<Ok<RebuildProgress>, NotFound>> RebuildStatusAsync(long id, AppDbContext db, SurveyAccess access, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        if (await access.FindAsync(id, edit: true, ct) is null)
        {
            return TypedResults.NotFound();
        }

        var s = await SurveyRebuilds.StatusAsync(db, id, ct);
        return TypedResults.Ok(new RebuildProgress(s.Rebuilding, s.Done, s.Total, s.Percent, s.Kinds, RebuildProgress.Describe(l, s)));
    }

    private static async Task<Results<Ok<ResultsReport>, NotFound, ValidationProblem>> Results(long id, string? lang, long? unit, string? q, string? opt, string? by, AppDbContext db, UnitScope scope, SurveyResults results, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var surveys = await scope.InScope(db.Surveys.AsNoTracking(), s => s.UnitId, RoleTable.Everyone, ct);
        var survey = await surveys.FirstOrDefaultAsync(s => s.Id == id, ct);
        if (survey is null || survey.CurrentVersion == 0)
        {
            return TypedResults.NotFound();
        }

        var json = await db.SurveyVersions.AsNoTracking().Where(v => v.SurveyId == id && v.Number == survey.CurrentVersion).Select(v => v.DefinitionJson).FirstAsync(ct);
        var definition = SurveyDefinition.Parse(json, out _)!;
        var language = lang is not null && definition.Languages.Contains(lang) ? lang : "vi";
        var query = new ResultsQuery(unit, string.IsNullOrEmpty(q) ? null : q, string.IsNullOrEmpty(opt) ? null : opt, string.IsNullOrEmpty(by) ? null : by);
        var errors = SurveyResults.Check(definition, query, await ResponseIntake.AnswerUnitsAsync(db, survey.UnitId, ct));
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary(e => e.Key, e => e.Value.Select(m => m.Both(l)).ToArray()), title: new Message("Surveys.Api.BadFilter").Both(l));
        }

        return TypedResults.Ok(await results.BuildAsync(survey, definition, language, ct, query));
    }
}
