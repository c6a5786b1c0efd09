import Foundation

/// What the worker is configured with: how flows work through due work, where messages go, which CRMs are synced, and how
/// often the service sweeps. `fromEnvironment` is the one place these are read from the environment.
public struct WorkerConfiguration: Sendable {
    public var settings: FlowEngineSettings
    public var senders: SenderDirectory
    /// The CRMs the worker syncs (docs/crm.md); none by default.
    public var crm: CRMSettings
    /// The pause between two sweeps on the real clock.
    public var interval: Duration

    public init(
        settings: FlowEngineSettings = FlowEngineSettings(), senders: SenderDirectory = SenderDirectory(), crm: CRMSettings = CRMSettings(),
        interval: Duration = .seconds(1)
    ) {
        self.settings = settings
        self.senders = senders
        self.crm = crm
        self.interval = interval
    }

    /// The configuration of `autopilot serve` and `autopilot worker`: `FlowEngineSettings.fromEnvironment`,
    /// `SenderDirectory.fromEnvironment` and `CRMSettings.fromEnvironment`.
    public static func fromEnvironment(_ environment: [String: String]) throws -> WorkerConfiguration {
        let settings = try FlowEngineSettings.fromEnvironment(environment)
        let senders = try SenderDirectory.fromEnvironment(environment)
        return WorkerConfiguration(settings: settings, senders: senders, crm: try CRMSettings.fromEnvironment(environment))
    }
}
