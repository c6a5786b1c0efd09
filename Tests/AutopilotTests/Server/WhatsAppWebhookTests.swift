import AutopilotCore
import Engine
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Integrations
import NIOCore
import Storage
import Testing

/// Meta's WhatsApp Cloud API webhooks: the GET subscription check, then signed statuses and inbound messages.
@Suite("HTTP API — WhatsApp Cloud webhooks")
struct WhatsAppWebhookTests {
    static let body = """
        {"object": "whatsapp_business_account", "entry": [{"id": "102290129340398", "changes": [{"field": "messages", "value": {
          "messaging_product": "whatsapp", "metadata": {"display_phone_number": "33700000000", "phone_number_id": "106540352242922"},
          "contacts": [{"profile": {"name": "Inès"}, "wa_id": "33612345678"}],
          "messages": [
            {"from": "33612345678", "id": "wamid.IN1", "timestamp": "1773133200", "type": "text", "text": {"body": "Oui, je passe demain"}, "context": {"id": "wamid.OUT1"}},
            {"from": "33698765432", "id": "wamid.IN2", "timestamp": "1773133260", "type": "text", "text": {"body": "STOP"}}
          ],
          "statuses": [
            {"id": "wamid.OUT1", "status": "delivered", "timestamp": "1773133100", "recipient_id": "33612345678"},
            {"id": "wamid.OUT1", "status": "read", "timestamp": "1773133150", "recipient_id": "33612345678"},
            {"id": "wamid.OUT2", "status": "failed", "timestamp": "1773133160", "recipient_id": "33611111111", "errors": [{"code": 131047, "title": "Re-engagement message"}]}
          ]}}]}]}
        """

    func headers(secret: String, body: String) -> HTTPFields {
        [HTTPField.Name("X-Hub-Signature-256")!: MetaSignature(secret: secret).sign(Array(body.utf8)), .contentType: "application/json"]
    }

    @Test func theSubscriptionIsVerifiedAndSignedDeliveriesBecomeEvents() async throws {
        let harness = try await APITestHarness.make()
        let tenantID = try #require(try await harness.store.tenants().first { $0.name == "First shop" }?.id)
        let path = try await WebhookService(dependencies: Dependencies(store: harness.store, clock: harness.clock)).register(
            provider: "whatsapp", secret: "meta-app-secret", tenantID: tenantID)
        let token = String(path.split(separator: "/").last ?? "")
        harness.clock.set(Fixtures.date("2026-03-10T10:00:00Z"))
        try await harness.app.test(.router) { client in
            let verified = try await client.execute(
                uri: "\(path)?hub.mode=subscribe&hub.verify_token=\(token)&hub.challenge=1158201444", method: .get)
            #expect(verified.status == .ok)
            #expect(String(buffer: verified.body) == "1158201444")
            let wrong = try await client.execute(uri: "\(path)?hub.mode=subscribe&hub.verify_token=guess&hub.challenge=1", method: .get)
            #expect(wrong.status == .forbidden)

            let forged = try await client.execute(
                uri: path, method: .post, headers: headers(secret: "other", body: Self.body), body: ByteBuffer(string: Self.body))
            #expect(forged.status == .unauthorized)
            #expect(try await harness.store.summary(tenantID: tenantID).events == 0)

            let first = try await client.execute(
                uri: path, method: .post, headers: headers(secret: "meta-app-secret", body: Self.body), body: ByteBuffer(string: Self.body))
            #expect(first.status == .ok, "\(String(buffer: first.body))")
            #expect(try APITestHarness.json(first)["accepted"] == 5)
            let replay = try await client.execute(
                uri: path, method: .post, headers: headers(secret: "meta-app-secret", body: Self.body), body: ByteBuffer(string: Self.body))
            #expect(try APITestHarness.json(replay)["outcome"] == "replay")
        }
        let events = try await harness.store.events(EventQuery(limit: 20), tenantID: tenantID).events
        let types = Dictionary(grouping: events, by: \.type).mapValues(\.count)
        #expect(types == ["message.replied": 1, "contact.unsubscribed": 1, "message.delivered": 1, "message.opened": 1, "message.failed": 1])
        let reply = try #require(events.first { $0.type == "message.replied" })
        #expect(reply.properties["text"] == "Oui, je passe demain")
        #expect(reply.properties["message_id"] == "wamid.OUT1")
        #expect(reply.properties["channel"] == "whatsapp")
        #expect(reply.occurredAt == "2026-03-10T09:00:00Z")
        let stop = try #require(events.first { $0.type == "contact.unsubscribed" })
        #expect(stop.properties["channel"] == "whatsapp")
        #expect(events.first { $0.type == "message.failed" }?.properties["error_code"] == "131047")
    }
}
