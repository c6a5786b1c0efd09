import AutopilotCore
import Foundation

/// The pure heart of `POST /v1/webhooks/{provider}/{tenant-token}`: verify the raw body, then translate it into events.
///
/// Nothing is parsed before the signature is checked. Every event produced is run through `EventValidator`, so what
/// the route ingests is exactly what `POST /v1/events` would accept.
public struct WebhookInbox: Sendable {
    /// How far Stripe's signed timestamp may be from `now`.
    public var stripeTolerance: TimeInterval = 300
    public var validator = EventValidator()
    /// Where the tenant's shop keeps customers' birthdates: a Shopify customer metafield (`namespace.key`) or a
    /// WooCommerce customer meta key (the tenant's settings); nil reads none.
    public var birthdateField: String?

    public init() {}

    /// - Parameters:
    ///   - headers: the request headers (any case).
    ///   - rawBody: the body exactly as received.
    ///   - url: the full public URL the vendor called, query included (Twilio signs it; others ignore it).
    ///   - secret: the tenant's signing secret for this provider (Shopify app secret, WooCommerce webhook secret,
    ///     Stripe `whsec_…`, Twilio auth token, Meta app secret).
    ///   - now: the present moment (Stripe's replay window; the date of events whose payload has none).
    public func process(
        provider: WebhookProvider, headers: [String: String], rawBody: [UInt8], url: String, secret: String, now: Date
    ) -> WebhookOutcome {
        process(provider: provider, delivery: WebhookDelivery(headers: WebhookHeaders(headers), rawBody: rawBody, url: url, now: now), secret: secret)
    }

    /// The same, for a delivery already gathered into a `WebhookDelivery`.
    public func process(provider: WebhookProvider, delivery: WebhookDelivery, secret: String) -> WebhookOutcome {
        if provider == .woocommerce, delivery.headers.value(WooCommerceSignature.header) == nil, WooCommerceTranslator.isPing(delivery.rawBody) {
            return .ping
        }
        do {
            try verify(provider: provider, delivery: delivery, secret: secret)
        } catch {
            return .rejected(error)
        }
        if provider == .woocommerce, WooCommerceTranslator.isPing(delivery.rawBody) { return .ping }
        do {
            let deliveryID = self.deliveryID(provider: provider, delivery: delivery)
            switch try translate(provider: provider, delivery: delivery) {
            case .ignored(let reason):
                return .ignored(deliveryID: deliveryID, reason: reason)
            case .events(let events):
                try validate(events, now: delivery.now)
                return .accepted(WebhookAcceptance(provider: provider, deliveryID: deliveryID, events: events))
            }
        } catch {
            return .invalid(error)
        }
    }

    /// Checks the delivery's signature the way its provider signs; throws why it is refused.
    public func verify(provider: WebhookProvider, delivery: WebhookDelivery, secret: String) throws(SignatureFailure) {
        switch provider {
        case .shopify: try ShopifySignature(secret: secret).verify(body: delivery.rawBody, headers: delivery.headers)
        case .woocommerce: try WooCommerceSignature(secret: secret).verify(body: delivery.rawBody, headers: delivery.headers)
        case .stripe:
            try StripeSignature(secret: secret, tolerance: stripeTolerance).verify(
                body: delivery.rawBody, headers: delivery.headers, now: delivery.now)
        case .twilio: try TwilioSignature(authToken: secret).verify(url: delivery.url, body: delivery.rawBody, headers: delivery.headers)
        case .whatsapp: try MetaSignature(secret: secret).verify(body: delivery.rawBody, headers: delivery.headers)
        case .postmark: try PostmarkAuthentication(secret: secret).verify(headers: delivery.headers)
        case .mailgun: try MailgunSignature(key: secret, tolerance: stripeTolerance).verify(body: delivery.rawBody, now: delivery.now)
        case .judgeme: try JudgeMeSignature(secret: secret).verify(body: delivery.rawBody, headers: delivery.headers)
        case .yotpo: try YotpoURLKey(secret: secret).verify(url: delivery.url)
        }
    }

    /// Translates a delivery whose signature has already been verified.
    public func translate(provider: WebhookProvider, delivery: WebhookDelivery) throws(WebhookPayloadError) -> WebhookTranslation {
        switch provider {
        case .shopify: try ShopifyTranslator(birthdateMetafield: birthdateField).translate(delivery)
        case .woocommerce: try WooCommerceTranslator(birthdateMetaKey: birthdateField).translate(delivery)
        case .stripe: try StripeTranslator().translate(delivery)
        case .twilio: try TwilioTranslator().translate(delivery)
        case .whatsapp: try WhatsAppCloudTranslator().translate(delivery)
        case .postmark: try PostmarkTranslator().translate(delivery)
        case .mailgun: try MailgunTranslator().translate(delivery)
        case .judgeme: try JudgeMeTranslator().translate(delivery)
        case .yotpo: try YotpoTranslator().translate(delivery)
        }
    }

    /// The provider's id of this delivery (`<provider>:<id>`), the same on every retry; for replay detection.
    public func deliveryID(provider: WebhookProvider, delivery: WebhookDelivery) -> String? {
        switch provider {
        case .shopify: ShopifyTranslator().deliveryID(delivery)
        case .woocommerce: WooCommerceTranslator().deliveryID(delivery)
        case .stripe: StripeTranslator().deliveryID(delivery)
        case .twilio: TwilioTranslator().deliveryID(delivery)
        case .whatsapp: WhatsAppCloudTranslator().deliveryID(delivery)
        case .postmark: PostmarkTranslator().deliveryID(delivery)
        case .mailgun: MailgunTranslator().deliveryID(delivery)
        case .judgeme: JudgeMeTranslator().deliveryID(delivery)
        case .yotpo: YotpoTranslator().deliveryID(delivery)
        }
    }

    private func validate(_ events: [JSONValue], now: Date) throws(WebhookPayloadError) {
        for (index, event) in events.enumerated() {
            do {
                _ = try validator.validate(event, now: now)
            } catch {
                let nested = error.nested(under: "events[\(index)]")
                throw WebhookPayloadError(code: "invalid_event", field: nested.field, message: nested.message)
            }
        }
    }
}
