using GeoEdge.Ear;

namespace GeoEdge.Transparency.Tests;

/// <summary>A log in a temporary file with its own key, and the JWK Set a relying party would hold for it.</summary>
public sealed class LogFixture : IDisposable
{
    public TempDirectory Directory { get; } = new();
    public EarSigningKey Key { get; } = EarSigningKey.Generate();
    public string DatabasePath => Directory.File("bridge.db");
    public Jwks Jwks => new([Key.PublicKey]);
    public TransparencyLog Log { get; private set; }

    public LogFixture() => Log = new TransparencyLog(DatabasePath, Key);

    public TransparencyLog Reopen()
    {
        Log.Dispose();
        return Log = new TransparencyLog(DatabasePath, Key);
    }

    /// <summary>EAR-like entries: distinct compact-JWS-shaped ASCII strings of about 1.5 KB.</summary>
    public static byte[] Ear(int i) => System.Text.Encoding.ASCII.GetBytes($"eyJhbGciOiJFUzI1NiJ9.{i:D8}{new string((char)('a' + i % 26), 1500)}.sig{i}");

    public void Dispose()
    {
        Log.Dispose();
        Key.Dispose();
        Directory.Dispose();
    }
}
