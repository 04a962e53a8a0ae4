namespace GeoEdge.MeasuredBoot;

/// <summary>The stable codes of <see cref="BootFinding"/>; callers match on these, never on the detail text.</summary>
public static class BootFindingCodes
{
    public const string SecureBootDisabled = "secure-boot-disabled";
    public const string SecureBootUnknown = "secure-boot-unknown";
    public const string UnapprovedScrtm = "unapproved-scrtm";
    public const string UnapprovedFirmware = "unapproved-firmware";
    public const string UnapprovedBootApplication = "unapproved-boot-application";
    public const string UnapprovedSecureBootKey = "unapproved-secure-boot-key";
    public const string DbxOutdated = "dbx-outdated";
    public const string UnapprovedKernelCmdline = "unapproved-kernel-cmdline";
    public const string PcrNotGolden = "pcr-not-golden";
    public const string EventDataMismatch = "event-data-mismatch";
}
