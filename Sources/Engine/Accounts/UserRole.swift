/// What a dashboard user may do in their tenant. The raw values are persisted and never change.
public enum UserRole: String, Sendable, Codable, CaseIterable {
    /// Everything, including managing the tenant's users.
    case owner
    /// Changes flows, templates, settings and recommendations; cannot manage users.
    case editor
    /// Reads only: cannot change anything.
    case viewer

    /// Whether the role may change anything at all.
    public var canEdit: Bool { self != .viewer }

    /// Whether the role may add, remove and change the tenant's users.
    public var canManageUsers: Bool { self == .owner }

    /// A stored text no version wrote reads as the least privileged role, never a crash.
    public init(stored: String) {
        self = UserRole(rawValue: stored) ?? .viewer
    }
}
