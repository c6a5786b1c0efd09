import AutopilotCore
import Decisions
import Foundation
import Scoring
import Testing

/// The message rules read conversations (and every message to a lead), not a flow's marketing or transactional messages.
@Suite("Message rules — conversations only")
struct ConversationRuleTests {
    static func marketing(_ message: ContactMessage) -> ContactMessage {
        var message = message
        message.isConversation = false
        return message
    }

    @Test func anOpenedMarketingEmailToACustomerIsNotAFollowUp() {
        let cart = Self.marketing(Fixtures.email("cart", sentHoursAgo: 50, deliveredHoursAgo: 50, openedHoursAgo: 40))
        #expect(Fixtures.recommend(Fixtures.contact(messages: [cart])) == nil)
    }

    @Test func theSameEmailInAConversationIsOne() {
        let note = Fixtures.email("note", sentHoursAgo: 50, deliveredHoursAgo: 50, openedHoursAgo: 40)
        #expect(Fixtures.recommend(Fixtures.contact(messages: [note]))?.rule == .openedNoReply)
    }

    @Test(arguments: [RecommendationRule.notOpened, .silence])
    func otherMessageRulesSkipMarketingToo(rule: RecommendationRule) {
        let message =
            rule == .notOpened
            ? Fixtures.email("promo", sentHoursAgo: 60, deliveredHoursAgo: 60)
            : Fixtures.outbound("promo", .sms, sentHoursAgo: 100)
        #expect(Fixtures.recommend(Fixtures.contact(messages: [message]))?.rule == rule, "as a conversation it holds")
        #expect(Fixtures.recommend(Fixtures.contact(messages: [Self.marketing(message)])) == nil, "as marketing it does not")
    }

    @Test func aLatestMarketingEmailDoesNotHideTheConversationBeforeIt() {
        let note = Fixtures.email("note", sentHoursAgo: 80, deliveredHoursAgo: 80, openedHoursAgo: 70)
        let newsletter = Self.marketing(Fixtures.email("news", sentHoursAgo: 10, deliveredHoursAgo: 10))
        let recommendation = Fixtures.recommend(Fixtures.contact(messages: [note, newsletter]))
        #expect(recommendation?.rule == .openedNoReply)
        #expect(recommendation?.evidence.messageID == "note")
    }

    @Test func aReplyAfterTheConversationEndsIt() {
        let note = Fixtures.email("note", sentHoursAgo: 80, deliveredHoursAgo: 80, openedHoursAgo: 70)
        let reply = Fixtures.inbound("r1", hoursAgo: 60)
        let newsletter = Self.marketing(Fixtures.email("news", sentHoursAgo: 50, deliveredHoursAgo: 50, openedHoursAgo: 40))
        #expect(Fixtures.recommend(Fixtures.contact(messages: [note, reply, newsletter])) == nil)
    }

    @Test func aLeadIsFollowedUpOnEveryMessage() {
        let nurture = Self.marketing(Fixtures.email("nurture", sentHoursAgo: 50, deliveredHoursAgo: 50, openedHoursAgo: 40))
        let lead = LeadSnapshot(tier: .cool, createdAt: Fixtures.hoursAgo(100))
        #expect(Fixtures.recommend(Fixtures.contact(messages: [nurture], lead: lead))?.rule == .openedNoReply)
    }

    @Test func anAtRiskCustomerStillCountsMarketingAsHearingFromTheShop() {
        let churn = ChurnAssessment(band: .critical, score: 0.9)
        let recent = Self.marketing(Fixtures.email("promo", sentHoursAgo: 24, deliveredHoursAgo: 24))
        #expect(Fixtures.recommend(Fixtures.contact(messages: [recent], churn: churn)) == nil)
        let old = Self.marketing(Fixtures.email("promo", sentHoursAgo: 24 * 10, deliveredHoursAgo: 24 * 10))
        #expect(Fixtures.recommend(Fixtures.contact(messages: [old], churn: churn))?.rule == .atRiskCustomer)
    }
}
