using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace GeoEdge.Hil.Rig.Camara;

/// <summary>
/// The Commonalities Device object: at least one of phoneNumber (E.164 with '+'),
/// networkAccessIdentifier, ipv4Address (publicAddress plus privateAddress or publicPort) and
/// ipv6Address. Every identifier present is checked, even those this operator cannot use; a
/// malformed one is 400 INVALID_ARGUMENT (test plan C01.02).
/// </summary>
internal static class DeviceIdentifierRules
{
    public static RequestedDevice Parse(JsonElement element)
    {
        var device = VerifyRequestParser.RequireObject(element, "device");
        if (!device.EnumerateObject().Any()) throw CamaraError.InvalidArgument("device must contain at least one identifier");
        var phone = OptionalString(device, "phoneNumber");
        if (phone is not null && !IsPhoneNumber(phone))
            throw CamaraError.InvalidArgument("device.phoneNumber must match ^\\+[1-9][0-9]{4,14}$");
        var nai = OptionalString(device, "networkAccessIdentifier");
        if (nai is not null && nai.Length == 0) throw CamaraError.InvalidArgument("device.networkAccessIdentifier must not be empty");
        var ipv4 = device.TryGetProperty("ipv4Address", out var ipv4Element) ? ParseIpv4(ipv4Element) : null;
        var ipv6 = OptionalString(device, "ipv6Address");
        if (ipv6 is not null && !IsIpv6(ipv6)) throw CamaraError.InvalidArgument("device.ipv6Address is not an IPv6 address");
        return new RequestedDevice(phone, nai, ipv4, ipv6);
    }

    public static bool IsPhoneNumber(string value) =>
        value.Length is >= 6 and <= 16 && value[0] == '+' && value[1] is >= '1' and <= '9' && value.AsSpan(2).IndexOfAnyExceptInRange('0', '9') < 0;

    private static Ipv4Identifier ParseIpv4(JsonElement element)
    {
        var ipv4 = VerifyRequestParser.RequireObject(element, "device.ipv4Address");
        var publicAddress = OptionalString(ipv4, "publicAddress")
            ?? throw CamaraError.InvalidArgument("device.ipv4Address.publicAddress is required");
        var privateAddress = OptionalString(ipv4, "privateAddress");
        int? port = null;
        if (ipv4.TryGetProperty("publicPort", out var portElement))
        {
            if (portElement.ValueKind != JsonValueKind.Number || !portElement.TryGetInt32(out var value) || value is < 0 or > 65535)
                throw CamaraError.InvalidArgument("device.ipv4Address.publicPort must be an integer 0..65535");
            port = value;
        }
        if (!IsIpv4(publicAddress)) throw CamaraError.InvalidArgument("device.ipv4Address.publicAddress is not a dotted-quad IPv4 address");
        if (privateAddress is not null && !IsIpv4(privateAddress))
            throw CamaraError.InvalidArgument("device.ipv4Address.privateAddress is not a dotted-quad IPv4 address");
        if (privateAddress is null && port is null)
            throw CamaraError.InvalidArgument("device.ipv4Address needs privateAddress or publicPort besides publicAddress");
        return new Ipv4Identifier(publicAddress, privateAddress, port);
    }

    /// <summary>Strict dotted quad: four decimal octets 0..255 without leading zeros (IPAddress.Parse takes "1" or "0x7f.1").</summary>
    private static bool IsIpv4(string value)
    {
        var parts = value.Split('.');
        return parts.Length == 4 && parts.All(part =>
            part.Length is >= 1 and <= 3 && part.All(char.IsAsciiDigit) && (part.Length == 1 || part[0] != '0') && int.Parse(part) <= 255);
    }

    private static bool IsIpv6(string value) =>
        value.Length <= 45 && !value.Contains('%') && !value.Contains('/') && value.Contains(':')
        && IPAddress.TryParse(value, out var address) && address.AddressFamily == AddressFamily.InterNetworkV6;

    private static string? OptionalString(JsonElement parent, string name)
    {
        if (!parent.TryGetProperty(name, out var element)) return null;
        return element.ValueKind == JsonValueKind.String ? element.GetString()! : throw CamaraError.InvalidArgument($"device identifier field {name} must be a string");
    }
}
