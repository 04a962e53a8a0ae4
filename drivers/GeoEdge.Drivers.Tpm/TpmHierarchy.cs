using GeoEdge.Drivers.Tpm.Native;

namespace GeoEdge.Drivers.Tpm;

/// <summary>The primary seeds a primary key can be created under (values are the TPM_RH handles).</summary>
public enum TpmHierarchy : uint
{
    Owner = 0x40000001,
    Null = 0x40000007,
    Endorsement = 0x4000000b,
    Platform = 0x4000000c,
}

internal static class TpmHierarchyExtensions
{
    public static uint ToEsysHandle(this TpmHierarchy hierarchy) => hierarchy switch
    {
        TpmHierarchy.Owner => EsysHandles.Owner,
        TpmHierarchy.Null => EsysHandles.Null,
        TpmHierarchy.Endorsement => EsysHandles.Endorsement,
        TpmHierarchy.Platform => EsysHandles.Platform,
        _ => throw new ArgumentOutOfRangeException(nameof(hierarchy), hierarchy, "unknown hierarchy"),
    };
}
