using System.Text.Json;
using DuLuan.Data;
using DuLuan.Features.Members;
using DuLuan.Infrastructure;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

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
    }

    private static async Task<Results<Ok<SubmitAnswer>, ValidationProblem, NotFound, ProblemHttpResult>> Submit(long id, HttpContext context, ResponseIntake intake, PublicWriteAdmission admission, CancellationToken ct)
    {
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = MaxBody;
        }

        if (!context.Request.HasJsonContentType())
        {
            return TypedResults.Problem(title: "Cần JSON / JSON expected", detail: "Gửi phiếu dưới dạng application/json / Send responses as application/json.", statusCode: StatusCodes.Status415UnsupportedMediaType);
        }

        SubmittedBatch? batch;
        try
        {
            batch = await JsonSerializer.DeserializeAsync<SubmittedBatch>(context.Request.Body, SurveyDefinition.Lenient, ct);
        }
        catch (JsonException e)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["body"] = [$"Nội dung không phải JSON hợp lệ ({e.Path}) / The body is not valid JSON ({e.Path})."] });
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TypedResults.Problem(title: "Quá lớn / Too large", detail: $"Một lần gửi tối đa {MaxBody / 1024 / 1024} MB / A batch is at most {MaxBody / 1024 / 1024} MB.", statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        using var turn = await admission.TryEnterAsync(context);
        if (turn is null)
        {
            return TypedResults.Problem(title: PublicWriteAdmission.Title, detail: PublicWriteAdmission.Refusal, statusCode: StatusCodes.Status429TooManyRequests);
        }

        var result = await intake.SubmitAsync(id, batch ?? new SubmittedBatch(null, null), ct);
        return result.Outcome switch
        {
            IntakeOutcome.Accepted => TypedResults.Ok(new SubmitAnswer(result.Count, false)),
            IntakeOutcome.Replayed => TypedResults.Ok(new SubmitAnswer(result.Count, true)),
            IntakeOutcome.NotFound => TypedResults.NotFound(),
            IntakeOutcome.Invalid => TypedResults.ValidationProblem(result.Errors!, title: "Phiếu chưa hợp lệ, không phiếu nào được lưu / The responses are not valid; none was stored."),
            _ => TypedResults.Problem(title: "Không nhận phiếu / Response refused", detail: result.Message, statusCode: StatusCodes.Status409Conflict),
        };
    }

    private static async Task<Results<Ok<ResultsReport>, NotFound, ValidationProblem>> Results(long id, string? lang, long? unit, string? q, string? opt, string? by, AppDbContext db, UnitScope scope, SurveyResults results, CancellationToken ct)
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
            return TypedResults.ValidationProblem(errors, title: "Bộ lọc không hợp lệ / The filter is not valid.");
        }

        return TypedResults.Ok(await results.BuildAsync(survey, definition, language, ct, query));
    }
}
