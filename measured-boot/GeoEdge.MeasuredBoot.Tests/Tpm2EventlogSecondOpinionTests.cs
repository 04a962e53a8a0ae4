namespace GeoEdge.MeasuredBoot.Tests;

/// <summary>tpm2_eventlog (tpm2-tools 5.4) as a second opinion: its recorded output for each of its fixtures against ours.</summary>
public sealed class Tpm2EventlogSecondOpinionTests
{
    public static TheoryData<string> LogsWithYaml()
    {
        var data = new TheoryData<string>();
        foreach (var yaml in Directory.GetFiles(TestData.Tpm("eventlogs/tpm2-tools/expected-yaml"), "*.yaml").Order())
            data.Add(Path.GetFileName(yaml)[..^".yaml".Length]);
        return data;
    }

    [Theory]
    [MemberData(nameof(LogsWithYaml))]
    public void Its_pcrs_section_equals_our_replay(string name)
    {
        var yaml = Tpm2EventlogYaml.Read(TestData.Tpm($"eventlogs/tpm2-tools/expected-yaml/{name}.yaml"));
        var replayed = PcrReplay.Replay(LogFiles.Parse($"eventlogs/tpm2-tools/{name}"));

        Assert.NotEmpty(yaml.Pcrs);
        Assert.Equal(yaml.Pcrs.Keys.Order(), replayed.Keys.Select(b => b.Name()).Order());
        foreach (var (bankName, pcrs) in yaml.Pcrs)
        {
            Assert.True(TpmHashAlgorithms.TryParse(bankName, out var bank));
            Assert.Equal(pcrs.OrderBy(p => p.Key).Select(p => (p.Key, p.Value)),
                replayed[bank].OrderBy(p => p.Key).Select(p => (p.Key, Convert.ToHexStringLower(p.Value))));
        }
    }

    [Theory]
    [MemberData(nameof(LogsWithYaml))]
    public void Its_efi_variable_guids_and_names_equal_our_decoding(string name)
    {
        var yaml = Tpm2EventlogYaml.Read(TestData.Tpm($"eventlogs/tpm2-tools/expected-yaml/{name}.yaml"));
        var ours = LogFiles.Parse($"eventlogs/tpm2-tools/{name}").Events
            .Select(e => (e.Index, Decoded: EventDecoder.Decode(e)))
            .Where(d => d.Decoded is EfiVariableEvent)
            .ToDictionary(d => d.Index, d => (((EfiVariableEvent)d.Decoded).VariableGuid, ((EfiVariableEvent)d.Decoded).Name));

        Assert.NotEmpty(yaml.Variables);
        Assert.Equal(yaml.Variables.OrderBy(v => v.Key), ours.OrderBy(v => v.Key));
    }
}
