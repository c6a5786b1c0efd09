import AutopilotCore
import Foundation
import Integrations

/// A payment link to create: an amount in major units (29.90) and currency, what it pays for, and optionally the contact
/// to text it to.
public struct PaymentLinkRequest: Sendable, Equatable {
    public var amount: Double
    public var currency: String
    public var description: String
    public var quantity: Int
    public var contact: TaskContact
    public var sendBySMS: Bool
    public var createdBy: String
    public var idempotencyKey: String?

    public init(
        amount: Double, currency: String, description: String, quantity: Int = 1, contact: TaskContact = TaskContact(), sendBySMS: Bool = false,
        createdBy: String, idempotencyKey: String? = nil
    ) {
        self.amount = amount
        self.currency = currency
        self.description = description
        self.quantity = quantity
        self.contact = contact
        self.sendBySMS = sendBySMS
        self.createdBy = createdBy
        self.idempotencyKey = idempotencyKey
    }

    /// Reads `{amount, currency, description, quantity?, contact?, send_sms?, idempotency_key?}`.
    public init(json object: JSONObject, createdBy: String) throws {
        func invalid(_ field: String, _ reason: String) -> ValidationError {
            ValidationError(code: "invalid_payment_link", field: field, message: reason)
        }
        func text(_ field: String) throws -> String? {
            guard let value = object[field], value != .null else { return nil }
            guard let text = value.stringValue else { throw invalid(field, "must be a string") }
            return text
        }
        guard let amount = object["amount"]?.doubleValue else { throw invalid("amount", "is required: a number such as 29.90") }
        guard let currency = try text("currency") else { throw invalid("currency", "is required: a currency code such as EUR") }
        guard let description = try text("description") else { throw invalid("description", "is required: what the payment is for") }
        var quantity = 1
        if let value = object["quantity"], value != .null {
            guard let number = value.doubleValue, number == number.rounded(), abs(number) < 1e6 else { throw invalid("quantity", "must be a whole number") }
            quantity = Int(number)
        }
        var send = false
        if let value = object["send_sms"], value != .null {
            guard let flag = value.boolValue else { throw invalid("send_sms", "must be true or false") }
            send = flag
        }
        self.init(
            amount: amount, currency: currency, description: description, quantity: quantity,
            contact: try TaskContact(json: object["contact"], field: "contact"), sendBySMS: send, createdBy: createdBy,
            idempotencyKey: try text("idempotency_key"))
    }
}

/// A payment link made: Stripe's id and URL, what it charges, and the SMS queued with it.
public struct CreatedPaymentLink: Sendable, Equatable, Encodable {
    public var id: String
    public var url: String
    public var amount: Double
    public var currency: String
    public var quantity: Int
    public var description: String
    public var message: QueuedMessage?
}

/// Amounts as people read them: `29,90 EUR` in French, `EUR 29.90` in English. Pure.
enum PaymentLinkWording {
    static func amount(_ value: Double, currency: String, locale: String?) -> String {
        let units = String(StripeAmount.minorUnitsPerMajor(currency)).count - 1
        var text = String(format: "%.\(units)f", value)
        if CallbackWording.language(of: locale) == "fr" {
            text = text.replacingOccurrences(of: ".", with: ",")
            return "\(text) \(currency.uppercased())"
        }
        return "\(currency.uppercased()) \(text)"
    }
}
