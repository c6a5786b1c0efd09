extension Migrations {
    /// The dashboard's accounts: its users (an email belongs to one tenant for the whole install, a role, a scrypt hash with
    /// its parameters), their sessions and one-time login links (only SHA-256 hashes of the raw tokens), the login attempts
    /// that rate limiting counts, and each tenant's time zone (UTC until it chooses one).
    static let accounts = Migration(
        version: 17, name: "dashboard_accounts",
        template: [
            "ALTER TABLE tenants ADD COLUMN time_zone TEXT NOT NULL DEFAULT 'UTC'",
            """
            CREATE TABLE dashboard_users (
                id TEXT PRIMARY KEY,
                tenant_id TEXT NOT NULL REFERENCES tenants(id),
                email TEXT NOT NULL UNIQUE CHECK (length(email) > 2),
                role TEXT NOT NULL CHECK (role IN ('owner', 'editor', 'viewer')),
                password_hash TEXT NOT NULL CHECK (length(password_hash) > 0),
                language TEXT,
                created_at {bigint} NOT NULL,
                updated_at {bigint} NOT NULL
            )
            """,
            "CREATE INDEX dashboard_users_tenant ON dashboard_users (tenant_id, email)",
            """
            CREATE TABLE dashboard_sessions (
                token_hash TEXT PRIMARY KEY CHECK (length(token_hash) = 64),
                user_id TEXT NOT NULL REFERENCES dashboard_users(id),
                tenant_id TEXT NOT NULL REFERENCES tenants(id),
                csrf_token TEXT NOT NULL CHECK (length(csrf_token) >= 32),
                created_at {bigint} NOT NULL,
                expires_at {bigint} NOT NULL,
                last_seen_at {bigint} NOT NULL
            )
            """,
            "CREATE INDEX dashboard_sessions_user ON dashboard_sessions (user_id)",
            "CREATE INDEX dashboard_sessions_expiry ON dashboard_sessions (expires_at)",
            """
            CREATE TABLE login_attempts (
                seq {seq},
                key TEXT NOT NULL CHECK (length(key) > 0),
                attempted_at {bigint} NOT NULL,
                succeeded {bigint} NOT NULL CHECK (succeeded IN (0, 1))
            )
            """,
            "CREATE INDEX login_attempts_key ON login_attempts (key, attempted_at)",
            "CREATE INDEX login_attempts_time ON login_attempts (attempted_at)",
            """
            CREATE TABLE login_links (
                token_hash TEXT PRIMARY KEY CHECK (length(token_hash) = 64),
                user_id TEXT NOT NULL REFERENCES dashboard_users(id),
                tenant_id TEXT NOT NULL REFERENCES tenants(id),
                expires_at {bigint} NOT NULL,
                used_at {bigint}
            )
            """,
            "CREATE INDEX login_links_user ON login_links (user_id)",
        ])
}
