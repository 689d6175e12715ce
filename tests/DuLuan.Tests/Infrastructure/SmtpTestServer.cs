using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace DuLuan.Tests.Infrastructure;

public enum SmtpTestBehaviour
{
    Accept,
    RejectRecipients,

    /// <summary>Accepts the connection and never says a word (not even the greeting).</summary>
    NeverAnswer,
}

/// <summary>A real SMTP server on 127.0.0.1 speaking enough RFC 5321 for SmtpClient, recording every message.</summary>
public sealed class SmtpTestServer : IAsyncDisposable
{
    private static readonly Encoding Wire = Encoding.Latin1; // one char per byte, so 8-bit data survives until decoded
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stop = new();
    private readonly ConcurrentQueue<ReceivedMail> messages = new();
    private readonly SmtpTestBehaviour behaviour;
    private readonly Task acceptLoop;

    public SmtpTestServer(SmtpTestBehaviour behaviour = SmtpTestBehaviour.Accept)
    {
        this.behaviour = behaviour;
        listener.Start();
        acceptLoop = AcceptAsync();
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    public IReadOnlyList<ReceivedMail> Messages => [.. messages];

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        try
        {
            await acceptLoop;
        }
        catch (OperationCanceledException)
        {
        }
        stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        var sessions = new List<Task>();
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var client = await listener.AcceptTcpClientAsync(stop.Token);
                sessions.Add(ServeAsync(client));
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }
        await Task.WhenAll(sessions);
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        try
        {
            var stream = client.GetStream();
            if (behaviour == SmtpTestBehaviour.NeverAnswer)
            {
                await Task.Delay(Timeout.Infinite, stop.Token);
                return;
            }
            using var reader = new StreamReader(stream, Wire);
            await using var writer = new StreamWriter(stream, Wire) { NewLine = "\r\n", AutoFlush = true };
            await writer.WriteLineAsync("220 localhost SmtpTestServer");
            string? from = null;
            var to = new List<string>();
            while (await reader.ReadLineAsync(stop.Token) is { } line)
            {
                var verb = (line.Length >= 4 ? line[..4] : line).ToUpperInvariant();
                switch (verb)
                {
                    case "EHLO":
                        await writer.WriteLineAsync("250-localhost");
                        await writer.WriteLineAsync("250 8BITMIME");
                        break;
                    case "HELO":
                        await writer.WriteLineAsync("250 localhost");
                        break;
                    case "MAIL":
                        from = Address(line);
                        to.Clear();
                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "RCPT" when behaviour == SmtpTestBehaviour.RejectRecipients:
                        await writer.WriteLineAsync("550 5.1.1 No such mailbox");
                        break;
                    case "RCPT":
                        to.Add(Address(line));
                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "DATA" when from is null || to.Count == 0:
                        await writer.WriteLineAsync("503 5.5.1 Need MAIL and RCPT first");
                        break;
                    case "DATA":
                        await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                        var raw = await ReadDataAsync(reader);
                        messages.Enqueue(new ReceivedMail(from, [.. to], raw));
                        from = null;
                        to.Clear();
                        await writer.WriteLineAsync("250 OK queued");
                        break;
                    case "RSET":
                        from = null;
                        to.Clear();
                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "NOOP":
                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "QUIT":
                        await writer.WriteLineAsync("221 Bye");
                        return;
                    default:
                        await writer.WriteLineAsync("502 5.5.2 Command not implemented");
                        break;
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or ObjectDisposedException)
        {
        }
    }

    private async Task<string> ReadDataAsync(StreamReader reader)
    {
        var data = new StringBuilder();
        while (await reader.ReadLineAsync(stop.Token) is { } line && line != ".")
        {
            data.Append(line.StartsWith('.') ? line[1..] : line).Append("\r\n"); // dot-unstuffing
        }
        return data.ToString();
    }

    private static string Address(string line)
    {
        var open = line.IndexOf('<', StringComparison.Ordinal);
        var close = line.IndexOf('>', StringComparison.Ordinal);
        return open >= 0 && close > open ? line[(open + 1)..close] : line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
    }
}
