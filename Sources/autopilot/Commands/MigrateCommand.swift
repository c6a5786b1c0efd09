import ArgumentParser
import Engine
import Foundation
import Storage

struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "migrate", abstract: "Create or update the database schema.")

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let configuration = database.configuration
        let applied = try await configuration.withStore(logger: CommandLineSetup.logger) { store in
            try await store.migrate(now: Date())
        }
        print(
            applied.isEmpty
                ? "\(configuration): schema already current"
                : "\(configuration): applied migrations \(applied.map(String.init).joined(separator: ", "))")
    }
}
