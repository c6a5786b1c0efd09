import AutopilotCore
import Foundation
import Integrations
import Testing

@Suite("WooCommerce webhooks")
struct WooCommerceTranslatorTests {
    @Test func aCreatedOrderIsPlaced() throws {
        let outcome = Deliveries.wooCommerce("order.created", WooCommerceSamples.orderCreated)
        #expect(outcome.deliveryID == "woocommerce:36e520ebabc2fa725092ff4a47acedf2")
        let event = try #require(Deliveries.validated(outcome).first)
        #expect(event.type == .orderPlaced)
        #expect(event.occurredAt == Timestamp.parse("2026-03-01T10:00:00Z"))
        #expect(event.idempotencyKey == "woocommerce:order.placed:4750")
        #expect(event.contact == ContactIdentifiers(email: "youssef.alami@example.ma", phone: "+212661234567", externalID: "woocommerce:52"))
        guard case .orderPlaced(let order) = event.payload else {
            Issue.record("not an order")
            return
        }
        #expect(order.orderID == "4750")
        #expect(order.total == 349)
        #expect(order.currency == "MAD")
        #expect(order.cartID == "8c1f0a4e7d2b9c3e5f6a1b2c3d4e5f60")
        #expect(
            order.lines == [OrderLine(sku: "ARG-100", quantity: 2, price: 149), OrderLine(sku: "woocommerce-product:94", quantity: 1, price: 51)])
    }

    @Test(arguments: ["failed", "cancelled", "checkout-draft"])
    func anOrderCreatedWithoutAPurchaseIsIgnored(status: String) {
        let body = WooCommerceSamples.orderCreated.replacingOccurrences(of: #""status": "processing""#, with: #""status": "\#(status)""#)
        #expect(Deliveries.ignoredCode(Deliveries.wooCommerce("order.created", body)) == "status_without_event")
    }

    @Test func aCompletedOrderIsFulfilledWithItsShipmentTracking() throws {
        let event = try #require(Deliveries.validated(Deliveries.wooCommerce("order.updated", WooCommerceSamples.orderCompleted)).first)
        #expect(event.type == .orderFulfilled)
        #expect(event.occurredAt == Timestamp.parse("2026-03-03T14:59:00Z"))
        #expect(event.contact == ContactIdentifiers(email: "youssef.alami@example.ma", externalID: "woocommerce:52"))
        guard case .orderFulfilled(let fulfilled) = event.payload else {
            Issue.record("not a fulfillment")
            return
        }
        #expect(fulfilled.orderID == "4750")
        #expect(fulfilled.trackingNumber == "EE123456789MA")
        #expect(fulfilled.carrier == "Amana")
        #expect(fulfilled.trackingURL == nil)
    }

    @Test func eachListedRefundIsItsOwnEvent() throws {
        let events = Deliveries.validated(Deliveries.wooCommerce("order.updated", WooCommerceSamples.orderPartiallyRefunded))
        #expect(events.map(\.type) == [.orderFulfilled, .orderRefunded])
        let refund = try #require(events.last)
        #expect(refund.payload == .orderRefunded(orderID: "4750", amount: 149))
        #expect(refund.idempotencyKey == "woocommerce:refund:4801")
        #expect(refund.properties["reason"] == "Flacon cassé")
    }

    @Test func aRefundedGuestOrderWithANationalPhoneRefundsItsTotal() throws {
        let event = try #require(Deliveries.validated(Deliveries.wooCommerce("order.updated", WooCommerceSamples.guestOrderRefunded)).first)
        #expect(event.payload == .orderRefunded(orderID: "4760", amount: 19.90))
        #expect(event.contact == ContactIdentifiers(externalID: "woocommerce:order:4760"))
    }

    @Test func aCancelledOrderIsCancelled() throws {
        let body = WooCommerceSamples.orderProcessing.replacingOccurrences(of: "processing", with: "cancelled")
        let event = try #require(Deliveries.validated(Deliveries.wooCommerce("order.updated", body)).first)
        #expect(event.payload == .orderCancelled(orderID: "4750"))
        #expect(event.occurredAt == Timestamp.parse("2026-03-01T10:05:00Z"))
    }

    @Test(arguments: ["processing", "on-hold", "pending"])
    func anUpdateWithoutNewsIsIgnored(status: String) {
        let body = WooCommerceSamples.orderProcessing.replacingOccurrences(of: "processing", with: status)
        let outcome = Deliveries.wooCommerce("order.updated", body)
        #expect(Deliveries.ignoredCode(outcome) == "status_without_event")
        #expect(outcome.deliveryID == "woocommerce:36e520ebabc2fa725092ff4a47acedf2")
    }

    @Test func aNewCustomerIsAContact() throws {
        let event = try #require(Deliveries.validated(Deliveries.wooCommerce("customer.created", WooCommerceSamples.customerCreated)).first)
        #expect(event.type == .contactCreated)
        #expect(event.occurredAt == Timestamp.parse("2026-03-01T09:58:00Z"))
        #expect(event.contact == ContactIdentifiers(email: "youssef.alami@example.ma", phone: "+212661234567", externalID: "woocommerce:52"))
        guard case .contactProfile(let profile) = event.payload else {
            Issue.record("not a profile")
            return
        }
        #expect(profile.firstName == "Youssef")
        #expect(profile.lastName == "Alami")
    }

    @Test func theUnsignedPingIsAnsweredAndNothingElseGetsInUnsigned() {
        let ping = Deliveries.inbox.process(
            provider: .woocommerce, headers: ["User-Agent": "WooCommerce/9.6.0 Hookshot (WordPress/6.7.2)"], rawBody: Array("webhook_id=12".utf8),
            url: "", secret: Deliveries.secret, now: Deliveries.now)
        #expect(ping == .ping)
        #expect(ping.events.isEmpty)
        let unsignedOrder = Deliveries.inbox.process(
            provider: .woocommerce, headers: ["X-WC-Webhook-Topic": "order.created"], rawBody: Array(WooCommerceSamples.orderCreated.utf8), url: "",
            secret: Deliveries.secret, now: Deliveries.now)
        #expect(unsignedOrder == .rejected(SignatureFailure(.missingSignature, "the X-WC-Webhook-Signature header is missing")))
        #expect(unsignedOrder.httpStatus == 401)
        let pingPlusMore = Deliveries.inbox.process(
            provider: .woocommerce, headers: [:], rawBody: Array("webhook_id=12&status=completed".utf8), url: "", secret: Deliveries.secret,
            now: Deliveries.now)
        #expect(pingPlusMore.httpStatus == 401)
    }

    @Test func otherTopicsAreIgnored() {
        #expect(Deliveries.ignoredCode(Deliveries.wooCommerce("product.deleted", #"{"id": 93}"#)) == "unsupported_topic")
        #expect(Deliveries.ignoredCode(Deliveries.wooCommerce("coupon.created", #"{"id": 5}"#)) == "unsupported_topic")
    }

    @Test func malformedJSONIsAnError() {
        guard case .invalid(let error) = Deliveries.wooCommerce("order.created", #"{"id": 4750, "status": "processing""#) else {
            Issue.record("expected invalid")
            return
        }
        #expect(error.code == "malformed_body")
    }
}
