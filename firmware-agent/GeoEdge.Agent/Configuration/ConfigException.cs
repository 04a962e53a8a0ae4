namespace GeoEdge.Agent.Configuration;

/// <summary>The configuration file or a command-line option is wrong; the message says which and how.</summary>
public sealed class ConfigException(string message) : Exception(message);
