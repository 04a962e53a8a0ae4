namespace GeoEdge.MeasuredBoot;

/// <summary>Which events each policy member is about (the PCR and event types Keylime's example policy uses).</summary>
internal static class BootEvents
{
    /// <summary>The static root of trust: EV_S_CRTM_VERSION / EV_S_CRTM_CONTENTS in PCR 0.</summary>
    public static bool IsScrtm(TcgEvent e) => e.Pcr == 0 && e.Type is EventType.SCrtmVersion or EventType.SCrtmContents;

    /// <summary>Platform firmware volumes: EV_EFI_PLATFORM_FIRMWARE_BLOB(2) in PCR 0.</summary>
    public static bool IsPlatformFirmware(TcgEvent e) => e.Pcr == 0 && e.Type is EventType.EfiPlatformFirmwareBlob or EventType.EfiPlatformFirmwareBlob2;

    /// <summary>Boot loaders and kernels started by the boot manager: EV_EFI_BOOT_SERVICES_APPLICATION in PCR 4.</summary>
    public static bool IsBootApplication(TcgEvent e) => e.Pcr == 4 && e.Type == EventType.EfiBootServicesApplication;
}
