import Flows
import Foundation
import Storage

/// A tenant's experiment settings as the router hands them to runs: the tenant-wide holdout and the decided winners.
public struct FlowExperimentSettings: Sendable, Hashable {
    /// The tenant setting holding the share of contacts held out of every marketing flow (a number from 0 to 50).
    public static let holdoutSetting = "experiments.holdout_percent"

    public var tenantHoldoutPercent: Double
    /// Flow id → the winning variant of its split.
    public var winners: [String: String]

    public init(tenantHoldoutPercent: Double = 0, winners: [String: String] = [:]) {
        self.tenantHoldoutPercent = tenantHoldoutPercent
        self.winners = winners
    }

    init(settings: [String: String], decisions: [SplitDecisionRecord]) {
        let percent = settings[Self.holdoutSetting].flatMap(Double.init) ?? 0
        self.init(
            tenantHoldoutPercent: percent.isFinite ? min(max(percent, 0), 50) : 0,
            winners: Dictionary(decisions.map { ($0.flowID, $0.winner) }, uniquingKeysWith: { first, _ in first }))
    }
}
