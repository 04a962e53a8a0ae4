using GeoEdge.Bridge.Api;
using GeoEdge.Bridge.Appraisal;
using GeoEdge.Bridge.Freshness;
using GeoEdge.Bridge.Geofencing;
using GeoEdge.Bridge.Geolocation;
using GeoEdge.Bridge.Ingest;
using GeoEdge.Bridge.Options;
using GeoEdge.Bridge.Registrar;
using GeoEdge.Bridge.ResultSigning;
using GeoEdge.Bridge.Store;
using GeoEdge.Bridge.Verification;
using GeoEdge.Ear;
using GeoEdge.Geolocation;
using GeoEdge.Timestamping;
using GeoEdge.Transparency;
using Microsoft.Extensions.Options;

// geoedge-bridge: registrar, verifier, geofence and result signing behind MQTT, plus an HTTP API.
// Configuration: appsettings.json section "Bridge", GEOEDGE_Bridge__X variables, or --Bridge:X=value.
var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddEnvironmentVariables("GEOEDGE_");
builder.Services.Configure<BridgeOptions>(builder.Configuration.GetSection("Bridge"));
builder.Logging.AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss.fff "; });

var services = builder.Services;
services.AddSingleton(TimeProvider.System);
services.AddSingleton(sp => new BridgeStore(Opts(sp).Database));
// GL's cell database: by default a table in the bridge's own database file.
services.AddSingleton(sp => new CellDatabase(Opts(sp).Geolocation.CellDatabase ?? Opts(sp).Database));
services.AddSingleton(sp => EarSigningKey.LoadOrCreate(Opts(sp).SigningKey));
// The transparency log of issued results: tlog_ tables in the bridge's database, tree heads signed with the result key.
services.AddSingleton(sp => new TransparencyLog(Opts(sp).Database, sp.GetRequiredService<EarSigningKey>(), sp.GetRequiredService<TimeProvider>()));
services.AddSingleton(sp => new NonceEpochs(sp.GetRequiredService<TimeProvider>(), TimeSpan.FromSeconds(Opts(sp).EpochSeconds),
    TimeSpan.FromSeconds(Opts(sp).LateReadingWindowSeconds)));
services.AddSingleton(sp =>
{
    var o = Opts(sp);
    var shipped = Path.Combine(AppContext.BaseDirectory, "ek-ca");
    var directories = o.EkCaDirectories.Count == 0 || o.IncludeShippedEkCas ? o.EkCaDirectories.Append(shipped) : o.EkCaDirectories;
    var logger = sp.GetRequiredService<ILogger<EkCertificateValidator>>();
    var validator = new EkCertificateValidator(directories, m => logger.LogWarning("{Message}", m));
    logger.LogInformation("EK CA store: {Anchors} trust anchors, {Intermediates} intermediates", validator.AnchorCount, validator.IntermediateCount);
    return validator;
});
services.AddSingleton(sp => new RegistrarService(sp.GetRequiredService<BridgeStore>(), sp.GetRequiredService<EkCertificateValidator>(),
    sp.GetRequiredService<TimeProvider>(), TimeSpan.FromSeconds(Opts(sp).ChallengeTimeoutSeconds)));
services.AddSingleton<ReadingVerifier>();
services.AddSingleton(sp =>
{
    var policies = PlatformPolicies.Load(Opts(sp).MeasuredBoot, Opts(sp).Ima);
    sp.GetRequiredService<ILogger<PlatformPolicies>>().LogInformation(
        "platform appraisal: boot reference values {Boot}, IMA runtime policy {Ima}, agent executable {Agent}",
        Opts(sp).MeasuredBoot.ReferenceFile ?? "(none: boot-policy-missing)", Opts(sp).Ima.RuntimePolicyFile ?? "(none: ima-policy-missing)",
        policies.AgentExecutable is { Length: > 0 } agent ? agent : "(not checked)");
    return policies;
});
services.AddSingleton<PlatformAppraiser>();
services.AddSingleton(sp => new GnssAuthenticationAssessor(Opts(sp).Gnss));
services.AddSingleton(sp => new NetworkLocationCheck(NetworkLocationSetup.ClientOptions(Opts(sp).Geolocation.Camara), Opts(sp).Geolocation.Camara,
    sp.GetRequiredService<BridgeStore>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<NetworkLocationCheck>>()));
services.AddSingleton(sp => new GeolocationService(sp.GetRequiredService<CellDatabase>(), sp.GetRequiredService<NetworkLocationCheck>(),
    sp.GetRequiredService<BridgeStore>(), Opts(sp).Geolocation.Fusion()));
// Only checked here; the atlas itself is parsed when a jurisdiction policy or claim first needs it.
services.AddSingleton(sp => JurisdictionSetup.Prepare(Opts(sp).Boundaries, sp.GetRequiredService<ILogger<JurisdictionData>>()));
services.AddSingleton(sp => new LocationAssessor(sp.GetRequiredService<BridgeStore>(), sp.GetRequiredService<GnssAuthenticationAssessor>(),
    sp.GetRequiredService<GeolocationService>(), Opts(sp).Geolocation.ParsedMinimumGrade(), sp.GetRequiredService<JurisdictionData>()));
// RFC 3161 trusted time on results: a client only when Bridge:Timestamping:Url is set.
if (!string.IsNullOrWhiteSpace(builder.Configuration["Bridge:Timestamping:Url"]))
    services.AddSingleton(sp => new TimestampClient(Opts(sp).Timestamping.ClientOptions()!));
services.AddSingleton(sp => new ResultNotary(sp.GetRequiredService<TransparencyLog>(), sp.GetService<TimestampClient>(),
    sp.GetRequiredService<BridgeStore>(), sp.GetRequiredService<ILogger<ResultNotary>>()));
services.AddSingleton(sp => new ResultIssuer(sp.GetRequiredService<BridgeStore>(), sp.GetRequiredService<EarSigningKey>(),
    sp.GetRequiredService<TimeProvider>(), TimeSpan.FromSeconds(Opts(sp).ResultLifetimeSeconds),
    $"geoedge-bridge {typeof(BridgeOptions).Assembly.GetName().Version}", sp.GetRequiredService<ResultNotary>()));
services.AddSingleton<MessageRouter>();
services.AddHostedService<MqttIngestService>();
services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, GeoEdge.Bridge.BridgeJsonContext.Default));

var app = builder.Build();
try
{
    // Load the platform reference values now: a configured policy that cannot be read must stop the bridge, not its first verdict.
    app.Services.GetRequiredService<PlatformPolicies>();
    // Likewise the Geolocation settings: a wrong grade, tolerance or CAMARA setting stops the bridge here.
    app.Services.GetRequiredService<LocationAssessor>();
    var cells = app.Services.GetRequiredService<CellDatabase>().Count;
    var camara = app.Services.GetRequiredService<NetworkLocationCheck>().Enabled;
    // A log whose tables are damaged must stop the bridge before it issues results it cannot log.
    app.Logger.LogInformation("transparency log: {Size} entries", app.Services.GetRequiredService<TransparencyLog>().Size);
    app.Logger.LogInformation("geolocation: {Cells} cells in the database, network location check {Camara}, minimum grade {Grade}",
        cells, camara ? "on" : "off (no Bridge:Geolocation:Camara:BaseUrl)", app.Services.GetRequiredService<IOptions<BridgeOptions>>().Value.Geolocation.MinimumGrade);
    // The TSA settings too: a URL without its CA file, or a CA file that is not PEM, stops the bridge here.
    var timestamping = app.Services.GetRequiredService<IOptions<BridgeOptions>>().Value.Timestamping.ClientOptions();
    var tsa = app.Services.GetService<TimestampClient>();
    app.Logger.LogInformation("timestamping: {Tsa}", tsa is null || timestamping is null ? "off (no Bridge:Timestamping:Url)"
        : $"{tsa.Url}, {timestamping.TrustedCas.Count} trusted TSA CA certificate(s), timeout {timestamping.Timeout.TotalSeconds:0} s");
}
catch (Exception e) when (e is InvalidOperationException or IOException or GeoEdge.Jurisdictions.JurisdictionDataException or UnauthorizedAccessException or System.Text.Json.JsonException or ArgumentException
    or System.Data.Common.DbException or TransparencyLogException or EarKeyException)
{
    Console.Error.WriteLine($"geoedge-bridge: {e.Message}");
    return 1;
}
BridgeApi.Map(app);
app.Run();
return 0;

static BridgeOptions Opts(IServiceProvider sp) => sp.GetRequiredService<IOptions<BridgeOptions>>().Value;
