import AutopilotCore
import Foundation

/// What `sealStoredSecrets` did: values sealed for the first time, values re-sealed from a previous key.
public struct SecretSealingReport: Sendable, Equatable {
    public var sealed: Int
    public var resealed: Int

    public init(sealed: Int, resealed: Int) {
        self.sealed = sealed
        self.resealed = resealed
    }
}

extension SQLStore {
    /// The instance secret that proves which key seals this database's secrets.
    public static let keyCheckName = "secret_key_check"

    static func channelSecretsName(_ channel: String) -> String { "channel_settings.\(channel).secrets" }
    static func webhookSecretName(_ provider: String) -> String { "webhook_endpoints.\(provider).secret" }
    static func instanceSecretName(_ name: String) -> String { "instance_secrets.\(name)" }

    /// `value` as it is stored: sealed when the store has a cipher.
    func sealed(_ value: String, name: String, tenantID: String) throws -> String {
        guard let cipher else { return value }
        return try cipher.seal(value, name: name, tenantID: tenantID)
    }

    /// The clear value of a stored text: a text stored before secrets were sealed reads as it is.
    func opened(_ stored: String, name: String, tenantID: String) throws -> String {
        guard SettingsCipher.isSealed(stored) else { return stored }
        guard let cipher else {
            throw ConfigurationError(variable: SettingsCipher.variable, reason: "is needed to read the stored secrets (\(name)), which are encrypted")
        }
        guard let clear = cipher.open(stored, name: name, tenantID: tenantID) else {
            throw ConfigurationError(
                variable: SettingsCipher.variable,
                reason: "does not open the stored secret \(name)\(tenantID.isEmpty ? "" : " of tenant \(tenantID)"): it was sealed with another key")
        }
        return clear
    }

    /// Whether this database already holds secrets sealed by some key (its key check).
    public func hasSealedSecrets() async throws -> Bool {
        let rows = try await database.read([SQLStatement("SELECT 1 FROM instance_secrets WHERE name = ?", [.text(Self.keyCheckName)])])
        return !rows[0].isEmpty
    }

    /// Seals, in one transaction, every secret still stored in clear (channel secrets, webhook signing secrets, instance
    /// secrets) and re-seals with the current key every value sealed with a previous one (tenants' secret settings
    /// included). Idempotent: a second run changes nothing. Throws a `ConfigurationError` naming `AUTOPILOT_SECRET_KEY`
    /// when the key does not open what the database holds, before writing anything.
    @discardableResult
    public func sealStoredSecrets(now: Date) async throws -> SecretSealingReport {
        guard let cipher else { throw ConfigurationError(variable: SettingsCipher.variable, reason: "is needed to seal the stored secrets") }
        let reads = [
            SQLStatement("SELECT tenant_id, channel, secrets FROM channel_settings WHERE secrets IS NOT NULL ORDER BY tenant_id, channel"),
            SQLStatement("SELECT tenant_id, provider, secret FROM webhook_endpoints ORDER BY tenant_id, provider"),
            SQLStatement("SELECT name, value FROM instance_secrets ORDER BY name"),
            SQLStatement("SELECT tenant_id, name, value FROM tenant_settings WHERE value LIKE 'enc:v1:%' ORDER BY tenant_id, name"),
        ]
        return try await database.transaction(lock: nil, reads: reads) { rows in
            var report = SecretSealingReport(sealed: 0, resealed: 0)
            var writes: [SQLWrite] = []
            func update(_ stored: String, name: String, tenantID: String, sql: String, keys: [SQLValue], counted: Bool = true) throws {
                let clear: String
                if SettingsCipher.isSealed(stored) {
                    guard let opening = cipher.opening(stored, name: name, tenantID: tenantID) else {
                        throw ConfigurationError(
                            variable: SettingsCipher.variable,
                            reason: "is not the key this database's secrets were sealed with (\(name)\(tenantID.isEmpty ? "" : " of tenant \(tenantID)") does not open)")
                    }
                    if opening.current { return }
                    clear = opening.clear
                    if counted { report.resealed += 1 }
                } else {
                    clear = stored
                    if counted { report.sealed += 1 }
                }
                let value = try cipher.seal(clear, name: name, tenantID: tenantID)
                writes.append(.statement(SQLStatement(sql, [.text(value)] + keys + [.text(stored)])))
            }
            let checkName = Self.instanceSecretName(Self.keyCheckName)
            if let check = rows[2].first(where: { $0.text(0) == Self.keyCheckName }), let stored = check.text(1) {
                try update(stored, name: checkName, tenantID: "", sql: "UPDATE instance_secrets SET value = ? WHERE name = ? AND value = ?",
                    keys: [.text(Self.keyCheckName)], counted: false)
            } else {
                writes.append(
                    .insert(
                        table: "instance_secrets", columns: ["name", "value", "created_at"],
                        rows: [[.text(Self.keyCheckName), .text(try cipher.seal("autopilot", name: checkName, tenantID: "")), .date(now)]],
                        conflict: "ON CONFLICT (name) DO NOTHING"))
            }
            for row in rows[0] {
                guard let tenantID = row.text(0), let channel = row.text(1), let stored = row.text(2) else { continue }
                try update(
                    stored, name: Self.channelSecretsName(channel), tenantID: tenantID,
                    sql: "UPDATE channel_settings SET secrets = ? WHERE tenant_id = ? AND channel = ? AND secrets = ?", keys: [.text(tenantID), .text(channel)])
            }
            for row in rows[1] {
                guard let tenantID = row.text(0), let provider = row.text(1), let stored = row.text(2) else { continue }
                try update(
                    stored, name: Self.webhookSecretName(provider), tenantID: tenantID,
                    sql: "UPDATE webhook_endpoints SET secret = ? WHERE tenant_id = ? AND provider = ? AND secret = ?",
                    keys: [.text(tenantID), .text(provider)])
            }
            for row in rows[2] where row.text(0) != Self.keyCheckName {
                guard let name = row.text(0), let stored = row.text(1) else { continue }
                try update(
                    stored, name: Self.instanceSecretName(name), tenantID: "", sql: "UPDATE instance_secrets SET value = ? WHERE name = ? AND value = ?",
                    keys: [.text(name)])
            }
            for row in rows[3] {
                guard let tenantID = row.text(0), let name = row.text(1), let stored = row.text(2) else { continue }
                try update(
                    stored, name: name, tenantID: tenantID, sql: "UPDATE tenant_settings SET value = ? WHERE tenant_id = ? AND name = ? AND value = ?",
                    keys: [.text(tenantID), .text(name)])
            }
            return (writes, report)
        }
    }
}
