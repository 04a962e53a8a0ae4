namespace GeoEdge.MeasuredBoot;

/// <summary>A boot policy (or Keylime reference state) that cannot be used; <see cref="Field"/> names the member, e.g. "scrtm[2]".</summary>
public sealed class BootPolicyException(string field, string message)
    : Exception($"policy field '{field}': {message}")
{
    public string Field { get; } = field;
}
