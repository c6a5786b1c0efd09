import AutopilotCore
import Foundation

extension SQLStore {
    public func saveChannelSettings(_ record: ChannelSettingsRecord) async throws {
        let secrets = try record.secrets.map {
            try sealed(JSONValue.object($0).jsonString, name: Self.channelSecretsName(record.channel.rawValue), tenantID: record.tenantID)
        }
        try await database.transaction(lock: nil, reads: []) { _ in
            let write = SQLWrite.upsert(
                table: "channel_settings", columns: ["tenant_id", "channel", "provider", "settings", "secrets", "updated_at"],
                key: ["tenant_id", "channel"],
                rows: [
                    [
                        .text(record.tenantID), .text(record.channel.rawValue), .text(record.provider), .json(record.settings),
                        .text(secrets), .date(record.updatedAt),
                    ]
                ])
            return ([write], ())
        }
    }

    public func removeChannelSettings(tenantID: String, channel: Channel) async throws -> Bool {
        let read = SQLStatement("SELECT 1 FROM channel_settings WHERE tenant_id = ? AND channel = ?", [.text(tenantID), .text(channel.rawValue)])
        return try await database.transaction(lock: nil, reads: [read]) { rows in
            guard !rows[0].isEmpty else { return ([], false) }
            let delete = SQLStatement("DELETE FROM channel_settings WHERE tenant_id = ? AND channel = ?", [.text(tenantID), .text(channel.rawValue)])
            return ([.statement(delete)], true)
        }
    }

    public func channelSettings(tenantID: String) async throws -> [ChannelSettingsRecord] {
        let rows = try await database.read([
            SQLStatement(
                "SELECT tenant_id, channel, provider, settings, CASE WHEN secrets IS NULL THEN 0 ELSE 1 END, updated_at"
                    + " FROM channel_settings WHERE tenant_id = ? ORDER BY channel", [.text(tenantID)])
        ])
        return rows[0].compactMap { row in
            guard let channel = Channel(rawValue: row.text(1) ?? "") else { return nil }
            return ChannelSettingsRecord(
                tenantID: row.text(0) ?? "", channel: channel, provider: row.text(2) ?? "log", settings: row.json(3), secrets: nil,
                hasSecrets: row.bool(4) ?? false, updatedAt: row.date(5) ?? .distantPast)
        }
    }

    public func channelSettingsForSending(tenantIDs: Set<String>) async throws -> [ChannelSettingsRecord] {
        guard !tenantIDs.isEmpty else { return [] }
        let ids = tenantIDs.sorted()
        let rows = try await database.read([
            SQLStatement(
                "SELECT tenant_id, channel, provider, settings, secrets, updated_at FROM channel_settings WHERE tenant_id IN "
                    + SQLStatement.placeholders(ids.count) + " ORDER BY tenant_id, channel", ids.map(SQLValue.text))
        ])
        return try rows[0].compactMap { row in
            guard let channel = Channel(rawValue: row.text(1) ?? "") else { return nil }
            let tenantID = row.text(0) ?? ""
            let secrets = try row.text(4).map { stored -> JSONObject in
                let text = try opened(stored, name: Self.channelSecretsName(channel.rawValue), tenantID: tenantID)
                guard case .object(let object) = try? JSONParser.parse(text) else { return JSONObject() }
                return object
            }
            return ChannelSettingsRecord(
                tenantID: tenantID, channel: channel, provider: row.text(2) ?? "log", settings: row.json(3), secrets: secrets,
                updatedAt: row.date(5) ?? .distantPast)
        }
    }

    public func instanceSecret(name: String, candidate: String, at: Date) async throws -> String {
        let read = SQLStatement("SELECT value FROM instance_secrets WHERE name = ?", [.text(name)])
        let place = Self.instanceSecretName(name)
        if let existing = try await database.read([read])[0].first?.text(0) { return try opened(existing, name: place, tenantID: "") }
        let stored = try sealed(candidate, name: place, tenantID: "")
        try await database.transaction(lock: nil, reads: []) { _ in
            let insert = SQLWrite.insert(
                table: "instance_secrets", columns: ["name", "value", "created_at"], rows: [[.text(name), .text(stored), .date(at)]],
                conflict: "ON CONFLICT (name) DO NOTHING")
            return ([insert], ())
        }
        return try opened(try await database.read([read])[0].first?.text(0) ?? stored, name: place, tenantID: "")
    }

    public func outboxMessage(id: String, tenantID: String) async throws -> OutboxRecord? {
        let rows = try await database.read([
            SQLStatement(
                "SELECT \(OutboxRecord.columns.joined(separator: ", ")) FROM outbox WHERE id = ? AND tenant_id = ?", [.text(id), .text(tenantID)])
        ])
        return rows[0].first.map { OutboxRecord(row: $0) }
    }
}
