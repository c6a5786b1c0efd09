import AutopilotCore
import Channels
import Engine
import Foundation
import Storage
import TestSupport
import Testing

/// A tenant's own API providers (stored settings, secrets apart) carry its flow messages: SMS through Twilio, email
/// through Omnisend, each a loopback server speaking the vendor's API; another tenant stays on the default.
@Suite("Channels — per-tenant Twilio and Omnisend settings")
struct TenantAPIProviderTests {
    static let now = Fixtures.date("2026-03-10T10:00:00Z")
    static let created = #"{"sid": "SM00000000000000000000000000000001", "status": "queued"}"#

    static let events: JSONValue = [
        "events": [
            Fixtures.envelope(
                "contact.created", at: "2026-03-10T09:00:00Z", key: "c-1", contact: ["email": "ines@example.fr", "phone": "+33612345678"],
                properties: ["first_name": "Inès", "locale": "fr", "consents": ["email": true, "sms": true]]),
            Fixtures.envelope(
                "order.placed", at: "2026-03-10T09:30:00Z", key: "o-1", contact: ["email": "ines@example.fr", "phone": "+33612345678"],
                properties: ["order_id": "D1", "lines": [["sku": "TEA-01", "quantity": 1, "price": 24.0]], "total": 24.0, "currency": "EUR"]),
        ]
    ]

    @Test func storedProvidersSendTheTenantsMessages() async throws {
        try await LoopbackServer.with(answer: { _ in (201, Self.created) }) { twilio in
            try await LoopbackServer.with(answer: { _ in (202, "") }) { omnisend in
                let shop = try await TestShop.make(at: Self.now)
                let other = try await TenantService(dependencies: shop.dependencies).create(name: "other").tenantID
                let channels = ChannelSettingsService(store: shop.store, clock: shop.clock)
                try await channels.use(
                    .twilio, channel: .sms,
                    variables: [
                        "TWILIO_ACCOUNT_SID": "AC9", "TWILIO_AUTH_TOKEN": "tw-secret", "TWILIO_FROM": "MaisonLav", "TWILIO_BASE_URL": twilio.baseURL,
                    ],
                    tenantID: shop.tenantID)
                try await channels.use(
                    .omnisend, channel: .email, variables: ["OMNISEND_API_KEY": "omni-secret", "OMNISEND_BASE_URL": omnisend.baseURL],
                    tenantID: shop.tenantID)
                for tenant in [shop.tenantID, other] {
                    _ = try await IngestPipeline(dependencies: shop.dependencies).ingest(document: Self.events, tenantID: tenant)
                }

                try await TestWorker.make(shop.dependencies).runDue(now: Self.now)

                let mine = try await FlowQueries(store: shop.store).messages(tenantID: shop.tenantID).filter { $0.status == "sent" }
                #expect(mine.filter { $0.channel == "sms" }.allSatisfy { $0.sender == "twilio" })
                #expect(mine.filter { $0.channel == "email" }.allSatisfy { $0.sender == "omnisend" })
                #expect(mine.contains { $0.channel == "sms" } && mine.contains { $0.channel == "email" })
                #expect(twilio.requests.count == mine.count { $0.channel == "sms" })
                #expect(twilio.requests.first?.authorization == "Basic " + Data("AC9:tw-secret".utf8).base64EncodedString())
                #expect(omnisend.requests.count == mine.count { $0.channel == "email" })
                #expect(omnisend.requests.first?.authorization == "Omnisend-API-Key omni-secret")
                let theirs = try await FlowQueries(store: shop.store).messages(tenantID: other)
                let states = theirs.map { "\($0.channel) \($0.status) \($0.sender ?? "-")" }.sorted()
                #expect(states == ["email sent log", "sms sent log"], "the other tenant stays on the default")

                let listed = try await channels.list(tenantID: shop.tenantID, defaults: SenderDirectory())
                let sms = try #require(listed.first { $0.channel == .sms })
                #expect(sms.provider == "twilio" && sms.hasSecrets)
                #expect(sms.settings["TWILIO_AUTH_TOKEN"] == nil, "secrets are never read for display")
                #expect(sms.settings["TWILIO_ACCOUNT_SID"] == "AC9")
            }
        }
    }

    @Test func unusableSettingsAreRefusedNamingTheVariable() async throws {
        let shop = try await TestShop.make(at: Self.now)
        let channels = ChannelSettingsService(store: shop.store, clock: shop.clock)
        func refusal(_ provider: ChannelProvider, _ channel: Channel, _ variables: [String: String]) async -> ValidationError? {
            do {
                try await channels.use(provider, channel: channel, variables: variables, tenantID: shop.tenantID)
                return nil
            } catch {
                return error as? ValidationError
            }
        }
        #expect(await refusal(.twilio, .sms, ["TWILIO_ACCOUNT_SID": "AC9", "TWILIO_FROM": "X"])?.field == "TWILIO_AUTH_TOKEN")
        #expect(await refusal(.twilio, .email, ["TWILIO_ACCOUNT_SID": "AC9"])?.field == "provider")
        #expect(await refusal(.omnisend, .email, ["OMNISEND_API_KEY": "k", "SMTP_HOST": "x"])?.field == "SMTP_HOST")
        #expect(await refusal(.whatsappCloud, .whatsapp, ["WHATSAPP_CLOUD_TOKEN": "t"])?.field == "WHATSAPP_PHONE_NUMBER_ID")
        #expect(try await shop.store.channelSettings(tenantID: shop.tenantID).isEmpty, "nothing half-written")
    }
}
