using System.Globalization;
using DuLuan.Data;
using DuLuan.Features.Audit;
using DuLuan.Features.Concerns.Intake;
using DuLuan.Infrastructure.Mail;
using DuLuan.Infrastructure.Text;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Concerns.Cases;

/// <summary>
/// Sends a case's answer to each resident of its concerns who left an e-mail. Decrypting a contact is a
/// personal-data read and is audited, once per concern; with mail off nothing is decrypted.
/// </summary>
public sealed class CaseAnswerMail(AppDbContext db, ContactVault vault, IMailSender mail, AuditLog audit)
{
    public async Task<int> SendAsync(Case answered, CancellationToken cancellationToken = default)
    {
        if (!mail.IsEnabled || answered.Answer is null)
        {
            return 0;
        }

        var contacts = await db.Concerns.AsNoTracking()
            .Where(c => c.CaseId == answered.Id && c.ContactProtected != null)
            .Select(c => new { c.Id, c.UnitId, c.ContactProtected })
            .ToListAsync(cancellationToken);
        var sent = 0;
        var recipients = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in contacts)
        {
            var contact = vault.Unprotect(row.ContactProtected!);
            audit.Add(AuditActions.PersonalDataRead, row.UnitId, $"concern:{row.Id.ToString(CultureInfo.InvariantCulture)}", "contact: answer mailed");
            if (contact.Email is not { } email || !recipients.Add(email))
            {
                continue;
            }

            var subject = new Message("Cases.Mail.Answer.Subject", answered.Id).Vietnamese;
            var body = $"{new Message("Cases.Mail.Answer.Body", answered.Title).Vietnamese}\n\n{answered.Answer}\n\n{new Message("Cases.Mail.Answer.Follow", answered.PublicRef).Vietnamese}\n";
            if ((await mail.SendAsync(email, subject, body, cancellationToken: cancellationToken)).Succeeded)
            {
                sent++;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return sent;
    }
}
