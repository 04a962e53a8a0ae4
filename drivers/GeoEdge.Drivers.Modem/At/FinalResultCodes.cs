namespace GeoEdge.Drivers.Modem;

/// <summary>Recognises the lines that end a response (V.250 verbose result codes plus 27.007's +CME/+CMS ERROR).</summary>
internal static class FinalResultCodes
{
    private const string CmePrefix = "+CME ERROR:";
    private const string CmsPrefix = "+CMS ERROR:";

    /// <summary>True when <paramref name="line"/> is a final result; <paramref name="errorCode"/> is the +CME/+CMS detail.</summary>
    internal static bool TryClassify(string line, out AtFinal final, out string? errorCode)
    {
        errorCode = null;
        if (line.StartsWith(CmePrefix, StringComparison.OrdinalIgnoreCase))
        {
            final = AtFinal.CmeError;
            errorCode = line[CmePrefix.Length..].Trim();
            return true;
        }
        if (line.StartsWith(CmsPrefix, StringComparison.OrdinalIgnoreCase))
        {
            final = AtFinal.CmsError;
            errorCode = line[CmsPrefix.Length..].Trim();
            return true;
        }
        AtFinal? plain = line.ToUpperInvariant() switch
        {
            "OK" => AtFinal.Ok,
            "ERROR" => AtFinal.Error,
            "NO CARRIER" => AtFinal.NoCarrier,
            "ABORTED" => AtFinal.Aborted,
            "BUSY" => AtFinal.Busy,
            "NO ANSWER" => AtFinal.NoAnswer,
            "NO DIALTONE" => AtFinal.NoDialtone,
            _ => null,
        };
        final = plain ?? default;
        return plain is not null;
    }
}
