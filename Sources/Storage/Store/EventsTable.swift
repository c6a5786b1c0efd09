import AutopilotCore

/// The events table since migration 42: rows carry the tenant's integer key (`tenant_keys`), not its id, and the properties
/// in their stored form (`StoredProperties`).
enum EventsTable {
    /// The unique index that holds each idempotency key of a tenant once.
    static let idempotencyIndex = "events_idempotency"
    /// The condition on a tenant's events, for one `?` bound to the tenant id (evaluated once, then an index lookup).
    static let tenantMatch = "tenant_key = (SELECT tenant_key FROM tenant_keys WHERE tenant_id = ?)"

    /// The read of a tenant's key, for writes.
    static func tenantKeyRead(_ tenantID: String) -> SQLStatement {
        SQLStatement("SELECT tenant_key FROM tenant_keys WHERE tenant_id = ?", [.text(tenantID)])
    }
}

extension SQLRow {
    /// An event's properties, read from their stored form.
    func eventProperties(_ index: Int) -> JSONObject {
        guard let text = text(index), let value = try? JSONParser.parse(StoredProperties.decode(text)), case .object(let object) = value else {
            return JSONObject()
        }
        return object
    }
}

extension SQLValue {
    /// An event's properties in their stored form.
    static func eventProperties(_ object: JSONObject) -> SQLValue { .text(StoredProperties.encode(bytes: JSONValue.object(object).jsonBytes)) }
}

/// Events were sent for a tenant the store does not have. Nothing was written.
public struct UnknownTenant: AutopilotError, Equatable, CustomStringConvertible {
    public var tenantID: String
    public var code: String { "tenant_not_found" }
    public var category: ErrorCategory { .notFound }
    public var message: String { "tenant \(tenantID) does not exist" }
    public var description: String { message }
}
