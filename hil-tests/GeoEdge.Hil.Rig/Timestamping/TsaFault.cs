namespace GeoEdge.Hil.Rig.Timestamping;

/// <summary>How the rig TSA misbehaves on one request (<see cref="RigTsa.FailNext"/>).</summary>
public abstract record TsaFault
{
    private TsaFault() { }

    /// <summary>HTTP 500 with a text body, no TimeStampResp.</summary>
    public sealed record ServerError : TsaFault;

    /// <summary>openssl answers from a section that accepts only SHA-512: a real rejection, failInfo badAlg.</summary>
    public sealed record Rejection : TsaFault;

    /// <summary>200 application/timestamp-reply with bytes that are no DER.</summary>
    public sealed record Garbage : TsaFault;

    /// <summary>A valid reply padded past <paramref name="Bytes"/> in total.</summary>
    public sealed record Oversize(int Bytes) : TsaFault;

    /// <summary>The answer to the previous request again: a replay, its nonce not this request's.</summary>
    public sealed record ReplayPrevious : TsaFault;

    /// <summary>The answer waits this long first (a TSA that hangs is a long delay).</summary>
    public sealed record Delay(TimeSpan Wait) : TsaFault;
}
