import AutopilotCore
import Foundation
import Storage

/// One integration as `GET /health` and `autopilot health` show it: whether and how it is configured, and how it has
/// been doing. `status` is `ok` (its latest outcome worked), `failing` (its latest outcome failed), `idle` (configured,
/// nothing recorded yet) or `unusable` (configured with values that cannot be used).
public struct IntegrationStatus: Sendable, Codable, Equatable {
    /// How an integration is doing. Raw values are what `GET /health` shows.
    public enum State: String, Sendable, Hashable, Codable, CaseIterable {
        /// Its latest outcome worked.
        case ok
        /// Its latest outcome failed.
        case failing
        /// Configured, nothing recorded yet.
        case idle
        /// Configured with values that cannot be used.
        case unusable
    }

    public var name: String
    public var kind: IntegrationKind
    /// `environment: …`, `tenants: email 2`, or `not configured` (outcomes recorded before the configuration changed).
    public var configured: String
    public var status: State
    public var successes: Int
    public var failures: Int
    public var lastSuccessAt: String?
    public var lastErrorAt: String?
    public var lastError: String?

    enum CodingKeys: String, CodingKey {
        case name, kind, configured, status, successes, failures
        case lastSuccessAt = "last_success_at", lastErrorAt = "last_error_at", lastError = "last_error"
    }

    /// Everything configured or recorded, sorted by kind then name. `detailed: false` (the unauthenticated `/health`) keeps
    /// only the error's code, never its text (which may name a recipient).
    public static func list(
        inventory: IntegrationInventory, records: [IntegrationHealthRecord], tenantChoices: [(provider: String, channel: String, tenants: Int)],
        detailed: Bool
    ) -> [IntegrationStatus] {
        var byName: [String: IntegrationStatus] = [:]
        for entry in inventory.entries {
            byName[entry.name] = IntegrationStatus(
                name: entry.name, kind: entry.kind, configured: "environment: " + entry.detail, status: entry.usable ? .idle : .unusable,
                successes: 0, failures: 0)
        }
        for choice in tenantChoices where choice.provider != "log" {
            let name = choice.provider
            let note = "tenants: \(choice.channel) \(choice.tenants)"
            if var existing = byName[name] {
                existing.configured += "; " + note
                byName[name] = existing
            } else {
                byName[name] = IntegrationStatus(name: name, kind: .channel, configured: note, status: .idle, successes: 0, failures: 0)
            }
        }
        for record in records where record.name != "log" {
            var status =
                byName[record.name]
                ?? IntegrationStatus(name: record.name, kind: record.kind, configured: "not configured", status: .idle, successes: 0, failures: 0)
            status.successes = record.successes
            status.failures = record.failures
            status.lastSuccessAt = record.lastSuccessAt.map(Timestamp.format)
            status.lastErrorAt = record.lastErrorAt.map(Timestamp.format)
            status.lastError = record.lastError.map { detailed ? $0 : Self.code(of: $0) }
            if status.status != .unusable {
                let failing = record.lastErrorAt.map { error in record.lastSuccessAt.map { error > $0 } ?? true } ?? false
                status.status = failing ? .failing : (record.lastSuccessAt == nil ? .idle : .ok)
            }
            byName[record.name] = status
        }
        return byName.values.sorted { ($0.kind, $0.name) < ($1.kind, $1.name) }
    }

    /// `twilio_21211: twilio 400 21211: The 'To' number …` → `twilio_21211`.
    static func code(of error: String) -> String {
        String(error.prefix { $0 != ":" }.prefix(80))
    }
}
