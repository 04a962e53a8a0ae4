namespace GeoEdge.MeasuredBoot;

/// <summary>TCG PC Client event types (PC Client Platform Firmware Profile, section 10.4.1).</summary>
public static class EventType
{
    public const uint PrebootCert = 0x00000000;
    public const uint PostCode = 0x00000001;
    public const uint Unused = 0x00000002;
    public const uint NoAction = 0x00000003;
    public const uint Separator = 0x00000004;
    public const uint Action = 0x00000005;
    public const uint EventTag = 0x00000006;
    public const uint SCrtmContents = 0x00000007;
    public const uint SCrtmVersion = 0x00000008;
    public const uint CpuMicrocode = 0x00000009;
    public const uint PlatformConfigFlags = 0x0000000A;
    public const uint TableOfDevices = 0x0000000B;
    public const uint CompactHash = 0x0000000C;
    public const uint Ipl = 0x0000000D;
    public const uint IplPartitionData = 0x0000000E;
    public const uint NonhostCode = 0x0000000F;
    public const uint NonhostConfig = 0x00000010;
    public const uint NonhostInfo = 0x00000011;
    public const uint OmitBootDeviceEvents = 0x00000012;
    public const uint PostCode2 = 0x00000013;

    public const uint EfiEventBase = 0x80000000;
    public const uint EfiVariableDriverConfig = 0x80000001;
    public const uint EfiVariableBoot = 0x80000002;
    public const uint EfiBootServicesApplication = 0x80000003;
    public const uint EfiBootServicesDriver = 0x80000004;
    public const uint EfiRuntimeServicesDriver = 0x80000005;
    public const uint EfiGptEvent = 0x80000006;
    public const uint EfiAction = 0x80000007;
    public const uint EfiPlatformFirmwareBlob = 0x80000008;
    public const uint EfiHandoffTables = 0x80000009;
    public const uint EfiPlatformFirmwareBlob2 = 0x8000000A;
    public const uint EfiHandoffTables2 = 0x8000000B;
    public const uint EfiVariableBoot2 = 0x8000000C;
    public const uint EfiGptEvent2 = 0x8000000D;
    public const uint EfiHcrtmEvent = 0x80000010;
    public const uint EfiVariableAuthority = 0x800000E0;
    public const uint EfiSpdmFirmwareBlob = 0x800000E1;
    public const uint EfiSpdmFirmwareConfig = 0x800000E2;

    private static readonly Dictionary<uint, string> Names = new()
    {
        [PrebootCert] = "EV_PREBOOT_CERT",
        [PostCode] = "EV_POST_CODE",
        [Unused] = "EV_UNUSED",
        [NoAction] = "EV_NO_ACTION",
        [Separator] = "EV_SEPARATOR",
        [Action] = "EV_ACTION",
        [EventTag] = "EV_EVENT_TAG",
        [SCrtmContents] = "EV_S_CRTM_CONTENTS",
        [SCrtmVersion] = "EV_S_CRTM_VERSION",
        [CpuMicrocode] = "EV_CPU_MICROCODE",
        [PlatformConfigFlags] = "EV_PLATFORM_CONFIG_FLAGS",
        [TableOfDevices] = "EV_TABLE_OF_DEVICES",
        [CompactHash] = "EV_COMPACT_HASH",
        [Ipl] = "EV_IPL",
        [IplPartitionData] = "EV_IPL_PARTITION_DATA",
        [NonhostCode] = "EV_NONHOST_CODE",
        [NonhostConfig] = "EV_NONHOST_CONFIG",
        [NonhostInfo] = "EV_NONHOST_INFO",
        [OmitBootDeviceEvents] = "EV_OMIT_BOOT_DEVICE_EVENTS",
        [PostCode2] = "EV_POST_CODE2",
        [EfiEventBase] = "EV_EFI_EVENT_BASE",
        [EfiVariableDriverConfig] = "EV_EFI_VARIABLE_DRIVER_CONFIG",
        [EfiVariableBoot] = "EV_EFI_VARIABLE_BOOT",
        [EfiBootServicesApplication] = "EV_EFI_BOOT_SERVICES_APPLICATION",
        [EfiBootServicesDriver] = "EV_EFI_BOOT_SERVICES_DRIVER",
        [EfiRuntimeServicesDriver] = "EV_EFI_RUNTIME_SERVICES_DRIVER",
        [EfiGptEvent] = "EV_EFI_GPT_EVENT",
        [EfiAction] = "EV_EFI_ACTION",
        [EfiPlatformFirmwareBlob] = "EV_EFI_PLATFORM_FIRMWARE_BLOB",
        [EfiHandoffTables] = "EV_EFI_HANDOFF_TABLES",
        [EfiPlatformFirmwareBlob2] = "EV_EFI_PLATFORM_FIRMWARE_BLOB2",
        [EfiHandoffTables2] = "EV_EFI_HANDOFF_TABLES2",
        [EfiVariableBoot2] = "EV_EFI_VARIABLE_BOOT2",
        [EfiGptEvent2] = "EV_EFI_GPT2_EVENT",
        [EfiHcrtmEvent] = "EV_EFI_HCRTM_EVENT",
        [EfiVariableAuthority] = "EV_EFI_VARIABLE_AUTHORITY",
        [EfiSpdmFirmwareBlob] = "EV_EFI_SPDM_FIRMWARE_BLOB",
        [EfiSpdmFirmwareConfig] = "EV_EFI_SPDM_FIRMWARE_CONFIG",
    };

    /// <summary>The spec's name ("EV_SEPARATOR"), or the number in hex for types the spec does not define.</summary>
    public static string Name(uint type) => Names.TryGetValue(type, out var name) ? name : $"0x{type:x8}";
}
