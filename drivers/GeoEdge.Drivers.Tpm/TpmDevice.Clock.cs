using GeoEdge.Drivers.Tpm.Encoding;
using GeoEdge.Drivers.Tpm.Native;

namespace GeoEdge.Drivers.Tpm;

public sealed unsafe partial class TpmDevice
{
    /// <summary>TPM2_ReadClock: the marshalled TPMS_TIME_INFO (parse it with <see cref="TpmClock.Parse"/>).</summary>
    public byte[] ReadClock()
    {
        lock (_lock)
        {
            void* currentTime = null;
            try
            {
                TpmException.ThrowIfFailed(EsysNative.Esys_ReadClock(Context, EsysHandles.None, EsysHandles.None, EsysHandles.None,
                    &currentTime), "Esys_ReadClock");
                var wire = NativeStruct.Marshal(MuCodec.TpmsTimeInfo, currentTime, "ReadClock currentTime");
                if (wire.Length != TpmClock.WireSize)
                    throw new TpmFormatException($"TPMS_TIME_INFO is {wire.Length} bytes, expected {TpmClock.WireSize}");
                return wire;
            }
            finally
            {
                EsysMemory.Free(currentTime);
            }
        }
    }

    /// <summary>TPM2_ReadClock, parsed.</summary>
    public TpmClock ReadClockInfo() => TpmClock.Parse(ReadClock());

    /// <summary>
    /// <paramref name="count"/> bytes from the TPM's random number generator. TPM2_GetRandom returns
    /// at most a digest's worth per call (and may return less), so this loops.
    /// </summary>
    public byte[] GetRandom(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var result = new byte[count];
        lock (_lock)
        {
            var filled = 0;
            while (filled < count)
            {
                void* random = null;
                try
                {
                    var ask = (ushort)Math.Min(count - filled, 32);
                    TpmException.ThrowIfFailed(EsysNative.Esys_GetRandom(Context, EsysHandles.None, EsysHandles.None, EsysHandles.None,
                        ask, &random), "Esys_GetRandom");
                    var reader = new TpmReader(NativeStruct.Marshal(MuCodec.Tpm2bDigest, random, "GetRandom randomBytes"), "TPM2B_DIGEST");
                    var bytes = reader.Sized();
                    reader.ExpectEnd();
                    if (bytes.Length == 0 || bytes.Length > ask)
                        throw new TpmFormatException($"GetRandom returned {bytes.Length} bytes when asked for {ask}");
                    bytes.CopyTo(result.AsSpan(filled));
                    filled += bytes.Length;
                }
                finally
                {
                    EsysMemory.Free(random);
                }
            }
        }
        return result;
    }
}
