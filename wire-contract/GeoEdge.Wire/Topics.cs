namespace GeoEdge.Wire;

/// <summary>
/// The MQTT topic tree. One subtree per host, so a broker ACL can confine each host's client
/// certificate to its own subtree (pattern readwrite geoedge/v1/hosts/%u/#).
/// </summary>
public static class Topics
{
    public const string Root = "geoedge/v1";

    /// <summary>Retained: the bridge's current nonce epoch. Readings name the epoch they were made in.</summary>
    public const string NonceEpoch = Root + "/bridge/epoch";

    /// <summary>Shared-subscription group for bridge instances (MQTT v5 $share).</summary>
    public const string BridgeShareGroup = "geoedge-bridges";

    public static string Enroll(string hostId) => HostTopic(hostId, Leaf.Enroll);
    public static string Challenge(string hostId) => HostTopic(hostId, Leaf.Challenge);
    public static string Activate(string hostId) => HostTopic(hostId, Leaf.Activate);
    public static string Enrolled(string hostId) => HostTopic(hostId, Leaf.Enrolled);
    public static string Readings(string hostId) => HostTopic(hostId, Leaf.Readings);
    public static string Results(string hostId) => HostTopic(hostId, Leaf.Results);

    /// <summary>A filter matching one leaf for every host, e.g. geoedge/v1/hosts/+/readings.</summary>
    public static string AllHosts(string leaf) => $"{Root}/hosts/+/{leaf}";

    public static class Leaf
    {
        public const string Enroll = "enroll";
        public const string Challenge = "challenge";
        public const string Activate = "activate";
        public const string Enrolled = "enrolled";
        public const string Readings = "readings";
        public const string Results = "results";
    }

    /// <summary>Splits geoedge/v1/hosts/{hostId}/{leaf}; null when the topic is not of that form.</summary>
    public static (string HostId, string Leaf)? ParseHostTopic(string topic)
    {
        var prefix = Root + "/hosts/";
        if (!topic.StartsWith(prefix, StringComparison.Ordinal)) return null;
        var rest = topic.AsSpan(prefix.Length);
        var slash = rest.IndexOf('/');
        if (slash <= 0 || rest[(slash + 1)..].Contains('/')) return null;
        var hostId = rest[..slash].ToString();
        return HostId.IsValid(hostId) ? (hostId, rest[(slash + 1)..].ToString()) : null;
    }

    private static string HostTopic(string hostId, string leaf) => $"{Root}/hosts/{HostId.Validate(hostId)}/{leaf}";
}
