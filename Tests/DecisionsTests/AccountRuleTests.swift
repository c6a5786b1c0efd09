import AutopilotCore
import Decisions
import Foundation
import Scoring
import Testing

@Suite("Lead and customer rules")
struct AccountRuleTests {
    @Test("a hot lead waits more than an hour before it is flagged", arguments: [(59.0, false), (60.0, false), (61.0, true), (600.0, true)])
    func hotLeadBoundary(minutes: Double, holds: Bool) throws {
        let lead = LeadSnapshot(tier: .hot, createdAt: Fixtures.hoursAgo(minutes / 60))
        let result = Fixtures.recommend(Fixtures.contact(consents: ChannelConsents(email: true, sms: true), lead: lead))
        #expect((result != nil) == holds)
        if holds {
            let recommendation = try #require(result)
            #expect(recommendation.rule == .hotLeadWaiting)
            #expect(recommendation.priority == .high)
            #expect(recommendation.action == .contactNow)
            #expect(recommendation.channel == .sms)
            #expect(recommendation.templateID == "hot-lead-call")
            #expect(recommendation.dueAt == lead.createdAt.addingTimeInterval(3600))
        }
    }

    @Test("only hot leads are chased within the hour", arguments: [LeadTier.warm, .cool, .cold])
    func otherTiers(tier: LeadTier) {
        let lead = LeadSnapshot(tier: tier, createdAt: Fixtures.hoursAgo(5))
        #expect(Fixtures.recommend(Fixtures.contact(lead: lead)) == nil)
    }

    @Test("a lead contacted (recorded, or by an outbound message after it came in) is not waiting")
    func contactedLead() {
        let recorded = LeadSnapshot(tier: .hot, createdAt: Fixtures.hoursAgo(5), firstContactedAt: Fixtures.hoursAgo(4))
        #expect(Fixtures.recommend(Fixtures.contact(lead: recorded)) == nil)
        let lead = LeadSnapshot(tier: .hot, createdAt: Fixtures.hoursAgo(5))
        let reply = Fixtures.outbound("s1", .sms, sentHoursAgo: 2)
        #expect(Fixtures.recommend(Fixtures.contact(messages: [reply], lead: lead)) == nil)
        let before = Fixtures.outbound("s0", .sms, sentHoursAgo: 6)
        #expect(Fixtures.recommend(Fixtures.contact(messages: [before], lead: lead))?.rule == .hotLeadWaiting)
    }

    @Test(
        "a customer is proposed for win-back only at critical churn risk",
        arguments: [
            (ChurnBand.critical, 0.86, true), (.veryHigh, 0.84, false), (.high, 0.6, false), (.low, 0.1, false),
        ])
    func criticalChurn(band: ChurnBand, score: Double, holds: Bool) throws {
        let contact = Fixtures.contact(preferred: .sms, churn: ChurnAssessment(band: band, score: score))
        let result = Fixtures.recommend(contact)
        #expect((result != nil) == holds)
        if holds {
            let recommendation = try #require(result)
            #expect(recommendation.rule == .atRiskCustomer)
            #expect(recommendation.priority == .high)
            #expect(recommendation.action == .winBack)
            #expect(recommendation.channel == .sms)
            #expect(recommendation.templateID == "win-back-vip")
            #expect(recommendation.evidence.churnScore == score)
            #expect(recommendation.evidence.hoursSince == nil)
        }
    }

    @Test(
        "a critical customer messaged in the last 7 days is left to the message rules",
        arguments: [
            (100.0, RecommendationRule.notOpened), (167.0, .notOpened), (169.0, .atRiskCustomer),
        ])
    func quietPeriod(hours: Double, expected: RecommendationRule) {
        let message = Fixtures.email(sentHoursAgo: hours, deliveredHoursAgo: hours)
        let contact = Fixtures.contact(messages: [message], churn: ChurnAssessment(band: .critical, score: 0.9))
        #expect(Fixtures.recommend(contact)?.rule == expected)
    }

    @Test("a churn assessment can come straight from the scoring module")
    func fromChurnRisk() {
        let risk = ChurnRisk(score: 0.9, band: ChurnBand(risk: 0.9), factors: [], locale: .english)
        #expect(ChurnAssessment(risk) == ChurnAssessment(band: .critical, score: 0.9))
    }
}
