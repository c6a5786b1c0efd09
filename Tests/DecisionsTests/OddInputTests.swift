import AutopilotCore
import Decisions
import Foundation
import Scoring
import Testing

@Suite("Odd input never crashes")
struct OddInputTests {
    @Test(
        "NaN scores, extreme dates and empty ids give encodable recommendations or none",
        arguments: [
            ChurnAssessment(band: .critical, score: .nan), ChurnAssessment(band: .critical, score: .infinity),
            ChurnAssessment(band: .critical, score: -3),
        ])
    func oddChurn(churn: ChurnAssessment) throws {
        let messages = [
            ContactMessage(id: "", direction: .outbound, channel: .email, sentAt: .distantPast, deliveredAt: .distantPast),
            ContactMessage(id: "", direction: .outbound, channel: .sms, sentAt: .distantPast),
            ContactMessage(id: "future", direction: .inbound, channel: .email, sentAt: Date(timeIntervalSince1970: .nan)),
        ]
        let contact = Fixtures.contact("", locale: "fr", messages: messages, churn: churn)
        let list = RecommendationEngine.recommend([contact], now: Fixtures.now, locale: .english)
        let result = try #require(list.first)
        #expect(result.rule == .atRiskCustomer)
        #expect(!result.reason.contains("nan"))
        _ = try JSONEncoder().encode(list)
    }

    @Test("messages in the future (clock skew) trigger nothing")
    func futureMessages() {
        let message = Fixtures.email(sentHoursAgo: -100, deliveredHoursAgo: -100)
        let lead = LeadSnapshot(tier: .hot, createdAt: Fixtures.hoursAgo(-5))
        let churn = ChurnAssessment(band: .critical, score: 0.9)
        #expect(Fixtures.recommend(Fixtures.contact(messages: [message], lead: lead, churn: churn)) == nil)
    }

    @Test("an empty batch gives an empty list")
    func emptyBatch() {
        #expect(RecommendationEngine.recommend([], now: Fixtures.now, locale: .french).isEmpty)
    }
}
