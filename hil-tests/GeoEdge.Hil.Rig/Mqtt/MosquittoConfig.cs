using System.Text;

namespace GeoEdge.Hil.Rig.Mqtt;

/// <summary>The mosquitto.conf the rig runs: one plain and one mutual-TLS listener on loopback.</summary>
internal static class MosquittoConfig
{
    public static string Render(int plainPort, int tlsPort, string caFile, string certFile, string keyFile)
    {
        var conf = new StringBuilder();
        // Every start is a fresh broker: a restart must lose sessions and retained messages, as the
        // fault tests expect a clean-start client to resubscribe on its own.
        conf.AppendLine("persistence false");
        // Started as root (CI containers) mosquitto would otherwise switch to the 'mosquitto' user,
        // which cannot read the rig's temporary directory.
        if (Environment.UserName == "root") conf.AppendLine("user root");
        conf.AppendLine("per_listener_settings false");
        conf.AppendLine("allow_anonymous true");
        conf.AppendLine("log_dest stderr");
        foreach (var type in new[] { "error", "warning", "notice", "information" })
            conf.AppendLine($"log_type {type}");
        conf.AppendLine("connection_messages true");
        conf.AppendLine("log_timestamp true");

        conf.AppendLine($"listener {plainPort} 127.0.0.1");
        conf.AppendLine("protocol mqtt");

        conf.AppendLine($"listener {tlsPort} 127.0.0.1");
        conf.AppendLine("protocol mqtt");
        conf.AppendLine($"cafile {caFile}");
        conf.AppendLine($"certfile {certFile}");
        conf.AppendLine($"keyfile {keyFile}");
        conf.AppendLine("require_certificate true");
        conf.AppendLine("use_identity_as_username true");
        return conf.ToString();
    }
}
