namespace DuLuan.Infrastructure.Mail;

public enum MailSendStatus
{
    Sent,
    Disabled,
    Failed,
}

/// <param name="Error">Why sending failed, for logs and the operator; never contains the message body.</param>
public sealed record MailSendResult(MailSendStatus Status, string? Error = null)
{
    public bool Succeeded => Status == MailSendStatus.Sent;
}

/// <summary>Sends one message. Never throws for a mail problem (bad address, refused, timeout): it returns a failed result
/// and logs it. Only cancellation by the caller's token propagates.</summary>
public interface IMailSender
{
    bool IsEnabled { get; }

    Task<MailSendResult> SendAsync(string to, string subject, string plainTextBody, string? htmlBody = null, CancellationToken cancellationToken = default);
}
