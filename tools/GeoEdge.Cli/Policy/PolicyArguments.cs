namespace GeoEdge.Cli.Policy;

/// <summary>The parsed arguments of `geoedge policy`: the action, whose policies (a host's or a group's), and the rest.</summary>
internal sealed record PolicyArguments(string Action, Uri Bridge, string? Host, string? Group, IReadOnlyList<string> Operands, int? Version, int? After)
{
    private static readonly string[] Actions = ["list", "show", "put", "delete", "versions", "assign", "unassign", "groups", "membership", "delete-group"];

    /// <summary>The API path of the policies of the host or group given; null when neither was.</summary>
    public string? OwnerPath => Host is { } h ? $"v1/hosts/{Uri.EscapeDataString(h)}" : Group is { } g ? $"v1/groups/{Uri.EscapeDataString(g)}" : null;

    public static PolicyArguments Parse(string[] args)
    {
        if (args.Length == 0 || Array.IndexOf(Actions, args[0]) < 0)
            throw new ArgumentException($"an action is required: {string.Join(", ", Actions)}\n{PolicyCommand.Usage}");
        string? host = null, group = null;
        int? version = null, after = null;
        var bridge = "http://127.0.0.1:8080";
        var operands = new List<string>();
        for (var i = 1; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--bridge" when i + 1 < args.Length: bridge = args[++i]; break;
                case "--host" when i + 1 < args.Length: host = args[++i]; break;
                case "--group" when i + 1 < args.Length: group = args[++i]; break;
                case "--version" when i + 1 < args.Length:
                    version = int.TryParse(args[++i], out var v) && v > 0 ? v : throw new ArgumentException($"--version must be a positive number, got '{args[i]}'");
                    break;
                case "--after" when i + 1 < args.Length:
                    after = int.TryParse(args[++i], out var n) && n >= 0 ? n : throw new ArgumentException($"--after must be a membership version (0 or more), got '{args[i]}'");
                    break;
                default:
                    if (args[i].StartsWith("--", StringComparison.Ordinal)) throw new ArgumentException($"unknown option {args[i]} (or its value is missing)\n{PolicyCommand.Usage}");
                    operands.Add(args[i]);
                    break;
            }
        }
        if (host is not null && group is not null) throw new ArgumentException("--host and --group exclude each other");
        if (!Uri.TryCreate(bridge.EndsWith('/') ? bridge : bridge + "/", UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            throw new ArgumentException($"--bridge must be an http(s) URL, got '{bridge}'");
        var parsed = new PolicyArguments(args[0], uri, host, group, operands, version, after);
        parsed.Check();
        return parsed;
    }

    private void Check()
    {
        var (needsOwner, count, names) = Action switch
        {
            "list" => (true, 0, ""),
            "show" or "delete" or "versions" => (true, 1, "POLICY"),
            "put" => (true, 2, "POLICY FILE"),
            "assign" or "unassign" => (false, 2, "GROUP HOST"),
            "membership" or "delete-group" => (false, 1, "GROUP"),
            _ => (false, 0, ""),
        };
        if (needsOwner && OwnerPath is null) throw new ArgumentException($"policy {Action} needs --host HOST or --group GROUP");
        if (Operands.Count != count) throw new ArgumentException($"policy {Action} takes {(count == 0 ? "no operands" : names)}, got {Operands.Count} operand(s)");
        if (Version is not null && Action != "show") throw new ArgumentException("--version is for policy show only");
        if (After is not null && Action != "membership") throw new ArgumentException("--after is for policy membership only");
    }
}
