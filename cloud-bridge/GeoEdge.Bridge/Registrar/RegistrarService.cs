using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using GeoEdge.Bridge.Store;
using GeoEdge.Wire;
using GeoEdge.Wire.Messages;
using GeoEdge.Wire.Tpm2;

namespace GeoEdge.Bridge.Registrar;

/// <summary>
/// Enrollment: validate the EK certificate chain, check that the EK public key the agent sent is the
/// certified one, check the AK's attributes and its creation attestation, then challenge the TPM with
/// MakeCredential to the EK keyed on the AK name. The AK is registered only when the secret comes back.
/// </summary>
public sealed class RegistrarService(BridgeStore store, EkCertificateValidator ekValidator, TimeProvider time, TimeSpan challengeTimeout)
{
    /// <summary>Either a challenge to send to the agent, or a refusal.</summary>
    public (CredentialChallenge? Challenge, EnrollmentOutcome? Refusal) Begin(string topicHostId, ReadOnlySpan<byte> payload)
    {
        EnrollmentRequest request;
        try
        {
            request = WireJson.Decode<EnrollmentRequest>(payload);
        }
        catch (WireFormatException e)
        {
            return (null, Refuse(topicHostId, "malformed-payload", e.Message));
        }
        if (request.HostId != topicHostId)
            return (null, Refuse(topicHostId, "host-mismatch", $"the request names host '{request.HostId}' but arrived on the topic of '{topicHostId}'"));

        var chainProblem = ekValidator.Validate(request.EkCertificate, time.GetUtcNow());
        if (chainProblem is not null) return (null, Refuse(topicHostId, "ek-certificate-untrusted", chainProblem));

        TpmPublic ek, ak;
        try
        {
            ek = TpmPublic.Parse(request.EkPublic);
            ak = TpmPublic.Parse(request.AkPublic);
        }
        catch (TpmFormatException e)
        {
            return (null, Refuse(topicHostId, "malformed-key", e.Message));
        }

        MakeCredentialResult credential;
        byte[] akName, secret;
        try
        {
            var ekProblem = EkMatchesCertificate(ek, request.EkCertificate);
            if (ekProblem is not null) return (null, Refuse(topicHostId, "ek-public-mismatch", ekProblem));

            var akProblem = AkPolicy.Check(ak) ?? CheckCreation(ak, request);
            if (akProblem is not null) return (null, Refuse(topicHostId, "ak-not-acceptable", akProblem));

            akName = ak.ComputeName();
            secret = RandomNumberGenerator.GetBytes(32);
            credential = MakeCredential.Create(ek, akName, secret);
        }
        catch (Exception e) when (e is TpmFormatException or CryptographicException or ArgumentException)
        {
            // A certified EK that still cannot be used (e.g. not a restricted decryption key with
            // AES-CFB) cannot prove anything: refuse, naming why, rather than leave the agent waiting.
            return (null, Refuse(topicHostId, "ek-not-usable", e.Message));
        }

        var challengeId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        store.SaveChallenge(new PendingChallenge(challengeId, topicHostId, payload.ToArray(), secret,
            Convert.ToHexStringLower(akName), time.GetUtcNow()));
        return (new CredentialChallenge
        {
            HostId = topicHostId,
            ChallengeId = challengeId,
            CredentialBlob = credential.CredentialBlob,
            EncryptedSecret = credential.Secret,
        }, null);
    }

    /// <summary>Registers the AK if the activation answer proves the TPM holds both EK and AK.</summary>
    public EnrollmentOutcome Complete(string topicHostId, ReadOnlySpan<byte> payload)
    {
        ActivationResponse response;
        try
        {
            response = WireJson.Decode<ActivationResponse>(payload);
        }
        catch (WireFormatException e)
        {
            return Refuse(topicHostId, "malformed-payload", e.Message);
        }
        var pending = store.TakeChallenge(response.ChallengeId);
        if (pending is null || pending.HostId != topicHostId)
            return Refuse(topicHostId, "unknown-challenge", $"challenge '{Shorten(response.ChallengeId)}' is not outstanding for host '{topicHostId}'");
        if (time.GetUtcNow() - pending.CreatedAt > challengeTimeout)
            return Refuse(topicHostId, "challenge-expired", $"the answer came after {challengeTimeout.TotalSeconds:0} s");
        if (!CryptographicOperations.FixedTimeEquals(pending.Secret, response.Secret))
            return Refuse(topicHostId, "activation-failed", "the secret returned is not the one sealed to the EK and AK name");

        var request = WireJson.Decode<EnrollmentRequest>(pending.Request);
        store.UpsertHost(new EnrolledHost(topicHostId, request.EkCertificate, request.EkPublic, request.AkPublic, pending.AkName,
            JsonSerializer.Serialize(request.Composition, WireJsonContext.Default.HostComposition), time.GetUtcNow(), null));
        return new EnrollmentOutcome { HostId = topicHostId, Enrolled = true, AkName = pending.AkName };
    }

    private static string? EkMatchesCertificate(TpmPublic ek, byte[] certificateDer)
    {
        using var cert = X509CertificateLoader.LoadCertificate(certificateDer);
        byte[] certKey = cert.PublicKey.ExportSubjectPublicKeyInfo();
        byte[] tpmKey;
        if (ek.Type == TpmAlgId.Rsa)
        {
            using var rsa = ek.ExportRSA();
            tpmKey = rsa.ExportSubjectPublicKeyInfo();
        }
        else
        {
            using var ecdsa = ek.ExportECDsa();
            tpmKey = ecdsa.ExportSubjectPublicKeyInfo();
        }
        return certKey.AsSpan().SequenceEqual(tpmKey) ? null
            : "the EK public key sent is not the key in the EK certificate";
    }

    private static string? CheckCreation(TpmPublic ak, EnrollmentRequest request)
    {
        try
        {
            var attest = TpmsAttest.Parse(request.AkCreationAttest);
            if (attest.Type != TpmStructureTag.AttestCreation || attest.Creation is null)
                return $"the creation attestation has type 0x{(ushort)attest.Type:x4}, not TPM_ST_ATTEST_CREATION";
            if (!attest.Creation.ObjectName.AsSpan().SequenceEqual(ak.ComputeName()))
                return "the creation attestation is about another object than the AK";
            var creationData = TpmCreationData.Parse(request.AkCreationData);
            if (!attest.Creation.CreationHash.AsSpan().SequenceEqual(creationData.ComputeHash(ak.NameAlg)))
                return "the creation hash does not match the creation data";
            if (!TpmSignature.Parse(request.AkCreationSignature).Verify(ak, request.AkCreationAttest))
                return "the creation attestation is not signed by the AK";
            return null;
        }
        catch (TpmFormatException e)
        {
            return $"the creation attestation is malformed: {e.Message}";
        }
    }

    private static EnrollmentOutcome Refuse(string hostId, string code, string detail) =>
        new() { HostId = hostId, Enrolled = false, Reason = $"{code}: {detail}" };

    private static string Shorten(string s) => s.Length > 40 ? s[..40] + "..." : s;
}
