using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using DuLuan.Data;
using DuLuan.Features.Units;
using DuLuan.Infrastructure.Text;
using DuLuan.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Surveys;

public sealed record SubmittedResponse(int Version, string? Token, JsonElement Answers);

public sealed record SubmittedBatch(string? IdempotencyKey, List<SubmittedResponse>? Responses);

public enum IntakeOutcome
{
    Accepted,
    Replayed,
    Invalid,
    NotFound,
    Refused,
}

/// <summary>What became of a batch; errors and refusals are messages the page or the API renders.</summary>
public sealed record IntakeResult(IntakeOutcome Outcome, int Count = 0, Dictionary<string, Message[]>? Errors = null, Message? Message = null);

/// <summary>Frozen versions parsed once: a published version never changes.</summary>
public sealed class PublishedDefinitions
{
    private readonly ConcurrentDictionary<(long Survey, int Version), SurveyDefinition> cache = new();
    private readonly ConcurrentDictionary<long, (HashSet<long> Ids, DateTimeOffset Until)> units = new();
    private readonly ConcurrentDictionary<long, (Survey Survey, long Until)> surveys = new();

    /// <summary>How long a survey row read for intake is used again without reading it.</summary>
    public static readonly TimeSpan SurveyFor = TimeSpan.FromSeconds(2);

    /// <summary>
    /// The survey row, read again at most every <see cref="SurveyFor"/> (<paramref name="fresh"/>: now). Only the happy path
    /// trusts a remembered row: <see cref="SubmissionWriter"/> checks status and version again in its batch, and a
    /// refusal is decided on a fresh row.
    /// </summary>
    public async Task<Survey?> SurveyAsync(AppDbContext db, long surveyId, bool fresh, CancellationToken ct)
    {
        var now = Environment.TickCount64;
        if (!fresh && surveys.TryGetValue(surveyId, out var found) && found.Until > now)
        {
            return found.Survey;
        }

        var survey = await db.Surveys.AsNoTracking().FirstOrDefaultAsync(s => s.Id == surveyId, ct);
        if (survey is not null)
        {
            survey.DraftJson = string.Empty; // not needed here; not kept in memory
            surveys[surveyId] = (survey, now + (long)SurveyFor.TotalMilliseconds);
        }

        return survey;
    }

    public async Task<SurveyDefinition?> GetAsync(AppDbContext db, long surveyId, int version, CancellationToken ct)
    {
        if (cache.TryGetValue((surveyId, version), out var found))
        {
            return found;
        }

        var json = await db.SurveyVersions.AsNoTracking().Where(v => v.SurveyId == surveyId && v.Number == version).Select(v => v.DefinitionJson).FirstOrDefaultAsync(ct);
        var definition = json is null ? null : SurveyDefinition.Parse(json, out _);
        return definition is null ? null : cache.GetOrAdd((surveyId, version), definition);
    }

    /// <summary>Ids a unit question accepts, kept a few minutes: the tree changes rarely.</summary>
    public async Task<IReadOnlySet<long>> UnitIdsAsync(AppDbContext db, long surveyUnitId, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (units.TryGetValue(surveyUnitId, out var found) && found.Until > now)
        {
            return found.Ids;
        }

        var ids = (await ResponseIntake.AnswerUnitsAsync(db, surveyUnitId, ct)).Select(u => u.Id).ToHashSet();
        units[surveyUnitId] = (ids, now.AddMinutes(5));
        return ids;
    }
}

/// <summary>
/// Stores a batch of responses all-or-nothing: validated first (on the happy path without a read: the survey row is
/// remembered for a moment and the writer checks it again), then written by <see cref="SubmissionWriter"/> in the
/// <see cref="GroupCommit"/> (with other residents' batches, in one transaction): the idempotency key, the repeat-answer
/// tokens, the quota counters, the responses and the running totals, all or none.
/// </summary>
public sealed partial class ResponseIntake(AppDbContext db, PublishedDefinitions definitions, GroupCommit writer, TimeProvider clock, OfficeTime office)
{
    public const int MaxBatch = 100;

    public static string TokenHash(long surveyId, string token)
        => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"duluan-survey:{surveyId.ToString(CultureInfo.InvariantCulture)}:{token}"))).ToLowerInvariant();

    /// <summary>What is stored of an idempotency key: its one-way hash, so the key's own order (a counter, a clock) is not kept.</summary>
    public static string KeyHash(long surveyId, string key)
        => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"duluan-batch:{surveyId.ToString(CultureInfo.InvariantCulture)}:{key}"))).ToLowerInvariant();

    /// <summary>Units a response may be answered for: the communes under the survey's unit, or the unit itself.</summary>
    public static async Task<List<Unit>> AnswerUnitsAsync(AppDbContext db, long surveyUnitId, CancellationToken ct)
    {
        var unit = await db.Units.AsNoTracking().FirstAsync(u => u.Id == surveyUnitId, ct);
        var communes = await db.Units.AsNoTracking()
            .Where(u => u.Path.StartsWith(unit.Path) && u.Kind == UnitKind.Commune && u.ActiveTo == null)
            .OrderBy(u => u.NameFolded).Take(5000).ToListAsync(ct);
        return communes.Count > 0 ? communes : [unit];
    }

    public Task<IntakeResult> SubmitAsync(long surveyId, SubmittedBatch batch, CancellationToken ct)
        => SubmitAsync(surveyId, batch, ResponseSource.Online, ct);

    /// <summary>As above, marking the stored responses with their <see cref="ResponseSource"/>.</summary>
    public async Task<IntakeResult> SubmitAsync(long surveyId, SubmittedBatch batch, string source, CancellationToken ct)
    {
        var survey = await definitions.SurveyAsync(db, surveyId, fresh: false, ct);
        if (survey is null || survey.Status != SurveyStatus.Published || batch.Responses?.Any(r => r.Version != survey.CurrentVersion) == true)
        {
            survey = await definitions.SurveyAsync(db, surveyId, fresh: true, ct);
        }

        if (survey is null || survey.Status == SurveyStatus.Draft || survey.CurrentVersion == 0)
        {
            return new IntakeResult(IntakeOutcome.NotFound);
        }

        var errors = new Dictionary<string, Message[]>(StringComparer.Ordinal);
        if (batch.IdempotencyKey is null || !KeyPattern().IsMatch(batch.IdempotencyKey))
        {
            errors["idempotencyKey"] = [new Message("Surveys.Intake.KeyRequired")];
            return new IntakeResult(IntakeOutcome.Invalid, Errors: errors);
        }

        var keyHash = KeyHash(surveyId, batch.IdempotencyKey);
        if (survey.Status == SurveyStatus.Closed)
        {
            return await PreviousAsync(surveyId, keyHash, batch.IdempotencyKey, ct) ?? new IntakeResult(IntakeOutcome.Refused, Message: new Message("Surveys.Intake.Closed"));
        }

        var responses = batch.Responses ?? [];
        if (responses.Count is 0 or > MaxBatch)
        {
            errors["responses"] = [new Message("Surveys.Intake.BatchSize", MaxBatch)];
            return await PreviousAsync(surveyId, keyHash, batch.IdempotencyKey, ct) ?? new IntakeResult(IntakeOutcome.Invalid, Errors: errors);
        }

        var definition = await definitions.GetAsync(db, surveyId, survey.CurrentVersion, ct)
            ?? throw new InvalidOperationException($"Survey {surveyId} has no version {survey.CurrentVersion}.");
        var hasUnitQuestion = definition.Questions.Any(q => q.Type == QuestionType.Unit);
        IReadOnlySet<long> units = hasUnitQuestion
            ? await definitions.UnitIdsAsync(db, survey.UnitId, clock, ct)
            : new HashSet<long>();
        var today = Today();
        var rows = new List<(SurveyResponse Response, List<AnswerValue> Values)>();
        var tokens = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < responses.Count; i++)
        {
            var response = responses[i];
            if (response.Version != survey.CurrentVersion)
            {
                errors[$"responses[{i}].version"] = [new Message("Surveys.Intake.OldVersion", response.Version, survey.CurrentVersion)];
                continue;
            }

            if (response.Token is { } token)
            {
                if (token.Length is < 16 or > 128)
                {
                    errors[$"responses[{i}].token"] = [new Message("Surveys.Intake.BadToken")];
                    continue;
                }

                if (!tokens.Add(TokenHash(surveyId, token)))
                {
                    errors[$"responses[{i}].token"] = [new Message("Surveys.Intake.DeviceAnswered")];
                    continue;
                }
            }

            var (values, unitId, answerErrors) = ResponseRules.Check(definition, response.Answers, units);
            foreach (var error in answerErrors)
            {
                var key = $"responses[{i}].answers.{error.Question}";
                errors[key] = [.. errors.GetValueOrDefault(key) ?? [], error.Message];
            }

            rows.Add((new SurveyResponse
            {
                Id = NewId(),
                SurveyId = surveyId,
                Version = survey.CurrentVersion,
                UnitId = unitId ?? survey.UnitId,
                ReceivedOn = today,
                Source = source,
            }, values));
        }

        if (errors.Count > 0)
        {
            // A batch stored before (under an older version, say) is still answered as a replay.
            return await PreviousAsync(surveyId, keyHash, batch.IdempotencyKey, ct) ?? new IntakeResult(IntakeOutcome.Invalid, Errors: errors);
        }

        try
        {
            // The writer finds a replay (by the key's hash or, for rows stored before keys were hashed, the key itself).
            return await writer.RunAsync(SubmissionWriter.Instance, new Submission(survey, definition, keyHash, rows, tokens, batch.IdempotencyKey), ct);
        }
        catch (DbUpdateException e) when (Duplicate(e))
        {
            // The same batch (or the same device) was stored at the same moment by another instance.
            return await db.SurveyBatches.AsNoTracking().AnyAsync(b => b.SurveyId == surveyId && b.Key == keyHash, ct)
                ? new IntakeResult(IntakeOutcome.Replayed, rows.Count)
                : new IntakeResult(IntakeOutcome.Refused, Message: SubmissionWriter.AlreadyAnswered);
        }
        catch (QuotaTakenException taken)
        {
            var name = await db.Units.AsNoTracking().Where(u => u.Id == taken.UnitId).Select(u => u.Name).FirstAsync(ct);
            return new IntakeResult(IntakeOutcome.Refused, Message: new Message("Surveys.Intake.QuotaFull", name));
        }
    }

    /// <summary>
    /// The batch stored before under this key, as a replay; null when none. Rows stored before keys were hashed
    /// (migration 0015 hashed them on PostgreSQL only) still match by the key itself.
    /// </summary>
    private async Task<IntakeResult?> PreviousAsync(long surveyId, string keyHash, string key, CancellationToken ct)
    {
        var previous = await db.SurveyBatches.AsNoTracking().FirstOrDefaultAsync(b => b.SurveyId == surveyId && (b.Key == keyHash || b.Key == key), ct);
        return previous is null ? null : new IntakeResult(IntakeOutcome.Replayed, previous.Count);
    }

    /// <summary>A unique index or (SQLite reports these apart) a primary key refused the row.</summary>
    private static bool Duplicate(DbUpdateException e)
        => UniqueViolation.Is(e) || e.InnerException is Microsoft.Data.Sqlite.SqliteException { SqliteExtendedErrorCode: SqlitePrimaryKey };

    private const int SqlitePrimaryKey = 1555;

    private DateOnly Today() => office.Today;

    private static string NewId() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [GeneratedRegex("^[A-Za-z0-9_-]{8,64}$")]
    private static partial Regex KeyPattern();
}
