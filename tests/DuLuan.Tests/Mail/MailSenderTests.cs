using DuLuan.Infrastructure.Mail;
using DuLuan.Tests.Infrastructure;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DuLuan.Tests.Mail;

public class MailSenderTests
{
    // Vietnamese with both composed letters and an NFD sequence, so nothing is silently normalised on the way.
    private const string Subject = "Ph\u1EA3n h\u1ED3i v\u1EC1 \u0111\u01B0\u1EDDng \u1EDF \u0110\u00E0 N\u1EB5ng (ph\u01B0\u1EDDng Ho\u00E0 Kh\u00E1nh) \u2014 s\u1ED1 12/2026";
    private const string Body = "K\u00EDnh g\u1EEDi \u00F4ng/b\u00E0,\r\n\r\n.D\u00F2ng b\u1EAFt \u0111\u1EA7u b\u1EB1ng d\u1EA5u ch\u1EA5m.\r\nHo\u00E0 v\u00E0 ho\u0300a.\r\n";

    private static IMailSender Sender(Action<Dictionary<string, string?>> configure)
    {
        var values = new Dictionary<string, string?>
        {
            ["Mail:Host"] = "127.0.0.1",
            ["Mail:From"] = "tiepnhan@danang.gov.vn",
            ["Mail:FromName"] = "B\u1ED9 ph\u1EADn ti\u1EBFp nh\u1EADn",
            ["Mail:UseStartTls"] = "false",
        };
        configure(values);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection()
            .AddLogging(b => b.AddProvider(new TestOutputLoggerProvider()))
            .AddMail(configuration)
            .BuildServiceProvider();
        return services.GetRequiredService<IMailSender>();
    }

    [Fact]
    public async Task Vietnamese_subject_and_bodies_arrive_intact()
    {
        await using var server = new SmtpTestServer();
        var sender = Sender(v => v["Mail:Port"] = server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var html = "<p>K\u00EDnh g\u1EEDi <b>\u00F4ng/b\u00E0</b></p>";

        var result = await sender.SendAsync("nguoidan@example.vn", Subject, Body, html, TestContext.Current.CancellationToken);

        Assert.Equal(MailSendStatus.Sent, result.Status);
        var mail = Assert.Single(server.Messages);
        Assert.Equal("tiepnhan@danang.gov.vn", mail.From);
        Assert.Equal(["nguoidan@example.vn"], mail.To);
        Assert.Equal(Subject, mail.Subject);
        Assert.Equal(Body, mail.TextBody);
        Assert.Equal(html, mail.HtmlBody);
        Assert.Contains("B\u1ED9 ph\u1EADn ti\u1EBFp nh\u1EADn", ReceivedMail.DecodeWords(mail.Headers["From"]), StringComparison.Ordinal);
        Assert.DoesNotContain("\u1EA3", mail.Raw, StringComparison.Ordinal); // encoded on the wire, never raw
    }

    [Fact]
    public async Task Plain_text_only_message_has_no_html_part()
    {
        await using var server = new SmtpTestServer();
        var sender = Sender(v => v["Mail:Port"] = server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var result = await sender.SendAsync("a@example.vn", "Xin ch\u00E0o", "N\u1ED9i dung", cancellationToken: TestContext.Current.CancellationToken);
        Assert.True(result.Succeeded);
        var mail = Assert.Single(server.Messages);
        Assert.Equal("N\u1ED9i dung", mail.TextBody);
        Assert.Null(mail.HtmlBody);
    }

    [Fact]
    public async Task Refused_recipient_is_a_failure_result_not_an_exception()
    {
        await using var server = new SmtpTestServer(SmtpTestBehaviour.RejectRecipients);
        var sender = Sender(v => v["Mail:Port"] = server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var result = await sender.SendAsync("khongco@example.vn", Subject, Body, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(MailSendStatus.Failed, result.Status);
        Assert.False(string.IsNullOrWhiteSpace(result.Error));
        Assert.Empty(server.Messages);
    }

    [Fact]
    public async Task Silent_server_times_out_with_a_failure_result()
    {
        await using var server = new SmtpTestServer(SmtpTestBehaviour.NeverAnswer);
        var sender = Sender(v =>
        {
            v["Mail:Port"] = server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
            v["Mail:Timeout"] = "00:00:01";
        });
        var result = await sender.SendAsync("a@example.vn", Subject, Body, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(MailSendStatus.Failed, result.Status);
        Assert.Matches("timed out|did not answer", result.Error);
    }

    [Fact]
    public async Task Nobody_listening_and_bad_addresses_are_failure_results()
    {
        int closedPort;
        await using (var server = new SmtpTestServer())
        {
            closedPort = server.Port;
        }

        var sender = Sender(v => v["Mail:Port"] = closedPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(MailSendStatus.Failed, (await sender.SendAsync("a@example.vn", "s", "b", cancellationToken: TestContext.Current.CancellationToken)).Status);
        Assert.Equal(MailSendStatus.Failed, (await sender.SendAsync("not an address", "s", "b", cancellationToken: TestContext.Current.CancellationToken)).Status);
        Assert.Equal(MailSendStatus.Failed, (await sender.SendAsync("a@b.vn\r\nBcc: x@y.vn", "s", "b", cancellationToken: TestContext.Current.CancellationToken)).Status);
    }

    [Fact]
    public async Task Empty_host_disables_mail()
    {
        var sender = Sender(v => v["Mail:Host"] = "");
        Assert.False(sender.IsEnabled);
        var result = await sender.SendAsync("a@example.vn", "s", "b", cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(MailSendStatus.Disabled, result.Status);
    }

    [Fact]
    public void Invalid_settings_fail_at_start()
    {
        var sender = () => Sender(v => v["Mail:From"] = "not-an-address");
        var options = new ServiceCollection()
            .AddMail(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Mail:Host"] = "smtp.x.vn", ["Mail:Port"] = "0", ["Mail:From"] = "a@x.vn" }).Build())
            .BuildServiceProvider()
            .GetRequiredService<IOptions<MailOptions>>();
        Assert.Throws<OptionsValidationException>(() => options.Value);
        Assert.Throws<OptionsValidationException>(() => ((SmtpMailSender)sender()).IsEnabled);
    }
}
