import AutopilotCore
import Foundation
import Logging
import MCP
import Tools

/// Autopilot's tools as an MCP server for one caller of one tenant: `tools/list` gives the tools the caller may use,
/// with their schemas and annotations; `tools/call` runs one through the registry. A refused or failed call is an
/// `isError` result whose text says why; only a tool that does not exist is a protocol error.
public struct MCPToolServer: Sendable {
    public static let name = "autopilot"
    public static let version = "1.0.0"

    public let registry: ToolRegistry
    public let context: ToolContext

    public init(registry: ToolRegistry = ToolRegistry(), context: ToolContext) {
        self.registry = registry
        self.context = context
    }

    /// A server with the tool handlers registered, ready to start on a transport.
    public func makeServer() async -> Server {
        let server = Server(
            name: Self.name, version: Self.version, title: "Autopilot",
            instructions: "Autopilot follows up a shop's customers and leads. These tools read and act on one shop's data: contacts, "
                + "orders, products, follow-ups to decide, flows, templates and reports.",
            capabilities: .init(tools: .init(listChanged: false)))
        let listed = registry.tools(for: context.caller).map(Self.describe)
        let registry = registry
        let context = context
        await server.withMethodHandler(ListTools.self) { _ in ListTools.Result(tools: listed) }
        await server.withMethodHandler(CallTool.self) { parameters in
            guard registry.tool(named: parameters.name) != nil else { throw MCPError.invalidParams("Unknown tool: \(parameters.name)") }
            let arguments = parameters.arguments.map { JSONValue(mcp: Value.object($0)) }
            return Self.answer(await registry.call(parameters.name, arguments: arguments, context: context))
        }
        return server
    }

    /// A tool as MCP lists it: its schemas, and annotations saying whether it reads only, may destroy, repeats safely, or
    /// reaches people outside the shop.
    static func describe(_ tool: Tools.Tool) -> MCP.Tool {
        let effect = tool.effect
        let annotations = MCP.Tool.Annotations(
            title: tool.title, readOnlyHint: !effect.changesState, destructiveHint: effect.destructive, idempotentHint: effect.idempotent,
            openWorldHint: effect.reachesPeople)
        return MCP.Tool(
            name: tool.name, title: tool.title, description: tool.description, inputSchema: Value(json: tool.inputSchema), annotations: annotations,
            outputSchema: Value(json: tool.outputSchema))
    }

    /// A registry result as an MCP result: the JSON as text and as structured content, or the error as text with `isError`.
    static func answer(_ result: ToolResult) -> CallTool.Result {
        switch result {
        case .success(let value):
            let structured: Value? = Value(json: value)
            return CallTool.Result(content: [.text(text: value.jsonString, annotations: nil, _meta: nil)], structuredContent: structured)
        case .failure(let error):
            var detail: JSONObject = ["code": .string(error.code), "message": .string(error.message)]
            detail["path"] = error.path.map(JSONValue.string)
            let structured: Value? = Value(json: ["error": .object(detail)])
            return CallTool.Result(content: [.text(text: error.message, annotations: nil, _meta: nil)], structuredContent: structured, isError: true)
        }
    }
}
