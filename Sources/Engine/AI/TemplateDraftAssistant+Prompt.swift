import AutopilotCore
import Flows
import LLM

extension TemplateDraftAssistant {
    /// The JSON the model answers with (OpenAI strict mode: every property required, nothing else allowed).
    public static let answerSchema: JSONValue = [
        "type": "object",
        "properties": [
            "name": ["type": "string", "description": "a short template id in lower-case English words joined by dashes"],
            "description": ["type": "string", "description": "what the message is for, one sentence"],
            "subject": ["type": "string", "description": "the email subject (empty for SMS and WhatsApp)"],
            "body": ["type": "string", "description": "the message text, in Mustache"],
        ],
        "required": ["name", "description", "subject", "body"],
        "additionalProperties": false,
    ]

    /// The same operation as a tool a chat assistant may call: `create_template_draft`.
    public static let tool = LLMTool(
        name: "create_template_draft",
        description: "Drafts a message template (email, SMS or WhatsApp) from a request, checks its variables and saves it as a draft "
            + "that a person must activate. Returns the draft, its variables and anything that keeps it from being activated.",
        parameters: [
            "type": "object",
            "properties": [
                "request": ["type": "string", "description": "what the message is for, in the person's words", "maxLength": 2_000],
                "channel": ["type": "string", "enum": ["email", "sms", "whatsapp"]],
                "locale": ["type": "string", "description": "the language of the message: fr, en, or a language with a region (fr-CA)"],
            ],
            "required": ["request", "channel", "locale"],
            "additionalProperties": false,
        ])

    /// Runs the tool call `create_template_draft` with the model's arguments; the answer is the tool result.
    public func run(toolArguments arguments: JSONValue) async throws -> TemplateDraftResult {
        guard let object = arguments.objectValue else {
            throw ValidationError(code: "invalid_draft_request", field: nil, message: "the arguments are \(arguments.kindName), expected an object")
        }
        return try await draft(TemplateDraftRequest(document: object))
    }

    static func systemPrompt(for request: TemplateDraftRequest) -> String {
        let channelRules: String
        switch request.channel {
        case .email:
            channelRules = "An email has a subject and a plain-text body; a marketing email ends with the unsubscribe link {{links.unsubscribe}}."
        case .sms:
            channelRules = "An SMS has no subject (answer an empty subject), at most 300 characters, and says how to opt out with STOP."
        case .whatsapp:
            channelRules = "A WhatsApp message has no subject (answer an empty subject) and stays short and friendly."
        }
        return """
            You write follow-up message templates for a small online shop. Write in the language of the locale \
            "\(request.locale)", in a warm, direct tone, without inventing discounts, prices, codes or claims.
            \(channelRules)
            Use Mustache variables only from this list (never invent one): \(TemplateVocabulary.variables.joined(separator: ", ")).
            Answer with JSON: name (lower-case words joined by dashes), description, subject, body.
            """
    }
}
