namespace GeoEdge.MeasuredBoot;

/// <summary>The UEFI GUIDs measured boot cares about (UEFI 2.10 and shim).</summary>
public static class EfiGuids
{
    /// <summary>EFI_GLOBAL_VARIABLE: SecureBoot, PK, KEK, BootOrder, Boot####.</summary>
    public static readonly Guid GlobalVariable = new("8be4df61-93ca-11d2-aa0d-00e098032b8c");

    /// <summary>EFI_IMAGE_SECURITY_DATABASE_GUID: db, dbx, dbt, dbr.</summary>
    public static readonly Guid ImageSecurityDatabase = new("d719b2cb-3d3a-4596-a3bc-dad00e67656f");

    /// <summary>SHIM_LOCK_GUID: shim's MokList, MokListX, MokListTrusted, SbatLevel and its "Shim" authority.</summary>
    public static readonly Guid ShimLock = new("605dab50-e046-4300-abb6-3dd810dd8b23");

    /// <summary>EFI_CERT_X509_GUID: the signature data is a DER certificate.</summary>
    public static readonly Guid CertX509 = new("a5c059a1-94e4-4aa7-87b5-ab155c2bf072");

    /// <summary>EFI_CERT_SHA256_GUID: the signature data is a SHA-256 image hash.</summary>
    public static readonly Guid CertSha256 = new("c1c41626-504c-4092-aca9-41f936934328");
}
