import ArgumentParser
import Engine
import Foundation
import Server
import ServiceLifecycle
import Storage

struct WorkerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "worker",
        abstract: "Run flows (routing, timers, actions, dispatch) without the HTTP API; several may share a PostgreSQL database.")

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let configuration = try AutopilotConfiguration.fromEnvironment(ProcessInfo.processInfo.environment, servesHTTP: false)
        let databaseConfiguration = database.configuration
        try await CommandLineSetup.withMigratedStore(databaseConfiguration) { store, dependencies in
            try await buildServiceGroup(
                configuration: configuration.sealing(with: store.cipher), dependencies: dependencies, databaseName: databaseConfiguration.description)
                .run()
        }
    }
}
