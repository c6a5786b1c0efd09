import ArgumentParser
import Engine
import Foundation
import Logging
import Server
import ServiceLifecycle
import Storage

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve", abstract: "Serve the HTTP API (migrates the database first).")

    @OptionGroup var database: DatabaseOptions
    @Option(help: "Address to listen on (default $AUTOPILOT_HOST or 127.0.0.1).") var host: String?
    @Option(help: "Port to listen on (default $AUTOPILOT_PORT or 8080).") var port: Int?
    @Flag(help: "Serve the API only; run flows with separate `autopilot worker` processes.") var noWorker = false

    func run() async throws {
        var configuration = try AutopilotConfiguration.fromEnvironment(ProcessInfo.processInfo.environment, runsWorker: !noWorker)
        if let host { configuration.server.host = host }
        if let port {
            guard (0...65535).contains(port) else { throw ValidationError("--port: \(port) is not a port number") }
            configuration.server.port = port
        }
        let processConfiguration = configuration
        let databaseConfiguration = database.configuration
        CommandLineSetup.logger.info(
            "starting", metadata: ["database": "\(databaseConfiguration)", "address": "\(configuration.server.host):\(configuration.server.port)"])
        try await CommandLineSetup.withMigratedStore(databaseConfiguration) { store, dependencies in
            try await buildServiceGroup(
                configuration: processConfiguration.sealing(with: store.cipher), dependencies: dependencies,
                databaseName: databaseConfiguration.description
            )
            .run()
        }
    }
}
