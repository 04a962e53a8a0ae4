using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using GeoEdge.Hil.Rig.Processes;

namespace GeoEdge.Hil.Rig.Composition;

/// <summary>The real geoedge-bridge, started on a free loopback port with its own database and key.</summary>
public sealed class BridgeProcess : IDisposable
{
    private readonly RigDirectory _dir;
    private readonly BridgeSettings _settings;
    private RigProcess? _process;

    public int HttpPort { get; }
    public string BaseUrl => $"http://127.0.0.1:{HttpPort}";
    public HttpClient Http { get; }
    public string DatabasePath => _dir.File("bridge.db");
    public string SigningKeyPath => _dir.File("bridge-signing-key.pem");
    public RigProcess Process => _process ?? throw new RigException("the bridge is not running");

    public BridgeProcess(RigDirectory dir, BridgeSettings settings)
    {
        _dir = dir;
        _settings = settings;
        HttpPort = FreePort.Next();
        Http = new HttpClient { BaseAddress = new Uri(BaseUrl), Timeout = TimeSpan.FromSeconds(10) };
    }

    public async Task StartAsync()
    {
        var args = new List<string>
        {
            RepoPaths.BridgeDll,
            "--urls", BaseUrl,
            $"--Bridge:Database={DatabasePath}",
            $"--Bridge:SigningKey={SigningKeyPath}",
            $"--Bridge:Broker:Host=127.0.0.1",
            $"--Bridge:Broker:Port={_settings.Broker.Port}",
            $"--Bridge:Broker:ClientId=geoedge-bridge-{HttpPort}",
            $"--Bridge:EpochSeconds={_settings.EpochSeconds}",
        };
        if (_settings.Broker.Tls is { } tls)
        {
            args.Add($"--Bridge:Broker:CaFile={tls.CaFile}");
            args.Add($"--Bridge:Broker:CertFile={tls.CertFile}");
            args.Add($"--Bridge:Broker:KeyFile={tls.KeyFile}");
        }
        // The rig's sky is a replay with the simulator's clock as trusted time: accepted here, never by default.
        if (_settings.AcceptSimulatedTime) args.Add("--Bridge:Gnss:AcceptSimulatedTime=true");
        if (_settings.Network is { } network)
        {
            args.Add($"--Bridge:Geolocation:Camara:BaseUrl={network.BaseUrl}");
            args.Add($"--Bridge:Geolocation:Camara:TokenUrl={network.TokenUrl}");
            args.Add($"--Bridge:Geolocation:Camara:ClientId={network.ClientId}");
            args.Add($"--Bridge:Geolocation:Camara:ClientSecret={network.ClientSecret}");
            args.Add("--Bridge:Geolocation:Camara:ReuseAnswerSeconds=0");
        }
        if (_settings.Timestamping is { } tsa)
        {
            args.Add($"--Bridge:Timestamping:Url={tsa.Url}");
            args.Add($"--Bridge:Timestamping:TrustedCaFile={tsa.CaCertificatePath}");
        }
        if (_settings.Platform is { } platform)
        {
            args.Add($"--Bridge:MeasuredBoot:ReferenceFile={platform.BootReference}");
            args.Add($"--Bridge:Ima:RuntimePolicyFile={platform.RuntimePolicy}");
            args.Add($"--Bridge:Ima:AgentExecutable={platform.AgentExecutable}");
        }
        for (var i = 0; i < _settings.ExtraEkCaDirectories.Count; i++)
            args.Add($"--Bridge:EkCaDirectories:{i}={_settings.ExtraEkCaDirectories[i]}");
        _process = RigProcess.Start("bridge", "dotnet", args, _dir.Path,
            new Dictionary<string, string> { ["DOTNET_ENVIRONMENT"] = "Production", ["Logging__LogLevel__Microsoft.AspNetCore"] = "Warning" });
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited) throw new RigException($"the bridge exited during start-up:\n{_process.Tail()}");
            try
            {
                if ((await Http.GetAsync("/v1/health")).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            await Task.Delay(100);
        }
        throw new RigException($"the bridge did not answer /v1/health within 30 s:\n{_process.Tail()}");
    }

    /// <summary>Creates the group (if new), makes the host a member and stores the group's policy; a refusal is a RigException.</summary>
    public async Task PutGroupPolicyAsync(string groupId, string hostId, string policyId, string json)
    {
        foreach (var (path, body) in new[] { ($"/v1/groups/{groupId}", (string?)null), ($"/v1/groups/{groupId}/hosts/{hostId}", null), ($"/v1/groups/{groupId}/policies/{policyId}", json) })
        {
            using var response = await Http.PutAsync(path, body is null ? null : new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
            if (!response.IsSuccessStatusCode)
                throw new RigException($"the bridge refused PUT {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    public async Task<HttpResponseMessage> PutPolicyAsync(string hostId, string policyId, string json) =>
        await Http.PutAsync($"/v1/hosts/{hostId}/policies/{policyId}", new StringContent(json, Encoding.UTF8, "application/json"));

    /// <summary>The host's geolocation settings (PUT /v1/hosts/{id}/geolocation), refused loudly.</summary>
    public async Task PutGeolocationAsync(string hostId, string json)
    {
        var response = await Http.PutAsync($"/v1/hosts/{hostId}/geolocation", new StringContent(json, Encoding.UTF8, "application/json"));
        if (!response.IsSuccessStatusCode)
            throw new RigException($"the bridge refused the geolocation settings: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    public async Task<JsonElement> GetJsonAsync(string path)
    {
        var response = await Http.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new RigException($"GET {path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public void Stop() => _process?.Stop();

    public void Dispose()
    {
        _process?.Dispose();
        Http.Dispose();
    }
}

/// <summary>What the rig tells the bridge.</summary>
public sealed record BridgeSettings(BrokerEndpoint Broker, IReadOnlyList<string> ExtraEkCaDirectories, int EpochSeconds = 300, bool AcceptSimulatedTime = false,
    PlatformReferences? Platform = null, NetworkLocation? Network = null, TimestampAuthority? Timestamping = null);

/// <summary>The RFC 3161 TSA the bridge time-stamps its results with, and the CA its certificate must chain to.</summary>
public sealed record TimestampAuthority(string Url, string CaCertificatePath);

/// <summary>
/// The operator's CAMARA API the bridge asks. Every reading asks afresh (no reuse), so that a scripted change of
/// the network's answer shows in the next verdict.
/// </summary>
public sealed record NetworkLocation(string BaseUrl, string TokenUrl, string ClientId, string ClientSecret);

/// <summary>The reference values the bridge appraises the host's boot log and IMA list against.</summary>
public sealed record PlatformReferences(string BootReference, string RuntimePolicy, string AgentExecutable);

/// <summary>Where a rig process reaches the broker: a loopback port, with mutual TLS when Tls is set.</summary>
public sealed record BrokerEndpoint(int Port, ClientTls? Tls = null);

/// <summary>The broker's CA and this client's certificate and key (PEM files).</summary>
public sealed record ClientTls(string CaFile, string CertFile, string KeyFile);
