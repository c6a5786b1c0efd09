import AutopilotCore
import HTTPTypes
import HummingbirdWSClient
import Logging
import NIOCore
import Synchronization

/// Opens a realtime provider's WebSocket and hands its two directions to `session`; tries the providers in order.
struct RealtimeConnector: Sendable {
    let providers: [RealtimeProvider]
    let connectTimeout: Duration
    let logger: Logger

    /// What happened: the provider that was used (nil when none could be reached) and why the others failed.
    struct Outcome: Sendable {
        var provider: RealtimeProvider?
        var failures: [String]
    }

    /// Connects to each provider in turn until one opens; while it is open, `whileOpen` runs with its writer and its
    /// messages. Returns when the used provider's connection ends (or none could be opened).
    func run(
        whileOpen: @escaping @Sendable (RealtimeProvider, WebSocketOutboundWriter, WebSocketInboundStream) async throws -> Void
    ) async -> Outcome {
        var failures: [String] = []
        for provider in providers {
            if Task.isCancelled { break }
            let opened = OpenFlag()
            let configuration = Self.configuration(for: provider)
            do {
                try await withThrowingTaskGroup(of: Void.self) { group in
                    group.addTask {
                        try await WebSocketClient.connect(url: provider.url, configuration: configuration, logger: logger) { inbound, outbound, _ in
                            opened.set()
                            try await whileOpen(provider, outbound, inbound)
                        }
                    }
                    group.addTask {
                        try await Task.sleep(for: connectTimeout)
                        if !opened.value { throw ConnectTimeout() }
                        try await Task.sleep(for: .seconds(1_000_000))
                    }
                    try await group.next()
                    group.cancelAll()
                }
            } catch {
                if !opened.value {
                    failures.append("\(provider.name): \(error)")
                    logger.warning("realtime provider unreachable", metadata: ["provider": "\(provider.name)", "error": "\(error)"])
                    continue
                }
            }
            if opened.value { return Outcome(provider: provider, failures: failures) }
            failures.append("\(provider.name): the connection ended before it opened")
        }
        return Outcome(provider: nil, failures: failures)
    }

    /// Frames up to 1 MB; the key as a bearer token; the beta header for a provider on the beta protocol.
    static func configuration(for provider: RealtimeProvider) -> WebSocketClientConfiguration {
        var configuration = WebSocketClientConfiguration(maxFrameSize: 1 << 20)
        if let key = provider.apiKey { configuration.additionalHeaders[.authorization] = "Bearer " + key }
        if provider.dialect == .beta, let name = HTTPField.Name("OpenAI-Beta") { configuration.additionalHeaders[name] = "realtime=v1" }
        return configuration
    }

    struct ConnectTimeout: Error, CustomStringConvertible {
        var description: String { "no answer in time" }
    }
}

/// Set once, read from any task.
final class OpenFlag: Sendable {
    private let state = Mutex(false)
    func set() { state.withLock { $0 = true } }
    var value: Bool { state.withLock { $0 } }
}
