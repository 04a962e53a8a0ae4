namespace GeoEdge.Drivers.Tpm.Native;

/// <summary>The ESYS_TR values tss2_esys.h predefines for sessions, PCRs and hierarchies.</summary>
internal static class EsysHandles
{
    public const uint None = 0xfff;
    public const uint Password = 0x0ff;
    public const uint Pcr0 = 0;
    public const uint Owner = 0x101;
    public const uint Null = 0x107;
    public const uint Lockout = 0x10a;
    public const uint Endorsement = 0x10b;
    public const uint Platform = 0x10c;
}
