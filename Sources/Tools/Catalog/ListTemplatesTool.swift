import AutopilotCore
import Engine

extension Tool {
    /// `list_templates {channel?, status?}`: the shop's message templates and the built-in ones, with which version flows send.
    public static let listTemplates = Tool(
        name: "list_templates", title: "List the message templates",
        description: "Answers the shop's message templates (its own versions and the built-in ones it has not replaced): id "
            + "(NAME@VERSION or NAME@builtin), channel, purpose (marketing or transactional), status (draft, active, archived), whether "
            + "flows send it now, who wrote it (library, person, assistant) and its texts per language. Optional filters: channel, status.",
        effect: .readsOnly,
        input: Schema.object([
            "channel": Schema.string("only this channel", oneOf: Channel.allCases.map(\.rawValue)),
            "status": Schema.string("only this status", oneOf: TemplateStatus.allCases.map(\.rawValue)),
        ]),
        output: Schema.object(
            [
                "templates": Schema.array(
                    of: Schema.object(
                        [
                            "id": Schema.type("string"), "channel": Schema.type("string"), "status": Schema.type("string"),
                            "in_use": Schema.type("boolean"),
                        ],
                        required: ["id", "channel", "status", "in_use"], open: true))
            ], required: ["templates"]),
        run: { input, context in
            let views = try await TemplateService(dependencies: context.dependencies, tenantID: context.tenantID).list(
                channel: try input.optionalString("channel").flatMap(Channel.init(rawValue:)),
                status: try input.optionalString("status").flatMap(TemplateStatus.init(rawValue:)))
            return ["templates": .array(views.map { .object($0.jsonObject) })]
        })
}
