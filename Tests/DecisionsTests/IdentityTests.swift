import AutopilotCore
import Decisions
import Foundation
import Scoring
import Testing

@Suite("Deterministic ids")
struct IdentityTests {
    static let message = Fixtures.email(sentHoursAgo: 50, deliveredHoursAgo: 50)

    @Test("recomputing later, in another order or language gives the same id")
    func stableAcrossRuns() throws {
        let contacts = (0..<20).map { Fixtures.contact("ct_\($0)", messages: [Self.message]) }
        let first = RecommendationEngine.recommend(contacts, now: Fixtures.now, locale: .english)
        let later = RecommendationEngine.recommend(contacts.reversed(), now: Fixtures.now.addingTimeInterval(7200), locale: .french)
        #expect(first.count == 20)
        #expect(Set(first.map(\.id)) == Set(later.map(\.id)))
        #expect(Set(first.map(\.id)).count == 20)
    }

    @Test("the id follows the contact, the rule and the triggering message")
    func idInputs() throws {
        let base = try #require(Fixtures.recommend(Fixtures.contact(messages: [Self.message])))
        let otherContact = try #require(Fixtures.recommend(Fixtures.contact("ct_2", messages: [Self.message])))
        let second = Fixtures.email("m2", sentHoursAgo: 50, deliveredHoursAgo: 50)
        let otherMessage = try #require(Fixtures.recommend(Fixtures.contact(messages: [second])))
        let otherRule = try #require(Fixtures.recommend(Fixtures.contact(consents: Fixtures.emailOnly, messages: [Fixtures.email(sentHoursAgo: 80)])))
        #expect(otherRule.rule == .silence)
        #expect(Set([base.id, otherContact.id, otherMessage.id, otherRule.id]).count == 4)
        #expect(base.id == RecommendationID.make(contactID: "ct_1", rule: .notOpened, trigger: "msg:m1"))
    }

    @Test("ids look like rec_ and 16 hex digits", arguments: ["", "ct_1", "é😀", String(repeating: "x", count: 10_000)])
    func idShape(contactID: String) {
        let id = RecommendationID.make(contactID: contactID, rule: .silence, trigger: "msg:1")
        #expect(id.hasPrefix("rec_"))
        #expect(id.utf8.count == 20)
        #expect(id.dropFirst(4).allSatisfy { $0.isHexDigit })
    }

    @Test("a hot lead's id follows the lead's arrival, not the time of computation")
    func hotLeadID() throws {
        let lead = LeadSnapshot(tier: .hot, createdAt: Fixtures.hoursAgo(2))
        let contact = Fixtures.contact(lead: lead)
        let now = try #require(Fixtures.recommend(contact))
        let later = try #require(RecommendationEngine().recommendation(for: contact, now: Fixtures.now.addingTimeInterval(600), locale: .english))
        #expect(now.id == later.id)
        #expect(now.dueAt == later.dueAt)
    }

    @Test("a recommendation survives a JSON round trip")
    func codable() throws {
        let contact = Fixtures.contact(messages: [Self.message], churn: ChurnAssessment(band: .high, score: 0.6))
        let recommendation = try #require(Fixtures.recommend(contact))
        let data = try JSONEncoder().encode(recommendation)
        #expect(try JSONDecoder().decode(Recommendation.self, from: data) == recommendation)
        let json = try #require(String(data: data, encoding: .utf8))
        #expect(json.contains("\"rule\":\"not_opened\""))
        #expect(json.contains("\"priority\":\"medium\""))
        #expect(json.contains("\"action\":\"switch_channel\""))
    }
}
