namespace GeoEdge.Geolocation;

/// <summary>
/// What an import did. <paramref name="Imported"/> rows were new keys, <paramref name="Updated"/> rows
/// replaced a cell already in the database (including a key repeated within the file), and
/// <paramref name="Skipped"/> lines were bad; the first of them are in <paramref name="FirstErrors"/>.
/// </summary>
public sealed record ImportResult(long Imported, long Updated, long Skipped, IReadOnlyList<CellCsvException> FirstErrors, TimeSpan Elapsed);

/// <summary>Progress of a running import, reported every <see cref="CellDatabase.ProgressInterval"/> rows and at the end.</summary>
public readonly record struct ImportProgress(long LinesRead, long Stored, long Skipped);
