import AutopilotCore
import Engine

extension Tool {
    /// `hand_off_to_human {reason, summary?, contact?, idempotency_key?}`: a person of the team takes the conversation over.
    public static let handOffToHuman = Tool(
        name: "hand_off_to_human", title: "Hand the conversation to a person",
        description: "Asks a person of the shop's team to take over: when the customer asks for a human, is upset, or needs "
            + "something no tool can do. Creates a hand-off task with the reason and a short summary of the conversation so far, "
            + "and tells the team on Slack when it is set up. Tell the customer someone will answer.",
        effect: .changes(destructive: false, idempotent: true),
        input: Schema.object(
            [
                "reason": Schema.string("why a person should take over, in a few words", maxLength: 200),
                "summary": Schema.string("the conversation so far, for the person who takes over", maxLength: 10_000),
                "contact": Schema.taskContact,
                "idempotency_key": Schema.string("any text; the same key hands off once", maxLength: 200),
            ], required: ["reason"]),
        output: Schema.object(["task": Schema.anyObject, "created": Schema.type("boolean")], required: ["task", "created"], open: true),
        run: { input, context in
            let task = try await TaskService(dependencies: context.dependencies).handOff(
                tenantID: context.tenantID, contact: try TaskContact(json: input.arguments["contact"], field: "contact"),
                reason: try input.string("reason"), summary: try input.optionalString("summary") ?? "",
                createdBy: context.caller.description, idempotencyKey: try input.optionalString("idempotency_key"))
            return try JSONValue.encoding(task)
        })
}
