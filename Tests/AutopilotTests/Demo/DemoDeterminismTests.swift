import AutopilotCore
import DemoShop
import Engine
import Foundation
import Testing

@Suite("Demo generation is deterministic and streams")
struct DemoDeterminismTests {
    @Test("the same configuration gives byte-identical events")
    func sameSeedSameBytes() {
        let first = DemoSample.text(DemoShop(DemoSample.configuration), batches: 6)
        let second = DemoSample.text(DemoShop(DemoSample.configuration), batches: 6)
        #expect(first.count > 100_000)
        #expect(first.hashValue == second.hashValue && first == second)
    }

    @Test("batch size does not change the events")
    func batchSizeIndependent() {
        let small = DemoShop(DemoShopConfiguration(contacts: 100, now: DemoSample.now)).batches(size: 7).flatMap { $0 }
        let large = DemoShop(DemoShopConfiguration(contacts: 100, now: DemoSample.now)).batches(size: 5_000).flatMap { $0 }
        #expect(small == large)
    }

    @Test("another seed gives other data")
    func otherSeed() {
        var configuration = DemoSample.configuration
        configuration.seed = 7
        let first = DemoSample.text(DemoShop(DemoSample.configuration), batches: 3)
        let other = DemoSample.text(DemoShop(configuration), batches: 3)
        #expect(first != other)
    }

    @Test("100,000 contacts stream lazily in batches of the requested size")
    func streamsLazily() {
        let shop = DemoShop(DemoShopConfiguration(contacts: 100_000, now: DemoSample.now))
        let started = ContinuousClock.now
        var batches = 0
        var lastContact = ""
        for batch in shop.batches(size: 500).prefix(400) {
            #expect(batch.count == 500)
            batches += 1
            lastContact = batch.last?["contact"]?["external_id"]?.stringValue ?? lastContact
        }
        #expect(batches == 400)
        #expect(ContinuousClock.now - started < .seconds(60))
        let reached = Int(lastContact.dropFirst(2)) ?? 0
        #expect((3_000...20_000).contains(reached), "200,000 events cover a few thousand contacts, not all 100,000")
    }

    @Test("every batch but the last has exactly the requested size, and the total is the same whatever the size")
    func exactSizes() {
        let shop = DemoShop(DemoShopConfiguration(contacts: 3_000, leads: 50, now: DemoSample.now))
        let batches = Array(shop.batches(size: 997))
        #expect(batches.dropLast().allSatisfy { $0.count == 997 })
        #expect((1...997).contains(batches.last?.count ?? 0))
        let total = batches.reduce(0) { $0 + $1.count }
        #expect(total == shop.batches(size: 10_000).reduce(0) { $0 + $1.count })
    }
}
