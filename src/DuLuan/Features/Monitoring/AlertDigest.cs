using System.Text;
using DuLuan.Data;
using DuLuan.Features.Members;
using DuLuan.Infrastructure.Mail;
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
        if (!mail.IsEnabled) return 0;
        var now = clock.GetUtcNow().UtcDateTime;
        var since = now.AddDays(-2);
        var pending = await db.Alerts.Where(a => a.MailedAt == null && a.CreatedAt >= since).OrderBy(a => a.CreatedAt).ToListAsync(ct);
        var sent = 0;
        foreach (var unit in pending.GroupBy(a => a.UnitId))
        {
            var unitName = await db.Units.Where(u => u.Id == unit.Key).Select(u => u.Name).SingleAsync(ct);
            var recipients = await db.Memberships
                .Where(m => m.UnitId == unit.Key && (m.Role == Role.Editor || m.Role == Role.Lead || m.Role == Role.Admin))
                .Join(db.Users, m => m.MemberId, u => u.Id, (m, u) => u)
                .Where(u => !u.Disabled && u.Email != null && u.EmailConfirmed)
                .Select(u => u.Email!)
                .Distinct()
                .ToListAsync(ct);
            var alerts = unit.ToList();
            var subject = $"[DuLuan] {alerts.Count} cảnh báo theo dõi tin tức — {unitName}";
            var body = new StringBuilder()
                .AppendLine("Đơn vị: " + unitName).AppendLine()
                .AppendJoin(Environment.NewLine, alerts.Select(a => "• " + a.ReasonVi)).AppendLine().AppendLine()
                .AppendLine("— English —")
                .AppendJoin(Environment.NewLine, alerts.Select(a => "• " + a.ReasonEn)).AppendLine()
                .ToString();
            var allSent = true;
            foreach (var to in recipients)
            {
                var result = await mail.SendAsync(to, subject, body, null, ct);
                allSent &= result.Succeeded;
                if (result.Succeeded) sent++;
            }
            if (!allSent) continue;
            foreach (var alert in alerts) alert.MailedAt = now;
            await db.SaveChangesAsync(ct);
        }
        return sent;
    }
}
