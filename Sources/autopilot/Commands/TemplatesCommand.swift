import ArgumentParser
import AutopilotCore
import Engine
import Flows
import Foundation
import Storage

struct TemplatesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "templates",
        abstract: "A tenant's message templates and the built-in ones: list, show, activate, archive.",
        discussion: "Ids: NAME@VERSION (a tenant's version), NAME@builtin (the built-in one), NAME (the newest version, else the built-in one).",
        subcommands: [List.self, Show.self, Activate.self, Archive.self])

    struct Scope: ParsableArguments {
        @OptionGroup var database: DatabaseOptions
        @Option(help: "Tenant id or name (default: the only tenant).") var tenant: String?

        /// Runs `body` with the tenant's template service.
        func withService<Result: Sendable>(_ body: @Sendable (TemplateService) async throws -> Result) async throws -> Result {
            let flag = tenant
            return try await CommandLineSetup.withMigratedStore(database.configuration) { store, dependencies in
                try await body(TemplateService(dependencies: dependencies, tenantID: try await CommandLineSetup.tenantID(flag, store: store)))
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the templates; * marks those flows send.")
        @OptionGroup var scope: Scope
        @Option(help: "Only this channel: email, sms or whatsapp.") var channel: String?
        @Option(help: "Only this status: draft, active or archived.") var status: String?
        @Flag(help: "Print JSON.") var json = false

        func run() async throws {
            let channel = try channel.map { raw in
                guard let value = Channel(rawValue: raw) else {
                    throw ArgumentParser.ValidationError("--channel: \"\(raw)\" is not email, sms or whatsapp")
                }
                return value
            }
            let status = try status.map { raw in
                guard let value = TemplateStatus(rawValue: raw) else {
                    throw ArgumentParser.ValidationError("--status: \"\(raw)\" is not draft, active or archived")
                }
                return value
            }
            let views = try await scope.withService { try await $0.list(channel: channel, status: status) }
            if json {
                print(JSONValue.array(views.map { .object($0.jsonObject) }).jsonString)
                return
            }
            for view in views {
                let marker = view.inUse ? "*" : " "
                let id = view.id.padding(toLength: 36, withPad: " ", startingAt: 0)
                let status = view.template.status.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0)
                let channel = view.template.channel.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0)
                print("\(marker) \(id) \(status) \(channel) \(view.template.description)")
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print a template (YAML, or JSON with --json).")
        @OptionGroup var scope: Scope
        @Argument(help: "The template id, e.g. abandoned-cart-sms@2.") var id: String
        @Flag(help: "Print JSON.") var json = false

        func run() async throws {
            let id = self.id
            let view = try await scope.withService { try await $0.template(id: id) }
            print(
                json
                    ? JSONValue.object(view.jsonObject).jsonString
                    : "# \(view.id) (\(view.source.rawValue)\(view.inUse ? ", in use" : ""))\n" + view.template.encodedYAML)
        }
    }

    struct Activate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check a template with sample data and make it the one flows send (the previous active version is archived).")
        @OptionGroup var scope: Scope
        @Argument(help: "The template id, e.g. abandoned-cart-sms@2.") var id: String

        func run() async throws {
            let id = self.id
            let view = try await scope.withService { try await $0.activate(id: id) }
            print("\(view.id) is \(view.source == .builtIn ? "in use" : view.template.status.rawValue)")
        }
    }

    struct Archive: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Archive a template version; flows fall back to the built-in template of its name.")
        @OptionGroup var scope: Scope
        @Argument(help: "The template id, e.g. abandoned-cart-sms@2.") var id: String

        func run() async throws {
            let id = self.id
            let view = try await scope.withService { try await $0.archive(id: id) }
            print("\(view.id) is \(view.template.status.rawValue)")
        }
    }
}
