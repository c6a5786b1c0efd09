import AutopilotCore
import Flows
import Foundation
import Testing

@Suite("Segments — conditions, facts and transitions (pure)")
struct SegmentDefinitionTests {
    static let now = Date(timeIntervalSince1970: 1_780_000_000)

    static func days(_ count: Double) -> Date { now.addingTimeInterval(-count * 86_400) }

    /// A customer who ordered 10 days ago, spent 240, opened an email 70 days ago, at high churn risk, a warm lead.
    static let ana = SegmentFacts(
        contactID: "ct_ana",
        contact: [
            "id": "ct_ana", "email": "ana@a.example", "orders_count": 3, "total_spent": 240.0, "tags": ["vip"],
            "consents": ["email": true, "sms": false, "whatsapp": false], "attributes": ["plan": "gold"], "locale": "fr",
        ],
        scores: ["rfm_segment": "champions", "churn_band": "high", "churn_score": 0.71, "clv": 310.5, "p_alive": 0.42, "rfm_r": 5],
        lead: ["tier": "warm", "score": 62],
        moments: ["order": days(10), "first_order": days(400), "created": days(500), "email_open": days(70), "email_sent": days(3)])

    /// Never ordered, never opened anything.
    static let bob = SegmentFacts(
        contactID: "ct_bob", contact: ["id": "ct_bob", "email": "bob@a.example", "orders_count": 0, "total_spent": 0.0, "tags": []],
        moments: ["created": days(2)])

    @Test(
        "conditions over fields, scores, lead and history",
        arguments: [
            ("history.days_since_order <= 90", true, false),
            ("not (history.days_since_email_open <= 60)", true, true),
            ("history.days_since_email_open > 60", true, false),
            ("history.days_since_order == null", false, true),
            ("scores.churn_band == \"high\" and scores.p_alive < 0.5", true, false),
            ("scores.rfm_segment in [\"champions\", \"loyal\"]", true, false),
            ("scores.clv >= 300", true, false),
            ("lead.tier in [\"hot\", \"warm\"]", true, false),
            ("contact.total_spent >= 100 and \"vip\" in contact.tags", true, false),
            ("contact.attributes.plan == \"gold\"", true, false),
            ("contact.consents.email", true, false),
            ("history.days_since_created < 7", false, true),
            ("contact.orders_count == 0 or history.days_since_click <= 30", false, true),
        ])
    func conditions(source: String, ana: Bool, bob: Bool) throws {
        let segment = try SegmentDefinition.make(id: "s", name: "S", condition: source)
        #expect(segment.contains(Self.ana, now: Self.now) == ana, "\(source) for Ana")
        #expect(segment.contains(Self.bob, now: Self.now) == bob, "\(source) for Bob")
    }

    @Test func historyCountsDaysWithTheirFractionFromNow() {
        let scope = Self.ana.scope(now: Self.now.addingTimeInterval(12 * 3_600))
        #expect(scope["history"]?["days_since_order"]?.doubleValue == 10.5)
        #expect(scope["history"]?["days_since_reply"] == nil)
    }

    @Test(
        "bad segments name the field and the reason",
        arguments: [
            ("", "Name", "x == 1", "id", "is required"),
            ("Big-Spenders", "Name", "contact.total_spent > 1", "id", "lower-case"),
            ("big", " ", "contact.total_spent > 1", "name", "is required"),
            ("big", "Big", "", "condition", "is required"),
            ("big", "Big", "history.days_since_ordr <= 90", "condition", "unknown field \"history.days_since_ordr\""),
            ("big", "Big", "scores.clv >= \"high\"", "condition", "column"),
            ("big", "Big", "contact.total_spent", "condition", "boolean"),
            ("big", "Big", "contact.total_spent >", "condition", "column"),
            ("big", "Big", "event.total > 3", "condition", "known roots"),
        ])
    func invalid(id: String, name: String, condition: String, field: String, reason: String) {
        do {
            _ = try SegmentDefinition.make(id: id, name: name, condition: condition)
            Issue.record("\(condition) was accepted")
        } catch {
            #expect(error.code == "invalid_segment")
            #expect(error.field == field)
            #expect(error.message.contains(reason), "\(error.message)")
        }
    }

    @Test func timeDependenceFollowsTheRootsTheConditionReads() throws {
        #expect(try SegmentDefinition.make(id: "a", name: "A", condition: "history.days_since_order <= 90").isTimeDependent)
        #expect(try SegmentDefinition.make(id: "b", name: "B", condition: "contact.locale == 'fr' or scores.clv > 9").isTimeDependent)
        #expect(try !SegmentDefinition.make(id: "c", name: "C", condition: "contact.total_spent > 100 and lead.tier == 'hot'").isTimeDependent)
    }

    @Test func transitionsAnnounceEntriesAndExitsWithTheirSequence() throws {
        let recent = try SegmentDefinition.make(id: "recent", name: "Recent", condition: "history.days_since_order <= 30")
        let key = SegmentMembership.Key(segmentID: "recent", contactID: "ct_ana")
        // Ana enters for the first time; Bob, who is no member, stays out.
        let first = SegmentMembership.transitions(segments: [recent], facts: [Self.ana, Self.bob], states: [:], now: Self.now)
        #expect(first == [SegmentTransition(segmentID: "recent", contactID: "ct_ana", entered: true, sequence: 1)])
        var states = SegmentMembership.apply(first, to: [:])
        #expect(states[key] == SegmentMemberState(member: true, transitions: 1))
        // Nothing changes: nothing is announced again.
        #expect(SegmentMembership.transitions(segments: [recent], facts: [Self.ana], states: states, now: Self.now).isEmpty)
        // Twenty-one days later her order is 31 days old: she leaves, announcement 2.
        let later = Self.now.addingTimeInterval(21 * 86_400)
        let second = SegmentMembership.transitions(segments: [recent], facts: [Self.ana], states: states, now: later)
        #expect(second == [SegmentTransition(segmentID: "recent", contactID: "ct_ana", entered: false, sequence: 2)])
        states = SegmentMembership.apply(second, to: states)
        #expect(states[key] == SegmentMemberState(member: false, transitions: 2))
    }

    @Test func aFillingSegmentPlacesContactsSilently() throws {
        let spenders = try SegmentDefinition.make(id: "spenders", name: "Spenders", condition: "contact.total_spent >= 100")
        let silent = SegmentMembership.transitions(segments: [spenders], facts: [Self.ana, Self.bob], states: [:], now: Self.now, silent: true)
        #expect(silent == [SegmentTransition(segmentID: "spenders", contactID: "ct_ana", entered: true, sequence: 0)])
        let states = SegmentMembership.apply(silent, to: [:])
        #expect(states[.init(segmentID: "spenders", contactID: "ct_ana")] == SegmentMemberState(member: true, transitions: 0))
    }
}
