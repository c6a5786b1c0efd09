import Foundation

/// A tenant's settings: one text value per name (`recommendations.daily_limit`, `currency`…). What a name means and
/// how its value reads is the engine's business; here they are kept, per tenant, and never shared.
public protocol TenantSettingsStore: Sendable {
    /// Every setting of the tenant, by name.
    func tenantSettings(tenantID: String) async throws -> [String: String]
    /// Sets `name` to `value` (nil removes it).
    func setTenantSetting(_ name: String, to value: String?, tenantID: String, now: Date) async throws
}
