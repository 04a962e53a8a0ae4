using System.Text.Json;
using GeoEdge.Bridge.Options;
using GeoEdge.Ima;
using GeoEdge.MeasuredBoot;

namespace GeoEdge.Bridge.Appraisal;

/// <summary>
/// The reference values the platform is appraised against, loaded once at start. A file that is named
/// but cannot be read or parsed stops the bridge with a message naming it: running without the policy
/// an operator configured would silently weaken every verdict.
/// </summary>
public sealed class PlatformPolicies
{
    public BootPolicy? Boot { get; }
    public RuntimePolicy? Runtime { get; }
    public ImaVerificationKeys? Keys { get; }
    public string AgentExecutable { get; }

    public PlatformPolicies(BootPolicy? boot, RuntimePolicy? runtime, ImaVerificationKeys? keys, string agentExecutable)
    {
        Boot = boot;
        Runtime = runtime;
        Keys = keys;
        AgentExecutable = agentExecutable;
    }

    public static PlatformPolicies Load(MeasuredBootOptions boot, ImaOptions ima) => new(
        boot.ReferenceFile is { Length: > 0 } reference ? LoadBootPolicy(reference) : null,
        ima.RuntimePolicyFile is { Length: > 0 } runtime ? LoadRuntimePolicy(runtime) : null,
        ima.VerificationKeyFiles.Count > 0 ? ImaVerificationKeys.FromPem([.. ima.VerificationKeyFiles.Select(f => Read(f, "IMA verification key"))]) : null,
        ima.AgentExecutable);

    private static BootPolicy LoadBootPolicy(string path)
    {
        var bytes = File.ReadAllBytes(Exists(path, "measured-boot reference file"));
        try
        {
            return IsKeylimeReferenceState(bytes) ? KeylimeReferenceState.Import(bytes) : BootPolicy.Parse(bytes);
        }
        catch (Exception e) when (e is BootPolicyException or JsonException)
        {
            throw new InvalidOperationException($"measured-boot reference file {path}: {e.Message}", e);
        }
    }

    /// <summary>Keylime's reference state has "scrtm_and_bios" (and friends); ours does not.</summary>
    private static bool IsKeylimeReferenceState(byte[] json)
    {
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.ValueKind == JsonValueKind.Object &&
               (doc.RootElement.TryGetProperty("scrtm_and_bios", out _) || doc.RootElement.TryGetProperty("kernels", out _));
    }

    private static RuntimePolicy LoadRuntimePolicy(string path)
    {
        var text = Read(path, "IMA runtime policy");
        try
        {
            return text.TrimStart().StartsWith('{') ? RuntimePolicy.Parse(System.Text.Encoding.UTF8.GetBytes(text)) : RuntimePolicy.FromAllowlist(text);
        }
        catch (RuntimePolicyException e)
        {
            throw new InvalidOperationException($"IMA runtime policy {path}: {e.Message}", e);
        }
    }

    private static string Read(string path, string what) => File.ReadAllText(Exists(path, what));

    private static string Exists(string path, string what) =>
        File.Exists(path) ? path : throw new InvalidOperationException($"the {what} {path} does not exist");
}
