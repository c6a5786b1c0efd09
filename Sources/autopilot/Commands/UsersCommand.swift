import ArgumentParser
import AutopilotCore
import Engine
import Foundation
import Storage

struct UsersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "users", abstract: "Manage the dashboard's users: create them, list them, reset their passwords.",
        subcommands: [Create.self, List.self, ResetPassword.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a dashboard user; without --password-env, prints a one-time password (shown only once).")

        @Argument(help: "The user's email (it belongs to one tenant for the whole install).") var email: String
        @Option(help: "The tenant's id or name (may be left out when there is only one).") var tenant: String?
        @Option(help: "owner (everything, manages users), editor (changes things) or viewer (reads only).") var role: String
        @Option(help: "The name of an environment variable holding the password (at least 10 characters).") var passwordEnv: String?
        @OptionGroup var database: DatabaseOptions
        @Flag(help: "Print the user as JSON.") var json = false

        func run() async throws {
            let role = try UsersCommand.role(role)
            let password = try UsersCommand.password(fromEnvironment: passwordEnv)
            let created = try await CommandLineSetup.withMigratedStore(database.configuration) { store, dependencies in
                let tenantID = try await CommandLineSetup.tenantID(tenant, store: store)
                return try await AccountService(dependencies: dependencies).createUser(
                    tenantID: tenantID, email: email, role: role, password: password)
            }
            let shownPassword = password == nil ? created.password : nil
            if json {
                try JSONOutput.print(UserLine(created.user, password: shownPassword), pretty: false)
                return
            }
            print("User \(created.user.email) (\(created.user.role.rawValue)) created in tenant \(created.user.tenantID): \(created.user.id)")
            if let shownPassword { print("One-time password (shown only once, change it after signing in): \(shownPassword)") }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List dashboard users, of one tenant or of all.")

        @Option(help: "Only this tenant's users (id or name).") var tenant: String?
        @OptionGroup var database: DatabaseOptions
        @Flag(help: "Print the users as JSON.") var json = false

        func run() async throws {
            let users = try await CommandLineSetup.withMigratedStore(database.configuration) { store, dependencies in
                var tenantID: String?
                if let tenant { tenantID = try await CommandLineSetup.tenantID(tenant, store: store) }
                return try await AccountService(dependencies: dependencies).listUsers(tenantID: tenantID)
            }
            if json {
                try JSONOutput.print(users.map { UserLine($0, password: nil) }, pretty: false)
                return
            }
            for user in users {
                print("\(user.id)\t\(user.tenantID)\t\(user.email)\t\(user.role.rawValue)\t\(Timestamp.format(user.createdAt))")
            }
        }
    }

    struct ResetPassword: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "reset-password",
            abstract: "Set a new password and sign the user out everywhere; without --password-env, prints a one-time password.")

        @Argument(help: "The user's email.") var email: String
        @Option(help: "The name of an environment variable holding the new password (at least 10 characters).") var passwordEnv: String?
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let password = try UsersCommand.password(fromEnvironment: passwordEnv)
            let chosen = try await CommandLineSetup.withMigratedStore(database.configuration) { _, dependencies in
                try await AccountService(dependencies: dependencies).resetPassword(email: email, password: password)
            }
            print("Password of \(email.lowercased()) reset; its sessions are closed.")
            if password == nil { print("One-time password (shown only once, change it after signing in): \(chosen)") }
        }
    }

    static func role(_ text: String) throws -> UserRole {
        guard let role = UserRole(rawValue: text.lowercased()) else {
            throw ValidationError(code: "invalid_user", field: "--role", message: "must be owner, editor or viewer, not \"\(text)\"")
        }
        return role
    }

    /// The password held by the environment variable `name`, or nil when no variable is named.
    static func password(fromEnvironment name: String?) throws -> String? {
        guard let name else { return nil }
        guard let value = ProcessInfo.processInfo.environment[name], !value.isEmpty else {
            throw ValidationError(code: "invalid_user", field: "--password-env", message: "the environment variable \(name) is not set")
        }
        return value
    }
}

/// A user as the command line prints it in JSON.
struct UserLine: Encodable {
    var id: String
    var tenantID: String
    var email: String
    var role: String
    var language: String?
    var createdAt: Date
    var password: String?

    init(_ user: DashboardUser, password: String?) {
        id = user.id
        tenantID = user.tenantID
        email = user.email
        role = user.role.rawValue
        language = user.language
        createdAt = user.createdAt
        self.password = password
    }

    enum CodingKeys: String, CodingKey {
        case id, email, role, language, password
        case tenantID = "tenant_id"
        case createdAt = "created_at"
    }
}
