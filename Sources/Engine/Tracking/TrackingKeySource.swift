import AutopilotCore
import Crypto
import Foundation
import Storage

/// Where the tracking key comes from: AUTOPILOT_TRACKING_SECRET when set (every process of the instance must share it),
/// else a random 256-bit secret created once in the database (`instance_secrets`, name `tracking`) that every process
/// using the same database reads. Rotating it invalidates every link already sent.
///
/// A reproducible run (simulation, demo, tests: ids from a `SeededIDGenerator`) uses a fixed, public database secret
/// instead, so that it sends exactly the same links every time (and draws nothing from its ids); never use seeded ids
/// in production.
public struct TrackingKeySource: Sendable {
    /// The instance secret's name in the database.
    public static let secretName = "tracking"

    let configured: String?
    let store: any ChannelSettingsStore
    let ids: any IDGenerator

    /// `configured`: AUTOPILOT_TRACKING_SECRET (nil or empty: the database's secret).
    public init(configured: String?, store: any ChannelSettingsStore, ids: any IDGenerator) {
        self.configured = configured.flatMap { $0.isEmpty ? nil : $0 }
        self.store = store
        self.ids = ids
    }

    /// The signer, creating the database's secret on first use.
    public func signer(now: Date) async throws -> TrackingSigner {
        if let configured { return TrackingSigner(secret: configured) }
        let candidate: String
        if ids is SeededIDGenerator {
            candidate = Base64URL.encode(Array(SHA256.hash(data: Array("autopilot reproducible run: tracking".utf8))))
        } else {
            candidate = SymmetricKey(size: .bits256).withUnsafeBytes { Base64URL.encode(Array($0)) }
        }
        return TrackingSigner(secret: try await store.instanceSecret(name: Self.secretName, candidate: candidate, at: now))
    }
}
