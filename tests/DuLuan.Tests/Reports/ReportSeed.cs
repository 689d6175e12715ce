using DuLuan.Data;
using DuLuan.Features.Dialogue;
using DuLuan.Features.Claims;
using DuLuan.Features.Concerns.Cases;
using DuLuan.Features.Concerns.Intake;
using DuLuan.Features.Members;
using DuLuan.Features.Monitoring;
using DuLuan.Features.Opinions;
using DuLuan.Features.Publish;
using DuLuan.Features.Surveys;
using DuLuan.Features.Units;
using DuLuan.Tests.Infrastructure;

namespace DuLuan.Tests.Reports;

/// <summary>
/// Records of every kind over 2025-Q2 and 2025-Q3 in province A's communes, an agency, a commune that was merged
/// into Hoà Khánh on 15/08/2025 ("Xã Cũ", records only before the merge), and province B (outside a member's
/// scope). Records on the local-midnight boundary of 1 July test the time zone.
/// </summary>
public sealed record ReportSeed(TestApp App, Unit Merged, Unit Agency) : IAsyncDisposable
{
    public static readonly DateOnly MergedOn = new(2025, 8, 15);

    public static async Task<ReportSeed> StartAsync(DatabaseProvider provider)
    {
        var app = await TestApp.StartAsync(provider);
        var tree = app.Tree;
        var (merged, agency) = await app.WithDbAsync(async db =>
        {
            var old = await AddUnitAsync(db, tree.ProvinceA, "Xã Cũ", UnitKind.Commune, "99001");
            var agency = await AddUnitAsync(db, tree.ProvinceA, "Sở Xây dựng", UnitKind.Agency, null);
            old.ActiveFrom = new DateOnly(2020, 1, 1);
            old.ActiveTo = MergedOn.AddDays(-1);
            db.UnitSuccessions.Add(new UnitSuccession { UnitId = old.Id, SuccessorId = tree.CommuneA1.Id, EffectiveOn = MergedOn });
            await db.SaveChangesAsync();
            return (old, agency);
        });
        var filer = await app.AddMemberAsync("seed-ctv@duluan.test", tree.ProvinceA, Role.Collaborator);
        await app.WithDbAsync(async db =>
        {
            var metrics = Seed(db, tree, merged, agency, filer.Id);
            await db.SaveChangesAsync();
            foreach (var (post, metric) in metrics)
            {
                metric.PostId = post.Id;
                db.PostMetrics.Add(metric);
            }

            await db.SaveChangesAsync();
            // The seed writes daily rows directly; the imports keep the monthly sums, here they are summed as the migration does.
            await DuLuan.Features.Publish.Metrics.MetricsMonthly.RebuildAllAsync(db, CancellationToken.None);
            return 0;
        });
        return new ReportSeed(app, merged, agency);
    }

    /// <summary>A unit under <paramref name="parent"/> (a detached entity from the seeded tree), path set.</summary>
    public static async Task<Unit> AddUnitAsync(AppDbContext db, Unit parent, string name, UnitKind kind, string? code)
    {
        var unit = new Unit
        {
            Code = code,
            Name = name,
            NameFolded = DuLuan.Analysis.Text.VietnameseFold.Fold(name),
            Kind = kind,
            ParentId = parent.Id,
            Depth = parent.Depth + 1,
            ActiveFrom = new DateOnly(2020, 1, 1),
        };
        db.Units.Add(unit);
        await db.SaveChangesAsync();
        unit.Path = $"{parent.Path}{unit.Id}/";
        await db.SaveChangesAsync();
        return unit;
    }

    public ValueTask DisposeAsync() => App.DisposeAsync();

    private static List<(Post Post, PostMetric Metric)> Seed(AppDbContext db, SeededTree tree, Unit merged, Unit agency, string filer)
    {
        var metrics = new List<(Post, PostMetric)>();
        var random = new Random(20250701);
        Unit[] places = [tree.CommuneA1, tree.CommuneA2, merged, tree.AgencyA1, tree.CommuneB1];
        var start = new DateTime(2025, 3, 25, 0, 0, 0, DateTimeKind.Utc);
        var mergeUtc = new DateTime(2025, 8, 14, 17, 0, 0, DateTimeKind.Utc);
        var boundary = new DateTime(2025, 6, 30, 17, 0, 0, DateTimeKind.Utc);
        var times = Enumerable.Range(0, 160).Select(_ => start.AddMinutes(random.Next(0, 205 * 24 * 60))).ToList();
        times.AddRange([boundary, boundary.AddSeconds(-1), boundary.AddSeconds(1), boundary.AddSeconds(-1)]);
        var topics = new[] { "Giá điện", "Đường nông thôn", "Sáp nhập xã" }
            .Select(n => new OpinionTopic { UnitId = tree.ProvinceA.Id, Name = n, NameFolded = DuLuan.Analysis.Text.VietnameseFold.Fold(n), CreatedAt = start })
            .ToList();
        db.OpinionTopics.AddRange(topics);
        var survey = new Survey { UnitId = tree.ProvinceA.Id, Title = "Khảo sát dịch vụ công", Status = SurveyStatus.Published, DraftJson = "{}", CurrentVersion = 1, CreatedAt = start, UpdatedAt = start };
        var surveyB = new Survey { UnitId = tree.ProvinceB.Id, Title = "Khảo sát B", Status = SurveyStatus.Published, DraftJson = "{}", CurrentVersion = 1, CreatedAt = start, UpdatedAt = start };
        db.Surveys.AddRange(survey, surveyB);
        db.SaveChanges();
        var n = 0;
        foreach (var at in times)
        {
            n++;
            var unit = places[random.Next(places.Length)];
            if (unit.Id == merged.Id && at >= mergeUtc)
            {
                unit = tree.CommuneA1;
            }

            var severity = (Severity)random.Next(3);
            var answered = random.Next(4) != 0 ? at.AddHours(random.Next(1, 300)) : (DateTime?)null;
            var status = answered is null ? (random.Next(5) == 0 ? CaseStatus.Rejected : CaseStatus.InProgress) : CaseStatus.Answered;
            var kase = new Case
            {
                UnitId = unit.Id,
                Title = $"Vụ việc {n}",
                Description = "Mô tả",
                Severity = severity,
                Status = status,
                AgencyId = random.Next(3) == 0 ? null : agency.Id,
                CreatedAt = at,
                DueAt = random.Next(6) == 0 ? null : at.AddDays(5),
                AnsweredAt = answered,
            };
            db.Cases.Add(kase);
            db.Concerns.Add(new Concern
            {
                UnitId = unit.Id,
                Title = $"Phản ánh {n}",
                Description = "Nội dung",
                Source = (ConcernSource)random.Next(7),
                Status = (ConcernStatus)random.Next(4),
                DedupKey = $"seed-{n}",
                ReceivedAt = at.AddMinutes(-random.Next(0, 3)),
            });
            var day = DateOnly.FromDateTime(at.AddHours(7));
            var report = new OpinionReport { MemberId = filer, UnitId = unit.Id, PeriodStart = day, PeriodEnd = day.AddDays(6), SubmittedAt = at, IdempotencyKey = $"seed-{n}" };
            for (var i = random.Next(0, 4); i > 0; i--)
            {
                report.Streams.Add(new OpinionStream { Topic = topics[random.Next(topics.Count)], Summary = $"Người dân bàn {n}.{i}", Tendency = (Tendency)random.Next(4), Intensity = 3, Spread = Spread.Commune, Sources = OpinionSources.Meeting });
            }

            db.OpinionReports.Add(report);
            db.SurveyResponses.Add(new SurveyResponse { Id = $"r{n:D5}", SurveyId = unit.Id == tree.CommuneB1.Id ? surveyB.Id : survey.Id, Version = 1, UnitId = unit.Id, ReceivedOn = day });
            var post = new Post
            {
                UnitId = unit.Id,
                Title = $"Bài {n}",
                BodyHtml = "<p>x</p>",
                BodyText = "x",
                ContentHash = $"h{n}",
                AuthorId = "seed",
                LastEditorId = "seed",
                Status = random.Next(5) == 0 ? PostStatus.Draft : PostStatus.Published,
                CreatedAt = at,
                UpdatedAt = at,
                PublishedAt = at,
            };
            db.Posts.Add(post);
            foreach (var channel in new[] { "Portal", "Facebook" }.Take(random.Next(0, 3)))
            {
                metrics.Add((post, new PostMetric { UnitId = unit.Id, Channel = channel, Day = day.AddDays(random.Next(0, 20)), Views = 10, Reach = random.Next(0, 1000), Reactions = random.Next(0, 50), Comments = random.Next(0, 9), Shares = random.Next(0, 5), LinkClicks = 1 }));
            }

            db.Claims.Add(new Claim { UnitId = unit.Id, Text = $"Tin đồn {n}", Status = ClaimStatus.Open, CreatedAt = at, UpdatedAt = at, PublishedAt = random.Next(3) == 0 ? at.AddDays(4) : null, Verdict = random.Next(2) == 0 ? Verdict.False : null });
            db.Stories.Add(new Story { UnitId = unit.Id, Title = $"Sự việc {n}", FirstSeenAt = at, LastSeenAt = at.AddHours(3), ArticleCount = 2 });
            db.DialogueSessions.Add(new DialogueSession { UnitId = unit.Id, Title = $"Đối thoại {n}", StartsAt = at, HeldAt = random.Next(3) == 0 ? null : at, Status = DialogueStatus.Held, Officials = "Chủ tịch UBND: Trần Văn Minh", CreatedBy = "seed", CreatedAt = at });
            db.Alerts.Add(new Alert { UnitId = unit.Id, Kind = (AlertKind)random.Next(3), SubjectId = n, WindowStart = at, CreatedAt = at, ReasonVi = $"Tăng {n}", ReasonEn = $"Rise {n}" });
        }

        return metrics;
    }
}
