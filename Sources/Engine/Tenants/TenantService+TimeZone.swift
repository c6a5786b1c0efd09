import AutopilotCore
import Foundation
import Storage

extension TenantService {
    /// The tenant's time zone (UTC until it chooses one). An unknown tenant is refused naming `tenant_id`.
    /// (Foundation may name UTC `GMT`; `timeZoneIdentifier` gives the name as the tenant chose it, for display.)
    public func timeZone(tenantID: String) async throws -> TimeZone {
        let identifier = try await timeZoneIdentifier(tenantID: tenantID)
        return TimeZone(identifier: identifier) ?? TimeZone(identifier: "UTC") ?? .gmt
    }

    /// The tenant's time zone identifier as stored (`UTC`, `Europe/Paris`). An unknown tenant is refused naming `tenant_id`.
    public func timeZoneIdentifier(tenantID: String) async throws -> String {
        guard let identifier = try await dependencies.store.tenantTimeZone(tenantID: tenantID) else {
            throw ValidationError(code: "unknown_tenant", field: "tenant_id", message: "no tenant \"\(tenantID)\"")
        }
        return identifier
    }

    /// Sets the tenant's time zone from an IANA identifier such as `Europe/Paris`; an unknown one is refused naming `time_zone`.
    public func setTimeZone(tenantID: String, identifier: String) async throws {
        let trimmed = identifier.trimmingCharacters(in: .whitespacesAndNewlines)
        guard Self.knownTimeZone(trimmed) != nil else {
            throw ValidationError(
                code: "invalid_time_zone", field: "time_zone", message: "\"\(identifier)\" is not a time zone such as Europe/Paris or UTC")
        }
        guard try await dependencies.store.setTenantTimeZone(tenantID: tenantID, identifier: trimmed) else {
            throw ValidationError(code: "unknown_tenant", field: "tenant_id", message: "no tenant \"\(tenantID)\"")
        }
    }

    /// A zone from the IANA list (or UTC/GMT); Foundation also reads offsets such as `GMT+5`, which are refused here.
    static func knownTimeZone(_ identifier: String) -> TimeZone? {
        guard identifier == "UTC" || identifier == "GMT" || TimeZone.knownTimeZoneIdentifiers.contains(identifier) else { return nil }
        return TimeZone(identifier: identifier)
    }
}
