import AutopilotCore
import Content
import DemoShop
import Foundation
import Testing

@Suite("Demo — the letter to the shop owner")
struct DemoLetterTests {
    /// One real demo (a small shop, 30 days of flows), shared by the tests.
    static let letter: Task<DemoLetter, any Error> = Task {
        DemoLetter(try await DemoFlowsTests.run(contacts: 150, days: 30), databasePath: "/tmp/autopilot-demo-test/demo.sqlite")
    }

    /// Codes that must never stand where a sentence should (the "Details" section aside).
    static let codes = [
        "opened_no_reply", "not_opened", "hot_lead_waiting", "at_risk_customer", "no_consent", "missing_address", "quiet_hours",
        "frequency_cap", "run_exited", "hot_routed", "order_placed", "very_high", "potential_loyalist", "about_to_sleep", "BG/NBD",
        "P(alive)", "39 weeks", "39 semaines", "PATH",
    ]

    static func body(_ text: String) -> String {
        text.components(separatedBy: "\nDetails (technical names)").first?.components(separatedBy: "\nDétails (noms techniques)").first ?? text
    }

    @Test(arguments: [ContentLanguage.english, .french])
    func theHeadlineComesFirst(language: ContentLanguage) async throws {
        let letter = try await Self.letter.value
        let lines = letter.text(in: language).split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
        let number = DemoNumberProbe(language: language)
        #expect(letter.flowOrders > 0 && letter.shopRevenue > letter.flowRevenue)
        #expect(lines[0].contains(letter.shopName) && lines[0].contains("30"))
        #expect(lines[1].contains(number.money(letter.flowRevenue)), "what the flows earned, in the first sentence")
        #expect(lines[1].contains(number.money(letter.shopRevenue)), "against the shop's revenue over the same days")
        #expect(lines[1].hasPrefix(language == .french ? "En 30 jours" : "In 30 days"))
    }

    @Test(arguments: [ContentLanguage.english, .french])
    func noCodeStandsWhereASentenceShould(language: ContentLanguage) async throws {
        let text = try await Self.letter.value.text(in: language)
        let body = Self.body(text)
        #expect(body.count < text.count, "the technical names are one level down, in Details")
        for code in Self.codes { #expect(!body.contains(code), "\(code) in the \(language) letter") }
        #expect(text.contains("--database /tmp/autopilot-demo-test/demo.sqlite"), "the real path, not PATH")
        #expect(!text.contains(" PATH"))
        #expect(!text.contains("  ()") && !text.contains(":  ("), "no blank names")
    }

    @Test(arguments: [ContentLanguage.english, .french])
    func churnBandsGoFromTheMostSevere(language: ContentLanguage) async throws {
        let letter = try await Self.letter.value
        #expect(letter.churn.count >= 2)
        let order = PlainWords.churnBandsBySeverity
        #expect(letter.churn.map(\.code) == order.filter { band in letter.churn.contains { $0.code == band } })
        let body = Self.body(letter.text(in: language))
        let positions = letter.churn.compactMap { body.range(of: PlainWords.churnBand($0.code, language: language) + " — ")?.lowerBound }
        #expect(positions.count == letter.churn.count && positions == positions.sorted())
    }

    @Test(arguments: [ContentLanguage.english, .french])
    func customersWhoNeverOrderedAreCountedAndExplained(language: ContentLanguage) async throws {
        let letter = try await Self.letter.value
        #expect(letter.customersWithoutOrders > 0)
        #expect(letter.customersWithOrders + letter.customersWithoutOrders == letter.customers)
        let said = DemoNumberProbe(language: language).int(letter.customersWithoutOrders)
        #expect(letter.text(in: language).contains(language == .french ? "\(said) autres n'ont jamais commandé" : "\(said) more never ordered"))
    }

    @Test func heldAndDeferredAreToldApart() async throws {
        var letter = try await Self.letter.value
        letter.deferredThenSent = 7
        letter.deferredBy = [DemoLetter.Count(code: "quiet_hours", count: 7)]
        letter.held = 3
        letter.heldBy = [DemoLetter.Count(code: "no_consent", count: 3)]
        let text = letter.text(in: .english)
        let waited = try #require(text.range(of: "  7 messages waited for a better moment, then went out:\n"))
        let held = try #require(text.range(of: "  3 messages were not sent, on purpose:\n"))
        #expect(waited.upperBound < held.lowerBound)
        #expect(text[waited.upperBound...].hasPrefix("         7  it was night or outside sending hours where the customer lives\n"))
        #expect(text[held.upperBound...].hasPrefix("         3  the customer has not agreed to receive marketing on this channel\n"))
    }

    @Test func theRealDemoSeparatesDeferredFromHeld() async throws {
        let report = try await DemoFlowsTests.run(contacts: 60, days: 7)
        for flow in report.flows {
            #expect(flow.held + flow.deferredThenSent == flow.blocked)
            #expect(flow.heldByReason.values.reduce(0, +) == flow.held)
            #expect(flow.deferredByReason.values.reduce(0, +) == flow.deferredThenSent)
            #expect(flow.deferredThenSent <= flow.sent)
        }
    }
}

/// The letter's number format, written out again for the tests.
struct DemoNumberProbe {
    let language: ContentLanguage

    func int(_ value: Int) -> String {
        let digits = String(value)
        var grouped = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { grouped += language == .french ? " " : "," }
            grouped.append(digit)
        }
        return grouped
    }

    func money(_ value: Double) -> String {
        let cents = Int((value * 100).rounded())
        let fraction = String(format: "%02d", cents % 100)
        return int(cents / 100) + (language == .french ? "," : ".") + fraction + " EUR"
    }
}
