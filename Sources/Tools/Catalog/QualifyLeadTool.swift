import AutopilotCore
import Engine

extension Tool {
    /// `qualify_lead {text}`: the BANT model on a lead's own words (the language model refines it when configured).
    public static let qualifyLead = Tool(
        name: "qualify_lead", title: "Qualify a lead",
        description: "Reads a prospect's message (French or English) for budget, authority, need and timeline, and answers the lead's "
            + "score out of 100, its tier (hot, warm, cool, cold), each field found with the words it was read from. Stores nothing.",
        effect: .readsOnly,
        input: Schema.object(["text": Schema.string("the lead's message or notes, as written", maxLength: 20_000)], required: ["text"]),
        output: Schema.object(
            [
                "score": Schema.integer("0 to 100", minimum: 0, maximum: 100),
                "tier": Schema.type("string"),
                "fit": Schema.type("boolean"),
                "engagement": Schema.type("integer"),
                "budget": Schema.type("object", "null"),
                "timeline": Schema.type("string", "null"),
                "decisionMaker": Schema.type("boolean", "null"),
                "evidence": Schema.anyObject,
            ], required: ["score", "tier", "evidence"], open: true),
        run: { input, context in
            let service = LeadQualificationService(clock: context.dependencies.clock, ai: context.dependencies.ai, tenantID: context.tenantID)
            return try JSONValue.encoding(try await service.qualify(text: try input.string("text")))
        })
}
