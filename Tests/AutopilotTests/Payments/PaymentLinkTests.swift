import AutopilotCore
import Engine
import Foundation
import Integrations
import NIOCore
import Storage
import Testing

@Suite("Payment links — Stripe over its HTTP API")
struct PaymentLinkTests {
    static func service(_ shop: TestShop, baseURL: String, key: String = StripeLoopback.secretKey) -> PaymentLinkService {
        PaymentLinkService(dependencies: shop.dependencies, stripe: StripePaymentLinks(settings: StripeSettings(secretKey: key, baseURL: baseURL)))
    }

    static func shopWithCamille() async throws -> TestShop {
        let shop = try await TestShop.make(at: Fixtures.now)
        try await shop.ingest([
            Fixtures.envelope(
                "contact.created", at: "2026-03-09T10:00:00Z", key: "c1", contact: ["email": "camille@example.com", "phone": "+33612345678"],
                properties: ["first_name": "Camille", "locale": "fr-FR"])
        ])
        return shop
    }

    @Test func createsAPriceThenALinkAndTextsIt() async throws {
        let shop = try await Self.shopWithCamille()
        try await StripeLoopback.with { stripe, baseURL in
            let link = try await Self.service(shop, baseURL: baseURL).create(
                PaymentLinkRequest(
                    amount: 29.9, currency: "EUR", description: "Coffret découverte", quantity: 2, contact: TaskContact(email: "camille@example.com"),
                    sendBySMS: true, createdBy: "agent", idempotencyKey: "turn-7"), tenantID: shop.tenantID)
            #expect(link.id == "plink_2" && link.url == "https://buy.stripe.com/test_2" && link.currency == "EUR" && link.quantity == 2)
            let requests = stripe.requests
            #expect(requests.map(\.path) == ["/v1/prices", "/v1/payment_links"])
            #expect(requests.allSatisfy { $0.authorization == "Bearer \(StripeLoopback.secretKey)" })
            #expect(requests[0].fields["unit_amount"] == "2990" && requests[0].fields["currency"] == "eur")
            #expect(requests[0].fields["product_data[name]"] == "Coffret découverte")
            #expect(requests[1].fields["line_items[0][price]"] == "price_1" && requests[1].fields["line_items[0][quantity]"] == "2")
            #expect(requests[1].fields["metadata[autopilot_tenant]"] == shop.tenantID)
            #expect(requests.map(\.idempotencyKey) == ["autopilot:\(shop.tenantID):turn-7:price", "autopilot:\(shop.tenantID):turn-7:link"])

            let sms = try #require(link.message)
            #expect(sms.channel == "sms" && sms.template == "payment-link-sms")
            let queued = try #require(try await shop.store.outboxMessage(id: sms.messageID, tenantID: shop.tenantID))
            #expect(queued.purpose == .transactional)
            #expect(queued.options.context["payment"]?["url"] == "https://buy.stripe.com/test_2")
            #expect(queued.options.context["payment"]?["amount"] == "59,80 EUR")

            // The same call again: Stripe replays its answers, so the same link comes back and the same SMS is not queued twice.
            let again = try await Self.service(shop, baseURL: baseURL).create(
                PaymentLinkRequest(
                    amount: 29.9, currency: "EUR", description: "Coffret découverte", quantity: 2, contact: TaskContact(email: "camille@example.com"),
                    sendBySMS: true, createdBy: "agent", idempotencyKey: "turn-7"), tenantID: shop.tenantID)
            #expect(again.id == link.id && again.message?.messageID == sms.messageID)
        }
    }

    @Test func stripeRefusalsNameStripesParameter() async throws {
        let shop = try await TestShop.make(at: Fixtures.now)
        try await StripeLoopback.with { _, baseURL in
            await #expect {
                try await Self.service(shop, baseURL: baseURL).create(
                    PaymentLinkRequest(amount: 0.2, currency: "eur", description: "Sample", createdBy: "api"), tenantID: shop.tenantID)
            } throws: { error in
                guard let error = error as? StripeError else { return false }
                return error.type == "invalid_request_error" && error.field == "unit_amount" && error.category == .invalidInput
                    && error.message.contains("at least")
            }
            await #expect {
                try await Self.service(shop, baseURL: baseURL, key: "sk_test_wrong").create(
                    PaymentLinkRequest(amount: 10, currency: "eur", description: "Sample", createdBy: "api"), tenantID: shop.tenantID)
            } throws: { error in
                (error as? StripeError)?.type == "authentication_error" && (error as? StripeError)?.category == .upstreamFailure
            }
        }
        // Nobody listening: unavailable, not a crash.
        let unreachable = PaymentLinkService(
            dependencies: shop.dependencies,
            stripe: StripePaymentLinks(
                settings: StripeSettings(secretKey: StripeLoopback.secretKey, baseURL: "http://127.0.0.1:9"), http: PublishingHTTP(timeout: .seconds(3))))
        await #expect {
            try await unreachable.create(
                PaymentLinkRequest(amount: 10, currency: "eur", description: "Sample", createdBy: "api"), tenantID: shop.tenantID)
        } throws: { error in
            (error as? StripeError)?.type == "api_connection_error" && (error as? StripeError)?.category == .unavailable
        }
    }

    @Test(arguments: [
        (PaymentLinkRequest(amount: 0, currency: "eur", description: "x", createdBy: "api"), "amount"),
        (PaymentLinkRequest(amount: 10.001, currency: "eur", description: "x", createdBy: "api"), "amount"),
        (PaymentLinkRequest(amount: 10, currency: "euro", description: "x", createdBy: "api"), "currency"),
        (PaymentLinkRequest(amount: 10, currency: "eur", description: " ", createdBy: "api"), "description"),
        (PaymentLinkRequest(amount: 10, currency: "eur", description: "x", quantity: 0, createdBy: "api"), "quantity"),
        (PaymentLinkRequest(amount: 10, currency: "eur", description: "x", sendBySMS: true, createdBy: "api"), "contact"),
    ])
    func badRequestsAreRefusedBeforeStripeIsCalled(request: PaymentLinkRequest, field: String) async throws {
        let shop = try await TestShop.make(at: Fixtures.now)
        try await StripeLoopback.with { stripe, baseURL in
            await #expect {
                try await Self.service(shop, baseURL: baseURL).create(request, tenantID: shop.tenantID)
            } throws: { ($0 as? ValidationError)?.field == field }
            #expect(stripe.requests.isEmpty)
        }
    }

    @Test func withoutStripeLinksAreUnavailable() async throws {
        let shop = try await TestShop.make(at: Fixtures.now)
        await #expect(throws: PaymentLinkUnavailable.self) {
            try await PaymentLinkService(dependencies: shop.dependencies, stripe: nil).create(
                PaymentLinkRequest(amount: 10, currency: "eur", description: "x", createdBy: "api"), tenantID: shop.tenantID)
        }
        #expect(try StripeSettings.fromEnvironment([:]) == nil)
        #expect(try StripeSettings.fromEnvironment(["STRIPE_SECRET_KEY": "sk_test_1", "STRIPE_API_BASE_URL": "http://127.0.0.1:1/"])?.baseURL == "http://127.0.0.1:1")
        #expect(throws: ConfigurationError.self) { try StripeSettings.fromEnvironment(["STRIPE_SECRET_KEY": "pk_test_public"]) }
    }
}
