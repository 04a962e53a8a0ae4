using System.Globalization;
using GeoEdge.Hil.Rig.Processes;
using GeoEdge.Wire.Messages;
using GeoEdge.Wire.Tpm2;

namespace GeoEdge.Hil.Rig.Scenarios;

/// <summary>
/// Checks an attested reading with tpm2-tools' own verifier, tpm2_checkquote (5.x), instead of our
/// codecs: if both accept the same quote, our TPMS_ATTEST / TPMT_SIGNATURE handling agrees with the
/// TCG reference tooling. Files are written in the formats tpm2_quote itself produces: the AK as a
/// PEM SubjectPublicKeyInfo, the raw TPMS_ATTEST (-m), the raw TPMT_SIGNATURE (-s), and the PCR
/// values (-f) as the concatenated digests in selection order, with the selection given by -l.
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
            // tpm2_pcrread -o order: ascending PCR index within the one bank the agent quotes.
            var indices = pcrValues.Keys.Order().ToList();
            await File.WriteAllBytesAsync(Path.Combine(dir, "pcrs.bin"), indices.SelectMany(i => pcrValues[i]).ToArray());
            arguments.AddRange(["-l", $"{reading.PcrBank}:{string.Join(',', indices.Select(i => i.ToString(CultureInfo.InvariantCulture)))}",
                "-f", Path.Combine(dir, "pcrs.bin")]);
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
