using GeoEdge.Hil.Rig.Processes;

namespace GeoEdge.Ear.Tests;

/// <summary>
/// The openssl command line, as an independent second opinion on keys, thumbprints and ES256
/// signatures. It is part of the machine's base system; if it is missing the test fails saying so.
/// </summary>
internal static class OpenSsl
{
    /// <summary>Runs openssl with the arguments in <paramref name="rig"/>'s directory and returns its exit code.</summary>
    public static int Run(RigDirectory rig, params string[] arguments)
    {
        using var process = RigProcess.Start("openssl-" + arguments[0], "openssl", arguments, rig.Path);
        return process.WaitForExitAsync(TimeSpan.FromSeconds(30)).GetAwaiter().GetResult();
    }

    public static void MustSucceed(RigDirectory rig, params string[] arguments)
    {
        var code = Run(rig, arguments);
        Assert.True(code == 0, $"openssl {string.Join(' ', arguments)} exited with {code}; see the logs in {rig.Path} (GEOEDGE_KEEP_RIG=1 keeps them)");
    }

    /// <summary>JWS R||S (64 bytes) to the DER ECDSA-Sig-Value openssl expects: SEQUENCE { INTEGER r, INTEGER s }.</summary>
    public static byte[] ToDer(ReadOnlySpan<byte> rs)
    {
        var r = DerInteger(rs[..32]);
        var s = DerInteger(rs[32..]);
        return [0x30, (byte)(r.Length + s.Length), .. r, .. s];
    }

    /// <summary>DER ECDSA-Sig-Value back to JWS R||S, left-padding each integer to 32 bytes.</summary>
    public static byte[] FromDer(ReadOnlySpan<byte> der)
    {
        Assert.Equal(0x30, der[0]);
        Assert.Equal(der.Length - 2, der[1]);
        var rest = der[2..];
        var r = ReadInteger(ref rest);
        var s = ReadInteger(ref rest);
        Assert.True(rest.IsEmpty, "trailing bytes after the DER signature");
        var result = new byte[64];
        r.CopyTo(result.AsSpan(32 - r.Length));
        s.CopyTo(result.AsSpan(64 - s.Length));
        return result;
    }

    private static byte[] DerInteger(ReadOnlySpan<byte> unsigned)
    {
        var start = 0;
        while (start < unsigned.Length - 1 && unsigned[start] == 0) start++;
        var body = unsigned[start..];
        // A set top bit would read as negative: prefix a zero byte.
        byte[] content = body[0] >= 0x80 ? [0x00, .. body] : body.ToArray();
        return [0x02, (byte)content.Length, .. content];
    }

    private static ReadOnlySpan<byte> ReadInteger(ref ReadOnlySpan<byte> span)
    {
        Assert.Equal(0x02, span[0]);
        int length = span[1];
        var value = span.Slice(2, length);
        span = span[(2 + length)..];
        while (value.Length > 32 && value[0] == 0) value = value[1..];
        return value;
    }
}
