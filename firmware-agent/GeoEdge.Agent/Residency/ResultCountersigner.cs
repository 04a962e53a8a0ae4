using System.Security.Cryptography;
using System.Text;
using GeoEdge.Agent.Attestation;
using GeoEdge.Agent.Logging;
using GeoEdge.Drivers.Tpm;
using GeoEdge.Wire.Messages;
using GeoEdge.Wire.Tpm2;

namespace GeoEdge.Agent.Residency;

/// <summary>
/// Countersigns each result the bridge sends back: a TPM quote of the configured PCRs with SHA-256 of
/// the EAR's exact ASCII bytes as qualifying data, made with the AK the bridge registered. The quote
/// goes through <see cref="PlatformTpm"/>, whose lock serialises it with the reading cycle's quotes.
/// A result replaces the served one only if it is this host's, its EAR parses and names this host and
/// the result's sequence number, and that number is neither older than the served one nor newer than
/// any reading this agent made (so a forged result cannot pin the socket to a number never reached).
/// </summary>
public sealed class ResultCountersigner(string hostId, PlatformTpm tpm, IReadOnlyList<int> pcrs, Func<ulong> lastReadingSeq, ResidencyStore store, AgentLog log)
{
    private readonly byte[] _akPublic = tpm.Ak.Public;
    private readonly string _akName = Convert.ToHexStringLower(TpmPublic.ParseTpm2b(tpm.Ak.Public).ComputeName());

    /// <summary>True when the result was countersigned and is now served; otherwise the log says why not.</summary>
    public bool Offer(ResultMessage result, DateTimeOffset now)
    {
        var refusal = Check(result);
        if (refusal is not null)
        {
            log.Warn($"result for reading {result.Seq} not countersigned: {refusal}");
            return false;
        }
        var earBytes = Encoding.ASCII.GetBytes(result.Ear);
        var earSha256 = SHA256.HashData(earBytes);
        Dictionary<int, byte[]> values;
        TpmAttestation quote;
        try
        {
            (values, quote) = tpm.Quote(earSha256, pcrs);
        }
        catch (TpmException e)
        {
            log.Warn($"result for reading {result.Seq} not countersigned: the quote failed: {e.Message}");
            return false;
        }
        var proof = new ResidencyProof
        {
            HostId = hostId,
            Seq = result.Seq,
            Ear = result.Ear,
            EarSha256 = Convert.ToHexStringLower(earSha256),
            QuoteAttest = quote.Attest.ToArray(),
            QuoteSignature = quote.Signature.ToArray(),
            PcrBank = "sha256",
            Pcrs = values,
            AkName = _akName,
            AkPublic = _akPublic,
            CountersignedAt = now,
        };
        if (!store.Replace(proof))
        {
            log.Info($"result for reading {result.Seq} countersigned, but one for a later reading is served");
            return false;
        }
        log.Info($"result for reading {result.Seq} countersigned (EAR sha256 {proof.EarSha256[..16]}...)");
        return true;
    }

    private string? Check(ResultMessage result)
    {
        if (result.HostId != hostId) return $"it is for host '{result.HostId}'";
        // The EAR is ASCII by construction (base64url and dots); anything else is not one.
        if (!Ascii.IsValid(result.Ear)) return "the EAR is not ASCII";
        EarEnvelope envelope;
        try
        {
            envelope = EarEnvelope.Read(result.Ear);
        }
        catch (InvalidDataException e)
        {
            return e.Message;
        }
        if (envelope.Host != hostId) return $"the EAR names host '{envelope.Host}'";
        if (envelope.Seq != result.Seq) return $"the EAR is about reading {envelope.Seq}, the message says {result.Seq}";
        var last = lastReadingSeq();
        if (result.Seq > last) return $"this agent has made readings up to {last} only";
        if (store.Latest is { } served && result.Seq < served.Proof.Seq) return $"the result for reading {served.Proof.Seq} is already served";
        return null;
    }
}
