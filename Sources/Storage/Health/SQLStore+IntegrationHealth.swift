import AutopilotCore
import Foundation

/// Where the instance's integrations stand (`integration_health`).
public protocol IntegrationHealthStore: Sendable {
    /// Adds a batch's outcomes: counts are summed, the latest success and failure kept.
    func recordIntegrationOutcomes(_ tally: IntegrationTally, at: Date) async throws
    func integrationHealth() async throws -> [IntegrationHealthRecord]
    /// How many tenants chose each provider for each channel (`channel_settings`).
    func channelProviderChoices() async throws -> [(provider: String, channel: String, tenants: Int)]
}

extension SQLStore {
    public func recordIntegrationOutcomes(_ tally: IntegrationTally, at: Date) async throws {
        guard !tally.isEmpty else { return }
        let statement = """
            INSERT INTO integration_health (name, kind, successes, failures, last_success_at, last_error_at, last_error, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (name) DO UPDATE SET
                kind = excluded.kind,
                successes = integration_health.successes + excluded.successes,
                failures = integration_health.failures + excluded.failures,
                last_success_at = COALESCE(excluded.last_success_at, integration_health.last_success_at),
                last_error_at = COALESCE(excluded.last_error_at, integration_health.last_error_at),
                last_error = COALESCE(excluded.last_error, integration_health.last_error),
                updated_at = excluded.updated_at
            """
        try await database.transaction(lock: nil, reads: []) { _ in
            let writes = tally.records.values.sorted { $0.name < $1.name }.map { record in
                SQLWrite.statement(
                    SQLStatement(
                        statement,
                        [
                            .text(record.name), .text(record.kind.rawValue), .integer(record.successes), .integer(record.failures),
                            .date(record.lastSuccessAt),
                            .date(record.lastErrorAt), .text(record.lastError), .date(at),
                        ]))
            }
            return (writes, ())
        }
    }

    public func integrationHealth() async throws -> [IntegrationHealthRecord] {
        let rows = try await database.read([
            SQLStatement("SELECT name, kind, successes, failures, last_success_at, last_error_at, last_error FROM integration_health ORDER BY name")
        ])
        return rows[0].map {
            IntegrationHealthRecord(
                name: $0.text(0) ?? "", kind: IntegrationKind(stored: $0.text(1)), successes: Int($0.int(2) ?? 0), failures: Int($0.int(3) ?? 0),
                lastSuccessAt: $0.date(4),
                lastErrorAt: $0.date(5), lastError: $0.text(6))
        }
    }

    public func channelProviderChoices() async throws -> [(provider: String, channel: String, tenants: Int)] {
        let rows = try await database.read([
            SQLStatement("SELECT provider, channel, COUNT(*) FROM channel_settings GROUP BY provider, channel ORDER BY provider, channel")
        ])
        return rows[0].map { (provider: $0.text(0) ?? "", channel: $0.text(1) ?? "", tenants: Int($0.int(2) ?? 0)) }
    }
}
