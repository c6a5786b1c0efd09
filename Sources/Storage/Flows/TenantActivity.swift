import Foundation

/// What the worker needs to know at the start of a round, for every tenant at once (one read): which tenants have events
/// to route, segments to keep, broadcasts under way, and the version of the state it caches (settings, flows), beside the
/// next due moments of timers, messages, actions and carts. A tenant with nothing of these costs the round no other read.
public struct TenantActivity: Sendable, Equatable {
    public struct Tenant: Sendable, Equatable {
        public var id: String
        /// Moves on every change of the tenant's settings, flows, flow versions or split decisions (0: never changed).
        public var stateVersion: Int64
        /// Events after the router's cursor.
        public var hasUnroutedEvents: Bool
        public var hasSegments: Bool
        /// A broadcast scheduled, testing or sending.
        public var hasActiveBroadcasts: Bool

        public init(id: String, stateVersion: Int64 = 0, hasUnroutedEvents: Bool = false, hasSegments: Bool = false, hasActiveBroadcasts: Bool = false) {
            self.id = id
            self.stateVersion = stateVersion
            self.hasUnroutedEvents = hasUnroutedEvents
            self.hasSegments = hasSegments
            self.hasActiveBroadcasts = hasActiveBroadcasts
        }
    }

    /// Every tenant, in the order of `TenantStore.tenants()` (creation, then id).
    public let tenants: [Tenant]
    public let due: DueMoments
    private let byID: [String: Int]

    public init(tenants: [Tenant] = [], due: DueMoments = DueMoments()) {
        self.tenants = tenants
        self.due = due
        byID = Dictionary(tenants.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The tenant with this id (nil: unknown at the time of the read).
    public func tenant(_ id: String) -> Tenant? {
        byID[id].map { tenants[$0] }
    }
}
