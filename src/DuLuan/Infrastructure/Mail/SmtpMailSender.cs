using System.Net;
using System.Net.Mail;
using System.Net.Mime;
using System.Text;
using Microsoft.Extensions.Options;

namespace DuLuan.Infrastructure.Mail;

/// <summary>SMTP through the BCL client, everything UTF-8 (subject as RFC 2047 base64, bodies base64) so Vietnamese survives any relay.</summary>
public sealed partial class SmtpMailSender(IOptions<MailOptions> options, ILogger<SmtpMailSender> logger) : IMailSender
{
    private readonly MailOptions settings = options.Value;

    public bool IsEnabled => settings.IsEnabled;

    public async Task<MailSendResult> SendAsync(string to, string subject, string plainTextBody, string? htmlBody = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(to);
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(plainTextBody);
        if (!settings.IsEnabled)
        {
            return new MailSendResult(MailSendStatus.Disabled, "Mail is not configured (Mail:Host is empty).");
        }

        if (!MailAddress.TryCreate(to, out var recipient))
        {
            return Fail(to, "the recipient is not an e-mail address", null);
        }

        using var message = new MailMessage
        {
            From = new MailAddress(settings.From, settings.FromName, Encoding.UTF8),
            Subject = subject.ReplaceLineEndings(" "),
            SubjectEncoding = Encoding.UTF8,
            HeadersEncoding = Encoding.UTF8,
            Body = plainTextBody,
            BodyEncoding = Encoding.UTF8,
            BodyTransferEncoding = TransferEncoding.Base64,
            IsBodyHtml = false,
        };
        message.To.Add(recipient);
        if (htmlBody is not null)
        {
            var html = AlternateView.CreateAlternateViewFromString(htmlBody, Encoding.UTF8, MediaTypeNames.Text.Html);
            html.TransferEncoding = TransferEncoding.Base64;
            message.AlternateViews.Add(html);
        }

        using var client = new SmtpClient(settings.Host, settings.Port)
        {
            DeliveryMethod = SmtpDeliveryMethod.Network,
            EnableSsl = settings.UseStartTls,
            Timeout = (int)settings.Timeout.TotalMilliseconds,
        };
        if (!string.IsNullOrEmpty(settings.UserName))
        {
            client.Credentials = new NetworkCredential(settings.UserName, settings.Password);
        }

        // SmtpClient.Timeout only covers synchronous sends; the async send honours a token.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.Timeout);
        try
        {
            await client.SendMailAsync(message, timeout.Token);
            return new MailSendResult(MailSendStatus.Sent);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Fail(to, $"the mail server did not answer within {settings.Timeout.TotalSeconds:0.#} s", null);
        }
        catch (Exception ex) when (ex is SmtpException or IOException or InvalidOperationException or FormatException or System.Security.Authentication.AuthenticationException)
        {
            return Fail(to, ex.Message, ex);
        }
    }

    private MailSendResult Fail(string to, string reason, Exception? exception)
    {
        // The recipient may be a resident: log only the domain.
        var at = to.LastIndexOf('@');
        LogFailed(logger, exception, settings.Host, settings.Port, at >= 0 ? to[(at + 1)..] : "?", reason);
        return new MailSendResult(MailSendStatus.Failed, reason);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Sending mail through {Host}:{Port} to a recipient at {Domain} failed: {Reason}")]
    private static partial void LogFailed(ILogger logger, Exception? exception, string host, int port, string domain, string reason);
}
