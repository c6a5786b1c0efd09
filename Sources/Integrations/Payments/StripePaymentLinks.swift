import AutopilotCore
import Foundation
import NIOCore

/// Creates Stripe Payment Links through Stripe's HTTP API: a Price for the amount (`POST /v1/prices` with
/// `product_data[name]`), then a Payment Link for it (`POST /v1/payment_links` with `line_items[0][price]`). Form-encoded
/// bodies, the secret key as a Bearer token, and an `Idempotency-Key` per request derived from the caller's key, so a
/// retried call creates nothing twice.
public struct StripePaymentLinks: Sendable {
    public let settings: StripeSettings
    public let http: PublishingHTTP

    public init(settings: StripeSettings, http: PublishingHTTP = PublishingHTTP(timeout: .seconds(20))) {
        self.settings = settings
        self.http = http
    }

    /// What to charge: an amount in the currency's minor unit (cents), a product name shown on the payment page.
    public struct Order: Sendable, Equatable {
        public var unitAmount: Int64
        /// ISO 4217, lower case (`eur`).
        public var currency: String
        public var productName: String
        public var quantity: Int
        public var metadata: [String: String]

        public init(unitAmount: Int64, currency: String, productName: String, quantity: Int = 1, metadata: [String: String] = [:]) {
            self.unitAmount = unitAmount
            self.currency = currency.lowercased()
            self.productName = productName
            self.quantity = quantity
            self.metadata = metadata
        }
    }

    /// The link Stripe made.
    public struct PaymentLink: Sendable, Equatable {
        public var id: String
        public var url: String
        public var priceID: String
    }

    /// Creates the price and the link; `StripeError` when Stripe refuses or does not answer.
    public func create(_ order: Order, idempotencyKey: String) async throws -> PaymentLink {
        let metadata = order.metadata.sorted { $0.key < $1.key }.map { ("metadata[\($0.key)]", $0.value) }
        let price = try await post(
            "/v1/prices",
            fields: [("currency", order.currency), ("unit_amount", String(order.unitAmount)), ("product_data[name]", order.productName)] + metadata,
            idempotencyKey: idempotencyKey + ":price")
        guard let priceID = price["id"]?.stringValue else {
            throw StripeError(type: "malformed_response", message: "the price has no id")
        }
        let link = try await post(
            "/v1/payment_links", fields: [("line_items[0][price]", priceID), ("line_items[0][quantity]", String(order.quantity))] + metadata,
            idempotencyKey: idempotencyKey + ":link")
        guard let id = link["id"]?.stringValue, let url = link["url"]?.stringValue else {
            throw StripeError(type: "malformed_response", message: "the payment link has no id or url")
        }
        return PaymentLink(id: id, url: url, priceID: priceID)
    }

    func post(_ path: String, fields: [(String, String)], idempotencyKey: String) async throws -> JSONValue {
        var headers = [
            ("Authorization", "Bearer \(settings.secretKey)"), ("Content-Type", "application/x-www-form-urlencoded"), ("Accept", "application/json"),
            ("Idempotency-Key", idempotencyKey),
        ]
        if let version = settings.apiVersion { headers.append(("Stripe-Version", version)) }
        let response: PublishingHTTP.Response
        do {
            response = try await http.post(settings.baseURL + path, headers: headers, body: PublishingHTTP.formEncoded(fields), platform: "Stripe")
        } catch let error as PublishingError {
            throw StripeError(type: "api_connection_error", message: error.message)
        }
        guard (200..<300).contains(response.status) else { throw StripeError.from(status: response.status, body: response.body) }
        guard let answer = try? JSONParser.parse(response.body), answer.objectValue != nil else {
            throw StripeError(type: "malformed_response", message: "the answer is not a JSON object", status: response.status)
        }
        return answer
    }
}
