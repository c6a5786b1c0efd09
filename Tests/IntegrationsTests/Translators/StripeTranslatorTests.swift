import AutopilotCore
import Foundation
import Integrations
import Testing

@Suite("Stripe webhooks")
struct StripeTranslatorTests {
    @Test func aCompletedCheckoutIsAnOrderNamedByItsPaymentIntent() throws {
        let outcome = Deliveries.stripe(StripeSamples.checkoutCompleted)
        #expect(outcome.deliveryID == "stripe:evt_1QxA2bC3dE4fG5hI6jK7lM8n")
        let event = try #require(Deliveries.validated(outcome).first)
        #expect(event.type == .orderPlaced)
        #expect(event.occurredAt == Date(timeIntervalSince1970: 1_772_359_200))
        #expect(event.idempotencyKey == "stripe:order.placed:pi_3QxA2bC3dE4fG5hI0abc123")
        #expect(
            event.contact == ContactIdentifiers(email: "camille.martin@example.fr", phone: "+33612345678", externalID: "stripe:cus_QxA2bC3dE4fG5h"))
        guard case .orderPlaced(let order) = event.payload else {
            Issue.record("not an order")
            return
        }
        #expect(order.orderID == "pi_3QxA2bC3dE4fG5hI0abc123")
        #expect(order.total == 52.90)
        #expect(order.currency == "EUR")
        #expect(order.lines.isEmpty)
        #expect(event.properties["checkout_session_id"] == "cs_test_a1B2c3D4e5F6g7H8i9J0")
    }

    @Test func zeroDecimalCurrenciesAreNotDividedAndMetadataNamesTheOrder() throws {
        let event = try #require(Deliveries.validated(Deliveries.stripe(StripeSamples.checkoutCompletedYen)).first)
        guard case .orderPlaced(let order) = event.payload else {
            Issue.record("not an order")
            return
        }
        #expect(order.orderID == "JP-1001")
        #expect(order.total == 4500)
        #expect(order.currency == "JPY")
        #expect(event.contact == ContactIdentifiers(email: "haruto@example.jp"))
    }

    @Test(arguments: [
        (1999 as Int64, "eur", 19.99), (1999, "EUR", 19.99), (500, "jpy", 500), (12_345, "krw", 12_345), (12_345, "kwd", 12.345),
        (100, "isk", 1), (0, "usd", 0), (7, "xof", 7), (1050, "huf", 10.5),
    ])
    func minorUnits(minor: Int64, currency: String, major: Double) {
        #expect(StripeAmount.major(minor, currency: currency) == major)
    }

    @Test func aPaymentIntentFromCheckoutIsNotCountedTwice() {
        let outcome = Deliveries.stripe(StripeSamples.paymentIntentFromCheckout)
        #expect(Deliveries.ignoredCode(outcome) == "counted_elsewhere")
        #expect(outcome.deliveryID == "stripe:evt_1QxPI0")
    }

    @Test func aPaymentIntentTiedToAnOrderIsPlacedInThreeDecimalUnits() throws {
        let event = try #require(Deliveries.validated(Deliveries.stripe(StripeSamples.paymentIntentWithOrder)).first)
        #expect(event.idempotencyKey == "stripe:order.placed:pi_3QxKWD")
        #expect(event.contact == ContactIdentifiers(email: "fahad@example.kw"))
        guard case .orderPlaced(let order) = event.payload else {
            Issue.record("not an order")
            return
        }
        #expect(order.orderID == "KW-77")
        #expect(order.total == 12.345)
        #expect(order.currency == "KWD")
    }

    @Test func bothEventsOfOneCheckoutPaymentShareTheirKey() throws {
        let withOrder = StripeSamples.paymentIntentFromCheckout.replacingOccurrences(
            of: #""metadata": {}"#, with: #""metadata": {"order_id": "1001"}"#)
        let intent = try #require(Deliveries.validated(Deliveries.stripe(withOrder)).first)
        let session = try #require(Deliveries.validated(Deliveries.stripe(StripeSamples.checkoutCompleted)).first)
        #expect(intent.idempotencyKey == session.idempotencyKey)
    }

    @Test func aRefundIsWhatTheChargeGrewBy() throws {
        let event = try #require(Deliveries.validated(Deliveries.stripe(StripeSamples.chargePartiallyRefundedTwice)).first)
        #expect(event.payload == .orderRefunded(orderID: "pi_3QxA2bC3dE4fG5hI0abc123", amount: 24))
        #expect(event.idempotencyKey == "stripe:evt_1QxRF2")
        #expect(event.contact?.externalID == "stripe:cus_QxA2bC3dE4fG5h")
        let first = StripeSamples.chargePartiallyRefundedTwice.replacingOccurrences(
            of: #""previous_attributes": {"amount_refunded": 1000}"#, with: "\"x\": 0")
        let whole = try #require(Deliveries.validated(Deliveries.stripe(first)).first)
        #expect(whole.payload == .orderRefunded(orderID: "pi_3QxA2bC3dE4fG5hI0abc123", amount: 34))
    }

    @Test func unpaidCheckoutsAndOtherTypesAreIgnored() {
        #expect(Deliveries.ignoredCode(Deliveries.stripe(StripeSamples.checkoutAwaitingPayment)) == "awaiting_payment")
        #expect(Deliveries.ignoredCode(Deliveries.stripe(StripeSamples.customerCreated)) == "unsupported_topic")
    }

    @Test func theSessionCompletedLaterByAnAsyncPaymentCounts() throws {
        let body = StripeSamples.checkoutAwaitingPayment
            .replacingOccurrences(of: "checkout.session.completed", with: "checkout.session.async_payment_succeeded")
            .replacingOccurrences(of: #""payment_status": "unpaid""#, with: #""payment_status": "paid""#)
        let event = try #require(Deliveries.validated(Deliveries.stripe(body)).first)
        guard case .orderPlaced(let order) = event.payload else {
            Issue.record("not an order")
            return
        }
        #expect(order.orderID == "pi_sepa")
        #expect(order.total == 19.90)
        #expect(event.contact == ContactIdentifiers(email: "lea@example.fr"))
    }

    @Test func aStaleOrForgedEventIsRejected() {
        let body = Array(StripeSamples.checkoutCompleted.utf8)
        let stripe = StripeSignature(secret: Deliveries.secret)
        let stale = stripe.header(for: body, timestamp: Int64(Deliveries.now.timeIntervalSince1970) - 301)
        let outcome = Deliveries.inbox.process(
            provider: .stripe, headers: ["stripe-signature": stale], rawBody: body, url: "", secret: Deliveries.secret, now: Deliveries.now)
        #expect(outcome.httpStatus == 401)
        if case .rejected(let failure) = outcome { #expect(failure.code == "stale_timestamp") } else { Issue.record("not rejected") }
        let forged = StripeSignature(secret: "whsec_attacker").header(for: body, timestamp: Int64(Deliveries.now.timeIntervalSince1970))
        let forgedOutcome = Deliveries.inbox.process(
            provider: .stripe, headers: ["Stripe-Signature": forged], rawBody: body, url: "", secret: Deliveries.secret, now: Deliveries.now)
        if case .rejected(let failure) = forgedOutcome { #expect(failure.code == "bad_signature") } else { Issue.record("not rejected") }
    }

    @Test func anEventWithoutCurrencyIsAnError() {
        let body = StripeSamples.checkoutCompleted.replacingOccurrences(of: #""currency": "eur","#, with: "")
        guard case .invalid(let error) = Deliveries.stripe(body) else {
            Issue.record("expected invalid")
            return
        }
        #expect(error.field == "data.object.currency")
    }
}
