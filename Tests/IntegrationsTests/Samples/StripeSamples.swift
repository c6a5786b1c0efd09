/// Stripe event bodies (the Event object wrapping the resource, as in Stripe's API reference and webhook fixtures).
enum StripeSamples {
    static let checkoutCompleted = #"""
        {
          "id": "evt_1QxA2bC3dE4fG5hI6jK7lM8n",
          "object": "event",
          "api_version": "2024-06-20",
          "created": 1772359200,
          "livemode": false,
          "pending_webhooks": 1,
          "request": {"id": null, "idempotency_key": null},
          "type": "checkout.session.completed",
          "data": {
            "object": {
              "id": "cs_test_a1B2c3D4e5F6g7H8i9J0",
              "object": "checkout.session",
              "amount_subtotal": 4800,
              "amount_total": 5290,
              "currency": "eur",
              "customer": "cus_QxA2bC3dE4fG5h",
              "customer_details": {"email": "Camille.Martin@example.fr", "name": "Camille Martin", "phone": "+33612345678", "tax_exempt": "none"},
              "customer_email": null,
              "metadata": {},
              "mode": "payment",
              "payment_intent": "pi_3QxA2bC3dE4fG5hI0abc123",
              "payment_status": "paid",
              "status": "complete",
              "success_url": "https://boutique.example.fr/merci"
            }
          }
        }
        """#

    static let checkoutCompletedYen = #"""
        {"id": "evt_1QxJPY", "object": "event", "created": 1772359200, "type": "checkout.session.completed",
         "data": {"object": {"id": "cs_test_jpy", "object": "checkout.session", "amount_total": 4500, "currency": "jpy",
                             "customer": null, "customer_details": {"email": "haruto@example.jp", "phone": null},
                             "metadata": {"order_id": "JP-1001"}, "mode": "payment", "payment_intent": "pi_jpy", "payment_status": "paid"}}}
        """#

    static let checkoutAwaitingPayment = #"""
        {"id": "evt_1QxSEPA", "object": "event", "created": 1772359200, "type": "checkout.session.completed",
         "data": {"object": {"id": "cs_test_sepa", "object": "checkout.session", "amount_total": 1990, "currency": "eur",
                             "customer_details": {"email": "lea@example.fr"}, "mode": "payment", "payment_intent": "pi_sepa",
                             "payment_status": "unpaid"}}}
        """#

    static let paymentIntentFromCheckout = #"""
        {"id": "evt_1QxPI0", "object": "event", "created": 1772359201, "type": "payment_intent.succeeded",
         "data": {"object": {"id": "pi_3QxA2bC3dE4fG5hI0abc123", "object": "payment_intent", "amount": 5290, "amount_received": 5290,
                             "currency": "eur", "customer": "cus_QxA2bC3dE4fG5h", "metadata": {}, "receipt_email": null, "status": "succeeded"}}}
        """#

    static let paymentIntentWithOrder = #"""
        {"id": "evt_1QxPI1", "object": "event", "created": 1772359300, "type": "payment_intent.succeeded",
         "data": {"object": {"id": "pi_3QxKWD", "object": "payment_intent", "amount": 12345, "amount_received": 12345,
                             "currency": "kwd", "customer": null, "metadata": {"order_id": "KW-77"}, "receipt_email": "fahad@example.kw",
                             "status": "succeeded"}}}
        """#

    static let chargePartiallyRefundedTwice = #"""
        {"id": "evt_1QxRF2", "object": "event", "created": 1772964000, "type": "charge.refunded",
         "data": {"object": {"id": "ch_3QxA2bC3dE4fG5hI0xyz", "object": "charge", "amount": 5290, "amount_captured": 5290,
                             "amount_refunded": 3400, "currency": "eur", "customer": "cus_QxA2bC3dE4fG5h",
                             "billing_details": {"email": "camille.martin@example.fr", "phone": null, "name": "Camille Martin"},
                             "metadata": {}, "payment_intent": "pi_3QxA2bC3dE4fG5hI0abc123", "receipt_email": "camille.martin@example.fr",
                             "refunded": false},
                  "previous_attributes": {"amount_refunded": 1000}}}
        """#

    static let customerCreated = #"""
        {"id": "evt_1QxCUS", "object": "event", "created": 1772359000, "type": "customer.created",
         "data": {"object": {"id": "cus_QxA2bC3dE4fG5h", "object": "customer", "email": "camille.martin@example.fr"}}}
        """#
}
