using GeoEdge.Wire.Tpm2;

namespace GeoEdge.Wire.Tests.Tpm2;

/// <summary>
/// Truncated, extended, mutated and random inputs: every parser either succeeds or throws
/// <see cref="TpmFormatException"/>; nothing else (IndexOutOfRange, Overflow, Cryptographic...) escapes.
/// </summary>
public sealed class HostileInputTests
{
    private readonly GcpShieldedVmAttestation _data = GcpShieldedVmAttestation.Load();

    private static readonly string[] StructureNames = ["public", "quote", "signature", "creation-attestation", "creation-data"];

    public static TheoryData<string> Structures => new(StructureNames);

    [Theory]
    [MemberData(nameof(Structures))]
    public void EveryTruncation_IsAFormatError(string structure)
    {
        var full = Bytes(structure);

        for (var length = 0; length < full.Length; length++)
        {
            var prefix = full.AsSpan(0, length).ToArray();
            var e = Record.Exception(() => Parse(structure, prefix));
            Assert.True(e is TpmFormatException, $"{structure} cut to {length} of {full.Length} bytes gave {e?.GetType().Name ?? "no exception"}: {e?.Message}");
        }
    }

    [Theory]
    [MemberData(nameof(Structures))]
    public void ATrailingByte_IsAFormatError(string structure)
    {
        var longer = Bytes(structure).Append((byte)0x42).ToArray();

        Assert.Throws<TpmFormatException>(() => Parse(structure, longer));
    }

    [Theory]
    [MemberData(nameof(Structures))]
    public void MutatedRealStructures_NeverThrowAnythingElse(string structure)
    {
        var random = new Random(20240601 + structure.Length);
        var ak = TpmPublic.Parse(_data.AkPublic);
        var original = Bytes(structure);
        for (var round = 0; round < 3000; round++)
        {
            var mutated = (byte[])original.Clone();
            for (var flips = random.Next(1, 4); flips > 0; flips--)
                mutated[random.Next(mutated.Length)] = (byte)random.Next(256);
            AssertOnlyFormatErrors(() => Exercise(structure, mutated, ak), structure, mutated);
        }
    }

    [Fact]
    public void RandomBytes_NeverThrowAnythingElse()
    {
        var random = new Random(7);
        var ak = TpmPublic.Parse(_data.AkPublic);
        foreach (var structure in StructureNames)
        {
            for (var round = 0; round < 2000; round++)
            {
                var bytes = new byte[random.Next(0, 400)];
                random.NextBytes(bytes);
                AssertOnlyFormatErrors(() => Exercise(structure, bytes, ak), structure, bytes);
            }
        }
    }

    [Fact]
    public void OversizedSizedBuffer_NamesTheFieldAndTheLimit()
    {
        // A quote whose qualifiedSigner claims 0x0100 bytes: above TPM2B_NAME's maximum of 66.
        var tampered = (byte[])_data.Quote.Clone();
        tampered[6] = 0x01;
        tampered[7] = 0x00;

        var e = Assert.Throws<TpmFormatException>(() => TpmsAttest.Parse(tampered));

        Assert.Equal("qualifiedSigner", e.Field);
        Assert.Contains("exceeds the maximum 66", e.Message);
    }

    [Fact]
    public void KeyedHashPublic_IsRefusedWithAClearMessage()
    {
        var keyedHash = (byte[])_data.AkPublic.Clone();
        keyedHash[1] = 0x08;

        var e = Assert.Throws<TpmFormatException>(() => TpmPublic.Parse(keyedHash));

        Assert.Equal("type", e.Field);
        Assert.Contains("only RSA and ECC", e.Message);
    }

    private byte[] Bytes(string structure) => structure switch
    {
        "public" => _data.AkPublic,
        "quote" => _data.Quote,
        "signature" => _data.QuoteSignature,
        "creation-attestation" => _data.CreateAttestation,
        "creation-data" => _data.CreateData,
        _ => throw new ArgumentOutOfRangeException(nameof(structure)),
    };

    private static void Parse(string structure, byte[] bytes)
    {
        switch (structure)
        {
            case "public": TpmPublic.Parse(bytes); break;
            case "quote" or "creation-attestation": TpmsAttest.Parse(bytes); break;
            case "signature": TpmSignature.Parse(bytes); break;
            case "creation-data": TpmCreationData.Parse(bytes); break;
            default: throw new ArgumentOutOfRangeException(nameof(structure));
        }
    }

    /// <summary>Parses, then uses the result the way the bridge would, so the derived operations are covered too.</summary>
    private void Exercise(string structure, byte[] bytes, TpmPublic ak)
    {
        switch (structure)
        {
            case "public":
                var key = TpmPublic.Parse(bytes);
                key.ComputeName();
                TpmSignature.Parse(_data.QuoteSignature).Verify(key, _data.Quote);
                break;
            case "signature":
                TpmSignature.Parse(bytes).Verify(ak, _data.Quote);
                break;
            default:
                Parse(structure, bytes);
                break;
        }
    }

    private static void AssertOnlyFormatErrors(Action action, string structure, byte[] input)
    {
        var e = Record.Exception(action);
        Assert.True(e is null or TpmFormatException,
            $"{structure} input {Convert.ToHexString(input)} gave {e?.GetType().Name}: {e?.Message}");
    }
}
