import ArgumentParser
import Engine
import Foundation

struct WorkerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "worker", abstract: "Run flows (routing, timers, actions, dispatch) without the HTTP API; several may share a PostgreSQL database.")

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        try await CommandLineSetup.withMigratedStore(database.configuration) { _, dependencies in
            let worker = FlowWorker(engine: try FlowEngine(dependencies: dependencies, settings: try FlowEngineSettings.fromEnvironment(ProcessInfo.processInfo.environment), senders: try SenderDirectory.fromEnvironment(ProcessInfo.processInfo.environment)), crm: try CRMSync.fromEnvironment(ProcessInfo.processInfo.environment, dependencies: dependencies))
            try await withTaskCancellationHandler {
                await worker.run()
            } onCancel: {}
        }
    }
}
