using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using GeoEdge.Jurisdictions;
using Microsoft.Extensions.Logging.Abstractions;

namespace GeoEdge.Bridge.Geofencing;

/// <summary>
/// The bridge's jurisdiction atlas, loaded the first time something needs it (a jurisdiction policy, a
/// jurisdiction claim) and exactly once: parsing the boundaries costs seconds and hundreds of MB, which a
/// bridge whose policies never name a jurisdiction should not pay. Thread-safe; a load that fails is not
/// retried, its <see cref="JurisdictionDataException"/> is kept in <see cref="Failure"/>, logged once,
/// and every later use fails closed with the same reason.
/// </summary>
public sealed class JurisdictionData
{
    /// <summary>Why there is no atlas when the bridge runs without boundaries.</summary>
    public const string NoBoundaries = "this bridge has no jurisdiction boundaries loaded (scripts/fetch-boundaries.sh, Bridge:Boundaries)";

    private readonly string? _directory;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private volatile JurisdictionAtlas? _atlas;
    private volatile JurisdictionDataException? _failure;

    private JurisdictionData(string? directory, JurisdictionAtlas? atlas, ILogger logger)
    {
        _directory = directory;
        _atlas = atlas;
        _logger = logger;
    }

    /// <summary>Boundaries in <paramref name="directory"/>, loaded on first use; the caller has checked that the files are there (<see cref="JurisdictionAtlas.CheckFiles"/>).</summary>
    public static JurisdictionData Deferred(string directory, ILogger logger)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        return new JurisdictionData(directory, null, logger);
    }

    /// <summary>No boundaries: jurisdiction policies are refused and results claim no jurisdiction.</summary>
    public static JurisdictionData None { get; } = new(null, null, NullLogger.Instance);

    /// <summary>An atlas already in memory (tests, tools that loaded it themselves).</summary>
    public static JurisdictionData Loaded(JurisdictionAtlas atlas) => new(null, atlas ?? throw new ArgumentNullException(nameof(atlas)), NullLogger.Instance);

    /// <summary>Whether the atlas is in memory now; false before first use, without boundaries and after a failed load.</summary>
    public bool IsLoaded => _atlas is not null;

    /// <summary>Why the boundaries did not load, once a load has been tried and failed; null otherwise.</summary>
    public JurisdictionDataException? Failure => _failure;

    /// <summary>The atlas, loading it now if this is the first use.</summary>
    /// <param name="purpose">what needs it, for the log line of the load ("policy 'spain'").</param>
    /// <param name="problem">when there is no atlas: why, to put in a refusal or finding.</param>
    public bool TryGet(string purpose, [NotNullWhen(true)] out JurisdictionAtlas? atlas, [NotNullWhen(false)] out string? problem)
    {
        atlas = _atlas ?? LoadOnce(purpose);
        problem = atlas is not null ? null
            : _failure is { } failure ? $"the jurisdiction boundaries did not load: {failure.Message}"
            : NoBoundaries;
        return atlas is not null;
    }

    private JurisdictionAtlas? LoadOnce(string purpose)
    {
        if (_directory is null || _failure is not null) return null;
        lock (_gate)
        {
            if (_atlas is { } loaded) return loaded;
            if (_failure is not null) return null;
            var clock = Stopwatch.StartNew();
            try
            {
                var atlas = JurisdictionAtlas.Load(_directory);
                _logger.LogInformation("jurisdictions: {Countries} countries from {Directory} in {Ms:0} ms, loaded on first use by {Purpose}",
                    atlas.CountryCodes.Count, _directory, clock.Elapsed.TotalMilliseconds, purpose);
                return _atlas = atlas;
            }
            catch (JurisdictionDataException e)
            {
                _failure = e;
                _logger.LogError("jurisdiction boundaries did not load ({File}: {Problem}), first needed by {Purpose}: jurisdiction policies count as policy-invalid and results claim no jurisdiction until the bridge restarts",
                    e.FilePath, e.Problem, purpose);
                return null;
            }
        }
    }
}
