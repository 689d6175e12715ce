namespace DuLuan.Infrastructure.Mail;

/// <summary>Configuration section <c>Mail</c>. An empty <see cref="Host"/> turns mail off.</summary>
public sealed class MailOptions
{
    public const string Section = "Mail";

    public string Host { get; set; } = "";

    public int Port { get; set; } = 587;

    public string From { get; set; } = "";

    public string FromName { get; set; } = "";

    public string UserName { get; set; } = "";

    public string Password { get; set; } = "";

    /// <summary>STARTTLS after connecting (port 587). SmtpClient cannot do implicit TLS on port 465.</summary>
    public bool UseStartTls { get; set; } = true;

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    public bool IsEnabled => !string.IsNullOrWhiteSpace(Host);

    internal string? Problem()
    {
        if (!IsEnabled)
        {
            return null;
        }

        if (Port is < 1 or > 65535)
        {
            return "Mail:Port must be between 1 and 65535.";
        }

        if (string.IsNullOrWhiteSpace(From) || !System.Net.Mail.MailAddress.TryCreate(From, out _))
        {
            return "Mail:From must be an e-mail address when Mail:Host is set.";
        }

        if (Timeout <= TimeSpan.Zero)
        {
            return "Mail:Timeout must be positive.";
        }

        return null;
    }
}
