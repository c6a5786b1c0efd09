import AutopilotCore
import LLM

/// A tool as the agent offers it to the model: what the tool registry says about one of its tools.
public struct AgentTool: Sendable, Hashable {
    /// The name the model calls it by (letters, digits, underscores, dashes).
    public var name: String
    /// What it does, for the model.
    public var description: String
    /// A JSON Schema of an object: the arguments. The agent checks every call against it before running it.
    public var inputSchema: JSONValue
    /// Whether running it changes anything (a draft created, a message sent). Such a call is never run on the model's
    /// word alone: the turn stops and asks the user to confirm it.
    public var changesState: Bool

    public init(name: String, description: String, inputSchema: JSONValue, changesState: Bool) {
        self.name = name
        self.description = description
        self.inputSchema = inputSchema
        self.changesState = changesState
    }

    /// The tool as the gateway sends it to a provider.
    public var llmTool: LLMTool {
        LLMTool(name: name, description: description, parameters: inputSchema)
    }
}

/// What running a tool gave: a JSON result, or a readable reason it failed (which goes back to the model).
public enum AgentToolOutput: Sendable, Hashable {
    case success(JSONValue)
    case failure(String)
}

/// The tools of one conversation (already scoped to its tenant) and the way to run them. The agent knows nothing
/// else about them: the registry behind `execute` lives in another module.
public struct AgentToolbox: Sendable {
    /// The tools the model may call, in the order it is told about them.
    public var tools: [AgentTool]
    /// Runs one call whose arguments are a JSON object satisfying the tool's schema. A thrown error becomes a failure
    /// the model reads (its description), except cancellation, which ends the turn.
    public var execute: @Sendable (LLMToolCall) async throws -> AgentToolOutput

    public init(tools: [AgentTool], execute: @escaping @Sendable (LLMToolCall) async throws -> AgentToolOutput) {
        self.tools = tools
        self.execute = execute
    }

    /// A toolbox with no tools: the model can only answer.
    public static let empty = AgentToolbox(tools: []) { call in .failure("There is no tool named \"\(call.name)\".") }

    /// The tool named `name`, if there is one.
    public func tool(named name: String) -> AgentTool? {
        tools.first { $0.name == name }
    }
}
