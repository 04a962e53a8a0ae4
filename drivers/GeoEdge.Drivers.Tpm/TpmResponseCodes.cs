using System.Collections.Frozen;
using GeoEdge.Drivers.Tpm.Native;

namespace GeoEdge.Drivers.Tpm;

/// <summary>
/// TPM_RC values (TPM 2.0 Library Part 2, "TPM_RC") as <see cref="TpmException.TpmBaseCode"/>
/// reports them: format-one codes without their handle/session/parameter number.
/// </summary>
public static class TpmResponseCodes
{
    // Format-zero codes: RC_VER1 (0x100) + n, and warnings RC_WARN (0x900) + n.
    public const uint Initialize = 0x100;
    public const uint Failure = 0x101;
    public const uint AuthMissing = 0x125;
    public const uint Policy = 0x126;
    public const uint Pcr = 0x127;
    public const uint PcrChanged = 0x128;
    public const uint NvRange = 0x146;
    public const uint NvSize = 0x147;
    public const uint NvLocked = 0x148;
    public const uint NvAuthorization = 0x149;
    public const uint NvUninitialized = 0x14a;
    public const uint NvSpace = 0x14b;
    public const uint NvDefined = 0x14c;
    public const uint ObjectMemory = 0x902;
    public const uint SessionMemory = 0x903;
    public const uint ObjectHandles = 0x906;
    public const uint Lockout = 0x921;
    public const uint Retry = 0x922;

    // Format-one codes: RC_FMT1 (0x080) + n.
    public const uint Attributes = 0x082;
    public const uint Hash = 0x083;
    public const uint Value = 0x084;
    public const uint Hierarchy = 0x085;
    public const uint Type = 0x08a;
    public const uint Handle = 0x08b;
    public const uint AuthFail = 0x08e;
    public const uint Scheme = 0x092;
    public const uint Size = 0x095;
    public const uint Symmetric = 0x096;
    public const uint Signature = 0x09b;
    public const uint Key = 0x09c;
    public const uint PolicyFail = 0x09d;
    public const uint Integrity = 0x09f;
    public const uint Ticket = 0x0a0;
    public const uint BadAuth = 0x0a2;
    public const uint Expired = 0x0a3;
    public const uint Binding = 0x0a5;
    public const uint Curve = 0x0a6;
    public const uint EccPoint = 0x0a7;

    private static readonly FrozenDictionary<uint, string> Names = new Dictionary<uint, string>
    {
        [Initialize] = "TPM_RC_INITIALIZE", [Failure] = "TPM_RC_FAILURE", [AuthMissing] = "TPM_RC_AUTH_MISSING",
        [Policy] = "TPM_RC_POLICY", [Pcr] = "TPM_RC_PCR", [PcrChanged] = "TPM_RC_PCR_CHANGED",
        [NvRange] = "TPM_RC_NV_RANGE", [NvSize] = "TPM_RC_NV_SIZE", [NvLocked] = "TPM_RC_NV_LOCKED",
        [NvAuthorization] = "TPM_RC_NV_AUTHORIZATION", [NvUninitialized] = "TPM_RC_NV_UNINITIALIZED",
        [NvSpace] = "TPM_RC_NV_SPACE", [NvDefined] = "TPM_RC_NV_DEFINED",
        [ObjectMemory] = "TPM_RC_OBJECT_MEMORY", [SessionMemory] = "TPM_RC_SESSION_MEMORY",
        [ObjectHandles] = "TPM_RC_OBJECT_HANDLES", [Lockout] = "TPM_RC_LOCKOUT", [Retry] = "TPM_RC_RETRY",
        [Attributes] = "TPM_RC_ATTRIBUTES", [Hash] = "TPM_RC_HASH", [Value] = "TPM_RC_VALUE",
        [Hierarchy] = "TPM_RC_HIERARCHY", [Type] = "TPM_RC_TYPE", [Handle] = "TPM_RC_HANDLE",
        [AuthFail] = "TPM_RC_AUTH_FAIL", [Scheme] = "TPM_RC_SCHEME", [Size] = "TPM_RC_SIZE",
        [Symmetric] = "TPM_RC_SYMMETRIC", [Signature] = "TPM_RC_SIGNATURE", [Key] = "TPM_RC_KEY",
        [PolicyFail] = "TPM_RC_POLICY_FAIL", [Integrity] = "TPM_RC_INTEGRITY", [Ticket] = "TPM_RC_TICKET",
        [BadAuth] = "TPM_RC_BAD_AUTH", [Expired] = "TPM_RC_EXPIRED", [Binding] = "TPM_RC_BINDING",
        [Curve] = "TPM_RC_CURVE", [EccPoint] = "TPM_RC_ECC_POINT",
    }.ToFrozenDictionary();

    internal readonly record struct Description(string Layer, uint? TpmBaseCode, string? TpmCodeName, string Text);

    /// <summary>Splits a TSS2_RC into layer (bits 16-23) and, for TPM codes, the TPM_RC name and location.</summary>
    internal static Description Describe(uint rc)
    {
        var layerNumber = (rc >> 16) & 0xff;
        var layer = layerNumber switch
        {
            0 => "TPM",
            6 => "FAPI",
            7 => "ESAPI",
            8 => "SAPI",
            9 => "MU",
            10 => "TCTI",
            11 => "resource manager",
            12 => "resource manager (TPM code)",
            _ => $"layer {layerNumber}",
        };
        var tssText = RcNative.TryDecode(rc);
        if (layerNumber is not (0 or 12))
            return new Description(layer, null, null, tssText ?? $"{layer} error {rc & 0xffff}");

        var code = rc & 0xffff;
        uint baseCode;
        string location = "";
        if ((code & 0x080) != 0)
        {
            // Format one: bits 0-5 error, bit 6 P (parameter), bits 8-11 N (handle, or session if N >= 8).
            baseCode = 0x080 | (code & 0x3f);
            var n = (code >> 8) & 0xf;
            if ((code & 0x040) != 0) location = $", parameter {n}";
            else if (n >= 8) location = $", session {n - 8}";
            else if (n > 0) location = $", handle {n}";
        }
        else
        {
            baseCode = code & 0xfff;
        }
        var name = Names.GetValueOrDefault(baseCode);
        var text = $"{layer}: {name ?? $"TPM_RC 0x{baseCode:x3}"}{location}" + (tssText is null ? "" : $"; {tssText}");
        return new Description(layer, baseCode, name, text);
    }
}
