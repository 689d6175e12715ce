using System.Net;
using System.Net.Sockets;

namespace DuLuan.Features.Monitoring.Ingest;

/// <summary>
/// Which IP addresses a feed may be fetched from: public unicast only. Refused: loopback,
/// unspecified, link-local (169.254/16 holds cloud metadata, fe80::/10), private (10/8,
/// 172.16/12, 192.168/16, fc00::/7), CGNAT 100.64/10, multicast, documentation, benchmarking
/// and reserved ranges; IPv6 forms that embed an IPv4 address are judged by that address.
/// </summary>
public static class AddressPolicy
{
    private static readonly (uint Network, int Bits)[] BlockedV4 =
    [
        (0x00000000, 8),    // 0.0.0.0/8 "this network"
        (0x0A000000, 8),    // 10/8
        (0x64400000, 10),   // 100.64/10 CGNAT
        (0x7F000000, 8),    // 127/8 loopback
        (0xA9FE0000, 16),   // 169.254/16 link-local, cloud metadata
        (0xAC100000, 12),   // 172.16/12
        (0xC0000000, 24),   // 192.0.0/24 IETF protocol assignments
        (0xC0000200, 24),   // 192.0.2/24 TEST-NET-1
        (0xC0586300, 24),   // 192.88.99/24 6to4 relay anycast
        (0xC0A80000, 16),   // 192.168/16
        (0xC6120000, 15),   // 198.18/15 benchmarking
        (0xC6336400, 24),   // 198.51.100/24 TEST-NET-2
        (0xCB007100, 24),   // 203.0.113/24 TEST-NET-3
        (0xE0000000, 4),    // 224/4 multicast
        (0xF0000000, 4),    // 240/4 reserved, broadcast
    ];

    public static bool IsPublic(IPAddress address)
    {
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            return IsPublicV4(address);
        }
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return false;
        }
        if (address.IsIPv4MappedToIPv6)
        {
            return IsPublicV4(address.MapToIPv4());
        }
        var b = address.GetAddressBytes();
        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.IPv6None) || address.Equals(IPAddress.IPv6Any))
        {
            return false;
        }
        if (b[0] == 0xFF                                 // ff00::/8 multicast
            || (b[0] & 0xFE) == 0xFC                     // fc00::/7 unique local
            || (b[0] == 0xFE && (b[1] & 0xC0) == 0x80)   // fe80::/10 link-local
            || (b[0] == 0xFE && (b[1] & 0xC0) == 0xC0)   // fec0::/10 old site-local
            || (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0D && b[3] == 0xB8) // 2001:db8::/32 documentation
            || (b[0] == 0x01 && b[1] == 0x00 && b.AsSpan(2, 6).IndexOfAnyExcept((byte)0) < 0)) // 100::/64 discard
        {
            return false;
        }
        if (b.AsSpan(0, 12).IndexOfAnyExcept((byte)0) < 0)
        {
            return IsPublicV4(new IPAddress(b.AsSpan(12, 4))); // ::a.b.c.d (deprecated compatible form)
        }
        if (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xFF && b[3] == 0x9B && b.AsSpan(4, 8).IndexOfAnyExcept((byte)0) < 0)
        {
            return IsPublicV4(new IPAddress(b.AsSpan(12, 4))); // 64:ff9b::/96 NAT64
        }
        if (b[0] == 0x20 && b[1] == 0x02)
        {
            return IsPublicV4(new IPAddress(b.AsSpan(2, 4))); // 2002::/16 6to4
        }
        return true;
    }

    private static bool IsPublicV4(IPAddress address)
    {
        var b = address.GetAddressBytes();
        var value = ((uint)b[0] << 24) | ((uint)b[1] << 16) | ((uint)b[2] << 8) | b[3];
        foreach (var (network, bits) in BlockedV4)
        {
            var mask = uint.MaxValue << (32 - bits);
            if ((value & mask) == network)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>True when the admin allow-list names this host, alone or with this port.</summary>
    public static bool IsAllowListed(ISet<string> allowedHosts, string host, int port)
    {
        if (allowedHosts.Count == 0)
        {
            return false;
        }
        var bare = host.Trim('[', ']');
        var withPort = bare.Contains(':', StringComparison.Ordinal) ? $"[{bare}]:{port}" : $"{bare}:{port}";
        return allowedHosts.Contains(bare) || allowedHosts.Contains(host) || allowedHosts.Contains(withPort)
            || allowedHosts.Contains($"{host}:{port}");
    }
}
