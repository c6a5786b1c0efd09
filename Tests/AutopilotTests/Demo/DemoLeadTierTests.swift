import AutopilotCore
import Engine
import Foundation
import Scoring
import Testing

@Suite("Demo leads score across all tiers")
struct DemoLeadTierTests {
    @Test("the lead qualifier finds hot, warm, cool and cold leads in plausible proportions", arguments: LeadTier.allCases)
    func tierShare(_ tier: LeadTier) {
        let qualifier = LeadQualifier()
        let messages = DemoLeadTests.leads.compactMap { $0["message"]?.stringValue }
        let share = Double(messages.filter { qualifier.qualify($0).tier == tier }.count) / Double(max(1, messages.count))
        #expect((0.1...0.45).contains(share), "\(tier): \(share)")
    }
}
