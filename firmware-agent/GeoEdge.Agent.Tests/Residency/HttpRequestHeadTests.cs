using System.Text;
using GeoEdge.Agent.Residency;

namespace GeoEdge.Agent.Tests.Residency;

public class HttpRequestHeadTests
{
    private static HttpRequestHead Parse(string head) => HttpRequestHead.Parse(Encoding.Latin1.GetBytes(head));

    private static int RefusedWith(string head) => Assert.Throws<HttpRequestRefusedException>(() => Parse(head)).Status;

    [Fact]
    public void What_HttpClient_sends_parses_with_its_fields()
    {
        var request = Parse("GET /v1/residency?fresh=1 HTTP/1.1\r\nHost: localhost\r\nAccept:  application/json \r\nX-A: 1\r\nx-a: 2");

        Assert.Equal("GET", request.Method);
        Assert.Equal("/v1/residency?fresh=1", request.Target);
        Assert.Equal("/v1/residency", request.Path);
        Assert.Equal("HTTP/1.1", request.Version);
        Assert.Equal("application/json", request.Headers["accept"]);
        Assert.Equal("1, 2", request.Headers["X-A"]);
    }

    [Theory]
    [InlineData("")]                                       // nothing but the blank line
    [InlineData("GET /v1/residency")]                      // no version
    [InlineData("GET  /v1/residency HTTP/1.1")]            // two spaces
    [InlineData("GET /v1/residency HTTP/1.1 extra")]
    [InlineData("GET /v1/residency HTTP/2.0")]
    [InlineData("GET /v1/residency http/1.1")]
    [InlineData("GET http://agent/v1/residency HTTP/1.1")] // absolute-form
    [InlineData("GET * HTTP/1.1")]
    [InlineData("G(T /v1/residency HTTP/1.1")]             // method not a token
    [InlineData("GET /v1/residency#x HTTP/1.1")]
    public void Bad_request_lines_are_400(string line) => Assert.Equal(400, RefusedWith(line));

    [Theory]
    [InlineData("GET / HTTP/1.1\r\nHost : localhost")]              // whitespace before the colon (smuggling)
    [InlineData("GET / HTTP/1.1\r\nHost: a\r\n folded")]            // obs-fold
    [InlineData("GET / HTTP/1.1\r\nno colon here")]
    [InlineData("GET / HTTP/1.1\r\n: empty name")]
    [InlineData("GET / HTTP/1.1\nHost: bare-lf")]                   // bare LF
    [InlineData("GET / HTTP/1.1\r\nHost: bare\rcr")]                // bare CR
    [InlineData("GET / HTTP/1.1\r\nHost: caf\u00e9")]               // non-ASCII
    [InlineData("GET / HTTP/1.1\r\nHost: nul\0")]
    [InlineData("GET / HTTP/1.1\r\nContent-Length: 5")]             // a body
    [InlineData("GET / HTTP/1.1\r\nTransfer-Encoding: chunked")]
    [InlineData("GET / HTTP/1.1\r\nContent-Length: 0\r\nContent-Length: 7")]
    public void Malformed_or_body_carrying_headers_are_400(string head) => Assert.Equal(400, RefusedWith(head));

    [Fact]
    public void Too_many_header_fields_are_431()
    {
        var head = "GET / HTTP/1.1" + string.Concat(Enumerable.Range(0, HttpRequestHead.MaxHeaderFields + 1).Select(i => $"\r\nX-{i}: v"));
        Assert.Equal(431, RefusedWith(head));
        // The bound itself is allowed.
        Parse("GET / HTTP/1.1" + string.Concat(Enumerable.Range(0, HttpRequestHead.MaxHeaderFields).Select(i => $"\r\nX-{i}: v")));
    }
}
