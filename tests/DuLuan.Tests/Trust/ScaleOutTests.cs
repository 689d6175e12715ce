using DuLuan.Data;
using DuLuan.Features.Members;
using DuLuan.Features.Monitoring;
using DuLuan.Infrastructure.Mail;
using DuLuan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Tests.Trust;

/// <summary>Background jobs when several `duluan serve` instances share one database: no job's effect happens twice.</summary>
public sealed class ScaleOutTests
{
    /// <summary>Records mails; on the first one it lets a second instance's digest run in between (found by the scale-out review: both mailed).</summary>
    private sealed class InterleavingMail(Func<Task<int>> otherInstance) : IMailSender
    {
        public List<string> Sent { get; } = [];

        public int OtherInstanceSent { get; private set; } = -1;

        public bool IsEnabled => true;

        public async Task<MailSendResult> SendAsync(string to, string subject, string plainTextBody, string? htmlBody = null, CancellationToken cancellationToken = default)
        {
            if (OtherInstanceSent < 0)
            {
                OtherInstanceSent = await otherInstance();
            }

            Sent.Add(to);
            return new MailSendResult(MailSendStatus.Sent);
        }
    }

    private sealed class CountingMail(bool succeed) : IMailSender
    {
        public int Sent { get; private set; }

        public bool IsEnabled => true;

        public Task<MailSendResult> SendAsync(string to, string subject, string plainTextBody, string? htmlBody = null, CancellationToken cancellationToken = default)
        {
            Sent++;
            return Task.FromResult(new MailSendResult(succeed ? MailSendStatus.Sent : MailSendStatus.Failed, succeed ? null : "refused"));
        }
    }

    [Theory, Providers]
    public async Task Two_instances_sending_the_alert_digest_at_once_mail_each_alert_once(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await app.AddMemberAsync("bien-tap@scale.example.vn", app.Tree.CommuneA1, Role.Editor);
        await app.WithDbAsync(async db =>
        {
            for (var i = 0; i < 3; i++)
            {
                db.Alerts.Add(new Alert { UnitId = app.Tree.CommuneA1.Id, Kind = AlertKind.Topic, SubjectId = i + 1, WindowStart = DateTime.UtcNow.Date, CreatedAt = DateTime.UtcNow.AddMinutes(-i), ReasonVi = $"Cảnh báo {i}", ReasonEn = $"Alert {i}" });
            }

            return await db.SaveChangesAsync();
        });

        // A failing mail server gives the alerts back for the next run.
        var refused = new CountingMail(succeed: false);
        Assert.Equal(0, await app.WithDbAsync(db => new AlertDigest(db, refused, TimeProvider.System).SendAsync()));
        Assert.Equal(1, refused.Sent);
        Assert.Equal(3, await app.WithDbAsync(db => db.Alerts.CountAsync(a => a.MailedAt == null)));

        var second = new CountingMail(succeed: true);
        var first = new InterleavingMail(() => app.WithDbAsync(db => new AlertDigest(db, second, TimeProvider.System).SendAsync()));
        var sent = await app.WithDbAsync(db => new AlertDigest(db, first, TimeProvider.System).SendAsync());

        Assert.Equal(1, sent);
        Assert.Single(first.Sent);
        Assert.Equal(0, first.OtherInstanceSent);
        Assert.Equal(0, second.Sent);
        Assert.Equal(0, await app.WithDbAsync(db => db.Alerts.CountAsync(a => a.MailedAt == null)));
        Assert.Equal(0, await app.WithDbAsync(db => new AlertDigest(db, new CountingMail(true), TimeProvider.System).SendAsync()));
    }
}
