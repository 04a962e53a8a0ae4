namespace GeoEdge.Drivers.Osnma.Simulator;

/// <summary>The NavData an ADKD authenticates: the covered bits of its words concatenated (549 bits for ADKD 0/12, 141 for 4).</summary>
public static class AdkdNavData
{
    /// <summary>The words are 16-byte I/NAV words keyed by word type; a missing word is an argument error.</summary>
    public static byte[] Extract(int adkd, IReadOnlyDictionary<int, byte[]> wordsByType)
    {
        ArgumentNullException.ThrowIfNull(wordsByType);
        var coverage = InavWordFields.Coverage(adkd);
        var w = new MsbBitWriter(InavWordFields.NavDataBits(adkd));
        foreach (var (type, start, length) in coverage)
        {
            if (!wordsByType.TryGetValue(type, out var word) || word.Length != InavWordFields.WordBytes)
                throw new ArgumentException($"ADKD {adkd} needs word type {type}", nameof(wordsByType));
            w.WriteBits(word, start, length);
        }
        return w.Buffer;
    }
}
