import AutopilotCore
import Engine

extension Tool {
    /// `send_message {contact_id | email | phone, template, context?, idempotency_key?}`: one approved message to one contact,
    /// through consent and smart sending — refused with the reason otherwise.
    public static let sendMessage = Tool(
        name: "send_message", title: "Send a message to a contact",
        description: "Sends one message to one contact (named by contact_id, email or phone) from an approved template: the shop's "
            + "active version or the built-in one (list_templates shows which are in use). The template says the channel and whether "
            + "it is marketing (needs the contact's consent) or transactional. The sending rules decide: a message they forbid (no "
            + "consent, unsubscribed, no address) is refused with the reason; one they delay (quiet hours, frequency cap) is queued "
            + "and answered with when it goes. `context` holds the values the template reads (such as order details); the same "
            + "`idempotency_key` sends once.",
        effect: .changes(destructive: false, idempotent: false, reachesPeople: true),
        input: Schema.object(
            [
                "contact_id": Schema.string("Autopilot's id of the contact", maxLength: 200),
                "email": Schema.string("the contact's email address", maxLength: 320),
                "phone": Schema.string("the contact's phone number", maxLength: 40),
                "template": Schema.string("the template's name (order-shipped), without a version", maxLength: 200),
                "context": ["type": "object", "description": "values the template reads besides the contact, the shop and the links"],
                "idempotency_key": Schema.string("any text; the same key sends the message once", maxLength: 200),
            ], required: ["template"]),
        output: Schema.object(
            [
                "message_id": Schema.type("string"), "status": Schema.string("queued, or held until sends_at", oneOf: ["queued", "held"]),
                "template": Schema.type("string"), "channel": Schema.type("string"), "purpose": Schema.type("string"),
                "sends_at": Schema.type("string"), "held_by": Schema.type("string"), "held_because": Schema.type("string"),
            ], required: ["message_id", "status", "template", "channel", "purpose"]),
        run: { input, context in
            let contactID = try await ContactLookup(context: context).contactID(input, allowID: true)
            let template = try input.string("template")
            guard !template.contains("@") else {
                throw ToolError.invalid("$.template", "give the template's name without a version: the version in use is sent")
            }
            let request = MessageRequest(
                contactID: contactID, template: template, context: try input.object("context") ?? [:],
                idempotencyKey: try input.optionalString("idempotency_key"), requestedBy: context.caller.description)
            let receipt = try await MessageRequests(
                dependencies: context.dependencies, tenantID: context.tenantID, sendingRules: context.settings.sendingRules
            ).send(request)
            return try JSONValue.encoding(receipt)
        })
}
