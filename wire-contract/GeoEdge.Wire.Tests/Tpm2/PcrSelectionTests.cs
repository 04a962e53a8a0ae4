using System.Security.Cryptography;
using GeoEdge.Wire.Tpm2;

namespace GeoEdge.Wire.Tests.Tpm2;

public sealed class PcrSelectionTests
{
    [Fact]
    public void GeoEdgeQuoteSelection_EncodesAsTheTpmExpects()
    {
        // PCRs 0-7 and 10 of the SHA-256 bank: count 1, TPM_ALG_SHA256, sizeofSelect 3, bitmap ff 04 00.
        var selection = new PcrSelection(TpmAlgId.Sha256, [0, 1, 2, 3, 4, 5, 6, 7, 10]);

        Assert.Equal(Convert.FromHexString("00000001000B03FF0400"), selection.Encode());
    }

    [Fact]
    public void ParseThenEncode_RoundTripsSeveralBanksInTheirOrder()
    {
        var encoded = Convert.FromHexString("00000002000B03010000000403000080");

        var selection = PcrSelection.Parse(encoded);

        Assert.Equal([(TpmAlgId.Sha256, 0), (TpmAlgId.Sha1, 23)], selection.SelectedInOrder());
        Assert.Equal(encoded, selection.Encode());
    }

    [Fact]
    public void PcrDigest_HashesTheValuesInSelectionOrder()
    {
        var selection = new PcrSelection(TpmAlgId.Sha1, [10, 2]);
        var values = new Dictionary<int, byte[]> { [2] = new byte[20], [10] = Enumerable.Repeat((byte)0xab, 20).ToArray() };

        var digest = PcrDigest.Compute(TpmAlgId.Sha256, selection, (_, index) => values[index]);

        Assert.Equal(SHA256.HashData([.. values[2], .. values[10]]), digest);
    }

    [Fact]
    public void PcrDigest_MissingValueNamesThePcr()
    {
        var selection = new PcrSelection(TpmAlgId.Sha256, [7]);

        var e = Assert.Throws<ArgumentException>(() => PcrDigest.Compute(TpmAlgId.Sha256, selection, (_, _) => null));

        Assert.Contains("PCR 7", e.Message);
    }

    [Fact]
    public void HugeBankCount_IsRefusedBeforeAllocating()
    {
        var e = Assert.Throws<TpmFormatException>(() => PcrSelection.Parse(Convert.FromHexString("7FFFFFFF")));

        Assert.Equal("count", e.Field);
    }
}
