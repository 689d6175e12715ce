using System.Text;
using DuLuan.Data;
using DuLuan.Features.Members;
using DuLuan.Infrastructure.Mail;
using DuLuan.Infrastructure.Text;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Monitoring;

/// <summary>
/// Mails the alerts not yet mailed as one digest per unit to its editors, leads and admins, so a busy day gives
/// each person one message, not fifty. Alerts stay unmailed (and are tried again) while sending fails.
/// </summary>
public sealed class AlertDigest(AppDbContext db, IMailSender mail, TimeProvider clock)
{
    public async Task<int> SendAsync(CancellationToken ct = default)
    {
        if (!mail.IsEnabled)
        {
            return 0;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var since = now.AddDays(-2);
        var units = await db.Alerts.Where(a => a.MailedAt == null && a.CreatedAt >= since).Select(a => a.UnitId).Distinct().ToListAsync(ct);
        var sent = 0;
        foreach (var unitId in units)
        {
            // Several instances run this job: each claims a unit's pending alerts with its own instant (microseconds
            // added at random) in one UPDATE, so only one instance mails them. A failed send gives them back.
            var stamp = new DateTime(now.Ticks - (now.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc).AddTicks(Random.Shared.Next(1, 1000) * 10L);
            var claimed = await db.Alerts.Where(a => a.UnitId == unitId && a.MailedAt == null && a.CreatedAt >= since)
                .ExecuteUpdateAsync(x => x.SetProperty(a => a.MailedAt, stamp), ct);
            if (claimed == 0)
            {
                continue;
            }

            var alerts = await db.Alerts.AsNoTracking().Where(a => a.UnitId == unitId && a.MailedAt == stamp).OrderBy(a => a.CreatedAt).ToListAsync(ct);
            var unitName = await db.Units.Where(u => u.Id == unitId).Select(u => u.Name).SingleAsync(ct);
            var recipients = await db.Memberships
                .Where(m => m.UnitId == unitId && (m.Role == Role.Editor || m.Role == Role.Lead || m.Role == Role.Admin))
                .Join(db.Users, m => m.MemberId, u => u.Id, (m, u) => u)
                .Where(u => !u.Disabled && u.Email != null && u.EmailConfirmed)
                .Select(u => u.Email!)
                .Distinct()
                .ToListAsync(ct);
            var subject = new Message("Monitoring.Digest.Subject", alerts.Count, unitName).Vietnamese;
            var body = new StringBuilder()
                .AppendLine(new Message("Monitoring.Digest.Unit", unitName).Vietnamese).AppendLine()
                .AppendJoin(Environment.NewLine, alerts.Select(a => "• " + a.ReasonVi)).AppendLine().AppendLine()
                .AppendLine("— English —")
                .AppendJoin(Environment.NewLine, alerts.Select(a => "• " + a.ReasonEn)).AppendLine()
                .ToString();
            var allSent = true;
            foreach (var to in recipients)
            {
                var result = await mail.SendAsync(to, subject, body, null, ct);
                allSent &= result.Succeeded;
                if (result.Succeeded)
                {
                    sent++;
                }
            }
            if (!allSent)
            {
                await db.Alerts.Where(a => a.UnitId == unitId && a.MailedAt == stamp).ExecuteUpdateAsync(x => x.SetProperty(a => a.MailedAt, (DateTime?)null), CancellationToken.None);
            }
        }
        return sent;
    }
}
