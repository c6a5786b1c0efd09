/// Shopify webhook bodies in the shape of the REST Admin API resources the topics deliver (shopify.dev webhook
/// reference), trimmed to the fields a store really sends for these cases.
enum ShopifySamples {
    static let orderCreated = #"""
        {
          "id": 5834120937572,
          "admin_graphql_api_id": "gid://shopify/Order/5834120937572",
          "name": "#1001",
          "order_number": 1001,
          "email": "Camille.Martin@Example.fr",
          "contact_email": "Camille.Martin@Example.fr",
          "phone": null,
          "created_at": "2026-03-01T11:00:00+01:00",
          "processed_at": "2026-03-01T11:00:00+01:00",
          "updated_at": "2026-03-01T11:00:02+01:00",
          "currency": "EUR",
          "presentment_currency": "EUR",
          "subtotal_price": "48.00",
          "total_price": "52.90",
          "total_tax": "8.82",
          "financial_status": "paid",
          "fulfillment_status": null,
          "buyer_accepts_marketing": true,
          "cart_token": "Z2NwLWV1cm9wZS13ZXN0NDowMUhRWjRHNFY3",
          "checkout_token": "b6e4d2a0c8f1e3d5b7a9c1e3f5a7b9d1",
          "customer_locale": "fr",
          "customer": {
            "id": 7077410021556,
            "email": "camille.martin@example.fr",
            "first_name": "Camille",
            "last_name": "Martin",
            "phone": "+33 6 12 34 56 78",
            "state": "enabled",
            "currency": "EUR"
          },
          "billing_address": {"first_name": "Camille", "last_name": "Martin", "city": "Lyon", "country_code": "FR", "phone": "06 12 34 56 78"},
          "shipping_address": {"first_name": "Camille", "last_name": "Martin", "address1": "12 rue de la République", "city": "Lyon", "zip": "69002", "country": "France", "country_code": "FR", "phone": "06 12 34 56 78", "latitude": 45.76},
          "line_items": [
            {"id": 13838412480612, "variant_id": 44012345678901, "product_id": 8123456789012, "title": "Thé vert Sencha",
             "sku": "TEA-01", "quantity": 2, "price": "24.00", "total_discount": "0.00"},
            {"id": 13838412480613, "variant_id": 44012345678902, "product_id": 8123456789013, "title": "Carte cadeau",
             "sku": "", "quantity": 1, "price": "4.90", "total_discount": "0.00"}
          ],
          "shipping_lines": [{"title": "Colissimo", "price": "0.00"}]
        }
        """#

    /// A guest order from the point of sale: no email, a phone in national format, no customer.
    static let guestOrderWithNationalPhone = #"""
        {
          "id": 5834120937999,
          "name": "#1002",
          "email": "",
          "phone": "06 98 76 54 32",
          "created_at": "2026-03-02T09:15:00Z",
          "currency": "EUR",
          "total_price": "0.00",
          "customer": null,
          "billing_address": {"phone": "06 98 76 54 32"},
          "line_items": [
            {"id": 1, "variant_id": 44012345670000, "product_id": 8123456780000, "title": "Échantillon", "sku": null, "quantity": 1, "price": "0.00"}
          ]
        }
        """#

    static let orderFulfilled = #"""
        {
          "id": 5834120937572,
          "name": "#1001",
          "email": "camille.martin@example.fr",
          "updated_at": "2026-03-03T16:20:00+01:00",
          "currency": "EUR",
          "total_price": "52.90",
          "fulfillment_status": "fulfilled",
          "customer": {"id": 7077410021556, "email": "camille.martin@example.fr"},
          "fulfillments": [
            {"id": 4567890123, "order_id": 5834120937572, "status": "success", "created_at": "2026-03-03T16:19:00+01:00",
             "updated_at": "2026-03-03T16:19:30+01:00", "tracking_company": "Colissimo", "tracking_number": "6A12345678901",
             "tracking_numbers": ["6A12345678901"], "tracking_url": "https://www.laposte.fr/outils/suivre-vos-envois?code=6A12345678901",
             "tracking_urls": ["https://www.laposte.fr/outils/suivre-vos-envois?code=6A12345678901"]}
          ]
        }
        """#

    static let orderCancelled = #"""
        {
          "id": 5834120937572,
          "email": "camille.martin@example.fr",
          "cancelled_at": "2026-03-01T12:05:00+01:00",
          "cancel_reason": "customer",
          "updated_at": "2026-03-01T12:05:01+01:00",
          "currency": "EUR",
          "total_price": "52.90",
          "customer": {"id": 7077410021556}
        }
        """#

    static let refundCreated = #"""
        {
          "id": 929361465,
          "order_id": 5834120937572,
          "created_at": "2026-03-10T10:00:00+01:00",
          "processed_at": "2026-03-10T10:00:00+01:00",
          "note": "Sachet abîmé",
          "restock": true,
          "refund_line_items": [
            {"id": 104689539, "line_item_id": 13838412480612, "quantity": 1, "subtotal": 24.0, "total_tax": 4.0}
          ],
          "transactions": [
            {"id": 389404469, "order_id": 5834120937572, "kind": "refund", "status": "success", "amount": "24.00", "currency": "EUR",
             "gateway": "shopify_payments"},
            {"id": 389404470, "order_id": 5834120937572, "kind": "refund", "status": "failure", "amount": "5.00", "currency": "EUR",
             "gateway": "shopify_payments"}
          ]
        }
        """#

    static let restockOnlyRefund = #"""
        {"id": 929361466, "order_id": 5834120937572, "created_at": "2026-03-11T10:00:00Z", "refund_line_items": [], "transactions": []}
        """#

    static let checkoutUpdated = #"""
        {
          "id": 35897541378148,
          "token": "b6e4d2a0c8f1e3d5b7a9c1e3f5a7b9d1",
          "cart_token": "Z2NwLWV1cm9wZS13ZXN0NDowMUhRWjRHNFY3",
          "email": "camille.martin@example.fr",
          "phone": null,
          "created_at": "2026-03-01T10:40:00+01:00",
          "updated_at": "2026-03-01T10:52:13+01:00",
          "completed_at": null,
          "currency": "EUR",
          "presentment_currency": "EUR",
          "subtotal_price": "48.00",
          "total_price": "48.00",
          "abandoned_checkout_url": "https://boutique.example.fr/64012345/checkouts/b6e4d2a0c8f1e3d5b7a9c1e3f5a7b9d1/recover?key=7c1e",
          "customer": {"id": 7077410021556, "email": "camille.martin@example.fr", "first_name": "Camille"},
          "line_items": [
            {"key": "44012345678901", "variant_id": 44012345678901, "product_id": 8123456789012, "title": "Thé vert Sencha",
             "sku": "TEA-01", "quantity": 2, "price": "24.00"}
          ]
        }
        """#

    static let anonymousCheckout = #"""
        {"id": 35897541378149, "token": "0f0e0d0c", "email": null, "phone": null, "customer": null, "created_at": "2026-03-01T10:40:00Z",
         "updated_at": "2026-03-01T10:41:00Z", "currency": "EUR", "total_price": "12.00", "line_items": []}
        """#

    static let customerUpdated = #"""
        {
          "id": 7077410021556,
          "email": "camille.martin@example.fr",
          "first_name": "Camille",
          "last_name": "Martin",
          "phone": "+33612345678",
          "locale": "fr",
          "created_at": "2025-11-02T08:00:00+01:00",
          "updated_at": "2026-03-04T09:30:00+01:00",
          "state": "enabled",
          "email_marketing_consent": {"state": "subscribed", "opt_in_level": "single_opt_in", "consent_updated_at": "2026-03-04T09:30:00+01:00"},
          "sms_marketing_consent": {"state": "unsubscribed", "opt_in_level": "single_opt_in", "consent_updated_at": null,
                                    "consent_collected_from": "SHOPIFY"},
          "default_address": {"city": "Lyon", "country_code": "FR", "phone": "+33612345678"}
        }
        """#

    /// An older API version: `accepts_marketing` instead of the consent objects, and no phone.
    static let customerCreatedLegacy = #"""
        {"id": 7077410029999, "email": "youssef.alami@example.ma", "first_name": "Youssef", "last_name": "Alami", "phone": null,
         "accepts_marketing": false, "created_at": "2026-03-05T14:00:00+00:00", "updated_at": "2026-03-05T14:00:00+00:00"}
        """#
}
