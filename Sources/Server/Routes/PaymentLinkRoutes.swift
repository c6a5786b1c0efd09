import AutopilotCore
import Engine
import Hummingbird
import Integrations

/// `POST /v1/payment-links` `{amount, currency, description, quantity?, contact?, send_sms?, idempotency_key?}`: a Stripe
/// Payment Link (503 when `STRIPE_SECRET_KEY` is not set), optionally texted to the contact.
struct PaymentLinkRoutes {
    let dependencies: Dependencies
    let stripe: StripeSettings?
    let maximumBodyBytes: Int

    func register(on group: RouterGroup<AppRequestContext>) {
        let service = PaymentLinkService(dependencies: dependencies, stripe: stripe.map { StripePaymentLinks(settings: $0) })
        group.post("payment-links") { request, context in
            let tenantID = try context.requireTenant()
            let body = try await JSONBody.object(request, limit: maximumBodyBytes, emptyAllowed: false, code: "invalid_payment_link")
            let link = try await service.create(try PaymentLinkRequest(json: body, createdBy: "api"), tenantID: tenantID)
            return try JSONResponse.make(link, status: .created)
        }
    }
}
