import AutopilotCore
import Decisions
import Foundation
import Scoring
import Testing

@Suite("Expected value and the daily order")
struct ExpectedValueTests {
    let policy = ValuePolicy.standard

    @Test func aLeadIsWorthItsScoreTimesItsDeal() {
        let lead = LeadSnapshot(tier: .hot, createdAt: Fixtures.hoursAgo(3), score: 82, dealSize: 4_000)
        let value = policy.expectedValue(of: Fixtures.contact(lead: lead))
        #expect(value.basis == .lead)
        #expect(value.amount == 3_280)
        #expect(value.source == .dealSize)
    }

    @Test func aLeadWithNoDealUsesTheDefaultAndATierWithNoScoreItsBand() {
        let value = policy.expectedValue(of: Fixtures.contact(lead: LeadSnapshot(tier: .warm, createdAt: Fixtures.hoursAgo(3))))
        #expect(value.source == .defaultDealSize)
        #expect(value.likelihood == 0.625)
        #expect(value.amount == 625)
        let custom = ValuePolicy(defaultDealSize: 200).expectedValue(of: Fixtures.contact(lead: LeadSnapshot(tier: .cold, createdAt: Fixtures.now)))
        #expect(custom.amount == 25)
    }

    @Test func aCustomerIsWorthTheLifetimeValueAtRisk() {
        var contact = Fixtures.contact(churn: ChurnAssessment(band: .critical, score: 0.85))
        contact.lifetimeValue = 300
        let value = policy.expectedValue(of: contact)
        #expect(value.basis == .customer)
        #expect(value.amount == 255)
        #expect(value.source == .predictedLifetimeValue)
        contact.churn = nil
        contact.lifetimeValueIsPredicted = false
        #expect(policy.expectedValue(of: contact).amount == 150, "unscored: a churn risk of 0.5")
        #expect(policy.expectedValue(of: contact).source == .spentSoFar)
    }

    @Test func aContactWithNothingToGoOnIsWorthNothing() {
        #expect(policy.expectedValue(of: Fixtures.contact()) == .unknown)
    }

    @Test func oddNumbersStayFiniteAndNeverNegative() {
        var contact = Fixtures.contact(lead: LeadSnapshot(tier: .hot, createdAt: Fixtures.now, score: .nan, dealSize: -5))
        contact.lifetimeValue = .infinity
        let value = policy.expectedValue(of: contact)
        #expect(value.amount.isFinite && value.amount >= 0)
    }

    @Test func theDailyOrderIsByValueThenUrgency() throws {
        let hot = Fixtures.contact("hot", lead: LeadSnapshot(tier: .hot, createdAt: Fixtures.hoursAgo(5), score: 90, dealSize: 2_000))
        var customer = Fixtures.contact(
            "vip", messages: [Fixtures.email(sentHoursAgo: 50, deliveredHoursAgo: 50, openedHoursAgo: 30)],
            churn: ChurnAssessment(band: .high, score: 0.6))
        customer.lifetimeValue = 5_000
        let stranger = Fixtures.contact("nobody", messages: [Fixtures.email(sentHoursAgo: 100, deliveredHoursAgo: 100)])
        let strangerToo = Fixtures.contact("nobody2", messages: [Fixtures.email(sentHoursAgo: 500, deliveredHoursAgo: 500)])
        let list = RecommendationEngine.recommend([stranger, hot, strangerToo, customer], now: Fixtures.now, locale: .english)
        let ranked = ValueOrder.ranked(list)
        #expect(ranked.map(\.contactID) == ["vip", "hot", "nobody2", "nobody"])
        #expect(ranked[0].expectedValue.amount == 3_000)
        #expect(ranked[1].expectedValue.amount == 1_800)
    }

    @Test func theWhyLineSaysWhatHappenedAndWhatIsAtStake() throws {
        var contact = Fixtures.contact(
            messages: [Fixtures.email(sentHoursAgo: 60, deliveredHoursAgo: 60, openedHoursAgo: 50)], churn: ChurnAssessment(band: .high, score: 0.6))
        contact.lifetimeValue = 1_250
        let recommendation = try #require(Fixtures.recommend(contact))
        #expect(
            WhyWriter.line(recommendation, language: .english, currency: "EUR")
                == "Opened your email 2 days ago, no reply — about €750 at stake (60% churn risk × €1,250 predicted lifetime value)")
        #expect(
            WhyWriter.line(recommendation, language: .french, currency: "EUR")
                == "A ouvert votre email il y a 2 jours, sans répondre — environ 750\u{A0}€ en jeu "
                + "(risque de départ 60 % × valeur vie client prévue 1\u{202F}250\u{A0}€)")
        let lead = try #require(
            Fixtures.recommend(Fixtures.contact(lead: LeadSnapshot(tier: .hot, createdAt: Fixtures.hoursAgo(3), score: 82))))
        #expect(
            WhyWriter.line(lead, language: .english, currency: "USD")
                == "Hot lead waiting 3 hours for a first contact — about $820 at stake (lead score 82 × typical $1,000 deal)")
        #expect(!WhyWriter.line(lead, language: .french, currency: "EUR").contains("\n"))
    }
}
