using GeoEdge.Hil.Rig.Processes;
using GeoEdge.Wire.Messages;
using GeoEdge.Wire.Tpm2;

namespace GeoEdge.Hil.Rig.Scenarios;

/// <summary>
/// Checks an attested reading with tpm2-tools' own verifier, tpm2_checkquote (5.x), instead of our
/// codecs: if both accept the same quote, our TPMS_ATTEST / TPMT_SIGNATURE handling agrees with the
/// TCG reference tooling. Files are written in the formats tpm2_quote itself produces: the AK as a
/// PEM SubjectPublicKeyInfo, the raw TPMS_ATTEST (-m), the raw TPMT_SIGNATURE (-s), and the PCR
/// values (-f) as tpm2_quote -o writes them (<see cref="TpmToolsPcrFile"/>).
/// </summary>
public static class Tpm2CheckQuote
{
    private static int _runs;

    /// <summary>What tpm2_checkquote said: its exit code and everything it printed.</summary>
    public sealed record Outcome(int ExitCode, string Output)
    {
        public override string ToString() => $"exit {ExitCode}: {Output}";
    }

    /// <summary>
    /// Runs tpm2_checkquote on <paramref name="reading"/> as signed by the AK whose TPM2B_PUBLIC is
    /// <paramref name="akPublic"/>, with <paramref name="qualification"/> as the expected qualifying
    /// data and, unless null, <paramref name="pcrValues"/> as the PCR values to check the quote's digest against.
    /// </summary>
    public static async Task<Outcome> RunAsync(string workDirectory, byte[] akPublic, AttestedReading reading, byte[] qualification,
        IReadOnlyDictionary<int, byte[]>? pcrValues, TimeSpan timeout)
    {
        var run = Interlocked.Increment(ref _runs);
        var dir = Directory.CreateDirectory(Path.Combine(workDirectory, $"checkquote-{run:D3}")).FullName;
        using (var ecdsa = TpmPublic.Parse(akPublic).ExportECDsa())
            await File.WriteAllTextAsync(Path.Combine(dir, "ak.pem"), ecdsa.ExportSubjectPublicKeyInfoPem());
        await File.WriteAllBytesAsync(Path.Combine(dir, "attest.bin"), reading.QuoteAttest);
        await File.WriteAllBytesAsync(Path.Combine(dir, "sig.bin"), reading.QuoteSignature);
        var arguments = new List<string>
        {
            "-u", Path.Combine(dir, "ak.pem"),
            "-m", Path.Combine(dir, "attest.bin"),
            "-s", Path.Combine(dir, "sig.bin"),
            "-g", "sha256",
            "-q", Convert.ToHexStringLower(qualification),
        };
        if (pcrValues is not null)
        {
            if (reading.PcrBank != "sha256") throw new RigException($"only the sha256 PCR bank is supported here, not '{reading.PcrBank}'");
            await File.WriteAllBytesAsync(Path.Combine(dir, "pcrs.bin"), TpmToolsPcrFile.Serialize((ushort)TpmAlgId.Sha256, pcrValues));
            arguments.AddRange(["-f", Path.Combine(dir, "pcrs.bin")]);
        }

        using var process = RigProcess.Start($"tpm2_checkquote-{run:D3}", "tpm2_checkquote", arguments, dir);
        int exitCode;
        try
        {
            exitCode = await process.WaitForExitAsync(timeout);
        }
        catch (RigException)
        {
            process.Kill9();
            throw;
        }
        return new Outcome(exitCode, process.Tail(int.MaxValue));
    }
}
