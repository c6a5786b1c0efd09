import AutopilotCore
import Engine
import Foundation
import Integrations
import Storage
import Testing

/// Birthdates kept in the shop reach the contact: a Shopify customer metafield and a WooCommerce customer meta key,
/// each named by the tenant in its settings; a tenant that names none reads none.
@Suite("Shop events — birthdates from the shop")
struct ShopBirthdateTests {
    static let shopifyCustomer = """
        {"id": 7077410021556, "email": "camille@example.fr", "first_name": "Camille", "created_at": "2026-03-01T10:00:00+01:00",
         "updated_at": "2026-03-02T10:00:00+01:00", "metafields": [
           {"id": 1, "namespace": "custom", "key": "favourite_tea", "value": "sencha", "type": "single_line_text_field"},
           {"id": 2, "namespace": "facts", "key": "birth_date", "value": "1991-05-14", "type": "date"}]}
        """
    static let wooCustomer = """
        {"id": 52, "email": "lea@example.fr", "first_name": "Léa", "date_created_gmt": "2026-03-01T09:00:00",
         "date_modified_gmt": "2026-03-02T09:00:00", "billing": {"email": "lea@example.fr"},
         "meta_data": [{"id": 900, "key": "_wc_last_active", "value": "1772409600"}, {"id": 901, "key": "billing_birth_date", "value": "03/11/1988"}]}
        """

    static func birthdate(_ shop: TestShop, _ email: String) async throws -> String? {
        let id = try #require(try await shop.store.contactID(email: email, tenantID: shop.tenantID))
        return try await shop.store.contacts(ids: [id], tenantID: shop.tenantID)[id]?.birthdate
    }

    @Test func theNamedShopifyMetafieldIsTheBirthdate() async throws {
        let shop = try await TestShop.make(at: Fixtures.date("2026-03-03T10:00:00Z"), seed: 8)
        let service = WebhookService(dependencies: shop.dependencies)
        let token = String(try await service.register(provider: "shopify", secret: "s", tenantID: shop.tenantID).split(separator: "/").last ?? "")
        func post(_ topic: String, _ body: String, id: String) async throws -> WebhookReceipt {
            try await service.receive(
                provider: "shopify", token: token,
                headers: ["X-Shopify-Hmac-Sha256": ShopifySignature(secret: "s").sign(Array(body.utf8)), "X-Shopify-Topic": topic, "X-Shopify-Webhook-Id": id],
                rawBody: Array(body.utf8), url: "")
        }
        #expect(try await post("customers/create", Self.shopifyCustomer, id: "c1").accepted == 1)
        #expect(try await Self.birthdate(shop, "camille@example.fr") == nil, "no metafield named yet")

        await #expect(throws: ValidationError.self) {
            try await ShopSettings.update(
                ["shopify.birthdate_metafield": "birth date"], store: shop.store, tenantID: shop.tenantID, cipher: nil, now: shop.clock.now())
        }
        try await ShopSettings.update(
            ["shopify.birthdate_metafield": "facts.birth_date"], store: shop.store, tenantID: shop.tenantID, cipher: nil, now: shop.clock.now())
        #expect(try await post("customers/update", Self.shopifyCustomer, id: "c2").accepted == 1)
        #expect(try await Self.birthdate(shop, "camille@example.fr") == "1991-05-14")
    }

    @Test func theNamedWooCommerceMetaKeyIsTheBirthdate() async throws {
        let shop = try await TestShop.make(at: Fixtures.date("2026-03-03T10:00:00Z"), seed: 9)
        try await ShopSettings.update(
            ["woocommerce.birthdate_meta_key": "billing_birth_date"], store: shop.store, tenantID: shop.tenantID, cipher: nil, now: shop.clock.now())
        let service = WebhookService(dependencies: shop.dependencies)
        let token = String(try await service.register(provider: "woocommerce", secret: "w", tenantID: shop.tenantID).split(separator: "/").last ?? "")
        let body = Array(Self.wooCustomer.utf8)
        let receipt = try await service.receive(
            provider: "woocommerce", token: token,
            headers: [
                "X-WC-Webhook-Topic": "customer.updated", "X-WC-Webhook-Signature": WooCommerceSignature(secret: "w").sign(body),
                "X-WC-Webhook-Delivery-ID": "d-1",
            ], rawBody: body, url: "")
        #expect(receipt.accepted == 1, "\(receipt)")
        #expect(try await Self.birthdate(shop, "lea@example.fr") == "1988-11-03", "DD/MM/YYYY, as French shops write it")
    }

    @Test(arguments: [
        ("1991-05-14", "1991-05-14"), ("1991-05-14T00:00:00Z", "1991-05-14"), ("1991/05/14", "1991-05-14"), ("14/05/1991", "1991-05-14"),
        ("14 mai", nil), ("1991-13-40", nil), ("", nil),
    ] as [(String, String?)])
    func birthdatesReadAsDays(raw: String, expected: String?) {
        #expect(ShopBirthdate.normalize(raw) == expected)
    }
}
