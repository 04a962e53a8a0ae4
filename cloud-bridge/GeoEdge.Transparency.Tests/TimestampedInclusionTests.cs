using System.Text;

namespace GeoEdge.Transparency.Tests;

/// <summary>
/// The evidence a result carries for its timestamp: the path from the EAR to the stamped tree's root gives exactly
/// the bytes the token covers, any other entry or path gives other bytes, and a malformed document names its member.
/// </summary>
public class TimestampedInclusionTests
{
    private static readonly List<byte[]> Entries = NaiveMerkle.Entries(13);
    private static readonly byte[] Token = [0x30, 0x03, 0x02, 0x01, 0x01];

    [Fact]
    public void The_path_from_each_entry_leads_to_the_tree_head_data_of_the_stamped_tree()
    {
        var subtrees = NaiveMerkle.Subtrees(Entries);
        var expected = TreeHeadData.Encode(0, Entries.Count, NaiveMerkle.Mth(Entries));
        for (var i = 0; i < Entries.Count; i++)
        {
            var evidence = new TimestampedInclusion(i, Entries.Count, MerkleProofs.InclusionPath(i, Entries.Count, subtrees), Token);
            Assert.Equal(InclusionCheck.Valid, evidence.StampedDataFor(Entries[i], out var stamped));
            Assert.Equal(expected, stamped);
            // Another entry on the same path reaches another root, so no token over this tree head can cover it.
            Assert.Equal(InclusionCheck.Valid, evidence.StampedDataFor(Entries[(i + 1) % Entries.Count], out var other));
            Assert.NotEqual(expected, other);
        }
    }

    [Fact]
    public void A_path_of_the_wrong_length_is_refused_without_a_root()
    {
        var path = MerkleProofs.InclusionPath(5, Entries.Count, NaiveMerkle.Subtrees(Entries));
        var shorter = new TimestampedInclusion(5, Entries.Count, path.Take(path.Count - 1).ToList(), Token);
        Assert.Equal(InclusionCheck.PathTooShort, shorter.StampedDataFor(Entries[5], out var none));
        Assert.Empty(none);
        var longer = new TimestampedInclusion(5, Entries.Count, [.. path, path[0]], Token);
        Assert.Equal(InclusionCheck.PathTooLong, longer.StampedDataFor(Entries[5], out _));
    }

    [Fact]
    public void The_JSON_round_trips()
    {
        var path = MerkleProofs.InclusionPath(3, Entries.Count, NaiveMerkle.Subtrees(Entries));
        var json = new TimestampedInclusion(3, Entries.Count, path, Token).ToJson();
        var parsed = TimestampedInclusion.Parse(Encoding.UTF8.GetBytes(json));
        Assert.Equal((3L, (long)Entries.Count), (parsed.LeafIndex, parsed.TreeSize));
        Assert.Equal(Token, parsed.Token);
        Assert.Equal(path, parsed.InclusionPath);
        Assert.Equal(json, parsed.ToJson());
    }

    [Theory]
    [InlineData("""{"leafIndex":0,"treeSize":1,"inclusionPath":[],"token":"MAMCAQE=","extra":1}""", "extra", "is not a member")]
    [InlineData("""{"leafIndex":1,"treeSize":1,"inclusionPath":[],"token":"MAMCAQE="}""", "leafIndex", "is not inside a tree of 1")]
    [InlineData("""{"leafIndex":0,"treeSize":0,"inclusionPath":[],"token":"MAMCAQE="}""", "treeSize", "an empty tree")]
    [InlineData("""{"leafIndex":0,"treeSize":1,"inclusionPath":[],"token":"MAMC AQE="}""", "token", "not canonical padded base64")]
    [InlineData("""{"leafIndex":0,"treeSize":1,"inclusionPath":[],"token":""}""", "token", "must not be empty")]
    [InlineData("""{"leafIndex":0,"treeSize":2,"inclusionPath":["AAAA"],"token":"MAMCAQE="}""", "inclusionPath[0]", "expected 32")]
    [InlineData("""{"leafIndex":0,"treeSize":1,"inclusionPath":[]}""", "token", "required member is missing")]
    [InlineData("""{"leafIndex":-1,"treeSize":1,"inclusionPath":[],"token":"MAMCAQE="}""", "leafIndex", "negative")]
    public void A_malformed_document_names_the_member_at_fault(string json, string member, string problem)
    {
        var e = Assert.Throws<TransparencyFormatException>(() => TimestampedInclusion.Parse(Encoding.UTF8.GetBytes(json)));
        Assert.Contains(member, e.Message);
        Assert.Contains(problem, e.Message);
    }

    [Fact]
    public void A_document_larger_than_any_evidence_is_refused_unread()
    {
        var json = $$"""{"leafIndex":0,"treeSize":1,"inclusionPath":[],"token":"{{new string('A', TimestampedInclusion.MaxDocumentBytes)}}"}""";
        var e = Assert.Throws<TransparencyFormatException>(() => TimestampedInclusion.Parse(Encoding.UTF8.GetBytes(json)));
        Assert.Contains("more than the", e.Message);
    }
}
