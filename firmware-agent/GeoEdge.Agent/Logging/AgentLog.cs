namespace GeoEdge.Agent.Logging;

/// <summary>
/// Line-oriented log on stderr ("time level component: message"), which journald captures as is.
/// Deliberately tiny: the agent is NativeAOT and links no logging framework.
/// </summary>
/// <param name="sink">Where lines go: stderr unless a test gives its own writer.</param>
public sealed class AgentLog(string component, TextWriter? sink = null)
{
    private static readonly Lock Gate = new();

    public AgentLog For(string sub) => new($"{component}/{sub}", sink);

    public void Info(string message) => Write("info", message);
    public void Warn(string message) => Write("warn", message);
    public void Error(string message) => Write("error", message);

    private void Write(string level, string message)
    {
        var line = $"{DateTimeOffset.UtcNow:yyyy-MM-ddTHH:mm:ss.fffZ} {level} {component}: {message}";
        lock (Gate) (sink ?? Console.Error).WriteLine(line);
    }
}
