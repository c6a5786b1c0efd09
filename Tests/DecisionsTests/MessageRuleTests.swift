import AutopilotCore
import Decisions
import Foundation
import Testing

@Suite("Message rules: thresholds")
struct MessageRuleTests {
    @Test("not_opened holds after 48 h without an open", arguments: [(47.0, false), (48.0, false), (49.0, true), (200.0, true)])
    func notOpenedBoundary(deliveredHoursAgo: Double, holds: Bool) {
        let message = Fixtures.email(sentHoursAgo: deliveredHoursAgo, deliveredHoursAgo: deliveredHoursAgo)
        let contact = Fixtures.contact(consents: Fixtures.emailOnly, messages: [message])
        let result = Fixtures.recommend(contact)
        #expect((result?.rule == .notOpened) == holds)
        if holds {
            #expect(result?.evidence.messageID == "m1")
            #expect(result?.evidence.thresholdHours == 48)
            #expect(abs((result?.evidence.hoursSince ?? 0) - deliveredHoursAgo) < 1e-9)
        } else {
            #expect(result == nil)
        }
    }

    @Test("opened_no_reply holds 24 h after the open", arguments: [(23.0, false), (24.0, false), (25.0, true), (70.0, true)])
    func openedNoReplyBoundary(openedHoursAgo: Double, holds: Bool) {
        let message = Fixtures.email(sentHoursAgo: openedHoursAgo + 1, deliveredHoursAgo: openedHoursAgo + 1, openedHoursAgo: openedHoursAgo)
        let result = Fixtures.recommend(Fixtures.contact(messages: [message]))
        #expect((result?.rule == .openedNoReply) == holds)
        #expect((result == nil) == !holds)
    }

    @Test("silence holds after 3 days", arguments: [(2.9, false), (3.0, false), (3.1, true), (30.0, true)])
    func silenceBoundary(days: Double, holds: Bool) {
        let sms = Fixtures.outbound("s1", .sms, sentHoursAgo: days * 24)
        let result = Fixtures.recommend(Fixtures.contact(messages: [sms]))
        #expect((result?.rule == .silence) == holds)
        #expect((result == nil) == !holds)
    }

    @Test("an email sent but never reported delivered is not 'not opened'; it falls to silence after 3 days")
    func undeliveredEmail() {
        let early = Fixtures.recommend(Fixtures.contact(messages: [Fixtures.email(sentHoursAgo: 60)]))
        #expect(early == nil)
        let late = Fixtures.recommend(Fixtures.contact(messages: [Fixtures.email(sentHoursAgo: 80)]))
        #expect(late?.rule == .silence)
    }

    @Test("only the latest outbound message counts")
    func latestOutboundOnly() throws {
        let old = Fixtures.email("old", sentHoursAgo: 200, deliveredHoursAgo: 200)
        let recent = Fixtures.email("new", sentHoursAgo: 10, deliveredHoursAgo: 10)
        #expect(Fixtures.recommend(Fixtures.contact(messages: [recent, old])) == nil)
        let stale = Fixtures.email("new", sentHoursAgo: 50, deliveredHoursAgo: 50)
        let result = try #require(Fixtures.recommend(Fixtures.contact(messages: [old, stale])))
        #expect(result.evidence.messageID == "new")
    }

    @Test("no messages and no lead or churn score: nothing to propose")
    func emptyHistory() {
        #expect(Fixtures.recommend(Fixtures.contact()) == nil)
    }
}
