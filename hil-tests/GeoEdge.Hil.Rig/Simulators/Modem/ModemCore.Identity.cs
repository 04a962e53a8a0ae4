namespace GeoEdge.Hil.Rig.Simulators.Modem;

/// <summary>Identification: ATI, AT+CGMI/+GMI, AT+CGMM/+GMM, AT+CGMR/+GMR, AT+CGSN/+GSN.</summary>
internal sealed partial class ModemCore
{
    private void AddIdentityCommands()
    {
        Add("I", c => c.Arguments is "" or "0" ? AtResponse.Ok(IdentificationLines()) : AtResponse.Error);
        foreach (var name in new[] { "+CGMI", "+GMI" }) Add(name, c => ExecuteOnly(c, _profile.Manufacturer));
        foreach (var name in new[] { "+CGMM", "+GMM" }) Add(name, c => ExecuteOnly(c, _profile.Model));
        var revision = _profile.Vendor == ModemVendor.Simcom ? $"+CGMR: {_profile.Revision}" : _profile.Revision;
        foreach (var name in new[] { "+CGMR", "+GMR" }) Add(name, c => ExecuteOnly(c, revision));
        foreach (var name in new[] { "+CGSN", "+GSN" }) Add(name, c => ExecuteOnly(c, _state.Imei));
    }

    /// <summary>Quectel: manufacturer, model, "Revision: ..."; SIMCom labels each line and adds the IMEI and +GCAP.</summary>
    private string[] IdentificationLines() => _profile.Vendor == ModemVendor.Simcom
        ? [$"Manufacturer: {_profile.Manufacturer}", $"Model: {_profile.Model}", $"Revision: {_profile.Revision}", $"IMEI: {_state.Imei}", "+GCAP: +CGSM"]
        : [_profile.Manufacturer, _profile.Model, $"Revision: {_profile.Revision}"];

    private static AtResponse ExecuteOnly(AtCommand c, string line) => c.Form switch
    {
        AtForm.Execute => AtResponse.Ok(line),
        AtForm.Test => AtResponse.Ok(),
        _ => AtResponse.Error,
    };
}
