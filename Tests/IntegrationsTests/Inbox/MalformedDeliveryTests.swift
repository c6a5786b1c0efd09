import AutopilotCore
import Foundation
import Integrations
import Testing

/// Whatever a verified sender posts, the inbox answers with an outcome: never a crash, and never an event the
/// validator would refuse.
@Suite("Malformed deliveries")
struct MalformedDeliveryTests {
    static func check(_ outcome: WebhookOutcome) {
        #expect([200, 400].contains(outcome.httpStatus), "\(outcome)")
        if case .accepted = outcome { _ = Deliveries.validated(outcome) }
    }

    @Test func everyPrefixOfAShopifyOrderIsAnOutcome() {
        let body = Array(ShopifySamples.orderCreated.utf8)
        for length in stride(from: 0, to: body.count, by: 7) {
            let outcome = Deliveries.shopify("orders/create", String(decoding: body.prefix(length), as: UTF8.self))
            if case .invalid(let error) = outcome { #expect(error.code == "malformed_body") } else { Issue.record("prefix \(length): \(outcome)") }
        }
    }

    @Test(arguments: [
        #"[]"#, #""order""#, #"{"id": null, "currency": "EUR"}"#, #"{"id": {"nested": 1}, "currency": "EUR"}"#,
        #"{"id": 1, "currency": "EUR", "line_items": "none", "total_price": "lots"}"#,
        #"{"id": 1, "currency": "EUR", "line_items": [{"sku": "A", "quantity": 3, "price": "1e308"}, {"sku": "B", "quantity": -1}]}"#,
        #"{"id": 1, "currency": "EUR", "total_price": "-12.00", "email": "not an email", "phone": "+1"}"#,
        #"{"id": 1, "currency": "EUR", "created_at": "yesterday", "line_items": [null, 3, {"quantity": 1}]}"#,
        String(repeating: "[", count: 100) + String(repeating: "]", count: 100),
    ])
    func oddShopifyOrders(body: String) {
        Self.check(Deliveries.shopify("orders/create", body))
    }

    @Test(arguments: [
        #"{}"#, #"{"id": "evt_1", "type": "charge.refunded"}"#, #"{"id": "evt_1", "type": "charge.refunded", "data": {"object": []}}"#,
        #"{"id": "evt_1", "type": "checkout.session.completed", "data": {"object": {"id": "cs_1", "currency": "eur", "amount_total": -5}}}"#,
        #"{"id": "evt_1", "type": "charge.refunded", "data": {"object": {"id": "ch_1", "currency": "jpy", "amount_refunded": 9223372036854775807}}}"#,
    ])
    func oddStripeEvents(body: String) {
        Self.check(Deliveries.stripe(body))
    }

    @Test(arguments: ["", "=", "&&&", "MessageSid=&Body=", "MessageSid=SM1&MessageStatus=delivered", "MessageSid=SM1&Body=%FF%FE"])
    func oddTwilioForms(body: String) {
        let bytes = Array(body.utf8)
        let parameters = FormBody(bytes)?.pairs ?? []
        let signature = TwilioSignature(authToken: Deliveries.secret).sign(url: Deliveries.twilioURL, parameters: parameters)
        let outcome = Deliveries.inbox.process(
            provider: .twilio, headers: ["X-Twilio-Signature": signature], rawBody: bytes, url: Deliveries.twilioURL, secret: Deliveries.secret,
            now: Deliveries.now)
        #expect([200, 400, 401].contains(outcome.httpStatus))
    }
}
