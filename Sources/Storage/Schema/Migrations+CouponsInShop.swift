extension Migrations {
    /// Coupons as the shop knows them: the fixed `amount` (the `percent` stays 0 for those), `free_shipping`, the
    /// `minimum_order`, the shop that holds the code (`shopify`, `woocommerce`, NULL: Autopilot only) with its id there and
    /// a note in plain words, and the order that used the code (`redeemed_order_id`, `redeemed_at`, from `order.placed`
    /// naming it in `discount_codes`).
    static let couponsInShop = Migration(
        version: 34, name: "coupons_in_shop",
        template: [
            "ALTER TABLE coupons ADD COLUMN amount {real}",
            "ALTER TABLE coupons ADD COLUMN free_shipping {bigint} NOT NULL DEFAULT 0 CHECK (free_shipping IN (0, 1))",
            "ALTER TABLE coupons ADD COLUMN minimum_order {real}",
            "ALTER TABLE coupons ADD COLUMN shop TEXT",
            "ALTER TABLE coupons ADD COLUMN shop_coupon_id TEXT",
            "ALTER TABLE coupons ADD COLUMN shop_note TEXT",
            "ALTER TABLE coupons ADD COLUMN redeemed_order_id TEXT",
            "ALTER TABLE coupons ADD COLUMN redeemed_at {bigint}",
            "CREATE INDEX coupons_message ON coupons (tenant_id, message_id)",
        ])
}
