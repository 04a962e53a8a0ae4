namespace GeoEdge.MeasuredBoot;

/// <summary>EV_S_CRTM_VERSION: the version of the static root of trust, a UTF-16 or ASCII string or a GUID.</summary>
public sealed record ScrtmVersionEvent(string Version) : DecodedEvent
{
    public override string Describe() => $"S-CRTM version {Version}";
}
