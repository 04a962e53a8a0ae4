using System.Text.Encodings.Web;
using System.Text.Json;

namespace GeoEdge.Transparency;

/// <summary>How the log writes its documents.</summary>
internal static class LogJson
{
    /// <summary>
    /// The default encoder writes base64's '+' as \u002B. These documents are served as application/json and read
    /// by programs, never embedded in HTML, so the relaxed encoder keeps hashes readable and copy-pasteable.
    /// </summary>
    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
