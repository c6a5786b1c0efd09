/// Every schema step, oldest first. The same steps run on SQLite and PostgreSQL.
public enum Migrations {
    public static let all: [Migration] = [
        foundation, scores, webhooks, flows, referrals, templatesIndex, flowIndexes, channelSettings, llmCalls, crmOutbox,
        recommendationDecidedBy, supplierOrders, integrationHealth, webhookProviders, queuedBeforeExit,
        accounts,
        messageKindsAndTenantSettings,
        dashboardToday,
        leadsAndCustomers,
        dashboardMessages,
        eventsByTenant,
        dashboardSpeed,
        readOnlyAPIKeys,
        knowledgeBase,
        tasks,
        conversations,
        assistant,
        conversationAuthors,
        voiceCalls,
        flowExperiments,
        couponsInShop,
        flowCalls,
        segmentsAndBroadcasts,
        whatsappWindow,
        mailboxPolls,
        contactTimeZones,
        privacy,
        compactEvents,
        tenantStateVersions,
        eventsWithoutChecks,
        projectionsWithoutChecks,
        ingestTablesWithoutChecksOnSQLite,
        repliesIndexedAlone,
    ]

    public static var latestVersion: Int { all.map(\.version).max() ?? 0 }

    static let foundation = Migration(
        version: 1, name: "foundation",
        template: [
            """
            CREATE TABLE tenants (
                id TEXT PRIMARY KEY,
                name TEXT NOT NULL CHECK (length(name) > 0),
                created_at {bigint} NOT NULL
            )
            """,
            """
            CREATE TABLE api_keys (
                key_hash TEXT PRIMARY KEY,
                tenant_id TEXT NOT NULL REFERENCES tenants(id),
                prefix TEXT NOT NULL,
                created_at {bigint} NOT NULL,
                revoked_at {bigint}
            )
            """,
            """
            CREATE TABLE contacts (
                id TEXT PRIMARY KEY,
                tenant_id TEXT NOT NULL REFERENCES tenants(id),
                email TEXT,
                phone TEXT,
                external_id TEXT,
                first_name TEXT,
                last_name TEXT,
                locale TEXT,
                timezone TEXT,
                birthdate TEXT,
                consent_email {bigint} CHECK (consent_email IN (0, 1)),
                consent_email_at {bigint},
                consent_email_source TEXT,
                consent_sms {bigint} CHECK (consent_sms IN (0, 1)),
                consent_sms_at {bigint},
                consent_sms_source TEXT,
                consent_whatsapp {bigint} CHECK (consent_whatsapp IN (0, 1)),
                consent_whatsapp_at {bigint},
                consent_whatsapp_source TEXT,
                attributes TEXT NOT NULL DEFAULT '{}',
                orders_count {bigint} NOT NULL DEFAULT 0 CHECK (orders_count >= 0),
                total_spent {real} NOT NULL DEFAULT 0,
                first_order_at {bigint},
                last_order_at {bigint},
                created_at {bigint} NOT NULL,
                updated_at {bigint} NOT NULL,
                CHECK (email IS NOT NULL OR phone IS NOT NULL OR external_id IS NOT NULL)
            )
            """,
            "CREATE UNIQUE INDEX contacts_email ON contacts (tenant_id, email)",
            "CREATE UNIQUE INDEX contacts_phone ON contacts (tenant_id, phone)",
            "CREATE UNIQUE INDEX contacts_external_id ON contacts (tenant_id, external_id)",
            """
            CREATE TABLE leads (
                id TEXT PRIMARY KEY,
                tenant_id TEXT NOT NULL REFERENCES tenants(id),
                external_id TEXT,
                contact_id TEXT NOT NULL REFERENCES contacts(id),
                company TEXT,
                message TEXT,
                source TEXT,
                score {bigint},
                tier TEXT,
                created_at {bigint} NOT NULL
            )
            """,
            "CREATE UNIQUE INDEX leads_external_id ON leads (tenant_id, external_id)",
            "CREATE INDEX leads_contact ON leads (tenant_id, contact_id)",
            """
            CREATE TABLE products (
                tenant_id TEXT NOT NULL REFERENCES tenants(id),
                sku TEXT NOT NULL,
                title TEXT,
                price {real} CHECK (price >= 0),
                previous_price {real},
                currency TEXT,
                consumption_days {bigint} CHECK (consumption_days > 0),
                url TEXT,
                in_stock {bigint},
                updated_at {bigint} NOT NULL,
                PRIMARY KEY (tenant_id, sku)
            )
            """,
            """
            CREATE TABLE carts (
                id TEXT PRIMARY KEY,
                tenant_id TEXT NOT NULL REFERENCES tenants(id),
                external_id TEXT NOT NULL,
                contact_id TEXT REFERENCES contacts(id),
                status TEXT NOT NULL CHECK (status IN ('open', 'abandoned', 'recovered', 'converted')),
                value {real} NOT NULL CHECK (value >= 0),
                currency TEXT,
                checkout_url TEXT,
                lines TEXT NOT NULL DEFAULT '[]',
                created_at {bigint} NOT NULL,
                updated_at {bigint} NOT NULL,
                abandoned_at {bigint},
                closed_at {bigint},
                order_external_id TEXT
            )
            """,
            "CREATE UNIQUE INDEX carts_external_id ON carts (tenant_id, external_id)",
            "CREATE INDEX carts_contact ON carts (tenant_id, contact_id, status)",
            """
            CREATE TABLE orders (
                id TEXT PRIMARY KEY,
                tenant_id TEXT NOT NULL REFERENCES tenants(id),
                external_id TEXT NOT NULL,
                contact_id TEXT REFERENCES contacts(id),
                cart_external_id TEXT,
                status TEXT NOT NULL CHECK (status IN ('pending', 'placed', 'fulfilled', 'delivered', 'refunded', 'cancelled')),
                total {real} CHECK (total >= 0),
                currency TEXT,
                refunded_amount {real} NOT NULL DEFAULT 0,
                placed_at {bigint},
                fulfilled_at {bigint},
                delivered_at {bigint},
                cancelled_at {bigint},
                refunded_at {bigint},
                tracking_number TEXT,
                carrier TEXT,
                tracking_url TEXT,
                updated_at {bigint} NOT NULL
            )
            """,
            "CREATE UNIQUE INDEX orders_external_id ON orders (tenant_id, external_id)",
            "CREATE INDEX orders_contact ON orders (tenant_id, contact_id, placed_at)",
            """
            CREATE TABLE order_lines (
                order_id TEXT NOT NULL REFERENCES orders(id),
                line_number {bigint} NOT NULL,
                tenant_id TEXT NOT NULL REFERENCES tenants(id),
                sku TEXT NOT NULL,
                quantity {bigint} NOT NULL CHECK (quantity > 0),
                price {real} NOT NULL CHECK (price >= 0),
                PRIMARY KEY (order_id, line_number)
            )
            """,
            "CREATE INDEX order_lines_sku ON order_lines (tenant_id, sku)",
            """
            CREATE TABLE wishlist_items (
                tenant_id TEXT NOT NULL REFERENCES tenants(id),
                contact_id TEXT NOT NULL REFERENCES contacts(id),
                sku TEXT NOT NULL,
                added_at {bigint} NOT NULL,
                PRIMARY KEY (tenant_id, contact_id, sku)
            )
            """,
            "CREATE INDEX wishlist_sku ON wishlist_items (tenant_id, sku)",
            """
            CREATE TABLE reviews (
                id TEXT PRIMARY KEY,
                tenant_id TEXT NOT NULL REFERENCES tenants(id),
                contact_id TEXT NOT NULL REFERENCES contacts(id),
                order_external_id TEXT,
                sku TEXT,
                rating {bigint} NOT NULL CHECK (rating BETWEEN 1 AND 5),
                has_photo {bigint} NOT NULL CHECK (has_photo IN (0, 1)),
                text TEXT,
                submitted_at {bigint} NOT NULL
            )
            """,
            "CREATE INDEX reviews_sku ON reviews (tenant_id, sku)",
            """
            CREATE TABLE messages (
                id TEXT PRIMARY KEY,
                tenant_id TEXT NOT NULL REFERENCES tenants(id),
                external_id TEXT NOT NULL,
                contact_id TEXT REFERENCES contacts(id),
                channel TEXT NOT NULL CHECK (channel IN ('email', 'sms', 'whatsapp')),
                origin TEXT NOT NULL,
                template TEXT,
                subject TEXT,
                status TEXT NOT NULL,
                sent_at {bigint},
                delivered_at {bigint},
                opened_at {bigint},
                clicked_at {bigint},
                replied_at {bigint},
                bounced_at {bigint},
                failed_at {bigint},
                updated_at {bigint} NOT NULL
            )
            """,
            "CREATE UNIQUE INDEX messages_external_id ON messages (tenant_id, external_id)",
            "CREATE INDEX messages_contact ON messages (tenant_id, contact_id, sent_at)",
            """
            CREATE TABLE message_events (
                seq {seq},
                tenant_id TEXT NOT NULL REFERENCES tenants(id),
                message_id TEXT NOT NULL REFERENCES messages(id),
                type TEXT NOT NULL,
                occurred_at {bigint} NOT NULL
            )
            """,
            "CREATE INDEX message_events_message ON message_events (message_id, occurred_at)",
            """
            CREATE TABLE events (
                seq {seq},
                tenant_id TEXT NOT NULL REFERENCES tenants(id),
                id TEXT NOT NULL,
                type TEXT NOT NULL,
                occurred_at {bigint} NOT NULL,
                received_at {bigint} NOT NULL,
                idempotency_key TEXT,
                contact_id TEXT REFERENCES contacts(id),
                properties TEXT NOT NULL
            )
            """,
            "CREATE UNIQUE INDEX events_idempotency ON events (tenant_id, idempotency_key)",
            "CREATE INDEX events_contact ON events (tenant_id, contact_id, seq)",
            "CREATE INDEX events_type ON events (tenant_id, type, seq)",
        ])

    static let scores = Migration(
        version: 2, name: "scores_and_recommendation_decisions",
        template: [
            "ALTER TABLE contacts ADD COLUMN churn_score {real}",
            "ALTER TABLE contacts ADD COLUMN churn_band TEXT",
            "ALTER TABLE contacts ADD COLUMN rfm_segment TEXT",
            "ALTER TABLE contacts ADD COLUMN clv {real}",
            "ALTER TABLE contacts ADD COLUMN p_alive {real}",
            "ALTER TABLE contacts ADD COLUMN scored_at {bigint}",
            """
            CREATE TABLE recommendation_decisions (
                tenant_id TEXT NOT NULL REFERENCES tenants(id),
                recommendation_id TEXT NOT NULL,
                contact_id TEXT REFERENCES contacts(id),
                status TEXT NOT NULL CHECK (status IN ('accepted', 'dismissed', 'snoozed')),
                until_at {bigint},
                decided_at {bigint} NOT NULL,
                PRIMARY KEY (tenant_id, recommendation_id)
            )
            """,
        ])

    static let webhooks = Migration(
        version: 3, name: "webhook_endpoints_and_deliveries",
        template: [
            """
            CREATE TABLE webhook_endpoints (
                tenant_id TEXT NOT NULL REFERENCES tenants(id),
                provider TEXT NOT NULL CHECK (provider IN ('shopify', 'woocommerce', 'stripe', 'twilio')),
                token TEXT NOT NULL UNIQUE,
                secret TEXT NOT NULL,
                created_at {bigint} NOT NULL,
                PRIMARY KEY (tenant_id, provider)
            )
            """,
            """
            CREATE TABLE webhook_deliveries (
                tenant_id TEXT NOT NULL REFERENCES tenants(id),
                delivery_id TEXT NOT NULL,
                received_at {bigint} NOT NULL,
                events {bigint} NOT NULL,
                PRIMARY KEY (tenant_id, delivery_id)
            )
            """,
        ])
}
