using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace GeoEdge.Geolocation;

/// <summary>
/// CAMARA "Device": one or more identifiers of the device whose location is verified. With a
/// two-legged (client credentials) token the device must be named; the host's SIM MSISDN is the usual one.
/// </summary>
public sealed partial record CamaraDevice(
    string? PhoneNumber = null,
    string? NetworkAccessIdentifier = null,
    CamaraIpv4Address? Ipv4Address = null,
    string? Ipv6Address = null)
{
    /// <summary>E.164 with the leading '+', as CAMARA's PhoneNumber schema requires.</summary>
    [GeneratedRegex(@"^\+[1-9][0-9]{4,14}$")]
    private static partial Regex E164();

    /// <exception cref="ArgumentException">no identifier, or one not in CAMARA's format.</exception>
    public void Validate()
    {
        if (PhoneNumber is null && NetworkAccessIdentifier is null && Ipv4Address is null && Ipv6Address is null)
            throw new ArgumentException("a CAMARA device needs at least one identifier", nameof(CamaraDevice));
        if (PhoneNumber is not null && !E164().IsMatch(PhoneNumber))
            throw new ArgumentException("phoneNumber must be E.164 with a leading '+', e.g. +34600000000", nameof(PhoneNumber));
        if (NetworkAccessIdentifier is not null && (NetworkAccessIdentifier.Length is 0 or > 256 || NetworkAccessIdentifier.Any(char.IsControl)))
            throw new ArgumentException("networkAccessIdentifier must be 1-256 printable characters", nameof(NetworkAccessIdentifier));
        Ipv4Address?.Validate();
        if (Ipv6Address is not null && !(IPAddress.TryParse(Ipv6Address, out var v6) && v6.AddressFamily == AddressFamily.InterNetworkV6))
            throw new ArgumentException("ipv6Address must be an IPv6 address", nameof(Ipv6Address));
    }
}

/// <summary>
/// CAMARA "DeviceIpv4Addr": the public address with the private address or the public port (behind NAT
/// the public address alone does not identify a device).
/// </summary>
public sealed record CamaraIpv4Address(string PublicAddress, string? PrivateAddress = null, int? PublicPort = null)
{
    internal void Validate()
    {
        IPv4(PublicAddress, nameof(PublicAddress));
        if (PrivateAddress is not null) IPv4(PrivateAddress, nameof(PrivateAddress));
        if (PrivateAddress is null && PublicPort is null)
            throw new ArgumentException("an IPv4 device identifier needs privateAddress or publicPort besides publicAddress", nameof(PublicPort));
        if (PublicPort is < 0 or > 65535) throw new ArgumentOutOfRangeException(nameof(PublicPort), PublicPort, "must be 0-65535");
    }

    private static void IPv4(string? text, string name)
    {
        if (text is null || !IPAddress.TryParse(text, out var address) || address.AddressFamily != AddressFamily.InterNetwork || address.ToString() != text)
            throw new ArgumentException("must be a dotted-quad IPv4 address", name);
    }
}
