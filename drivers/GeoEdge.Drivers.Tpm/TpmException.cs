using GeoEdge.Drivers.Tpm.Native;

namespace GeoEdge.Drivers.Tpm;

/// <summary>
/// A tpm2-tss call failed. Carries the TSS2_RC, the operation that failed, the TSS layer that
/// answered and, for errors the TPM itself returned, the TPM_RC name (TPM_RC_HANDLE, TPM_RC_POLICY_FAIL,
/// ...) with the handle, session or parameter it refers to.
/// </summary>
public sealed class TpmException : Exception
{
    /// <summary>The raw TSS2_RC.</summary>
    public uint ResponseCode { get; }

    /// <summary>The call that failed, e.g. "Esys_Quote".</summary>
    public string Operation { get; }

    /// <summary>The tpm2-tss layer that produced the code: "TPM", "ESAPI", "SAPI", "MU", "TCTI", ...</summary>
    public string Layer { get; }

    /// <summary>
    /// For codes from the TPM: the code without the handle/session/parameter number (compare with
    /// <see cref="TpmResponseCodes"/>); null for codes from the TSS's own layers.
    /// </summary>
    public uint? TpmBaseCode { get; }

    /// <summary>"TPM_RC_HANDLE" etc. when known, null otherwise.</summary>
    public string? TpmCodeName { get; }

    public TpmException(uint responseCode, string operation)
        : this(responseCode, operation, TpmResponseCodes.Describe(responseCode))
    {
    }

    private TpmException(uint responseCode, string operation, TpmResponseCodes.Description description)
        : base($"{operation} failed with 0x{responseCode:x8} ({description.Text})")
    {
        ResponseCode = responseCode;
        Operation = operation;
        Layer = description.Layer;
        TpmBaseCode = description.TpmBaseCode;
        TpmCodeName = description.TpmCodeName;
    }

    /// <summary>True when the TPM answered with <paramref name="tpmBaseCode"/> (one of <see cref="TpmResponseCodes"/>).</summary>
    public bool Is(uint tpmBaseCode) => TpmBaseCode == tpmBaseCode;

    internal static void ThrowIfFailed(uint responseCode, string operation)
    {
        if (responseCode != 0) throw new TpmException(responseCode, operation);
    }
}
