import Foundation

/// What the worker needs to know at the start of a round, for every tenant at once: which tenants have events to route,
/// segments to keep, broadcasts under way, and the version of the state it keeps in memory (settings, flows), beside the
/// next due moments of timers, messages, actions and carts. A quiet tenant costs the round no read of its own.
///
/// The list of tenants with their state versions is read again only when the state signature (the number of tenants and
/// the sum of their versions, which only grow) moved since the previous read; otherwise it is the previous one.
public struct TenantActivity: Sendable, Equatable {
    public struct Tenant: Sendable, Equatable {
        public var id: String
        /// Moves on every change of the tenant's settings, flows, flow versions or split decisions (0: never changed).
        public var stateVersion: Int64

        public init(id: String, stateVersion: Int64 = 0) {
            self.id = id
            self.stateVersion = stateVersion
        }
    }

    /// What a tenant has for the passes that work tenant by tenant.
    public struct Work: Sendable, Equatable {
        /// Events after the router's cursor.
        public var hasUnroutedEvents = false
        public var hasSegments = false
        /// A broadcast scheduled, testing or sending.
        public var hasActiveBroadcasts = false

        public init(hasUnroutedEvents: Bool = false, hasSegments: Bool = false, hasActiveBroadcasts: Bool = false) {
            self.hasUnroutedEvents = hasUnroutedEvents
            self.hasSegments = hasSegments
            self.hasActiveBroadcasts = hasActiveBroadcasts
        }
    }

    /// The number of tenants and of their state rows, and the sum of their versions: when none moved, neither did any
    /// tenant's state.
    public struct Signature: Sendable, Equatable {
        public var tenants: Int64
        public var versions: Int64
        public var versionSum: Int64

        public init(tenants: Int64 = 0, versions: Int64 = 0, versionSum: Int64 = 0) {
            self.tenants = tenants
            self.versions = versions
            self.versionSum = versionSum
        }
    }

    /// Every tenant, in the order of `TenantStore.tenants()` (creation, then id), with the signature it was read at.
    public struct Roster: Sendable, Equatable {
        public let tenants: [Tenant]
        public let signature: Signature
        private let byID: [String: Int]

        public init(tenants: [Tenant] = [], signature: Signature = Signature()) {
            self.tenants = tenants
            self.signature = signature
            byID = Dictionary(tenants.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        }

        public func contains(_ tenantID: String) -> Bool { byID[tenantID] != nil }

        /// Cheap for a roster kept from one read to the next (the arrays share their storage).
        public static func == (lhs: Roster, rhs: Roster) -> Bool {
            lhs.signature == rhs.signature && lhs.tenants == rhs.tenants
        }
    }

    public let roster: Roster
    /// The tenants with any work; the others have none.
    public let work: [String: Work]
    public let due: DueMoments

    public init(roster: Roster = Roster(), work: [String: Work] = [:], due: DueMoments = DueMoments()) {
        self.roster = roster
        self.work = work
        self.due = due
    }

    public var tenants: [Tenant] { roster.tenants }

    /// The work of a tenant of the roster; nil for a tenant the read did not know (created since).
    public func work(of tenantID: String) -> Work? {
        if let work = work[tenantID] { return work }
        return roster.contains(tenantID) ? Work() : nil
    }
}
