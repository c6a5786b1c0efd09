import Foundation
import Testing

@testable import Engine

/// Between two date sweeps a pass reads no cursor; the memory is per tenant and per sweep, and never quiet past the moment
/// the next sweep falls due.
@Suite struct DateSweepMemoryTests {
    @Test func isQuietUntilTheNextSweepOnlyForThatTenantAndCursor() {
        let memory = DateSweepMemory()
        let swept = Date(timeIntervalSince1970: 1_800_000_000)
        let next = swept.addingTimeInterval(DateTriggers.interval)
        #expect(!memory.isQuiet(tenantID: "t1", cursor: "date:birthday", at: swept), "nothing remembered: read the cursor")
        memory.remember(tenantID: "t1", cursor: "date:birthday", quietUntil: next)
        #expect(memory.isQuiet(tenantID: "t1", cursor: "date:birthday", at: swept.addingTimeInterval(1_800)))
        #expect(!memory.isQuiet(tenantID: "t1", cursor: "date:birthday", at: next), "due again at the next sweep's moment")
        #expect(!memory.isQuiet(tenantID: "t1", cursor: "date:win-back", at: swept.addingTimeInterval(1_800)))
        #expect(!memory.isQuiet(tenantID: "t2", cursor: "date:birthday", at: swept.addingTimeInterval(1_800)))
    }
}
