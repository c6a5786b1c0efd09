import AutopilotCore
import Engine
import LLM
import Logging

/// The tools on offer, by name: lists them for a caller, checks a call's input against the tool's schema, runs it for
/// the context's tenant, and turns whatever goes wrong into a `ToolError`. The MCP server, the assistant and the chat
/// agent are thin faces over it.
public struct ToolRegistry: Sendable {
    public let tools: [Tool]
    private let byName: [String: Tool]

    /// `tools` defaults to every tool Autopilot has (`ToolCatalog.all`); names must be unique.
    public init(tools: [Tool] = ToolCatalog.all) {
        self.tools = tools
        var byName: [String: Tool] = [:]
        for tool in tools {
            precondition(byName[tool.name] == nil, "two tools are named \(tool.name)")
            byName[tool.name] = tool
        }
        self.byName = byName
    }

    /// The tools this caller may use: a read-only caller sees only those that change nothing.
    public func tools(for caller: ToolCaller) -> [Tool] {
        caller.readOnly ? tools.filter { !$0.changesState } : tools
    }

    public func tool(named name: String) -> Tool? {
        byName[name]
    }

    /// Runs a tool for the context's tenant. `arguments` nil is an empty object. Never throws: a refusal or failure is
    /// `.failure` with a readable error (an unexpected one is logged with its details).
    public func call(_ name: String, arguments: JSONValue?, context: ToolContext) async -> ToolResult {
        guard let tool = byName[name] else { return .failure(.unknownTool(name)) }
        if tool.changesState && context.caller.readOnly {
            return .failure(
                ToolError(code: "read_only", reason: "\(name) changes the tenant's data, and this caller (\(context.caller)) may only read"))
        }
        let input = arguments ?? .object([:])
        let violations = JSONSchemaValidator.violations(of: input, against: tool.inputSchema)
        if let first = violations.first {
            return .failure(
                ToolError(
                    code: "invalid_input", path: first.path, reason: first.reason,
                    issues: violations.map { ValidationIssue(path: $0.path, message: $0.reason) }))
        }
        guard let object = input.objectValue else { return .failure(.invalid("$", "the arguments must be an object, not \(input.kindName)")) }
        do {
            return .success(try await tool.implementation(ToolInput(object), context))
        } catch is CancellationError {
            return .failure(ToolError(code: "cancelled", reason: "the call was cancelled"))
        } catch {
            let toolError = ToolError(engine: error)
            if toolError.code == "internal_error" {
                context.dependencies.logger.error(
                    "tool failed", metadata: ["tool": "\(name)", "tenant": "\(context.tenantID)", "error": "\(String(reflecting: error))"])
            }
            return .failure(toolError)
        }
    }
}
