import AutopilotCore
import Engine
import Integrations

extension Tool {
    /// `create_payment_link {amount, currency, description, quantity?, contact?, send_sms?, idempotency_key?}`: a Stripe
    /// Payment Link, optionally texted to the contact.
    public static let createPaymentLink = Tool(
        name: "create_payment_link", title: "Create a payment link",
        description: "Creates a Stripe payment link for an amount (in the currency's main unit, such as 49.90 EUR) and a plain "
            + "description, and answers its URL. With `send_sms` and a contact who has a phone number, the link is also sent by "
            + "SMS. Refused with the reason when the shop has not set up Stripe.",
        effect: .changes(destructive: false, idempotent: true, reachesPeople: true),
        input: Schema.object(
            [
                "amount": ["type": "number", "description": "the price of one item, in the currency's main unit", "exclusiveMinimum": 0],
                "currency": Schema.string("ISO 4217 code, such as EUR", maxLength: 3),
                "description": Schema.string("what is paid for, as the customer will read it", maxLength: 250),
                "quantity": Schema.integer("how many (1 when not given)", minimum: 1, maximum: 999),
                "contact": Schema.taskContact,
                "send_sms": Schema.boolean("also text the link to the contact"),
                "idempotency_key": Schema.string("any text; the same key creates one link", maxLength: 200),
            ], required: ["amount", "currency", "description"]),
        output: Schema.object(
            ["id": Schema.type("string"), "url": Schema.type("string")], required: ["id", "url"], open: true),
        run: { input, context in
            let service = PaymentLinkService(
                dependencies: context.dependencies, stripe: context.settings.stripe.map { StripePaymentLinks(settings: $0) })
            let request = try PaymentLinkRequest(json: input.arguments, createdBy: context.caller.description)
            return try JSONValue.encoding(try await service.create(request, tenantID: context.tenantID))
        })
}
