namespace GeoEdge.Hil.Rig.Simulators.Modem;

/// <summary>The 3GPP TS 27.007 §9.2 mobile termination error codes the simulator can answer, with their verbose texts.</summary>
internal static class CmeError
{
    public const int OperationNotAllowed = 3;
    public const int OperationNotSupported = 4;
    public const int SimNotInserted = 10;
    public const int SimPinRequired = 11;
    public const int IncorrectPassword = 16;
    public const int NoNetworkService = 30;

    public static string Text(int code) => code switch
    {
        OperationNotAllowed => "operation not allowed",
        OperationNotSupported => "operation not supported",
        SimNotInserted => "SIM not inserted",
        SimPinRequired => "SIM PIN required",
        IncorrectPassword => "incorrect password",
        NoNetworkService => "no network service",
        _ => "unknown",
    };
}
