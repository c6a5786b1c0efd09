import AutopilotCore
import Foundation
import Integrations
import Storage

/// What a webhook request led to, for the HTTP answer.
public struct WebhookReceipt: Sendable, Encodable {
    public var status: Int
    public var outcome: String
    public var accepted: Int
    public var duplicates: Int
    public var reason: String?
}

/// Inbound webhooks: find the tenant by the URL token, verify the raw body's signature before anything is parsed,
/// translate into events, skip replayed deliveries, and ingest through the same pipeline as the API.
public struct WebhookService: Sendable {
    public let dependencies: Dependencies

    public init(dependencies: Dependencies) {
        self.dependencies = dependencies
    }

    /// Registers (or rotates) a tenant's endpoint for a provider; returns the URL path to give the vendor.
    public func register(provider raw: String, secret: String, tenantID: String) async throws -> String {
        guard let provider = WebhookProvider(rawValue: raw.lowercased()) else {
            let names = WebhookProvider.allCases.map(\.rawValue).joined(separator: ", ")
            throw ValidationError(code: "invalid_provider", field: "provider", message: "\"\(raw)\" is not one of \(names)")
        }
        guard !secret.isEmpty else { throw ValidationError(code: "invalid_secret", field: "secret", message: "must not be empty") }
        let token = APIKey.generate().dropFirst(3).prefix(32)
        try await dependencies.store.saveWebhookEndpoint(
            WebhookEndpoint(
                tenantID: tenantID, provider: provider.rawValue, token: String(token), secret: secret, createdAt: dependencies.clock.now()))
        return "/v1/webhooks/\(provider.rawValue)/\(token)"
    }

    /// Meta's subscription check (`GET …/whatsapp/{token}?hub.mode=subscribe&hub.verify_token=…&hub.challenge=…`): the
    /// challenge to echo when the endpoint exists and the verify token is the endpoint's token; nil otherwise.
    public func verifySubscription(provider raw: String, token: String, mode: String?, verifyToken: String?, challenge: String?) async throws
        -> String?
    {
        guard raw == WebhookProvider.whatsapp.rawValue, mode == "subscribe", let challenge, !challenge.isEmpty, challenge.count <= 200,
            let verifyToken, verifyToken == token, try await dependencies.store.webhookEndpoint(provider: raw, token: token) != nil
        else { return nil }
        return challenge
    }

    public func receive(provider raw: String, token: String, headers: [String: String], rawBody: [UInt8], url: String) async throws -> WebhookReceipt
    {
        guard let provider = WebhookProvider(rawValue: raw), let endpoint = try await dependencies.store.webhookEndpoint(provider: raw, token: token)
        else {
            return WebhookReceipt(status: 404, outcome: "unknown_endpoint", accepted: 0, duplicates: 0, reason: "no such webhook endpoint")
        }
        var inbox = WebhookInbox()
        if provider == .shopify || provider == .woocommerce {
            let settings = try await ShopSettings.load(dependencies.store, tenantID: endpoint.tenantID, cipher: nil)
            inbox.birthdateField = settings.values[provider == .shopify ? "shopify.birthdate_metafield" : "woocommerce.birthdate_meta_key"]
        }
        let outcome = inbox.process(
            provider: provider, headers: headers, rawBody: rawBody, url: url, secret: endpoint.secret, now: dependencies.clock.now())
        switch outcome {
        case .rejected(let failure):
            return WebhookReceipt(
                status: 401, outcome: "rejected", accepted: 0, duplicates: 0, reason: "\(failure.reason.rawValue): \(failure.message)")
        case .invalid(let error):
            return WebhookReceipt(status: 400, outcome: "invalid", accepted: 0, duplicates: 0, reason: "\(error.code): \(error.message)")
        case .ping:
            return WebhookReceipt(status: 200, outcome: "ping", accepted: 0, duplicates: 0, reason: nil)
        case .ignored(_, let reason):
            return WebhookReceipt(status: 200, outcome: "ignored", accepted: 0, duplicates: 0, reason: "\(reason.code): \(reason.message)")
        case .accepted(let acceptance):
            if let delivery = acceptance.deliveryID, try await dependencies.store.hasWebhookDelivery(delivery, tenantID: endpoint.tenantID) {
                return WebhookReceipt(
                    status: 200, outcome: "replay", accepted: 0, duplicates: acceptance.events.count,
                    reason: "delivery \(delivery) was already processed")
            }
            var result = IngestResult()
            if !acceptance.events.isEmpty {
                // A shop's text may hold U+0000, which PostgreSQL cannot store: it is dropped rather than the delivery refused
                // (the shop would send it again for days, then give up on the webhook). The recorder drops it from mail too.
                result = try await InboundMailRecorder(dependencies: dependencies, tenantID: endpoint.tenantID).record(acceptance.events)
            }
            if let delivery = acceptance.deliveryID {
                try await dependencies.store.recordWebhookDelivery(
                    delivery, tenantID: endpoint.tenantID, events: result.accepted.count, at: dependencies.clock.now())
            }
            return WebhookReceipt(status: 200, outcome: "accepted", accepted: result.accepted.count, duplicates: result.duplicates.count, reason: nil)
        }
    }
}

extension JSONValue {
    /// The same document with every U+0000 removed from its strings and keys.
    var withoutNUL: JSONValue {
        switch self {
        case .string(let text) where text.unicodeScalars.contains("\u{0}"): .string(text.replacingOccurrences(of: "\u{0}", with: ""))
        case .array(let items): .array(items.map(\.withoutNUL))
        case .object(let object):
            .object(JSONObject(object.map { ($0.key.replacingOccurrences(of: "\u{0}", with: ""), $0.value.withoutNUL) }))
        default: self
        }
    }
}
