import AutopilotCore
import Channels
import Engine
import Foundation
import Storage
import Synchronization
import Testing

/// A batch never outlasts its claim: the dispatcher renews it as it goes, and when one send took so long that the claim is
/// close to its end, hands the rest back, due at once and not counted as an attempt, so no other worker can claim a
/// message while it is still being sent.
@Suite("Flow engine — a slow sender within the lease")
struct DispatchLeaseTests {
    final class SlowSender: MessageSender, Sendable {
        let name = "slow"
        let seen = Mutex<[String]>([])

        func send(_ message: OutboundMessage) async -> SendOutcome {
            try? await Task.sleep(for: .milliseconds(900))
            seen.withLock { $0.append(message.id) }
            return .sent(providerID: "slow-" + message.id)
        }
    }

    @Test func theRestOfASlowBatchIsHandedBackAndSentOnce() async throws {
        let now = Fixtures.date("2026-03-10T10:00:00Z")
        let shop = try await TestShop.make(at: now)
        var orders: [JSONValue] = []
        for number in 1...5 {
            orders.append(
                Fixtures.envelope(
                    "order.placed", at: "2026-03-10T09:00:00Z", key: "o-\(number)",
                    contact: ["email": .string("c\(number)@example.fr"), "phone": .string("+3361234567\(number)")],
                    properties: [
                        "order_id": .string("D\(number)"), "lines": [["sku": "TEA-01", "quantity": 1, "price": 24.0]], "total": 24.0,
                        "currency": "EUR",
                    ]))
        }
        try await shop.ingest(orders)
        var settings = FlowEngineSettings()
        settings.lease = 1
        let sender = SlowSender()
        let engine = try TestWorker.make(shop.dependencies, settings: settings, senders: SenderDirectory(byChannel: [.sms: sender]))

        let report = try await engine.runDue(now: now)
        #expect(report.messagesDispatched > 5, "each send outlasts most of the 1 s lease: the batch hands the rest back, the next passes send them")

        let sms = try await FlowQueries(store: shop.store).messages(tenantID: shop.tenantID).filter { $0.channel == "sms" }
        #expect(sms.count == 5)
        #expect(sms.allSatisfy { $0.status == "sent" && $0.attempts == 1 }, "\(sms.map { "\($0.status) \($0.attempts)" })")
        #expect(Set(sender.seen.withLock { $0 }).count == 5 && sender.seen.withLock { $0 }.count == 5, "each sent once")
    }
}
