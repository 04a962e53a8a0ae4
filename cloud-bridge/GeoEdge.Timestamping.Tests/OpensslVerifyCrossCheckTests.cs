using System.Diagnostics;

namespace GeoEdge.Timestamping.Tests;

/// <summary>A token the client accepted is one `openssl ts -verify` accepts too, and for the same data only.</summary>
public sealed class OpensslVerifyCrossCheckTests(TsaFixture fixture) : IClassFixture<TsaFixture>, IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("geoedge-tsa-verify-");

    [Fact]
    public async Task Openssl_ts_verify_agrees_with_the_client()
    {
        var data = "the EAR this token covers"u8.ToArray();
        using var client = TsaFixture.ClientFor(fixture.Tsa);
        var token = (await client.TimestampAsync(data)).Token;
        var tokenPath = Path.Combine(_dir.FullName, "token.der");
        await File.WriteAllBytesAsync(tokenPath, token);

        var good = await OpensslVerifyAsync(tokenPath, data);
        Assert.True(good.Exit == 0 && good.Output.Contains("Verification: OK"), good.Output);

        var tampered = (byte[])data.Clone();
        tampered[0] ^= 1;
        var bad = await OpensslVerifyAsync(tokenPath, tampered);
        Assert.True(bad.Exit != 0 && bad.Output.Contains("Verification: FAILED"), bad.Output);
    }

    private async Task<(int Exit, string Output)> OpensslVerifyAsync(string tokenPath, byte[] data)
    {
        var dataPath = Path.Combine(_dir.FullName, "data.bin");
        await File.WriteAllBytesAsync(dataPath, data);
        var start = new ProcessStartInfo("openssl") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "ts", "-verify", "-token_in", "-in", tokenPath, "-data", dataPath, "-CAfile", fixture.Tsa.CaCertificatePath })
            start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill();
            throw;
        }
        return (process.ExitCode, await stdout + await stderr);
    }

    public void Dispose() => _dir.Delete(recursive: true);
}
