using GeoEdge.Bridge.Appraisal;
using GeoEdge.Bridge.Composition;
using GeoEdge.Bridge.Geofencing;
using GeoEdge.Bridge.Registrar;
using GeoEdge.Bridge.ResultSigning;
using GeoEdge.Bridge.Store;
using GeoEdge.Bridge.Verification;
using GeoEdge.Wire;
using GeoEdge.Wire.Messages;

namespace GeoEdge.Bridge.Ingest;

/// <summary>
/// A message the bridge sends in answer to one it received. A result's payload is ready only once the result is
/// logged and time-stamped; answers are published in the order they were made, each when its payload is ready.
/// </summary>
public sealed record Outgoing(string Topic, Task<byte[]> Payload)
{
    public Outgoing(string topic, byte[] payload) : this(topic, Task.FromResult(payload)) { }
}

/// <summary>
/// Routes one incoming MQTT message by topic to the registrar or the verifier and returns what to
/// publish back. Kept free of MQTT so the whole decision path is testable on its own. Never throws
/// for a bad payload: every refusal becomes an answer naming its reason.
/// </summary>
public sealed class MessageRouter(
    RegistrarService registrar,
    ReadingVerifier verifier,
    PlatformAppraiser platformAppraiser,
    LocationAssessor assessor,
    ResultIssuer issuer,
    BridgeStore store,
    TimeProvider time,
    ILogger<MessageRouter> log)
{
    public async Task<IReadOnlyList<Outgoing>> HandleAsync(string topic, byte[] payload, CancellationToken ct)
    {
        var parsed = Topics.ParseHostTopic(topic);
        if (parsed is null)
        {
            log.LogWarning("ignored a message on unexpected topic {Topic} ({Bytes} bytes)", Shorten(topic), payload.Length);
            return [];
        }
        var (hostId, leaf) = parsed.Value;
        return leaf switch
        {
            Topics.Leaf.Enroll => BeginEnrollment(hostId, payload),
            Topics.Leaf.Activate => CompleteEnrollment(hostId, payload),
            Topics.Leaf.Readings => await VerifyReadingAsync(hostId, payload, ct),
            _ => [],
        };
    }

    private IReadOnlyList<Outgoing> BeginEnrollment(string hostId, byte[] payload)
    {
        var (challenge, refusal) = registrar.Begin(hostId, payload);
        if (challenge is not null)
        {
            log.LogInformation("host {Host}: enrollment request accepted, credential challenge sent", hostId);
            return [new Outgoing(Topics.Challenge(hostId), WireJson.Encode(challenge))];
        }
        log.LogWarning("host {Host}: enrollment refused: {Reason}", hostId, refusal!.Reason);
        return [new Outgoing(Topics.Enrolled(hostId), WireJson.Encode(refusal))];
    }

    private IReadOnlyList<Outgoing> CompleteEnrollment(string hostId, byte[] payload)
    {
        var outcome = registrar.Complete(hostId, payload);
        if (outcome.Enrolled) log.LogInformation("host {Host}: enrolled with AK {AkName}", hostId, outcome.AkName);
        else log.LogWarning("host {Host}: activation refused: {Reason}", hostId, outcome.Reason);
        return [new Outgoing(Topics.Enrolled(hostId), WireJson.Encode(outcome))];
    }

    private async Task<IReadOnlyList<Outgoing>> VerifyReadingAsync(string hostId, byte[] payload, CancellationToken ct)
    {
        var outcome = verifier.Verify(hostId, payload);
        var platform = outcome.IsAccepted ? platformAppraiser.Appraise(hostId, outcome.Message!, outcome.Accepted!.Counters) : null;
        var composition = outcome.IsAccepted ? CompositionCheck.Check(ApprovedComposition.Of(outcome.Host!), outcome.Reading!.Modem) : null;
        if (composition is not null) platform = platform! with { Findings = [.. platform.Findings, .. composition.Findings] };
        if (outcome.IsAccepted && !store.TryAcceptReading(outcome.Accepted!, time.GetUtcNow(), platform!.Next))
        {
            // Another copy of this sequence number won the race to the store (MQTT QoS 1 may deliver twice).
            outcome = VerificationOutcome.Refused(hostId, outcome.Reading,
                new Finding(FindingCodes.ReplayedReading, $"sequence {outcome.Reading!.Seq} is already stored")) with { ReadingDigest = outcome.ReadingDigest };
        }
        if (RepublishableResult(outcome) is { } published)
        {
            log.LogInformation("host {Host} seq {Seq}: the accepted reading came again (redelivered); its result is published again", hostId, outcome.Reading!.Seq);
            return [new Outgoing(Topics.Results(hostId), published)];
        }
        if (outcome.IsAccepted) RecordComposition(hostId, composition!);
        var location = outcome.IsAccepted ? await assessor.AssessAsync(hostId, outcome.Reading!, ct) : null;
        var issued = issuer.IssueForPublication(outcome, outcome.IsAccepted ? platform : null, location);
        var result = issued.Signed;
        if (outcome.IsAccepted)
            log.LogInformation("host {Host} seq {Seq}: {Status}, {Geofence}, location grade {Grade}", hostId, result.Seq, result.EarStatus, result.Geofence, result.LocationGrade);
        else
            log.LogWarning("host {Host}: reading refused: {Reasons}", hostId, string.Join("; ", result.Reasons));
        return [new Outgoing(Topics.Results(hostId), EncodeWhenReady(issued.Publishable))];
    }

    /// <summary>
    /// A copy of a reading the bridge already accepted (the very bytes, quoted by the host's AK, refused only for
    /// its sequence number) gets the result already published for it rather than a refusal: the agent is waiting
    /// for that result, and nothing new is claimed, since it is the same signed EAR with its original times.
    /// </summary>
    private byte[]? RepublishableResult(VerificationOutcome outcome) =>
        outcome is { IsAccepted: false, Reading: { } reading, ReadingDigest: { } digest, Findings: [{ Code: FindingCodes.ReplayedReading }] }
            ? store.PublishedResultFor(outcome.HostId, reading.Seq, digest)
            : null;

    /// <summary>A changed composition waits for approval; the approved one seen again clears what was pending.</summary>
    private void RecordComposition(string hostId, CompositionCheck.Result composition)
    {
        if (composition.Observed is { } observed)
        {
            store.SetPendingComposition(hostId, observed, time.GetUtcNow());
            log.LogWarning("host {Host}: composition changed, waiting for approval: {Reasons}", hostId, string.Join("; ", composition.Findings.Select(f => f.Detail)));
        }
        else if (composition.Findings.Count == 0)
        {
            store.ClearPendingComposition(hostId);
        }
    }

    private static async Task<byte[]> EncodeWhenReady(Task<ResultMessage> result) => WireJson.Encode(await result);

    private static string Shorten(string s) => s.Length > 120 ? s[..120] + "..." : s;
}
