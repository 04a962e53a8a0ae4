using System.Text;

namespace GeoEdge.Ima.Tests;

public sealed class ImaListTests
{
    public static TheoryData<string> Lists => new(Expected.Lists);

    [Theory]
    [MemberData(nameof(Lists))]
    public void Every_Keylime_list_has_the_expected_entries_templates_and_digest_algorithms(string list)
    {
        var expected = Expected.For(list);
        var entries = Expected.Entries(list);
        Assert.Equal(expected.GetProperty("entries").GetInt32(), entries.Count);
        Assert.Equal(Enumerable.Range(0, entries.Count), entries.Select(e => e.Index));
        Assert.All(entries, e => Assert.Equal(10, e.Pcr));
        var templates = entries.GroupBy(e => e.TemplateName).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(expected.GetProperty("templates").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32()), templates);
        var algorithms = entries.GroupBy(e => e.FileDigest.Algorithm).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(expected.GetProperty("filedata_hash_algs").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32()), algorithms);
    }

    [Theory]
    [MemberData(nameof(Lists))]
    public void Template_hashes_recomputed_from_the_text_match_where_Keylime_says_and_only_there(string list)
    {
        var expected = Expected.For(list);
        var entries = Expected.Entries(list);
        Assert.Equal(expected.GetProperty("violations_all_zero_template_hash").GetInt32(), entries.Count(e => e.IsViolation));
        Assert.Equal(expected.GetProperty("template_hash_mismatch").GetInt32(), entries.Count(e => !e.TemplateHashMatches()));
        Assert.Equal(expected.GetProperty("template_hash_recomputed_ok").GetInt32(), entries.Count(e => !e.IsViolation && e.TemplateHashMatches()));
    }

    [Theory]
    [MemberData(nameof(Lists))]
    public void Text_to_binary_to_text_gives_back_the_file_byte_for_byte(string list)
    {
        var text = Expected.Text(list);
        var entries = ImaList.ParseAscii(Encoding.UTF8.GetBytes(text));
        var binary = ImaList.WriteBinary(entries);
        Assert.True(ImaList.IsBinary(binary));
        var again = ImaList.Parse(binary);
        Assert.Equal(entries.Count, again.Count);
        for (var i = 0; i < entries.Count; i++)
        {
            Assert.Equal(entries[i].TemplateData, again[i].TemplateData);
            Assert.Equal(entries[i].TemplateHash, again[i].TemplateHash);
            Assert.Equal(entries[i].FileDigest, again[i].FileDigest);
            Assert.Equal(entries[i].Path, again[i].Path);
            Assert.Equal(entries[i].Signature, again[i].Signature);
            Assert.Equal(entries[i].Buffer, again[i].Buffer);
        }
        Assert.Equal(text, ImaList.WriteAscii(again));
    }

    [Fact]
    public void The_ima_sig_fields_come_apart_as_the_kernel_recorded_them()
    {
        var entries = Expected.Entries("ima/keylime/signatures.txt");
        Assert.Equal("/usr/bin/dd", entries[0].Path);
        Assert.Equal("sha256:d33d5d13792292e202dbf69a6f1b07bc8a02f01424db8489ba7bb7d43c0290ef", entries[0].FileDigest.ToString());
        Assert.Equal("030204f3452d2301", Convert.ToHexStringLower(entries[0].Signature![..8]));
        Assert.Equal(9 + 256, entries[0].Signature!.Length);
        var unsigned = Expected.Entries("ima/keylime/measurements.txt");
        Assert.All(unsigned, e => Assert.Null(e.Signature));
        Assert.Equal("boot_aggregate", unsigned[0].Path);
        var keyring = Expected.Entries("ima/keylime/keyrings.txt").Single();
        Assert.Equal(".ima", keyring.Path);
        Assert.Equal(0x30, keyring.Buffer![0]);
        Assert.Equal(keyring.FileDigest.Value, System.Security.Cryptography.SHA256.HashData(keyring.Buffer));
    }

    [Fact]
    public void The_old_ima_template_hashes_the_name_padded_to_256_bytes_as_a_real_kernel_line_shows()
    {
        // A line from a real ascii_runtime_measurements with the original "ima" template.
        const string line = "10 2c7020ad8cab6b7419e4973171cb704bdbf52f77 ima e09e048c48301268ff38645f4c006137e42951d0 /init\n";
        var entry = ImaList.ParseAscii(Encoding.ASCII.GetBytes(line)).Single();
        Assert.Equal("/init", entry.Path);
        Assert.Equal("sha1", entry.FileDigest.Algorithm);
        Assert.Equal(276, entry.TemplateData.Length);
        Assert.True(entry.TemplateHashMatches());
        var binary = ImaList.WriteBinary([entry]);
        // u32 pcr, hash[20], u32 3 "ima", digest[20], u32 5 "/init": no data length, no padding on the wire.
        Assert.Equal(4 + 20 + 4 + 3 + 20 + 4 + 5, binary.Length);
        var back = ImaList.ParseBinary(binary).Single();
        Assert.Equal(entry.TemplateData, back.TemplateData);
        Assert.Equal(line, ImaList.WriteAscii([back]));
    }

    [Fact]
    public void A_built_entry_is_what_the_kernel_would_have_recorded()
    {
        var recorded = Expected.Entries("ima/keylime/signatures.txt")[1];
        var built = ImaEntry.Build(1, "ima-sig", recorded.FileDigest, recorded.Path, recorded.Signature);
        Assert.Equal(recorded.TemplateHash, built.TemplateHash);
        Assert.Equal(recorded.TemplateData, built.TemplateData);
        Assert.Throws<ArgumentException>(() => ImaEntry.Build(0, "ima-modsig", recorded.FileDigest, "/x"));
        Assert.Throws<ArgumentException>(() => ImaEntry.Build(0, "ima-ng", new ImaDigest("sha256", new byte[20]), "/x"));
    }

    [Fact]
    public void Entries_are_numbered_from_the_first_index_given()
    {
        var entries = ImaList.Parse(Expected.Bytes("ima/keylime/measurements.txt"), firstIndex: 40);
        Assert.Equal([40, 41, 42], entries.Select(e => e.Index));
    }

    [Fact]
    public void Blank_lines_and_CRLF_endings_are_tolerated_and_a_missing_empty_last_field_reads_as_empty()
    {
        var text = Expected.Text("ima/keylime/measurements.txt");
        var mangled = "\n" + text.Replace(" \n", "\r\n") + "\n\n";
        var entries = ImaList.ParseAscii(Encoding.UTF8.GetBytes(mangled));
        Assert.Equal(3, entries.Count);
        Assert.All(entries, e => Assert.True(e.TemplateHashMatches()));
    }

    [Fact]
    public void An_empty_list_is_an_empty_list()
    {
        Assert.Empty(ImaList.Parse([]));
        Assert.Empty(ImaList.ParseBinary([]));
        Assert.Equal("", ImaList.WriteAscii([]));
    }
}
