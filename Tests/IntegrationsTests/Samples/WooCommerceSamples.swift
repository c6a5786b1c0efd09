/// WooCommerce webhook bodies: the REST API v3 order and customer resources the topics deliver.
enum WooCommerceSamples {
    static let orderCreated = #"""
        {
          "id": 4750,
          "parent_id": 0,
          "number": "4750",
          "order_key": "wc_order_Q6tuhq12KJOel",
          "created_via": "checkout",
          "status": "processing",
          "currency": "MAD",
          "date_created": "2026-03-01T11:00:00",
          "date_created_gmt": "2026-03-01T10:00:00",
          "date_modified_gmt": "2026-03-01T10:00:05",
          "total": "349.00",
          "customer_id": 52,
          "cart_hash": "8c1f0a4e7d2b9c3e5f6a1b2c3d4e5f60",
          "billing": {"first_name": "Youssef", "last_name": "Alami", "email": "youssef.alami@example.ma", "phone": "+212 6 61 23 45 67",
                      "city": "Casablanca", "country": "MA"},
          "shipping": {"first_name": "Youssef", "last_name": "Alami", "phone": ""},
          "line_items": [
            {"id": 315, "name": "Huile d'argan 100 ml", "product_id": 93, "variation_id": 0, "quantity": 2, "subtotal": "298.00",
             "total": "298.00", "sku": "ARG-100", "price": 149},
            {"id": 316, "name": "Savon noir", "product_id": 94, "variation_id": 0, "quantity": 1, "subtotal": "51.00", "total": "51.00",
             "sku": "", "price": 51}
          ],
          "refunds": [],
          "meta_data": []
        }
        """#

    static let orderCompleted = #"""
        {
          "id": 4750,
          "status": "completed",
          "currency": "MAD",
          "date_modified_gmt": "2026-03-03T15:00:00",
          "date_completed_gmt": "2026-03-03T14:59:00",
          "total": "349.00",
          "customer_id": 52,
          "billing": {"email": "youssef.alami@example.ma", "phone": "0661234567"},
          "line_items": [],
          "refunds": [],
          "meta_data": [
            {"id": 9001, "key": "_wc_shipment_tracking_items",
             "value": [{"tracking_provider": "Amana", "custom_tracking_provider": "", "tracking_number": "EE123456789MA",
                        "custom_tracking_link": "", "date_shipped": "1772546400", "tracking_id": "a1b2"}]}
          ]
        }
        """#

    static let orderPartiallyRefunded = #"""
        {
          "id": 4750,
          "status": "completed",
          "currency": "MAD",
          "date_modified_gmt": "2026-03-09T09:00:00",
          "total": "349.00",
          "customer_id": 52,
          "billing": {"email": "youssef.alami@example.ma"},
          "refunds": [{"id": 4801, "reason": "Flacon cassé", "total": "-149.00"}],
          "meta_data": []
        }
        """#

    static let guestOrderRefunded = #"""
        {"id": 4760, "status": "refunded", "currency": "EUR", "date_modified_gmt": "2026-03-09T09:00:00", "total": "19.90",
         "customer_id": 0, "billing": {"email": "", "phone": "01 23 45 67 89"}, "refunds": [], "meta_data": []}
        """#

    static let orderProcessing = #"""
        {"id": 4750, "status": "processing", "currency": "MAD", "date_modified_gmt": "2026-03-01T10:05:00", "total": "349.00",
         "customer_id": 52, "billing": {"email": "youssef.alami@example.ma"}, "refunds": []}
        """#

    static let customerCreated = #"""
        {
          "id": 52,
          "date_created": "2026-03-01T10:58:00",
          "date_created_gmt": "2026-03-01T09:58:00",
          "date_modified_gmt": "2026-03-01T09:58:00",
          "email": "youssef.alami@example.ma",
          "first_name": "Youssef",
          "last_name": "Alami",
          "role": "customer",
          "username": "youssef.alami",
          "billing": {"email": "youssef.alami@example.ma", "phone": "+212661234567"},
          "shipping": {},
          "is_paying_customer": false
        }
        """#
}
