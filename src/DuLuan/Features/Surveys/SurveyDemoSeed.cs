using System.Globalization;
using DuLuan.Data;
using DuLuan.Features.Units;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Surveys;

/// <summary>
/// A published demo survey of Đà Nẵng with a few thousand responses spread over twelve communes, made
/// from a fixed seed so every demo database shows the same results, weights and margins of error.
/// </summary>
public static class SurveyDemoSeed
{
    public const string Title = "Khảo sát mức hài lòng với dịch vụ công trực tuyến";
    private const string ProvinceCode = "48";
    private const int Responses = 3000;

    private static readonly string[] Purposes = ["birth", "land", "business", "other"];
    private static readonly string[] Satisfaction = ["s1", "s2", "s3", "s4", "s5"];
    private static readonly string[] Ages = ["a18", "a30", "a45", "a60"];

    public static async Task EnsureAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<AppDbContext>();
        var clock = services.GetRequiredService<TimeProvider>();
        var province = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Code == ProvinceCode, ct);
        if (province is null || await db.Surveys.AnyAsync(s => s.UnitId == province.Id && s.Title == Title, ct))
        {
            return;
        }

        var communes = await db.Units.AsNoTracking()
            .Where(u => u.Path.StartsWith(province.Path) && u.Kind == UnitKind.Commune && u.ActiveTo == null)
            .OrderBy(u => u.Code).Take(12).ToListAsync(ct);
        if (communes.Count == 0)
        {
            return;
        }

        var json = Definition().ToJson();
        var now = clock.GetUtcNow().UtcDateTime;
        var survey = new Survey { UnitId = province.Id, Title = Title, Anonymous = true, Status = SurveyStatus.Published, DraftJson = json, CurrentVersion = 1, CreatedAt = now, UpdatedAt = now };
        db.Surveys.Add(survey);
        await db.SaveChangesAsync(ct);
        db.SurveyVersions.Add(new SurveyVersion { SurveyId = survey.Id, Number = 1, DefinitionJson = json, PublishedAt = now });

        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var random = new Random(20261201);
        var today = DateOnly.FromDateTime(now);
        // Uneven samples: communes near the centre answer more than their share, so weighting matters.
        var shares = communes.Select((_, i) => 1.0 + ((i * 7) % 5)).ToArray();
        var total = shares.Sum();
        var received = new int[communes.Count];
        for (var n = 0; n < Responses; n++)
        {
            var pick = random.NextDouble() * total;
            var c = 0;
            while (c < communes.Count - 1 && pick >= shares[c])
            {
                pick -= shares[c];
                c++;
            }

            received[c]++;
            var id = $"demo{n.ToString("D6", CultureInfo.InvariantCulture)}{random.Next():x8}";
            db.SurveyResponses.Add(new SurveyResponse { Id = id, SurveyId = survey.Id, Version = 1, UnitId = communes[c].Id, ReceivedOn = today.AddDays(-random.Next(0, 21)) });
            void Answer(string question, string? choice = null, double? number = null)
                => db.SurveyAnswers.Add(new SurveyAnswer { ResponseId = id, SurveyId = survey.Id, QuestionKey = question, Choice = choice, Number = number });
            Answer("commune", communes[c].Id.ToString(CultureInfo.InvariantCulture));
            var used = random.NextDouble() < 0.35 + (0.04 * c);
            Answer("used", used ? "yes" : "no");
            if (used)
            {
                foreach (var purpose in Purposes.Where((_, i) => random.NextDouble() < (i == 0 ? 0.5 : 0.3)).DefaultIfEmpty("other"))
                {
                    Answer("purpose", purpose);
                }

                Answer("satisfaction", Satisfaction[Math.Clamp((int)Math.Round(2.6 + (c * 0.08) + (random.NextDouble() * 2.4) - 1.2), 0, 4)]);
                Answer("wait", number: Math.Round(5 + (random.NextDouble() * 40) + (c * 1.5)));
            }

            Answer("age", Ages[random.Next(Ages.Length)]);
            // Women answer a little more than their share, so raking on sex moves the figures.
            Answer("sex", random.NextDouble() < 0.58 ? "female" : "male");
        }

        for (var c = 0; c < communes.Count; c++)
        {
            db.SurveyUnits.Add(new SurveyUnit
            {
                SurveyId = survey.Id,
                UnitId = communes[c].Id,
                Population = 18_000 + (((c * 7919) % 11) * 4_000),
                // Quotas for four communes, set above what they received so the progress bars show part-way.
                Quota = c < 4 ? ((received[c] / 100) + 2) * 100 : null,
                Received = received[c],
            });
        }

        // Raking margins: sex and age band of the communes' whole population, trimmed at 5 × the mean weight.
        var people = Enumerable.Range(0, communes.Count).Sum(c => 18_000L + (((c * 7919) % 11) * 4_000));
        var women = people * 51 / 100;
        db.SurveyWeightings.Add(new SurveyWeighting { SurveyId = survey.Id, SexQuestion = "sex", AgeQuestion = "age", TrimCap = 5 });
        db.SurveyMargins.Add(new SurveyMargin { SurveyId = survey.Id, Variable = "sex", Category = "female", Population = women });
        db.SurveyMargins.Add(new SurveyMargin { SurveyId = survey.Id, Variable = "sex", Category = "male", Population = people - women });
        long[] ageShares = [people * 26 / 100, people * 30 / 100, people * 25 / 100];
        for (var a = 0; a < Ages.Length; a++)
        {
            db.SurveyMargins.Add(new SurveyMargin { SurveyId = survey.Id, Variable = "age", Category = Ages[a], Population = a < 3 ? ageShares[a] : people - ageShares.Sum() });
        }

        await db.SaveChangesAsync(ct);
        db.ChangeTracker.AutoDetectChangesEnabled = true;
        await SurveyTallies.RebuildAsync(db, survey.Id, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await SurveyWeightTallies.ClearAsync(db, survey.Id, ct);
        await SurveyWeightTallies.RebuildAsync(db, survey.Id, ct);
        await transaction.CommitAsync(ct);
    }

    private static Labels L(string vi, string en) => new() { ["vi"] = vi, ["en"] = en };

    private static SurveyOption O(string key, string vi, string en) => new() { Key = key, Label = L(vi, en) };

    private static SurveyDefinition Definition() => new()
    {
        Title = L(Title, "Satisfaction with online public services"),
        Intro = L("Phiếu ẩn danh, khoảng 2 phút. Xin cảm ơn ý kiến của bạn.", "Anonymous, about 2 minutes. Thank you for your views."),
        Sections =
        [
            new SurveySection
            {
                Key = "about",
                Title = L("Về bạn", "About you"),
                Questions =
                [
                    new SurveyQuestion { Key = "commune", Type = QuestionType.Unit, Required = true, Label = L("Bạn sống ở xã, phường nào?", "Which commune or ward do you live in?") },
                    new SurveyQuestion
                    {
                        Key = "sex", Type = QuestionType.Single, Required = true, Label = L("Giới tính của bạn", "Your sex"),
                        Options = [O("female", "Nữ", "Female"), O("male", "Nam", "Male")],
                    },
                    new SurveyQuestion
                    {
                        Key = "age", Type = QuestionType.Single, Required = true, Label = L("Tuổi của bạn", "Your age"),
                        Options = [O("a18", "18–29", "18–29"), O("a30", "30–44", "30–44"), O("a45", "45–59", "45–59"), O("a60", "60 trở lên", "60 or over")],
                    },
                ],
            },
            new SurveySection
            {
                Key = "services",
                Title = L("Dịch vụ công trực tuyến", "Online public services"),
                Questions =
                [
                    new SurveyQuestion
                    {
                        Key = "used", Type = QuestionType.Single, Required = true, Label = L("Trong năm qua bạn đã nộp hồ sơ trực tuyến chưa?", "Have you filed an application online in the past year?"),
                        Options = [O("yes", "Đã nộp", "Yes"), O("no", "Chưa", "No")],
                    },
                    new SurveyQuestion
                    {
                        Key = "purpose", Type = QuestionType.Multiple, Randomize = true, Label = L("Bạn nộp hồ sơ về việc gì?", "What were the applications about?"),
                        Options = [O("birth", "Hộ tịch (khai sinh, kết hôn…)", "Civil status (birth, marriage…)"), O("land", "Đất đai, xây dựng", "Land and building"), O("business", "Đăng ký kinh doanh", "Business registration"), O("other", "Việc khác", "Other")],
                        Relevant = [new SurveyCondition { Question = "used", Op = ConditionOp.Equals, Value = "yes" }],
                    },
                    new SurveyQuestion
                    {
                        Key = "satisfaction", Type = QuestionType.Likert, Label = L("Bạn hài lòng với dịch vụ ở mức nào?", "How satisfied are you with the service?"),
                        Options = [O("s1", "Rất không hài lòng", "Very dissatisfied"), O("s2", "Không hài lòng", "Dissatisfied"), O("s3", "Bình thường", "Neutral"), O("s4", "Hài lòng", "Satisfied"), O("s5", "Rất hài lòng", "Very satisfied")],
                        Relevant = [new SurveyCondition { Question = "used", Op = ConditionOp.Equals, Value = "yes" }],
                    },
                    new SurveyQuestion
                    {
                        Key = "wait", Type = QuestionType.Number, Min = 0, Max = 365, Label = L("Hồ sơ được giải quyết sau bao nhiêu ngày?", "After how many days was it settled?"),
                        ConstraintMessage = L("Số ngày từ 0 đến 365", "Days from 0 to 365"),
                        Relevant = [new SurveyCondition { Question = "used", Op = ConditionOp.Equals, Value = "yes" }],
                    },
                    new SurveyQuestion { Key = "comment", Type = QuestionType.LongText, MaxLength = 2000, Label = L("Góp ý để dịch vụ tốt hơn", "Suggestions to improve the service") },
                ],
            },
        ],
    };
}
