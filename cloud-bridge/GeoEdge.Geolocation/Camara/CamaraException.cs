namespace GeoEdge.Geolocation;

/// <summary>
/// Any failure to get a valid verification answer. <see cref="Status"/> is the HTTP status when there was
/// one; <see cref="Code"/> is the CAMARA error code (e.g. <c>LOCATION_VERIFICATION.AREA_NOT_COVERED</c>), the
/// OAuth error (e.g. <c>invalid_client</c>) from the token endpoint, or one of the client-side codes below.
/// </summary>
public sealed class CamaraException : Exception
{
    /// <summary>The operator did not answer within <see cref="CamaraOptions.RequestTimeout"/>.</summary>
    public const string Timeout = "CLIENT.TIMEOUT";
    /// <summary>No HTTP exchange: connection refused or reset, DNS, TLS.</summary>
    public const string NetworkError = "CLIENT.NETWORK_ERROR";
    /// <summary>The answer broke the API contract (schema, size, correlator, time); never trusted.</summary>
    public const string InvalidResponse = "CLIENT.INVALID_RESPONSE";

    public int? Status { get; }
    public string? Code { get; }

    public CamaraException(int? status, string? code, string message, Exception? inner = null)
        : base(message, inner)
    {
        Status = status;
        Code = code;
    }
}
