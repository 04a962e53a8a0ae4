namespace GeoEdge.Wire.Tpm2;

/// <summary>
/// One TPMS_PCR_SELECTION: a PCR bank (its hash) and a bitmap where PCR i is bit (i % 8) of byte
/// (i / 8), least significant bit first (Part 2, 10.6.1).
/// </summary>
public sealed class PcrBankSelection
{
    /// <summary>The sizeofSelect a TPM with 24 PCRs uses (PCR_SELECT_MAX for the PC Client platform).</summary>
    public const int DefaultSizeOfSelect = 3;

    /// <summary>Parsing refuses larger bitmaps: 32 bytes already address 256 PCRs, far beyond any TPM.</summary>
    public const int MaxSizeOfSelect = 32;

    private readonly byte[] _bitmap;

    public TpmAlgId Hash { get; }
    public ReadOnlySpan<byte> Bitmap => _bitmap;
    public int SizeOfSelect => _bitmap.Length;

    /// <summary>Selected PCR indices in ascending order.</summary>
    public IReadOnlyList<int> Indices { get; }

    public PcrBankSelection(TpmAlgId hash, IEnumerable<int> indices, int sizeOfSelect = DefaultSizeOfSelect)
    {
        if (sizeOfSelect is < 0 or > MaxSizeOfSelect)
            throw new ArgumentOutOfRangeException(nameof(sizeOfSelect), sizeOfSelect, $"sizeofSelect must be 0..{MaxSizeOfSelect}");
        var bitmap = new byte[sizeOfSelect];
        foreach (var index in indices)
        {
            if (index < 0 || index >= sizeOfSelect * 8)
                throw new ArgumentOutOfRangeException(nameof(indices), index, $"PCR index does not fit a {sizeOfSelect}-byte selection");
            bitmap[index / 8] |= (byte)(1 << (index % 8));
        }
        Hash = hash;
        _bitmap = bitmap;
        Indices = IndicesOf(bitmap);
    }

    private PcrBankSelection(TpmAlgId hash, byte[] bitmap)
    {
        Hash = hash;
        _bitmap = bitmap;
        Indices = IndicesOf(bitmap);
    }

    public bool IsSelected(int index) =>
        index >= 0 && index < _bitmap.Length * 8 && (_bitmap[index / 8] & (1 << (index % 8))) != 0;

    internal static PcrBankSelection Read(ref TpmReader reader, string field)
    {
        var hash = reader.Alg(field + ".hash");
        var size = reader.U8(field + ".sizeofSelect");
        if (size > MaxSizeOfSelect)
            throw reader.Fail(field + ".sizeofSelect", $"{size} exceeds the maximum {MaxSizeOfSelect}");
        var bitmap = reader.Bytes(size, field + ".pcrSelect").ToArray();
        return new PcrBankSelection(hash, bitmap);
    }

    internal void WriteTo(TpmWriter writer) => writer.Alg(Hash).U8((byte)_bitmap.Length).Bytes(_bitmap);

    private static int[] IndicesOf(byte[] bitmap)
    {
        var indices = new List<int>();
        for (var i = 0; i < bitmap.Length * 8; i++)
            if ((bitmap[i / 8] & (1 << (i % 8))) != 0) indices.Add(i);
        return indices.ToArray();
    }
}
