using System.Buffers.Binary;
using System.Security.Cryptography;
using GeoEdge.Drivers.Osnma.Crypto;
using GeoEdge.Drivers.Osnma.Trust;

namespace GeoEdge.Drivers.Osnma.State;

/// <summary>A public key as persisted: the DSM-PKR that proved it, or null when it was a trust anchor.</summary>
internal sealed record PersistedKey(OsnmaPublicKey Key, byte[]? DsmPkr);

/// <summary>A DSM-KROOT as persisted, with the NMA header its signature covers.</summary>
internal sealed record PersistedKroot(byte NmaHeader, byte[] Dsm);

/// <summary>The newest verified TESLA key of a chain and the subframe it was broadcast in.</summary>
internal sealed record PersistedTeslaKey(int ChainId, long Gst, byte[] Key);

internal sealed record PersistedState(IReadOnlyList<PersistedKey> Keys, IReadOnlyList<PersistedKroot> Kroots, PersistedTeslaKey? Tesla);

/// <summary>
/// Binary state format: "GEOSNMA" version 1, keys (PKID, type, point, DSM-PKR), DSM-KROOTs (header, bytes),
/// optional TESLA key (chain, GST, key), then SHA-256 of everything before. The checksum only catches damage;
/// trust comes from re-verifying the content on load.
/// </summary>
internal static class OsnmaStateCodec
{
    private static readonly byte[] Magic = "GEOSNMA"u8.ToArray();
    private const byte Version = 1;
    private const int MaxKeys = 16;
    private const int MaxKroots = 4;

    public static byte[] Encode(PersistedState state)
    {
        using var buffer = new MemoryStream();
        buffer.Write(Magic);
        buffer.WriteByte(Version);
        buffer.WriteByte((byte)state.Keys.Count);
        foreach (var (key, pkr) in state.Keys)
        {
            buffer.WriteByte((byte)key.Pkid);
            buffer.WriteByte((byte)key.Type);
            buffer.WriteByte((byte)key.Point.Length);
            buffer.Write(key.Point);
            WriteBlob(buffer, pkr ?? []);
        }
        buffer.WriteByte((byte)state.Kroots.Count);
        foreach (var kroot in state.Kroots)
        {
            buffer.WriteByte(kroot.NmaHeader);
            WriteBlob(buffer, kroot.Dsm);
        }
        buffer.WriteByte(state.Tesla is null ? (byte)0 : (byte)1);
        if (state.Tesla is { } tesla)
        {
            buffer.WriteByte((byte)tesla.ChainId);
            Span<byte> gst = stackalloc byte[8];
            BinaryPrimitives.WriteInt64BigEndian(gst, tesla.Gst);
            buffer.Write(gst);
            buffer.WriteByte((byte)tesla.Key.Length);
            buffer.Write(tesla.Key);
        }
        buffer.Write(SHA256.HashData(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)));
        return buffer.ToArray();
    }

    /// <summary>Decodes a state, or throws <see cref="InvalidDataException"/> saying what is wrong.</summary>
    public static PersistedState Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < Magic.Length + 1 + 32) throw new InvalidDataException($"{bytes.Length} bytes is too short for a state");
        var body = bytes[..^32];
        if (!SHA256.HashData(body).AsSpan().SequenceEqual(bytes[^32..])) throw new InvalidDataException("checksum mismatch (file damaged or edited)");
        if (!body[..Magic.Length].SequenceEqual(Magic)) throw new InvalidDataException("not a GeoEdge OSNMA state (magic)");
        var reader = new Reader(body[Magic.Length..].ToArray());
        var version = reader.Byte();
        if (version != Version) throw new InvalidDataException($"state version {version} is not {Version}");

        var keyCount = reader.Byte();
        if (keyCount > MaxKeys) throw new InvalidDataException($"{keyCount} public keys, at most {MaxKeys}");
        var keys = new List<PersistedKey>();
        for (var i = 0; i < keyCount; i++)
        {
            var pkid = reader.Byte();
            var type = reader.Byte();
            if (!OsnmaKeyTypes.TryFromNpkt(type, out var keyType)) throw new InvalidDataException($"key type {type} is not ECDSA P-256 or P-521");
            var point = reader.Bytes(reader.Byte());
            if (point.Length != OsnmaKeyTypes.CompressedPointBytes(keyType)) throw new InvalidDataException($"key {pkid} point is {point.Length} bytes");
            var pkr = reader.Blob();
            keys.Add(new PersistedKey(new OsnmaPublicKey(pkid, keyType, point), pkr.Length == 0 ? null : pkr));
        }
        var krootCount = reader.Byte();
        if (krootCount > MaxKroots) throw new InvalidDataException($"{krootCount} DSM-KROOTs, at most {MaxKroots}");
        var kroots = new List<PersistedKroot>();
        for (var i = 0; i < krootCount; i++) kroots.Add(new PersistedKroot(reader.Byte(), reader.Blob()));
        PersistedTeslaKey? tesla = null;
        if (reader.Byte() == 1)
        {
            var chainId = reader.Byte();
            var gst = BinaryPrimitives.ReadInt64BigEndian(reader.Bytes(8));
            tesla = new PersistedTeslaKey(chainId, gst, reader.Bytes(reader.Byte()));
        }
        if (!reader.AtEnd) throw new InvalidDataException("trailing bytes after the state");
        return new PersistedState(keys, kroots, tesla);
    }

    private static void WriteBlob(Stream stream, ReadOnlySpan<byte> blob)
    {
        Span<byte> length = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(length, checked((ushort)blob.Length));
        stream.Write(length);
        stream.Write(blob);
    }

    private sealed class Reader(byte[] data)
    {
        private int _at;

        public bool AtEnd => _at == data.Length;

        public byte Byte() => Bytes(1)[0];

        public byte[] Blob() => Bytes(BinaryPrimitives.ReadUInt16BigEndian(Bytes(2)));

        public byte[] Bytes(int count)
        {
            if (count < 0 || _at + count > data.Length) throw new InvalidDataException($"truncated: {count} bytes needed at offset {_at}, {data.Length - _at} left");
            var result = data.AsSpan(_at, count).ToArray();
            _at += count;
            return result;
        }
    }
}
