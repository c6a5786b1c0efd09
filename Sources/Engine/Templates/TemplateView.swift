import AutopilotCore
import Flows
import Foundation

/// A template as the API and the CLI show it: the template itself, where it comes from, and whether flows send it.
public struct TemplateView: Sendable, Hashable {
    /// Where a template comes from.
    public enum Source: String, Sendable, Hashable {
        /// Shipped with Autopilot (the `TemplateLibrary`); read-only, copied by editing it.
        case builtIn = "builtin"
        /// Written by (or for) the tenant.
        case tenant
    }

    /// `NAME@VERSION` for the tenant's versions, `NAME@builtin` for the built-in ones (see `TemplateID`).
    public var id: String
    public var source: Source
    public var template: MessageTemplate
    /// Whether flows send this one now: the tenant's active version, or the built-in one when the tenant has no active version.
    public var inUse: Bool
    public var createdAt: Date?
    public var updatedAt: Date?

    public init(source: Source, template: MessageTemplate, inUse: Bool, createdAt: Date? = nil, updatedAt: Date? = nil) {
        let version: TemplateID.Version = source == .builtIn ? .builtIn : .number(template.version)
        self.id = TemplateID(name: template.name, version: version).description
        self.source = source
        self.template = template
        self.inUse = inUse
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    /// The JSON the API answers: the template's fields (`MessageTemplate.jsonObject`) with `id`, `source`, `in_use`,
    /// `created_at` and `updated_at`.
    public var jsonObject: JSONObject {
        var object: JSONObject = ["id": .string(id), "source": .string(source.rawValue)]
        for (key, value) in template.jsonObject { object[key] = value }
        object["in_use"] = .bool(inUse)
        object["created_at"] = createdAt.map { .string(Timestamp.format($0)) } ?? .null
        object["updated_at"] = updatedAt.map { .string(Timestamp.format($0)) } ?? .null
        return object
    }
}
