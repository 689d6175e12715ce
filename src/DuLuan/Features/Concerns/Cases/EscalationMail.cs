using System.Text;
using DuLuan.Data;
using DuLuan.Features.Members;
using DuLuan.Infrastructure.Mail;
using DuLuan.Infrastructure.Text;
using DuLuan.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Concerns.Cases;

/// <summary>
/// Mails the sweep's digest to the leads of each notified unit (the responsible agency and the parent
/// of the place): one message per lead per sweep, listing the cases, never one message per case.
/// </summary>
public sealed class EscalationMail(AppDbContext db, IMailSender mail, OfficeTime office)
{
    /// <summary>Cases listed per unit in one digest; the rest are counted.</summary>
    public const int ListedPerUnit = 20;

    public sealed record Digest(long UnitId, string UnitName, int Count, IReadOnlyList<string> Lines);

    public async Task<int> SendAsync(DateTime flaggedAt, CancellationToken cancellationToken = default)
    {
        if (!mail.IsEnabled)
        {
            return 0;
        }

        var flagged = db.Cases.AsNoTracking().Where(c => c.OverdueSince == flaggedAt);
        var rows = await flagged
            .Select(c => new { c.Id, c.Title, c.DueAt, Responsible = c.AgencyId ?? c.UnitId, Parent = db.Units.Where(u => u.Id == c.UnitId).Select(u => u.ParentId).FirstOrDefault() })
            .OrderBy(c => c.DueAt).ThenBy(c => c.Id)
            .Take(5000)
            .ToListAsync(cancellationToken);
        var byUnit = rows.Select(r => (Unit: r.Responsible, Row: r))
            .Concat(rows.Where(r => r.Parent != null).Select(r => (Unit: r.Parent!.Value, Row: r)))
            .GroupBy(x => x.Unit)
            .ToDictionary(g => g.Key, g => g.Select(x => x.Row).ToList());
        if (byUnit.Count == 0)
        {
            return 0;
        }

        var unitIds = byUnit.Keys.ToList();
        var names = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, cancellationToken);
        var leads = await db.Memberships.AsNoTracking()
            .Where(m => unitIds.Contains(m.UnitId) && m.Role == Role.Lead && !m.Member!.Disabled && m.Member.Email != null)
            .Select(m => new { m.UnitId, Email = m.Member!.Email! })
            .ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var recipient in leads.GroupBy(l => l.Email, StringComparer.OrdinalIgnoreCase))
        {
            var body = new StringBuilder();
            body.Append(new Message("Cases.Mail.Overdue.Head", VietnameseFormat.DateTime(office.Now.DateTime)).Vietnamese).Append('\n');
            var total = 0;
            foreach (var unitId in recipient.Select(l => l.UnitId).Distinct().Order())
            {
                var cases = byUnit[unitId];
                total += cases.Count;
                body.Append('\n').Append(new Message("Cases.Mail.Overdue.Unit", names[unitId], cases.Count).Vietnamese).Append('\n');
                foreach (var c in cases.Take(ListedPerUnit))
                {
                    body.Append("  ").Append(new Message("Cases.Mail.Overdue.Case", c.Id, c.Title, office.Text(c.DueAt, "-")).Vietnamese).Append('\n');
                }

                if (cases.Count > ListedPerUnit)
                {
                    body.Append("  ").Append(new Message("Cases.Mail.Overdue.More", cases.Count - ListedPerUnit).Vietnamese).Append('\n');
                }
            }

            var subject = new Message("Cases.Mail.Overdue.Subject", total).Vietnamese;
            if ((await mail.SendAsync(recipient.Key, subject, body.ToString(), cancellationToken: cancellationToken)).Succeeded)
            {
                sent++;
            }
        }

        return sent;
    }
}
