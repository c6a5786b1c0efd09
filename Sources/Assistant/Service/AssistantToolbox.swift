import Agent
import AutopilotCore
import LLM
import Tools

/// The agent's toolbox from the tool registry, for one tenant and caller: a read-only caller is offered only the tools
/// that change nothing (and the registry refuses the others anyway). A refused or failed call goes back to the model
/// as the tool error's message, with its JSON path.
enum AssistantToolbox {
    static func make(registry: ToolRegistry, context: ToolContext) -> AgentToolbox {
        let tools = registry.tools(for: context.caller).map { tool in
            AgentTool(name: tool.name, description: tool.description, inputSchema: tool.inputSchema, changesState: tool.changesState)
        }
        return AgentToolbox(tools: tools) { call in
            let result = await registry.call(call.name, arguments: call.arguments, context: context)
            switch result {
            case .success(let value): return .success(value)
            case .failure(let error): return .failure(error.message)
            }
        }
    }
}
