import AutopilotCore
import Foundation

extension ShopifyContext {
    /// checkouts/create and checkouts/update → cart.updated (the engine decides when a cart is abandoned).
    /// A completed checkout is ignored (its order says more), and so is one that names nobody to follow up.
    func cartUpdated() throws(WebhookPayloadError) -> WebhookTranslation {
        let token = try requiredID("token")
        if payload.text("completed_at") != nil {
            return .ignored(IgnoreReason("checkout_completed", "checkout \(token) is completed; orders/create records the order"))
        }
        let contact = buyer(payload)
        guard !contact.isEmpty else {
            return .ignored(IgnoreReason("no_contact", "checkout \(token) has no email, international phone or customer yet"))
        }
        let lines = lines(payload)
        var properties = JSONObject()
        properties["cart_id"] = .string(token)
        properties["lines"] = .array(lines)
        properties["value"] = .double(max(0, payload.amount("total_price") ?? payload.amount("subtotal_price") ?? OrderLineItems.value(lines)))
        properties["currency"] = .string(try currency(payload))
        properties.set("checkout_url", payload.text("abandoned_checkout_url"))
        let version = payload.text("updated_at") ?? delivery.headers.value(ShopifyTranslator.webhookIDHeader) ?? Timestamp.format(delivery.now)
        let event = EventEnvelope(
            type: .cartUpdated, occurredAt: occurredAt(payload.date("updated_at"), payload.date("created_at")),
            idempotencyKey: key(token, version), contact: contact, properties: properties)
        return .events([event.json])
    }

    /// customers/create and customers/update → contact.created / contact.updated with names, marketing consents
    /// (email from `email_marketing_consent` or the older `accepts_marketing`, SMS from `sms_marketing_consent`) and locale.
    func contactProfile(type: EventType) throws(WebhookPayloadError) -> WebhookTranslation {
        let customerID = try requiredID()
        var contact = ContactHint()
        contact.offerExternalID(.shopify, customerID)
        contact.offerEmail(payload.text("email"))
        contact.offerPhone(payload.text("phone"))
        contact.offerPhone(payload.child("default_address")?.text("phone"))
        var properties = JSONObject()
        properties.set("first_name", payload.text("first_name").map { String($0.prefix(200)) })
        properties.set("last_name", payload.text("last_name").map { String($0.prefix(200)) })
        if let locale = payload.text("locale"), LanguageTag.isPlausible(locale) { properties["locale"] = .string(locale) }
        properties.set("birthdate", ShopBirthdate.shopify(payload, field: birthdateMetafield))
        var consents = JSONObject()
        if let email = Self.consent(payload.child("email_marketing_consent")) ?? payload.bool("accepts_marketing") {
            consents["email"] = .bool(email)
        }
        if let sms = Self.consent(payload.child("sms_marketing_consent")) { consents["sms"] = .bool(sms) }
        if !consents.isEmpty {
            consents["source"] = "shopify"
            properties["consents"] = .object(consents)
        }
        let changedAt = type == .contactCreated ? payload.date("created_at") : payload.date("updated_at")
        let version =
            payload.text(type == .contactCreated ? "created_at" : "updated_at")
            ?? delivery.headers.value(ShopifyTranslator.webhookIDHeader) ?? Timestamp.format(delivery.now)
        let event = EventEnvelope(
            type: type, occurredAt: occurredAt(changedAt, payload.date("updated_at")), idempotencyKey: key(customerID, version),
            contact: contact, properties: properties)
        return .events([event.json])
    }

    /// `subscribed` → true; `not_subscribed`, `unsubscribed`, `redacted`, `invalid` → false; `pending` or absent → unknown.
    static func consent(_ record: JSONValue?) -> Bool? {
        guard let state = record?.text("state")?.lowercased() else { return nil }
        switch state {
        case "subscribed": return true
        case "not_subscribed", "unsubscribed", "redacted", "invalid": return false
        default: return nil
        }
    }
}

/// A cheap check that a locale looks like a language tag (`fr`, `en-US`, `pt_BR`), as the event validator requires.
enum LanguageTag {
    static func isPlausible(_ text: String) -> Bool {
        guard text.count <= 35, let language = text.split(whereSeparator: { $0 == "-" || $0 == "_" }).first else { return false }
        return (2...3).contains(language.count) && language.allSatisfy { $0.isASCII && $0.isLetter }
    }
}
