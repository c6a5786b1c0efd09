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

/// Whoever holds the database file but not the key (a stolen backup, a copied disk) cannot sign a tracking link or a
/// webhook delivery: no value stored anywhere in it verifies as a signing key, and the server refuses what is signed
/// with one.
@Suite struct DatabaseAloneCannotForgeTests {
    @Test func nothingInTheDatabaseSignsATrackingLinkOrAWebhook() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("autopilot-forge-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("shop.sqlite").path
        let opened = SQLStore(database: try SQLiteDatabase(path: path))
        try await opened.migrate(now: Fixtures.now)
        let store = try await SecretKeySource.sealing(opened, database: .sqlite(path: path), environment: [:], now: Fixtures.now).store

        // Given a shop that sent an email with tracking links (the database's own random tracking key) and a Stripe webhook,
        let sent = try await TrackingAPITests.sent(store: store, ids: RandomIDGenerator())
        let stripeSecret = "whsec_" + String(repeating: "s3cr3t", count: 5)
        let dependencies = Dependencies(store: store, clock: sent.harness.clock)
        let webhookPath = try await WebhookService(dependencies: dependencies).register(provider: "stripe", secret: stripeSecret, tenantID: sent.first)
        let body = Array(#"{"id":"evt_forge_1","type":"customer.created","data":{"object":{"id":"cus_1","email":"amina@example.fr"}}}"#.utf8)
        let timestamp = Int64(sent.harness.clock.now().timeIntervalSince1970)
        let realPixel = Self.path(sent.links().pixelURL)
        let realStripe = StripeSignature(secret: stripeSecret).header(for: body, timestamp: timestamp)

        // when every text the database holds is tried as the signing key,
        let texts = try await SecretSealingTests.storedTexts(store)
        #expect(texts.count > 100)
        let forgedPixels = Set(texts.map { Self.path(sent.links(signer: TrackingSigner(secret: $0)).pixelURL) })
        let forgedStripe = Set(texts.map { StripeSignature(secret: $0).header(for: body, timestamp: timestamp) })

        // then none signs like the real key,
        #expect(!forgedPixels.contains(realPixel))
        #expect(!forgedStripe.contains(realStripe))
        // and the server refuses links and deliveries signed with what the database holds, the real ones passing.
        let storedTracking = try #require(
            try await store.database.read([SQLStatement("SELECT value FROM instance_secrets WHERE name = 'tracking'")])[0].first?.text(0))
        let storedStripe = try #require(
            try await store.database.read([SQLStatement("SELECT secret FROM webhook_endpoints WHERE provider = 'stripe'")])[0].first?.text(0))
        #expect(SettingsCipher.isSealed(storedTracking) && SettingsCipher.isSealed(storedStripe))
        try await sent.harness.app.test(.router) { client in
            let forged = Self.path(sent.links(signer: TrackingSigner(secret: storedTracking)).pixelURL)
            #expect(try await client.execute(uri: forged, method: .get).status == .notFound)
            #expect(try await client.execute(uri: realPixel, method: .get).status == .ok)
            for signature in [StripeSignature(secret: storedStripe).header(for: body, timestamp: timestamp), realStripe] {
                let response = try await client.execute(
                    uri: webhookPath, method: .post,
                    headers: [.contentType: "application/json", HTTPField.Name(StripeSignature.header)!: signature], body: ByteBuffer(bytes: body))
                #expect((signature == realStripe) == (response.status.code < 300), "\(response.status)")
            }
        }
    }

    static func path(_ url: String) -> String { TrackingAPITests.path(url) }
}
