import ArgumentParser
import Engine
import Foundation
import MCPServer
import Server
import Tools

/// `autopilot mcp --tenant T`: the tools over MCP on standard input and output, for an MCP host that starts Autopilot
/// itself (Claude Desktop and the like). Logs go to standard error; standard output carries only MCP messages.
struct McpCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mcp",
        abstract: "Serve Autopilot's tools to an MCP host over standard input and output, for one tenant (see docs/mcp.md).")

    @Option(help: "Tenant id or name (default: the only tenant).") var tenant: String?
    @Flag(help: "Offer only the tools that change nothing.") var readOnly = false
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let flag = tenant
        let readOnly = readOnly
        let server = (try? ServerConfiguration.fromEnvironment(ProcessInfo.processInfo.environment)) ?? ServerConfiguration()
        let settings = server.toolSettings
        let registry = server.toolRegistry
        try await CommandLineSetup.withMigratedStore(database.configuration) { store, dependencies in
            let tenantID = try await CommandLineSetup.tenantID(flag, store: store)
            let caller = ToolCaller(kind: .commandLine, name: "mcp", readOnly: readOnly)
            let mcp = MCPToolServer(registry: registry, context: ToolContext(tenantID: tenantID, dependencies: dependencies, caller: caller, settings: settings))
            try await mcp.runOverStandardIO(logger: dependencies.logger)
        }
    }
}
