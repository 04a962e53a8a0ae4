namespace GeoEdge.Drivers.Osnma.Simulator;

/// <summary>The size code tables of the DSM-KROOT (OSNMA SIS ICD 1.1 Tables 10 and 11) and the DSM block size.</summary>
public static class OsnmaFieldSizes
{
    public const int DsmBlockBytes = 13;
    public const int MackBits = 480;

    private static readonly int[] KeyBitsByCode = [96, 104, 112, 120, 128, 160, 192, 224, 256];
    private static readonly int[] TagBitsByCode = [0, 0, 0, 0, 0, 20, 24, 28, 32, 40];

    /// <summary>KS field value for a TESLA key length in bits.</summary>
    public static int KeySizeCode(int keyBits) => Array.IndexOf(KeyBitsByCode, keyBits) is var code and >= 0
        ? code : throw new ArgumentOutOfRangeException(nameof(keyBits), keyBits, "TESLA keys are 96, 104, 112, 120, 128, 160, 192, 224 or 256 bits");

    /// <summary>TS field value for a tag length in bits.</summary>
    public static int TagSizeCode(int tagBits) => tagBits != 0 && Array.IndexOf(TagBitsByCode, tagBits) is var code and >= 0
        ? code : throw new ArgumentOutOfRangeException(nameof(tagBits), tagBits, "tags are 20, 24, 28, 32 or 40 bits");

    /// <summary>nt, the number of tags in a MACK (ICD Eq. 8): floor((480 - lk) / (lt + 16)), Tag0 included.</summary>
    public static int TagsPerMack(int keyBits, int tagBits) => (MackBits - keyBits) / (tagBits + 16);
}
