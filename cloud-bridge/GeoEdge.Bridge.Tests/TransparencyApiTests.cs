using System.Net;
using System.Text;
using System.Text.Json;
using GeoEdge.Bridge.Api;
using GeoEdge.Ear;
using GeoEdge.Transparency;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GeoEdge.Bridge.Tests;

/// <summary>
/// /v1/log/* on real Kestrel over loopback, with the log in the same database file as the bridge's store
/// (as Program.cs wires it), read by an HTTP client and verified with the library's offline verifiers.
/// </summary>
public sealed class TransparencyApiTests : IAsyncLifetime
{
    private readonly TempStore _store = new();
    private readonly EarSigningKey _key = EarSigningKey.Generate();
    private TransparencyLog _log = null!;
    private WebApplication _app = null!;
    private HttpClient _http = null!;

    private static string Ear(int i) => $"eyJhbGciOiJFUzI1NiJ9.eyJpIjo{i:D4}fQ.c2ln{i:D4}";

    public async Task InitializeAsync()
    {
        _log = new TransparencyLog(_store.Path, _key);
        for (var i = 0; i < 12; i++) _log.Append(Encoding.UTF8.GetBytes(Ear(i)));
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(_log);
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, BridgeJsonContext.Default));
        _app = builder.Build();
        TransparencyApi.Map(_app.MapGroup("/v1"));
        await _app.StartAsync();
        _http = new HttpClient { BaseAddress = new Uri(_app.Urls.First()) };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _app.DisposeAsync();
        _log.Dispose();
        _key.Dispose();
        _store.Dispose();
    }

    private Jwks Jwks => new([_key.PublicKey]);

    [Fact]
    public async Task TheTreeHeadIsSignedAndCoversEveryEntry()
    {
        var body = await _http.GetByteArrayAsync("/v1/log/tree-head");
        var head = TreeHeadVerifier.Verify(body, Jwks);
        Assert.True(head.IsValid, head.Detail);
        Assert.Equal(12, head.TreeHead!.TreeSize);
        Assert.Equal(_log.RootHash(12), head.TreeHead.RootHash);
    }

    [Fact]
    public async Task AnEntryComesWithItsLeafHash()
    {
        using var entry = JsonDocument.Parse(await _http.GetStringAsync("/v1/log/entries/5"));
        Assert.Equal(Ear(5), Encoding.UTF8.GetString(Convert.FromBase64String(entry.RootElement.GetProperty("entry").GetString()!)));
        Assert.Equal(MerkleHash.Leaf(Encoding.UTF8.GetBytes(Ear(5))), Convert.FromBase64String(entry.RootElement.GetProperty("leafHash").GetString()!));
        await AssertRefused("/v1/log/entries/12", HttpStatusCode.NotFound, "index");
        await AssertRefused("/v1/log/entries/-1", HttpStatusCode.BadRequest, "index");
        await AssertRefused("/v1/log/entries/abc", HttpStatusCode.BadRequest, "index");
    }

    [Fact]
    public async Task InclusionProofsByIndexAndByLeafHashVerify()
    {
        var root = _log.RootHash(9);
        var leaf = MerkleHash.Leaf(Encoding.UTF8.GetBytes(Ear(7)));
        foreach (var query in new[] { "index=7&treeSize=9", $"leafHash={Base64UrlStrict.Encode(leaf)}&treeSize=9" })
        {
            using var proof = JsonDocument.Parse(await _http.GetStringAsync($"/v1/log/proof/inclusion?{query}"));
            Assert.Equal(7, proof.RootElement.GetProperty("leafIndex").GetInt64());
            var path = proof.RootElement.GetProperty("inclusionPath").EnumerateArray().Select(h => Convert.FromBase64String(h.GetString()!)).ToList();
            Assert.Equal(InclusionCheck.Valid, MerkleVerifier.VerifyInclusion(leaf, 7, 9, path, root));
        }
        await AssertRefused("/v1/log/proof/inclusion?index=7&treeSize=13", HttpStatusCode.BadRequest, "treeSize");
        await AssertRefused("/v1/log/proof/inclusion?index=9&treeSize=9", HttpStatusCode.BadRequest, "index");
        await AssertRefused("/v1/log/proof/inclusion?treeSize=9", HttpStatusCode.BadRequest, "index, leafHash");
        await AssertRefused("/v1/log/proof/inclusion?index=1&leafHash=AAAA", HttpStatusCode.BadRequest, "index, leafHash");
        await AssertRefused("/v1/log/proof/inclusion?leafHash=AAAA", HttpStatusCode.BadRequest, "leafHash");
        await AssertRefused($"/v1/log/proof/inclusion?leafHash={Base64UrlStrict.Encode(new byte[32])}", HttpStatusCode.NotFound, "leafHash");
    }

    [Fact]
    public async Task ConsistencyProofsVerifyBetweenTwoHeads()
    {
        using var proof = JsonDocument.Parse(await _http.GetStringAsync("/v1/log/proof/consistency?first=5&second=12"));
        var path = proof.RootElement.GetProperty("consistencyPath").EnumerateArray().Select(h => Convert.FromBase64String(h.GetString()!)).ToList();
        Assert.Equal(ConsistencyCheck.Valid, MerkleVerifier.VerifyConsistency(5, 12, _log.RootHash(5), _log.RootHash(12), path));
        await AssertRefused("/v1/log/proof/consistency?first=0&second=12", HttpStatusCode.BadRequest, "first");
        await AssertRefused("/v1/log/proof/consistency?first=5&second=13", HttpStatusCode.BadRequest, "second");
        await AssertRefused("/v1/log/proof/consistency?second=5", HttpStatusCode.BadRequest, "first");
    }

    [Fact]
    public async Task PostingAnEarReturnsAProofDocumentThatVerifiesOffline()
    {
        using var response = await _http.PostAsync("/v1/log/proof", new StringContent(Ear(3) + "\n"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await response.Content.ReadAsByteArrayAsync();
        var result = InclusionVerifier.Verify(Encoding.UTF8.GetBytes(Ear(3)), document, Jwks.Parse(Jwks.ToJson()));
        Assert.True(result.IsValid, result.Detail);
        Assert.Equal(InclusionFailure.WrongLeaf, InclusionVerifier.Verify(Encoding.UTF8.GetBytes(Ear(4)), document, Jwks).Failure);
        using var unknown = await _http.PostAsync("/v1/log/proof", new StringContent(Ear(99)));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        using var huge = await _http.PostAsync("/v1/log/proof", new StringContent(new string('a', TransparencyLog.MaxEntryBytes + 1)));
        Assert.Equal(HttpStatusCode.BadRequest, huge.StatusCode);
    }

    private async Task AssertRefused(string url, HttpStatusCode status, string member)
    {
        using var response = await _http.GetAsync(url);
        Assert.Equal(status, response.StatusCode);
        using var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.StartsWith($"{member}:", error.RootElement.GetProperty("error").GetString());
    }
}
