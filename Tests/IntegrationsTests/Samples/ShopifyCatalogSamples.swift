/// Shopify bodies for the fulfillment and product topics, in the shape of the REST Admin API resources they deliver
/// (FulfillmentEvent, Fulfillment, Product), trimmed to the fields a store sends.
enum ShopifyCatalogSamples {
    static let fulfillmentEventDelivered = #"""
        {"id": 944956395, "fulfillment_id": 255858046, "status": "delivered", "message": "Colis livré en boîte aux lettres",
         "happened_at": "2026-03-05T14:32:00+01:00", "city": "Lyon", "province": null, "country": "France", "zip": "69002",
         "address1": null, "latitude": 45.75, "longitude": 4.83, "shop_id": 690933842, "created_at": "2026-03-05T15:10:00+01:00",
         "updated_at": "2026-03-05T15:10:00+01:00", "estimated_delivery_at": null, "order_id": 5834120937572,
         "admin_graphql_api_id": "gid://shopify/FulfillmentEvent/944956395"}
        """#

    static let fulfillmentEventInTransit = #"""
        {"id": 944956390, "fulfillment_id": 255858046, "status": "in_transit", "happened_at": "2026-03-04T09:00:00+01:00",
         "order_id": 5834120937572, "shop_id": 690933842}
        """#

    static let fulfillmentDelivered = #"""
        {"id": 255858046, "order_id": 5834120937572, "status": "success", "created_at": "2026-03-03T16:19:30+01:00",
         "service": "manual", "updated_at": "2026-03-05T14:40:00+01:00", "tracking_company": "Colissimo",
         "shipment_status": "delivered", "email": "camille.martin@example.fr",
         "destination": {"first_name": "Camille", "last_name": "Martin", "address1": "12 rue de la République", "city": "Lyon",
                          "zip": "69002", "country": "France", "phone": "+33612345678"},
         "tracking_number": "6A12345678901", "tracking_numbers": ["6A12345678901"],
         "tracking_url": "https://www.laposte.fr/outils/suivre-vos-envois?code=6A12345678901", "name": "#1001.1"}
        """#

    static let productUpdated = #"""
        {"id": 7981234567890, "title": "Thé vert Sencha", "handle": "the-vert-sencha", "status": "active",
         "created_at": "2026-01-10T10:00:00+01:00", "updated_at": "2026-03-06T09:00:00+01:00",
         "variants": [
           {"id": 44012345678901, "product_id": 7981234567890, "title": "100 g", "price": "19.90", "sku": "TEA-01",
            "compare_at_price": "24.00", "inventory_policy": "deny", "inventory_management": "shopify", "inventory_quantity": 12,
            "updated_at": "2026-03-06T09:00:00+01:00"},
           {"id": 44012345678902, "product_id": 7981234567890, "title": "250 g", "price": "39.00", "sku": "",
            "inventory_policy": "deny", "inventory_management": "shopify", "inventory_quantity": 0,
            "updated_at": "2026-03-06T09:00:00+01:00"}
         ]}
        """#
}
