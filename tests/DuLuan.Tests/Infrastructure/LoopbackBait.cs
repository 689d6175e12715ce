using System.Net;
using System.Net.Sockets;
using System.Text;

namespace DuLuan.Tests.Infrastructure;

/// <summary>
/// What a hostile Office file points at: a loopback TCP listener that counts every connection (and answers an SVG,
/// so a fetch would show in the output), and local files outside any work folder holding a unique marker: an SVG
/// whose text LibreOffice would draw into the PDF, a text file and an HTML page.
/// </summary>
public sealed class LoopbackBait : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stop = new();
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("duluan-bait-");
    private readonly Task loop;
    private int connections;

    public LoopbackBait()
    {
        // Letters and digits with no doubled neighbours, so pdftotext cannot merge two glyphs and hide a leak.
        var random = Convert.ToHexString(Guid.NewGuid().ToByteArray()).Where(char.IsAsciiLetterOrDigit).Aggregate(new StringBuilder(), (b, c) => b.Length > 0 && b[^1] == c ? b : b.Append(c));
        Marker = "DULUANLEAK" + random.ToString()[..12];
        File.WriteAllText(Path.Combine(folder.FullName, "marker.svg"), $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"600\" height=\"60\"><text x=\"5\" y=\"40\" font-size=\"24\" font-family=\"DejaVu Sans\">{Marker}</text></svg>");
        File.WriteAllText(Path.Combine(folder.FullName, "marker.txt"), Marker);
        File.WriteAllText(Path.Combine(folder.FullName, "marker.html"), $"<html><body><p>{Marker}</p><img src=\"{Url("chunk.svg")}\"></body></html>");
        listener.Start();
        loop = Task.Run(AcceptAsync);
    }

    public string Marker { get; }

    /// <summary>Connections the listener accepted so far.</summary>
    public int Requests => Volatile.Read(ref connections);

    public string Url(string path) => $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/{path}";

    /// <summary>A file:// address of one of the marker files (marker.svg, marker.txt, marker.html).</summary>
    public string FileUrl(string name) => new Uri(Path.Combine(folder.FullName, name)).AbsoluteUri;

    /// <summary>True when the marker shows in the raw bytes or, for a PDF, in its text (spaces removed).</summary>
    public bool Leaked(byte[] output)
    {
        if (Encoding.Latin1.GetString(output).Contains(Marker, StringComparison.Ordinal))
        {
            return true;
        }

        return output.AsSpan().StartsWith("%PDF-"u8) && string.Concat(Reports.DocxInspect.PdfText(output).Where(c => !char.IsWhiteSpace(c))).Contains(Marker, StringComparison.Ordinal);
    }

    private async Task AcceptAsync()
    {
        var svg = Encoding.UTF8.GetBytes($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"600\" height=\"60\"><text x=\"5\" y=\"40\" font-size=\"24\">{Marker}</text></svg>");
        while (!stop.IsCancellationRequested)
        {
            try
            {
                using var client = await listener.AcceptTcpClientAsync(stop.Token);
                Interlocked.Increment(ref connections);
                var stream = client.GetStream();
                var buffer = new byte[4096];
                _ = await stream.ReadAsync(buffer, stop.Token);
                var head = Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Type: image/svg+xml\r\nContent-Length: {svg.Length}\r\nConnection: close\r\n\r\n");
                await stream.WriteAsync(head, stop.Token);
                await stream.WriteAsync(svg, stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (ObjectDisposedException)
            {
                // Disposed before the first accept began (a test that never connects ends at once).
                return;
            }
            catch (IOException)
            {
                // The client hung up; the connection was counted.
            }
            catch (SocketException)
            {
                // Same.
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        await loop;
        stop.Dispose();
        folder.Delete(recursive: true);
    }
}
