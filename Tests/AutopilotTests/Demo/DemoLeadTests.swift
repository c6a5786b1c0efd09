import AutopilotCore
import Engine
import Foundation
import Testing

@Suite("Demo B2B leads")
struct DemoLeadTests {
    static let leads = DemoSample.events(of: .leadCreated).compactMap { $0["properties"] }

    @Test("each lead has an id, a company, a source and a message")
    func fields() {
        #expect(Self.leads.count == 200)
        #expect(Set(Self.leads.compactMap { $0["lead_id"]?.stringValue }).count == 200)
        #expect(Self.leads.allSatisfy { $0["company"]?.stringValue?.isEmpty == false && $0["source"]?.stringValue?.isEmpty == false })
        let sources = Set(Self.leads.compactMap { $0["source"]?.stringValue })
        #expect(sources.isSuperset(of: ["website_form", "linkedin", "salon"]))
    }

    @Test(
        "messages are varied, in French and English, some with a budget, a timeline, a decision maker",
        arguments: [
            "Budget", "budget", "par mois", "a month", "dirhams", "pressé", "ASAP", "next quarter", "cette semaine", "signs off", "Shopify",
            "WooCommerce", "PME", "dropshipping", "Bonjour", "Hi",
        ])
    func phrases(_ phrase: String) {
        #expect(Self.leads.contains { $0["message"]?.stringValue?.contains(phrase) == true })
    }

    @Test("most messages are distinct")
    func distinct() {
        let messages = Self.leads.compactMap { $0["message"]?.stringValue }
        #expect(Set(messages).count > messages.count * 9 / 10)
        let withoutBudget = messages.filter { !$0.lowercased().contains("budget") && !$0.contains("€") && !$0.contains("$") }
        #expect(withoutBudget.count > messages.count / 4)
    }
}
