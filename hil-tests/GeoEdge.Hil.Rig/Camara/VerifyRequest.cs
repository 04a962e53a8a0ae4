namespace GeoEdge.Hil.Rig.Camara;

/// <summary>A schema-valid VerifyLocationRequest; only a CIRCLE area exists in v3.</summary>
internal sealed record VerifyRequest(RequestedDevice? Device, double Latitude, double Longitude, double RadiusMeters, long? MaxAgeSeconds);

/// <summary>The Device object: at least one property, any subset of the four identifiers.</summary>
internal sealed record RequestedDevice(string? PhoneNumber, string? NetworkAccessIdentifier, Ipv4Identifier? Ipv4Address, string? Ipv6Address)
{
    public int IdentifierCount =>
        (PhoneNumber is null ? 0 : 1) + (NetworkAccessIdentifier is null ? 0 : 1) + (Ipv4Address is null ? 0 : 1) + (Ipv6Address is null ? 0 : 1);
}

/// <summary>DeviceIpv4Addr: publicAddress plus privateAddress or publicPort.</summary>
internal sealed record Ipv4Identifier(string PublicAddress, string? PrivateAddress, int? PublicPort);
