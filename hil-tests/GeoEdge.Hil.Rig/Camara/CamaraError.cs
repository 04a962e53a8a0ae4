namespace GeoEdge.Hil.Rig.Camara;

/// <summary>
/// A CAMARA error answer, <c>{"status","code","message"}</c> (Commonalities ErrorInfo), raised
/// wherever a request is found wanting and written once by the endpoint.
/// </summary>
public sealed class CamaraError(int status, string code, string message) : Exception($"{status} {code}: {message}")
{
    public int Status { get; } = status;
    public string Code { get; } = code;
    public string Detail { get; } = message;

    public static CamaraError InvalidArgument(string message) => new(400, "INVALID_ARGUMENT", message);
    public static CamaraError OutOfRange(string message) => new(400, "OUT_OF_RANGE", message);
    public static CamaraError Unauthenticated(string message) => new(401, "UNAUTHENTICATED", message);
    public static CamaraError PermissionDenied(string message) => new(403, "PERMISSION_DENIED", message);
    public static CamaraError Unprocessable(string code, string message) => new(422, code, message);
}
