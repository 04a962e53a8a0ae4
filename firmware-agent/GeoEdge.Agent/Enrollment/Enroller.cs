using GeoEdge.Agent.Attestation;
using GeoEdge.Agent.Logging;
using GeoEdge.Wire;
using GeoEdge.Wire.Messages;

namespace GeoEdge.Agent.Enrollment;

/// <summary>
/// Registers this host's AK with the bridge: send EK certificate, EK public, AK public and the AK's
/// certified creation; answer the credential challenge with TPM2_ActivateCredential; wait for the
/// outcome. A request that goes unanswered is sent again; a refusal ends enrollment with its reason.
/// </summary>
public sealed class Enroller(PlatformTpm tpm, BridgeLink link, string hostId, HostComposition composition, AgentLog log)
{
    private static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(20);

    public async Task<string> EnrollAsync(CancellationToken ct)
    {
        var (certificate, ekPublic) = tpm.ReadEndorsement();
        var request = new EnrollmentRequest
        {
            HostId = hostId,
            EkCertificate = certificate,
            EkPublic = ekPublic,
            AkPublic = tpm.Ak.Public,
            AkCreationData = tpm.Ak.CreationData,
            AkCreationAttest = tpm.Ak.CreationAttest,
            AkCreationSignature = tpm.Ak.CreationSignature,
            Composition = composition,
            AgentVersion = AgentVersion.Current,
        };
        for (var attempt = 1; ; attempt++)
        {
            log.Info($"enrollment attempt {attempt}: sending EK certificate and AK to the bridge");
            await link.PublishAsync(Topics.Enroll(hostId), WireJson.Encode(request), ct);
            var challenge = await NextAsync(link.Challenges.Reader, link.Outcomes.Reader, ct);
            if (challenge is EnrollmentOutcome refused) throw new EnrollmentRefusedException(refused.Reason ?? "no reason given");
            if (challenge is not CredentialChallenge credential) continue;

            var secret = tpm.ActivateCredential(ekPublic, credential.CredentialBlob, credential.EncryptedSecret);
            await link.PublishAsync(Topics.Activate(hostId),
                WireJson.Encode(new ActivationResponse { HostId = hostId, ChallengeId = credential.ChallengeId, Secret = secret }), ct);
            var outcome = await NextAsync<EnrollmentOutcome>(link.Outcomes.Reader, ct);
            if (outcome is null) continue;
            if (!outcome.Enrolled) throw new EnrollmentRefusedException(outcome.Reason ?? "no reason given");
            log.Info($"enrolled: AK name {outcome.AkName}");
            return outcome.AkName ?? "";
        }
    }

    /// <summary>The first of a challenge or an outcome, or null after the answer timeout.</summary>
    private static async Task<object?> NextAsync(System.Threading.Channels.ChannelReader<CredentialChallenge> challenges,
        System.Threading.Channels.ChannelReader<EnrollmentOutcome> outcomes, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(AnswerTimeout);
        var c = challenges.WaitToReadAsync(timeout.Token).AsTask();
        var o = outcomes.WaitToReadAsync(timeout.Token).AsTask();
        try
        {
            await Task.WhenAny(c, o).Unwrap();
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return null;
        }
        if (outcomes.TryRead(out var outcome)) return outcome;
        return challenges.TryRead(out var challenge) ? challenge : null;
    }

    private static async Task<T?> NextAsync<T>(System.Threading.Channels.ChannelReader<T> reader, CancellationToken ct) where T : class
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(AnswerTimeout);
        try
        {
            return await reader.ReadAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return null;
        }
    }
}
