import AutopilotCore
import Engine
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Integrations
import NIOCore
import Server
import Storage
import Testing

@Suite("Per-tenant shop settings")
struct ShopSettingsTests {
    static let key = Data(repeating: 7, count: 32).base64EncodedString()

    @Test func settingsAreCheckedPerTenantAndSecretsNeverShowOrLeak() async throws {
        let cipher = try #require(try SettingsCipher.fromEnvironment([SettingsCipher.variable: Self.key]))
        let harness = try await APITestHarness.make { $0.settingsCipher = cipher }
        let tenants = try await harness.store.tenants()
        let first = try #require(tenants.first { $0.name == "First shop" }?.id)
        try await harness.app.test(.router) { client in
            let bad = try await client.execute(
                uri: "/v1/settings", method: .put, headers: APITestHarness.auth(harness.firstKey),
                body: APITestHarness.body(["settings": ["shop.name": "Boutique Élise", "shop.url": "ftp://elise"]]))
            #expect(bad.status == .unprocessableContent)
            #expect(try APITestHarness.json(bad)["error"]?["field"] == "settings.shop.url")
            let unknown = try await client.execute(
                uri: "/v1/settings", method: .put, headers: APITestHarness.auth(harness.firstKey),
                body: APITestHarness.body(["settings": ["shop.colour": "blue"]]))
            #expect(try APITestHarness.json(unknown)["error"]?["field"] == "settings.shop.colour")
            #expect(try await harness.store.tenantSettings(tenantID: first).isEmpty, "nothing stored when one change is refused")

            let put = try await client.execute(
                uri: "/v1/settings", method: .put, headers: APITestHarness.auth(harness.firstKey),
                body: APITestHarness.body([
                    "settings": [
                        "shop.name": "Boutique Élise", "shop.url": "https://elise.example/", "links.booking": "https://cal.com/elise/appel",
                        "shopify.shop_url": "https://elise.myshopify.com", "shopify.access_token": "shpat_secret_0123",
                    ]
                ]))
            #expect(put.status == .ok)
            let shown = try APITestHarness.json(put)["settings"]
            #expect(shown?["shop.url"] == "https://elise.example")
            #expect(shown?["shopify.access_token"] == "set")
            #expect(!String(buffer: put.body).contains("shpat_secret_0123"))
            let stored = try await harness.store.tenantSettings(tenantID: first)
            #expect(stored["shopify.access_token"]?.hasPrefix("enc:v1:") == true)
            #expect(!stored.values.contains { $0.contains("shpat_secret_0123") }, "not in clear in the database")

            let other = try await client.execute(uri: "/v1/settings", method: .get, headers: APITestHarness.auth(harness.secondKey))
            #expect(try APITestHarness.json(other)["settings"] == .object([:]), "the other tenant sees none of it")
        }
        let settings = try await ShopSettings.load(harness.store, tenantID: first, cipher: cipher)
        #expect(settings.values["shopify.access_token"] == "shpat_secret_0123")
        #expect((settings.couponClient() as? ShopifyDiscounts)?.shopURL == "https://elise.myshopify.com")
        let other = try SettingsCipher(key: Array(repeating: 9, count: 32))
        #expect(try await ShopSettings.load(harness.store, tenantID: first, cipher: other).values["shopify.access_token"] == nil)
        let identity = settings.identity(over: ShopIdentity(name: "Default", url: "https://default.example", signature: "The team"))
        #expect(identity.name == "Boutique Élise" && identity.signature == "The team")
        #expect(identity.reviewURL == "https://elise.example/reviews/new")
        var contact = ContactRecord(id: "c1", createdAt: Fixtures.now)
        contact.email = "amina@example.fr"
        contact.firstName = "Amina"
        #expect(identity.booking(for: contact) == "https://cal.com/elise/appel?name=Amina&email=amina@example.fr")
    }

    @Test func aSecretNeedsTheSettingsKey() async throws {
        let harness = try await APITestHarness.make()
        try await harness.app.test(.router) { client in
            let refused = try await client.execute(
                uri: "/v1/settings", method: .put, headers: APITestHarness.auth(harness.firstKey),
                body: APITestHarness.body(["settings": ["shopify.access_token": "shpat_x"]]))
            #expect(refused.status == .unprocessableContent)
            #expect(try APITestHarness.json(refused)["error"]?["code"] == "settings_key_missing")
        }
    }

    @Test func aTenantsOwnShopifyGetsItsCodesAndItsNameIsInItsMessages() async throws {
        try await VendorServer.with(answer: ShopFakes.shopify()) { server in
            let shop = try await TestShop.make(at: FlowScenario.start, seed: 3)
            let cipher = try SettingsCipher(key: Array(repeating: 3, count: 32))
            try await ShopSettings.update(
                ["shop.name": "Thés Amina", "shopify.shop_url": server.baseURL, "shopify.access_token": "shpat_test"], store: shop.store,
                tenantID: shop.tenantID, cipher: cipher, now: shop.clock.now())
            var settings = FlowEngineSettings()
            settings.settingsCipher = cipher
            let simulator = FlowSimulator(worker: try TestWorker.make(shop.dependencies, settings: settings), clock: shop.clock)
            _ = try await simulator.run(events: FlowScenario.events, tenantID: shop.tenantID, until: CouponsInShopTests.until)
            let coupon = try #require(try await shop.store.coupons(tenantID: shop.tenantID, limit: 10).first)
            #expect(coupon.shop == "shopify")
            #expect(ShopFakes.createdCodes(server.requests, refusal: nil) == [coupon.code])
            let messages = try await FlowQueries(store: shop.store).messages(tenantID: shop.tenantID)
            #expect(messages.contains { $0.status == "sent" && ($0.body?.contains("Thés Amina") ?? false) })
        }
    }
}
