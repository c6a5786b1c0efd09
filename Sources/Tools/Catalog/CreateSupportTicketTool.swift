import AutopilotCore
import Engine

extension Tool {
    /// `create_support_ticket {subject, details?, contact?, idempotency_key?}`: a support task for the team, with a Slack notice.
    public static let createSupportTicket = Tool(
        name: "create_support_ticket", title: "Open a support ticket",
        description: "Opens a support ticket for the shop's team about a customer's problem (a damaged parcel, a refund, a "
            + "question nobody could answer), linked to the contact when their email or phone is known. The team is told on "
            + "Slack when it is set up.",
        effect: .changes(destructive: false, idempotent: true),
        input: Schema.object(
            [
                "subject": Schema.string("the problem in a few words", maxLength: 200),
                "details": Schema.string("what the customer said and what was tried", maxLength: 10_000),
                "contact": Schema.taskContact,
                "idempotency_key": Schema.string("any text; the same key opens one ticket", maxLength: 200),
            ], required: ["subject"]),
        output: Schema.object(["task": Schema.anyObject, "created": Schema.type("boolean")], required: ["task", "created"], open: true),
        run: { input, context in
            let ticket = try await TaskService(dependencies: context.dependencies).createSupportTicket(
                tenantID: context.tenantID, contact: try TaskContact(json: input.arguments["contact"], field: "contact"),
                subject: try input.string("subject"), details: try input.optionalString("details") ?? "",
                createdBy: context.caller.description, idempotencyKey: try input.optionalString("idempotency_key"))
            return try JSONValue.encoding(ticket)
        })
}
