import ArgumentParser
import Flows
import Foundation

struct FlowsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "flows", abstract: "Follow-up flows: the built-in library and your own flow files.",
        subcommands: [List.self, Show.self, Validate.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the built-in flows.")

        func run() async throws {
            for flow in try FlowLibrary.builtIn {
                print("\(flow.id.padding(toLength: 28, withPad: " ", startingAt: 0)) v\(flow.version)  \(flow.name)")
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print a built-in flow's definition (YAML).")
        @Argument(help: "The flow id, e.g. abandoned-cart.") var id: String

        func run() async throws {
            guard let source = FlowLibrary.source(id: id) else { throw ValidationError("no built-in flow \"\(id)\"; see `autopilot flows list`") }
            print(source)
        }
    }

    struct Validate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Check a flow file (YAML or JSON); every problem is reported with its path and reason.")
        @Argument(help: "The flow file.") var file: String

        func run() async throws {
            guard let text = try? String(contentsOfFile: file, encoding: .utf8) else { throw ValidationError("cannot read \(file)") }
            let issues = FlowDefinition.validate(text)
            if issues.isEmpty {
                print("\(file): valid")
                return
            }
            for issue in issues { print("\(file): \(issue)") }
            throw ExitCode(1)
        }
    }
}
