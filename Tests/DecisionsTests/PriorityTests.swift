import AutopilotCore
import Decisions
import Foundation
import Scoring
import Testing

@Suite("Priorities, due dates and order")
struct PriorityTests {
    @Test(
        "priority by rule, with escalation for hot leads and for overdue low ones",
        arguments: [
            // (hours since the email was sent and delivered, opened hours ago, lead tier, expected rule, expected priority)
            (50.0, Double?.none, LeadTier?.none, RecommendationRule.notOpened, RecommendationPriority.medium),
            (200.0, nil, nil, .notOpened, .medium),
            (50.0, nil, .hot, .notOpened, .high),
            (50.0, 30.0, nil, .openedNoReply, .medium),
            (50.0, 30.0, .warm, .openedNoReply, .medium),
            (80.0, 1.0, nil, .silence, .low),
            (80.0, 1.0, .hot, .silence, .medium),
            (143.0, 1.0, nil, .silence, .low),
            (145.0, 1.0, nil, .silence, .medium),
        ])
    func priorities(
        sentHoursAgo: Double, openedHoursAgo: Double?, tier: LeadTier?, rule: RecommendationRule, priority: RecommendationPriority
    ) throws {
        let message = Fixtures.email(sentHoursAgo: sentHoursAgo, deliveredHoursAgo: sentHoursAgo, openedHoursAgo: openedHoursAgo)
        let lead = tier.map {
            LeadSnapshot(tier: $0, createdAt: Fixtures.hoursAgo(sentHoursAgo + 1), firstContactedAt: Fixtures.hoursAgo(sentHoursAgo))
        }
        let result = try #require(Fixtures.recommend(Fixtures.contact(messages: [message], lead: lead)))
        #expect(result.rule == rule)
        #expect(result.priority == priority)
        #expect(result.evidence.escalations.isEmpty == (priority == rule.basePriority))
        #expect(result.evidence.escalations.contains(.hotLead) == (tier == .hot))
    }

    @Test("dueAt: when the rule started to hold plus the response window (0 h high, 24 h medium, 72 h low)")
    func dueDates() throws {
        let notOpened = try #require(Fixtures.recommend(Fixtures.contact(messages: [Fixtures.email(sentHoursAgo: 50, deliveredHoursAgo: 50)])))
        #expect(notOpened.dueAt == Fixtures.hoursAgo(50 - 48 - 24))
        let silence = try #require(Fixtures.recommend(Fixtures.contact(messages: [Fixtures.outbound("s", .sms, sentHoursAgo: 80)])))
        #expect(silence.dueAt == Fixtures.hoursAgo(80 - 72 - 72))
        #expect(silence.createdAt == Fixtures.now)
    }

    @Test("the batch is sorted by priority, then the most overdue first, then id")
    func ordering() {
        let contacts = [
            Fixtures.contact("a", messages: [Fixtures.outbound("s", .sms, sentHoursAgo: 80)]),
            Fixtures.contact("b", messages: [Fixtures.email(sentHoursAgo: 50, deliveredHoursAgo: 50)]),
            Fixtures.contact("c", messages: [Fixtures.email(sentHoursAgo: 90, deliveredHoursAgo: 90)]),
            Fixtures.contact("d", lead: LeadSnapshot(tier: .hot, createdAt: Fixtures.hoursAgo(2))),
            Fixtures.contact("e", churn: ChurnAssessment(band: .critical, score: 0.9)),
            Fixtures.contact("f", messages: [Fixtures.inbound("r", hoursAgo: 1)]),
        ]
        let list = RecommendationEngine.recommend(contacts, now: Fixtures.now, locale: .english)
        #expect(list.map(\.contactID) == ["d", "e", "c", "b", "a"])
        #expect(list.map(\.priority) == [.high, .high, .medium, .medium, .low])
        for (earlier, later) in zip(list, list.dropFirst()) {
            #expect(!Recommendation.isMoreUrgent(later, than: earlier))
        }
    }

    @Test("a large batch (run in parallel) gives the same list as one contact at a time")
    func parallelMatchesSerial() {
        let contacts = (0..<6_000).map { index in
            Fixtures.contact(
                "ct_\(index)", messages: [Fixtures.email("m\(index)", sentHoursAgo: Double(index % 200), deliveredHoursAgo: Double(index % 200))]
            )
        }
        let engine = RecommendationEngine()
        let batch = engine.recommend(contacts, now: Fixtures.now, locale: .french)
        let serial = contacts.compactMap { engine.recommendation(for: $0, now: Fixtures.now, locale: .french) }
            .sorted(by: Recommendation.isMoreUrgent)
        #expect(batch == serial)
        #expect(!batch.isEmpty)
    }
}
