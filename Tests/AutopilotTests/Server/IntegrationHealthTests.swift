import AutopilotCore
import Channels
import Engine
import Foundation
import Hummingbird
import HummingbirdTesting
import LLM
import NIOCore
import Server
import Storage
import TestSupport
import Testing

/// `GET /health` lists every configured channel and integration with its last success and last error, from what the
/// dispatcher, the action runner and the gateway recorded.
@Suite("Health — channels and integrations")
struct IntegrationHealthTests {
    static let sent = #"{"sid": "SM00000000000000000000000000000001", "status": "queued"}"#
    static let invalid = #"{"code": 21211, "message": "The 'To' number +33612345678 is not a valid phone number.", "status": 400}"#

    static func order(_ id: String, at: String) -> JSONValue {
        Fixtures.envelope(
            "order.placed", at: at, key: "o-\(id)", contact: ["email": "ines@example.fr", "phone": "+33612345678"],
            properties: ["order_id": .string(id), "lines": [["sku": "TEA-01", "quantity": 1, "price": 24.0]], "total": 24.0, "currency": "EUR"])
    }

    @Test func aProviderThatStartedFailingIsShownFailingWithItsCodeOnly() async throws {
        try await LoopbackServer.with(answer: { index in index == 0 ? (201, Self.sent) : (400, Self.invalid) }) { twilio in
            let environment = [
                "TWILIO_ACCOUNT_SID": "AC9", "TWILIO_AUTH_TOKEN": "secret", "TWILIO_FROM": "MaisonLav", "TWILIO_BASE_URL": twilio.baseURL,
                "WHATSAPP_CLOUD_TOKEN": "t", "AUTOPILOT_LLM_BASE_URL": "http://127.0.0.1:9/v1", "AUTOPILOT_LLM_MAX_ATTEMPTS": "1",
            ]
            let store = SQLStore(database: try SQLiteDatabase(path: ":memory:"))
            try await store.migrate(now: Fixtures.now)
            let clock = ManualClock(Fixtures.date("2026-03-10T10:00:00Z"))
            let ai = try AIServices.fromEnvironment(environment, store: store, clock: clock)
            let dependencies = Dependencies(store: store, clock: clock, ids: SeededIDGenerator(seed: 3), ai: ai)
            let tenant = try await TenantService(dependencies: dependencies).create(name: "Maison Lavande")
            let engine = try TestWorker.make(
                dependencies,
                senders: try SenderDirectory.fromEnvironment([
                    "TWILIO_ACCOUNT_SID": "AC9", "TWILIO_AUTH_TOKEN": "secret", "TWILIO_FROM": "MaisonLav", "TWILIO_BASE_URL": twilio.baseURL,
                ]))
            let pipeline = IngestPipeline(dependencies: dependencies)
            _ = try await pipeline.ingest(document: ["events": [Self.order("D1", at: "2026-03-10T09:00:00Z")]], tenantID: tenant.tenantID)
            try await engine.runDue(now: clock.now())
            clock.set(Fixtures.date("2026-03-10T11:00:00Z"))
            _ = try await pipeline.ingest(document: ["events": [Self.order("D2", at: "2026-03-10T10:30:00Z")]], tenantID: tenant.tenantID)
            try await engine.runDue(now: clock.now())
            _ = try await ai.gateway.complete(
                .init(
                    messages: [.user("Bonjour")], timeout: .milliseconds(300), deadline: .seconds(2), feature: "weekly_report",
                    tenant: tenant.tenantID))

            var configuration = ServerConfiguration()
            configuration.integrations = IntegrationInventory.fromEnvironment(environment)
            let app = buildApplication(configuration: configuration, dependencies: dependencies, databaseName: "memory")
            try await app.test(.router) { client in
                let response = try await client.execute(uri: "/health", method: .get)
                #expect(response.status == .ok, "a failing provider does not make the instance unhealthy")
                let integrations = try APITestHarness.json(response)["integrations"]?.arrayValue ?? []
                let sms = try #require(integrations.first { $0["name"] == "twilio" })
                #expect(sms["status"] == "failing")
                #expect(sms["successes"] == 1 && sms["failures"] == 1)
                #expect(sms["last_success_at"] == "2026-03-10T10:00:00Z")
                #expect(sms["last_error_at"] == "2026-03-10T11:00:00Z")
                #expect(sms["last_error"] == "twilio_21211", "the code only: the text names the recipient")
                #expect(sms["configured"]?.stringValue?.hasPrefix("environment: twilio account AC9") == true)
                #expect(!String(buffer: response.body).contains("secret"))
                let whatsapp = try #require(integrations.first { $0["name"] == "whatsapp_cloud" })
                #expect(whatsapp["status"] == "unusable")
                #expect(whatsapp["configured"]?.stringValue?.contains("WHATSAPP_PHONE_NUMBER_ID") == true)
                let model = try #require(integrations.first { $0["name"] == "llm:compatible" })
                #expect(model["status"] == "failing" && model["kind"] == "llm")
            }
            let detailed = await HealthReport.check(store: store, databaseName: "memory", inventory: configuration.integrations, detailed: true)
            #expect(
                detailed.integrations.first { $0.name == "twilio" }?.lastError?.contains("not a valid phone number") == true,
                "the operator's CLI sees the text")
        }
    }
}
