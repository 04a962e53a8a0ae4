namespace GeoEdge.MeasuredBoot;

/// <summary>
/// Reads the Secure Boot configuration from PCR 7 (PC Client PFP, section 3.3.4.8): the SecureBoot, PK, KEK,
/// db and dbx variables measured before the first PCR 7 separator, and the EV_EFI_VARIABLE_AUTHORITY events
/// naming the keys that verified each image. Only data whose hash equals the event's digest in the given bank
/// is used: the digest is what the TPM saw, the data is only what the log claims.
/// </summary>
public static class SecureBoot
{
    private const int Pcr = 7;

    public static SecureBootState Read(TcgEventLog log, TpmHashAlgorithm bank)
    {
        ArgumentNullException.ThrowIfNull(log);
        if (!log.Banks.Contains(bank))
            return new SecureBootState(null, [], [], [], [], [], [$"the log has no {bank.Name()} digests, so none of its data can be checked"]);
        var reader = new Reader(bank);
        foreach (var e in log.Events)
            if (e.Pcr == Pcr) reader.Add(e);
        return reader.Result();
    }

    /// <summary>Accumulates PCR 7 events in log order.</summary>
    private sealed class Reader(TpmHashAlgorithm bank)
    {
        private static readonly Dictionary<string, Guid> Variables = new()
        {
            ["SecureBoot"] = EfiGuids.GlobalVariable,
            ["PK"] = EfiGuids.GlobalVariable,
            ["KEK"] = EfiGuids.GlobalVariable,
            ["db"] = EfiGuids.ImageSecurityDatabase,
            ["dbx"] = EfiGuids.ImageSecurityDatabase,
        };

        private readonly List<string> _problems = [];
        private readonly Dictionary<string, IReadOnlyList<EfiSignature>> _databases = [];
        private readonly Dictionary<string, int> _variableEvents = [];
        private readonly List<EfiSignature> _authorities = [];
        private readonly List<EfiSignature> _preSeparatorAuthorities = [];
        private readonly List<int> _forged = [];
        private bool _separatorSeen;
        private bool? _enabled;
        private bool _secureBootForged;

        public void Add(TcgEvent e)
        {
            switch (e.Type)
            {
                case EventType.Separator:
                    if (!Trusted(e)) return;
                    if (_separatorSeen) _problems.Add($"{e}: a second PCR 7 separator");
                    _separatorSeen = true;
                    break;
                case EventType.EfiVariableDriverConfig:
                    AddVariable(e);
                    break;
                case EventType.EfiVariableAuthority:
                    AddAuthority(e);
                    break;
            }
        }

        private void AddVariable(TcgEvent e)
        {
            if (EventDecoder.Decode(e) is not EfiVariableEvent variable)
            {
                _problems.Add($"{e}: unreadable UEFI_VARIABLE_DATA");
                return;
            }
            if (!Variables.TryGetValue(variable.Name, out var expectedGuid)) return;
            if (!Trusted(e))
            {
                if (variable.Name == "SecureBoot") _secureBootForged = true;
                return;
            }
            if (variable.VariableGuid != expectedGuid)
            {
                _problems.Add($"{e}: variable {variable.Name} has vendor GUID {variable.VariableGuid}, not {expectedGuid}; ignored");
                return;
            }
            if (_separatorSeen)
            {
                _problems.Add($"{e}: variable {variable.Name} measured after the PCR 7 separator; ignored");
                return;
            }
            if (!_variableEvents.TryAdd(variable.Name, e.Index))
            {
                _problems.Add($"{e}: variable {variable.Name} measured twice (first at event {_variableEvents[variable.Name]}); the first is used");
                return;
            }
            if (variable.Name == "SecureBoot") ReadSecureBoot(e, variable.VariableData);
            else ReadDatabase(e, variable);
        }

        private void ReadSecureBoot(TcgEvent e, byte[] value)
        {
            if (value.Length == 0 || value is [0]) _enabled = false;
            else if (value is [1]) _enabled = true;
            else _problems.Add($"{e}: SecureBoot variable has the value {Convert.ToHexStringLower(value)}, neither 00 nor 01");
        }

        private void ReadDatabase(TcgEvent e, EfiVariableEvent variable)
        {
            try
            {
                _databases[variable.Name] = variable.Signatures();
            }
            catch (FormatException ex)
            {
                _problems.Add($"{e}: {variable.Name} is not a valid signature list: {ex.Message}");
            }
        }

        private void AddAuthority(TcgEvent e)
        {
            if (!Trusted(e)) return;
            if (EventDecoder.Decode(e) is not EfiVariableEvent variable)
            {
                _problems.Add($"{e}: unreadable UEFI_VARIABLE_DATA");
                return;
            }
            if (variable.AuthoritySignature() is not { } signature)
            {
                // Shim's SbatLevel (text) and MokListTrusted (a flag) are policy, not keys.
                if (variable.VariableGuid != EfiGuids.ShimLock || variable.Name is not ("SbatLevel" or "MokListTrusted"))
                    _problems.Add($"{e}: authority {variable.Name} does not name a certificate or hash");
                return;
            }
            (_separatorSeen ? _authorities : _preSeparatorAuthorities).Add(signature);
        }

        /// <summary>True when the event's data is what was measured; otherwise records the problem.</summary>
        private bool Trusted(TcgEvent e)
        {
            if (!e.Digests.ContainsKey(bank))
            {
                _problems.Add($"{e}: no {bank.Name()} digest; its data is not trusted");
                _forged.Add(e.Index);
                return false;
            }
            if (EventDigestCheck.DataMatchesDigest(e, bank, out _)) return true;
            _problems.Add($"{e}: the data does not match the {bank.Name()} digest; its data is not trusted");
            _forged.Add(e.Index);
            return false;
        }

        public SecureBootState Result() =>
            new(_secureBootForged ? null : _enabled, Database("PK"), Database("KEK"), Database("db"), Database("dbx"), _authorities, _problems)
            {
                PreSeparatorAuthorities = _preSeparatorAuthorities,
                VariableEvents = _variableEvents,
                ForgedEvents = _forged,
            };

        private IReadOnlyList<EfiSignature> Database(string name) => _databases.TryGetValue(name, out var signatures) ? signatures : [];
    }
}
