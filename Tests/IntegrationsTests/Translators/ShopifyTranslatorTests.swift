import AutopilotCore
import Foundation
import Integrations
import Testing

@Suite("Shopify webhooks")
struct ShopifyTranslatorTests {
    @Test func anOrderIsPlacedWithItsLinesTotalCartAndBuyer() throws {
        let outcome = Deliveries.shopify("orders/create", ShopifySamples.orderCreated)
        #expect(outcome.deliveryID == "shopify:b54557e4-8e2c-4a4f-9f6c-0d2b3f1a7c9e")
        let event = try #require(Deliveries.validated(outcome).first)
        #expect(event.type == .orderPlaced)
        #expect(event.occurredAt == Timestamp.parse("2026-03-01T10:00:00Z"))
        #expect(event.idempotencyKey == "shopify:orders/create:5834120937572")
        #expect(event.contact == ContactIdentifiers(email: "camille.martin@example.fr", phone: "+33612345678", externalID: "shopify:7077410021556"))
        guard case .orderPlaced(let order) = event.payload else {
            Issue.record("not an order: \(event.payload)")
            return
        }
        #expect(order.orderID == "5834120937572")
        #expect(order.cartID == "b6e4d2a0c8f1e3d5b7a9c1e3f5a7b9d1")
        #expect(order.total == 52.90)
        #expect(order.currency == "EUR")
        #expect(
            order.lines == [
                OrderLine(sku: "TEA-01", quantity: 2, price: 24), OrderLine(sku: "shopify-variant:44012345678902", quantity: 1, price: 4.90),
            ])
        #expect(event.properties["order_number"] == "#1001")
        let address = try #require(event.properties["shipping_address"], "the address a dropshipping supplier ships to")
        #expect(address["address1"] == "12 rue de la République" && address["zip"] == "69002" && address["country_code"] == "FR")
        #expect(address["latitude"] == nil, "only the fields a supplier needs")
    }

    @Test func aGuestOrderWithANationalPhoneAndNoEmailIsKnownByTheOrder() throws {
        let event = try #require(Deliveries.validated(Deliveries.shopify("orders/create", ShopifySamples.guestOrderWithNationalPhone)).first)
        #expect(event.contact == ContactIdentifiers(externalID: "shopify:order:5834120937999"))
        guard case .orderPlaced(let order) = event.payload else {
            Issue.record("not an order")
            return
        }
        #expect(order.total == 0)
        #expect(order.lines == [OrderLine(sku: "shopify-variant:44012345670000", quantity: 1, price: 0)])
        #expect(order.cartID == nil)
    }

    @Test func aFulfilledOrderCarriesItsTracking() throws {
        let event = try #require(Deliveries.validated(Deliveries.shopify("orders/fulfilled", ShopifySamples.orderFulfilled)).first)
        #expect(event.type == .orderFulfilled)
        #expect(event.occurredAt == Timestamp.parse("2026-03-03T15:19:30Z"))
        guard case .orderFulfilled(let fulfilled) = event.payload else {
            Issue.record("not a fulfillment")
            return
        }
        #expect(fulfilled.orderID == "5834120937572")
        #expect(fulfilled.trackingNumber == "6A12345678901")
        #expect(fulfilled.carrier == "Colissimo")
        #expect(fulfilled.trackingURL == "https://www.laposte.fr/outils/suivre-vos-envois?code=6A12345678901")
    }

    @Test func aCancelledOrderKeepsShopifysReason() throws {
        let event = try #require(Deliveries.validated(Deliveries.shopify("orders/cancelled", ShopifySamples.orderCancelled)).first)
        #expect(event.payload == .orderCancelled(orderID: "5834120937572"))
        #expect(event.occurredAt == Timestamp.parse("2026-03-01T11:05:00Z"))
        #expect(event.properties["reason"] == "customer")
        #expect(event.contact?.externalID == "shopify:7077410021556")
    }

    @Test func aRefundCountsOnlyItsSuccessfulTransactions() throws {
        let event = try #require(Deliveries.validated(Deliveries.shopify("refunds/create", ShopifySamples.refundCreated)).first)
        #expect(event.payload == .orderRefunded(orderID: "5834120937572", amount: 24))
        #expect(event.idempotencyKey == "shopify:refunds/create:929361465")
        #expect(event.contact == ContactIdentifiers(externalID: "shopify:order:5834120937572"))
        #expect(event.properties["currency"] == "EUR")
    }

    @Test func aRestockWithoutMoneyIsIgnored() {
        #expect(Deliveries.ignoredCode(Deliveries.shopify("refunds/create", ShopifySamples.restockOnlyRefund)) == "zero_refund")
    }

    @Test(arguments: ["checkouts/create", "checkouts/update"])
    func aCheckoutUpdatesTheCart(topic: String) throws {
        let event = try #require(Deliveries.validated(Deliveries.shopify(topic, ShopifySamples.checkoutUpdated)).first)
        #expect(event.type == .cartUpdated)
        #expect(event.idempotencyKey == "shopify:\(topic):b6e4d2a0c8f1e3d5b7a9c1e3f5a7b9d1:2026-03-01T10:52:13+01:00")
        guard case .cartUpdated(let cart) = event.payload else {
            Issue.record("not a cart")
            return
        }
        #expect(cart.cartID == "b6e4d2a0c8f1e3d5b7a9c1e3f5a7b9d1")
        #expect(cart.value == 48)
        #expect(cart.currency == "EUR")
        #expect(cart.lines == [OrderLine(sku: "TEA-01", quantity: 2, price: 24)])
        #expect(cart.checkoutURL?.hasSuffix("/recover?key=7c1e") == true)
    }

    @Test func aCheckoutNamingNobodyOrAlreadyCompletedIsIgnored() {
        #expect(Deliveries.ignoredCode(Deliveries.shopify("checkouts/update", ShopifySamples.anonymousCheckout)) == "no_contact")
        let completed = ShopifySamples.checkoutUpdated.replacingOccurrences(
            of: #""completed_at": null"#, with: #""completed_at": "2026-03-01T11:00:00+01:00""#)
        #expect(Deliveries.ignoredCode(Deliveries.shopify("checkouts/update", completed)) == "checkout_completed")
    }

    @Test func aCustomerUpdateCarriesNamesConsentsAndLocale() throws {
        let event = try #require(Deliveries.validated(Deliveries.shopify("customers/update", ShopifySamples.customerUpdated)).first)
        #expect(event.type == .contactUpdated)
        #expect(event.contact == ContactIdentifiers(email: "camille.martin@example.fr", phone: "+33612345678", externalID: "shopify:7077410021556"))
        guard case .contactProfile(let profile) = event.payload else {
            Issue.record("not a profile")
            return
        }
        #expect(profile.firstName == "Camille")
        #expect(profile.lastName == "Martin")
        #expect(profile.locale == "fr")
        #expect(profile.consents == [.email: true, .sms: false])
        #expect(profile.consentSource == "shopify")
    }

    @Test func anOlderCustomerPayloadUsesAcceptsMarketing() throws {
        let event = try #require(Deliveries.validated(Deliveries.shopify("customers/create", ShopifySamples.customerCreatedLegacy)).first)
        #expect(event.type == .contactCreated)
        #expect(event.contact == ContactIdentifiers(email: "youssef.alami@example.ma", externalID: "shopify:7077410029999"))
        guard case .contactProfile(let profile) = event.payload else {
            Issue.record("not a profile")
            return
        }
        #expect(profile.consents == [.email: false])
    }

    @Test(arguments: ["products/delete", "app/uninstalled", "customers/redact", "orders/paid"])
    func otherTopicsAreIgnoredNotRefused(topic: String) {
        let outcome = Deliveries.shopify(topic, #"{"id": 1}"#)
        #expect(Deliveries.ignoredCode(outcome) == "unsupported_topic")
        #expect(outcome.httpStatus == 200)
    }

    @Test func malformedJSONIsAnErrorThatSaysWhere() throws {
        let outcome = Deliveries.shopify("orders/create", #"{"id": 58341, "email": "a@b.fr",}"#)
        guard case .invalid(let error) = outcome else {
            Issue.record("expected invalid, got \(outcome)")
            return
        }
        #expect(error.code == "malformed_body")
        #expect(error.message.contains("line 1"))
        #expect(outcome.httpStatus == 400)
    }

    @Test func anOrderWithoutIdOrCurrencyIsAnErrorNamingTheField() {
        guard case .invalid(let missingID) = Deliveries.shopify("orders/create", #"{"email": "a@b.fr", "currency": "EUR"}"#) else {
            Issue.record("expected invalid")
            return
        }
        #expect(missingID.field == "id")
        guard case .invalid(let missingCurrency) = Deliveries.shopify("orders/create", #"{"id": 9, "email": "a@b.fr"}"#) else {
            Issue.record("expected invalid")
            return
        }
        #expect(missingCurrency.field == "currency")
    }

    @Test func aMissingTopicHeaderIsAnError() {
        let body = Array(ShopifySamples.orderCreated.utf8)
        let headers = [ShopifySignature.header: ShopifySignature(secret: Deliveries.secret).sign(body)]
        let outcome = Deliveries.inbox.process(
            provider: .shopify, headers: headers, rawBody: body, url: "", secret: Deliveries.secret, now: Deliveries.now)
        guard case .invalid(let error) = outcome else {
            Issue.record("expected invalid, got \(outcome)")
            return
        }
        #expect(error.code == "missing_header")
    }
}
