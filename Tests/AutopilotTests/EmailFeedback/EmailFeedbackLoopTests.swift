import AutopilotCore
import Channels
import Engine
import Foundation
import Integrations
import Storage
import TestSupport
import Testing

/// Emails leave through a real SMTP relay (aiosmtpd); Postmark then reports on them through its webhooks: a reply that
/// quotes our Message-ID is recorded on the message it answers, and a hard bounce suppresses the address.
@Suite(.enabled(if: SMTPPeer.isAvailable, "python3 cannot import aiosmtpd"))
struct EmailFeedbackLoopTests {
    static let secret = "autopilot:p0stm4rk-hook-pass"

    @Test func aReplyIsMatchedToItsEmailAndAHardBounceSuppressesTheAddress() async throws {
        let peer = try await SMTPPeer.start([])
        defer { peer.stop() }
        let shop = try await TestShop.make(at: FlowScenario.start, seed: 21)
        let relay = SMTPSettings(host: "127.0.0.1", port: peer.port, security: .none, fromAddress: "bonjour@boutique.example")
        try await ChannelSettingsService(store: shop.store, clock: shop.clock).useSMTP(relay, tenantID: shop.tenantID)
        let simulator = FlowSimulator(worker: try TestWorker.make(shop.dependencies), clock: shop.clock)
        _ = try await simulator.run(events: FlowScenario.events, tenantID: shop.tenantID, until: FlowScenario.start.addingTimeInterval(26 * 3_600))
        let queries = FlowQueries(store: shop.store)
        let sent = try await queries.messages(tenantID: shop.tenantID).filter { $0.channel == "email" && $0.status == "sent" }
        let amina = try #require(sent.first { $0.contact == "amina@example.fr" && $0.flow == "abandoned-cart" })
        let mail = try #require(try peer.messages().first { $0.rcptTos == ["amina@example.fr"] && $0.headers["X-Autopilot-Message-ID"] == amina.id })
        #expect(mail.headers["X-PM-Metadata-autopilot-message-id"] == amina.id)
        let messageID = try #require(mail.headers["Message-ID"]?.trimmingCharacters(in: .whitespaces))

        let service = WebhookService(dependencies: shop.dependencies)
        let path = try await service.register(provider: "postmark", secret: Self.secret, tenantID: shop.tenantID)
        let token = String(path.split(separator: "/").last ?? "")
        func post(_ body: String) async throws -> WebhookReceipt {
            try await service.receive(
                provider: "postmark", token: token, headers: ["Authorization": PostmarkAuthentication(secret: Self.secret).expectedHeader],
                rawBody: Array(body.utf8), url: "")
        }

        let reply = """
            {"From": "amina@example.fr", "FromFull": {"Email": "amina@example.fr", "Name": "Amina"}, "MessageStream": "inbound",
             "Subject": "Re: \(amina.subject ?? "")", "MessageID": "inbound-1", "Date": "Wed, 4 Mar 2026 12:00:00 +0100",
             "TextBody": "Je passe commande ce soir, merci !\\n> \(amina.subject ?? "")", "StrippedTextReply": "Je passe commande ce soir, merci !",
             "Headers": [{"Name": "In-Reply-To", "Value": "\(messageID)"}, {"Name": "References", "Value": "\(messageID)"}]}
            """
        let answered = try await post(reply)
        #expect(answered.accepted == 1, "\(answered)")
        let replied = try #require(try await shop.store.events(EventQuery(type: .messageReplied), tenantID: shop.tenantID).events.first)
        #expect(replied.properties["message_id"]?.stringValue == amina.id, "matched by In-Reply-To to the email it answers")
        #expect(replied.properties["text"] == "Je passe commande ce soir, merci !")
        let after = try await queries.messages(tenantID: shop.tenantID).first { $0.id == amina.id }
        #expect(after?.status == "replied")
        let outOfOffice = reply.replacingOccurrences(of: #""Headers": ["#, with: #""Headers": [{"Name": "Auto-Submitted", "Value": "auto-replied"}, "#)
            .replacingOccurrences(of: "inbound-1", with: "inbound-2")
        #expect(try await post(outOfOffice).outcome == "ignored")

        let bob = try #require(sent.first { $0.contact == "bob@example.com" })
        let bounce = """
            {"RecordType": "Bounce", "ID": 77, "Type": "HardBounce", "TypeCode": 1, "MessageID": "pm-bob-1",
             "Metadata": {"autopilot-message-id": "\(bob.id)"}, "Description": "Unknown user", "Email": "bob@example.com",
             "BouncedAt": "2026-03-04T12:00:00Z", "Inactive": true}
            """
        #expect(try await post(bounce).accepted == 1)
        #expect(try await post(bounce).outcome == "replay")
        let bobID = try #require(try await shop.store.contactID(email: "bob@example.com", tenantID: shop.tenantID))
        let next = OutboxRecord(
            id: "msg_after_bounce", tenantID: shop.tenantID, idempotencyKey: "after-bounce", contactID: bobID, runID: nil, flowID: nil, step: nil,
            channel: .email, template: "welcome-1", purpose: .marketing, status: .queued, options: MessageOptions(), scheduledAt: shop.clock.now(),
            nextAttemptAt: shop.clock.now(), createdAt: shop.clock.now(), updatedAt: shop.clock.now())
        try await shop.store.recordDispatch([next])
        _ = try await simulator.run(events: [], tenantID: shop.tenantID, until: shop.clock.now().addingTimeInterval(3_600))
        let suppressed = try await queries.messages(tenantID: shop.tenantID).first { $0.id == "msg_after_bounce" }
        #expect(suppressed?.status == "skipped")
        #expect(suppressed?.blockedReason == "hard_bounced")
    }
}
