import AutopilotCore
import Foundation
import Storage
import Testing

@Suite("Outbox — what a sent message is")
struct OutboxKindTests {
    static func message(flow: String?, purpose: MessagePurpose, conversation: Bool = false) -> OutboxRecord {
        OutboxRecord(
            id: "msg", tenantID: "t", idempotencyKey: "k", contactID: "c", runID: flow.map { "run-" + $0 }, flowID: flow, step: "steps[0]",
            channel: .email, template: "x", purpose: purpose, options: MessageOptions(conversation: conversation), scheduledAt: Fixtures.now,
            nextAttemptAt: Fixtures.now, createdAt: Fixtures.now, updatedAt: Fixtures.now)
    }

    @Test func kinds() {
        #expect(Self.message(flow: nil, purpose: .marketing).kind == .conversation, "an accepted recommendation")
        #expect(Self.message(flow: "abandoned-cart", purpose: .marketing).kind == .marketing)
        #expect(Self.message(flow: "order-confirmation-sms", purpose: .transactional).kind == .transactional)
        #expect(Self.message(flow: "delegate-silence", purpose: .marketing, conversation: true).kind == .conversation)
    }

    @Test func theConversationMarkSurvivesTheOptionsJSON() {
        #expect(MessageOptions(json: MessageOptions(conversation: true).json).conversation)
        #expect(!MessageOptions(json: "{}").conversation)
    }
}
