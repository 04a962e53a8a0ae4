namespace GeoEdge.Ear;

/// <summary>The eight AR4SI trustworthiness vector categories, in the order the draft lists them (and we serialise them).</summary>
public enum TrustCategory
{
    InstanceIdentity,
    Configuration,
    Executables,
    FileSystem,
    Hardware,
    RuntimeOpaque,
    StorageOpaque,
    SourcedData,
}

public static class TrustCategoryNames
{
    private static readonly string[] Names =
        ["instance-identity", "configuration", "executables", "file-system", "hardware", "runtime-opaque", "storage-opaque", "sourced-data"];

    /// <summary>The JSON member name, e.g. "instance-identity".</summary>
    public static string ToClaimName(this TrustCategory category) =>
        (uint)category < (uint)Names.Length ? Names[(int)category]
            : throw new ArgumentOutOfRangeException(nameof(category), category, "not an AR4SI category");

    public static bool TryParse(string name, out TrustCategory category)
    {
        var index = Array.IndexOf(Names, name);
        category = (TrustCategory)Math.Max(index, 0);
        return index >= 0;
    }
}
