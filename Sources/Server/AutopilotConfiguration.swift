import AutopilotCore
import Engine
import Foundation
import Voice

/// Everything a process is configured with: the HTTP API, the worker, and which of the two it runs.
public struct AutopilotConfiguration: Sendable {
    public var server: ServerConfiguration
    public var worker: WorkerConfiguration
    /// Whether the process serves the HTTP API (`autopilot serve`) or not (`autopilot worker`).
    public var servesHTTP: Bool
    /// Whether the process runs the worker (`autopilot serve --no-worker` does not).
    public var runsWorker: Bool

    public init(
        server: ServerConfiguration = ServerConfiguration(), worker: WorkerConfiguration = WorkerConfiguration(), servesHTTP: Bool = true,
        runsWorker: Bool = true
    ) {
        self.server = server
        self.worker = worker
        self.servesHTTP = servesHTTP
        self.runsWorker = runsWorker
    }

    /// The one place a process reads its environment: `ServerConfiguration.fromEnvironment` when it serves HTTP,
    /// `WorkerConfiguration.fromEnvironment` when it runs the worker.
    public static func fromEnvironment(_ environment: [String: String], servesHTTP: Bool = true, runsWorker: Bool = true) throws
        -> AutopilotConfiguration
    {
        let server = servesHTTP ? try ServerConfiguration.fromEnvironment(environment) : ServerConfiguration()
        var worker = runsWorker ? try WorkerConfiguration.fromEnvironment(environment) : WorkerConfiguration()
        if runsWorker {
            // Flow steps `call:` are placed by the voice agent, on the worker's sending rules.
            let voice: VoiceSettings
            do { voice = try VoiceSettings.fromEnvironment(environment) } catch {
                throw ConfigurationError(variable: error.variable, reason: error.reason)
            }
            worker.settings.calls = FlowCalls(settings: voice, sending: worker.settings.smartSending)
        }
        return AutopilotConfiguration(server: server, worker: worker, servesHTTP: servesHTTP, runsWorker: runsWorker)
    }
}
