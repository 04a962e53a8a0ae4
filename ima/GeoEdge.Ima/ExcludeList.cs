using System.Text.RegularExpressions;

namespace GeoEdge.Ima;

/// <summary>
/// A policy's "excludes": regular expressions matched at the start of a path (Keylime joins them into one alternation
/// and uses Python's re.match). A policy comes from outside, so matching is bounded: the linear-time
/// NonBacktracking engine where the pattern allows it (linear time, no timeout needed), the interpreter with a timeout
/// otherwise, never RegexOptions.Compiled
/// (no code generation, AOT-safe).
/// </summary>
internal sealed class ExcludeList
{
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(200);

    private readonly Regex? _regex;

    private ExcludeList(IReadOnlyList<string> patterns, Regex? regex)
    {
        Patterns = patterns;
        _regex = regex;
    }

    public static ExcludeList None { get; } = new([], null);

    public IReadOnlyList<string> Patterns { get; }

    /// <summary>Compiles the patterns; a bad one is named by its position.</summary>
    public static ExcludeList Create(IReadOnlyList<string> patterns, string member)
    {
        if (patterns.Count == 0) return None;
        for (var i = 0; i < patterns.Count; i++)
        {
            try
            {
                _ = Build(patterns[i]);
            }
            catch (ArgumentException e)
            {
                throw new RuntimePolicyException($"{member}[{i}]", $"'{ImaTemplate.Printable(patterns[i])}' is not a valid regular expression: {e.Message}", e);
            }
        }
        return new ExcludeList(patterns, Build(string.Join("|", patterns.Select(p => $"(?:{p})"))));
    }

    /// <summary>
    /// True when a pattern matches at the start of the path. A match that runs out of time is not an exclusion: the
    /// entry is then appraised against the digests, so a hostile pattern can only make appraisal stricter.
    /// </summary>
    public bool Matches(string path)
    {
        if (_regex is null) return false;
        try
        {
            return _regex.IsMatch(path);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    private static Regex Build(string pattern)
    {
        var anchored = $"^(?:{pattern})";
        try
        {
            // Linear in the path's length by construction, so no timeout: a wall-clock bound would turn a busy
            // machine's slow first match (the engine builds its automaton lazily) into a false "not excluded".
            return new Regex(anchored, RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, Regex.InfiniteMatchTimeout);
        }
        catch (NotSupportedException)
        {
            // Backreferences, lookarounds and the like need the backtracking engine; the timeout bounds it.
            return new Regex(anchored, RegexOptions.CultureInvariant, MatchTimeout);
        }
    }
}
