using System.Net;
using System.Net.Http;
using System.Net.Sockets;

namespace DuLuan.Features.Monitoring.Ingest;

public sealed class BlockedAddressException(string host, IPAddress? address)
    : Exception($"Refused to connect to {host} ({address?.ToString() ?? "no address"}): not a public address")
{
    public string Host { get; } = host;
    public IPAddress? Address { get; } = address;
}

/// <summary>
/// The ConnectCallback of the fetcher's handler. The host is resolved here and the socket is
/// opened to the very address that was checked, so neither a redirect nor a DNS answer that
/// changes between check and use (rebinding) can reach an internal address.
/// </summary>
internal sealed class GuardedConnector(FeedFetcherOptions options)
{
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken ct)
    {
        var host = context.DnsEndPoint.Host;
        var port = context.DnsEndPoint.Port;
        var allowListed = AddressPolicy.IsAllowListed(options.AllowedHosts, host, port);
        IPAddress[] addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(host, ct);
        var candidates = allowListed ? addresses : addresses.Where(AddressPolicy.IsPublic).ToArray();
        if (candidates.Length == 0)
        {
            throw new BlockedAddressException(host, addresses.FirstOrDefault());
        }
        using var connectTimeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        connectTimeout.CancelAfter(options.ConnectTimeout);
        SocketException? last = null;
        foreach (var address in candidates)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, port), connectTimeout.Token);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException ex)
            {
                socket.Dispose();
                last = ex;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }
        throw last!;
    }
}
