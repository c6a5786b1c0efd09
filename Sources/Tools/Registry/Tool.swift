import AutopilotCore

/// One operation of the engine offered to a model, a chat or an MCP host: a name, a plain description, JSON Schemas for
/// its input and its output, what it does to the tenant's data, and its implementation over the engine's operations.
///
/// A tool always runs for one tenant (`ToolContext`); its input has been checked against `inputSchema` before `run` is
/// called, and its answer is a JSON object that satisfies `outputSchema`.
public struct Tool: Sendable {
    /// `snake_case`, unique in the registry: `find_contact`.
    public let name: String
    /// A short human title: "Find a contact".
    public let title: String
    /// What the tool does and answers, in plain words, for the model choosing it.
    public let description: String
    public let inputSchema: JSONValue
    public let outputSchema: JSONValue
    public let effect: ToolEffect
    let implementation: @Sendable (ToolInput, ToolContext) async throws -> JSONValue

    public init(
        name: String, title: String, description: String, effect: ToolEffect, input: JSONValue, output: JSONValue,
        run: @escaping @Sendable (ToolInput, ToolContext) async throws -> JSONValue
    ) {
        self.name = name
        self.title = title
        self.description = description
        self.effect = effect
        self.inputSchema = input
        self.outputSchema = output
        self.implementation = run
    }

    /// Whether calling it changes anything the tenant has (a read-only API key never sees such a tool).
    public var changesState: Bool { effect.changesState }
}

/// What a tool does to the tenant's data, as MCP's annotations say it (`readOnlyHint`, `destructiveHint`, `idempotentHint`,
/// `openWorldHint`).
public enum ToolEffect: Sendable, Hashable {
    /// Reads only (it may record that it was used, such as a language model's cost).
    case readsOnly
    /// Adds or changes something. `destructive`: it may remove, overwrite or close something that cannot be had back;
    /// `idempotent`: calling it again with the same input changes nothing more; `reachesPeople`: it may send a message
    /// to someone outside the tenant's team.
    case changes(destructive: Bool, idempotent: Bool, reachesPeople: Bool = false)

    public var changesState: Bool {
        if case .changes = self { return true }
        return false
    }

    public var destructive: Bool {
        if case .changes(let destructive, _, _) = self { return destructive }
        return false
    }

    /// A read is idempotent; a change only when said so.
    public var idempotent: Bool {
        switch self {
        case .readsOnly: true
        case .changes(_, let idempotent, _): idempotent
        }
    }

    public var reachesPeople: Bool {
        if case .changes(_, _, let reachesPeople) = self { return reachesPeople }
        return false
    }
}
