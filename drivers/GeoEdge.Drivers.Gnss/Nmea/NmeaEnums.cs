namespace GeoEdge.Drivers.Gnss.Nmea;

/// <summary>GGA fix quality indicator (field 6), numbered as the sentence carries it.</summary>
public enum FixQuality
{
    NoFix = 0,
    Gps = 1,
    Dgps = 2,
    Pps = 3,
    Rtk = 4,
    FloatRtk = 5,
    Estimated = 6,
    Manual = 7,
    Simulation = 8,
}

/// <summary>RMC status: A = data valid, V = navigation receiver warning.</summary>
public enum RmcStatus
{
    Active = 'A',
    Void = 'V',
}

/// <summary>Mode indicator of RMC (NMEA 2.3+) and, one per constellation, of GNS.</summary>
public enum PositioningMode
{
    Autonomous = 'A',
    Differential = 'D',
    Estimated = 'E',
    FloatRtk = 'F',
    Manual = 'M',
    NotValid = 'N',
    Precise = 'P',
    Rtk = 'R',
    Simulator = 'S',
}

/// <summary>GSA fix type (field 2).</summary>
public enum GsaFixType
{
    NoFix = 1,
    Fix2D = 2,
    Fix3D = 3,
}

/// <summary>GNSS system id of NMEA 4.11 (GSA last field; also derived from GSV talkers).</summary>
public enum GnssSystemId
{
    Gps = 1,
    Glonass = 2,
    Galileo = 3,
    BeiDou = 4,
    Qzss = 5,
    NavIc = 6,
}
