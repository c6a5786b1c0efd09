import AutopilotCore
import Decisions
import Foundation
import Scoring
import Testing

@Suite("Precedence and replies")
struct PrecedenceTests {
    @Test("not_opened wins over silence when both hold")
    func notOpenedBeatsSilence() throws {
        let message = Fixtures.email(sentHoursAgo: 100, deliveredHoursAgo: 100)
        let result = try #require(Fixtures.recommend(Fixtures.contact(messages: [message])))
        #expect(result.rule == .notOpened)
        #expect(result.evidence.alsoHeld == [.silence])
    }

    @Test("opened_no_reply wins over silence when both hold")
    func openedBeatsSilence() throws {
        let message = Fixtures.email(sentHoursAgo: 100, deliveredHoursAgo: 100, openedHoursAgo: 90)
        let result = try #require(Fixtures.recommend(Fixtures.contact(messages: [message])))
        #expect(result.rule == .openedNoReply)
        #expect(result.evidence.alsoHeld == [.silence])
    }

    @Test(
        "one recommendation per contact, and the most urgent rule wins",
        arguments: [
            (ChurnBand.critical, LeadTier.hot, RecommendationRule.hotLeadWaiting),
            (ChurnBand.critical, LeadTier.cold, RecommendationRule.atRiskCustomer),
            (ChurnBand.veryHigh, LeadTier.cold, RecommendationRule.notOpened),
        ])
    func accountRulesFirst(band: ChurnBand, tier: LeadTier, expected: RecommendationRule) throws {
        let beforeLead = Fixtures.email(sentHoursAgo: 300, deliveredHoursAgo: 300)
        let contact = Fixtures.contact(
            messages: [beforeLead], lead: LeadSnapshot(tier: tier, createdAt: Fixtures.hoursAgo(5)), churn: ChurnAssessment(band: band, score: 0.9)
        )
        let list = RecommendationEngine.recommend([contact], now: Fixtures.now, locale: .english)
        #expect(list.count == 1)
        #expect(list.first?.rule == expected)
    }

    @Test(
        "a reply after the latest outbound message means no recommendation",
        arguments: [
            Fixtures.inbound("r1", hoursAgo: 99),
            Fixtures.inbound("r1", .whatsapp, hoursAgo: 1),
            Fixtures.inbound("r1", hoursAgo: 100),
        ])
    func replySilences(reply: ContactMessage) {
        let message = Fixtures.email(sentHoursAgo: 100, deliveredHoursAgo: 100)
        let churn = ChurnAssessment(band: .critical, score: 0.95)
        #expect(Fixtures.recommend(Fixtures.contact(messages: [message, reply], churn: churn)) == nil)
    }

    @Test("a reply reported on the message itself also counts")
    func repliedAt() {
        let message = Fixtures.email(sentHoursAgo: 100, deliveredHoursAgo: 100, openedHoursAgo: 99, repliedHoursAgo: 98)
        #expect(Fixtures.recommend(Fixtures.contact(messages: [message])) == nil)
    }

    @Test("an inbound message before the latest outbound is not a reply to it")
    func oldInbound() {
        let message = Fixtures.email(sentHoursAgo: 100, deliveredHoursAgo: 100)
        let result = Fixtures.recommend(Fixtures.contact(messages: [Fixtures.inbound("r0", hoursAgo: 120), message]))
        #expect(result?.rule == .notOpened)
    }

    @Test("an uncontacted hot lead who wrote in is still waiting: inbound messages do not silence hot_lead_waiting")
    func hotLeadWithInbound() {
        let lead = LeadSnapshot(tier: .hot, createdAt: Fixtures.hoursAgo(3))
        let messages = [Fixtures.outbound("news", .email, sentHoursAgo: 100), Fixtures.inbound("form", hoursAgo: 3)]
        #expect(Fixtures.recommend(Fixtures.contact(messages: messages, lead: lead))?.rule == .hotLeadWaiting)
    }
}
