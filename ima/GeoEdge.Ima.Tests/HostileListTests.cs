using System.Buffers.Binary;
using System.Text;

namespace GeoEdge.Ima.Tests;

/// <summary>Lists from a compromised or broken host: every defect is an ImaFormatException that says where and what.</summary>
public sealed class HostileListTests
{
    private const string Good = "10 5d4d5141ccd5066d50dc3f21d79ba02fedc24256 ima-ng sha256:b8ae0b8dd04a5935cd8165aa2260cd11b658bd71629bdb52256a675a1f73907b /usr/bin/zmore\n";

    [Theory]
    [InlineData("ten 5d4d5141ccd5066d50dc3f21d79ba02fedc24256 ima-ng sha1:0000000000000000000000000000000000000000 /x", "PCR 'ten' is not a decimal number")]
    [InlineData("10 5d4d5141ccd5066d50dc3f21d79ba02fedc2425 ima-ng sha1:0000000000000000000000000000000000000000 /x", "template hash '5d4d5141ccd5066d50dc3f21d79ba02fedc2425' is not 40 hex digits")]
    [InlineData("10 zd4d5141ccd5066d50dc3f21d79ba02fedc24256 ima-ng sha1:0000000000000000000000000000000000000000 /x", "is not 40 hex digits")]
    [InlineData("10 5d4d5141ccd5066d50dc3f21d79ba02fedc24256 ima-modsig sha1:0000000000000000000000000000000000000000 /x", "template 'ima-modsig' is not supported")]
    [InlineData("10 5d4d5141ccd5066d50dc3f21d79ba02fedc24256 ima-ng sha1:00000000000000000000000000000000000000 /x", "a sha1 digest is 20 bytes, got 19")]
    [InlineData("10 5d4d5141ccd5066d50dc3f21d79ba02fedc24256 ima-ng frob:00 /x", "digest algorithm 'frob' is not one the kernel knows")]
    [InlineData("10 5d4d5141ccd5066d50dc3f21d79ba02fedc24256 ima-ng 0000000000000000000000000000000000000000 /x", "is not 'algorithm:hex'")]
    [InlineData("10 5d4d5141ccd5066d50dc3f21d79ba02fedc24256 ima-sig sha1:0000000000000000000000000000000000000000 /x 03zz", "signature '03zz' is not hex")]
    [InlineData("10 5d4d5141ccd5066d50dc3f21d79ba02fedc24256 ima-ng", "line ends after the template name: fields are missing")]
    [InlineData("10 5d4d5141ccd5066d50dc3f21d79ba02fedc24256", "line ends after the template hash: fields are missing")]
    public void A_bad_text_line_names_its_line_and_the_problem(string badLine, string problem)
    {
        var text = Good + badLine + "\n" + Good;
        var e = Assert.Throws<ImaFormatException>(() => ImaList.ParseAscii(Encoding.UTF8.GetBytes(text)));
        Assert.Equal(2, e.Line);
        Assert.Equal(1, e.Entry);
        Assert.Equal(Good.Length, e.Offset);
        Assert.Contains(problem, e.Message, StringComparison.Ordinal);
        Assert.StartsWith("IMA list line 2, entry 1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_truncation_of_a_binary_list_is_a_format_error_naming_the_entry()
    {
        var binary = ImaList.WriteBinary(Expected.Entries("ima/keylime/signatures.txt").Concat(Expected.Entries("ima/keylime/keyrings.txt")));
        var entryStarts = new List<int> { 0 };
        foreach (var e in ImaList.ParseBinary(binary)) entryStarts.Add(entryStarts[^1] + ImaList.WriteBinary([e]).Length);
        for (var length = 1; length < binary.Length; length++)
        {
            if (entryStarts.Contains(length)) continue;
            var cut = length;
            var e = Assert.Throws<ImaFormatException>(() => ImaList.ParseBinary(binary.AsSpan(0, cut)));
            Assert.Equal(entryStarts.Count(s => s < cut) - 1, e.Entry);
            Assert.Equal(entryStarts.Last(s => s < cut), e.Offset);
        }
    }

    [Fact]
    public void Random_bytes_are_rejected_cleanly_in_both_formats()
    {
        var random = new Random(20240912);
        for (var i = 0; i < 500; i++)
        {
            var bytes = new byte[random.Next(4, 400)];
            random.NextBytes(bytes);
            if (i % 2 == 0) bytes[1] = bytes[2] = bytes[3] = 0; // looks binary
            try
            {
                ImaList.Parse(bytes);
            }
            catch (ImaFormatException)
            {
            }
        }
        var flipped = ImaList.WriteBinary(Expected.Entries("ima/keylime/keyrings.txt"));
        for (var i = 0; i < flipped.Length; i++)
        {
            var copy = flipped.ToArray();
            copy[i] ^= 0x80;
            try
            {
                var entries = ImaList.ParseBinary(copy);
                // A flip inside the hash, digest, name or buffer still parses, and the template hash catches it.
                Assert.True(i < 24 || !entries.Single().TemplateHashMatches(), $"flip at {i} went unnoticed");
            }
            catch (ImaFormatException)
            {
            }
        }
    }

    [Theory]
    [InlineData(0x7fff_ffffu, "template data length 2147483647 exceeds the limit of 65536")]
    [InlineData(65_537u, "template data length 65537 exceeds the limit of 65536")]
    [InlineData(1000u, "truncated: the template data needs 1000 bytes")]
    public void A_binary_length_field_that_lies_is_caught_before_allocating(uint length, string problem)
    {
        var binary = ImaList.WriteBinary(Expected.Entries("ima/keylime/ima-log-sha256"));
        BinaryPrimitives.WriteUInt32LittleEndian(binary.AsSpan(4 + 20 + 4 + 6), length);
        var e = Assert.Throws<ImaFormatException>(() => ImaList.ParseBinary(binary));
        Assert.Contains(problem, e.Message, StringComparison.Ordinal);
        Assert.Equal(0, e.Entry);
    }

    [Fact]
    public void An_unknown_template_in_a_binary_list_is_named()
    {
        var binary = ImaList.WriteBinary(Expected.Entries("ima/keylime/ima-log-sha256"));
        binary[4 + 20 + 4 + 4] = (byte)'x'; // "ima-ng" -> "ima-xg"
        var e = Assert.Throws<ImaFormatException>(() => ImaList.ParseBinary(binary));
        Assert.Contains("template 'ima-xg' is not supported", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fields_inside_template_data_that_do_not_add_up_are_rejected()
    {
        var entry = Expected.Entries("ima/keylime/ima-log-sha256")[1];
        var longer = entry.TemplateData.Concat(new byte[] { 1, 2, 3 }).ToArray();
        var binary = ImaList.WriteBinary([entry with { TemplateData = longer }]);
        var e = Assert.Throws<ImaFormatException>(() => ImaList.ParseBinary(binary));
        Assert.Contains("3 bytes after the last field of the ima-ng template", e.Message, StringComparison.Ordinal);
        var noNul = entry.TemplateData.ToArray();
        noNul[^1] = (byte)'x';
        e = Assert.Throws<ImaFormatException>(() => ImaList.ParseBinary(ImaList.WriteBinary([entry with { TemplateData = noNul }])));
        Assert.Contains("not NUL-terminated", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Limits_bound_entries_line_length_and_list_size()
    {
        var text = Expected.Bytes("ima/keylime/measurements.txt");
        var e = Assert.Throws<ImaFormatException>(() => ImaList.Parse(text, new ImaLimits { MaxEntries = 2 }));
        Assert.Equal(2, e.Entry);
        Assert.Contains("more than 2 entries", e.Message, StringComparison.Ordinal);
        e = Assert.Throws<ImaFormatException>(() => ImaList.Parse(text, new ImaLimits { MaxLineBytes = 100 }));
        Assert.Equal(1, e.Line);
        e = Assert.Throws<ImaFormatException>(() => ImaList.Parse(text, new ImaLimits { MaxListBytes = 100 }));
        Assert.Contains("more than the limit of 100", e.Message, StringComparison.Ordinal);
        var binary = ImaList.WriteBinary(ImaList.Parse(text));
        e = Assert.Throws<ImaFormatException>(() => ImaList.Parse(binary, new ImaLimits { MaxEntries = 1 }));
        Assert.Equal(1, e.Entry);
    }

    [Fact]
    public void Names_the_text_format_cannot_carry_are_refused_when_writing()
    {
        var entry = Expected.Entries("ima/keylime/signatures.txt")[0];
        Assert.Throws<ArgumentException>(() => ImaList.WriteAscii([entry with { Path = "/usr/bin/with space" }]));
        Assert.Throws<ArgumentException>(() => ImaList.WriteAscii([entry with { Path = "/usr/bin/new\nline" }]));
    }
}
