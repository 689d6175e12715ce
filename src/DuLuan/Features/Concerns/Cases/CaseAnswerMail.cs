using System.Globalization;
using DuLuan.Data;
using DuLuan.Features.Audit;
using DuLuan.Features.Concerns.Intake;
using DuLuan.Infrastructure.Mail;
using DuLuan.Infrastructure.Text;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Concerns.Cases;

/// <summary>
/// Tells each resident of a case's concerns who left an e-mail what happened to it: the answer, and every other step they
/// can see on the follow-up page (assigned, in progress, rejected, closed). Decrypting a contact is a personal-data read
/// and is audited, once per concern; with mail off nothing is decrypted, and a purged contact is never read. The text is
/// Vietnamese, then English.
/// </summary>
public sealed class CaseAnswerMail(AppDbContext db, ContactVault vault, IMailSender mail, AuditLog audit)
{
    /// <summary>Steps a resident is told about besides the answer; a reopening is theirs, so it is not mailed back.</summary>
    public static bool Mailed(CaseStatus status) => status is CaseStatus.Assigned or CaseStatus.InProgress or CaseStatus.Rejected or CaseStatus.Closed;

    public async Task<int> SendAsync(Case answered, CancellationToken cancellationToken = default)
    {
        if (answered.Answer is null)
        {
            return 0;
        }

        var subject = new Message("Cases.Mail.AnswerSubject", answered.PublicRef);
        var body = new Message("Cases.Mail.AnswerBody", answered.Title);
        return await MailResidentsAsync(answered, subject, body, answered.Answer, "contact: answer mailed", cancellationToken);
    }

    /// <summary>Mails a status step (see <see cref="Mailed"/>); other steps send nothing.</summary>
    public async Task<int> SendStatusAsync(Case changed, CancellationToken cancellationToken = default)
    {
        if (!Mailed(changed.Status))
        {
            return 0;
        }

        var subject = new Message("Cases.Mail.StatusSubject", changed.PublicRef);
        var body = new Message("Cases.Mail.StatusBody", changed.Title, new Message("Cases.Status." + changed.Status));
        return await MailResidentsAsync(changed, subject, body, null, "contact: status mailed", cancellationToken);
    }

    /// <summary><paramref name="said"/> is what the office wrote (the answer, in Vietnamese), quoted once under the Vietnamese text.</summary>
    private async Task<int> MailResidentsAsync(Case item, Message subject, Message body, string? said, string auditNote, CancellationToken cancellationToken)
    {
        if (!mail.IsEnabled)
        {
            return 0;
        }

        var contacts = await db.Concerns.AsNoTracking()
            .Where(c => c.CaseId == item.Id && c.ContactProtected != null)
            .Select(c => new { c.Id, c.UnitId, c.ContactProtected, Code = db.Units.Where(u => u.Id == c.UnitId).Select(u => u.Code).FirstOrDefault() })
            .ToListAsync(cancellationToken);
        var sent = 0;
        var recipients = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in contacts)
        {
            var contact = vault.Unprotect(row.ContactProtected!);
            audit.Add(AuditActions.PersonalDataRead, row.UnitId, $"concern:{row.Id.ToString(CultureInfo.InvariantCulture)}", auditNote);
            if (contact.Email is not { } email || !recipients.Add(email))
            {
                continue;
            }

            var followUp = row.Code is null ? "/" : FollowUpModel.PathFor(row.Code);
            var links = new Message("Cases.Mail.Links", $"/vu-viec/{item.PublicRef}", followUp);
            var quoted = said is null ? string.Empty : $"\n\n{said}";
            var text = $"{body.Vietnamese}{quoted}\n\n{links.Vietnamese}\n\n---\n\n{body.English}\n\n{links.English}\n";
            if ((await mail.SendAsync(email, $"{subject.Vietnamese} / {subject.English}", text, cancellationToken: cancellationToken)).Succeeded)
            {
                sent++;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return sent;
    }
}
