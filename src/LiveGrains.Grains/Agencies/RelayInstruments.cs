using System.Diagnostics.Metrics;

namespace LiveGrains.Grains.Agencies;

/// <summary>
/// What the silo's <see cref="AgencyCardRelay"/> carries: calls to agencies and the cards in them. Their ratio says how
/// well cards are batched, which decides what ten thousand ticking LIVEs cost their agencies.
/// </summary>
public static class RelayInstruments
{
    /// <summary>The grains' meter, which hosts export.</summary>
    public const string MeterName = "LiveGrains.Grains";

    private static readonly Meter Meter = new(MeterName);

    /// <summary>Calls to agency grains carrying cards and ends.</summary>
    public static readonly Counter<long> Calls = Meter.CreateCounter<long>("livegrains.relay.calls", "{call}", "Calls carrying LIVE cards and ends to agencies");

    /// <summary>LIVE cards carried in those calls.</summary>
    public static readonly Counter<long> Cards = Meter.CreateCounter<long>("livegrains.relay.cards", "{card}", "LIVE cards carried to agencies");
}
