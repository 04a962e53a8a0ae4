using System.Globalization;

namespace GeoEdge.Geolocation;

/// <summary>
/// GL: fuses the GNSS fix, the serving cell and the operator's answer into one composite location
/// with a grade (draft-lkspa-wimse-verifiable-geo-fence, "Geolocation service"). The rules are in
/// <see cref="LocationGrade"/> and GRADES.md. Pure and thread-safe: the same input gives the same answer.
/// </summary>
public static class LocationFusion
{
    /// <summary>A position claim: centre and the radius the source vouches for.</summary>
    private readonly record struct Disk(double Latitude, double Longitude, double Radius)
    {
        public double DistanceTo(double latitude, double longitude) => GreatCircle.DistanceMeters(Latitude, Longitude, latitude, longitude);
    }

    /// <exception cref="ArgumentException">an observation holds an impossible value (out-of-range coordinate, negative radius, ...).</exception>
    public static CompositeLocation Fuse(FusionInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        InputValidation.Validate(input);
        var options = input.Options;
        var sources = new List<SourceAgreement>(4);
        var findings = new List<FusionFinding>();

        var gnss = input.Gnss is { } g ? new Disk(g.Latitude, g.Longitude, g.UncertaintyMeters) : (Disk?)null;
        var cellRecord = input.Cell is { Reported: true } c ? c.Record : null;
        var cell = cellRecord is { } r ? new Disk(r.Latitude, r.Longitude, Math.Max(r.RangeMeters, options.MinCellRangeMeters)) : (Disk?)null;
        var network = input.Network;
        // GNSS is the most precise source, the cell the next; the network's circle is only a last resort.
        var position = gnss ?? cell ?? (network is { Result: VerificationResult.True } n
            ? new Disk(n.CenterLatitude, n.CenterLongitude, n.RadiusMeters) : (Disk?)null);

        sources.Add(new SourceAgreement(LocationSource.Gnss, gnss is null ? AgreementState.Absent : AgreementState.Primary));
        sources.Add(JudgeCell(input.Cell, gnss, cell, options, findings));
        sources.Add(JudgeNetwork(network, gnss ?? cell, options, findings));
        sources.Add(JudgeStationary(input.Stationary, position, options, findings)
            ?? JudgeHistory(input.Previous, position, input.Gnss?.Time ?? input.Time, options, findings));

        if (position is null)
            findings.Add(new FusionFinding(FindingCodes.NoLocationSource, "no source gives a position: no GNSS fix, no known serving cell, no TRUE from the network"));
        var grade = Grade(position, input.Gnss, sources);
        return new CompositeLocation(position?.Latitude, position?.Longitude, position?.Radius, grade, sources, findings);
    }

    private static SourceAgreement JudgeCell(CellObservation? observation, Disk? gnss, Disk? cell, FusionOptions options, List<FusionFinding> findings)
    {
        if (observation is not { Reported: true }) return new SourceAgreement(LocationSource.Cell, AgreementState.Absent);
        if (cell is not { } found)
        {
            findings.Add(new FusionFinding(FindingCodes.CellUnknown, "the modem's serving cell is not in the cell database"));
            return new SourceAgreement(LocationSource.Cell, AgreementState.Inconclusive);
        }
        if (gnss is not { } fix) return new SourceAgreement(LocationSource.Cell, AgreementState.Primary);

        var distance = fix.DistanceTo(found.Latitude, found.Longitude);
        var allowed = found.Radius * options.CellRangeFactor + fix.Radius + options.MarginMeters;
        if (distance <= allowed) return new SourceAgreement(LocationSource.Cell, AgreementState.Agrees, distance);
        findings.Add(new FusionFinding(FindingCodes.GnssCellMismatch, Format(
            $"the GNSS fix is {distance:0} m from the serving cell's centre; its range, the fix's uncertainty and the margin allow {allowed:0} m")));
        return new SourceAgreement(LocationSource.Cell, AgreementState.Disagrees, distance);
    }

    /// <summary>
    /// The network answered about a circle; whether that supports the reference position (GNSS, else the cell)
    /// depends on where the position's disk lies against the circle. TRUE supports any disk touching the circle
    /// (contradiction only when the disk lies wholly outside it, beyond the margin); FALSE contradicts only a disk
    /// wholly inside it (by the margin), and supports a disk wholly outside it.
    /// </summary>
    private static SourceAgreement JudgeNetwork(NetworkObservation? network, Disk? reference, FusionOptions options, List<FusionFinding> findings)
    {
        if (network is null) return new SourceAgreement(LocationSource.Network, AgreementState.Absent);
        switch (network.Result)
        {
            case VerificationResult.Unknown:
                findings.Add(new FusionFinding(FindingCodes.NetworkUnknown, "the network cannot locate the device"));
                return new SourceAgreement(LocationSource.Network, AgreementState.Inconclusive);
            case VerificationResult.Partial:
                findings.Add(new FusionFinding(FindingCodes.NetworkPartial, network.MatchRate is { } rate
                    ? Format($"the network's location of the device only partly overlaps the circle asked ({rate} % match)")
                    : "the network's location of the device only partly overlaps the circle asked"));
                return new SourceAgreement(LocationSource.Network, AgreementState.Inconclusive);
        }

        var circle = network.RadiusMeters;
        if (reference is not { } disk)
        {
            if (network.Result == VerificationResult.True) return new SourceAgreement(LocationSource.Network, AgreementState.Primary);
            findings.Add(new FusionFinding(FindingCodes.NetworkDenies, Format($"the network says the device is not within {circle:0} m of the point asked")));
            return new SourceAgreement(LocationSource.Network, AgreementState.Disagrees);
        }

        var distance = disk.DistanceTo(network.CenterLatitude, network.CenterLongitude);
        if (network.Result == VerificationResult.True)
        {
            if (distance - disk.Radius <= circle + options.MarginMeters) return new SourceAgreement(LocationSource.Network, AgreementState.Agrees, distance);
            findings.Add(new FusionFinding(FindingCodes.GnssNetworkMismatch, Format(
                $"the network places the device within {circle:0} m of a point {distance:0} m from the position (radius {disk.Radius:0} m)")));
            return new SourceAgreement(LocationSource.Network, AgreementState.Disagrees, distance);
        }
        if (distance + disk.Radius <= circle - options.MarginMeters)
        {
            findings.Add(new FusionFinding(FindingCodes.NetworkDenies, Format(
                $"the network says the device is not within {circle:0} m of a point {distance:0} m from the position (radius {disk.Radius:0} m)")));
            return new SourceAgreement(LocationSource.Network, AgreementState.Disagrees, distance);
        }
        return new SourceAgreement(LocationSource.Network, distance - disk.Radius > circle ? AgreementState.Agrees : AgreementState.Inconclusive, distance);
    }

    /// <summary>
    /// The least distance the host must have covered since the previous location (both radii given the
    /// benefit of the doubt) over the time between them. A reading older than the previous one counts as
    /// one second later, so that a jump cannot hide behind a clock that went backwards.
    /// </summary>
    private static SourceAgreement JudgeHistory(PreviousLocation? previous, Disk? position, DateTimeOffset? now, FusionOptions options, List<FusionFinding> findings)
    {
        if (previous is null || position is not { } here || now is not { } time) return new SourceAgreement(LocationSource.History, AgreementState.Absent);
        var distance = here.DistanceTo(previous.Latitude, previous.Longitude);
        var leastTravel = Math.Max(0, distance - here.Radius - previous.RadiusMeters);
        var seconds = Math.Max(1, (time - previous.Time).TotalSeconds);
        var speed = leastTravel / seconds;
        if (speed <= options.MaxSpeedMps) return new SourceAgreement(LocationSource.History, AgreementState.Agrees, distance);
        findings.Add(new FusionFinding(FindingCodes.ImplausibleSpeed, Format(
            $"at least {leastTravel:0} m from the previous location in {seconds:0} s: {speed * 3.6:0} km/h, above the {options.MaxSpeedMps * 3.6:0} km/h allowed")));
        return new SourceAgreement(LocationSource.History, AgreementState.Disagrees, distance);
    }

    /// <summary>
    /// A stationary host whose position disk lies wholly beyond its anchor's tolerance (plus the margin) has
    /// moved: the history source disagrees. Null when there is no anchor or no position, or the host is in place,
    /// so that the speed check still runs.
    /// </summary>
    private static SourceAgreement? JudgeStationary(StationaryAnchor? anchor, Disk? position, FusionOptions options, List<FusionFinding> findings)
    {
        if (anchor is null || position is not { } here) return null;
        var distance = here.DistanceTo(anchor.Latitude, anchor.Longitude);
        if (distance - here.Radius <= anchor.ToleranceMeters + options.MarginMeters) return null;
        findings.Add(new FusionFinding(FindingCodes.StationaryHostMoved, Format(
            $"the host is declared stationary but its position (radius {here.Radius:0} m) is {distance:0} m from its anchor; the tolerance and the margin allow {anchor.ToleranceMeters + options.MarginMeters:0} m")));
        return new SourceAgreement(LocationSource.History, AgreementState.Disagrees, distance);
    }

    private static LocationGrade Grade(Disk? position, GnssObservation? gnss, List<SourceAgreement> sources)
    {
        if (position is null || sources.Any(s => s.State == AgreementState.Disagrees)) return LocationGrade.F;
        bool Agrees(LocationSource source) => sources.Any(s => s.Source == source && s.State == AgreementState.Agrees);
        var corroborating = (Agrees(LocationSource.Cell) ? 1 : 0) + (Agrees(LocationSource.Network) ? 1 : 0);
        return gnss switch
        {
            { Authenticated: true } when corroborating == 2 => LocationGrade.A,
            { Authenticated: true } when corroborating == 1 => LocationGrade.B,
            _ when corroborating >= 1 => LocationGrade.C,
            _ => LocationGrade.D,
        };
    }

    private static string Format(FormattableString message) => message.ToString(CultureInfo.InvariantCulture);
}
