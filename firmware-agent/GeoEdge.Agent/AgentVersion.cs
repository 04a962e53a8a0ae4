namespace GeoEdge.Agent;

internal static class AgentVersion
{
    public static string Current => typeof(AgentVersion).Assembly.GetName().Version?.ToString() ?? "0.0.0";
}
