public import AutopilotCore
public import Engine
public import Foundation
public import Storage

/// A tenant's widget keys: public keys (`wk_…`) a shop pastes into its pages, each limited to the origins it allows.
public struct WidgetKeyService: Sendable {
    public let dependencies: Dependencies

    public init(dependencies: Dependencies) {
        self.dependencies = dependencies
    }

    /// A new key for the tenant, allowed from `origins` (`https://shop.example`, at most 20).
    public func create(tenantID: String, origins: [String], qualifiesLeads: Bool) async throws -> WidgetKeyRecord {
        guard !origins.isEmpty, origins.count <= 20 else {
            throw ChatInputError.invalid("origins", "give 1 to 20 origins such as https://shop.example")
        }
        var normalized: [String] = []
        for (index, origin) in origins.enumerated() {
            guard let value = Self.normalizedOrigin(origin) else {
                throw ChatInputError.invalid(
                    "origins[\(index)]", "\"\(origin)\" is not an origin such as https://shop.example (scheme, host, optional port)")
            }
            if !normalized.contains(value) { normalized.append(value) }
        }
        let record = WidgetKeyRecord(
            key: Self.generate(), tenantID: tenantID, origins: normalized, qualifiesLeads: qualifiesLeads, createdAt: dependencies.clock.now())
        try await dependencies.store.addWidgetKey(record)
        return record
    }

    public func list(tenantID: String) async throws -> [WidgetKeyRecord] {
        try await dependencies.store.widgetKeys(tenantID: tenantID)
    }

    public func revoke(_ key: String, tenantID: String) async throws {
        guard try await dependencies.store.revokeWidgetKey(key, tenantID: tenantID, at: dependencies.clock.now()) else {
            throw NotFoundError(what: "widget key")
        }
    }

    /// The live key a request presents, checked against the request's `Origin`: 401 for an unknown or revoked key, 403
    /// for a missing or foreign origin.
    public func authorize(key: String?, origin: String?) async throws -> WidgetKeyRecord {
        guard let key, key.hasPrefix("wk_"), key.count < 100, let record = try await dependencies.store.widgetKey(key), record.revokedAt == nil else {
            throw ChatInputError(
                category: .unauthenticated, code: "invalid_widget_key", field: "X-Widget-Key", message: "the widget key is not valid")
        }
        guard let origin, let normalized = Self.normalizedOrigin(origin), record.origins.contains(normalized) else {
            throw ChatInputError(
                category: .forbidden, code: "origin_not_allowed", field: "Origin", message: "this widget key is not allowed from this site's origin")
        }
        return record
    }

    /// `scheme://host[:port]`, lower-cased, for http and https; nil for anything else (a path, a query, user info).
    public static func normalizedOrigin(_ raw: String) -> String? {
        var value = raw.trimmingCharacters(in: .whitespaces).lowercased()
        if value.hasSuffix("/") { value.removeLast() }
        guard value.count <= 200, let components = URLComponents(string: value), let scheme = components.scheme,
            scheme == "https" || scheme == "http",
            let host = components.host, !host.isEmpty, components.path.isEmpty, components.query == nil, components.fragment == nil,
            components.user == nil, components.password == nil
        else { return nil }
        let defaultPort = scheme == "https" ? 443 : 80
        let port = components.port.flatMap { $0 == defaultPort ? nil : $0 }
        return "\(scheme)://\(host)" + (port.map { ":\($0)" } ?? "")
    }

    static func generate() -> String {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("abcdefghijkmnpqrstuvwxyz23456789")
        return "wk_" + String((0..<32).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] })
    }
}
