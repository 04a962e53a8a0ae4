namespace GeoEdge.Hil.Rig.Tpm;

/// <summary>How <see cref="SwtpmRig.RestartAsync"/> takes the TPM down before it is started again (with TPM2_Startup(CLEAR)).</summary>
public enum SwtpmRestart
{
    /// <summary>TPM2_Shutdown(CLEAR), then power off: a clean reboot. A TPM Reset: resetCount goes up, Clock is saved and stays safe.</summary>
    OrderlyReboot,

    /// <summary>TPM2_Shutdown(STATE), then power off: a TPM Restart (restartCount goes up, resetCount stays), as after hibernation without resume.</summary>
    SavedStateRestart,

    /// <summary>Power off with no TPM2_Shutdown: a disorderly TPM Reset. Clock may go back to its last saved value and is then marked not safe.</summary>
    PowerLoss,
}
