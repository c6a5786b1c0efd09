extension Migrations {
    /// Referral conversions: a referred contact's first order placed with a referrer's code, rewarded once.
    static let referrals = Migration(
        version: 5, name: "referrals",
        template: [
            """
            CREATE TABLE referrals (
                tenant_id TEXT NOT NULL REFERENCES tenants(id),
                referred_contact_id TEXT NOT NULL,
                referrer_contact_id TEXT NOT NULL,
                code TEXT NOT NULL,
                order_id TEXT NOT NULL,
                order_total {real} NOT NULL,
                currency TEXT,
                referrer_reward TEXT NOT NULL,
                referred_reward TEXT NOT NULL,
                converted_at {bigint} NOT NULL,
                PRIMARY KEY (tenant_id, referred_contact_id)
            )
            """,
            "CREATE INDEX referrals_referrer ON referrals (tenant_id, referrer_contact_id)",
        ])
}
