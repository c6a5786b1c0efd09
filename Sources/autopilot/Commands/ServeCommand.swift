import ArgumentParser
import Engine
import Foundation
import Hummingbird
import Logging
import Server

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve", abstract: "Serve the HTTP API (migrates the database first).")

    @OptionGroup var database: DatabaseOptions
    @Option(help: "Address to listen on (default $AUTOPILOT_HOST or 127.0.0.1).") var host: String?
    @Option(help: "Port to listen on (default $AUTOPILOT_PORT or 8080).") var port: Int?
    @Flag(help: "Serve the API only; run flows with separate `autopilot worker` processes.") var noWorker = false

    func run() async throws {
        var configuration = try ServerConfiguration.fromEnvironment(ProcessInfo.processInfo.environment)
        if let host { configuration.host = host }
        if let port {
            guard (0...65535).contains(port) else { throw ValidationError("--port: \(port) is not a port number") }
            configuration.port = port
        }
        let serverConfiguration = configuration
        let databaseConfiguration = database.configuration
        let logger = CommandLineSetup.logger
        logger.info("starting", metadata: ["database": "\(databaseConfiguration)", "address": "\(configuration.host):\(configuration.port)"])
        let runsWorker = !noWorker
        try await CommandLineSetup.withMigratedStore(databaseConfiguration) { _, dependencies in
            let app = buildApplication(configuration: serverConfiguration, dependencies: dependencies, databaseName: databaseConfiguration.description)
            let worker = runsWorker ? FlowWorker(engine: try FlowEngine(dependencies: dependencies, settings: try FlowEngineSettings.fromEnvironment(ProcessInfo.processInfo.environment), senders: try SenderDirectory.fromEnvironment(ProcessInfo.processInfo.environment)), crm: try CRMSync.fromEnvironment(ProcessInfo.processInfo.environment, dependencies: dependencies)) : nil
            try await withThrowingTaskGroup(of: Void.self) { group in
                if let worker { group.addTask { await worker.run() } }
                try await app.runService()
                group.cancelAll()
            }
        }
    }
}
