namespace GeoEdge.MeasuredBoot.Tests;

/// <summary>Event decoding on every real log, and on data that is not what its type promises.</summary>
public sealed class EventDecodingTests
{
    private static readonly uint[] DecodedTypes =
    [
        EventType.NoAction, EventType.Separator, EventType.SCrtmVersion, EventType.PostCode, EventType.Ipl, EventType.EfiAction,
        EventType.EfiVariableDriverConfig, EventType.EfiVariableBoot, EventType.EfiVariableAuthority, EventType.EfiBootServicesApplication,
        EventType.EfiBootServicesDriver, EventType.EfiPlatformFirmwareBlob, EventType.EfiGptEvent,
    ];

    [Theory]
    [MemberData(nameof(LogFiles.All), MemberType = typeof(LogFiles))]
    public void Every_event_of_a_known_type_decodes_to_its_kind_in_one_line(string relative)
    {
        foreach (var e in LogFiles.Parse(relative).Events)
        {
            var decoded = EventDecoder.Decode(e);
            var line = decoded.Describe();
            Assert.DoesNotContain('\n', line);
            Assert.True(line.Length < 1200, $"{e}: {line.Length} characters");
            if (DecodedTypes.Contains(e.Type))
                Assert.False(decoded is OpaqueEvent, $"{relative} {e}: {line}");
        }
    }

    [Fact]
    public void Systemd_boot_log_decodes_boot_variables_device_paths_and_utf16_command_line()
    {
        var events = LogFiles.Parse("eventlogs/tpm2-tools/event-sd-boot-fedora37.bin").Events;

        var order = Assert.IsType<EfiVariableEvent>(EventDecoder.Decode(events[10]));
        Assert.Equal(EfiGuids.GlobalVariable, order.VariableGuid);
        Assert.Equal("BootOrder = Boot0001,Boot0002,Boot0000,Boot0003", order.Describe());
        Assert.Equal(@"Boot0001: Linux Boot Manager: HD(1,GPT,3cb9643c-6c08-4fe5-852d-17e1ae701158,0x800,0x100000)/\EFI\systemd\systemd-bootx64.efi",
            EventDecoder.Decode(events[11]).Describe());
        Assert.Equal("Boot0000: UiApp: Fv(7cb8bdc9-f8eb-4f34-aaea-3ee4af6516a1)/FvFile(462caa21-7614-4503-836e-8ab6f4662331)",
            EventDecoder.Decode(events[13]).Describe());
        Assert.Equal("console=ttyS0 console=tty0 efi=debug", Assert.IsType<IplEvent>(EventDecoder.Decode(events[23])).Text.Trim());
        Assert.Equal(new EfiActionEvent("Exit Boot Services Invocation"), EventDecoder.Decode(events[26]));
        Assert.Equal(new FirmwareBlobEvent(0x820000, 0xe0000), EventDecoder.Decode(events[2]));
        Assert.Equal(new SeparatorEvent(false), EventDecoder.Decode(events[16]));
        var secureBoot = Assert.IsType<EfiVariableEvent>(EventDecoder.Decode(events[4]));
        Assert.Equal(("SecureBoot", 0), (secureBoot.Name, secureBoot.VariableData.Length));
    }

    [Fact]
    public void Image_loads_render_pci_nvme_hard_drive_and_file_path()
    {
        var log = LogFiles.Parse("eventlogs/go-eventlog/glinux-alex.bin");
        var image = log.Events.Select(EventDecoder.Decode).OfType<EfiImageLoadEvent>().First(i => i.DevicePath.Contains("NVMe"));
        Assert.StartsWith("PciRoot(0x1)/Pci(0x2,0x0)/Pci(0x0,0x0)/NVMe(0x1,00-25-38-8C-91-B9-6E-FE)/HD(2,GPT,406697b0-ce81-4b4f-b0c6-2bce7884b767,0x1000,0x3d0800)/\\EFI\\DEBIAN\\", image.DevicePath);
        Assert.Equal(0x5e36e018ul, image.ImageLocation);
    }

    [Fact]
    public void Network_boot_path_renders_mac_and_ipv4()
    {
        var log = LogFiles.Parse("eventlogs/tpm2-tools/event-postcode.bin");
        var image = log.Events.Select(EventDecoder.Decode).OfType<EfiImageLoadEvent>().First(i => i.DevicePath.Contains("MAC"));
        Assert.Equal("PciRoot(0x3)/Pci(0x0,0x0)/Pci(0x0,0x0)/MAC(0cc47aff601c,0x1)/IPv4(0.0.0.0,0x0,DHCP,0.0.0.0)", image.DevicePath);
    }

    [Fact]
    public void Gpt_event_lists_the_partitions()
    {
        var log = LogFiles.Parse("eventlogs/go-attestation/coreos_36_shielded_vm_no_secure_boot_eventlog");
        var gpt = log.Events.Select(EventDecoder.Decode).OfType<GptEvent>().Single();
        Assert.Equal(["BIOS-BOOT", "EFI-SYSTEM", "boot", "root"], gpt.Partitions.Select(p => p.Name));
    }

    [Fact]
    public void Authority_events_name_their_certificate_also_in_shims_owner_less_form()
    {
        var log = LogFiles.Parse("eventlogs/go-attestation/sb_cert_eventlog");
        var shim = Assert.IsType<EfiVariableEvent>(EventDecoder.Decode(log.Events[12]));
        Assert.True(shim.IsAuthority);
        var signature = shim.AuthoritySignature()!;
        Assert.Equal(Guid.Empty, signature.Owner);
        Assert.True(signature.IsX509);
        Assert.StartsWith("CN=Canonical Ltd. Master Certificate Authority", signature.Subject);
    }

    [Fact]
    public void Device_path_with_zero_length_node_ends_with_invalid_instead_of_looping()
    {
        byte[] path = [0x02, 0x01, 0x0c, 0x00, 0xd0, 0x41, 0x03, 0x0a, 0x00, 0x00, 0x00, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x01];
        Assert.Equal("PciRoot(0x0)/Invalid(node 1,1 declares 0 bytes, 6 left)", DevicePath.ToText(path));
    }

    [Fact]
    public void Device_path_unknown_node_is_shown_raw_and_end_node_stops()
    {
        byte[] path = [0x09, 0x02, 0x06, 0x00, 0xab, 0xcd, 0x7f, 0xff, 0x04, 0x00, 0x04, 0x04, 0x08, 0x00, 0x41, 0x00, 0x00, 0x00];
        Assert.Equal("Path(9,2,abcd)", DevicePath.ToText(path));
    }

    [Fact]
    public void Device_path_instances_are_separated_by_commas_and_uri_and_vendor_nodes_render()
    {
        var guid = new Guid("5023b95c-db26-429b-a648-bd47664c8012");
        byte[] vendor = [0x04, 0x03, 0x14, 0x00, .. guid.ToByteArray()];
        byte[] uri = [0x03, 0x18, 0x0a, 0x00, .. "http:/"u8];
        byte[] path = [.. vendor, 0x7f, 0x01, 0x04, 0x00, .. uri, 0x7f, 0xff, 0x04, 0x00];
        Assert.Equal($"VenMedia({guid}),Uri(http:/)", DevicePath.ToText(path));
    }

    [Fact]
    public void Hostile_data_in_every_decoded_type_yields_opaque_events_never_exceptions()
    {
        var random = new Random(20240611);
        foreach (var type in DecodedTypes.Append(EventType.EfiPlatformFirmwareBlob2).Append(EventType.EfiVariableBoot2))
        {
            for (var i = 0; i < 300; i++)
            {
                var data = new byte[random.Next(0, 80)];
                random.NextBytes(data);
                if (i % 3 == 0 && data.Length >= 32) Array.Clear(data, 16, 16); // plausible small lengths in UEFI_VARIABLE_DATA / image headers
                var decoded = EventDecoder.Decode(new TcgEvent(1, 7, type, new Dictionary<TpmHashAlgorithm, byte[]>(), data, 0));
                Assert.NotNull(decoded.Describe());
            }
        }
    }

    [Fact]
    public void Variable_whose_name_length_exceeds_the_data_is_opaque_naming_the_field()
    {
        var data = new byte[40];
        data[16] = 0xff; data[23] = 0x7f; // UnicodeNameLength huge
        var decoded = EventDecoder.Decode(new TcgEvent(3, 7, EventType.EfiVariableDriverConfig, new Dictionary<TpmHashAlgorithm, byte[]>(), data, 0));
        Assert.Contains("UnicodeNameLength", Assert.IsType<OpaqueEvent>(decoded).Reason);
    }

    [Fact]
    public void Signature_list_with_inconsistent_sizes_is_refused()
    {
        var list = new byte[28 + 48];
        EfiGuids.CertSha256.ToByteArray().CopyTo(list, 0);
        BitConverter.GetBytes(28 + 48).CopyTo(list, 16);
        BitConverter.GetBytes(0).CopyTo(list, 20);
        BitConverter.GetBytes(48).CopyTo(list, 24);
        var signature = Assert.Single(EfiSignatureList.Parse(list));
        Assert.True(signature.IsSha256);
        Assert.Equal(32, signature.Data.Length);

        BitConverter.GetBytes(47).CopyTo(list, 24);
        Assert.Throws<FormatException>(() => EfiSignatureList.Parse(list));
        BitConverter.GetBytes(1000).CopyTo(list, 16);
        Assert.Throws<FormatException>(() => EfiSignatureList.Parse(list));
    }
}
