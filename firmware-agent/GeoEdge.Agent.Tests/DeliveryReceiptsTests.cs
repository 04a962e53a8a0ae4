using GeoEdge.Agent.Outbox;

namespace GeoEdge.Agent.Tests;

public class DeliveryReceiptsTests
{
    private static readonly byte[] Genuine = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();

    [Fact]
    public void A_result_for_the_same_bytes_completes_the_wait_even_when_it_comes_at_once()
    {
        var receipts = new DeliveryReceipts();
        var waiting = receipts.Expect(Genuine);
        receipts.Confirm(Genuine.ToArray());
        Assert.True(waiting.IsCompletedSuccessfully);
    }

    [Fact]
    public void A_result_for_other_bytes_or_without_a_digest_does_not()
    {
        var receipts = new DeliveryReceipts();
        var waiting = receipts.Expect(Genuine);
        var forged = Genuine.ToArray();
        forged[0] ^= 1;
        receipts.Confirm(forged);
        receipts.Confirm(null);
        Assert.False(waiting.IsCompleted);
    }

    [Fact]
    public void Publishing_again_waits_on_the_same_receipt()
    {
        var receipts = new DeliveryReceipts();
        var first = receipts.Expect(Genuine);
        var again = receipts.Expect(Genuine);
        Assert.Same(first, again);
    }
}
