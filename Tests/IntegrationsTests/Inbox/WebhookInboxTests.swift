import AutopilotCore
import Foundation
import Integrations
import Testing

@Suite("Webhook inbox")
struct WebhookInboxTests {
    @Test(arguments: WebhookProvider.allCases)
    func withoutASecretNothingIsTrusted(provider: WebhookProvider) {
        let outcome = Deliveries.inbox.process(
            provider: provider, headers: ["X-Shopify-Topic": "orders/create"], rawBody: Array(#"{"id": 1}"#.utf8), url: Deliveries.twilioURL,
            secret: "", now: Deliveries.now)
        guard case .rejected(let failure) = outcome else {
            Issue.record("expected rejected, got \(outcome)")
            return
        }
        #expect([.missingSecret, .missingSignature].contains(failure.reason))
        #expect(outcome.httpStatus == 401)
        #expect(outcome.events.isEmpty)
        #expect(outcome.deliveryID == nil)
    }

    @Test(arguments: WebhookProvider.allCases)
    func aMissingSignatureIsRefusedBeforeTheBodyIsRead(provider: WebhookProvider) {
        let outcome = Deliveries.inbox.process(
            provider: provider, headers: ["X-Shopify-Topic": "orders/create", "X-WC-Webhook-Topic": "order.created"],
            rawBody: Array("not even json".utf8), url: Deliveries.twilioURL, secret: Deliveries.secret, now: Deliveries.now)
        #expect(outcome == .rejected(SignatureFailure(.missingSignature, Self.missingMessage(provider))))
    }

    static func missingMessage(_ provider: WebhookProvider) -> String {
        switch provider {
        case .shopify: "the X-Shopify-Hmac-Sha256 header is missing"
        case .woocommerce: "the X-WC-Webhook-Signature header is missing"
        case .stripe: "the Stripe-Signature header is missing"
        case .twilio: "the X-Twilio-Signature header is missing"
        case .whatsapp: "the X-Hub-Signature-256 header is missing"
        case .postmark: "the Authorization header is missing: put user:password in the webhook URL given to Postmark"
        case .mailgun: "the Mailgun signature or token is missing"
        case .judgeme: "the JUDGEME-HMAC-SHA256 header is missing"
        case .yotpo: "the URL has no ?key=: give Yotpo the URL with the endpoint's key in it"
        }
    }

    @Test func aReplayedDeliveryKeepsItsIdAndItsKeys() {
        let first = Deliveries.shopify("orders/create", ShopifySamples.orderCreated)
        let again = Deliveries.shopify("orders/create", ShopifySamples.orderCreated)
        #expect(first == again)
        #expect(first.deliveryID != nil)
        let otherDelivery = Deliveries.shopify("orders/create", ShopifySamples.orderCreated, webhookID: "a-new-delivery-id")
        #expect(otherDelivery.deliveryID != first.deliveryID)
        #expect(otherDelivery.events == first.events)
    }

    @Test func anEnvelopeTheValidatorRefusesIsAnErrorNamingTheEventField() {
        let body = ShopifySamples.orderCreated.replacingOccurrences(of: #""currency": "EUR""#, with: #""currency": "EURO""#)
        guard case .invalid(let error) = Deliveries.shopify("orders/create", body) else {
            Issue.record("expected invalid")
            return
        }
        #expect(error.code == "invalid_event")
        #expect(error.field == "events[0].properties.currency")
    }

    @Test func aSignedPingIsStillAPing() {
        let body = Array("webhook_id=7".utf8)
        let headers = ["X-WC-Webhook-Signature": WooCommerceSignature(secret: Deliveries.secret).sign(body)]
        #expect(
            Deliveries.inbox.process(provider: .woocommerce, headers: headers, rawBody: body, url: "", secret: Deliveries.secret, now: Deliveries.now)
                == .ping)
        let badlySigned = ["X-WC-Webhook-Signature": WooCommerceSignature(secret: "other").sign(body)]
        #expect(
            Deliveries.inbox.process(
                provider: .woocommerce, headers: badlySigned, rawBody: body, url: "", secret: Deliveries.secret, now: Deliveries.now
            )
            .httpStatus == 401)
    }

    @Test func everySampleTranslatesToValidEnvelopesWithKeysAndContacts() {
        let outcomes = [
            Deliveries.shopify("orders/create", ShopifySamples.orderCreated), Deliveries.shopify("orders/fulfilled", ShopifySamples.orderFulfilled),
            Deliveries.shopify("orders/cancelled", ShopifySamples.orderCancelled), Deliveries.shopify("refunds/create", ShopifySamples.refundCreated),
            Deliveries.shopify("checkouts/create", ShopifySamples.checkoutUpdated),
            Deliveries.shopify("customers/update", ShopifySamples.customerUpdated),
            Deliveries.shopify("customers/create", ShopifySamples.customerCreatedLegacy),
            Deliveries.shopify("orders/create", ShopifySamples.guestOrderWithNationalPhone),
            Deliveries.wooCommerce("order.created", WooCommerceSamples.orderCreated),
            Deliveries.wooCommerce("order.updated", WooCommerceSamples.orderCompleted),
            Deliveries.wooCommerce("order.updated", WooCommerceSamples.orderPartiallyRefunded),
            Deliveries.wooCommerce("order.updated", WooCommerceSamples.guestOrderRefunded),
            Deliveries.wooCommerce("customer.created", WooCommerceSamples.customerCreated),
            Deliveries.stripe(StripeSamples.checkoutCompleted), Deliveries.stripe(StripeSamples.checkoutCompletedYen),
            Deliveries.stripe(StripeSamples.paymentIntentWithOrder), Deliveries.stripe(StripeSamples.chargePartiallyRefundedTwice),
            Deliveries.twilio(TwilioSamples.statusCallback("delivered")), Deliveries.twilio(TwilioSamples.inbound("Merci !")),
            Deliveries.twilio(TwilioSamples.inbound("STOP")),
        ]
        var keys: Set<String> = []
        var count = 0
        for outcome in outcomes {
            #expect(outcome.httpStatus == 200)
            #expect(outcome.deliveryID != nil)
            for event in Deliveries.validated(outcome) {
                count += 1
                #expect(event.contact?.isEmpty == false)
                if let key = event.idempotencyKey { keys.insert(key) } else { Issue.record("no idempotency key on \(event.type)") }
            }
        }
        // 21 events; the partially refunded order repeats the completed order's order.fulfilled, under the same key.
        #expect(count == 21)
        #expect(keys.count == 20)
    }
}
