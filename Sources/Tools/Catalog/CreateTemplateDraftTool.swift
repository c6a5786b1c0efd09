import AutopilotCore
import Engine
import LLM

extension Tool {
    /// `create_template_draft {request, channel, locale}`: the assistant writes a template draft, marked as its own, never active.
    public static let createTemplateDraft = Tool(
        name: "create_template_draft", title: "Draft a message template",
        description: TemplateDraftAssistant.tool.description
            + " The draft is marked as written by the assistant; a person reviews and activates it in the dashboard.",
        effect: .changes(destructive: false, idempotent: false),
        input: TemplateDraftAssistant.tool.parameters,
        output: Schema.object(
            [
                "template": Schema.object(
                    ["id": Schema.type("string"), "status": Schema.type("string"), "generated_by": Schema.type("string")],
                    required: ["id", "status"], open: true),
                "assistant": Schema.object(
                    ["provider": Schema.type("string"), "model": Schema.type("string"), "problems": Schema.array(of: Schema.anyObject)],
                    required: ["provider", "model"], open: true),
            ], required: ["template", "assistant"]),
        run: { input, context in
            let assistant = TemplateDraftAssistant(dependencies: context.dependencies, tenantID: context.tenantID)
            return .object(try await assistant.run(toolArguments: .object(input.arguments)).jsonObject)
        })
}
