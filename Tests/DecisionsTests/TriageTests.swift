import AutopilotCore
import Decisions
import Foundation
import Scoring
import Testing

@Suite("Accept, dismiss, snooze")
struct TriageTests {
    static let list = RecommendationEngine.recommend(
        ["a", "b", "c"].map { Fixtures.contact($0, messages: [Fixtures.email("m_" + $0, sentHoursAgo: 50, deliveredHoursAgo: 50)]) },
        now: Fixtures.now, locale: .english
    )

    static func decision(_ index: Int, _ status: RecommendationDecision.Status, hoursAgo: Double = 1) -> RecommendationDecision {
        RecommendationDecision(recommendationID: list[index].id, status: status, decidedAt: Fixtures.hoursAgo(hoursAgo))
    }

    @Test("dismissed and accepted recommendations do not come back; others stay in order")
    func dismissedStayGone() {
        let decisions = [Self.decision(0, .dismissed), Self.decision(2, .accepted)]
        let pending = RecommendationTriage.pending(Self.list, decisions: decisions, now: Fixtures.now)
        #expect(pending.map(\.id) == [Self.list[1].id])
    }

    @Test("a snoozed recommendation returns once its date has passed", arguments: [(-1.0, true), (0.0, true), (1.0, false)])
    func snooze(untilHoursFromNow: Double, visible: Bool) {
        let until = Fixtures.now.addingTimeInterval(untilHoursFromNow * 3600)
        let pending = RecommendationTriage.pending(Self.list, decisions: [Self.decision(1, .snoozed(until: until))], now: Fixtures.now)
        #expect(pending.contains { $0.id == Self.list[1].id } == visible)
        #expect(pending.count == (visible ? 3 : 2))
    }

    @Test("the latest decision on an id counts, whatever the order they come in")
    func latestDecisionWins() {
        let expiredSnooze = Self.decision(0, .snoozed(until: Fixtures.hoursAgo(1)), hoursAgo: 2)
        let olderDismiss = Self.decision(0, .dismissed, hoursAgo: 5)
        let newerDismiss = Self.decision(0, .dismissed, hoursAgo: 1)
        #expect(RecommendationTriage.pending(Self.list, decisions: [olderDismiss, expiredSnooze], now: Fixtures.now).count == 3)
        #expect(RecommendationTriage.pending(Self.list, decisions: [expiredSnooze, olderDismiss], now: Fixtures.now).count == 3)
        #expect(RecommendationTriage.pending(Self.list, decisions: [newerDismiss, expiredSnooze], now: Fixtures.now).count == 2)
    }

    @Test("a dismissed recommendation stays dismissed when recomputed later (same id)")
    func recomputed() {
        let dismissed = Self.list.map { RecommendationDecision(recommendationID: $0.id, status: .dismissed, decidedAt: Fixtures.now) }
        let later = Fixtures.now.addingTimeInterval(5 * 3600)
        let fresh = RecommendationEngine.recommend(
            ["a", "b", "c"].map { Fixtures.contact($0, messages: [Fixtures.email("m_" + $0, sentHoursAgo: 50, deliveredHoursAgo: 50)]) },
            now: later, locale: .english
        )
        #expect(fresh.count == 3)
        #expect(RecommendationTriage.pending(fresh, decisions: dismissed, now: later).isEmpty)
    }

    @Test(
        "decisions encode as {status, until}",
        arguments: [
            RecommendationDecision.Status.accepted, .dismissed, .snoozed(until: Date(timeIntervalSince1970: 1_772_400_000)),
        ])
    func decisionJSON(status: RecommendationDecision.Status) throws {
        let decision = RecommendationDecision(recommendationID: "rec_1", status: status, decidedAt: Fixtures.now)
        let data = try JSONEncoder().encode(decision)
        #expect(try JSONDecoder().decode(RecommendationDecision.self, from: data) == decision)
        #expect(String(data: data, encoding: .utf8)?.contains("\"status\":\"\(status.name)\"") == true)
    }

    @Test("an unknown status is a decoding error naming the field")
    func badStatus() {
        let json = Data(#"{"recommendationID":"rec_1","status":"archived","decidedAt":0}"#.utf8)
        do {
            _ = try JSONDecoder().decode(RecommendationDecision.self, from: json)
            Issue.record("decoding an unknown status should fail")
        } catch let DecodingError.dataCorrupted(context) {
            #expect(context.codingPath.last?.stringValue == "status")
            #expect(context.debugDescription.contains("archived"))
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test("filters: priority, rule, due before")
    func filters() {
        let contacts = [
            Fixtures.contact("a", messages: [Fixtures.outbound("s", .sms, sentHoursAgo: 80)]),
            Fixtures.contact("b", messages: [Fixtures.email(sentHoursAgo: 50, deliveredHoursAgo: 50)]),
            Fixtures.contact("d", lead: LeadSnapshot(tier: .hot, createdAt: Fixtures.hoursAgo(2))),
        ]
        let list = RecommendationEngine.recommend(contacts, now: Fixtures.now, locale: .english)
        #expect(RecommendationFilter(priority: .high).apply(list).map(\.contactID) == ["d"])
        #expect(RecommendationFilter(rule: .silence).apply(list).map(\.contactID) == ["a"])
        #expect(RecommendationFilter(dueBefore: Fixtures.now.addingTimeInterval(12 * 3600)).apply(list).map(\.contactID) == ["d"])
        #expect(RecommendationFilter(dueBefore: Fixtures.now.addingTimeInterval(23 * 3600)).apply(list).map(\.contactID) == ["d", "b"])
        #expect(RecommendationFilter().apply(list) == list)
    }
}
