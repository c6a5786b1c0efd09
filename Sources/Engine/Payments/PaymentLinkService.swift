import AutopilotCore
import Foundation
import Logging
import Integrations
import Storage

/// Payment links for a customer: a Stripe Payment Link for an amount (`STRIPE_SECRET_KEY`), optionally texted to the
/// contact (a transactional SMS through the outbox, so unsubscribes and sending rules still apply).
public struct PaymentLinkService: Sendable {
    public let dependencies: Dependencies
    /// Nil when Stripe is not configured: creating a link is then refused with a clear reason.
    public let stripe: StripePaymentLinks?

    public static let maximumAmount = 1_000_000.0

    public init(dependencies: Dependencies, stripe: StripePaymentLinks?) {
        self.dependencies = dependencies
        self.stripe = stripe
    }

    /// Creates the link (once per idempotency key, Stripe's own idempotency makes a retry return the same link) and, when
    /// `sendBySMS`, queues it to the contact. Refused naming the field: amount, currency, description, quantity, contact.
    public func create(_ request: PaymentLinkRequest, tenantID: String) async throws -> CreatedPaymentLink {
        let description = request.description.trimmingCharacters(in: .whitespacesAndNewlines)
        guard request.amount > 0, request.amount <= Self.maximumAmount else { throw invalid("amount", "must be more than 0 and at most 1000000") }
        let currency = request.currency.trimmingCharacters(in: .whitespaces).lowercased()
        guard currency.count == 3, currency.allSatisfy({ $0.isASCII && $0.isLetter }) else {
            throw invalid("currency", "\"\(request.currency)\" is not a three-letter currency code such as EUR")
        }
        guard let unitAmount = StripeAmount.minor(request.amount, currency: currency) else {
            throw invalid("amount", "\(request.amount) has more decimals than \(currency.uppercased()) allows")
        }
        guard (1...250).contains(description.count) else { throw invalid("description", "must be 1 to 250 characters") }
        guard (1...100).contains(request.quantity) else { throw invalid("quantity", "must be between 1 and 100") }
        var record: ContactRecord?
        if request.sendBySMS || !request.contact.isEmpty {
            record = try await request.contact.resolved(store: dependencies.store, tenantID: tenantID, field: "contact").record
        }
        if request.sendBySMS {
            guard record?.phone != nil else {
                throw invalid("contact", "sending the link by SMS needs a known contact with a phone number")
            }
        }
        guard let stripe else {
            throw PaymentLinkUnavailable()
        }
        let key = request.idempotencyKey ?? dependencies.ids.make("plk")
        var metadata = ["autopilot_tenant": tenantID, "created_by": request.createdBy]
        if let record { metadata["autopilot_contact"] = record.id }
        let link = try await stripe.create(
            StripePaymentLinks.Order(unitAmount: unitAmount, currency: currency, productName: description, quantity: request.quantity, metadata: metadata),
            idempotencyKey: "autopilot:\(tenantID):\(key)")
        dependencies.logger.info("payment link created", metadata: ["tenant": "\(tenantID)", "link": "\(link.id)", "by": "\(request.createdBy)"])
        var sent: QueuedMessage?
        if request.sendBySMS, let record {
            let amount = PaymentLinkWording.amount(request.amount * Double(request.quantity), currency: currency, locale: record.locale)
            let message = TransactionalMessage(
                contactID: record.id, key: "payment-link:" + link.id, channel: .sms, template: "payment-link-sms", step: "payment_link",
                context: ["payment": ["url": .string(link.url), "amount": .string(amount), "description": .string(description)]])
            sent = try await message.queue(store: dependencies.store, tenantID: tenantID, now: dependencies.clock.now())
        }
        return CreatedPaymentLink(
            id: link.id, url: link.url, amount: request.amount, currency: currency.uppercased(), quantity: request.quantity, description: description,
            message: sent)
    }

    private func invalid(_ field: String, _ reason: String) -> ValidationError {
        ValidationError(code: "invalid_payment_link", field: field, message: reason)
    }
}

/// Creating payment links needs Stripe, which is not configured: a 409 (the server is set up without it), not a 5xx.
public struct PaymentLinkUnavailable: AutopilotError {
    public var code: String { "payment_links_unavailable" }
    public var message: String { "payment links need Stripe: set STRIPE_SECRET_KEY" }
    public var category: ErrorCategory { .conflict }
}
